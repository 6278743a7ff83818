"""Bad-input corpus: inputs a careless or hostile user could hand in, each on a copy of the example.

Every case asserts four things: the exit code; no traceback; the file and the cell or YAML
line named in the message; and every input file byte-identical afterwards (nothing is
"repaired" in place). The cases are grouped by class: numbers in bids, numbers in the YAML,
strict YAML, bounded reading, werkmap edges, bid text, and errors of several files at once.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie import werkboek
from evaluatie.beoordeling.verklaring import WEL as WEL_BELANGENVERSTRENGELING
from evaluatie.cli import main
from evaluatie.definitie import yamlregels
from evaluatie.definitie.yamlregels import lees_streng
from tests.hulp import hernoem_inschrijver

Wijziging = Callable[[Path], list[str]]  # changes the werkmap; returns extra texts the message must contain


@dataclass
class Geval:
    naam: str
    wijzig: Wijziging
    verwacht: list[str]
    commando: list[str] = field(default_factory=lambda: ["inschrijvingen"])
    code: int = 2


def _cel(bestand: str, blad: str, cel: str, waarde: Any) -> Wijziging:
    def wijzig(root: Path) -> list[str]:
        pad = root / bestand
        wb = load_workbook(pad)
        wb[blad][cel] = waarde
        wb.save(pad)
        return []

    return wijzig


def _besluiten_kapot(root: Path) -> list[str]:
    (root / "besluiten.yaml").write_text("besluiten: [\n", encoding="utf-8")
    return []


def _yaml(oud: str, nieuw: str, regel_van: str | None = None) -> Wijziging:
    """Replace text in aanbesteding.yaml; the message must name the line holding `regel_van`."""

    def wijzig(root: Path) -> list[str]:
        pad = root / "aanbesteding.yaml"
        tekst = pad.read_text(encoding="utf-8")
        assert oud in tekst, oud
        tekst = tekst.replace(oud, nieuw, 1)
        pad.write_text(tekst, encoding="utf-8")
        if regel_van is None:
            return []
        regels = [i + 1 for i, r in enumerate(tekst.splitlines()) if regel_van in r]
        return [f"(regel {regels[0]})"]

    return wijzig


def _regel(root: Path, tekst: str, nummer: int = 0) -> int:
    """1-based line of the `nummer`-th line of aanbesteding.yaml that contains `tekst`."""
    regels = (root / "aanbesteding.yaml").read_text(encoding="utf-8").splitlines()
    return [i + 1 for i, r in enumerate(regels) if tekst in r][nummer]


def _dubbel_perceel(root: Path) -> list[str]:
    _yaml("  Z:\n", "  B1:\n    gemeenten: alle\n  Z:\n")(root)
    eerste, tweede = _regel(root, "  B1:"), _regel(root, "  B1:", 1)
    return [f"percelen.B1 (regel {tweede})", f"regel {eerste} en regel {tweede}"]


def _twee_fouten_in_perceel(root: Path) -> list[str]:
    _yaml(B1, B1 + "    prijsmethode: relatif\n    wegingg: {kwaliteit: 60}\n")(root)
    return [
        f"percelen.B1.prijsmethode (regel {_regel(root, 'relatif')})",
        f"percelen.B1.wegingg (regel {_regel(root, 'wegingg')})",
    ]


def _drie_yaml_fouten(root: Path) -> list[str]:
    _yaml("standstill_dagen: 20\n", "standstill_dagen: 20\nstandstill_dagen: 21\nlooptijdd: 2\n")(root)
    eerste, tweede = _regel(root, "standstill_dagen"), _regel(root, "standstill_dagen", 1)
    return [
        f"standstill_dagen (regel {tweede})",
        f"regel {eerste} en regel {tweede}",
        f"looptijdd (regel {_regel(root, 'looptijdd')})",
    ]


def _samen(*wijzigingen: Wijziging) -> Wijziging:
    def wijzig(root: Path) -> list[str]:
        return [t for w in wijzigingen for t in w(root)]

    return wijzig


def _link_naar_buiten(sub: str) -> Wijziging:
    def wijzig(root: Path) -> list[str]:
        buiten = root.parent / f"buiten-{sub}.xlsx"
        bron = next((root / sub).glob("*.xlsx"))
        shutil.copy(bron, buiten)
        os.symlink(buiten, root / sub / "extra.xlsx")
        return []

    return wijzig


def _kapotte_link(root: Path) -> list[str]:
    os.symlink(root / "bestaat-niet.xlsx", root / "inschrijvingen" / "weg.xlsx")
    return []


def _latin1(root: Path) -> list[str]:
    pad = root / "aanbesteding.yaml"
    pad.write_bytes(pad.read_bytes().replace(b"Hilversum", "Hilversüm".encode("latin-1")))
    return []


def _fifo(root: Path) -> list[str]:
    os.mkfifo(root / "inschrijvingen" / "pijp.xlsx")
    return []


def _formulieren_in_nfd(root: Path) -> list[str]:
    """The reviewers typed (or their system stored) the bidder's name decomposed: still the same bidder."""
    vervangen = 0
    for form in (root / "beoordelingen").glob("*.xlsx"):
        wb = load_workbook(form)
        for ws in wb.worksheets:
            for rij in ws.iter_rows():
                for c in rij:
                    if c.value == CAFE_NFC:
                        c.value = CAFE_NFD
                        vervangen += 1
        wb.save(form)
    assert vervangen > 0
    return []


