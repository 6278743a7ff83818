"""Bid forms filled the way real bidders fill them (n106): what they wrote is read as written, or refused with the
cell and what to do; never read as something else."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.cli import main
from evaluatie.definitie import laad_aanbesteding
from evaluatie.inschrijving.lezen import lees_inschrijvingen
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, schrijf_yaml
from tests.test_inschrijving_werkboekvormen import RIJ, _fouten, _wijzig


@pytest.fixture
def werkmap(tmp_path: Path) -> Path:
    return maak_werkmap(tmp_path / "ws", kleine_aanbesteding())


def _zonder_keurmerkeis(tmp_path: Path) -> Path:
    data = kleine_aanbesteding()
    del data["percelen"]["B1"]["knockout"]["keurmerk"]
    return maak_werkmap(tmp_path / "zonder", data)


@pytest.mark.parametrize("cel", ["Noord; Oost (alleen het centrum)", "Noord; Oost (vanaf 2027)"])
def test_een_gemeente_met_een_voorbehoud_tussen_haakjes_wordt_niet_als_de_hele_gemeente_gelezen(
    werkmap: Path, cel: str
) -> None:
    """'Oost (alleen het centrum)' was read as Oost in silence (the text between brackets was dropped as if it were a
    province suffix like 'Laren (NH.)'), so the bid served all of Oost in the dekking rule and the allocation. It is an
    input error at the cell now, which names the gemeente and the text, without the hint 'bedoelt u Oost?'."""
    pad = schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ])
    _wijzig(pad, "Percelen", {"F2": cel})
    deel = cel.split("; ")[1]
    assert _fouten(werkmap) == [
        f"acme.xlsx!Percelen!F2: '{deel}': gemeente Oost met '{deel[5:]}' erachter; een inschrijving bedient een "
        "gemeente helemaal, en wat tussen haakjes staat (een voorbehoud of beperking?) moet een persoon beoordelen; "
        "leg met 'evaluatie herstel' vast wat de inschrijving bedoelt (de gemeente, of haar weg laten)"
    ]
    res = CliRunner().invoke(main, ["inschrijvingen", "--werkmap", str(werkmap)])
    assert res.exit_code == 2 and "acme.xlsx!Percelen!F2" in res.output


@pytest.mark.parametrize("cel", ["Noord (NH.); Oost (N.H.)", "Noord (Noord-Holland); Oost (L)"])
def test_een_provincie_tussen_haakjes_mag(werkmap: Path, cel: str) -> None:
    """A province suffix as CBS writes it ('Laren (NH.)') still may be added to the tender's name."""
    pad = schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ])
    _wijzig(pad, "Percelen", {"F2": cel})
    aanbesteding, _ = laad_aanbesteding(werkmap / "aanbesteding.yaml")
    (ins,), _ = lees_inschrijvingen(aanbesteding, werkmap / "inschrijvingen")
    assert ins.aanbod["B1"].gemeenten == ("Noord", "Oost")


@pytest.mark.parametrize("nummer", ["aangevraagd", "zie bijlage", "n.v.t.", "-"])
def test_een_certificaatnummer_zonder_cijfer_is_geen_certificaatnummer(werkmap: Path, nummer: str) -> None:
    """Keurmerk 'ja' with 'aangevraagd' (applied for, not held) as its certificate number passed the keurmerk rule
    of B1 as a numbered keurmerk. Such a number is an input error at its cell now: a person asks for the number or
    records the cell empty (then the bid falls out: keurmerk zonder certificaatnummer)."""
    schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ], nummer=nummer)
    assert _fouten(werkmap) == [
        f"acme.xlsx!Inschrijver!B7: Keurmerk certificaatnummer '{nummer}' bevat geen cijfer en is dus geen "
        "certificaatnummer (een aanvraag, een verwijzing?), terwijl het keurmerk 'ja' is en een perceel van de "
        "inschrijving het keurmerk vereist; vraag het nummer op en leg het vast met 'evaluatie herstel', of maak de "
        "cel daarmee leeg (dan valt de inschrijving af: keurmerk zonder certificaatnummer)"
    ]
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(werkmap)])
    assert res.exit_code == 2 and "acme.xlsx!Inschrijver!B7" in res.output


def test_een_certificaatnummer_zonder_cijfer_waar_geen_perceel_het_keurmerk_vraagt(tmp_path: Path) -> None:
    """Where no lot of the bid requires the keurmerk the field decides nothing, and stops no award."""
    werkmap = _zonder_keurmerkeis(tmp_path)
    schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ], nummer="aangevraagd")
    aanbesteding, _ = laad_aanbesteding(werkmap / "aanbesteding.yaml")
    (ins,), _ = lees_inschrijvingen(aanbesteding, werkmap / "inschrijvingen")
    assert ins.keurmerk_nummer == "aangevraagd"


