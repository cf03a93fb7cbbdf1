"""What the timeline says back: questions over time recognised, answered and worded, and the
brief before a visit."""
