"""Dictation (issue 29): the test recordings' maker, the word error rate and speed eval
(`eval`, `eval_holdout`) and how soon the first dictated words show (`first_words`)."""
