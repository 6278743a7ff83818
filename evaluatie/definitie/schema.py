"""JSON Schema validation of the YAML files, with Dutch messages that cite path and line."""

from __future__ import annotations

import copy
import datetime as dt
import json
from functools import cache
from typing import Any

import jsonschema
from referencing import Registry, Resource

from evaluatie.definitie.yamlregels import Pad, pad_tekst, regel_van
from evaluatie.fouten import Fout
from evaluatie.tekst import aantal, zonder_exponent
from evaluatie.werkmap import criteria_map

# the schemas' pattern of a text that must say something: empty is minLength's error, only spaces or tabs is this one
NIET_ALLEEN_WITRUIMTE = r"^$|\S"

_TYPEN = {
    "number": "een getal",
    "integer": "een geheel getal",
    "string": "tekst",
    "boolean": "ja/nee (true/false)",
    "object": "een lijst van velden (sleutel: waarde)",
    "array": "een lijst",
}


def _prijsmethoden() -> tuple[str, ...]:
    """The registered price methods: the schema is built for exactly these (a method added later, as in a
    test, gets a schema of its own)."""
    from evaluatie.prijs.basis import methoden

    return tuple(methoden())


def _register() -> Registry:
    return _register_voor(_prijsmethoden())


def prijsmethode_schema(perceel: dict[str, Any]) -> dict[str, Any]:
    """perceel.schema.json completed from the price-method registry: the enum of method names and,
    as properties of the lot, each method's parameters."""
    from evaluatie.prijs.basis import methoden

    perceel = copy.deepcopy(perceel)
    eigenschappen = perceel["properties"]
    bron = eigenschappen["prijsmethode"].get("description", "")
    eigenschappen["prijsmethode"] = {"enum": list(methoden()), "description": bron}
    eigenaar: dict[str, str] = {}
    for naam, cls in methoden().items():
        for veld, schema in cls.parameters.items():
            if veld in eigenschappen and veld not in eigenaar:
                raise RuntimeError(f"prijsmethode {naam}: parameter {veld} bestaat al als veld van een perceel")
            if veld in eigenaar:
                raise RuntimeError(f"prijsmethode {naam}: parameter {veld} hoort al bij {eigenaar[veld]}")
            eigenaar[veld] = naam
            eigenschappen[veld] = schema
    return perceel


@cache
def _register_voor(prijsmethoden: tuple[str, ...]) -> Registry:
    map_ = criteria_map() / "schema"
    bronnen = []
    for pad in sorted(map_.glob("*.schema.json")):
        inhoud = json.loads(pad.read_text(encoding="utf-8"))
        if inhoud["$id"] == "perceel.schema.json":
            inhoud = prijsmethode_schema(inhoud)
        bronnen.append((inhoud["$id"], Resource.from_contents(inhoud)))
    return Registry().with_resources(bronnen)


def _validator(naam: str) -> jsonschema.Draft202012Validator:
    return _validator_voor(naam, _prijsmethoden())


@cache
def _validator_voor(naam: str, prijsmethoden: tuple[str, ...]) -> jsonschema.Draft202012Validator:
    register = _register_voor(prijsmethoden)
    schema = register.get_or_retrieve(naam).value.contents
    return jsonschema.Draft202012Validator(schema, registry=register)


def _kreeg(w: Any) -> str:
    if isinstance(w, str):
        return f"'{w}'"
    if w is None:
        return "niets"
    if isinstance(w, dict | list):
        return "een " + ("lijst van velden" if isinstance(w, dict) else "lijst")
    if isinstance(w, bool):
        return "ja/nee-waarde " + ("true" if w else "false")
    if isinstance(w, dt.date):  # also datetime: never Python's repr
        return f"de datum {w.isoformat()}"
    if isinstance(w, int | float):
        return str(w) if isinstance(w, int) else zonder_exponent(w)  # 1e+15 written out, as everywhere
    return f"'{w}'"


def suggestie(woord: str, bekend: Any, toon_alle: bool = True) -> str:
    """'; bedoelt u 'keurmerk'?' for the closest known name (and the list of known names)."""
    import difflib

    namen = [str(b) for b in bekend]
    gelijk = [n for n in namen if n.lower() == str(woord).lower()]
    dichtst = gelijk or difflib.get_close_matches(str(woord), namen, n=1, cutoff=0.6)
    tekst = f"; bedoelt u '{dichtst[0]}'?" if dichtst else ""
    if toon_alle:
        tekst += f" toegestaan: {', '.join(sorted(namen))}" if tekst else f"; toegestaan: {', '.join(sorted(namen))}"
    return tekst


