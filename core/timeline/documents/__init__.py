"""Facts read from the pages of attached documents."""
