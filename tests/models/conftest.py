"""The packaged-model fixtures live in tests/conftest.py: the retrieval and assistant tests
share them, and each model is loaded once per test session (2-core CI)."""
