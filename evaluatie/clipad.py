"""A path option or argument that is never empty: `--werkmap ""` is not the current folder.

A script that calls `evaluatie gunning --werkmap "$MAP"` with MAP unset passes an empty string; click's
Path reads it as '.', so the command ran on whatever tender the current folder held, without a word. An
empty path is a usage error at its option.
"""

from __future__ import annotations

from typing import Any

import click


class NietLeegPad(click.Path):
    """click.Path that refuses an empty value (given as '', or only spaces)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and not value.strip():
            self.fail("is leeg; geef een map of bestand op (een lege variabele in een script?)", param, ctx)
        return super().convert(value, param, ctx)
