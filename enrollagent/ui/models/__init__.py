"""Table models over the store, and the per-change cache of person states they share."""
