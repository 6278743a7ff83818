"""Price, ranking and allocation per lot, joined into one award outcome (gunning.json)."""
