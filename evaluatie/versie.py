"""The package version, in one place below every stage (the package's __init__ is its public face, on top)."""

__version__ = "0.1.0"
