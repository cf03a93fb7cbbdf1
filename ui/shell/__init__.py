"""The window itself: the entry point and controller (`app`), the main window and its menus,
the status-bar lines, quitting on a signal and the crash log. It lays the other rooms out
and wires them; nothing below imports it."""
