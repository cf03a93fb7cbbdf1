"""Getting in: the unlock screen (which is also "create a passphrase"), first run, and
showing the recovery key."""
