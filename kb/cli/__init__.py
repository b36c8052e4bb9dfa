"""The `kb` command: a thin client of the core; it adds parsing and printing, no rules."""
