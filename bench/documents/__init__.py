"""Documents: the generator of the committed test set, and its eval (issue 30)."""
