"""The service the GUI and CLI drive (`NotesApi`), made of its parts, and its health checks."""
