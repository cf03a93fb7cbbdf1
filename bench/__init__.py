"""Benchmarks: each compares our path with the raw library doing the same work, in one run."""