def test_keurmerk_nee_naast_een_certificaatnummer_en_een_datum_spreekt_zichzelf_tegen(werkmap: Path) -> None:
    """'nee' for the keurmerk beside a certificate number and a date of validity: the bid was knocked out of B1 on
    that one answer ('U heeft geen Blik op Werk keurmerk opgegeven', while it gave the number). It is an input error
    at the ja/nee cell now, naming the cells that say otherwise; a person judges what the bid means."""
    schrijf_bod(
        werkmap,
        "acme.xlsx",
        "Acme Taal",
        "12345678",
        [RIJ],
        keurmerk="nee",
        nummer="BOW-1",
        geldig_tot=dt.date(2030, 1, 1),
    )
    assert _fouten(werkmap) == [
        "acme.xlsx!Inschrijver!B6: Blik op Werk keurmerk (ja/nee) is 'nee', maar Keurmerk certificaatnummer (B7) "
        "'BOW-1' en Keurmerk geldig tot (B8) '01-01-2030' zijn ingevuld: de inschrijving spreekt zichzelf tegen, en "
        "met 'nee' valt zij af in de percelen die het keurmerk vereisen; een persoon beoordeelt wat zij bedoelt en "
        "legt dat vast met 'evaluatie herstel' ('ja', of de andere keurmerkvelden leeg)"
    ]


def test_keurmerk_nee_zonder_nummer_en_datum_valt_af(werkmap: Path) -> None:
    """'nee' with the other keurmerk fields empty or without a number ('-') is a plain answer: knocked out of B1."""
    schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ], keurmerk="nee", nummer="-", geldig_tot=None)
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(werkmap)])
    assert res.exit_code == 0 and "Acme Taal    ongeldig  geen Blik op Werk keurmerk" in res.output


@pytest.mark.parametrize("nvt", ["n.v.t.", "nvt", "N.V.T", "-", "niet van toepassing"])
def test_nvt_in_de_keurmerkvelden_waar_geen_perceel_het_keurmerk_vraagt(tmp_path: Path, nvt: str) -> None:
    """The form says 'Keurmerk: voor dit perceel niet vereist', so a bidder writes 'n.v.t.' in the keurmerk fields:
    that was an input error (verwacht ja of nee; verwacht een datum) that stopped the award of every lot, where an
    empty field is read as no keurmerk declared. 'n.v.t.' is read so too."""
    werkmap = _zonder_keurmerkeis(tmp_path)
    schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ], keurmerk=nvt, nummer=nvt, geldig_tot=nvt)
    aanbesteding, _ = laad_aanbesteding(werkmap / "aanbesteding.yaml")
    (ins,), _ = lees_inschrijvingen(aanbesteding, werkmap / "inschrijvingen")
    assert (ins.keurmerk, ins.keurmerk_nummer, ins.keurmerk_geldig_tot) == (False, None, None)


def test_nvt_naast_keurmerk_nee_valt_af_zonder_invoerfout(werkmap: Path) -> None:
    """'nee' with 'n.v.t.' as its date of validity, on B1 that requires the keurmerk: 'verwacht een datum' stopped the
    award of every lot; the bid is knocked out of B1 on its 'nee' now."""
    schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ], keurmerk="nee", nummer="n.v.t.", geldig_tot="nvt")
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(werkmap)])
    assert res.exit_code == 0 and "Acme Taal    ongeldig  geen Blik op Werk keurmerk" in res.output


def test_nvt_als_antwoord_op_de_keurmerkvraag_waar_het_perceel_het_vraagt(werkmap: Path) -> None:
    """Where a lot of the bid requires the keurmerk, 'n.v.t.' is no answer to the ja/nee question: it stays an error."""
    schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ], keurmerk="n.v.t.", nummer="", geldig_tot=None)
    assert _fouten(werkmap) == [
        "acme.xlsx!Inschrijver!B6: Blik op Werk keurmerk (ja/nee): verwacht ja of nee, kreeg 'n.v.t.'"
    ]