def _leeg_perceel(pad: Pad, instantie: Any) -> str:
    """What to write for a lot left empty ('MAP:' with nothing under it, which YAML reads as null): '{}' for the
    lot with its defaults, or no line at all when the lot is not tendered. The bare type error named neither."""
    if instantie is not None or len(pad) != 2 or pad[0] != "percelen":
        return ""
    code = pad[1]
    return (
        f"; schrijf '{code}: {{}}' voor het perceel met zijn standaardinstellingen, of haal de regel '{code}:' weg als "
        "het perceel niet meedoet"
    )


def _berichten(fout: jsonschema.ValidationError) -> list[tuple[Pad, str]]:
    """One message per problem; an unknown key is reported at its own path (and so its own line)."""
    schema: dict[str, Any] = fout.schema if isinstance(fout.schema, dict) else {}
    if fout.validator == "additionalProperties" and isinstance(fout.instance, dict):
        pad: Pad = tuple(fout.absolute_path)
        toegestaan = sorted(schema.get("properties", {}))
        extra = sorted(k for k in fout.instance if k not in toegestaan)
        return [((*pad, k), f"onbekend veld '{k}'{suggestie(k, toegestaan)}") for k in extra]
    return [_bericht(fout)]


def _bericht(fout: jsonschema.ValidationError) -> tuple[Pad, str]:
    pad: Pad = tuple(fout.absolute_path)
    v = fout.validator
    instantie: Any = fout.instance
    schema: dict[str, Any] = fout.schema if isinstance(fout.schema, dict) else {}
    waarde: Any = fout.validator_value  # the schema keyword's value (a list, a number, a name)
    if v == "type":
        verwacht = waarde
        soorten = verwacht if isinstance(verwacht, list) else [verwacht]
        tekst = " of ".join(_TYPEN.get(str(s), str(s)) for s in soorten)
        return pad, f"verwacht {tekst}, kreeg {_kreeg(instantie)}" + _leeg_perceel(pad, instantie)
    if v == "required":
        ontbreekt = [k for k in waarde if k not in (instantie or {})]
        return pad, "verplicht veld ontbreekt: " + ", ".join(ontbreekt)
    if v == "additionalProperties":
        toegestaan = sorted(schema.get("properties", {}))
        extra = sorted(k for k in instantie if k not in toegestaan)
        return pad, f"onbekend veld {', '.join(extra)}; toegestaan: {', '.join(toegestaan)}"
    if v == "enum" and "propertyNames" in fout.absolute_schema_path and isinstance(instantie, str):
        # a key that is not one of the allowed names: report it at its own line
        return (*pad, instantie), f"onbekende naam '{instantie}'" + suggestie(instantie, [str(x) for x in waarde])
    if v == "enum":
        keuzes = ", ".join(str(x) for x in waarde)
        return pad, f"verwacht een van {keuzes}, kreeg {_kreeg(instantie)}"
    if v == "const":
        return pad, f"verwacht '{waarde}', kreeg {_kreeg(instantie)}"
    if v == "propertyNames":
        sub = fout.context[0] if fout.context else None
        keuzelijst: list[Any] = list(sub.validator_value) if sub and sub.validator == "enum" else []  # type: ignore[arg-type]
        keuzes = ", ".join(str(k) for k in keuzelijst)
        return (*pad, instantie if isinstance(instantie, str) else ""), (
            f"onbekende naam {_kreeg(instantie)}"
            + (suggestie(str(instantie), keuzelijst) if keuzelijst else (f"; toegestaan: {keuzes}" if keuzes else ""))
        )
    if v in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        teken = {"minimum": ">=", "exclusiveMinimum": ">", "maximum": "<=", "exclusiveMaximum": "<"}[v]
        return pad, f"moet {teken} {waarde} zijn, kreeg {_kreeg(instantie)}"
    if v == "pattern" and waarde == NIET_ALLEEN_WITRUIMTE:
        # minLength 1 let ' ' through: a blank tender name, penvoerder or subregio in every published text
        return pad, f"bevat alleen witruimte ({_kreeg(instantie)}): spaties of tabs zonder tekst; vul de waarde in"
    if v == "pattern":
        return pad, f"verwacht een datum als JJJJ-MM-DD, kreeg {_kreeg(instantie)}"
    if v == "minItems":
        return pad, f"verwacht minstens {aantal(str(waarde), 'element', 'elementen')}"
    if v == "minProperties":
        return pad, f"verwacht minstens {aantal(str(waarde), 'veld', 'velden')}"
    if v == "maxProperties" and isinstance(instantie, dict):
        # raammaximum: {opslag: 0.25, trajecten: 400} said 'ongeldige waarde een lijst van velden'
        gegeven = ", ".join(str(k) for k in instantie)
        if waarde == 1:
            return pad, f"kies één van deze velden, niet {len(instantie)} tegelijk: {gegeven}"
        return pad, f"hoogstens {waarde} velden, kreeg er {len(instantie)}: {gegeven}"
    if v == "minLength":
        return pad, "mag niet leeg zijn"
    if v == "uniqueItems":
        gezien: list[Any] = []
        for x in instantie if isinstance(instantie, list) else []:
            if x in gezien:
                return pad, f"bevat {_kreeg(x)} twee keer"
            gezien.append(x)
        return pad, "bevat een waarde dubbel"
    if v == "oneOf":
        return _een_van(fout, pad, instantie, waarde)
    return pad, f"ongeldige waarde {_kreeg(instantie)}"  # never jsonschema's English text


