"""The full-text index: derived from the database, rebuildable at any time."""
