"""The visit's type and which visit of a series it is."""
