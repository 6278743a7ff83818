"""Panel scoring: blind forms, every bad-score case at once, aggregation by hand, Krippendorff's alpha."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.beoordeling.aggregatie import krippendorff_alpha
from evaluatie.beoordeling.lezen import ONTBREKEND_HOE
from evaluatie.cli import main
from evaluatie.fouten import InvoerFout
from evaluatie.pipeline import beoordeel, laad_invoer, schrijf_beoordelingsformulieren
from evaluatie.werkmap import Werkmap
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_beoordeling


def _werkmap(tmp_path: Path, beoordelaars: list[str], **beoordeling) -> Path:
    data = kleine_aanbesteding(beoordelaars=beoordelaars)
    if beoordeling:
        data["beoordeling"] = beoordeling
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 9000, 10, 12, 4, "alle")])
    schrijf_bod(ws, "y.xlsx", "Y", "22222222", [("B1", 9500, 10, 12, 4, "alle")])
    schrijf_bod(ws, "z.xlsx", "Z", "33333333", [("B1", 12000, 10, 12, 4, "alle")])  # above ceiling: not scored
    schrijf_beoordelingsformulieren(Werkmap(ws))
    return ws


def _fouten(ws: Path) -> list[str]:
    with pytest.raises(InvoerFout) as e:
        beoordeel(laad_invoer(Werkmap(ws)))
    return [str(f) for f in e.value.fouten]


def test_blind_formulier_bevat_geen_prijs(voorbeeld: Path) -> None:
    res = CliRunner().invoke(main, ["template", "beoordeling", "--werkmap", str(voorbeeld), "--overschrijven"])
    assert res.exit_code == 0, res.output
    invoer = laad_invoer(Werkmap(voorbeeld))
    verboden: set[str] = set()
    for ins in invoer.inschrijvingen:
        verboden |= {ins.kvk, ins.email}
        for a in ins.aanbod.values():
            p = a.prijs
            verboden |= {f"{p:g}", f"{p:.2f}", f"{p:,.0f}".replace(",", "."), f"{p:,.2f}"}
    bestanden = sorted((voorbeeld / "beoordelingen").glob("*.xlsx"))
    assert len(bestanden) == 4  # three reviewers + the consensus workbook kept from the example
    for pad in bestanden:
        if pad.name == "consensus.xlsx":
            continue
        wb = load_workbook(pad)
        assert wb["Beoordeling"]["A5"].value == "Inschrijver"
        assert [c.value for c in wb["Beoordeling"][5]] == [
            "Inschrijver",
            "Perceel",
            "Criterium",
            "Score",
            "Toelichting",
        ]
        for ws in wb.worksheets:
            for rij in ws.iter_rows():
                for cel in rij:
                    if cel.value is None:
                        continue
                    # no number anywhere (so no price or capacity); texts hold no price in any notation
                    assert not isinstance(cel.value, int | float), f"{pad.name}!{ws.title}!{cel.coordinate}"
                    for woord in str(cel.value).replace(";", " ").split():
                        assert woord.strip(".,:()") not in verboden, f"{pad.name}!{ws.title}!{cel.coordinate}"
        rijen = {(r[0].value, r[1].value) for r in wb["Beoordeling"].iter_rows(min_row=6)}
        assert ("Nieuwe Start Opleidingen", "B1") not in rijen  # expired keurmerk: not scored
        assert ("Nieuwe Start Opleidingen", "onderwijs") in rijen
        assert ("Leerpunt Vechtstreek", "onderwijs") not in rijen  # above the ceiling


def test_alle_foute_beoordelingen_in_een_keer(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path, ["Ada", "Bram"])
    ada = ws / "beoordelingen" / "ada.xlsx"
    vul_beoordeling(
        ada,
        {
            ("X", "Plan van aanpak"): 60,
            ("X", "Samenwerking"): None,
            ("Y", "Plan van aanpak"): 50,
            ("Y", "Samenwerking"): 75,
        },
    )
    wb = load_workbook(ada)
    b = wb["Beoordeling"]
    b["E9"] = None  # Y Samenwerking: no motivation
    b.append(["Q", "B1", "Plan van aanpak", 50, "tekst"])  # unknown bidder (row 10)
    b.append(["X", "Z9", "Plan van aanpak", 50, "tekst"])  # unknown lot (row 11)
    b.append(["X", "B1", "Kleurgebruik", 50, "tekst"])  # unknown criterion (row 12)
    b.append(["Y", "B1", "Plan van aanpak", 75, "tekst"])  # duplicate of row 8 (row 13)
    b.append(["Z", "B1", "Plan van aanpak", 75, "tekst"])  # Z bid but dropped out: set aside, not an error (row 14)
    b.delete_rows(9)  # Y Samenwerking missing after all: rows shift up by one
    wb.save(ada)
    bram = ws / "beoordelingen" / "bram.xlsx"
    vul_beoordeling(
        bram,
        {
            ("X", "Plan van aanpak"): 50,
            ("X", "Samenwerking"): 50,
            ("Y", "Plan van aanpak"): 50,
            ("Y", "Samenwerking"): 50,
        },
        verklaring="Ik heb wel belangenverstrengeling met een inschrijver",
    )
    kopie = ws / "beoordelingen" / "bram-kopie.xlsx"
    kopie.write_bytes(bram.read_bytes())
    vul_beoordeling(kopie, {}, naam="Cees")
    fouten = _fouten(ws)
    verwacht = [
        "ada.xlsx!Beoordeling!D6: score '60' staat niet op de schaal (0, 25, 50, 75, 100)",
        "ada.xlsx!Beoordeling!D7: score ontbreekt",
        "ada.xlsx!Beoordeling!A9: onbekende inschrijver 'Q'",
        "ada.xlsx!Beoordeling!B10: onbekend perceel 'Z9'; kies uit B1",
        "ada.xlsx!Beoordeling!C11: onbekend criterium 'Kleurgebruik' voor perceel B1; kies uit Plan van aanpak, Samenwerking",
        "ada.xlsx!Beoordeling!A12: dubbele regel: Y, B1, Plan van aanpak staat ook op rij 8",
        "ada.xlsx!Beoordeling: regel ontbreekt: Y, perceel B1, Samenwerking; voeg onder de tabel de regel "
        f"'Y | B1 | Samenwerking' toe met score en toelichting{ONTBREKEND_HOE}",
        "bram-kopie.xlsx!Beoordeling!B1: beoordelaar 'Cees' staat niet in de aanbesteding; bekend: Ada, Bram",
        "bram.xlsx!Beoordeling!B3: Bram verklaart belangenverstrengeling met een inschrijver ('Ik heb wel "
        "belangenverstrengeling met een inschrijver'): wie belangen "
        "heeft, beoordeelt niet, dus mogen deze scores niet meetellen; vervang de beoordelaar (beoordelaars in "
        "aanbesteding.yaml) en haal dit formulier uit beoordelingen/",
        # a name no bid has and no slip of one: how a bid withdrawn after scoring is recorded, once
        "beoordelingen: 'Q' staat in 1 regel van de beoordelingen (hierboven), maar geen inschrijving in "
        "inschrijvingen/ heeft die naam. Is de inschrijving na de beoordeling teruggetrokken, leg dat dan vast (de "
        'regels worden daarna opzijgezet): evaluatie terugtrekking --inschrijver "Q" --ontvangen JJJJ-MM-DD --reden '
        '"..." --door "naam, functie". Is het bestand verplaatst of hernoemd, zet het dan terug in inschrijvingen/',
    ]
    for v in verwacht:
        assert v in fouten, v
    assert len(fouten) == len(verwacht), fouten


def test_zelfde_beoordelaar_twee_keer_en_ontbrekende_beoordelaar(tmp_path: Path) -> None:
    """bram.xlsx is a copy of Ada's form: 'geen beoordeling ontvangen van Bram (het formulier voor Bram is
    beoordelingen/bram.xlsx)' sent the reader to the file that is there; the message says at that file whom it names."""
    ws = _werkmap(tmp_path, ["Ada", "Bram"])
    alles = {(i, c): 50 for i in "XY" for c in ("Plan van aanpak", "Samenwerking")}
    vul_beoordeling(ws / "beoordelingen" / "ada.xlsx", alles)
    (ws / "beoordelingen" / "bram.xlsx").write_bytes((ws / "beoordelingen" / "ada.xlsx").read_bytes())
    fouten = _fouten(ws)
    assert fouten == [
        "bram.xlsx!Beoordeling!B1: beoordelaar Ada heeft ook ada.xlsx ingeleverd",
        "bram.xlsx: het formulier met de bestandsnaam van Bram noemt beoordelaar 'Ada' (bram.xlsx!Beoordeling!B1), "
        "dus telt er nog geen beoordeling van Bram",
    ]


