"""logboek.jsonl: one line per evaluating command, with the hash of every input and output.

This is what `evaluatie controleer` replays, and what shows a court that the award
documents were produced from these inputs by this code (package version and git commit).

The pipeline writes the entries (never the CLI), so a run through the Python API leaves the
same trace as the same run on the command line. Reading is robust: a line that a crash or a
full disk left half-written is reported with its line number and skipped; the good lines
still serve `controleer` and the replacement of a previous award's outputs.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evaluatie.hashing import sha256_bestand
from evaluatie.inschrijving.model import Invoerbestand
from evaluatie.versie import __version__
from evaluatie.werkmap import Werkmap

AWARD_COMMANDO_S = ("gunning", "rapport")
VERPLICHTE_VELDEN = ("tijd", "commando", "opties", "invoer", "uitvoer")


_VOORAF: dict[Path, Any] = {}  # git calls started ahead (start_code_commit), by checkout: collected by code_commit
_BEANTWOORD: set[Path] = set()  # checkouts code_commit has answered for (its answer is cached)


def _bron(bron: Path | None) -> Path:
    return bron or Path(__file__).resolve().parent.parent


def _git_status(bron: Path) -> list[str]:
    return ["git", "-C", str(bron), "status", "--porcelain=v2", "--branch", "--untracked-files=no", "--", "evaluatie"]


_GIT_PLAATS = (
    "GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_IMPLICIT_WORK_TREE", "GIT_PREFIX", "GIT_NAMESPACE", "GIT_GRAFT_FILE",
    "GIT_SHALLOW_FILE", "GIT_REPLACE_REF_BASE", "GIT_NO_REPLACE_OBJECTS", "GIT_INTERNAL_SUPER_PREFIX",
    "GIT_CEILING_DIRECTORIES", "GIT_DISCOVERY_ACROSS_FILESYSTEM",
)  # fmt: skip
"""Variables that point git at another repository (`git rev-parse --local-env-vars`, and discovery)."""


def _git_omgeving() -> dict[str, str]:
    """The environment for git without what points it elsewhere: a command run with GIT_DIR set (in a git hook, or
    a werkmap kept in a repository of its own) logged that repository's commit as the code that ran."""
    import os

    return {k: v for k, v in os.environ.items() if k not in _GIT_PLAATS}


def start_code_commit(bron: Path | None = None) -> None:
    """Start the git call of code_commit now, so it runs while the award is computed: `noteer` used to
    start it at the end and wait for it (about 4 ms of every award in a git checkout). Nothing is
    started outside a git checkout, or when code_commit has already answered for it."""
    bron = _bron(bron)
    if bron in _VOORAF or bron in _BEANTWOORD or not (bron / ".git").exists():
        return
    import subprocess

    with contextlib.suppress(OSError):  # not started: code_commit runs git itself and says None if it cannot
        _VOORAF[bron] = subprocess.Popen(
            _git_status(bron), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_git_omgeving()
        )


def wacht_op_code_commit(bron: Path | None = None) -> None:
    """Collect a git call started ahead that noteer did not (the command failed before it logged)."""
    if _bron(bron) in _VOORAF:
        code_commit(bron)


@functools.cache
def code_commit(bron: Path | None = None) -> str | None:
    """The git commit of the code that runs, with '+gewijzigd' when its files differ from it.

    None when the package is not in a git checkout (an installed wheel) or git is absent:
    the version number then is all there is to say. One `git status` answers both (the commit is
    its '# branch.oid' line; '(initial)' before the first commit): a second git process cost every
    award about 2 ms. A call started ahead by start_code_commit is collected here."""
    bron = _bron(bron)
    _BEANTWOORD.add(bron)
    gestart = _VOORAF.pop(bron, None)
    if not (bron / ".git").exists():
        return None
    import subprocess  # only in a git checkout: an installed package never starts git (1.4 ms of import)

    try:
        if gestart is None:
            uit = subprocess.run(
                _git_status(bron), capture_output=True, text=True, timeout=10, check=True, env=_git_omgeving()
            ).stdout.splitlines()
        else:
            try:
                tekst, _ = gestart.communicate(timeout=10)
            except subprocess.TimeoutExpired:
                gestart.kill()
                gestart.communicate()
                return None
            if gestart.returncode != 0:
                return None
            uit = tekst.splitlines()
    except (OSError, subprocess.SubprocessError):
        return None
    commit = next((r.removeprefix("# branch.oid ").strip() for r in uit if r.startswith("# branch.oid ")), "")
    if not commit or commit == "(initial)":
        return None
    gewijzigd = any(r and not r.startswith("#") for r in uit)
    return f"{commit}+gewijzigd" if gewijzigd else commit


