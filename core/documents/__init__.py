"""Documents attached to a client: checked, stored encrypted, read page by page."""