def test_formulier_zonder_naam_heet_niet_ontvangen(tmp_path: Path) -> None:
    """Bram's own file is there but its Beoordelaar cell is empty: 'geen beoordeling ontvangen van Bram' was untrue.
    The form names nobody, so no score of Bram counts yet, and the message says that at his file."""
    ws = _werkmap(tmp_path, ["Ada", "Bram"])
    alles = {(i, c): 50 for i in "XY" for c in ("Plan van aanpak", "Samenwerking")}
    vul_beoordeling(ws / "beoordelingen" / "ada.xlsx", alles)
    bram = ws / "beoordelingen" / "bram.xlsx"
    vul_beoordeling(bram, alles)
    wb = load_workbook(bram)
    assert wb["Beoordeling"]["A1"].value == "Beoordelaar"
    wb["Beoordeling"]["B1"] = None
    wb.save(bram)
    fouten = _fouten(ws)
    assert "beoordelingen: geen beoordeling ontvangen van Bram" not in fouten
    assert (
        "bram.xlsx: het formulier met de bestandsnaam van Bram noemt geen beoordelaar (zie de fout in dit formulier), "
        "dus telt er nog geen beoordeling van Bram"
    ) in fouten


@pytest.mark.parametrize(("aggregatie", "kx", "ky"), [("gemiddelde", 61.666667, 55.0), ("mediaan", 65.0, 60.0)])
def test_aggregatie_met_de_hand_nagerekend(tmp_path: Path, aggregatie: str, kx: float, ky: float) -> None:
    """Hand computation (weights K1 'Plan van aanpak' 60, K2 'Samenwerking' 40; scale 0-100):

    X K1: 75, 50, 100 -> mean 75, median 75       X K2: 50, 50, 25 -> mean 41.667, median 50
    Y K1: 25, 50, 50 -> mean 41.667, median 50    Y K2: 0, 100, 50 -> consensus 75 overrides
    mean:   X = 0.6 x 75 + 0.4 x 41.667 = 61.667;  Y = 0.6 x 41.667 + 0.4 x 75 = 55
    median: X = 0.6 x 75 + 0.4 x 50 = 65;          Y = 0.6 x 50 + 0.4 x 75 = 60
    """
    ws = _werkmap(tmp_path, ["Ada", "Bram", "Cor"], aggregatie=aggregatie, signaal_spreiding_stappen=1)
    scores = {
        "Ada": {
            ("X", "Plan van aanpak"): 75,
            ("X", "Samenwerking"): 50,
            ("Y", "Plan van aanpak"): 25,
            ("Y", "Samenwerking"): 0,
        },
        "Bram": {
            ("X", "Plan van aanpak"): 50,
            ("X", "Samenwerking"): 50,
            ("Y", "Plan van aanpak"): 50,
            ("Y", "Samenwerking"): 100,
        },
        "Cor": {
            ("X", "Plan van aanpak"): 100,
            ("X", "Samenwerking"): 25,
            ("Y", "Plan van aanpak"): 50,
            ("Y", "Samenwerking"): 50,
        },
    }
    for naam, s in scores.items():
        vul_beoordeling(ws / "beoordelingen" / f"{naam.lower()}.xlsx", s)
    cons = ws / "beoordelingen" / "consensus.xlsx"
    (cons).write_bytes((ws / "beoordelingen" / "ada.xlsx").read_bytes())
    wb = load_workbook(cons)
    b = wb["Beoordeling"]
    b.title = "Consensus"
    b.delete_rows(6, 10)
    b.append(["Y", "B1", "Samenwerking", 75, "Panel: de samenwerking is concreet uitgewerkt."])
    wb.save(cons)

    panel = beoordeel(laad_invoer(Werkmap(ws))).panel
    assert panel.kwaliteit["B1"]["X"] == pytest.approx(kx, abs=1e-6)
    assert panel.kwaliteit["B1"]["Y"] == pytest.approx(ky, abs=1e-6)
    y2 = panel.rij("Y", "B1", "K2")
    assert (y2.consensus, y2.punten, y2.spreiding, y2.spreiding_stappen, y2.signaal) == (75, 75, 100, 4, True)
    assert y2.afwijkers == ("Ada", "Bram")  # 3 steps from the others' median; Cor sits on it
    assert y2.consensus_toelichting == "Panel: de samenwerking is concreet uitgewerkt."
    x1 = panel.rij("X", "B1", "K1")
    assert (x1.spreiding_stappen, x1.signaal, x1.afwijkers) == (2, True, ("Bram", "Cor"))
    assert not panel.rij("X", "B1", "K2").signaal  # one step: at the threshold, not above it