def test_alle_op_het_formulier_van_een_eerdere_versie_leest_geen_gemeente_die_de_inschrijver_niet_zag(
    tmp_path: Path,
) -> None:
    """A bid on the form published before Zuid joined the tender (a nota van inlichtingen) has the same title, and its
    'alle' was read as Noord, Oost and Zuid: the bid served a gemeente its form did not list. The form's Perceelgegevens
    sheet says what 'alle' meant; 'alle' is an input error at the cell then, naming both lists."""
    data = kleine_aanbesteding()
    zuid = data["gemeenten"].pop()
    werkmap = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ])
    data["gemeenten"].append(zuid)  # the tender as it is now
    schrijf_yaml(werkmap / "aanbesteding.yaml", data)
    assert _fouten(werkmap) == [
        "acme.xlsx!Percelen!F2: 'alle' op een formulier waarvan het tabblad Perceelgegevens voor perceel B1 de "
        "gemeenten Noord en Oost noemt, maar in deze aanbesteding doet ook gemeente Zuid mee: het formulier is van een "
        "eerdere versie van de aanbesteding, en 'alle' zou gemeenten lezen die de inschrijver niet zag; leg met "
        "'evaluatie herstel' vast welke gemeenten de inschrijving bedient"
    ]
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(werkmap)])
    assert res.exit_code == 2 and "acme.xlsx!Percelen!F2" in res.output


def test_alle_op_een_formulier_zonder_perceelgegevens_of_met_een_gemeente_minder(tmp_path: Path) -> None:
    """A form whose Perceelgegevens sheet was removed says nothing about 'alle': read as before. A gemeente that left
    the lot after the form was made takes nothing from the bid: 'alle' is the gemeenten of the lot now."""
    werkmap = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    pad = schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ])
    schrijf_bod(werkmap, "beta.xlsx", "Beta Taal", "87654321", [RIJ])
    wb = load_workbook(pad)
    del wb["Perceelgegevens"]
    wb.save(pad)
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["gemeenten"] = ["Noord", "Oost"]
    # Zuid joins no lot now: a possible later participant (a gemeente in no lot at all is an input error)
    zuid = data["gemeenten"].pop(2)
    data["latere_gemeenten"] = [{"naam": zuid["naam"], "subregio": zuid["subregio"], "inburgeraars": {"B1": 4}}]
    schrijf_yaml(werkmap / "aanbesteding.yaml", data)
    aanbesteding, _ = laad_aanbesteding(werkmap / "aanbesteding.yaml")
    bids, _ = lees_inschrijvingen(aanbesteding, werkmap / "inschrijvingen")
    assert [ins.aanbod["B1"].gemeenten for ins in bids] == [("Noord", "Oost"), ("Noord", "Oost")]


def test_tekst_die_een_inschrijver_op_de_informatietabbladen_van_het_formulier_zet_wordt_genoemd(werkmap: Path) -> None:
    """A remark beside the instructions or beside a gemeente on Perceelgegevens ('Oost alleen onder voorbehoud') was
    passed over without a word, while a sheet of the bidder's own is named. It is named now, with its cells; it is not
    read, a person judges it. A form as the tender wrote it gives no such note."""
    pad = schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ])
    schrijf_bod(werkmap, "beta.xlsx", "Beta Taal", "87654321", [RIJ])
    _wijzig(pad, "Instructie", {"B4": "gedaan", "A12": "Prijzen onder voorbehoud van indexering"})
    _wijzig(pad, "Perceelgegevens", {"D9": "Oost alleen onder voorbehoud"})
    aanbesteding, _ = laad_aanbesteding(werkmap / "aanbesteding.yaml")
    _, notities = lees_inschrijvingen(aanbesteding, werkmap / "inschrijvingen")
    nagezien = "staat niet op het inschrijfformulier van deze aanbesteding en wordt niet gelezen; lees het zelf (een "
    nagezien += "voorbehoud of toelichting moet een persoon beoordelen)"
    assert notities == [
        f"inschrijvingen/acme.xlsx!Instructie: B4, A12 ('gedaan', ...) {nagezien}",
        f"inschrijvingen/acme.xlsx!Perceelgegevens: D9 ('Oost alleen onder voorbehoud') {nagezien}",
    ]
    res = CliRunner().invoke(main, ["inschrijvingen", "--werkmap", str(werkmap)])
    assert res.exit_code == 0 and "Let op: inschrijvingen/acme.xlsx!Perceelgegevens: D9" in res.output


