"""Award certainty: how solid is the ranking and the allocation, before the letters go out."""
