"""Chartside's PySide6 front end. Services arrive through constructors; nothing here touches
the database or the model runtimes directly (docs/architecture.md)."""