def noteer(
    werkmap: Werkmap,
    commando: str,
    opties: dict[str, Any],
    invoer: Iterable[Invoerbestand],
    uitvoer: Iterable[Path] = (),
    tijdstempel: str | None = None,
    open_punten: list[dict[str, str]] | None = None,
    vandaag: dt.date | None = None,
    verplaatst: list[str] | None = None,
) -> dict[str, Any]:
    """Append one entry for a finished command. A damaged last line (no newline) is closed off
    first, so the new entry never merges with it. An award's entry lists its open points (`open_punten`):
    what kept it a CONCEPT, as gunning.json and the advies say, and the day it took as today (`vandaag`: an award
    before the closing date is an open point naming that day), so `evaluatie controleer` replays the same day.
    `verplaatst`: what the award moved out of its outputs into rapporten/niet-van-deze-gunning/ (schrijf_uitvoer)."""
    geschreven = sorted(uitvoer)
    regel: dict[str, Any] = {
        "tijd": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commando": commando,
        "opties": opties,
        "versie": __version__,
        "commit": code_commit(),
        "tijdstempel_rapporten": tijdstempel,
        "invoer": [{"bestand": b.bestand, "sha256": b.sha256} for b in invoer],
        "uitvoer": [
            {"bestand": naam, "sha256": sha256_bestand(p)}
            for naam, p in zip(werkmap.relatieve(geschreven), geschreven, strict=True)
        ],
    }
    if open_punten is not None:
        regel["open_punten"] = open_punten
    if vandaag is not None:
        regel["vandaag"] = vandaag.isoformat()
    if verplaatst:
        regel["verplaatst"] = [f"{werkmap.rapporten.name}/{v}" for v in verplaatst]
    from evaluatie.schrijfwacht import voeg_regel_toe

    voeg_regel_toe(werkmap.logboek, json.dumps(regel, ensure_ascii=False, sort_keys=True))
    return regel


@dataclass
class Logboek:
    """The readable entries, and a sentence for every line that could not be read."""

    regels: list[dict[str, Any]] = field(default_factory=list)
    beschadigd: list[str] = field(default_factory=list)

    def laatste_gunning(self) -> dict[str, Any] | None:
        return next((r for r in reversed(self.regels) if r["commando"] in AWARD_COMMANDO_S), None)


def _gelezen(regel: str) -> tuple[dict[str, Any] | None, str | None]:
    """(the entry, None), or (None, what is wrong with the line): each line is parsed once (every award reads
    the whole logboek, which grows with every command)."""
    try:
        data = json.loads(regel)
    except json.JSONDecodeError as e:
        return None, f"geen geldige JSON ({e.msg}, teken {e.pos + 1})"
    if not isinstance(data, dict):
        return None, "geen logboekregel (geen object)"
    ontbreekt = [v for v in VERPLICHTE_VELDEN if v not in data]
    if ontbreekt:
        return None, f"onvolledig: {', '.join(ontbreekt)} ontbreekt"
    return data, None


def lees(werkmap: Werkmap) -> Logboek:
    """Every good line in order; damaged lines are named and skipped, never a traceback."""
    boek = Logboek()
    if not werkmap.logboek.is_file():
        return boek
    tekst = werkmap.logboek.read_bytes().decode("utf-8", errors="replace")
    # lines end at '\n' only, as noteer writes them: str.splitlines also breaks at U+2028, U+2029 and U+0085,
    # which json.dumps leaves as they are inside a string (a reason pasted from a PDF): one entry broke in two
    for nummer, regel in enumerate(tekst.split("\n"), start=1):
        if not regel.strip():
            continue
        data, fout = _gelezen(regel)
        if data is not None:
            boek.regels.append(data)
        else:
            boek.beschadigd.append(
                f"{werkmap.logboek.name} regel {nummer} is beschadigd en overgeslagen: {fout}; "
                "de overige regels zijn gebruikt"
            )
    return boek


def laatste_gunning(werkmap: Werkmap) -> dict[str, Any] | None:
    return lees(werkmap).laatste_gunning()
