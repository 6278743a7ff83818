"""Rebuild bids/voorbeeld byte-identically: python bids/genereer_voorbeeld.py"""

from pathlib import Path

from evaluatie.voorbeeld import genereer

if __name__ == "__main__":
    pad = genereer(Path(__file__).resolve().parent / "voorbeeld")
    print(f"Voorbeeldaanbesteding geschreven in {pad}")
