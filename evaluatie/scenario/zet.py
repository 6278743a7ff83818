"""Apply `--zet PAD=WAARDE` changes to the tender definition, checked against its JSON Schema.

Paths use the YAML's own keys: `percelen.B1.verdeling.max_aandeel=0.5`,
`percelen.Z.prijsmethode=vaste_prijs`, `gemeenten.3.inburgeraars.B1=50` (list positions from 1,
or a gemeente by name: `gemeenten.Hilversum.inburgeraars.B1=50`).
Values are read as YAML (0.5, true, [a, b]). A path the schema does not know, or a lot the tender
does not have, is refused with the valid choices at that point.

A path under `percelen.<code>` addresses the lot as it applies, also what it takes from its criteria
set without a line in aanbesteding.yaml: `percelen.B1.gunningscriteria.K1.weging=30` changes that one
weight and keeps the criterion's name, description and the other criteria; `percelen.B1.schaal.stappen.3.punten=60`
changes one scale point. Without that, the change would replace what the set gives with a fragment
(a criterion without a name, a knock-out rule without its other parameters). A criterion is named by
its code or its position (from 1); a criterion the panel never scored cannot be added.
"""

from __future__ import annotations

import copy
import math
from pathlib import Path
from typing import Any

import yaml

from evaluatie.definitie.schema import _register
from evaluatie.getallen import yaml_getal_dubbelzinnig

_HOOFDSCHEMA = "aanbesteding.schema.json"


class ZetFout(ValueError):
    """A bad --zet: the message names the valid paths or values."""


Schemaknoop = tuple[dict[str, Any], str]  # a schema node and the schema file its local $refs point into


def _los_op(knoop: dict[str, Any], basis: str) -> Schemaknoop:
    while "$ref" in knoop:
        ref = knoop["$ref"]
        bestand, _, fragment = ref.partition("#")
        basis = bestand or basis
        knoop = _register().get_or_retrieve(basis).value.contents
        for deel in [d for d in fragment.split("/") if d]:
            knoop = knoop[deel]
    return knoop, basis


def _stap(schema: Schemaknoop, sleutel: str, data: Any, pad: str) -> tuple[Schemaknoop | None, Any]:
    """Descend one key; returns (schema node or None for free-form, the key as stored)."""
    knoop, basis = _los_op(*schema)
    if "oneOf" in knoop:  # a scale point is a number or a mapping: the form the data has decides
        soort = "object" if isinstance(data, dict) else "array" if isinstance(data, list) else None
        passend = [k for k in knoop["oneOf"] if _los_op(k, basis)[0].get("type") == soort]
        if not passend:
            return None, int(sleutel) - 1 if isinstance(data, list) and sleutel.isdigit() else sleutel
        knoop, basis = _los_op(passend[0], basis)
    if knoop.get("type") == "array" or "items" in knoop:
        items = knoop.get("items")
        onder = (items, basis) if isinstance(items, dict) else None
        if not sleutel.isdigit() and _benoemd(data):
            return onder, _positie_op_naam(sleutel, data, pad)
        if not isinstance(data, list):
            raise ZetFout(f"{pad}: verwacht een positie in een lijst, maar hier staat geen lijst ({_kort(data)})")
        if not sleutel.isdigit() or not 1 <= int(sleutel) <= len(data):
            raise ZetFout(f"{pad}: verwacht een positie van 1 tot {len(data)}, kreeg '{sleutel}'")
        return onder, int(sleutel) - 1
    eigenschappen = knoop.get("properties", {})
    if sleutel in eigenschappen:
        return (eigenschappen[sleutel], basis), sleutel
    extra = knoop.get("additionalProperties")
    if isinstance(extra, dict):
        if "propertyNames" in knoop and isinstance(data, dict) and sleutel not in data:
            raise ZetFout(f"{pad}: onbekend '{sleutel}'; geldig: {', '.join(map(str, data)) or '(geen)'}")
        return ((extra, basis) if "oneOf" not in extra else None), sleutel
    geldig = ", ".join(eigenschappen) or "(geen)"
    raise ZetFout(f"{pad}: onbekend veld '{sleutel}'; geldig: {geldig}")


def _kort(waarde: Any) -> str:
    tekst = "niets" if waarde is None else repr(waarde)
    return tekst if len(tekst) <= 60 else tekst[:57] + "..."


def _benoemd(data: Any) -> bool:
    return isinstance(data, list) and bool(data) and all(isinstance(x, dict) and "naam" in x for x in data)


