"""Stage 5: price scoring and best price-quality ranking. One price method per file."""
