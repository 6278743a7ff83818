"""Stage 2: bid intake. The bid form for bidders, and loading the filled-in forms."""
