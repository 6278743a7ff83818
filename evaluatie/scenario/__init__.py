"""What-if scenarios: re-run the award with changed tender rules, without touching the files."""
