"""evaluatie: qualify suppliers and evaluate tenders for joint purchase of inburgering routes.

The pipeline runs over a tender workspace (werkmap) in pure stages:
definitie -> inschrijving -> toets -> beoordeling -> prijs -> verdeling -> rapport.
"""

__version__ = "0.1.0"
