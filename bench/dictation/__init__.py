"""Dictation (issue 29): the test recordings' maker and the word error rate and speed
eval."""
