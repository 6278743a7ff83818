"""A failed award marks the previous reports as not belonging to the current inputs; it never removes them.

The reports are swapped in as a whole only when an award succeeds (schrijfwacht.atomaire_map), so an award that
stops (a lot short of capacity after a withdrawal, an input error) leaves the letters and the advies of the last
successful run in rapporten/, looking as current as before: someone may send them. Deleting or moving them would
destroy or hide what was written (and what `controleer` checks against the logboek); instead a text file
NIET-ACTUEEL.txt is put in rapporten/ and in brieven/ and gemeenten/ (the folders whose files are sent): which run
failed, why, which inputs changed since the reports were written. Only when an input changed (or the logboek
names no award): with the very inputs of the reports (a failure of the disk) they are still the
award's, and saying otherwise would be untrue. `controleer` fails while it is there, and the
next award that succeeds does not carry it over (pipeline.schrijf_uitvoer), so it disappears with the old reports.

Each marker is written atomically (schrijfwacht), under the werkmap lock of the failed command.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from evaluatie.fouten import EXIT_EVALUATIE, EXIT_INVOER, EvaluatieFout, InvoerFout
from evaluatie.werkmap import Werkmap

MARKERING = "NIET-ACTUEEL.txt"
MAPPEN = ("", "brieven", "gemeenten")  # under rapporten/: the top, and the folders whose files are sent out


def is_markering(rel: str) -> bool:
    """Whether a path relative to rapporten/ ('brieven/NIET-ACTUEEL.txt') is a marker of a failed award."""
    pad = Path(rel)
    return pad.name == MARKERING and pad.parent.as_posix() in (".", *MAPPEN)


def markeer(werkmap: Werkmap, commando: str, fout: InvoerFout | EvaluatieFout) -> str | None:
    """Mark the reports an earlier award left in rapporten/ after `commando` failed with `fout`. Returns the
    sentence for the terminal, or None when rapporten/ holds nothing an award wrote (nothing to mark)."""
    if isinstance(fout, InvoerFout):
        code, redenen = EXIT_INVOER, [str(f) for f in fout.fouten]
    else:
        code, redenen = EXIT_EVALUATIE, list(fout.meldingen)
    kop = [f"'evaluatie {commando}' is niet afgerond (uitgangscode {code}) op {_nu()}:", *(f"  {r}" for r in redenen)]
    return _markeer(werkmap, kop)


def markeer_na_besluit(werkmap: Werkmap, commando: str, bestand: str) -> str | None:
    """Mark the reports of the last award after a decision command changed `bestand` (besluiten.yaml, loting.yaml): the
    letters and the advies state the decisions as they were (a draw now withdrawn, a correction not yet made) until
    an award replaces them. Left unmarked, they looked as current as before, and someone might send them."""
    kop = [
        f"'evaluatie {commando}' heeft op {_nu()} {bestand} gewijzigd (een besluit of loting vastgelegd of "
        "ingetrokken); de gunning is daarna nog niet opnieuw uitgerekend."
    ]
    return _markeer(werkmap, kop)


def _nu() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _markeer(werkmap: Werkmap, kop: list[str]) -> str | None:
    """Write the marker (what happened: `kop`) where an award's reports are; the sentence for the terminal."""
    from evaluatie.schrijfwacht import SchrijfFout, schrijf_tekst

    rapporten = werkmap.rapporten
    try:
        if not _heeft_gunningsuitvoer(rapporten):
            return None
        tekst, vorige = _tekst(werkmap, kop)
    except (InvoerFout, EvaluatieFout, OSError) as e:  # said with the failure itself, never instead of it
        return (
            f"de rapporten in {rapporten} konden niet worden nagegaan of gemarkeerd ({e}); ga na of ze bij de huidige "
            "invoer horen voordat u iets verstuurt"
        )
    if tekst is None:  # the inputs are those the reports were made from (a full disk): they are current
        return None
    paden = [rapporten / sub / MARKERING for sub in MAPPEN if _gewone_map(rapporten / sub)]
    try:
        for pad in paden:
            schrijf_tekst(pad, tekst)
    except SchrijfFout as e:
        return (
            f"de rapporten in {rapporten} zijn van de vorige gunning ({vorige}) en horen niet bij de huidige invoer; "
            f"ze konden niet als zodanig worden gemarkeerd ({e.pad}: {e.reden}). Verstuur ze niet"
        )
    return (
        f"de rapporten in {rapporten} zijn van de vorige gunning ({vorige}) en horen niet bij de huidige invoer; "
        f"gemarkeerd met {', '.join(str(p) for p in paden)}. Verstuur ze niet; een gunning die slaagt, vervangt ze "
        "en haalt de markering weg"
    )


def markering(werkmap: Werkmap) -> list[str]:
    """The marker's lines (for `controleer`), or [] when the reports are not marked. Every place a marker is put
    counts: one removed by hand from rapporten/ still leaves the letters in brieven/ marked."""
    paden = [werkmap.rapporten / sub / MARKERING for sub in MAPPEN]
    gevonden = [p for p in paden if p.is_file()]
    if not gevonden:
        return []
    pad = gevonden[0]
    regels = [r.strip() for r in pad.read_text(encoding="utf-8", errors="replace").splitlines()[1:] if r.strip()]
    kop = (
        f"{', '.join(werkmap.relatief(p) for p in gevonden)}: de rapporten horen niet bij de huidige invoer (een "
        "gunning is daarna niet afgerond); verstuur ze niet. Het bestand zegt:"
    )
    return [kop, *regels]


def _tekst(werkmap: Werkmap, kop: list[str]) -> tuple[str | None, str]:
    """The marker's text and the run the reports are of; no text when the logged award read exactly the current
    inputs: the same inputs give the same reports, so they are current and the failure lies elsewhere."""
    from evaluatie.invoerverschil import gewijzigde_invoer
    from evaluatie.logboek import lees

    log = lees(werkmap).laatste_gunning()
    if log is None:
        vorige = "een gunning die niet in het logboek staat"
        verschil = ["Welke invoer die rapporten lazen, is niet na te gaan: het logboek noemt geen gunning."]
    else:
        vorige = f"'evaluatie {log['commando']}' van {log['tijd']}"
        gewijzigd = gewijzigde_invoer(werkmap, log)
        if not gewijzigd:
            return None, vorige
        verschil = [
            f"Gewijzigd sinds de gunning waarvan deze rapporten zijn ({vorige}):",
            *(f"  {r}" for r in gewijzigd),
        ]
    regels = [
        "NIET ACTUEEL - NIET VERSTUREN",
        "",
        *kop,
        "",
        f"De rapporten in {werkmap.rapporten.name}/ (het gunningsadvies, gunning.json, de brieven en de pagina's per "
        f"gemeente) zijn van {vorige} en horen niet bij de huidige invoer.",
        *verschil,
        "",
        "Verstuur niets uit deze map. Een gunning die slaagt, vervangt de rapporten en haalt dit bestand weg; "
        "'evaluatie controleer' faalt zolang het er staat.",
    ]
    return "\n".join(regels) + "\n", vorige


def _heeft_gunningsuitvoer(rapporten: Path) -> bool:
    from evaluatie.rapport.schrijven import is_gunningsuitvoer

    if not _gewone_map(rapporten):
        return False
    return any(p.is_file() and is_gunningsuitvoer(p.relative_to(rapporten).as_posix()) for p in rapporten.rglob("*"))


def _gewone_map(pad: Path) -> bool:
    """A folder of its own, not a link: a marker is never written through a link to somewhere else."""
    return pad.is_dir() and not pad.is_symlink()
