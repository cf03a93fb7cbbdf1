"""What is read from the notes over time: the flowsheet (table and plots), the brief
("Since the last visit") with its export, and the timeline's words on screen."""
