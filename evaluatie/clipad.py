"""A path option or argument that is never empty: `--werkmap ""` is not the current folder.

A script that calls `evaluatie gunning --werkmap "$MAP"` with MAP unset passes an empty string; click's
Path reads it as '.', so the command ran on whatever tender the current folder held, without a word. An
empty path is a usage error at its option. So is a path that is no UTF-8 (a folder from a Windows zip or share,
'wérk' as the byte E9): every file under it was 'geen leesbare Excel-werkmap' (evaluatie.padtekst). Text options
are checked for the same (Tekst, given to every command's text options by evaluatie.clijson.Commando).
"""

from __future__ import annotations

from typing import Any

import click

from evaluatie.padtekst import geen_utf8, leesbaar, tekst_geen_utf8


class NietLeegPad(click.Path):
    """click.Path that refuses an empty value (given as '', or only spaces)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and not value.strip():
            self.fail("is leeg; geef een map of bestand op (een lege variabele in een script?)", param, ctx)
        if isinstance(value, str) and (fout := geen_utf8(value, "het pad", "de map of het bestand")) is not None:
            self.fail(f"{leesbaar(value)}: {fout}", param, ctx)
        return super().convert(value, param, ctx)


class Tekst(click.types.StringParamType):
    """click's text type that refuses text that is no UTF-8 (evaluatie.padtekst.tekst_geen_utf8), at its option and
    before the command runs: a reason typed in a Latin-1 terminal was written into besluiten.yaml, and then the
    logboek entry failed, in English and without the option, leaving a werkmap every later command refused."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        value = super().convert(value, param, ctx)
        if isinstance(value, str) and (fout := tekst_geen_utf8(value)) is not None:
            self.fail(fout, param, ctx)
        return value


TEKST = Tekst()