def _positie_op_naam(sleutel: str, data: list[dict[str, Any]], pad: str) -> int:
    """`gemeenten.Hilversum.inburgeraars.B1=50`: a gemeente by name instead of position."""
    from evaluatie.gemeentenamen import Namen

    namen = Namen(str(x["naam"]) for x in data)
    gevonden = namen.zoek(sleutel)
    if gevonden is None:
        raise ZetFout(f"{pad}: " + namen.melding(sleutel, "staat niet in de lijst"))
    return next(i for i, x in enumerate(data) if str(x["naam"]) == gevonden)


def _criterium(sleutel: str, geldend: Any, pad: str) -> str:
    """The code of a lot's criterion named by code or by position (from 1) among the criteria as they apply."""
    criteria = geldend if isinstance(geldend, dict) else {}
    codes = [str(c) for c in criteria]
    if sleutel in codes:
        return sleutel
    if sleutel.isdigit() and 1 <= int(sleutel) <= len(codes):
        return codes[int(sleutel) - 1]
    keuzes = ", ".join(
        f"{c} ({v.get('naam')})" if isinstance(v, dict) and v.get("naam") else c for c, v in criteria.items()
    )
    raise ZetFout(
        f"{pad}: onbekend gunningscriterium '{sleutel}'; geldig: {keuzes or '(geen)'}, of hun positie van 1 tot "
        f"{len(codes)}. Een criterium toevoegen kan niet in een scenario: het panel heeft het niet beoordeeld"
    )


def _delen(pad: str) -> list[str]:
    """The keys of a path. A dot inside brackets belongs to the key: CBS names such as 'Bergen (NH.)' or
    'Laren (NH.)' carry one (`gemeenten.Bergen (NH.).inburgeraars.B1=5`)."""
    delen, huidig, diepte = [], "", 0
    for teken in pad:
        if teken == "." and diepte == 0:
            delen.append(huidig)
            huidig = ""
            continue
        diepte += {"(": 1, ")": -1}.get(teken, 0)
        huidig += teken
    delen.append(huidig)
    if any(not d.strip() for d in delen):
        # 'percelen..B1' or 'percelen.B1.' read as 'percelen.B1' would change another place than was typed
        raise ZetFout(
            f"{pad}: een leeg deel in het pad (twee punten achter elkaar, of een punt aan het begin of het eind); "
            "scheid de delen met één punt, bijvoorbeeld percelen.B1.verdeling.max_aandeel"
        )
    return delen


def _lees_waarde(pad: str, waarde: str) -> Any:
    """A --zet value read as the YAML file is (evaluatie.definitie.yamlregels): a date stays the text
    JJJJ-MM-DD the schema expects, an impossible date or an ambiguous number is named."""
    from evaluatie.definitie.yamlregels import lees_streng

    try:
        nieuw, _, problemen = lees_streng(waarde)
    except yaml.YAMLError:
        raise ZetFout(f"{pad}: waarde '{waarde}' is geen geldige YAML") from None
    if problemen:
        raise ZetFout(f"{pad}: {problemen[0].bericht}")
    if isinstance(nieuw, float) and not math.isfinite(nieuw):
        raise ZetFout(f"{pad}: '{waarde}' is geen getal")
    if isinstance(nieuw, float) and (bericht := yaml_getal_dubbelzinnig(waarde)) is not None:
        raise ZetFout(f"{pad}: {bericht}")
    return nieuw


