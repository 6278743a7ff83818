"""Placeholder replaced with the panel stage."""

from pathlib import Path


def schrijf_beoordelingen(doel: Path) -> None:
    (doel / "beoordelingen").mkdir(exist_ok=True)
