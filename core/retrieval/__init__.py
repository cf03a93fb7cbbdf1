"""Chunking, indexing and hybrid search over the notes of the unlocked workspace
(docs/architecture.md)."""
