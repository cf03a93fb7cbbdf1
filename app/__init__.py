"""Composition root: settings -> database -> keys -> services -> GUI or CLI."""
