"""Two suppliers whose long names begin alike ('Stichting Taalonderwijs Gooi en Vechtstreek Noord' and '... Zuid', 43
characters in common) stay two suppliers in every view: the terminal's stand and the charts of the quarterly report
cut a name at a fixed width without a mark, and the legend of the advies's allocation chart kept its first 29
characters, so both suppliers read the same."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel
from tests.test_contract_toelating import DOOR, _run

NOORD = "Stichting Taalonderwijs Gooi en Vechtstreek Noord"
ZUID = "Stichting Taalonderwijs Gooi en Vechtstreek Zuid"


def _gegund(tmp_path: Path) -> Path:
    """B1 awarded to both: the same quality, Noord cheaper with a capacity of 12 of the 20 a year, Zuid the rest."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", NOORD, "11111111", [("B1", 9000, 12, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", ZUID, "22222222", [("B1", 9500, 20, 12, 4, "alle")])
    vul_panel(ws, {NOORD: 75, ZUID: 75})
    assert _run("gunning", "--werkmap", ws).exit_code == 0
    return ws


def _contract(tmp_path: Path) -> Path:
    """_gegund, the contract started on 1 June 2026 and one delivery of Noord (gemeente) with two placements at each
    supplier."""
    ws = _gegund(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    rijen = ["klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag"]
    rijen += [f"K{i};Noord;aangemeld;2026-06-1{i};B1;{NOORD if i < 2 else ZUID};" for i in range(4)]
    (tmp_path / "noord.csv").write_text("\n".join(rijen) + "\n", encoding="utf-8")
    assert _run("contract", "inlezen", "--werkmap", ws, tmp_path / "noord.csv").exit_code == 0
    return ws


def test_stand_noemt_beide_aanbieders_voluit(tmp_path: Path) -> None:
    ws = _contract(tmp_path)
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-06-30")
    assert r.exit_code == 0, r.output
    regels = r.output.splitlines()
    kop = next(x for x in regels if x.startswith("gemeente "))
    noord = [re.split(r"\s{2,}", x) for x in regels if x.startswith("Noord ")]
    # gemeente Noord (10 a year) all to the supplier Noord (the same quality at a lower price; its capacity of 12
    # also takes 2 of Oost), none to Zuid; 30 of 365 days of the year gone: 10 x 30/365 = 0,8 pro rata; 2 placed each
    assert noord == [["Noord", "B1", NOORD, "10", "0,8", "2"], ["Noord", "B1", ZUID, "0", "0,0", "2"]]
    rijen = [x for x in regels if x.startswith(("Noord ", "Oost ", "Zuid "))]
    assert len(rijen) == 5 and {len(x) for x in rijen} == {len(kop)}  # the figures end under their headings


def test_kwartaalgrafiek_noemt_beide_aanbieders_en_hun_perceel(tmp_path: Path) -> None:
    ws = _contract(tmp_path)
    assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K2").exit_code == 0
    html = (ws / "contract" / "kwartaal" / "2026-K2" / "regio.html").read_text(encoding="utf-8")
    grafiek = html.split("Toegewezen naar rato en geplaatst, de regio</text>")[1].split("</svg>")[0]
    # a bar's label: its lines as the reader sees them (a second line is a tspan)
    labels = [
        [unescape(d) for d in re.split(r"<tspan[^>]*>", t.replace("</tspan>", ""))]
        for t in re.findall(r'<text x="\d+" y="\d+" text-anchor="end">(.*?)</text>', grafiek)
    ]
    assert labels == [
        ["Stichting Taalonderwijs Gooi en", "Vechtstreek Noord (B1)"],
        ["Stichting Taalonderwijs Gooi en", "Vechtstreek Zuid (B1)"],
    ]


def test_legenda_van_de_verdeling_in_het_advies_onderscheidt_beide_aanbieders(tmp_path: Path) -> None:
    ws = _gegund(tmp_path)
    html = (ws / "rapporten" / "gunningsadvies.html").read_text(encoding="utf-8")
    grafiek = html.split("B1-route: verdeling per gemeente</text>")[1].split("</svg>")[0]
    legenda = re.findall(r'<rect [^>]*width="10" height="7" fill="(#\w+)"/><text [^>]*>([^<]*)</text>', grafiek)
    # at most 30 characters: the first 14 and the last 15 around the mark, so the ends that differ stay
    assert legenda == [("#1f4e79", "Stichting Taal…chtstreek Noord"), ("#c55a11", "Stichting Taal…echtstreek Zuid")]
