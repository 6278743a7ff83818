"""Read aanbesteding.yaml and its criteria set, validate both, merge, and build the model.

Order of precedence for a lot's settings, lowest first:
criteria set `perceel_standaard` -> criteria set `percelen.<code>` -> tender `percelen.<code>`.
Mappings merge key by key (so a tender can override one weight or switch one knock-out
rule off with `false`); lists, single values and a knock-out rule's parameters replace.
"""

from __future__ import annotations

import copy
import datetime as dt
import math
import re
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from evaluatie.bestandsnamen import CONSENSUSBESTAND, veilige_naam
from evaluatie.definitie import plaatshouders
from evaluatie.definitie.latere import controleer_latere, latere_per_jaar
from evaluatie.definitie.model import PERCEELCODES, Aanbesteding, Looptijd, Perceel
from evaluatie.definitie.schaalcontrole import controleer_schaal
from evaluatie.definitie.schema import suggestie, valideer
from evaluatie.definitie.verdeelregelstrijd import controleer_verdeelregels
from evaluatie.definitie.yamlregels import MAX_YAML_TEKENS, Pad, lees_streng, pad_tekst, regel_van
from evaluatie.fouten import Fout, InvoerFout
from evaluatie.gemeentenamen import Namen, opgeheven, opsomming
from evaluatie.gemeentenamen import sleutel as naamsleutel
from evaluatie.getallen import GetalFout, controleer_bedrag
from evaluatie.naamvorm import sleutel as vormsleutel
from evaluatie.prijs.basis import methoden
from evaluatie.pydantictaal import bericht as pydantic_bericht
from evaluatie.schrijfwacht import leesreden as _reden
from evaluatie.tekst import euro as euro_tekst
from evaluatie.tekst import kort
from evaluatie.werkmap import criteria_map