def _zonder_aanbesteding(root: Path) -> list[str]:
    (root / "aanbesteding.yaml").unlink()
    return []


def _tekstbestand(naam: str, inhoud: bytes) -> Wijziging:
    def wijzig(root: Path) -> list[str]:
        (root / "inschrijvingen" / naam).write_bytes(inhoud)
        return []

    return wijzig


KOMPAS = "inschrijvingen/kompas.xlsx"
TAALHUIS = "inschrijvingen/taalhuis.xlsx"
ANOUK = "beoordelingen/anouk-verbeek.xlsx"
B1 = "  B1:\n    gemeenten: alle\n"
TOETS = ["toets"]


def _naam(bestand: str, naam: str) -> Wijziging:
    def wijzig(root: Path) -> list[str]:
        hernoem_inschrijver(root, bestand, naam)
        return []

    return wijzig


GUNNING_Z = ["gunning", "--lots", "Z"]
CAFE_NFC = unicodedata.normalize("NFC", "Café Taalpunt")
CAFE_NFD = unicodedata.normalize("NFD", "Café Taalpunt")


def _zip_herschrijf(bestand: str, herschrijf: Callable[[str, bytes], tuple[str, bytes]]) -> Wijziging:
    """Rewrite every part of a bid's zip through `herschrijf(name, data) -> (name, data)`."""

    def wijzig(root: Path) -> list[str]:
        pad = root / bestand
        bron = zipfile.ZipFile(pad)
        delen = [herschrijf(i.filename, bron.read(i)) for i in bron.infolist()]
        bron.close()
        with zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as doel:
            for naam, data in delen:
                doel.writestr(naam, data)
        return []

    return wijzig


PERCELEN_DEEL = "xl/worksheets/sheet3.xml"  # the Percelen sheet of a bid as openpyxl writes it


def _blad_verplaatst(nieuw_deel: str, cel: str) -> Callable[[str, bytes], tuple[str, bytes]]:
    """Store the Percelen sheet as `nieuw_deel` (the relationships say where) with a value in `cel`."""
    rij = cel.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")

    def herschrijf(naam: str, data: bytes) -> tuple[str, bytes]:
        if naam == PERCELEN_DEEL:
            extra = f'<row r="{rij}"><c r="{cel}" t="inlineStr"><is><t>x</t></is></c></row>'.encode()
            return nieuw_deel, data.replace(b"</sheetData>", extra + b"</sheetData>")
        if naam in ("xl/_rels/workbook.xml.rels", "[Content_Types].xml"):
            return naam, data.replace(b"/" + PERCELEN_DEEL.encode(), b"/" + nieuw_deel.encode())
        return naam, data

    return herschrijf


def _gedeelde_bom(naam: str, data: bytes) -> tuple[str, bytes]:
    """A shared-string table with one 20 KB string, referred to by every cell of 2.000 x 200 (8 GB as text)."""
    if naam == "xl/_rels/workbook.xml.rels":
        rel = (
            b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
            b'Target="sharedStrings.xml" Id="rId99"/></Relationships>'
        )
        return naam, data.replace(b"</Relationships>", rel)
    if naam == "xl/styles.xml":  # carry the table along with a part every bid has
        return naam, data
    if naam == PERCELEN_DEEL:
        cellen = '<c t="s"><v>0</v></c>' * 200
        rijen = "".join(f'<row r="{r}">{cellen}</row>' for r in range(100, 2_100)).encode()
        return naam, data.replace(b"</sheetData>", rijen + b"</sheetData>")
    return naam, data


