"""The timeline's eval sets, one folder each: its data (data.json, committed so it never
drifts) and, for a generated set, the generator that writes it."""
