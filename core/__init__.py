"""Chartside's domain: everything that is neither Qt nor an ML runtime."""
