"""Encrypted backups and checked restores: archive, file format, PostgreSQL side, schedule."""
