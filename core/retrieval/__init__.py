"""Chunking, indexing and hybrid search over the notes of the unlocked workspace (DESIGN §4, §5)."""
