"""Database: schema, embedded server lifecycle, engines and migrations."""
