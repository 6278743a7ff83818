"""Reproducibility check: does the last award reproduce byte for byte from its inputs?

1. every logged input is hashed again: a changed, missing or added input is named;
2. every logged output is hashed again: a hand-edited report is named;
3. the award is re-run from the current inputs in a scratch copy of the workspace with the
   logged options, report timestamp and day (what the award took as today), and every output is compared
   with the logged hash.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass, field
from typing import Any

from evaluatie.besluiten.handwerk import buiten_de_commandos
from evaluatie.fouten import EvaluatieFout, Fout, InvoerFout
from evaluatie.hashing import sha256_bestand
from evaluatie.invoerverschil import gewijzigde_invoer
from evaluatie.logboek import code_commit, lees
from evaluatie.niet_actueel import markering
from evaluatie.systeemtmp import tijdelijke_map
from evaluatie.verdeling.oplosser import STANDAARD
from evaluatie.werkmap import Werkmap

_PUNTSLEUTELS = ("soort", "tekst", "commando")  # an open point as Openpunt.als_dict gives it


@dataclass
class Controle:
    commando: str
    tijd: str
    invoer_gewijzigd: list[str] = field(default_factory=list)
    uitvoer_gewijzigd: list[str] = field(default_factory=list)
    niet_gereproduceerd: list[str] = field(default_factory=list)
    gereproduceerd: int = 0
    notities: list[str] = field(default_factory=list)  # damaged logboek lines, skipped
    dossier_gewijzigd: list[str] = field(default_factory=list)  # contract dossier (evaluatie.contract.dossier)
    dossier_gecontroleerd: dict[str, int] = field(default_factory=dict)  # documents checked per copy (folder, zip)
    dossier_verouderd: list[str] = field(default_factory=list)  # recorded since the dossier was made
    # the code of the award against the code of this check, when they differ (or this code is not committed): a
    # difference in the reports may then come from the code, not from the files
    code_gewijzigd: str | None = None
    niet_actueel: list[str] = field(default_factory=list)  # a failed award marked the reports (niet_actueel)
    open_punten: list[dict[str, str]] = field(default_factory=list)  # the logged award's: it was a CONCEPT
    # a file of a kind the award writes (a letter, a gemeente page) that the logged award did not write
    niet_van_deze_gunning: list[str] = field(default_factory=list)

    @property
    def in_orde(self) -> bool:
        return not (
            self.invoer_gewijzigd
            or self.uitvoer_gewijzigd
            or self.niet_gereproduceerd
            or self.dossier_gewijzigd
            or self.dossier_verouderd
            or self.niet_actueel
            or self.niet_van_deze_gunning
        )


def gelogde_dag(log: dict[str, Any]) -> dt.date | str:
    """The day the logged award took as today (an award before the closing date is an open point naming it), or
    what is wrong with the entry. An entry written before the day was logged gives the local date of its time."""
    try:
        if "vandaag" in log:
            return dt.date.fromisoformat(str(log["vandaag"]))
        moment = dt.datetime.strptime(str(log["tijd"]), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
        return moment.astimezone().date()
    except ValueError:
        veld = "vandaag" if "vandaag" in log else "tijd"
        return f"de dag van de gunning is niet te lezen uit het logboek ({veld}: {log[veld]!r} is geen datum)"


def _code(versie: object, commit: object) -> str:
    return f"evaluatie {versie}" + (f" (commit {commit})" if commit else "")


def _code_verschil(log: dict[str, Any]) -> str | None:
    """'de gunning liep met evaluatie 0.1.0 (commit ...), deze controle met ...' when the version or commit of the
    logged award differs from this code, or this code has uncommitted changes; None when they are the same."""
    from evaluatie.versie import __version__

    nu = code_commit()
    toen = (log.get("versie"), log.get("commit"))
    if toen != (__version__, nu):
        return f"de gunning liep met {_code(*toen)}, deze controle met {_code(__version__, nu)}"
    if "+gewijzigd" in str(nu or ""):  # the same label, but uncommitted changes need not be the same changes
        return (
            f"de gunning en deze controle liepen allebei met {_code(*toen)}, met wijzigingen die niet in een commit "
            "staan; of dat dezelfde code was, is niet na te gaan"
        )
    return None


def _niet_geschreven(werkmap: Werkmap, log: dict[str, Any]) -> list[str]:
    """Every file in rapporten/ of a kind an award writes (a letter, a gemeente page, the advies) that the logged
    award did not write: a letter copied there by hand, or left by an award the logboek does not know, looks like one
    of this award and could be sent. A failed award's marker is reported apart (niet_actueel)."""
    from evaluatie.niet_actueel import is_markering
    from evaluatie.rapport.schrijven import is_gunningsuitvoer

    doel = werkmap.rapporten
    if not doel.is_dir():
        return []
    gelogd = {b["bestand"] for b in log["uitvoer"]}
    uit = []
    for pad in sorted(p for p in doel.rglob("*") if p.is_file() or p.is_symlink()):
        rel = pad.relative_to(doel).as_posix()
        if is_gunningsuitvoer(rel) and not is_markering(rel) and werkmap.relatief(pad) not in gelogd:
            uit.append(
                f"{werkmap.relatief(pad)}: niet door deze gunning geschreven (met de hand neergezet, of van een "
                "gunning die niet in het logboek staat); niet versturen: de volgende gunning verplaatst het naar "
                f"{doel.name}/niet-van-deze-gunning/"
            )
    return uit


