"""Stage 4: independent panel scoring. Blind reviewer forms, reading them back, aggregation."""