@pytest.mark.parametrize(
    ("deel", "teken"), [("Oost*", "'*'"), ("Oost?", "'?'"), ("Oost (*)", "'*'"), ("Oost!?", "'!' en '?'")]
)
def test_een_voetnootteken_bij_een_gemeente_wordt_niet_weggelaten(werkmap: Path, deel: str, teken: str) -> None:
    """'Oost*' (a footnote: '* onder voorbehoud') and 'Oost?' were read as Oost in silence, since punctuation does not
    count in a name; the mark said something about the gemeente. An input error at the cell now."""
    pad = schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ])
    _wijzig(pad, "Percelen", {"F2": f"Noord; {deel}"})
    assert _fouten(werkmap) == [
        f"acme.xlsx!Percelen!F2: '{deel}': gemeente Oost met {teken} erbij (een verwijzing naar een voetnoot of "
        "voorbehoud, een vraag?); een inschrijving bedient een gemeente helemaal, en wat het teken zegt moet een "
        "persoon beoordelen; leg met 'evaluatie herstel' vast wat de inschrijving bedoelt (de gemeente, of haar weg "
        "laten)"
    ]


def test_leestekens_die_in_gemeentenamen_staan_mogen(werkmap: Path) -> None:
    """A hyphen (also the en dash a word processor makes of it), a full stop, an apostrophe: punctuation gemeente names
    have, so it is no mark beside the name."""
    pad = schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ])
    _wijzig(pad, "Percelen", {"F2": "gemeente noord.; O\u2013ost"})
    aanbesteding, _ = laad_aanbesteding(werkmap / "aanbesteding.yaml")
    (ins,), _ = lees_inschrijvingen(aanbesteding, werkmap / "inschrijvingen")
    assert ins.aanbod["B1"].gemeenten == ("Noord", "Oost")


def test_twee_versies_van_een_inschrijving_een_melding_die_zegt_wat_te_doen(werkmap: Path) -> None:
    """A bidder who sent a second version (same KvK number, same name, another price): two messages (KvK and name)
    that said neither that these are two versions nor what to do; nothing is picked, one message says how."""
    schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ])
    schrijf_bod(werkmap, "acme v2.xlsx", "Acme Taal", "12345678", [("B1", 8900, 10, 12, 4, "alle")])
    assert _fouten(werkmap) == [
        "acme.xlsx!Inschrijver!B3: KvK-nummer 12345678 komt ook voor in acme v2.xlsx!Inschrijver!B3: twee inschrijvingen "
        "van één inschrijver (een tweede versie?); welke telt, beslist een persoon aan de hand van de "
        "aanbestedingsstukken en het moment van ontvangst: laat die in inschrijvingen/ staan en bewaar de andere "
        "buiten de werkmap"
    ]


def test_hetzelfde_bestand_twee_keer(werkmap: Path) -> None:
    pad = schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ])
    (pad.parent / "Acme Taal (kopie).xlsx").write_bytes(pad.read_bytes())
    assert _fouten(werkmap) == [
        "acme.xlsx: is hetzelfde bestand als Acme Taal (kopie).xlsx (byte voor byte gelijk); haal er één weg"
    ]


@pytest.mark.parametrize(
    ("naam", "begin"),
    [("~$Inschrijving Acme.xlsx", "~$, zoals een vergrendelbestand van Excel"), (".acme.xlsx", "een punt (verborgen)")],
)
def test_een_inschrijving_met_de_naam_van_een_vergrendelbestand_valt_niet_weg(
    werkmap: Path, naam: str, begin: str
) -> None:
    """A bid saved as '~$Inschrijving Acme.xlsx' was skipped as an Excel lock file, with only a note: the award went on
    without the bidder (and without its letter). A workbook under such a name is an input error now; a real lock file
    (a few bytes with a user name) is still skipped with a note."""
    pad = schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ])
    pad.rename(pad.with_name(naam))
    (pad.parent / "~$beta.xlsx").write_bytes(b"\x0bS. Jansen  ")
    res = CliRunner().invoke(main, ["inschrijvingen", "--werkmap", str(werkmap)])
    assert res.exit_code == 2
    assert _fouten(werkmap) == [
        f"inschrijvingen/{naam}: de naam begint met {begin}, maar het bestand is een werkmap; is het een formulier dat "
        "hier hoort, geef het dan een naam zonder dat begin, en anders haal het uit de map"
    ]


