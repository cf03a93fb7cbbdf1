"""Dictation: speech to text on the device. The transcript's types and the
`Transcriber` port that `models/speech.py` implements, the recogniser's prompt from the
client's own lists, word error rate, and the SOAP sorting of a spoken visit."""