def pas_toe(data: dict[str, Any], zetten: list[str], werkmap: Path | None = None) -> dict[str, Any]:
    """A changed deep copy of the raw tender data. `werkmap` is where a tender's own criteria set is looked
    for (criteria/ in the werkmap), as when the tender is loaded."""
    from evaluatie.definitie.laden import percelen_zoals_ze_gelden

    uit = copy.deepcopy(data)
    gemeentezetten: list[tuple[str, int, str]] = []
    gezet: dict[tuple[Any, ...], str] = {}  # the resolved path of every --zet so far: the same place twice is refused
    weggelaten: list[tuple[str, list[str]]] = []  # rules removed with =null, checked once all changes are made
    for zet in zetten:
        pad, teken, waarde = zet.partition("=")
        if not teken or not pad.strip():
            raise ZetFout(f"'{zet}': verwacht PAD=WAARDE, bijvoorbeeld percelen.B1.verdeling.max_aandeel=0.5")
        delen = _delen(pad.strip())
        if delen and delen[0] == "beoordelaars":
            raise ZetFout(
                f"{pad.strip()}: een scenario rekent met de formulieren die het panel al heeft ingeleverd en kan geen "
                "beoordelaar toevoegen of weglaten; wat één beoordelaar uitmaakt, toont 'evaluatie zekerheid' "
                "(beoordelaar weglaten)"
            )
        geldend_perceel = percelen_zoals_ze_gelden(uit, werkmap)
        knoop: Schemaknoop | None = (_register().get_or_retrieve(_HOOFDSCHEMA).value.contents, _HOOFDSCHEMA)
        doel: Any = uit
        geldend: Any = None  # the same place in the lot as it applies (criteria set included), under percelen.<code>
        gelopen: list[str] = []
        sleutels: list[Any] = []
        for i, deel in enumerate(delen):
            gelopen.append(deel)
            waar = ".".join(gelopen)
            if len(gelopen) == 4 and gelopen[0] == "percelen" and gelopen[2] == "gunningscriteria":
                deel = _criterium(deel, geldend, waar)
            nieuw_aantal = (
                len(gelopen) == 4
                and gelopen[0] == "gemeenten"
                and gelopen[2] == "inburgeraars"
                and isinstance(doel, dict)
                and deel not in doel
                and deel in (uit.get("percelen") or {})
            )  # a number for a lot the gemeente joins in this scenario; _controleer_deelname checks it joins
            if not isinstance(doel, (dict, list)):
                vorige = ".".join(gelopen[:-1])
                raise ZetFout(
                    f"{waar}: {vorige} is {_kort(doel)}, geen tabel of lijst; zet {vorige} als geheel, "
                    f"bijvoorbeeld {vorige}={{...}}"
                )
            sleutel: Any
            if nieuw_aantal:
                knoop, sleutel = None, deel
            elif knoop is not None:
                knoop, sleutel = _stap(knoop, deel, doel, waar)
            else:
                sleutel = int(deel) - 1 if isinstance(doel, list) and deel.isdigit() else deel
            if isinstance(doel, list) and not (isinstance(sleutel, int) and 0 <= sleutel < len(doel)):
                raise ZetFout(f"{waar}: verwacht een positie van 1 tot {len(doel)}, kreeg '{deel}'")
            sleutels.append(sleutel)
            if len(gelopen) == 2 and gelopen[0] == "percelen":
                geldend = geldend_perceel.get(str(sleutel))
            elif len(gelopen) > 2:
                geldend = _onder(geldend, sleutel)
            if i == len(delen) - 1:
                nieuw = _lees_waarde(pad, waarde)
                if _weg_te_laten(gelopen, nieuw, waarde, pad.strip()):
                    if isinstance(doel, dict):
                        doel.pop(sleutel, None)
                    weggelaten.append((pad.strip(), [str(s) for s in sleutels]))
                    continue
                schema = _los_op(*knoop)[0] if knoop is not None else {}
                if "enum" in schema and nieuw not in schema["enum"]:
                    keuzes = ", ".join(map(str, schema["enum"]))
                    raise ZetFout(f"{pad}: waarde '{waarde}' is niet toegestaan; geldig: {keuzes}")
                doel[sleutel] = nieuw
            else:
                if isinstance(doel, dict) and doel.get(sleutel) is None:
                    # what the lot takes from its criteria set comes along, so that only the one value changes;
                    # not a knock-out rule's parameters, which replace as a whole (definitie.laden)
                    regel = gelopen[0] == "percelen" and len(gelopen) in (3, 4) and gelopen[2] == "knockout"
                    if regel and len(gelopen) == 4 and geldend is False:
                        raise ZetFout(
                            f"{pad.strip()}: de knock-outregel {deel} staat uit (false) voor perceel {gelopen[1]}; zet "
                            f"de hele regel, bijvoorbeeld {waar}={{}}"
                        )
                    doel[sleutel] = copy.deepcopy(geldend) if isinstance(geldend, (dict, list)) and not regel else {}
                doel = doel[sleutel]
        if tuple(sleutels) in gezet:
            raise ZetFout(
                f"{pad.strip()}: dit pad wordt twee keer gezet ('{gezet[tuple(sleutels)]}' en '{zet}'); welke waarde "
                "bedoeld is, is niet te zeggen: zet het één keer"
            )
        gezet[tuple(sleutels)] = zet
        if len(sleutels) == 4 and gelopen[0] == "gemeenten" and gelopen[2] == "inburgeraars":
            gemeentezetten.append((".".join(gelopen), sleutels[1], str(sleutels[3])))
    _controleer_deelname(uit, gemeentezetten, werkmap)
    _niet_in_een_open_house(uit, gezet, werkmap)
    _echt_weggelaten(uit, weggelaten, werkmap)
    return uit