def controleer(werkmap: Werkmap) -> Controle:
    from evaluatie.pipeline import gun, schrijf_uitvoer

    if werkmap.logboek.exists() and not werkmap.logboek.is_file():
        # lees() takes a logboek that is no file for an empty one: here that read 'bevat nog geen gunning; voer eerst
        # gunning uit', which is not what is wrong (and that gunning cannot write its line there either)
        wat = "er staat een map met die naam" if werkmap.logboek.is_dir() else "het is geen gewoon bestand"
        raise InvoerFout(
            [Fout(werkmap.logboek.name, f"is geen bestand: {wat}; controleer leest de gunningen uit dat bestand")]
        )
    logboek = lees(werkmap)
    log = logboek.laatste_gunning()
    if log is None:
        raise EvaluatieFout(
            [*logboek.beschadigd, "logboek.jsonl bevat nog geen gunning; voer eerst 'evaluatie gunning' uit"]
        )
    c = Controle(commando=log["commando"], tijd=log["tijd"], notities=list(logboek.beschadigd))
    c.code_gewijzigd = _code_verschil(log)
    c.niet_actueel = markering(werkmap)  # a later award failed: the reports are not those of the current inputs
    # reproducing a CONCEPT is in order, but it is a concept; each point in the key order of gunning.json (the
    # logboek sorts keys)
    c.open_punten = [{**{k: p[k] for k in _PUNTSLEUTELS if k in p}, **p} for p in log.get("open_punten") or []]
    from evaluatie.contract.dossier import controleer_dossier, verouderd

    c.dossier_gecontroleerd, c.dossier_gewijzigd = controleer_dossier(werkmap)
    c.dossier_verouderd = verouderd(werkmap)
    c.invoer_gewijzigd = gewijzigde_invoer(werkmap, log)
    for b in log["uitvoer"]:
        pad = werkmap.root / b["bestand"]
        if not pad.is_file():
            c.uitvoer_gewijzigd.append(f"{b['bestand']}: ontbreekt")
        elif sha256_bestand(pad) != b["sha256"]:
            c.uitvoer_gewijzigd.append(f"{b['bestand']}: met de hand gewijzigd na de gunning")

    c.niet_van_deze_gunning = _niet_geschreven(werkmap, log)
    opties = log["opties"]
    dag = gelogde_dag(log)
    if isinstance(dag, str):
        c.niet_gereproduceerd.append(f"de gunning kan niet opnieuw worden uitgevoerd: {dag}")
        return c
    with tijdelijke_map("controle") as tmp:  # a stopped check's copy (the bids) is removed by the next one
        kopie = Werkmap(tmp)
        shutil.copy2(werkmap.aanbesteding, kopie.aanbesteding)
        for naam in ("loting.yaml", "besluiten.yaml"):
            if (werkmap.root / naam).is_file():
                shutil.copy2(werkmap.root / naam, kopie.root / naam)
        for sub in ("inschrijvingen", "beoordelingen", "criteria"):
            if (werkmap.root / sub).is_dir():
                shutil.copytree(werkmap.root / sub, kopie.root / sub)
        # a decision file edited by hand is refused as the award refuses it (gun_en_schrijf): replaying with it
        # would apply a draw or decision in the name of someone who decided otherwise; said with the award's own
        # errors, which do not depend on it
        fouten = [str(f) for f in buiten_de_commandos(werkmap)]
        try:
            award = gun(
                kopie, opties.get("lots"), opties.get("solver", STANDAARD), opties.get("tijdslimiet"), vandaag=dag
            )
        except InvoerFout as e:
            # one item per error, as the award names them (joined, the second came unindented, one string in --json)
            fouten += [str(f) for f in e.fouten] or [str(e)]
        except EvaluatieFout as e:
            if (
                not fouten
            ):  # with a hand edit it is the error, as in the award (met_handwerk): this was computed with it
                fouten += list(e.meldingen) or [str(e)]
        except ValueError as e:  # the logged --lots no longer names a lot (renamed, or ' ' from before it was refused)
            fouten.append(f"--lots: {e}")
        if fouten:
            c.niet_gereproduceerd += [f"de gunning kan niet opnieuw worden uitgevoerd: {f}" for f in fouten]
            return c
        uitvoer = schrijf_uitvoer(  # the same writer as the award: all it produces is compared
            award, opties.get("solver", STANDAARD), log.get("tijdstempel_rapporten"), not opties.get("geen_rapport")
        )
        nieuw = {kopie.relatief(p): sha256_bestand(p) for p in uitvoer}
    for b in log["uitvoer"]:
        if nieuw.get(b["bestand"]) == b["sha256"]:
            c.gereproduceerd += 1
        else:
            c.niet_gereproduceerd.append(f"{b['bestand']}: niet byte voor byte gereproduceerd")
    return c
