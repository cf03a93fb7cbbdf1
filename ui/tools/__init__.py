"""The dialogs the Tools and File menus open: settings, diagnostics, models,
practitioners, backups, deleting local data, the embedder offer; and the two dialog
shapes they share (`tool_dialog`, `task_dialog`)."""