def test_krippendorff_gepubliceerd_voorbeeld() -> None:
    """Krippendorff (2011), 'Computing Krippendorff's Alpha-Reliability', 4 observers x 12 units
    with missing values: interval alpha = 0.849."""
    rijen = {
        "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        "C": [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    }
    waarden = {b: {f"u{i:02d}": v for i, v in enumerate(r) if v is not None} for b, r in rijen.items()}
    assert round(krippendorff_alpha(waarden), 3) == 0.849
    assert krippendorff_alpha({"A": {"u1": 2, "u2": 2}, "B": {"u1": 2, "u2": 2}}) is None  # no variation


def test_voorbeeld_beoordelingen_toont_signaal(voorbeeld: Path) -> None:
    res = CliRunner().invoke(main, ["beoordelingen", "--werkmap", str(voorbeeld)])
    assert res.exit_code == 0, res.output
    assert (
        "Signaal: Inburgerwijs Academie, Plan van aanpak en maatwerk: spreiding 4 schaalstappen "
        "(Anouk Verbeek 75, Joost de Ridder 0, Mehmet Yilmaz 100); afwijkend: Joost de Ridder; consensus 75"
    ) in res.output
    assert "Krippendorffs alfa Plan van aanpak en maatwerk: -0,010 (zonder Joost de Ridder: 0,690)" in res.output
    data = json.loads(CliRunner().invoke(main, ["beoordelingen", "--werkmap", str(voorbeeld), "--json"]).output)
    # Taalhuis B1: K1 (100+75+75)/3 = 83.33, K2 75, K3 (50+75+75)/3 = 66.67, K4 75
    # -> 0.4 x 83.33 + 0.2 x 75 + 0.2 x 66.67 + 0.2 x 75 = 76.67
    assert data["kwaliteit"]["B1"]["Taalhuis De Brug B.V."] == pytest.approx(76.666667, abs=1e-6)


def test_kopveld_twee_keer_is_een_fout_met_beide_cellen(tmp_path: Path) -> None:
    # a second 'Datum' in row 4 (the last value would have won in silence) and a second 'beoordelaar' (labels compared
    # without case, as on the bids' Inschrijver sheet); the rest of the form is still read (row 6: score not on scale)
    ws = _werkmap(tmp_path, ["Ada", "Bram"])
    ada = ws / "beoordelingen" / "ada.xlsx"
    bram = ws / "beoordelingen" / "bram.xlsx"
    scores = {(n, c): 50 for n in ("X", "Y") for c in ("Plan van aanpak", "Samenwerking")}
    vul_beoordeling(ada, scores | {("X", "Plan van aanpak"): 60})
    vul_beoordeling(bram, scores)
    for pad, label, waarde in ((ada, "Datum", "2026-03-11"), (bram, "beoordelaar", "Ada")):
        wb = load_workbook(pad)
        wb["Beoordeling"]["A4"] = label
        wb["Beoordeling"]["B4"] = waarde
        wb.save(pad)
    verwacht = [
        "ada.xlsx!Beoordeling!A4: veld 'Datum' staat ook op rij 2 (A2); laat het veld één keer staan, anders is niet "
        "te zeggen welke waarde de beoordelaar bedoelde",
        "ada.xlsx!Beoordeling!D6: score '60' staat niet op de schaal (0, 25, 50, 75, 100)",
        "bram.xlsx!Beoordeling!A4: veld 'Beoordelaar' staat ook op rij 1 (A1); laat het veld één keer staan, anders is "
        "niet te zeggen welke waarde de beoordelaar bedoelde",
    ]
    assert _fouten(ws) == verwacht


def test_een_gescoorde_inschrijving_die_vooraf_afviel_heet_niet_later_afgevallen(voorbeeld: Path) -> None:
    """Leerpunt's onderwijs bid lies above the ceiling: the knock-out before the panel removed it, so no form had
    its rows. A reviewer who scored it anyway (a row typed in by hand) had that row set aside, rightly, but the
    advies and the note said 'de inschrijving viel na de beoordeling af': untrue, it fell out before. The reason
    given is now the one that holds either way: the knock-out test (or a withdrawal)."""
    from tests.hulp import html_tekst

    pad = voorbeeld / "beoordelingen" / "joost-de-ridder.xlsx"
    wb = load_workbook(pad)
    wb["Beoordeling"].append(["Leerpunt Vechtstreek", "onderwijs", "Plan van aanpak en maatwerk", "goed", "Prima."])
    rij = wb["Beoordeling"].max_row
    wb.save(pad)
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld)])
    assert res.exit_code == 0, res.output
    melding = (
        "Leerpunt Vechtstreek, perceel onderwijs, Plan van aanpak en maatwerk: opzijgezet, de inschrijving valt "
        "voor dit perceel af in de knock-outtoets"
    )
    uit = " ".join(res.output.split())  # a line longer than 200 characters continues on the next
    assert f"Let op: beoordelingen/joost-de-ridder.xlsx!Beoordeling!A{rij}: {melding}" in uit
    advies = html_tekst(voorbeeld / "rapporten" / "gunningsadvies.html")
    assert "na de beoordeling" not in advies
    assert f"tabblad Beoordeling, A{rij}: {melding}" in advies