_JSONTYPE = {dict: "object", list: "array", str: "string", bool: "boolean"}


def _past(vorm: dict[str, Any], instantie: Any) -> bool:
    """Whether `instantie` has the JSON type of one form of a oneOf (a const fits only itself)."""
    if "const" in vorm:
        return bool(vorm["const"] == instantie and type(vorm["const"]) is type(instantie))
    soort = _JSONTYPE.get(type(instantie), "number" if isinstance(instantie, int | float) else "")
    typen = vorm.get("type")
    toegestaan = typen if isinstance(typen, list) else [typen]
    return soort in toegestaan or (soort == "number" and "integer" in toegestaan and float(instantie).is_integer())


def _een_van(fout: jsonschema.ValidationError, pad: Pad, instantie: Any, vormen: Any) -> tuple[Pad, str]:
    """A value that may take one of several forms, in Dutch (never the schema's English description): the
    error inside the one form the value's type fits, or else the forms that are allowed."""
    vormen = [v for v in vormen if isinstance(v, dict)] if isinstance(vormen, list) else []
    passend = [i for i, v in enumerate(vormen) if _past(v, instantie)]
    if len(passend) == 1:
        binnen = [c for c in fout.context or [] if c.relative_schema_path and c.relative_schema_path[0] == passend[0]]
        if binnen:
            return _bericht(binnen[0])
    keuzes = []
    for v in vormen:
        if "const" in v:
            keuzes.append("false" if v["const"] is False else _kreeg(v["const"]))
        else:
            typen = v.get("type")
            keuzes += [_TYPEN.get(str(t), str(t)) for t in (typen if isinstance(typen, list) else [typen])]
    return pad, (
        f"verwacht {' of '.join(keuzes)}, kreeg {_kreeg(instantie)}"
        if keuzes
        else f"ongeldige waarde {_kreeg(instantie)}"
    )


def valideer(data: Any, schema_id: str, regels: dict[Pad, int], bestand: str) -> list[Fout]:
    """All schema errors of one file, ordered by line, each as 'file: path (regel N): message'."""
    fouten: list[tuple[int, str, Fout]] = []
    for fout in _validator(schema_id).iter_errors(data):
        for pad, bericht in _berichten(fout):
            regel = regel_van(regels, pad) or 0
            plaats = f"{bestand}: {pad_tekst(pad)}" + (f" (regel {regel})" if regel else "")
            fouten.append((regel, plaats, Fout(plaats, bericht)))
    fouten.sort(key=lambda t: (t[0], t[1], t[2].bericht))
    uniek: list[Fout] = []
    for _, _, f in fouten:
        if f not in uniek:
            uniek.append(f)
    return uniek
