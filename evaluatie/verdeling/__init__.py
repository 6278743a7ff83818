"""Stage 6: allocation of each gemeente's inburgeraars across admitted suppliers (PuLP)."""