def test_een_beoordelaarsnaam_die_er_net_anders_uitziet_krijgt_een_voorstel(voorbeeld: Path) -> None:
    """'Mehmet Yılmaz' (a Turkish dotless ı) in the form and 'Mehmet Yilmaz' in aanbesteding.yaml: the error listed
    the known names, among them one that looks the same on screen, and left the reader to find the difference. It
    now proposes the name and says which letter differs; 'J. de Ridder' gets its proposal too."""
    vul = {"mehmet-yilmaz.xlsx": "Mehmet Yılmaz", "joost-de-ridder.xlsx": "J. de Ridder"}
    for bestand, naam in vul.items():
        pad = voorbeeld / "beoordelingen" / bestand
        wb = load_workbook(pad)
        wb["Beoordeling"]["B1"] = naam
        wb.save(pad)
    fouten = [f for f in _fouten(voorbeeld) if "B1:" in f]
    assert fouten == [
        "joost-de-ridder.xlsx!Beoordeling!B1: beoordelaar 'J. de Ridder' staat niet in de aanbesteding; bekend: "
        "Anouk Verbeek, Mehmet Yilmaz, Joost de Ridder; bedoelt u 'Joost de Ridder'? Pas dan de naam in het "
        "formulier aan (of in aanbesteding.yaml, als die daar verkeerd staat)",
        "mehmet-yilmaz.xlsx!Beoordeling!B1: beoordelaar 'Mehmet Yılmaz' staat niet in de aanbesteding; bekend: "
        "Anouk Verbeek, Mehmet Yilmaz, Joost de Ridder; bedoelt u 'Mehmet Yilmaz'? De namen verschillen in 'ı' "
        "(U+0131 LATIN SMALL LETTER DOTLESS I). Pas dan de naam in het formulier aan (of in aanbesteding.yaml, als "
        "die daar verkeerd staat)",
    ]


