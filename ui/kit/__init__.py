"""What every room uses: the task runner, how errors look, bidirectional text, contrast,
core's and the note fields' words on screen, and two small widgets (`lists`, `elided`)."""
