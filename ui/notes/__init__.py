"""The notes: the client and session panes, their editors, the unsaved-changes gate,
drafts kept and offered back, and search within a client's notes."""
