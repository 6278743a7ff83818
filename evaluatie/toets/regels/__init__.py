"""Knock-out rules, one per module. Each registers itself with @registreer."""
