"""Keys, field encryption, the OS keyring, re-encryption, auto-lock and the audit chain."""