_NULL = ("null", "Null", "NULL", "~")


def _weg_te_laten(gelopen: list[str], nieuw: Any, waarde: str, pad: str) -> bool:
    """`percelen.B1.verdeling.max_leveranciers_per_gemeente=null`: the rule is left out, as if the line were not in
    aanbesteding.yaml, so that an analyst can ask "what without this rule?" instead of only relaxing it (=99). Only
    a distribution rule: its absence means "no such rule" (definitie.model.Verdeelregels), whereas an absent
    plafondprijs or weging means a default, which `null` must not silently stand for. Elsewhere a null goes on to
    the schema, which names the field and the value it expects. An empty value (`max_aandeel=`) is not read as
    leaving the rule out: that may be a typing slip, so it is refused, naming `null`."""
    if not (len(gelopen) >= 3 and gelopen[0] == "percelen" and gelopen[2] == "verdeling") or nieuw is not None:
        return False
    if waarde.strip() not in _NULL:
        raise ZetFout(
            f"{pad}: geen waarde; schrijf {pad}=null om de regel in dit scenario weg te laten, of geef een waarde"
        )
    return True


def _echt_weggelaten(data: dict[str, Any], weggelaten: list[tuple[str, list[str]]], werkmap: Path | None) -> None:
    """A rule left out of the tender's own lines that the lot still takes from its criteria set would apply after
    all, and the scenario would say 'ongewijzigd' as if the rule had made no difference: refused, naming the set."""
    from evaluatie.definitie.laden import percelen_zoals_ze_gelden

    if not weggelaten:
        return
    percelen = percelen_zoals_ze_gelden(data, werkmap)
    fouten = []
    for pad, sleutels in weggelaten:
        geldend: Any = percelen.get(sleutels[1])
        for sleutel in sleutels[2:]:
            geldend = _onder(geldend, sleutel)
        if geldend:
            code = sleutels[1]
            setnaam = (data["percelen"].get(code) or {}).get("criteriaset") or data.get("criteriaset")
            fouten.append(
                f"{pad}: perceel {code} neemt deze regel ({_kort(geldend)}) over uit criteriaset {setnaam}; "
                "een scenario kan hem daar niet weglaten. Versoepel hem in plaats daarvan (bijvoorbeeld een hoger "
                "maximum)"
            )
    if fouten:
        raise ZetFout("\n".join(fouten))


def _niet_in_een_open_house(data: dict[str, Any], gezet: dict[tuple[Any, ...], str], werkmap: Path | None) -> None:
    """A --zet of a setting an open-house lot (procedure: toelating, as the lot applies in the scenario) does not read,
    its weging or a price method other than vaste_prijs: '--zet percelen.PVT.weging.kwaliteit=70' was applied to
    nothing and the scenario said 'ongewijzigd', as if the change had been weighed and made no difference. Refused as
    aanbesteding.yaml's own line is (definitie.laden.zinloos_in_open_house), every such --zet at once."""
    from evaluatie.definitie.laden import percelen_zoals_ze_gelden, zinloos_in_open_house

    percelen = percelen_zoals_ze_gelden(data, werkmap)
    fouten = []
    for sleutels, zet in gezet.items():
        if len(sleutels) < 3 or sleutels[0] != "percelen" or not isinstance(sleutels[2], str):
            continue
        code, veld = str(sleutels[1]), sleutels[2]
        p = percelen.get(code) or {}
        if p.get("procedure", data.get("procedure", "gunning")) != "toelating":
            continue
        waarom = zinloos_in_open_house(code, veld, p)
        if waarom is None and veld == "verdeling" and _gezet_op(data, sleutels) not in (None, False, {}, []):
            # the load's error would name '--zet ...=null' for it, and that path is set already: leave this one out
            waarom = (
                f"perceel {code} is een open house (procedure: toelating): het kiest niemand en verdeelt niet, de "
                "verwachte verdeling volgt alleen de capaciteit, dus deze verdeelregel zou nergens gebruikt worden"
            )
        if waarom is not None:
            vast = f" (of zet percelen.{code}.prijsmethode=vaste_prijs, één tarief voor iedereen)" * (
                veld == "prijsmethode"
            )
            fouten.append(f"'{zet}': {waarom}; laat deze --zet weg{vast}, of zet percelen.{code}.procedure=gunning")
    if fouten:
        raise ZetFout("\n".join(fouten))


