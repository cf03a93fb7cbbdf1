"""The assistant panel: asking a client's notes, the conversation it holds, an answer's
sources, and model output rendered so that nothing in it can act."""