def _lees_yaml(pad: Path, naam: str) -> tuple[Any, dict[Pad, int], list[Fout]]:
    """Data, line map and the strictness problems of one YAML file (syntax errors raise InvoerFout)."""
    if not pad.is_file():
        raise InvoerFout([Fout(naam, "bestand niet gevonden")])
    try:
        if pad.stat().st_size > MAX_YAML_TEKENS * 4:
            raise InvoerFout(
                [Fout(naam, f"bestand is te groot voor een aanbestedingsdefinitie ({pad.stat().st_size} bytes)")]
            )
        data, regels, problemen = lees_streng(pad.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        from evaluatie.definitie.yamltaal import yaml_fout

        waar, bericht = yaml_fout(e)
        raise InvoerFout([Fout(f"{naam}{waar}", bericht)]) from None
    except UnicodeDecodeError as e:
        from evaluatie.tekencodering import utf8_bericht

        waar, bericht = utf8_bericht(pad.read_bytes(), e)
        raise InvoerFout([Fout(f"{naam}{waar}", bericht)]) from None
    except OSError as e:
        raise InvoerFout([Fout(naam, f"bestand kan niet worden gelezen: {_reden(e)}")]) from None
    fouten = [Fout(f"{naam}: {pad_tekst(p.pad)} (regel {p.regel})", p.bericht) for p in problemen]
    return data, regels, fouten


def lees_yaml(pad: Path, naam: str) -> tuple[Any, dict[Pad, int]]:
    """Strictly read one YAML file; every problem raises InvoerFout naming path and line."""
    data, regels, fouten = _lees_yaml(pad, naam)
    if fouten:
        raise InvoerFout(fouten)
    return data, regels


def plaats(naam: str, regels: dict[Pad, int], pad: Pad) -> str:
    """'aanbesteding.yaml: percelen.B1.weging (regel 23)'; without a known line, no line."""
    regel = regel_van(regels, pad)
    return f"{naam}: {pad_tekst(pad)}" + (f" (regel {regel})" if regel else "")


def samenvoegen(basis: Any, boven: Any) -> Any:
    """Deep merge: mappings key by key, anything else replaced by the overriding value."""
    if isinstance(basis, dict) and isinstance(boven, dict):
        uit = dict(basis)
        for k, v in boven.items():
            uit[k] = samenvoegen(basis[k], v) if k in basis else copy.deepcopy(v)
        return uit
    return copy.deepcopy(boven)


def zoek_criteriaset(naam: str, werkmap: Path | None) -> Path | None:
    """A workspace may ship its own criteria set; otherwise the bundled criteria/ is used."""
    kandidaten = []
    if werkmap is not None:
        kandidaten.append(werkmap / "criteria" / f"{naam}.yaml")
    kandidaten.append(criteria_map() / f"{naam}.yaml")
    return next((k for k in kandidaten if k.is_file()), None)


def laad_aanbesteding(pad: Path, *, open_aantallen: bool = False) -> tuple[Aanbesteding, dict[str, Any]]:
    """Load and validate a tender definition file.

    Returns the model and the merged plain data (kept for scenario re-runs and hashing).
    Raises InvoerFout with every problem found. `open_aantallen` lets volumes still marked
    `invullen` through as 0 (only for writing the bid form: see laad_voor_formulier).
    """
    naam = pad.name
    data, regels, fouten = _lees_yaml(pad, naam)
    if data is None and fouten:
        raise InvoerFout(fouten)
    return laad_aanbesteding_uit_data(data, regels, naam, pad.parent, fouten, open_aantallen=open_aantallen)


def laad_voor_formulier(pad: Path) -> tuple[Aanbesteding, frozenset[tuple[str, str]]]:
    """The tender with volumes still `invullen` let through (as 0), and which (gemeente, lot) they are: the bid form
    writes 'nog niet bekend' there, for a bidder plans his capacity on the volumes and would read a 0 as none."""
    naam = pad.name
    data, regels, fouten = _lees_yaml(pad, naam)
    if data is None and fouten:
        raise InvoerFout(fouten)
    open_ = plaatshouders.vervang(data)[1]
    model, _ = laad_aanbesteding_uit_data(data, regels, naam, pad.parent, fouten, open_aantallen=True)
    return model, frozenset((model.gemeenten[p[1]].naam, perceel) for p, _, perceel in open_)


def laad_aanbesteding_uit_data(
    data: Any,
    regels: dict[Pad, int] | None,
    naam: str,
    werkmap: Path | None,
    leesfouten: list[Fout] | None = None,
    *,
    open_aantallen: bool = False,
) -> tuple[Aanbesteding, dict[str, Any]]:
    """Validate and merge raw tender data. `leesfouten` (strict-YAML problems) are reported
    together with everything else found, never on their own first."""
    regels = regels or {}
    data, open_ = plaatshouders.vervang(data)
    eerdere = list(leesfouten or [])
    eerdere += [] if open_aantallen else [_open_fout(naam, regels, *o, doet_mee=_doet_mee(data, *o[1:])) for o in open_]
    schemafouten = valideer(data, "aanbesteding.schema.json", regels, naam)
    if isinstance(data, dict):
        eerdere += _controleer_regelnamen(data, regels, naam, ("percelen",))
        eerdere += _niet_al_gemeld(_controleer_bedragen(data, regels, naam, ("percelen",)), leesfouten or [])
    if schemafouten:
        bijkomend = _inhoud_ondanks_schemafouten(data, werkmap, regels, naam, schemafouten, {o[2] for o in open_})
        raise InvoerFout(_uniek(eerdere + schemafouten + bijkomend))

    sets: dict[str, dict[str, Any]] = {}
    setfouten: list[Fout] = []
    onbruikbaar: set[str] = set()  # sets not found or with errors: their lots' content is not checked this run
    for setnaam, setpad_yaml in _setnamen(data):
        if setnaam in sets or setnaam in onbruikbaar:
            continue
        setpad = zoek_criteriaset(setnaam, werkmap)
        if setpad is None:
            mappen = [criteria_map(), *([werkmap / "criteria"] if werkmap is not None else [])]
            bestaand = sorted({p.stem for m in mappen if m.is_dir() for p in m.glob("*.yaml")})
            setfouten.append(
                Fout(
                    plaats(naam, regels, setpad_yaml),
                    f"criteriaset '{setnaam}' niet gevonden in criteria/"
                    + suggestie(setnaam, bestaand, toon_alle=False),
                )
            )
            onbruikbaar.add(setnaam)
            continue
        setnaam_kort = f"criteria/{setpad.name}"
        setdata, set_regels, fouten = _lees_yaml(setpad, setnaam_kort)
        if not (setdata is None and fouten):
            fouten += valideer(setdata, "criteriaset.schema.json", set_regels, setnaam_kort)
        if isinstance(setdata, dict):
            fouten += _controleer_regelnamen(setdata, set_regels, setnaam_kort, ("percelen",))
            fouten += _controleer_regelnamen(setdata, set_regels, setnaam_kort, ())
            for waar in (("percelen",), ()):
                fouten += _niet_al_gemeld(_controleer_bedragen(setdata, set_regels, setnaam_kort, waar), fouten)
        if fouten:
            setfouten += fouten
            onbruikbaar.add(setnaam)
            continue
        sets[setnaam] = setdata
    if setfouten:
        # with the tender's own mistakes in the same run (all errors together), but not the content of the lots that
        # take their settings from a set that could not be read: every missing criterion would be said again
        bijkomend = _inhoud_zonder_sets(data, sets, onbruikbaar, regels, naam, {o[2] for o in open_})
        raise InvoerFout(_uniek(eerdere + setfouten + bijkomend))

    samen = _samenvoegen_met_set(data, sets)
    fouten = eerdere + _uitgezette_criteria(data, sets, regels, naam)
    fouten += _inhoudelijke_controles(samen, regels, naam, {o[2] for o in open_}, sets)
    if fouten:
        raise InvoerFout(_uniek(fouten))
    try:
        model = Aanbesteding.model_validate(_met_prijsparameters(samen))
    except ValidationError as e:
        raise InvoerFout(
            [
                Fout(
                    plaats(naam, regels, tuple(err["loc"])),
                    pydantic_bericht(dict(err)),
                )
                for err in e.errors()
            ]
        ) from None
    return model, samen


def _open_fout(naam: str, regels: dict[Pad, int], pad: Pad, gemeente: str, perceel: str, doet_mee: bool) -> Fout:
    if not doet_mee:
        return Fout(
            plaats(naam, regels, pad),
            f"{gemeente} neemt niet deel aan perceel {perceel} (percelen.{perceel}.gemeenten), dus hier hoort geen "
            f"aantal; haal '{perceel}: {plaatshouders.PLAATSHOUDER}' weg, of neem {gemeente} op in "
            f"percelen.{perceel}.gemeenten en vul het aantal in",
        )
    return Fout(
        plaats(naam, regels, pad),
        f"het verwachte aantal inburgeraars per jaar van {gemeente} voor perceel {perceel} is nog niet "
        f"ingevuld ('{plaatshouders.PLAATSHOUDER}'); vul een geheel getal in (0 als er geen zijn)",
    )


def _doet_mee(data: Any, gemeente: str, perceel: str) -> bool:
    """Whether `gemeente` joins lot `perceel` as the raw tender says ('alle', or a list of names); True when the
    data cannot tell (the schema reports a malformed list)."""
    lot = data.get("percelen", {}).get(perceel) if isinstance(data.get("percelen"), dict) else None
    deelnemers = lot.get("gemeenten", "alle") if isinstance(lot, dict) else "alle"
    if not isinstance(deelnemers, list):
        return True
    return Namen(str(x) for x in deelnemers).zoek(gemeente) is not None


def _uniek(fouten: list[Fout]) -> list[Fout]:
    """Without repeats, in file and line order (a user fixes the file top to bottom)."""
    uit: list[Fout] = []
    for f in fouten:
        if f not in uit:
            uit.append(f)

    def sleutel(f: Fout) -> tuple[str, int]:
        m = re.search(r"\(regel (\d+)\)", f.plaats)
        return f.plaats.split(":")[0], int(m.group(1)) if m else 0

    return sorted(uit, key=sleutel)


def _perceel_lagen(data: dict[str, Any], waar: Pad) -> list[tuple[Pad, Any]]:
    if waar:
        percelen = data.get(str(waar[0]))
        return [((*waar, code), p) for code, p in percelen.items()] if isinstance(percelen, dict) else []
    return [(("perceel_standaard",), data.get("perceel_standaard"))]


# the tender's amounts per trajectory, which every document shows in cents
_IN_CENTEN = ("plafondprijs", "max_fictieve_korting", "vaste_prijs")


def _controleer_bedragen(data: dict[str, Any], regels: dict[Pad, int], naam: str, waar: Pad) -> list[Fout]:
    """Amounts in euro below the plausibility floor of evaluatie.getallen, at their own line."""
    fouten: list[Fout] = []
    for basis, perceel in _perceel_lagen(data, waar):
        if not isinstance(perceel, dict):
            continue
        bedragen: list[tuple[Pad, Any]] = [
            ((*basis, veld), perceel.get(veld)) for veld in ("plafondprijs", "max_fictieve_korting", "vaste_prijs")
        ]
        budget = (
            perceel.get("verdeling", {}).get("budget_per_gemeente")
            if isinstance(perceel.get("verdeling"), dict)
            else None
        )
        if isinstance(budget, dict):
            bedragen += [((*basis, "verdeling", "budget_per_gemeente", g), b) for g, b in budget.items()]
        for pad, bedrag in bedragen:
            if isinstance(bedrag, int | float) and not isinstance(bedrag, bool):
                try:
                    controleer_bedrag(float(bedrag))
                except GetalFout as e:
                    getoond = int(bedrag) if float(bedrag).is_integer() else bedrag
                    fouten.append(Fout(plaats(naam, regels, pad), f"{pad[-1]} {getoond}: {e}"))
                    continue
                if pad[-1] in _IN_CENTEN and abs(bedrag * 100 - round(bedrag * 100)) > 1e-6:
                    # as a bid's price (inschrijving.lezen): every document shows the amount in cents, while the
                    # knock-out and the scores compare with the amount itself ('EUR 10.000,00 ligt boven de
                    # plafondprijs EUR 10.000,00' for a ceiling of 9999.995)
                    fouten.append(
                        Fout(
                            plaats(naam, regels, pad),
                            f"{pad[-1]} {bedrag}: heeft meer dan 2 decimalen; een bedrag in euro gaat tot op de cent "
                            f"(de stukken tonen {euro_tekst(bedrag)}, maar gerekend zou worden met het hele getal); "
                            "schrijf het bedrag in centen",
                        )
                    )
    return fouten


def _aannemelijk_bedrag(x: Any) -> bool:
    """An amount in euro that passes the plausibility floor (_controleer_bedragen reports any other at its line)."""
    if not isinstance(x, int | float) or isinstance(x, bool):
        return False
    try:
        controleer_bedrag(float(x))
    except GetalFout:
        return False
    return True


def _niet_al_gemeld(nieuw: list[Fout], eerder: list[Fout]) -> list[Fout]:
    """`plafondprijs: 12.500` is one mistake: the reader already said '12.500 is dubbelzinnig ... bedoelt u 12500?',
    and the amount check added 'plafondprijs 12.5: een bedrag onder EUR 50 ...' at the same place, a value the user
    never typed and a count of two errors for one."""
    gemeld = {f.plaats for f in eerder}
    return [f for f in nieuw if f.plaats not in gemeld]


def _controleer_regelnamen(data: dict[str, Any], regels: dict[Pad, int], naam: str, waar: Pad) -> list[Fout]:
    """Knock-out rule names and their parameter names as typed, each at its own line.

    Checked on the raw file, before `false` switches a rule off: a misspelled `keurmerkk: false`
    must not be dropped in silence while keurmerk stays on.
    """
    from evaluatie.toets.register import regels_register

    register = regels_register()
    fouten: list[Fout] = []
    for basis, perceel in _perceel_lagen(data, waar):
        knockout = perceel.get("knockout") if isinstance(perceel, dict) else None
        if not isinstance(knockout, dict):
            continue
        for regel, params in knockout.items():
            pad = (*basis, "knockout", regel)
            if regel not in register:
                fouten.append(
                    Fout(plaats(naam, regels, pad), f"onbekende knock-outregel '{regel}'{suggestie(regel, register)}")
                )
                continue
            if not isinstance(params, dict):
                continue
            velden = register[regel].Params.model_fields
            for param in params:
                if param not in velden:
                    hint = suggestie(param, velden, toon_alle=False)  # '; bedoelt u 'x'?' or nothing
                    verder = (
                        f"{hint or ';'} toegestaan: {', '.join(velden)}"
                        if velden
                        else f"; deze regel heeft geen parameters: schrijf {regel}: {{}}"
                    )
                    fouten.append(
                        Fout(
                            plaats(naam, regels, (*pad, param)),
                            f"onbekende parameter '{param}' van knock-outregel {regel}{verder}",
                        )
                    )
    return fouten


def _setnamen(data: dict[str, Any]) -> list[tuple[str, Pad]]:
    """Every criteria set named in the tender (tender-wide, then per lot) with where it is named."""
    uit: list[tuple[str, Pad]] = []
    if isinstance(data.get("criteriaset"), str):
        uit.append((data["criteriaset"], ("criteriaset",)))
    percelen = data.get("percelen")
    for code, p in percelen.items() if isinstance(percelen, dict) else ():
        if isinstance(p, dict) and isinstance(p.get("criteriaset"), str):
            uit.append((p["criteriaset"], ("percelen", code, "criteriaset")))
    return uit


def _samenvoegen_met_set(data: dict[str, Any], sets: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Merge each lot with its criteria set (its own `criteriaset`, else the tender's) and give
    every lot its procedure (its own, else the tender's), so a lot never depends on a default later."""
    samen = copy.deepcopy(data)
    tenderset = sets.get(data.get("criteriaset") or "", {})
    if "beoordeling" in tenderset:
        samen["beoordeling"] = samenvoegen(tenderset["beoordeling"], data.get("beoordeling", {}))
    percelen: dict[str, Any] = {}
    for code, eigen in data["percelen"].items():
        setnaam = eigen.get("criteriaset") or data.get("criteriaset")
        perceel = _perceel_in_lagen(data, sets, code)
        perceel["code"] = code
        perceel.setdefault("naam", code)
        perceel.setdefault("procedure", data.get("procedure", "gunning"))
        if setnaam:
            perceel["criteriaset"] = setnaam
        if perceel.get("gemeenten", "alle") == "alle":
            perceel["gemeenten"] = [g["naam"] for g in data["gemeenten"]]
        perceel["knockout"] = {k: v for k, v in perceel.get("knockout", {}).items() if v is not False}
        if not beoordeelt_kwaliteit(perceel):
            # an open house without a minimum quality admits on the knock-out requirements alone: a quality score
            # would decide nothing, so the criteria its set brings are not scored, published or sent (the tender's
            # own criteria for such a lot are an input error, _inhoudelijke_controles)
            perceel["gunningscriteria"] = {}
        perceel["gunningscriteria"] = [
            {"code": c, **v} for c, v in perceel.get("gunningscriteria", {}).items() if v is not False
        ]  # `K4: false` removes a criterion of the set, as `false` switches off a knock-out rule
        if "schaal" in perceel:
            perceel["schaal"] = {
                "stappen": [s if isinstance(s, dict) else {"punten": s} for s in perceel["schaal"]["stappen"]]
            }
        percelen[code] = perceel
    samen["percelen"] = percelen
    return samen


def _uitgezette_criteria(
    data: dict[str, Any], sets: dict[str, dict[str, Any]], regels: dict[Pad, int], naam: str
) -> list[Fout]:
    """`K9: false` for a criterion the lot's criteria set does not have removes nothing: a typo in the code (K4 meant)
    would leave the criterion meant in the systematiek and on the forms, unnoticed. An input error at that line."""
    fouten = []
    for code, eigen in data["percelen"].items():
        uit = [k for k, v in (eigen.get("gunningscriteria") or {}).items() if v is False]
        if not uit:
            continue
        setnaam = eigen.get("criteriaset") or data.get("criteriaset")
        setdata = sets.get(setnaam or "", {})
        lagen = [setdata.get("perceel_standaard", {}), setdata.get("percelen", {}).get(code, {})]
        bestaand = [k for k, v in samenvoegen(*(laag.get("gunningscriteria") or {} for laag in lagen)).items() if v]
        for k in uit:
            if k in bestaand:
                continue
            waar = f"de criteriaset {setnaam}" if setnaam else "geen criteriaset (het perceel noemt er geen)"
            fouten.append(
                Fout(
                    plaats(naam, regels, ("percelen", code, "gunningscriteria", k)),
                    f"'{k}: false' zet een criterium van de criteriaset uit, maar perceel {code} krijgt {k} niet van "
                    f"{waar}"
                    + (f" (wel: {', '.join(bestaand)})" if bestaand else "")
                    + "; verbeter de code of haal de regel weg",
                )
            )
    return fouten


def beoordeelt_kwaliteit(perceel: dict[str, Any]) -> bool:
    """Whether the panel scores this lot (merged YAML form, knock-out rules switched off already removed): every
    award lot, and an open house only with a minimum quality. Forms, panel, systematiek and letters follow this."""
    knockout = perceel.get("knockout")
    return perceel.get("procedure") != "toelating" or (isinstance(knockout, dict) and "minimum_kwaliteit" in knockout)


def _perceel_in_lagen(data: dict[str, Any], sets: dict[str, dict[str, Any]], code: str) -> dict[str, Any]:
    """A lot's settings as they apply, still in the YAML's own form (criteria by code, a knock-out rule
    switched off as `false`): the criteria set's layers with the tender's own lines over them."""
    eigen = data["percelen"][code]
    setnaam = eigen.get("criteriaset") or data.get("criteriaset")
    setdata = sets.get(setnaam or "", {})
    standaard = setdata.get("perceel_standaard", {})
    lagen = [standaard, setdata.get("percelen", {}).get(code, {}), eigen]
    perceel: dict[str, Any] = samenvoegen(samenvoegen(lagen[0], lagen[1]), lagen[2])
    # A knock-out rule's parameters replace as a whole: {minimum: 2} must not merge
    # with the criteria set's {minimum_aandeel: 0.1}.
    knockout: dict[str, Any] = {}
    for laag in lagen:
        knockout.update(copy.deepcopy(laag.get("knockout", {})))
    perceel["knockout"] = knockout
    return perceel


def percelen_zoals_ze_gelden(data: Any, werkmap: Path | None) -> dict[str, dict[str, Any]]:
    """Every lot's settings as they apply (see _perceel_in_lagen), for `--zet` paths that address what a lot
    takes from its criteria set (`percelen.B1.gunningscriteria.K1.weging`). Best effort: a criteria set that
    cannot be read contributes nothing here; loading the changed tender reports it."""
    if not isinstance(data, dict) or not isinstance(data.get("percelen"), dict):
        return {}
    sets: dict[str, dict[str, Any]] = {}
    for setnaam, _ in _setnamen(data):
        setpad = zoek_criteriaset(setnaam, werkmap)
        if setpad is not None and setnaam not in sets:
            try:
                gelezen, _, _ = _lees_yaml(setpad, f"criteria/{setpad.name}")
            except InvoerFout:
                gelezen = None
            sets[setnaam] = gelezen if isinstance(gelezen, dict) else {}
    uit: dict[str, dict[str, Any]] = {}
    for code, eigen in data["percelen"].items():
        if isinstance(eigen, dict):
            try:
                uit[str(code)] = _perceel_in_lagen(data, sets, code)
            except (TypeError, AttributeError, ValueError):
                uit[str(code)] = copy.deepcopy(eigen)
    return uit


def _inhoud_ondanks_schemafouten(
    data: Any,
    werkmap: Path | None,
    regels: dict[Pad, int],
    naam: str,
    schemafouten: list[Fout],
    open_percelen: Collection[str] = (),
) -> list[Fout]:
    """The content checks, also when the schema already found errors, so that all mistakes come
    in one run (an unknown gemeente in a perceel next to a misspelled amount).

    Data the schema rejected may have any shape, so this pass is best effort: where the checks
    cannot read the data (a list where a mapping belongs) they are skipped, and the next run,
    after the schema errors are fixed, reports the rest. An error at a place the schema already
    named is not repeated.
    """
    if not isinstance(data, dict):
        return []
    try:
        data, regels = _alleen_bekende_percelen(data, regels)
        sets: dict[str, dict[str, Any]] = {}
        for setnaam, _ in _setnamen(data):
            setpad = zoek_criteriaset(setnaam, werkmap)
            if setpad is not None:
                gelezen, _, _ = _lees_yaml(setpad, f"criteria/{setpad.name}")
                sets[setnaam] = gelezen if isinstance(gelezen, dict) else {}
        samen = _samenvoegen_met_set(copy.deepcopy(data), sets)
        fouten = _inhoudelijke_controles(samen, regels, naam, open_percelen, sets)
    except (InvoerFout, KeyError, TypeError, AttributeError, ValueError, IndexError):
        return []
    bekend = {f.plaats for f in schemafouten}
    return [f for f in fouten if f.plaats not in bekend]


def _inhoud_zonder_sets(
    data: dict[str, Any],
    sets: dict[str, dict[str, Any]],
    onbruikbaar: Collection[str],
    regels: dict[Pad, int],
    naam: str,
    open_percelen: Collection[str],
) -> list[Fout]:
    """The content checks when a criteria set is missing or broken: everything except the lots that use such a set
    (their criteria, scale and rules are not known). Best effort, as after schema errors."""
    try:
        samen = _samenvoegen_met_set(copy.deepcopy(data), {**sets, **{n: {} for n in onbruikbaar}})
        zonder = [code for code, p in samen["percelen"].items() if p.get("criteriaset") in onbruikbaar]
        fouten = _inhoudelijke_controles(samen, regels, naam, open_percelen, sets)
    except (InvoerFout, KeyError, TypeError, AttributeError, ValueError, IndexError):
        return []
    return [
        f
        for f in fouten
        if not any(f.plaats.startswith((f"{naam}: percelen.{c}.", f"{naam}: percelen.{c} ")) for c in zonder)
    ]


def _alleen_bekende_percelen(data: dict[str, Any], regels: dict[Pad, int]) -> tuple[dict[str, Any], dict[Pad, int]]:
    """The data the content checks see after the schema named a lot code it does not know (`b1`, `B2`).

    Checked as written, one typo in a lot's key buried the schema's message ('onbekende naam 'b1'; bedoelt u
    'B1'?') under a false one per gemeente ('perceel B1 bestaat niet in deze aanbesteding', 'neemt deel aan perceel
    b1 maar geeft geen verwacht aantal'). A code that differs from a lot code only in capitals is checked as that
    lot (its lines stay its own), so the lot's other mistakes still come in this run; any other unknown code is left
    out, under percelen and under each gemeente's inburgeraars. A lot's gemeenten given as one text other than 'alle'
    are read as 'alle' when they differ only in capitals, else as a list of that one name. Only for this pass: the
    schema error stands, so nothing is read as something else."""
    if not isinstance(data.get("percelen"), dict):
        return data, regels
    regels = dict(regels)

    def bekend(code: Any, bestaand: Collection[Any]) -> str | None:
        if code in PERCEELCODES:
            return str(code)
        gelijk = next((c for c in PERCEELCODES if c.lower() == str(code).lower()), None)
        return gelijk if gelijk is not None and gelijk not in bestaand else None

    def codes(tabel: dict[Any, Any], pad: Pad) -> dict[str, Any]:
        uit: dict[str, Any] = {}
        for code, waarde in tabel.items():
            nieuw = bekend(code, tabel)
            if nieuw is None:
                continue
            uit[nieuw] = waarde
            if nieuw != code:
                n = len(pad) + 1
                regels.update({(*pad, nieuw, *p[n:]): r for p, r in list(regels.items()) if p[:n] == (*pad, code)})
        return uit

    data = copy.copy(data)
    data["percelen"] = codes(data["percelen"], ("percelen",))
    for code, p in list(data["percelen"].items()):
        lijst = p.get("gemeenten") if isinstance(p, dict) else None
        if isinstance(lijst, str) and lijst != "alle":
            # 'Alle', or one name without brackets: read letter by letter it gave 'gemeente 'A' staat niet onder
            # gemeenten', 'l', 'l', 'e'
            data["percelen"][code] = {**p, "gemeenten": "alle" if lijst.strip().lower() == "alle" else [lijst]}
    if isinstance(data.get("gemeenten"), list):
        data["gemeenten"] = [
            {**g, "inburgeraars": codes(g["inburgeraars"], ("gemeenten", i, "inburgeraars"))}
            if isinstance(g, dict) and isinstance(g.get("inburgeraars"), dict)
            else g
            for i, g in enumerate(data["gemeenten"])
        ]
    return data, regels


def _uitweg_verdeling(
    code: str, regel: str, p: dict[str, Any], sets: Mapping[str, dict[str, Any]], scenario: bool
) -> str:
    """The remedy for a distribution rule on an open-house lot. In a scenario aanbesteding.yaml cannot be edited, so
    the remedy is the exact `--zet ...=null` that leaves the tender's own rule out (scenario.zet._weg_te_laten); a rule
    the lot takes from its criteria set no `--zet` can leave out (scenario.zet._echt_weggelaten), so there the open
    house itself is what cannot be asked."""
    if not scenario:
        return "haal de regel weg of kies procedure: gunning"
    setnaam = p.get("criteriaset")
    setdata = sets.get(setnaam or "") or {}
    standaard, eigen_in_set = setdata.get("perceel_standaard") or {}, (setdata.get("percelen") or {}).get(code) or {}
    uit_de_set = samenvoegen(standaard.get("verdeling") or {}, eigen_in_set.get("verdeling") or {})
    if isinstance(uit_de_set, dict) and uit_de_set.get(regel) not in (None, False, {}, []):
        return (
            f"perceel {code} neemt deze regel over uit criteriaset {setnaam} en een scenario kan hem daar niet "
            f"weglaten, dus perceel {code} kan in een scenario geen open house zijn; laat de --zet van de procedure weg"
        )
    return (
        f"laat de regel in dit scenario weg met --zet percelen.{code}.verdeling.{regel}=null, of laat de --zet van de "
        "procedure weg"
    )


def _inhoudelijke_controles(
    samen: dict[str, Any],
    regels: dict[Pad, int],
    naam: str,
    open_percelen: Collection[str] = (),
    sets: Mapping[str, dict[str, Any]] | None = None,
) -> list[Fout]:
    """Checks the schema cannot express: cross-references and completeness after merging. `open_percelen` are lots
    with a volume still to be filled in (a placeholder, read as 0 meanwhile): their demand is not known yet. `sets`
    (the criteria sets read) tell a rule of the tender's own from one its set brings, for the remedy a scenario can
    give (_uitweg_verdeling)."""
    from evaluatie.toets.register import regels_register

    sets = sets or {}

    fouten: list[Fout] = []

    def fout(pad: Pad, bericht: str) -> None:
        fouten.append(Fout(plaats(naam, regels, pad), bericht))

    tender = Namen(g["naam"] for g in samen["gemeenten"])
    gezien: set[str] = set()
    for i, g in enumerate(samen["gemeenten"]):
        if tender.zoek(g["naam"]) in gezien:
            fout(("gemeenten", i, "naam"), f"gemeente '{g['naam']}' staat er twee keer in")
        gezien.add(tender.zoek(g["naam"]) or g["naam"])
        oud = opgeheven(g["naam"], _als_datum(samen.get("data", {}).get("publicatie")))
        if oud is not None:
            fout(("gemeenten", i, "naam"), register_melding(oud))
    eerste_subregio: dict[str, tuple[str, int]] = {}
    for i, g in enumerate(samen["gemeenten"]):
        subregio = g.get("subregio")
        if not isinstance(subregio, str) or not naamsleutel(subregio):
            continue
        eerder, j = eerste_subregio.setdefault(naamsleutel(subregio), (subregio, i))
        if eerder != subregio:
            # 'brabant' or 'Brabant ' next to 'Brabant' made a subregio of its own, in silence: the dekking rule
            # and per_subregio would treat the two as different areas, and the systematiek print both
            fout(
                ("gemeenten", i, "subregio"),
                f"subregio {eerder!r} (gemeenten[{j + 1}]) is hier geschreven als {subregio!r}; dat zou een andere "
                "subregio zijn. Schrijf de naam overal gelijk",
            )
    fouten += _datavolgorde(samen.get("data"), lambda veld: plaats(naam, regels, ("data", veld)))
    publicatie = _als_datum(samen.get("data", {}).get("publicatie"))
    controleer_latere(samen, tender, lambda n: register_melding(o) if (o := opgeheven(n, publicatie)) else None, fout)
    bestanden: dict[str, int] = {}
    for i, b in enumerate(samen.get("beoordelaars", [])):
        stam = veilige_naam(b).lower()
        if stam in bestanden:
            eerste = samen["beoordelaars"][bestanden[stam]]
            fout(
                ("beoordelaars", i),
                f"beoordelaar '{b}' krijgt dezelfde bestandsnaam als '{eerste}' ({stam}.xlsx); "
                "maak de namen duidelijker verschillend",
            )
        if f"{stam}.xlsx" == CONSENSUSBESTAND:
            # the reviewer's form would be read as the panel's consensus workbook, and 'template consensus' would
            # write over it
            fout(
                ("beoordelaars", i),
                f"beoordelaar '{b}' krijgt de bestandsnaam {CONSENSUSBESTAND}, die van het consensusformulier; "
                "geef de volledige naam (bijvoorbeeld met voorletters)",
            )
        bestanden.setdefault(stam, i)
    bekende_regels = sorted(regels_register())
    perceelnamen: dict[str, str] = {}
    for code, p in samen["percelen"].items():
        basis: Pad = ("percelen", code)
        if isinstance(p.get("naam"), str):
            # letters, advies and systematiek name a lot by its name: two lots 'B1-route' could not be told apart
            eerder = perceelnamen.setdefault(vormsleutel(p["naam"]), code)  # NFC: 'é' as one character or two
            if eerder != code:
                fout(
                    (*basis, "naam"),
                    f"perceel {code} heet hetzelfde als perceel {eerder} ('{p['naam']}'); brieven, advies en "
                    "systematiek noemen een perceel bij zijn naam, dus geef ieder perceel een eigen naam",
                )
        if not p["gemeenten"]:
            fout((*basis, "gemeenten"), f"perceel {code} heeft geen deelnemende gemeenten")
        gesplitst = _met_komma_gesplitst(p["gemeenten"], tender)
        als_lijst = (*basis, "gemeenten", 0) in regels  # the file's own list ('alle' was expanded from gemeenten)
        eerste_plaats: dict[str, tuple[int, str]] = {}  # gemeente -> (position, name as typed) of its first mention
        for j, gnaam in enumerate(p["gemeenten"]):
            gevonden = tender.zoek(gnaam) if isinstance(gnaam, str) else None
            if als_lijst and gevonden is not None and j not in gesplitst:
                i, eerder_getypt = eerste_plaats.setdefault(gevonden, (j, gnaam))
                if i != j and eerder_getypt != gnaam:  # the same text twice is the schema's 'bevat ... twee keer'
                    # 'Noord' and 'noord' made the lot hold Noord twice, in silence
                    fout(
                        (*basis, "gemeenten", j),
                        f"'{gnaam}' is de gemeente {gevonden}, die al in de lijst staat "
                        f"({pad_tekst((*basis, 'gemeenten', i))}); noem iedere gemeente één keer",
                    )
            if j in gesplitst:
                k, naam_met_komma = gesplitst[j]
                fout(
                    (*basis, "gemeenten", j),
                    f"{opsomming([repr(str(x)) for x in p['gemeenten'][j:k]], 'en')} zijn samen de gemeente "
                    f"{naam_met_komma}: in een lijst scheidt een komma twee namen; zet de naam tussen "
                    f'aanhalingstekens: "{naam_met_komma}"',
                )
            elif any(j1 < j < k for j1, (k, _) in gesplitst.items()):
                continue  # a later piece of a name with a comma, reported at its first piece
            elif tender.zoek(gnaam) is None:
                fout((*basis, "gemeenten", j), "gemeente " + tender.melding(gnaam, "staat niet onder gemeenten"))
            else:
                p["gemeenten"][j] = tender.zoek(gnaam)
        budget = p.get("verdeling", {}).get("budget_per_gemeente", {})
        per_gemeente: dict[str, tuple[str, Any]] = {}  # the gemeente -> (the key as typed, its amount)
        for getypt, bedrag in list(budget.items()):
            gnaam = tender.zoek(getypt) or getypt
            if gnaam in per_gemeente:
                # 'Noord' and 'noord' are one gemeente: the second amount replaced the first in silence
                eerste, eerder_bedrag = per_gemeente[gnaam]
                getoond = euro_tekst(eerder_bedrag) if _aannemelijk_bedrag(eerder_bedrag) else repr(eerder_bedrag)
                fout(
                    (*basis, "verdeling", "budget_per_gemeente", getypt),
                    f"'{getypt}' is de gemeente {gnaam}, die al een budget heeft ({eerste}: {getoond}); noem iedere "
                    "gemeente één keer",
                )
                continue
            per_gemeente[gnaam] = (getypt, bedrag)
            if gnaam not in p["gemeenten"]:
                fout(
                    (*basis, "verdeling", "budget_per_gemeente", gnaam),
                    f"gemeente '{gnaam}' neemt niet deel aan perceel {code}",
                )
        if isinstance(budget, dict) and per_gemeente:
            budget.clear()
            budget.update({g: bedrag for g, (_, bedrag) in per_gemeente.items()})
        if "schaal" not in p:
            fout(basis, "geen beoordelingsschaal (schaal) in het perceel of de criteriaset")
        else:
            # the scale is the tender's own when it stands in the file, or when --zet set a step (no line then)
            eigen = (*basis, "schaal") in regels or "--zet" in naam
            controleer_schaal(p["schaal"], basis, eigen, str(p.get("criteriaset")), fout)
        if p["procedure"] == "toelating" and p.get("raammaximum"):
            fout(
                (*basis, "raammaximum"),
                "een open-houseperceel (procedure: toelating) sluit geen raamovereenkomst met een maximum; "
                "haal raammaximum weg of kies procedure: gunning",
            )
        if p["procedure"] == "toelating":
            # an open house distributes by capacity only (evaluatie.verdeling.toelating): a rule set here would be
            # published and then not applied
            for regel, waarde in (p.get("verdeling") or {}).items():
                if waarde not in (None, False, {}, []):
                    fout(
                        (*basis, "verdeling", regel),
                        f"een open-houseperceel (procedure: toelating) kiest niemand en verdeelt niet: de verwachte "
                        f"verdeling volgt alleen de capaciteit, dus verdeling.{regel} zou gepubliceerd en niet "
                        f"toegepast worden; {_uitweg_verdeling(code, regel, p, sets, '--zet' in naam)}",
                    )
        vast = (p.get("raammaximum") or {}).get("trajecten")
        prognose = _prognose(samen, code, p["gemeenten"])
        opslag = (p.get("raammaximum") or {}).get("opslag")
        if isinstance(opslag, int | float) and not isinstance(opslag, bool) and opslag > 1:
            # 'opslag: 5' meant 5%: read as 500%, the maximum and the estimated value were six times the expectation
            ruim = "..." if prognose is None else str(math.ceil(round(prognose * (1 + opslag), 6)))
            fout(
                (*basis, "raammaximum", "opslag"),
                f"opslag {kort(opslag)} is een deel van de verwachting (0.25 = 25%), dus {kort(100 * opslag)}% "
                f"erboven; bedoelt u {opslag / 100:g} ({kort(opslag)}%)? Is een maximum van meer dan het dubbele "
                f"van de verwachting de bedoeling, geef het dan als vast aantal: raammaximum: {{trajecten: {ruim}}}",
            )
        if isinstance(vast, int) and prognose is not None and vast < prognose:
            # the letters announce the forecast's allocation; a smaller maximum would be exhausted before it, and
            # the estimated value would lie below the expected one (art. 2.17 Aw 2012)
            fout(
                (*basis, "raammaximum", "trajecten"),
                f"het maximum van {vast} trajecten ligt onder de verwachting van {prognose} trajecten (vraag per "
                "jaar maal de looptijd inclusief optiejaren); kies minstens de verwachting, of een opslag",
            )
        if (
            p["procedure"] == "gunning"
            and p["gemeenten"]
            and code not in open_percelen
            and _vraag_per_jaar(samen, code, p["gemeenten"]) == 0
        ):
            # nothing to divide: the letters would turn down the first-ranked bid and announce a framework agreement
            # of 0 trajectories with 0 parties
            fout(
                (*basis, "gemeenten"),
                f"perceel {code} heeft geen vraag: iedere deelnemende gemeente verwacht 0 inburgeraars per jaar, "
                "dus er valt niets te gunnen; vul de verwachte aantallen in (gemeenten[..].inburgeraars), of haal "
                "het perceel weg",
            )
        if p["procedure"] == "gunning" and not p["gunningscriteria"]:
            fout(basis, "geen gunningscriteria in het perceel of de criteriaset")
        elif "minimum_kwaliteit" in p["knockout"] and not p["gunningscriteria"]:
            fout(
                (*basis, "knockout", "minimum_kwaliteit"),
                "een minimale kwaliteit vraagt gunningscriteria waarop het panel scoort, maar het perceel en de "
                "criteriaset hebben er geen; geef gunningscriteria of zet de regel uit (minimum_kwaliteit: false)",
            )
        # criteria the tender writes itself: a line with fields under it; 'K4: false' removes one and writes none
        eigen_criteria = [
            k
            for k in regels
            if len(k) == 4 and k[:3] == (*basis, "gunningscriteria") and any(len(j) > 4 and j[:4] == k for j in regels)
        ]
        if not beoordeelt_kwaliteit(p) and eigen_criteria:
            fout(
                (*basis, "gunningscriteria"),
                "een open-houseperceel (procedure: toelating) zonder knock-outregel minimum_kwaliteit laat toe op de "
                "eisen alleen: een kwaliteitsscore beslist er niets, dus deze criteria zouden niet beoordeeld en niet "
                "gepubliceerd worden; haal ze weg, of zet minimum_kwaliteit aan als de kwaliteit een eis is",
            )
        criteria = p.get("gunningscriteria") or {}
        lijst = criteria.values() if isinstance(criteria, dict) else criteria  # a list once merged
        # a tender may override one field of a criterion of its set (K1: {weging: 50}); what the merge still lacks is
        # missing in both, said at the criterion (the schema checks the fields only as given)
        namen: dict[str, Any] = {}
        for k, c in criteria.items() if isinstance(criteria, dict) else ((c.get("code"), c) for c in criteria):
            for veld in ("naam", "weging"):
                if isinstance(c, dict) and veld not in c:
                    fout(
                        (*basis, "gunningscriteria", k),
                        f"verplicht veld ontbreekt: {veld} (niet in de aanbesteding en niet in de criteriaset)",
                    )
            if isinstance(c, dict) and isinstance(c.get("naam"), str) and c["naam"].strip():
                # the reviewer forms name a criterion, not its code: two rows 'Plan' per bid could never be told apart
                # (every form 'dubbele regel' and 'regel ontbreekt'), and the systematiek would publish two alike
                zelfde = namen.setdefault(vormsleutel(c["naam"]), k)
                if zelfde != k:
                    fout(
                        (*basis, "gunningscriteria", k, "naam"),
                        f"criterium {k} heet hetzelfde als criterium {zelfde} ('{c['naam']}'); het "
                        "beoordelingsformulier noemt een criterium bij zijn naam, dus geef ieder criterium van het "
                        "perceel een eigen naam",
                    )
        som = sum(c.get("weging", 0) for c in lijst if isinstance(c, dict))
        if criteria and p.get("criteriumweging", "procent") == "procent" and abs(som - 100) > 1e-9:
            fout(
                (*basis, "gunningscriteria"),
                f"de wegingen van de gunningscriteria zijn percentages en tellen op tot {kort(som)}, niet 100; "
                "pas ze aan of geef ze als punten (criteriumweging: punten)",
            )
        weging = p.get("weging", {})
        totaal = weging.get("kwaliteit", 60) + weging.get("prijs", 40)
        if (
            p.get("prijsmethode", "relatief") in methoden()
            and not methoden()[p.get("prijsmethode", "relatief")].gewogen
        ):
            pass  # price is not a weighted component in this method
        elif p["procedure"] == "toelating":
            pass  # an open house weighs nothing: its own weging is refused below, an inherited one does not apply
        elif abs(totaal - 100) > 1e-9:
            fout(
                (*basis, "weging"),
                f"kwaliteit + prijs moet 100 zijn, is {kort(totaal)}{_weging_herkomst(p, regels, naam)}",
            )
        if p.get("prijsmethode") == "lineair" and "plafondprijs" not in p["knockout"] and p["procedure"] != "toelating":
            # lineair scores 0 at the ceiling: a price above it would get a negative price score, unannounced.
            fout(
                (*basis, "prijsmethode"),
                "lineair geeft een prijs boven de plafondprijs een negatieve prijsscore; zet de knock-out "
                "plafondprijs aan (of kies een andere prijsmethode)",
            )
        vaste, plafond = p.get("vaste_prijs"), p.get("plafondprijs")
        if (
            p.get("prijsmethode") == "vaste_prijs"
            and all(_aannemelijk_bedrag(x) for x in (vaste, plafond))  # else that amount's own error says it
            and vaste > plafond
        ):
            # the form asks every bidder to enter the fixed price as its price: above the ceiling its knock-out would
            # declare whoever does so invalid, and the systematiek would publish both the ceiling and a higher price
            knockout = (
                ", en de knock-outregel plafondprijs verklaart ongeldig wie dat doet"
                if "plafondprijs" in p["knockout"]
                else ""
            )
            fout(
                (*basis, "vaste_prijs"),
                f"de vaste prijs ({euro_tekst(vaste)}) ligt boven de plafondprijs van dit perceel ("
                f"{euro_tekst(plafond)}): het inschrijfformulier vraagt iedere inschrijver de vaste prijs in te vullen "
                f"als prijs per traject{knockout}; verlaag de vaste prijs of verhoog de plafondprijs",
            )
        if "--zet" not in naam:  # a scenario that switches the method may leave the other method's amount behind
            for veld, bericht in _buiten_de_prijsmethode(
                code, p, {k[2] for k in regels if len(k) == 3 and k[:2] == basis}
            ):
                fout((*basis, veld), bericht)
            for veld in (*_ALLEEN_BIJ_RANGORDE, "prijsmethode"):
                eigen = p["procedure"] == "toelating" and (*basis, veld) in regels
                if eigen and (waarom := zinloos_in_open_house(code, veld, p)):
                    anders = ", zet prijsmethode: vaste_prijs (één tarief voor iedereen)" * (veld == "prijsmethode")
                    fout((*basis, veld), f"{waarom}; haal de regel weg{anders} of kies procedure: gunning")
        for regel, params in p["knockout"].items():
            if regel not in bekende_regels:
                fout(
                    (*basis, "knockout", regel),
                    f"onbekende knock-outregel '{regel}'{suggestie(regel, bekende_regels)}",
                )
                continue
            velden = regels_register()[regel].Params.model_fields
            if any(k not in velden for k in params):
                continue  # already reported at the parameter's own line
            for bericht in regels_register()[regel].controleer_parameters(params):
                fout((*basis, "knockout", regel), bericht)
        verdeling = p.get("verdeling", {})
        lo, hi = verdeling.get("min_leveranciers"), verdeling.get("max_leveranciers")
        if lo is not None and hi is not None and lo > hi:
            fout((*basis, "verdeling"), f"min_leveranciers ({lo}) is groter dan max_leveranciers ({hi})")
        elif p["procedure"] != "toelating":  # an open house's rules are refused above
            controleer_verdeelregels(basis, verdeling, _vraag_per_jaar(samen, code, p["gemeenten"]), fout)
    bekend: dict[str, dict[str, bool]] = {}  # per lot, once: does its list name only gemeenten of the tender
    for i, g in enumerate(samen["gemeenten"]):
        for code, aantal in g["inburgeraars"].items():
            if code not in samen["percelen"]:
                fout(("gemeenten", i, "inburgeraars", code), f"perceel {code} bestaat niet in deze aanbesteding")
            elif _buiten_het_perceel(
                samen["percelen"][code],
                tender.zoek(g["naam"]) or g["naam"],
                aantal,
                tender,
                bekend.setdefault(code, {}),
            ):
                # counted nowhere: a gemeente left out of the lot's list by mistake would lose its demand in silence
                fout(
                    ("gemeenten", i, "inburgeraars", code),
                    f"{g['naam']} neemt niet deel aan perceel {code} (percelen.{code}.gemeenten), maar verwacht er "
                    f"{aantal} {'inburgeraar' if aantal == 1 else 'inburgeraars'} per jaar; "
                    f"{'die telt' if aantal == 1 else 'die tellen'} nergens mee. Neem {g['naam']} op in "
                    f"percelen.{code}.gemeenten, of haal '{code}: {aantal}' weg (0 mag blijven staan)",
                )
    positie = {g["naam"]: i for i, g in enumerate(samen["gemeenten"])}
    for code, p in samen["percelen"].items():
        for gnaam in p["gemeenten"]:
            nummer = positie.get(tender.zoek(gnaam) or "")
            if nummer is None:
                continue
            g = samen["gemeenten"][nummer]
            if code not in g["inburgeraars"]:
                # a gemeente meant for another lot only: say what made her a participant here and how she leaves
                als_lijst = ("percelen", code, "gemeenten", 0) in regels
                waarom, anders = (
                    (" noemt haar", f"haal haar uit percelen.{code}.gemeenten")
                    if als_lijst
                    else (": alle", f"noem onder percelen.{code}.gemeenten alleen de gemeenten die meedoen")
                )
                fout(
                    ("gemeenten", nummer, "inburgeraars"),
                    f"gemeente {g['naam']} neemt deel aan perceel {code} (percelen.{code}.gemeenten{waarom}) maar "
                    f"geeft geen verwacht aantal; vul het in ({code}: 0 als zij er geen inburgeraars verwacht), of "
                    f"{anders}",
                )
    lijsten = ", ".join(f"percelen.{code}.gemeenten" for code in samen.get("percelen") or {})
    for i, g in _zonder_perceel(samen, tender):
        fout(
            ("gemeenten", i, "naam"),
            f"gemeente {g} staat onder gemeenten maar neemt aan geen enkel perceel deel (geen van {lijsten} noemt "
            "haar); de stukken zouden haar noemen als deelnemende gemeente namens wie de penvoerder handelt. Neem "
            f"{g} op in de gemeenten van het perceel waaraan zij deelneemt, zet haar onder latere_gemeenten als zij "
            "later kan aansluiten, of haal haar weg",
        )
    return fouten


def _zonder_perceel(samen: dict[str, Any], tender: Namen) -> list[tuple[int, str]]:
    """The gemeenten (position, name) under `gemeenten` that no lot's list names: accepted in silence before, while
    the letters and the systematiek say the penvoerder acts on behalf of every gemeente there. A possible later
    participant is declared under `latere_gemeenten` instead. Nothing while a lot's list is malformed or names a
    gemeente the tender does not know: that is reported at the list, and the gemeente it meant may be this one."""
    percelen = samen.get("percelen")
    if not isinstance(percelen, dict) or not percelen:
        return []
    deelnemers: set[str] = set()
    for p in percelen.values():
        lijst = p.get("gemeenten") if isinstance(p, dict) else None
        if not isinstance(lijst, list):
            return []
        for n in lijst:
            gevonden = tender.zoek(str(n))
            if gevonden is None:
                return []
            deelnemers.add(gevonden)
    return [
        (i, g["naam"])
        for i, g in enumerate(samen["gemeenten"])
        if (tender.zoek(g["naam"]) or g["naam"]) not in deelnemers
    ]


# the settings only a ranking reads, and why an open house (procedure: toelating) never does: in the lot's own lines
# they were ignored in silence there ('abnormaal_maatstaf: mediaan' read as a rule the tender applies; 'weging:
# {kwaliteit: 30, prijs: 70}' as a weighting the lot applies). Only the lot's own lines: perceel_standaard and a
# criteria set serve lots of both procedures, and their `weging` simply does not apply to an open house.
_ALLEEN_BIJ_RANGORDE = {
    "weging": "er wordt niemand gerangschikt en kwaliteit en prijs worden niet tegen elkaar gewogen",
    "abnormaal_laag": "prijzen worden er niet met elkaar vergeleken (art. 2.116 Aanbestedingswet 2012 is niet van "
    "toepassing)",
    "abnormaal_maatstaf": "prijzen worden er niet met elkaar vergeleken (art. 2.116 Aanbestedingswet 2012 is niet "
    "van toepassing)",
    "bij_gelijke_stand": "er is geen rangorde en dus geen gelijke stand",
    "max_fictieve_korting": "er wordt geen fictieve prijs berekend en niemand gerangschikt",
}


def zinloos_in_open_house(code: str, veld: str, p: dict[str, Any]) -> str | None:
    """Why `veld` set for the open-house lot `p` (procedure: toelating) means nothing there, or None when it may: a
    setting only a ranking reads (_ALLEEN_BIJ_RANGORDE), or a price method other than vaste_prijs (an open house scores
    no price: the tariff is each admitted provider's own bid price, rapport.toelating_tekst.tarief_zin, or under
    vaste_prijs the one price for all; 'prijsmethode: lineair' was accepted and ignored in silence). The words without
    the remedy: the own line of aanbesteding.yaml (here) and a `--zet` of a scenario (scenario.zet) add their own."""
    kop = f"perceel {code} is een open house (procedure: toelating)"
    if veld in _ALLEEN_BIJ_RANGORDE:
        return f"{kop}: {_ALLEEN_BIJ_RANGORDE[veld]}, dus {veld} zou nergens gebruikt worden"
    methode = p.get("prijsmethode")
    if veld != "prijsmethode" or methode == "vaste_prijs" or not isinstance(methode, str) or methode not in methoden():
        return None  # vaste_prijs is the tariff; an unknown method has its own error at this line
    return (
        f"{kop}: er wordt niemand gerangschikt en geen prijs gescoord, iedere toegelaten aanbieder krijgt zijn eigen "
        f"prijs als tarief, dus prijsmethode {methode} zou nergens gebruikt worden"
    )


# the amounts that only one price method reads (evaluatie.prijs): elsewhere they are published nowhere and paid never
_ALLEEN_BIJ_METHODE = {"vaste_prijs": "vaste_prijs", "max_fictieve_korting": "fictieve_korting"}


def _buiten_de_prijsmethode(code: str, p: dict[str, Any], eigen_velden: set[Any]) -> list[tuple[str, str]]:
    """An amount the lot's own lines give for a price method the lot does not use: 'vaste_prijs: 9000' under
    relatief was ignored in silence, and the lot ranked and paid on the bid prices. So too a `weging` under a method
    that weighs nothing (fictieve_korting, vaste_prijs). Only the lot's own lines (not perceel_standaard or a criteria
    set, which serve lots of several methods)."""
    methode = p.get("prijsmethode")
    uit = [
        (
            veld,
            f"{veld} geldt alleen bij prijsmethode {nodig}, maar perceel {code} heeft prijsmethode "
            f"{methode}: het bedrag zou nergens gebruikt worden (niet in de rangorde, niet in de systematiek, niet in "
            f"de kosten); haal het weg, of zet prijsmethode: {nodig}",
        )
        for veld, nodig in _ALLEEN_BIJ_METHODE.items()
        if veld in eigen_velden and p.get(veld) is not None and methode != nodig
    ]
    klasse = methoden().get(methode) if isinstance(methode, str) else None
    # an open house's own weging is refused for its procedure (_ALLEEN_BIJ_RANGORDE), whatever the method
    if "weging" in eigen_velden and klasse is not None and not klasse.gewogen and p.get("procedure") != "toelating":
        # a weighting under a method without one: '70% prijs' under vaste_prijs was ignored in silence, and the lot
        # ranked on quality alone while the tender's own lines said otherwise
        waarom = (
            "het totaal is de fictieve prijs (prijs min de fictieve korting voor kwaliteit)"
            if methode == "fictieve_korting"
            else "het totaal is de kwaliteitsscore, want de prijs is voor iedereen dezelfde"
            if methode == "vaste_prijs"
            else "deze methode weegt kwaliteit en prijs niet"
        )
        uit.append(
            (
                "weging",
                f"perceel {code} heeft prijsmethode {methode}, die geen weging van kwaliteit en prijs kent ({waarom}): "
                "de weging zou nergens gebruikt worden (niet in de rangorde, niet in de systematiek); haal haar weg, "
                "of kies een gewogen prijsmethode (relatief of lineair)",
            )
        )
    return uit


def _weging_herkomst(p: dict[str, Any], regels: dict[Pad, int], naam: str) -> str:
    """Where the two weights come from, when the tender gave only one of them: `weging: {kwaliteit: 80}` merges with
    the criteria set's prijs 40, and 'is 120' alone names a number the tender never wrote. A scenario's data (`--zet`)
    has no lines, and `scenario.zet` copies the criteria set's weights into the lot before it changes one: where each
    number came from is not known there, so the sentence names both numbers and how to set them, and no origin (it
    used to call the 100 of `--zet percelen.B1.weging.kwaliteit=100` 'uit criteriaset')."""
    if "--zet" in naam:
        weging = p.get("weging", {})
        return (
            f": kwaliteit {kort(weging.get('kwaliteit', 60))} + prijs {kort(weging.get('prijs', 40))}; zet ze allebei "
            f"(--zet percelen.{p['code']}.weging.kwaliteit=... --zet percelen.{p['code']}.weging.prijs=...)"
        )
    basis: Pad = ("percelen", p["code"], "weging")
    eigen = {veld for veld in ("kwaliteit", "prijs") if (*basis, veld) in regels}
    if len(eigen) == 2:
        return ""
    weging = p.get("weging", {})
    delen = []
    for veld, standaard in (("kwaliteit", 60), ("prijs", 40)):
        if veld in eigen:
            waar = "hier"
        elif veld in weging and p.get("criteriaset"):
            waar = f"uit criteriaset {p['criteriaset']}"
        else:
            waar = "de standaard"
        delen.append(f"{veld} {kort(weging.get(veld, standaard))} ({waar})")
    return f": {' + '.join(delen)}; geef kwaliteit en prijs allebei"


def _met_komma_gesplitst(lijst: Any, tender: Namen) -> dict[int, tuple[int, str]]:
    """Runs of list items that are one gemeente of the tender when joined with ', ': in a YAML list
    [Eindhoven, Nuenen, Gerwen en Nederwetten] the comma of CBS's name splits it into two unknown names. Position of
    the first piece -> (end of the run, the gemeente)."""
    if not isinstance(lijst, list):
        return {}
    uit: dict[int, tuple[int, str]] = {}
    j = 0
    while j < len(lijst):
        # a first piece that is itself a name ('Nuenen', the everyday name of the gemeente) may start such a run too
        if isinstance(lijst[j], str) and "," in (tender.zoek(lijst[j]) or ","):
            for k in range(len(lijst), j + 1, -1):
                stukken = lijst[j:k]
                if all(isinstance(x, str) for x in stukken) and (naam := tender.zoek(", ".join(stukken))) is not None:
                    uit[j] = (k, naam)
                    j = k - 1
                    break
        j += 1
    return uit


def _buiten_het_perceel(
    perceel: dict[str, Any], gemeente: str, aantal: Any, tender: Namen, onthouden: dict[str, bool]
) -> bool:
    """A positive number for a lot whose list of gemeenten (names already resolved above) leaves this one out.
    Not while the list holds a name that is no gemeente of the tender: that typo is reported at the list, and the
    gemeente it meant would be named here wrongly as left out. `onthouden` (one per lot, empty at first) keeps
    whether the list names only gemeenten, looked up once per lot instead of once per gemeente (342 x 342 lookups
    nationally: 60 ms of every award, issue #24)."""
    deelnemers = perceel.get("gemeenten")
    if not isinstance(deelnemers, list) or isinstance(aantal, bool) or not isinstance(aantal, int | float):
        return False  # 'alle', a malformed list or a placeholder: reported elsewhere, or nothing to say
    if "bekend" not in onthouden:
        onthouden["bekend"] = all(tender.zoek(str(n)) is not None for n in deelnemers)
    if not onthouden["bekend"]:
        return False
    return aantal > 0 and gemeente not in deelnemers


def _met_prijsparameters(samen: dict[str, Any]) -> dict[str, Any]:
    """A price method's parameters that the Perceel model has no field for go to `prijsparameters`,
    so a new method is one file: its schema (Prijsmethode.parameters) already admitted them."""
    velden = set(Perceel.model_fields)
    eigen = {v for cls in methoden().values() for v in cls.parameters if v not in velden}
    if not eigen or not isinstance(samen.get("percelen"), dict):
        return samen
    percelen = {}
    for code, p in samen["percelen"].items():
        if isinstance(p, dict) and eigen & set(p):
            p = {k: v for k, v in p.items() if k not in eigen} | {
                "prijsparameters": {k: v for k, v in p.items() if k in eigen}
            }
        percelen[code] = p
    return {**samen, "percelen": percelen}


EERSTE_JAAR, LAATSTE_JAAR = 2000, 2100  # a date of the procedure outside these years is a typo in the year


def buiten_de_jaren(d: dt.date) -> str | None:
    """A date of the procedure in a year nobody means (9999-12-27 for 2025-12-27): the periods counted from it
    overflowed the date arithmetic (a traceback in `nieuw` and in the letters)."""
    from evaluatie.tekst import datum

    if EERSTE_JAAR <= d.year <= LAATSTE_JAAR:
        return None
    return f"{datum(d)} ligt niet tussen {EERSTE_JAAR} en {LAATSTE_JAAR}; is het jaar verschreven?"


def _datavolgorde(data: Any, plaats_van: Any) -> list[Fout]:
    """The dates of the procedure in their order: publication before closing, the decision not before the
    closing, the letters not before the decision, and the keurmerk reference date not before the publication and
    not after the decision (the knock-out is checked there). Letters dated before the closing were written as if
    nothing was wrong."""
    from evaluatie.tekst import datum

    if not isinstance(data, dict):
        return []
    d = {k: _als_datum(data.get(k)) for k in ("publicatie", "sluiting", "keurmerk_peildatum", "gunning", "verzending")}
    uit: list[Fout] = []

    def fout(veld: str, tekst: str) -> None:
        uit.append(Fout(plaats_van(veld), tekst))

    for veld, waarde in d.items():
        if waarde is not None and (reden := buiten_de_jaren(waarde)) is not None:
            fout(veld, reden)
    if any(w is not None and buiten_de_jaren(w) for w in d.values()):
        return uit  # the order of a date nobody meant says nothing more
    pub, slu, kp, gun, verz = (d[k] for k in ("publicatie", "sluiting", "keurmerk_peildatum", "gunning", "verzending"))
    if pub and slu and slu <= pub:
        fout("sluiting", f"de sluiting ({datum(slu)}) ligt niet na de publicatie ({datum(pub)})")
    if slu and gun and gun < slu:
        fout("gunning", f"de gunningsbeslissing ({datum(gun)}) ligt voor de sluiting ({datum(slu)})")
    if gun and verz and verz < gun:
        fout(
            "verzending", f"de verzending van de brieven ({datum(verz)}) ligt voor de gunningsbeslissing ({datum(gun)})"
        )
    if pub and kp and kp < pub:
        # a mistyped year: the knock-out would test each keurmerk on a day before the tender existed
        fout(
            "keurmerk_peildatum",
            f"de peildatum van het keurmerk ({datum(kp)}) ligt voor de publicatie ({datum(pub)})",
        )
    if gun and kp and kp > gun:
        fout(
            "keurmerk_peildatum",
            f"de peildatum van het keurmerk ({datum(kp)}) ligt na de gunningsbeslissing ({datum(gun)})",
        )
    return uit


def _als_datum(waarde: Any) -> dt.date | None:
    if isinstance(waarde, dt.date):
        return waarde
    try:
        return dt.date.fromisoformat(str(waarde))
    except ValueError:
        return None


def register_melding(oud: Any) -> str:
    """A tender gemeente that had been dissolved before the tender was published."""
    from evaluatie.gemeentenamen import opsomming
    from evaluatie.tekst import datum

    return (
        f"de gemeente {oud.naam} bestaat sinds {datum(oud.opgeheven_per)} niet meer en is opgegaan in "
        f"{opsomming(list(oud.opgegaan_in), 'en')}; gebruik de huidige gemeente"
    )


def _prognose(samen: dict[str, Any], code: str, gemeenten: list[str]) -> int | None:
    """Expected trajectories of a lot over the whole term (as evaluatie.gunning.raamovereenkomst counts them);
    None while a number is still a placeholder or the shape is not readable yet."""
    looptijd = samen.get("looptijd", {})
    # the model's defaults (2 years, 0 option years) when the tender gives none: the maximum and the texts use them
    standaard = Looptijd.model_construct()
    jaren = (
        looptijd.get("jaren", standaard.jaren) + looptijd.get("optiejaren", standaard.optiejaren)
        if isinstance(looptijd, dict)
        else None
    )
    per_jaar = _vraag_per_jaar(samen, code, gemeenten)
    if not isinstance(jaren, int) or per_jaar is None:
        return None
    return (per_jaar + latere_per_jaar(samen, code)) * jaren  # a possible later participant counts in the maximum


def _vraag_per_jaar(samen: dict[str, Any], code: str, gemeenten: list[str]) -> int | None:
    """Expected inburgeraars per year of a lot over its gemeenten; None while a number is still a placeholder."""
    per_jaar = 0
    for g in samen.get("gemeenten", []):
        if not isinstance(g, dict) or g.get("naam") not in gemeenten:
            continue
        n = (g.get("inburgeraars") or {}).get(code)
        if not isinstance(n, int) or isinstance(n, bool):
            return None  # a placeholder, or missing (reported at the gemeente)
        per_jaar += n
    return per_jaar