def _met_gedeelde_tabel(bestand: str) -> Wijziging:
    def wijzig(root: Path) -> list[str]:
        _zip_herschrijf(bestand, _gedeelde_bom)(root)
        with zipfile.ZipFile(root / bestand, "a", zipfile.ZIP_DEFLATED) as z:
            z.writestr(
                "xl/sharedStrings.xml",
                '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
                "<si><t>" + "x" * 20_000 + "</t></si></sst>",
            )
        return []

    return wijzig


GEVALLEN = [
    # numbers in a bid: never a fraction of what was meant
    Geval(
        "prijs gemengde scheidingstekens",
        _cel(KOMPAS, "Percelen", "B2", "9,500.50"),
        ["kompas.xlsx!Percelen!B2", "gemengde"],
    ),
    Geval("prijs decimale punt", _cel(KOMPAS, "Percelen", "B2", "9500.50"), ["kompas.xlsx!Percelen!B2", "komma"]),
    Geval(
        "prijs 9,500 dubbelzinnig", _cel(KOMPAS, "Percelen", "B2", "9,500"), ["kompas.xlsx!Percelen!B2", "dubbelzinnig"]
    ),
    Geval("prijs NaN", _cel(KOMPAS, "Percelen", "B2", "NaN"), ["kompas.xlsx!Percelen!B2", "'NaN'"]),
    Geval("prijs inf", _cel(KOMPAS, "Percelen", "B2", "inf"), ["kompas.xlsx!Percelen!B2", "'inf'"]),
    Geval("prijs -Infinity", _cel(KOMPAS, "Percelen", "B2", "-Infinity"), ["kompas.xlsx!Percelen!B2"]),
    Geval(
        "prijs 9,5 onder de bodem", _cel(KOMPAS, "Percelen", "B2", 9.5), ["kompas.xlsx!Percelen!B2", "bedoelt u 9500"]
    ),
    Geval("prijs tekst 9,50", _cel(KOMPAS, "Percelen", "B2", "9,50"), ["kompas.xlsx!Percelen!B2", "niet aannemelijk"]),
    Geval("prijs met spaties", _cel(KOMPAS, "Percelen", "B2", "9 500"), ["kompas.xlsx!Percelen!B2", "spaties"]),
    Geval("capaciteit 1.5", _cel(KOMPAS, "Percelen", "C2", "1.5"), ["kompas.xlsx!Percelen!C2"]),
    Geval("capaciteit 12,5", _cel(KOMPAS, "Percelen", "C2", 12.5), ["kompas.xlsx!Percelen!C2", "geheel getal"]),
    Geval("instroom tekst", _cel(KOMPAS, "Percelen", "D2", "twaalf"), ["kompas.xlsx!Percelen!D2"]),
    Geval("wachttijd NaN", _cel(KOMPAS, "Percelen", "E2", "nan"), ["kompas.xlsx!Percelen!E2"]),
    # numbers in the YAML
    Geval(
        "plafondprijs 10.000",
        _yaml(B1, B1 + "    plafondprijs: 10.000\n", "plafondprijs: 10.000"),
        ["aanbesteding.yaml: percelen.B1.plafondprijs", "bedoelt u 10000"],
        TOETS,
    ),
    Geval(
        "plafondprijs 10.0",
        _yaml(B1, B1 + "    plafondprijs: 10.0\n", "plafondprijs: 10.0"),
        ["percelen.B1.plafondprijs", "bedoelt u 10000", "zonder punt"],
        TOETS,
    ),
    Geval(
        "plafondprijs .nan",
        _yaml(B1, B1 + "    plafondprijs: .nan\n", "plafondprijs: .nan"),
        ["percelen.B1.plafondprijs"],
        TOETS,
    ),
    Geval(
        "inburgeraars 4.000",
        _yaml(
            "inburgeraars: {B1: 4, onderwijs: 1, Z: 1}", "inburgeraars: {B1: 4.000, onderwijs: 1, Z: 1}", "B1: 4.000"
        ),
        ["gemeenten[1].inburgeraars.B1", "dubbelzinnig"],
        TOETS,
    ),
    Geval(
        "budget 12,5 euro",
        _yaml(
            "verdeling: {max_aandeel: 0.6}",
            "verdeling: {max_aandeel: 0.6, budget_per_gemeente: {Hilversum: 12.5}}",
            "budget_per_gemeente",
        ),
        ["percelen.onderwijs.verdeling.budget_per_gemeente.Hilversum", "niet aannemelijk"],
        TOETS,
    ),
    # strict YAML
    Geval("dubbele sleutel B1", _dubbel_perceel, ["twee keer"], TOETS),
    Geval(
        "dubbele sleutel bovenaan",
        _yaml("procedure: gunning\n", "procedure: gunning\nprocedure: toelating\n", "procedure: toelating"),
        ["aanbesteding.yaml: procedure", "twee keer"],
        TOETS,
    ),
    Geval(
        "verschreven sleutel bovenaan",
        _yaml("standstill_dagen: 20", "standstil_dagen: 20", "standstil_dagen"),
        ["aanbesteding.yaml: standstil_dagen", "bedoelt u 'standstill_dagen'"],
        TOETS,
    ),
    Geval(
        "verschreven sleutel in perceel",
        _yaml(B1, B1 + "    plafonprijs: 9000\n", "plafonprijs"),
        ["percelen.B1.plafonprijs", "bedoelt u 'plafondprijs'"],
        TOETS,
    ),
    Geval(
        "verschreven knock-outregel die uit staat",
        _yaml(B1, B1 + "    knockout: {keurmerkk: false}\n", "keurmerkk"),
        ["percelen.B1.knockout.keurmerkk", "bedoelt u 'keurmerk'"],
        TOETS,
    ),
    Geval(
        "verschreven parameter van knock-outregel",
        _yaml("knockout: {capaciteit: {minimum: 2}}", "knockout: {capaciteit: {minimun: 2}}", "minimun"),
        ["percelen.Z.knockout.capaciteit.minimun", "bedoelt u 'minimum'"],
        TOETS,
    ),
    Geval("twee fouten in een perceel", _twee_fouten_in_perceel, ["bedoelt u 'weging'"], TOETS),
    Geval(
        "verschreven verdeelregel",
        _yaml("verdeling: {max_aandeel: 0.6}", "verdeling: {max_aandel: 0.6}", "max_aandel"),
        ["percelen.onderwijs.verdeling.max_aandel", "bedoelt u 'max_aandeel'"],
        TOETS,
    ),
    Geval(
        "onbekende perceelcode",
        _yaml("  Z:\n", "  z-route:\n", "z-route"),
        ["percelen.z-route", "onbekende naam"],
        TOETS,
    ),
    Geval(
        "onmogelijke datum",
        _yaml("sluiting: 2021-05-20", "sluiting: 2021-02-30", "2021-02-30"),
        ["aanbesteding.yaml: data.sluiting", "ongeldige datum"],
        TOETS,
    ),
    Geval(
        "onmogelijke maand",
        _yaml("gunning: 2021-07-01", "gunning: 2021-13-01", "2021-13-01"),
        ["aanbesteding.yaml: data.gunning", "maand"],
        TOETS,
    ),
    Geval(
        "aliasbom",
        _yaml(
            "naam: Inburgering",
            "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
            "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
            "g: [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nnaam: Inburgering",
        ),
        ["aanbesteding.yaml", "(regel 1)", "aliassen"],
        TOETS,
    ),
    Geval(
        "stuurteken in tekst",
        _yaml("penvoerder: Gemeente Hilversum", 'penvoerder: "Gemeente\\x07Hilversum"', "penvoerder"),
        ["aanbesteding.yaml: penvoerder", "stuurteken"],
        TOETS,
    ),
    Geval(
        "YAML-syntaxfout",
        _yaml("procedure: gunning", "procedure: [gunning", None),
        ["aanbesteding.yaml (regel", "geen geldige YAML: een lijst tussen [ ] wordt niet goed gesloten"],
        TOETS,
    ),
    # PyYAML's English never reaches the user: each syntax error in Dutch, with line and column
    Geval(
        "YAML: dubbele punt in tekst",
        _yaml("procedure: gunning", "procedure: gunning: openbaar", None),
        ["aanbesteding.yaml (regel", "kolom", "een dubbele punt op een plek waar dat niet kan"],
        TOETS,
    ),
    Geval(
        "YAML: tab",
        _yaml("procedure: gunning", "procedure:\t\tgunning\n\t- x", None),
        ["aanbesteding.yaml (regel", "een tab? YAML springt in met spaties"],
        TOETS,
    ),
    Geval(
        "YAML: aanhalingsteken niet gesloten",
        _yaml("procedure: gunning", 'procedure: "gunning', None),
        ["aanbesteding.yaml (regel", "geen geldige YAML:"],
        TOETS,
    ),
    Geval(
        "YAML: onbekende verwijzing",
        _yaml("procedure: gunning", "procedure: *gunning", None),
        ["aanbesteding.yaml (regel", "een verwijzing (*naam) naar een anker (&naam) dat niet bestaat"],
        TOETS,
    ),
    Geval(
        "besluiten.yaml: syntaxfout in het Nederlands",
        _besluiten_kapot,
        ["besluiten.yaml (regel 2, kolom 1): geen geldige YAML: hier ontbreekt een waarde"],
        TOETS,
    ),
    Geval(
        "geen UTF-8",
        _latin1,
        ["aanbesteding.yaml", "UTF-8"],
        TOETS,
    ),
    Geval(
        "twee beoordelaars met dezelfde bestandsnaam",
        _yaml("  - Joost de Ridder\n", "  - Joost de Ridder\n  - Joost-de Ridder\n", "Joost-de Ridder"),
        ["aanbesteding.yaml: beoordelaars[4]", "dezelfde bestandsnaam"],
        TOETS,
    ),
    # hostile but valid names go through literally (exit 0, inputs untouched, reports written)
    Geval(
        "naam als formule", _naam("kompas.xlsx", '=HYPERLINK("http://x.example","klik")'), ["Rapporten:"], GUNNING_Z, 0
    ),
    Geval("naam met mathtext", _naam("kompas.xlsx", "$\\alpha$ Kompas $x^2$"), ["Rapporten:"], GUNNING_Z, 0),
    Geval("naam van 300 tekens", _naam("kompas.xlsx", "Kompas " + "k" * 293), ["Rapporten:"], GUNNING_Z, 0),
    # scenarios that change knock-out rules
    Geval(
        "scenario laat onbeoordeelde inschrijving toe",
        lambda root: [],
        ["Nieuwe Start Opleidingen in perceel B1", "telt er geen score van het panel voor haar mee"],
        ["scenario", "--lots", "B1", "--zet", "percelen.B1.knockout.keurmerk=false"],
        1,
    ),
    Geval(
        "scenario sluit beoordeelde inschrijving uit",
        lambda root: [],
        ["Kompas Inburgering in perceel onderwijs tellen niet mee"],
        ["scenario", "--lots", "onderwijs", "--zet", "percelen.onderwijs.knockout.wachttijd.maximum_weken=7"],
        0,
    ),
    # --zet values follow the same number rule as the YAML
    Geval(
        "scenario plafondprijs 10.000",
        lambda root: [],
        ["percelen.Z.plafondprijs", "bedoelt u 10000"],
        ["scenario", "--lots", "Z", "--zet", "percelen.Z.plafondprijs=10.000"],
    ),
    Geval(
        "scenario max_aandeel .nan",
        lambda root: [],
        ["percelen.Z.verdeling.max_aandeel", "geen getal"],
        ["scenario", "--lots", "Z", "--zet", "percelen.Z.verdeling.max_aandeel=.nan"],
    ),
    # bounded reading
    Geval("cel XFD1048576", _cel(KOMPAS, "Percelen", "XFD1048576", "x"), ["kompas.xlsx!Percelen!XFD1048576"]),
    Geval("cel A30000", _cel(KOMPAS, "Inschrijver", "A30000", 1), ["kompas.xlsx!Inschrijver!A30000"]),
    Geval("cel HZ1 (kolom 234)", _cel(TAALHUIS, "Percelen", "HZ1", 1), ["taalhuis.xlsx!Percelen!HZ1"]),
    Geval(
        "blad op een andere plaats",
        _zip_herschrijf(KOMPAS, _blad_verplaatst("data/blad.xml", "XFD1048576")),
        ["kompas.xlsx!Percelen!XFD1048576", "ver buiten het formulier"],
    ),
    Geval(
        "bladnaam in hoofdletters",
        _zip_herschrijf(KOMPAS, _blad_verplaatst("xl/worksheets/sheet3.XML", "XFD1048576")),
        ["kompas.xlsx!Percelen!XFD1048576"],
    ),
    Geval(
        "een gedeelde tekst in iedere cel",
        _met_gedeelde_tabel(KOMPAS),
        ["kompas.xlsx!Percelen", "MB tekst", "geen ingevuld formulier"],
    ),
    Geval("geen werkmap maar tekst", _tekstbestand("nep.xlsx", b"dit is geen werkmap"), ["nep.xlsx", "geen Excel"]),
    Geval("kapot zip-archief", _tekstbestand("kapot.xlsx", b"PK\x03\x04" + b"\x00" * 200), ["kapot.xlsx"]),
    # werkmap edges
    Geval(
        "link naar bod buiten de werkmap",
        _link_naar_buiten("inschrijvingen"),
        ["inschrijvingen/extra.xlsx", "buiten de werkmap"],
    ),
    Geval("kapotte link", _kapotte_link, ["inschrijvingen/weg.xlsx", "niet bestaat"]),
    Geval(
        "geen gewoon bestand (fifo)",
        _fifo,
        ["inschrijvingen/pijp.xlsx", "geen gewoon bestand"],
    ),
    Geval(
        "link naar beoordeling buiten de werkmap",
        _link_naar_buiten("beoordelingen"),
        ["beoordelingen/extra.xlsx", "buiten de werkmap"],
        TOETS,
    ),
    # bid text
    Geval(
        "tab in naam",
        _cel(KOMPAS, "Inschrijver", "B2", "Kompas\tInburgering"),
        ["kompas.xlsx!Inschrijver!B2", "stuurteken"],
    ),
    Geval(
        "naam van 301 tekens", _cel(KOMPAS, "Inschrijver", "B2", "K" * 301), ["kompas.xlsx!Inschrijver!B2", "te lang"]
    ),
    Geval(
        "KvK met letters", _cel(KOMPAS, "Inschrijver", "B3", "9000000X"), ["kompas.xlsx!Inschrijver!B3", "8 cijfers"]
    ),
    # look-alike names: equal after Unicode form, case and spaces are folded
    Geval(
        "zelfde naam in NFC en NFD",
        _samen(_naam("kompas.xlsx", CAFE_NFC), _naam("taalhuis.xlsx", CAFE_NFD)),
        ["taalhuis.xlsx!Inschrijver", "kompas.xlsx", "Unicode"],
    ),
    Geval(
        "zelfde naam met andere hoofdletters en spaties",
        _naam("taalhuis.xlsx", "KOMPAS\u00a0 inburgering "),
        [
            "taalhuis.xlsx!Inschrijver!B2",
            "naam 'KOMPAS inburgering' komt ook voor in kompas.xlsx!Inschrijver!B2 ('Kompas Inburgering')",
        ],
    ),
    Geval(
        "naam in NFD op de beoordelingsformulieren",
        _samen(_naam("kompas.xlsx", CAFE_NFC), _formulieren_in_nfd),
        ["Café Taalpunt"],
        ["beoordelingen"],
        0,
    ),
    # --json from the first line of argument parsing: one document also on early errors
    Geval(
        "onbekend perceel met --json",
        lambda root: [],
        ['"fouten"', '"--lots"', "X9"],
        ["gunning", "--lots", "X9", "--json"],
    ),
    Geval(
        "onbekende oplosser met --json",
        lambda root: [],
        ['"fouten"', '"--solver"'],
        ["gunning", "--solver", "foo", "--json"],
    ),
    Geval(
        "te weinig trekkingen met --json",
        lambda root: [],
        ['"fouten"', '"--trekkingen"'],
        ["zekerheid", "--trekkingen", "5", "--json"],
    ),
    Geval(
        "werkmap zonder aanbesteding.yaml met --json",
        _zonder_aanbesteding,
        ['"fouten"', "geen aanbesteding.yaml"],
        ["toets", "--json"],
    ),
    # bid entry: the real problem named, with an example of what is accepted; Dutch notations accepted
    Geval(
        "prijs 9.950,-", _cel(KOMPAS, "Percelen", "B2", "9.950,-"), ['"prijs": 9950.0'], ["inschrijvingen", "--json"], 0
    ),
    Geval(
        "prijs met euroteken en spatie",
        _cel(KOMPAS, "Percelen", "B2", "€ 1.250,00"),
        ['"prijs": 1250.0'],
        ["inschrijvingen", "--json"],
        0,
    ),
    Geval(
        "capaciteit met spatie erachter",
        _cel(KOMPAS, "Percelen", "C2", "200 "),
        ['"capaciteit": 200'],
        ["inschrijvingen", "--json"],
        0,
    ),
    Geval(
        "KvK in groepen",
        _cel(KOMPAS, "Inschrijver", "B3", "7012 3456"),
        ["kompas.xlsx!Inschrijver!B3", "'7012 3456' heeft de 8 cijfers, maar ook scheidingstekens; schrijf 70123456"],
    ),
    Geval(
        "KvK van 7 cijfers",
        _cel(KOMPAS, "Inschrijver", "B3", "7012345"),
        ["kompas.xlsx!Inschrijver!B3", "heeft 7 cijfers", "bijvoorbeeld 70123456"],
    ),
    Geval(
        "prijs negatief",  # a price of 0 or none is a knock-out in that lot (tests/test_prijs_ontbreekt.py)
        _cel(KOMPAS, "Percelen", "B2", -1),
        ["kompas.xlsx!Percelen!B2: prijs per traject moet groter dan 0 zijn, kreeg '-1'", "bijvoorbeeld 9500"],
    ),
    Geval(
        "prijs als woord",
        _cel(KOMPAS, "Percelen", "B2", "negenduizend"),
        ["kompas.xlsx!Percelen!B2: prijs per traject: 'negenduizend' is geen bedrag", "9.950,-"],
    ),
    # dates in a scenario: read as the YAML reads them
    Geval(
        "scenario met een datum",
        lambda root: [],
        ["Scenario: data.gunning=2021-07-02"],
        ["scenario", "--lots", "Z", "--zet", "data.gunning=2021-07-02"],
        0,
    ),
    Geval(
        "scenario met een onmogelijke datum",
        lambda root: [],
        ["data.gunning", "ongeldige datum '2021-02-30'"],
        ["scenario", "--lots", "Z", "--zet", "data.gunning=2021-02-30"],
    ),
    # every error of every file at once
    Geval(
        "fout bod en beoordelaar zonder verklaring",
        _samen(_cel(KOMPAS, "Percelen", "B2", "NaN"), _cel(ANOUK, "Beoordeling", "B3", WEL_BELANGENVERSTRENGELING)),
        # a declared conflict of interest, as in a run without the bid's error (beoordeling.koppen)
        ["kompas.xlsx!Percelen!B2", "anouk-verbeek.xlsx!Beoordeling!B3", "verklaart belangenverstrengeling"],
        TOETS,
    ),
    Geval(
        "fouten in twee biedingen",
        _samen(_cel(KOMPAS, "Percelen", "B2", "9,500.50"), _cel(TAALHUIS, "Percelen", "C2", "veel")),
        ["kompas.xlsx!Percelen!B2", "taalhuis.xlsx!Percelen!C2"],
    ),
    Geval("twee soorten YAML-fouten tegelijk", _drie_yaml_fouten, ["twee keer", "bedoelt u 'looptijd'"], TOETS),
    Geval(
        "fout bod met --json",
        _cel(KOMPAS, "Percelen", "B2", "NaN"),
        ["kompas.xlsx!Percelen!B2", '"fouten"'],
        ["inschrijvingen", "--json"],
    ),
]


