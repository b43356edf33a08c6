"""`zelftest controleer`: every finding about a bank with its file:line and the fix; the
names and texts a bank may use, and walks over answer paths that render every text."""