def niet_van_toepassing(ruw: dict[str, Any], gewijzigd: dict[str, Any], werkmap: Path | None) -> dict[str, str]:
    """Per lot the scenario makes an open house (`--zet percelen.Z.procedure=toelating`), one sentence naming the
    lines of aanbesteding.yaml's own that the open house does not read (definitie.laden.zinloos_in_open_house: its
    weging, a price method other than vaste_prijs, ...). Such a switch is a fair question and is not refused, but the
    what-if was computed without those lines while it said nothing of them, as if they had been weighed."""
    from evaluatie.definitie.laden import percelen_zoals_ze_gelden, zinloos_in_open_house

    percelen = percelen_zoals_ze_gelden(gewijzigd, werkmap)
    eigen_percelen = ruw.get("percelen") if isinstance(ruw.get("percelen"), dict) else {}
    uit: dict[str, str] = {}
    for code, eigen in (eigen_percelen or {}).items():
        p = percelen.get(str(code)) or {}
        if not isinstance(eigen, dict) or p.get("procedure", gewijzigd.get("procedure", "gunning")) != "toelating":
            continue
        regels = [
            f"percelen.{code}.{veld}" + (f" ({p['prijsmethode']})" if veld == "prijsmethode" else "")
            for veld in eigen
            if isinstance(veld, str) and zinloos_in_open_house(str(code), veld, p) is not None
        ]
        if not regels:
            continue
        genoemd = regels[0] if len(regels) == 1 else ", ".join(regels[:-1]) + " en " + regels[-1]
        tarief = "; het tarief is ieders eigen prijs per traject" if any(".prijsmethode " in r for r in regels) else ""
        uit[str(code)] = (
            f"perceel {code} is in dit scenario een open house (procedure: toelating), dus {genoemd} uit "
            f"aanbesteding.yaml {'geldt' if len(regels) == 1 else 'gelden'} hier niet en "
            f"{'is' if len(regels) == 1 else 'zijn'} niet toegepast: een open house rangschikt niemand, weegt "
            f"kwaliteit en prijs niet tegen elkaar en vergelijkt geen prijzen{tarief}"
        )
    return uit


def _gezet_op(data: Any, sleutels: tuple[Any, ...]) -> Any:
    """The value a --zet put at these resolved keys."""
    for sleutel in sleutels:
        data = _onder(data, sleutel)
    return data


def _onder(geldend: Any, sleutel: Any) -> Any:
    if isinstance(geldend, dict):
        return geldend.get(sleutel)
    if isinstance(geldend, list) and isinstance(sleutel, int) and 0 <= sleutel < len(geldend):
        return geldend[sleutel]
    return None


def _controleer_deelname(data: dict[str, Any], zetten: list[tuple[str, int, str]], werkmap: Path | None) -> None:
    """A number of inburgeraars for a lot the gemeente does not take part in counts nowhere: refused, not ignored."""
    from evaluatie.definitie.laden import percelen_zoals_ze_gelden
    from evaluatie.gemeentenamen import Namen

    percelen = percelen_zoals_ze_gelden(data, werkmap)
    for pad, positie, code in zetten:
        gemeente = str(data["gemeenten"][positie].get("naam", ""))
        deelnemers = percelen.get(code, {}).get("gemeenten", "alle")
        if not isinstance(deelnemers, list):
            continue
        namen = Namen(str(n) for n in deelnemers)
        if namen.zoek(gemeente) is None:
            raise ZetFout(
                f"{pad}: {gemeente} neemt niet deel aan perceel {code} (percelen.{code}.gemeenten: "
                f"{', '.join(map(str, deelnemers))}), dus dit aantal telt nergens mee; laat {gemeente} in dit "
                f"scenario meedoen met --zet 'percelen.{code}.gemeenten=[...]'"
            )


def buiten_de_percelen(zetten: list[str], codes: list[str]) -> None:
    """A --zet for a lot the run leaves out (--lots) would change nothing shown: refused, naming the lots."""
    for zet in zetten:
        delen = _delen(zet.partition("=")[0].strip())
        code = None
        if len(delen) >= 2 and delen[0] == "percelen":
            code = delen[1]
        elif len(delen) >= 4 and delen[0] == "gemeenten" and delen[2] == "inburgeraars":
            code = delen[3]
        if code is not None and code not in codes:
            raise ZetFout(
                f"'{zet}' wijzigt perceel {code}, dat niet wordt doorgerekend (--lots {','.join(codes)}); neem het op "
                "in --lots, of laat --lots weg"
            )
