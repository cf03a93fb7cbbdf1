"""The service the GUI and CLI drive (`ChartsideApi`), made of its parts, and its health checks."""
