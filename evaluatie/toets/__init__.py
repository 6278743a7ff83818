"""Stage 3: knock-out check. One rule per file in regels/, found through the registry."""