def _hashes(root: Path) -> dict[str, str]:
    """Every input file (the YAML, bids, reviewer forms, criteria): rapporten/ and the logboek are output."""
    uit = {}
    invoer = [root / "aanbesteding.yaml", root / "inschrijfformulier.xlsx"]
    for sub in ("inschrijvingen", "beoordelingen", "criteria"):
        invoer += sorted((root / sub).rglob("*")) if (root / sub).is_dir() else []
    for p in invoer:
        if p.is_file() and not p.is_symlink():
            uit[p.relative_to(root).as_posix()] = hashlib.sha256(p.read_bytes()).hexdigest()
    return uit


@pytest.fixture(scope="module")
def sjabloon(voorbeeld_bron: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    doel = tmp_path_factory.mktemp("corpus") / "voorbeeld"
    shutil.copytree(voorbeeld_bron, doel, ignore=shutil.ignore_patterns("rapporten", "logboek.jsonl"))
    return doel


def test_corpus_is_groot_genoeg() -> None:
    assert len([g for g in GEVALLEN if g.code == 2]) >= 40
    assert len({g.naam for g in GEVALLEN}) == len(GEVALLEN)


@pytest.mark.parametrize("geval", GEVALLEN, ids=[g.naam for g in GEVALLEN])
def test_slechte_invoer(geval: Geval, sjabloon: Path, tmp_path: Path) -> None:
    root = tmp_path / "werkmap"
    shutil.copytree(sjabloon, root)
    extra = geval.wijzig(root) or []
    voor = _hashes(root)
    res = CliRunner().invoke(main, [*geval.commando, "--werkmap", str(root)])
    uitvoer = res.output
    assert res.exit_code == geval.code, uitvoer
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    assert "Traceback" not in uitvoer
    plat = " ".join(uitvoer.split())  # long messages are wrapped at 200 characters on the terminal
    for tekst in geval.verwacht + extra:
        assert " ".join(tekst.split()) in plat, f"{tekst!r} ontbreekt in:\n{uitvoer}"
    for engels in ("<unicode string>", "while parsing", "not allowed here", "expected", "found "):
        assert engels not in uitvoer, f"Engelse tekst van een bibliotheek: {engels!r} in:\n{uitvoer}"
    assert _hashes(root) == voor, "invoerbestanden gewijzigd"


def test_bestand_boven_de_grens_wordt_niet_gelezen(sjabloon: Path, tmp_path: Path, monkeypatch) -> None:
    """The file-size cap, tested with a lowered cap (a real 20 MB file would make the test slow)."""
    root = tmp_path / "werkmap"
    shutil.copytree(sjabloon, root)
    monkeypatch.setattr(werkboek, "MAX_BESTAND_BYTES", 1000)
    res = CliRunner().invoke(main, ["inschrijvingen", "--werkmap", str(root)])
    assert res.exit_code == 2 and "kompas.xlsx: bestand is te groot" in res.output


def test_aliasbom_wordt_gemeten_niet_uitgevouwen(monkeypatch: pytest.MonkeyPatch) -> None:
    """9^9 values once expanded; the reader visits each distinct node once (a work count, not a clock)."""
    bom = "a: &a [" + ", ".join(["x"] * 9) + "]\n"
    for i, letter in enumerate("bcdefghi"):
        vorige = "abcdefghi"[i]
        bom += f"{letter}: &{letter} [" + ", ".join([f"*{vorige}"] * 9) + "]\n"
    bezoeken = [0]
    echt = yamlregels._uitgevouwen_omvang

    def tel(*args: Any) -> int:
        bezoeken[0] += 1
        return echt(*args)

    monkeypatch.setattr(yamlregels, "_uitgevouwen_omvang", tel)
    data, _, problemen = lees_streng(bom)
    assert data is None and "aliassen" in problemen[0].bericht
    assert 0 < bezoeken[0] < 200  # about one visit per node and alias in the text (9 x 10 + 18)


def test_gewone_alias_en_samenvoegsleutel_werken() -> None:
    data, _, problemen = lees_streng("basis: &b {x: 1, y: 2}\nander:\n  <<: *b\n  y: 3\n")
    assert problemen == [] and data["ander"] == {"x": 1, "y": 3}


# Faults of the machine rather than of the input: the same four promises (exit code, no traceback,
# the path named, inputs byte-identical). Unwritable is made with chattr +i (the tests run as root).
def _onveranderbaar(pad: Path) -> bool:
    import subprocess

    return subprocess.run(["chattr", "+i", str(pad)], capture_output=True).returncode == 0


def _veranderbaar(pad: Path) -> None:
    import subprocess

    subprocess.run(["chattr", "-i", str(pad)], capture_output=True)


@pytest.mark.parametrize(
    "geval", ["rapporten onschrijfbaar", "schijf vol", "resten van een gedode run", "werkmap bezet"]
)
def test_fouten_van_de_machine(geval: str, sjabloon: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import fcntl

    from evaluatie import schrijfwacht, slot

    root = tmp_path / "werkmap"
    shutil.copytree(sjabloon, root)
    assert CliRunner().invoke(main, ["gunning", "--lots", "Z", "--werkmap", str(root)]).exit_code == 0
    voor = _hashes(root)
    code, verwacht = 2, ""
    vrij: list[Path] = []
    houder = None
    if geval == "rapporten onschrijfbaar":
        if not _onveranderbaar(root / "rapporten"):
            pytest.skip("chattr +i werkt hier niet")
        vrij.append(root / "rapporten")
        verwacht = f"{root / 'rapporten'}: kan niet worden geschreven"
    elif geval == "schijf vol":

        def vol(pad: Path, data: bytes) -> None:
            raise OSError(errno.ENOSPC, "No space left on device", str(pad))

        monkeypatch.setattr(schrijfwacht, "_schrijf_bestand", vol)
        verwacht = "kan niet worden geschreven: de schijf is vol"
    elif geval == "resten van een gedode run":
        (root / ".rapporten-nieuw-999999" / "brieven").mkdir(parents=True)
        (root / ".logboek.jsonl-tmp-999999").write_text("half")
        code = 0
    else:
        monkeypatch.setattr(slot, "WACHTTIJD", 0.2)
        houder = open(root / slot.BESTAND, "a")  # noqa: SIM115 - held for the length of the test
        fcntl.flock(houder, fcntl.LOCK_EX)
        code, verwacht = 1, "een ander evaluatie-commando schrijft in deze werkmap"
    try:
        res = CliRunner().invoke(main, ["gunning", "--lots", "Z", "--werkmap", str(root)])
    finally:
        for p in vrij:
            _veranderbaar(p)
        if houder is not None:
            houder.close()
    assert res.exit_code == code, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    assert "Traceback" not in res.output
    assert verwacht in " ".join(res.output.split())
    assert _hashes(root) == voor, "invoerbestanden gewijzigd"
    assert not [p for p in root.rglob(".*") if schrijfwacht.TIJDELIJK.match(p.name)]