def test_een_regel_met_nvt_is_geen_inschrijving_op_dat_perceel(tmp_path: Path) -> None:
    """The form lists every lot, so a bidder fills a row for each and writes 'n.v.t.' where it does not bid: that was
    an input error on every cell of the row ('n.v.t.' is geen bedrag, ...), which stopped the award of every lot and
    took six recorded corrections. It is no bid on that lot now, with a note; a row that says n.v.t. beside a lot it
    also bids on in another row is two rows for one lot."""
    data = kleine_aanbesteding()
    data["percelen"]["Z"] = {**data["percelen"]["B1"], "naam": "Z-route"}
    for g in data["gemeenten"]:
        g["inburgeraars"]["Z"] = 1
    werkmap = maak_werkmap(tmp_path / "ws", data)
    pad = schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ, ("Z", "n.v.t.", "n.v.t.", "nvt", "-", "")])
    aanbesteding, _ = laad_aanbesteding(werkmap / "aanbesteding.yaml")
    (ins,), notities = lees_inschrijvingen(aanbesteding, werkmap / "inschrijvingen")
    assert list(ins.aanbod) == ["B1"] and not ins.ongeldige_prijs
    assert notities == [
        "inschrijvingen/acme.xlsx!Percelen!A3: perceel Z met 'n.v.t. | n.v.t. | nvt | -' in de andere kolommen: "
        "gelezen als geen inschrijving op perceel Z"
    ]
    _wijzig(pad, "Percelen", {"A4": "Z", "B4": 9000, "C4": 10, "D4": 12, "E4": 4, "F4": "alle"})
    assert _fouten(werkmap) == ["acme.xlsx!Percelen!A4: perceel Z staat er twee keer in (ook A3)"]


def test_een_lege_ja_nee_vraag_heet_verplicht(werkmap: Path) -> None:
    """An unanswered uitsluitingsgronden question said "verwacht ja of nee, kreeg ''", as if something odd stood in
    the cell; it says the answer is required, like every other empty field of the form."""
    schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ], uitsluiting="")
    assert _fouten(werkmap) == [
        "acme.xlsx!Inschrijver!B9: Uitsluitingsgronden van toepassing (ja/nee) is verplicht; vul ja of nee in"
    ]


@pytest.mark.parametrize(
    ("velden", "reden"),
    [
        ({"keurmerk": "nee", "nummer": ""}, "geen Blik op Werk keurmerk (acme.xlsx!Inschrijver!B6: 'nee')"),
        ({"nummer": ""}, "keurmerk zonder certificaatnummer (acme.xlsx!Inschrijver!B7: leeg)"),
        (
            {"geldig_tot": dt.date(2026, 3, 1)},
            "keurmerk geldig tot 1 maart 2026; op de peildatum 2 maart 2026 verlopen (acme.xlsx!Inschrijver!B8)",
        ),
    ],
)
def test_een_keurmerkreden_noemt_de_cel_van_het_antwoord(werkmap: Path, velden: dict, reden: str) -> None:
    """The knock-out reason of the keurmerk ('keurmerk geldig tot ...; verlopen') named no cell, while the reason for a
    missing price does: the advies could not be checked against the bid. It names the cell of the bidder's answer."""
    schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ], **velden)
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(werkmap), "--json"])
    assert res.exit_code == 0, res.output
    (uitslag,) = json.loads(res.output)["resultaten"]
    assert (uitslag["status"], uitslag["redenen"]) == ("ongeldig", [reden])


def test_een_kvk_nummer_in_cijfers_over_de_volle_breedte(werkmap: Path) -> None:
    """'１２３４５６７８' (full-width digits, from a Japanese or Chinese input method) was taken as a KvK number as it
    stood, so the same number in plain digits in a second bid was not seen as the same bidder, and the letters printed
    it so. It is refused like any KvK number with other characters than the digits 0-9."""
    schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18", [RIJ])
    assert _fouten(werkmap) == [
        "acme.xlsx!Inschrijver!B3: KvK-nummer '\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18' bevat andere tekens "
        "dan cijfers; schrijf de 8 cijfers, bijvoorbeeld 70123456"
    ]


def test_een_prijs_in_een_cel_met_datumopmaak_zegt_dat_de_cel_een_datum_toont(werkmap: Path) -> None:
    """A price cell formatted as a date shows 9000 as 21-08-1924 (Excel's day 9000 after 30-12-1899); the bidder sees a
    date. It said "prijs per traject: '1924-08-21' is geen bedrag; schrijf een bedrag ...", which names neither the
    format nor the way out (n106 found it). Not read as 9000: the form shows the bidder something else."""
    pad = schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ])
    wb = load_workbook(pad)
    wb["Percelen"]["B2"].number_format = "DD-MM-YYYY"
    wb.save(pad)
    assert dt.date(1899, 12, 30) + dt.timedelta(days=9000) == dt.date(1924, 8, 21)
    assert _fouten(werkmap) == [
        "acme.xlsx!Percelen!B2: prijs per traject: '21-08-1924': de cel is opgemaakt als datum; hier hoort een getal: "
        "zet de opmaak van de cel op Getal of Valuta en controleer wat er dan staat"
    ]
