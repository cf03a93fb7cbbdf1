"""The store's benchmarks: a note's save and an import against raw psycopg (`speed`), the
audit chain's verification against raw HMAC (`audit`), backup and checked restore
(`backup`), and the crash-and-load runs (`crash_load`)."""