def test_terminal_toont_criteriumscores_zoals_de_brieven(tmp_path: Path) -> None:
    """X on Samenwerking: 50, 50, 25 -> mean 41,666..., which the letters and the advies show as 41,67; the terminal
    showed 41,7, a second representation of one quantity. Plan van aanpak 75 from all three -> 75,00; quality
    0,6 x 75 + 0,4 x 41,667 = 61,67."""
    ws = _werkmap(tmp_path, ["Ada", "Bram", "Cor"])
    for naam, samenwerking in (("ada", 50), ("bram", 50), ("cor", 25)):
        vul_beoordeling(
            ws / "beoordelingen" / f"{naam}.xlsx",
            {
                ("X", "Plan van aanpak"): 75,
                ("X", "Samenwerking"): samenwerking,
                ("Y", "Plan van aanpak"): 50,
                ("Y", "Samenwerking"): 50,
            },
        )
    res = CliRunner().invoke(main, ["beoordelingen", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    rij = next(r for r in res.output.splitlines() if r.startswith("X "))
    assert rij.split() == ["X", "75,00", "41,67", "61,67"], res.output


def test_verwisselde_formulieren_noemen_het_verkeerde_bestand(voorbeeld: Path) -> None:
    """Joost saved his scores in his own file with Mehmet's name in the Beoordelaar field. The duplicate stood at
    Mehmet's own form, and Joost's was 'niet ontvangen' though his file was there; both messages now stand at the file
    that names the other reviewer, at its field."""
    joost = voorbeeld / "beoordelingen" / "joost-de-ridder.xlsx"
    wb = load_workbook(joost)
    assert wb["Beoordeling"]["A1"].value == "Beoordelaar"
    wb["Beoordeling"]["B1"] = "Mehmet Yilmaz"
    wb.save(joost)
    assert _fouten(voorbeeld) == [
        "joost-de-ridder.xlsx!Beoordeling!B1: beoordelaar Mehmet Yilmaz heeft ook mehmet-yilmaz.xlsx ingeleverd",
        "joost-de-ridder.xlsx: het formulier met de bestandsnaam van Joost de Ridder noemt beoordelaar 'Mehmet Yilmaz' "
        "(joost-de-ridder.xlsx!Beoordeling!B1), dus telt er nog geen beoordeling van Joost de Ridder",
    ]


def test_een_onleesbaar_formulier_is_wel_ontvangen(voorbeeld: Path) -> None:
    """Mehmet's form was cut off in the mail: 'geen beoordeling ontvangen van Mehmet Yilmaz (het formulier voor Mehmet
    Yilmaz is beoordelingen/mehmet-yilmaz.xlsx)' sent the reader to the file that is there; it says it was not read."""
    mehmet = voorbeeld / "beoordelingen" / "mehmet-yilmaz.xlsx"
    mehmet.write_bytes(mehmet.read_bytes()[:3000])
    assert _fouten(voorbeeld) == [
        "mehmet-yilmaz.xlsx: geen leesbare Excel-werkmap (beschadigd zip-archief)",
        "mehmet-yilmaz.xlsx: het formulier met de bestandsnaam van Mehmet Yilmaz kon niet worden gelezen (zie de fout "
        "bij dit bestand), dus telt er nog geen beoordeling van Mehmet Yilmaz",
    ]


def test_een_consensusbestand_onder_een_andere_naam(voorbeeld: Path) -> None:
    """The panel saved its work as 'Consensus.xlsx' (or 'consensus definitief.xlsx'): it was read as a reviewer's form
    and refused with "tabblad 'Beoordeling' ontbreekt; gebruik het beoordelingsformulier", which sent the panel to the
    wrong form. It says now that it is a consensus workbook that only counts under the name consensus.xlsx."""
    beoordelingen = voorbeeld / "beoordelingen"
    (beoordelingen / "consensus.xlsx").rename(beoordelingen / "Consensus.xlsx")
    r = CliRunner().invoke(main, ["beoordelingen", "--werkmap", str(voorbeeld)])
    assert r.exit_code == 2, r.output
    assert " ".join(r.output.split()) == (
        "Fouten in de invoer (1): Consensus.xlsx: dit is een consensusbestand (tabblad 'Consensus'), maar alleen "
        "consensus.xlsx wordt als consensus gelezen; noem het consensus.xlsx (met kleine letters) of haal het uit de map"
    )


def test_de_koppen_zeggen_hetzelfde_als_er_ook_een_bod_fout_is(voorbeeld: Path) -> None:
    """With an error in a bid, the reviewers' headers were checked by a second copy of the checks: 'nee' at the
    declaration read as 'heeft niet verklaard onafhankelijk te zijn' (not as the conflict of interest it declared), a
    date before the closing passed, and a misspelt name got no suggestion. The headers now give the same errors as in
    a run where the bids are in order, beside the bid's error."""
    beoordelingen = voorbeeld / "beoordelingen"
    for bestand, cel, waarde in (
        ("anouk-verbeek.xlsx", "B3", "Ik heb wel belangenverstrengeling met een inschrijver"),
        ("joost-de-ridder.xlsx", "B2", dt.date(2020, 1, 1)),
        ("mehmet-yilmaz.xlsx", "B1", "Mehmet Yılmaz"),
    ):
        wb = load_workbook(beoordelingen / bestand)
        wb["Beoordeling"][cel] = waarde
        wb.save(beoordelingen / bestand)
    koppen = [f for f in _fouten(voorbeeld) if "!Beoordeling!B" in f.split(": ")[0]]
    kompas = voorbeeld / "inschrijvingen" / "kompas.xlsx"
    wb = load_workbook(kompas)
    assert wb["Inschrijver"]["A6"].value == "Blik op Werk keurmerk (ja/nee)"
    wb["Inschrijver"]["B6"] = "misschien"
    wb.save(kompas)
    r = CliRunner().invoke(main, ["beoordelingen", "--werkmap", str(voorbeeld)])
    assert r.exit_code == 2, r.output
    uit = " ".join(r.output.split())
    assert "kompas.xlsx!Inschrijver!B6: Blik op Werk keurmerk (ja/nee): verwacht ja of nee, kreeg 'misschien'" in uit
    assert len(koppen) == 3
    for fout in koppen:
        assert " ".join(fout.split()) in uit, fout
    assert "Anouk Verbeek verklaart belangenverstrengeling met een inschrijver ('Ik heb wel" in uit
    assert "de datum (1 januari 2020) ligt voor de sluiting van de inschrijving (20 mei 2021)" in uit
    assert "bedoelt u 'Mehmet Yilmaz'?" in uit


def test_een_beoordelaar_heet_enkelvoud(tmp_path: Path) -> None:
    """A panel of one: `evaluatie beoordelingen` said 'Beoordeling door 1 beoordelaars (Ada)'."""
    ws = _werkmap(tmp_path, ["Ada"])
    vul_beoordeling(
        ws / "beoordelingen" / "ada.xlsx", {(i, c): 50 for i in "XY" for c in ("Plan van aanpak", "Samenwerking")}
    )
    r = CliRunner().invoke(main, ["beoordelingen", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    assert r.output.startswith("Beoordeling door 1 beoordelaar (Ada); samenvoegen: gemiddelde"), r.output
