"""Stage 7: the award-justification reports (gunningsadvies, letters, per-gemeente summaries)."""
