"""aanbesteding.yaml at its edges: a lot nobody needs, one gemeente, a gemeente in one lot only."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, schrijf_yaml


def _gemeenten(b1: tuple[int, int, int]) -> list[dict[str, object]]:
    return [
        {"naam": "Noord", "subregio": "A", "inburgeraars": {"B1": b1[0]}},
        {"naam": "Oost", "subregio": "A", "inburgeraars": {"B1": b1[1]}},
        {"naam": "Zuid", "subregio": "B", "inburgeraars": {"B1": b1[2]}},
    ]


def test_een_gunningsperceel_zonder_vraag_is_een_invoerfout(tmp_path: Path) -> None:
    """Every gemeente expects 0: the award used to go ahead, turning down the first-ranked bid 'because it gets no
    trajectories' and announcing a framework agreement of 0 trajectories with 0 parties."""
    werkmap = maak_werkmap(tmp_path / "ws", kleine_aanbesteding(gemeenten=_gemeenten((3, 0, 0))))
    schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [("B1", 9000, 10, 12, 4, "alle")])
    schrijf_yaml(werkmap / "aanbesteding.yaml", kleine_aanbesteding(gemeenten=_gemeenten((0, 0, 0))))
    regels = (werkmap / "aanbesteding.yaml").read_text(encoding="utf-8").splitlines()
    regel = next(i + 1 for i, r in enumerate(regels) if r.strip() == "gemeenten: alle")
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(werkmap), "--lots", "B1"])
    assert res.exit_code == 2, res.output
    assert (
        f"aanbesteding.yaml: percelen.B1.gemeenten (regel {regel}): perceel B1 heeft geen vraag: iedere deelnemende "
        "gemeente verwacht 0 inburgeraars per jaar" in res.output
    )
    assert "Traceback" not in res.output and not (werkmap / "rapporten" / "brieven").exists()


def test_vraag_in_een_gemeente_is_genoeg(tmp_path: Path) -> None:
    """The other side of the rule: one gemeente with demand makes a lot worth awarding."""
    werkmap = maak_werkmap(tmp_path / "ws", kleine_aanbesteding(gemeenten=_gemeenten((0, 0, 3))))
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(werkmap)])
    assert "geen vraag" not in res.output


def test_ontbrekend_aantal_geeft_niet_ook_geen_vraag(tmp_path: Path) -> None:
    """A gemeente without a number is reported as such, not as a lot without demand as well."""
    data = kleine_aanbesteding(gemeenten=_gemeenten((0, 0, 0)))
    for g in data["gemeenten"]:
        g["inburgeraars"] = {}
    werkmap = tmp_path / "ws"
    schrijf_yaml(werkmap / "aanbesteding.yaml", data)
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(werkmap)])
    assert res.exit_code == 2 and "geeft geen verwacht aantal" in res.output and "geen vraag" not in res.output


def test_een_fractie_als_bedrag_krijgt_geen_voorstel_van_duizend_keer(tmp_path: Path) -> None:
    """max_fictieve_korting: 0.3 (meant: 30% of the ceiling, EUR 3.000) was answered 'bedoelt u 300?': following
    the hint would publish a discount of a tenth of what was meant. The message now says it looks like a fraction."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"].update(prijsmethode="fictieve_korting", max_fictieve_korting=0.3)
    werkmap = maak_werkmap(tmp_path / "ws", data)
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(werkmap)])
    assert res.exit_code == 2
    assert "max_fictieve_korting 0.3: een bedrag onder EUR 50 is niet aannemelijk; een getal onder 1 lijkt een " in (
        res.output.replace("\n    ", " ")
    )
    assert "bedoelt u 300" not in res.output


def _minimum_kwaliteit(tmp_path: Path, drempel: float) -> str:
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["knockout"]["minimum_kwaliteit"] = {"drempel": drempel}
    werkmap = maak_werkmap(tmp_path / "ws", data)
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(werkmap)])
    return f"{res.exit_code}\n{res.output}".replace("\n    ", " ")


def test_een_drempel_buiten_de_kwaliteitsscore_wordt_geweigerd(tmp_path: Path) -> None:
    """The quality score runs from 0 to 100: a threshold of 500 knocked out every bid without a word about the
    setting, and 0.5 (meant as 50%) let nearly every bid through."""
    uit = _minimum_kwaliteit(tmp_path / "a", 500)
    assert uit.startswith("2\n") and "drempel 500 ligt buiten de kwaliteitsscore, die van 0 tot 100 loopt" in uit
    uit = _minimum_kwaliteit(tmp_path / "b", 0.5)
    assert uit.startswith("2\n")
    assert "drempel 0,5 lijkt een fractie, maar de kwaliteitsscore loopt van 0 tot 100: bedoelt u 50?" in uit
    uit = _minimum_kwaliteit(tmp_path / "c", 60)  # on the scale: accepted (the run stops on no bids)
    assert "geen inschrijvingen gevonden" in uit and "drempel 60" not in uit and "kwaliteitsscore" not in uit


def test_een_verschreven_perceelcode_geeft_een_melding_en_geen_stoet_gevolgfouten(tmp_path: Path) -> None:
    """`b1:` instead of `B1:` under percelen: besides the one true message ('bedoelt u 'B1'?') every gemeente got
    'perceel B1 bestaat niet in deze aanbesteding' and 'neemt deel aan perceel b1 maar geeft geen verwacht aantal',
    and every criterion of the lot a missing name. The lot is still checked as B1: its unknown gemeente is reported
    in the same run."""
    data = kleine_aanbesteding()
    b1 = data["percelen"].pop("B1")
    b1["gemeenten"] = ["Noord", "Oost", "Zuid", "Westt"]
    data["percelen"]["b1"] = b1
    werkmap = maak_werkmap(tmp_path / "ws", data)
    regels = (werkmap / "aanbesteding.yaml").read_text(encoding="utf-8").splitlines()
    lot = next(i for i, r in enumerate(regels, 1) if r.strip() == "b1:")
    west = next(i for i, r in enumerate(regels, 1) if r.strip() == "- Westt")
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(werkmap)])
    assert res.exit_code == 2, res.output
    assert res.output.splitlines()[1:] == [
        f"  aanbesteding.yaml: percelen.b1 (regel {lot}): onbekende naam 'b1'; bedoelt u 'B1'? toegestaan: B1, MAP, "
        "PVT, Z, onderwijs",
        f"  aanbesteding.yaml: percelen.B1.gemeenten[4] (regel {west}): gemeente 'Westt' staat niet onder gemeenten; "
        "geldig: Noord, Oost, Zuid",
    ], res.output


def test_gemeenten_als_tekst_worden_niet_letter_voor_letter_gelezen(tmp_path: Path) -> None:
    """`gemeenten: Alle` (a capital A): besides the schema's message, the content checks read the text letter by
    letter: "gemeente 'A' staat niet onder gemeenten", 'l', 'l', 'e'."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["gemeenten"] = "Alle"
    werkmap = maak_werkmap(tmp_path / "ws", data)
    regels = (werkmap / "aanbesteding.yaml").read_text(encoding="utf-8").splitlines()
    regel = next(i for i, r in enumerate(regels, 1) if r.strip() == "gemeenten: Alle")
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(werkmap)])
    assert res.exit_code == 2, res.output
    assert res.output.splitlines()[1:] == [
        f"  aanbesteding.yaml: percelen.B1.gemeenten (regel {regel}): verwacht een lijst of 'alle', kreeg 'Alle'"
    ], res.output


def test_een_naam_met_komma_in_een_yaml_lijst_zegt_zet_hem_tussen_aanhalingstekens(tmp_path: Path) -> None:
    """`gemeenten: [Noord, Nuenen, Gerwen en Nederwetten]`: YAML splits CBS's name at its comma. Each piece got
    'staat niet onder gemeenten; bedoelt u Nuenen, Gerwen en Nederwetten?', a hint that, followed in the same
    list, gives the same two errors again. Now one message at the first piece that says to quote the name."""
    data = kleine_aanbesteding()
    data["gemeenten"][2]["naam"] = "Nuenen, Gerwen en Nederwetten"
    data["percelen"]["B1"]["gemeenten"] = ["Noord", "Nuenen, Gerwen en Nederwetten"]
    data["gemeenten"][1]["inburgeraars"]["B1"] = 0
    werkmap = maak_werkmap(tmp_path / "ws", data)
    pad = werkmap / "aanbesteding.yaml"
    tekst = pad.read_text(encoding="utf-8")
    blok = "    gemeenten:\n    - Noord\n    - Nuenen, Gerwen en Nederwetten\n"
    assert blok in tekst
    pad.write_text(tekst.replace(blok, "    gemeenten: [Noord, Nuenen, Gerwen en Nederwetten]\n"), encoding="utf-8")
    regel = next(i for i, r in enumerate(pad.read_text(encoding="utf-8").splitlines(), 1) if "[Noord, Nuenen" in r)
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(werkmap)])
    assert res.exit_code == 2, res.output
    assert " ".join(res.output.split()) == (
        f"Fouten in de invoer (1): aanbesteding.yaml: percelen.B1.gemeenten[2] (regel {regel}): 'Nuenen' en 'Gerwen en "
        "Nederwetten' zijn samen de gemeente Nuenen, Gerwen en Nederwetten: in een lijst scheidt een komma twee "
        'namen; zet de naam tussen aanhalingstekens: "Nuenen, Gerwen en Nederwetten"'
    ), res.output


def test_een_subregio_in_een_andere_schrijfwijze_is_een_invoerfout(tmp_path: Path) -> None:
    """'A' for Noord and Oost, 'a ' for Zuid: the second spelling was a subregio of its own, in silence (the dekking
    rule and per_subregio would treat Zuid as a separate area, and the systematiek print 'A' and 'a ')."""
    data = kleine_aanbesteding()
    data["gemeenten"][2]["subregio"] = "a "
    werkmap = maak_werkmap(tmp_path / "ws", data)
    regels = (werkmap / "aanbesteding.yaml").read_text(encoding="utf-8").splitlines()
    regel = next(i for i, r in enumerate(regels, 1) if r.strip() == "subregio: 'a '")
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(werkmap)])
    assert res.exit_code == 2, res.output
    assert res.output.splitlines()[1:] == [
        f"  aanbesteding.yaml: gemeenten[3].subregio (regel {regel}): subregio 'A' (gemeenten[1]) is hier geschreven "
        "als 'a '; dat zou een andere subregio zijn. Schrijf de naam overal gelijk"
    ], res.output


def test_twee_criteria_met_dezelfde_naam_zijn_een_invoerfout(tmp_path: Path) -> None:
    """K2 named 'plan van aanpak' like K1: accepted, published twice, and every reviewer form then failed on
    'dubbele regel' and 'regel ontbreekt', because a form names the criterion, not its code."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["gunningscriteria"]["K2"]["naam"] = "plan van  aanpak"
    werkmap = maak_werkmap(tmp_path / "ws", data)
    regels = (werkmap / "aanbesteding.yaml").read_text(encoding="utf-8").splitlines()
    regel = next(i for i, r in enumerate(regels, 1) if r.strip() == "naam: plan van  aanpak")
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(werkmap)])
    assert res.exit_code == 2, res.output
    assert " ".join(res.output.split()) == (
        f"Fouten in de invoer (1): aanbesteding.yaml: percelen.B1.gunningscriteria.K2.naam (regel {regel}): criterium "
        "K2 heet hetzelfde als criterium K1 ('plan van aanpak'); het beoordelingsformulier noemt een criterium bij zijn "
        "naam, dus geef ieder criterium van het perceel een eigen naam"
    ), res.output


def test_twee_percelen_met_dezelfde_naam_zijn_een_invoerfout(tmp_path: Path) -> None:
    """Lot Z copied from B1 kept 'naam: B1-route': letters and advies would speak of two lots 'B1-route'."""
    data = kleine_aanbesteding()
    data["percelen"]["Z"] = dict(data["percelen"]["B1"])
    for g in data["gemeenten"]:
        g["inburgeraars"]["Z"] = 2
    werkmap = maak_werkmap(tmp_path / "ws", data)
    regels = (werkmap / "aanbesteding.yaml").read_text(encoding="utf-8").splitlines()
    regel = [i for i, r in enumerate(regels, 1) if r.strip() == "naam: B1-route"][1]
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(werkmap)])
    assert res.exit_code == 2, res.output
    assert " ".join(res.output.split()) == (
        f"Fouten in de invoer (1): aanbesteding.yaml: percelen.Z.naam (regel {regel}): perceel Z heet hetzelfde als "
        "perceel B1 ('B1-route'); brieven, advies en systematiek noemen een perceel bij zijn naam, dus geef ieder "
        "perceel een eigen naam"
    ), res.output


def test_namen_die_alleen_in_unicodevorm_verschillen_zijn_dezelfde_naam(tmp_path: Path) -> None:
    """'Référenties' typed with é as one character (NFC) and as e + accent (NFD, as a Mac may paste it) print alike:
    two criteria and two lots named so were accepted as different, and every form, letter and systematiek showed two
    identical names."""
    data = kleine_aanbesteding()
    b1 = data["percelen"]["B1"]
    b1["naam"] = "Café-route"
    b1["gunningscriteria"]["K1"]["naam"] = "Référenties"
    b1["gunningscriteria"]["K2"]["naam"] = "Re\u0301fe\u0301renties"
    data["percelen"]["Z"] = {**b1, "naam": "Cafe\u0301-route"}
    for g in data["gemeenten"]:
        g["inburgeraars"]["Z"] = 2
    werkmap = maak_werkmap(tmp_path / "ws", data)
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(werkmap)])
    assert res.exit_code == 2, res.output
    uit = " ".join(res.output.split())
    assert "criterium K2 heet hetzelfde als criterium K1 ('Re\u0301fe\u0301renties')" in uit, uit
    assert "perceel Z heet hetzelfde als perceel B1 ('Cafe\u0301-route')" in uit, uit


def test_een_ontbrekende_criteriaset_komt_samen_met_de_andere_fouten(tmp_path: Path) -> None:
    """A lot naming a criteria set that does not exist stopped the load at once: the tender's other mistakes (here
    B1's weights, 70 + 20) came only after the set was fixed. Now together, without the content of the lot that
    takes its settings from the missing set; a set name with a typo gets the nearest existing one."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["weging"] = {"kwaliteit": 70, "prijs": 20}
    data["percelen"]["Z"] = {"naam": "Z-route", "gemeenten": "alle", "criteriaset": "inburgering-2021"}
    for g in data["gemeenten"]:
        g["inburgeraars"]["Z"] = 2
    werkmap = maak_werkmap(tmp_path / "ws", data)
    regels = (werkmap / "aanbesteding.yaml").read_text(encoding="utf-8").splitlines()
    set_regel = next(i for i, r in enumerate(regels, 1) if r.strip() == "criteriaset: inburgering-2021")
    weging = next(i for i, r in enumerate(regels, 1) if r.strip() == "weging:")
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(werkmap)])
    assert res.exit_code == 2, res.output
    assert sorted(res.output.splitlines()[1:]) == [
        f"  aanbesteding.yaml: percelen.B1.weging (regel {weging}): kwaliteit + prijs moet 100 zijn, is 90",
        f"  aanbesteding.yaml: percelen.Z.criteriaset (regel {set_regel}): criteriaset 'inburgering-2021' niet "
        "gevonden in criteria/; bedoelt u 'inburgering-2022'?",
    ], res.output


def test_een_inburgeraar_buiten_het_perceel_in_het_enkelvoud(tmp_path: Path) -> None:
    """'maar verwacht er 1 inburgeraars per jaar; die tellen nergens mee' read wrong for one."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["gemeenten"] = ["Noord", "Oost"]
    data["gemeenten"][2]["inburgeraars"]["B1"] = 1
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(maak_werkmap(tmp_path / "ws", data))])
    assert res.exit_code == 2, res.output
    assert "maar verwacht er 1 inburgeraar per jaar; die telt nergens mee" in " ".join(res.output.split()), res.output


def test_leeg_perceel_zegt_hoe_het_wel_moet(tmp_path: Path) -> None:
    """'MAP:' left empty under percelen said only 'verwacht een lijst van velden (sleutel: waarde), kreeg niets'; an
    inkoper who wanted the lot with its defaults, or who emptied it to drop it, did not learn what to write."""
    werkmap = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    pad = werkmap / "aanbesteding.yaml"
    regels = pad.read_text(encoding="utf-8").splitlines()
    b1 = regels.index("  B1:")
    pad.write_text("\n".join([*regels[:b1], "  MAP:", *regels[b1:]]) + "\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["inschrijvingen", "--werkmap", str(werkmap)])
    assert res.exit_code == 2, res.output
    uit = " ".join(res.output.split())
    assert (
        f"aanbesteding.yaml: percelen.MAP (regel {b1 + 1}): verwacht een lijst van velden (sleutel: waarde), kreeg "
        "niets; schrijf 'MAP: {}' voor het perceel met zijn standaardinstellingen, of haal de regel 'MAP:' weg als "
        "het perceel niet meedoet" in uit
    ), uit


def test_raammaximum_onder_de_verwachting_ook_zonder_looptijd(tmp_path: Path) -> None:
    """Without `looptijd` the term is the model's default of 2 years (0 option years): 10 + 6 + 4 = 20 a year,
    so 40 expected. The check counted 0 years there and let `trajecten: 5` through, and the published systematiek
    announced a maximum of 5 trajectories next to 'Verwacht worden 40 trajecten (20 per jaar gedurende 2 jaar)'
    and an estimated value of EUR 50.000 for EUR 400.000 of expected work."""
    data = kleine_aanbesteding()
    assert "looptijd" not in data
    data["percelen"]["B1"]["raammaximum"] = {"trajecten": 5}
    werkmap = maak_werkmap(tmp_path / "ws", data)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(werkmap)])
    assert res.exit_code == 2, res.output
    assert "percelen.B1.raammaximum.trajecten (regel " in res.output
    assert "het maximum van 5 trajecten ligt onder de verwachting van 40 trajecten" in res.output
    assert not (werkmap / "gunningssystematiek.html").exists()
    data["percelen"]["B1"]["raammaximum"] = {"trajecten": 40}
    schrijf_yaml(werkmap / "aanbesteding.yaml", data)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(werkmap)])
    assert res.exit_code == 0, res.output


def test_een_naam_van_alleen_spaties_is_een_invoerfout(tmp_path: Path) -> None:
    """`naam: ' '` passed the schema's 'not empty' (minLength 1): the systematiek was published with a blank tender
    name, penvoerder, lot name and subregio, and a letter would address a blank. Every such field is an input error
    at its own line now, as an empty one was."""
    data = kleine_aanbesteding(naam=" ", penvoerder="  ")
    data["gemeenten"][2]["subregio"] = " "
    data["percelen"]["B1"]["naam"] = "\t"
    data["afzender"]["adres"] = ["Postbus 1", " "]
    data["rechtsbescherming"] = {"rechtbank": " "}
    werkmap = maak_werkmap(tmp_path / "ws", data)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(werkmap)])
    assert res.exit_code == 2, res.output
    for veld in ("naam", "penvoerder", "gemeenten[3].subregio", "percelen.B1.naam", "afzender.adres[2]"):
        assert f"aanbesteding.yaml: {veld} (regel " in res.output, (veld, res.output)
    assert "aanbesteding.yaml: rechtsbescherming.rechtbank (regel " in res.output
    assert res.output.count("bevat alleen witruimte") == 6, res.output
    assert not (werkmap / "gunningssystematiek.html").exists()
    data = kleine_aanbesteding(naam="")
    schrijf_yaml(werkmap / "aanbesteding.yaml", data)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(werkmap)])
    assert res.exit_code == 2 and "aanbesteding.yaml: naam (regel 1): mag niet leeg zijn" in res.output, res.output


def test_een_getal_met_een_voorloopnul_wordt_niet_octaal_gelezen(tmp_path: Path) -> None:
    """`inburgeraars: {B1: 012}` (numbers aligned with leading zeros) was read by YAML 1.1 as the octal 10, in
    silence: the systematiek published 10 expected a year where the gemeente wrote 12. `0x0c` and `1:20`
    (sexagesimal, 80) the same. An input error at the line now, with the number meant; 1_000 stays a thousand."""
    werkmap = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    pad = werkmap / "aanbesteding.yaml"
    tekst = pad.read_text(encoding="utf-8")
    assert tekst.count("B1: 10\n") == 1 and tekst.count("B1: 6\n") == 1 and "standstill_dagen" not in tekst
    pad.write_text(
        tekst.replace("B1: 10\n", "B1: 012\n").replace("B1: 6\n", "B1: 0x06\n") + "standstill_dagen: 1:20\n",
        encoding="utf-8",
    )
    regels = pad.read_text(encoding="utf-8").splitlines()
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(werkmap)])
    assert res.exit_code == 2, res.output
    r012, r006, r020 = (next(i for i, r in enumerate(regels, 1) if t in r) for t in ("012", "0x06", "1:20"))
    assert (
        f"aanbesteding.yaml: gemeenten[1].inburgeraars.B1 (regel {r012}): '012' leest YAML als het octale getal 10; "
        "bedoelt u het getal 12, schrijf het dan zonder voorloopnul; is het tekst (zoals een telefoonnummer), zet het "
        "tussen aanhalingstekens: '012'" in " ".join(res.output.split())
    ), res.output
    assert f"gemeenten[2].inburgeraars.B1 (regel {r006}): '0x06' leest YAML als het getal 6" in res.output
    assert f"standstill_dagen (regel {r020}): '1:20' leest YAML als het getal 80" in res.output
    assert not (werkmap / "gunningssystematiek.html").exists()
    pad.write_text(tekst + "standstill_dagen: 2_0\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(werkmap)])
    assert res.exit_code == 0, res.output


def test_een_peildatum_van_het_keurmerk_voor_de_publicatie_is_een_invoerfout(tmp_path: Path) -> None:
    """`keurmerk_peildatum: 2025-02-16` in a tender published 5 January 2026 (the year mistyped) was accepted: the
    knock-out tested each keurmerk on a day before the tender existed, so one that expired in 2025 passed, and the
    systematiek published that date. The order of the dates now also holds at the start: an input error at the
    line. On the day of publication is allowed."""
    data = kleine_aanbesteding()
    data["data"]["keurmerk_peildatum"] = "2025-02-16"
    werkmap = maak_werkmap(tmp_path / "ws", data)
    regel = next(
        i for i, r in enumerate((werkmap / "aanbesteding.yaml").read_text(encoding="utf-8").splitlines(), 1)
        if "keurmerk_peildatum" in r
    )  # fmt: skip
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(werkmap)])
    assert res.exit_code == 2, res.output
    assert (
        f"aanbesteding.yaml: data.keurmerk_peildatum (regel {regel}): de peildatum van het keurmerk (16 februari 2025) "
        "ligt voor de publicatie (5 januari 2026)" in " ".join(res.output.split())
    ), res.output
    data["data"]["keurmerk_peildatum"] = "2026-01-05"
    schrijf_yaml(werkmap / "aanbesteding.yaml", data)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(werkmap)])
    assert res.exit_code == 0, res.output


def test_twee_budgetten_voor_dezelfde_gemeente_zijn_een_invoerfout(tmp_path: Path) -> None:
    """`budget_per_gemeente: {Noord: 500000, noord: 100000}`: both keys are gemeente Noord (case does not count), and
    the second replaced the first in silence: the systematiek published EUR 100.000 for Noord and the allocation
    kept to it. Which one was meant cannot be told: an input error at the second key, naming the first."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["verdeling"] = {"budget_per_gemeente": {"Noord": 500000, "gemeente noord": 100000}}
    werkmap = maak_werkmap(tmp_path / "ws", data)
    regel = next(
        i for i, r in enumerate((werkmap / "aanbesteding.yaml").read_text(encoding="utf-8").splitlines(), 1)
        if "gemeente noord" in r
    )  # fmt: skip
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(werkmap)])
    assert res.exit_code == 2, res.output
    assert (
        f"aanbesteding.yaml: percelen.B1.verdeling.budget_per_gemeente.gemeente noord (regel {regel}): 'gemeente "
        "noord' is de gemeente Noord, die al een budget heeft (Noord: EUR 500.000,00); noem iedere gemeente één keer"
        in " ".join(res.output.split())
    ), res.output
    assert not (werkmap / "gunningssystematiek.html").exists()


def test_een_gemeente_twee_keer_in_de_lijst_van_een_perceel_ook_anders_geschreven(tmp_path: Path) -> None:
    """`gemeenten: [Noord, noord, Oost]`: the schema refuses the same name twice ('bevat ... twee keer'), but the
    same gemeente in other capitals passed and the lot held Noord twice (and a bid for 'alle' served it twice). Now
    the same error, at the second name."""
    data = kleine_aanbesteding()
    data["gemeenten"][2]["inburgeraars"]["B1"] = 0
    data["percelen"]["B1"]["gemeenten"] = ["Noord", "Oost", "gemeente NOORD"]
    werkmap = maak_werkmap(tmp_path / "ws", data)
    regel = next(
        i for i, r in enumerate((werkmap / "aanbesteding.yaml").read_text(encoding="utf-8").splitlines(), 1)
        if "gemeente NOORD" in r
    )  # fmt: skip
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(werkmap)])
    assert res.exit_code == 2, res.output
    assert (
        f"aanbesteding.yaml: percelen.B1.gemeenten[3] (regel {regel}): 'gemeente NOORD' is de gemeente Noord, die al "
        "in de lijst staat (percelen.B1.gemeenten[1]); noem iedere gemeente één keer" in " ".join(res.output.split())
    ), res.output


def test_een_opslag_als_percentage_is_een_invoerfout(tmp_path: Path) -> None:
    """`raammaximum: {opslag: 5}` meant 5% (the README writes 0.25 for 25%), and was read as 500%: the maximum became
    6 x the expectation (10 + 6 + 4 = 20 a year over 2 years: 40 expected, maximum 240 trajectories, EUR 2.400.000
    against the threshold, where 42 and EUR 420.000 were meant). A share above 1 (100%) is an input error at the line
    with the share it would mean; a maximum that large is given as a fixed number (trajecten). 1 itself passes."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["raammaximum"] = {"opslag": 5}
    werkmap = maak_werkmap(tmp_path / "ws", data)
    regel = next(
        i for i, r in enumerate((werkmap / "aanbesteding.yaml").read_text(encoding="utf-8").splitlines(), 1)
        if "opslag" in r
    )  # fmt: skip
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(werkmap)])
    assert res.exit_code == 2, res.output
    assert (
        f"aanbesteding.yaml: percelen.B1.raammaximum.opslag (regel {regel}): opslag 5 is een deel van de verwachting "
        "(0.25 = 25%), dus 500% erboven; bedoelt u 0.05 (5%)?" in " ".join(res.output.split())
    ), res.output
    assert "raammaximum: {trajecten: 240}" in " ".join(res.output.split()), res.output
    data["percelen"]["B1"]["raammaximum"] = {"opslag": 1}
    schrijf_yaml(werkmap / "aanbesteding.yaml", data)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(werkmap)])
    assert res.exit_code == 0, res.output


def test_de_schemas_hebben_iedere_sleutel_een_keer() -> None:
    """JSON keeps the last of two equal keys in silence, so a rule written twice in a schema (or two different
    values for one keyword) would leave only one of them in force, unseen."""
    import json

    def zonder_dubbele(paren: list[tuple[str, object]]) -> dict[str, object]:
        sleutels = [k for k, _ in paren]
        assert len(sleutels) == len(set(sleutels)), sleutels
        return dict(paren)

    schemas = sorted((Path(__file__).resolve().parents[1] / "criteria" / "schema").glob("*.schema.json"))
    assert len(schemas) == 4
    for pad in schemas:
        json.loads(pad.read_text(encoding="utf-8"), object_pairs_hook=zonder_dubbele)


def test_aantallen_en_bedragen_boven_wat_een_inschrijving_kan_zijn_invoerfouten(tmp_path: Path) -> None:
    """A bid's capacity is at most 100.000 a year per lot and its price at most EUR 1.000.000 (inschrijving.velden):
    above that no real bid. The tender itself had no such bound: `inburgeraars: {B1: 4000000000}` (a pasted number)
    and `plafondprijs: 1000000000` passed, and the systematiek published them with an estimated value of EUR
    100.000.000.000.000. Each is an input error at its line now, with the same bounds as the bid."""
    from evaluatie.inschrijving.velden import MAX_CAPACITEIT, MAX_PRIJS

    data = kleine_aanbesteding()
    data["gemeenten"][0]["inburgeraars"]["B1"] = 4_000_000_000
    data["percelen"]["B1"]["plafondprijs"] = 1_000_000_000
    werkmap = maak_werkmap(tmp_path / "ws", data)
    regels = (werkmap / "aanbesteding.yaml").read_text(encoding="utf-8").splitlines()
    aantal, plafond = (next(i for i, r in enumerate(regels, 1) if t in r) for t in (": 4000000000", ": 1000000000"))
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(werkmap)])
    assert res.exit_code == 2, res.output
    uit = " ".join(res.output.split())
    assert f"gemeenten[1].inburgeraars.B1 (regel {aantal}): moet <= {MAX_CAPACITEIT} zijn, kreeg 4000000000" in uit
    assert f"percelen.B1.plafondprijs (regel {plafond}): moet <= {MAX_PRIJS} zijn, kreeg 1000000000" in uit, uit
    data["gemeenten"][0]["inburgeraars"]["B1"] = MAX_CAPACITEIT
    data["percelen"]["B1"]["plafondprijs"] = MAX_PRIJS
    schrijf_yaml(werkmap / "aanbesteding.yaml", data)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(werkmap)])
    assert res.exit_code == 0, res.output


def test_een_dubbele_punt_zonder_spatie_wordt_bij_zijn_eigen_regel_gemeld(tmp_path: Path) -> None:
    """`penvoerder:Gemeente Noord` (no space after the colon) is no key for YAML, so the parser stopped at the next
    line and the message named that line with 'een sleutel zonder dubbele punt erachter': the user looked at a
    correct line for a colon that was there. The message names the line the key starts on and the missing space."""
    werkmap = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    pad = werkmap / "aanbesteding.yaml"
    tekst = pad.read_text(encoding="utf-8")
    assert tekst.splitlines()[1] == "penvoerder: Gemeente Noord"
    pad.write_text(tekst.replace("penvoerder: Gemeente Noord", "penvoerder:Gemeente Noord"), encoding="utf-8")
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(werkmap)])
    assert res.exit_code == 2, res.output
    assert (
        "aanbesteding.yaml (regel 2, kolom 1): geen geldige YAML: deze regel is geen sleutel met een waarde: na de "
        "dubbele punt hoort een spatie (penvoerder: ..., niet penvoerder:...), of de dubbele punt ontbreekt"
        in " ".join(res.output.split())
    ), res.output


def test_een_dubbele_punt_zonder_spatie_in_een_lijst_noemt_de_regel_ervoor(tmp_path: Path) -> None:
    """`- naam:Oost` is one text for YAML ('naam:Oost'), so the parser stops at the next line, 'subregio: A', with a
    colon 'op een plek waar dat niet kan': a correct line. The message now also names the line before it, where the
    space after the colon is missing."""
    werkmap = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    pad = werkmap / "aanbesteding.yaml"
    tekst = pad.read_text(encoding="utf-8")
    assert tekst.count("- naam: Oost\n") == 1
    pad.write_text(tekst.replace("- naam: Oost\n", "- naam:Oost\n"), encoding="utf-8")
    regel = next(i for i, r in enumerate(pad.read_text(encoding="utf-8").splitlines(), 1) if "naam:Oost" in r)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(werkmap)])
    assert res.exit_code == 2, res.output
    assert (
        f"(regel {regel + 1}, kolom 11): geen geldige YAML: een dubbele punt op een plek waar dat niet kan; "
        f"staat op regel {regel} een dubbele punt zonder spatie erna (naam:Oost, bedoeld: naam: Oost)?"
        in " ".join(res.output.split())
    ), res.output


def test_een_dubbele_sleutel_op_een_regel_noemt_die_regel_een_keer(tmp_path: Path) -> None:
    """`inburgeraars: {B1: 10, B1: 12}` said "'B1' staat twee keer in gemeenten[1].inburgeraars (regel 28 en regel
    28)", as if two lines were meant; one line is named once now. Two lines are still named both."""
    werkmap = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    pad = werkmap / "aanbesteding.yaml"
    tekst = pad.read_text(encoding="utf-8")
    assert tekst.count("  inburgeraars:\n    B1: 10\n") == 1
    pad.write_text(tekst.replace("  inburgeraars:\n    B1: 10\n", "  inburgeraars: {B1: 10, B1: 12}\n"), "utf-8")
    regel = next(i for i, r in enumerate(pad.read_text(encoding="utf-8").splitlines(), 1) if "B1: 12" in r)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(werkmap)])
    assert res.exit_code == 2, res.output
    assert (
        f"gemeenten[1].inburgeraars.B1 (regel {regel}): 'B1' staat twee keer in gemeenten[1].inburgeraars (beide op "
        f"regel {regel}); houd er één" in " ".join(res.output.split())
    ), res.output


def test_een_gemeente_zonder_aantal_in_een_perceel_met_alle_zegt_hoe_zij_eruit_gaat(tmp_path: Path) -> None:
    """A gemeente that joins only another lot (here: none of B1) writes no B1 number; with `gemeenten: alle` the
    message said only 'neemt deel aan perceel B1 maar geeft geen verwacht aantal', not that 'alle' made her a
    participant nor how to leave her out. It says both now; with a list, that the list names her."""
    data = kleine_aanbesteding()
    data["gemeenten"][2]["inburgeraars"] = {}
    werkmap = maak_werkmap(tmp_path / "ws", data)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(werkmap)])
    assert res.exit_code == 2, res.output
    assert (
        "gemeente Zuid neemt deel aan perceel B1 (percelen.B1.gemeenten: alle) maar geeft geen verwacht aantal; vul "
        "het in (B1: 0 als zij er geen inburgeraars verwacht), of noem onder percelen.B1.gemeenten alleen de "
        "gemeenten die meedoen" in " ".join(res.output.split())
    ), res.output
    data["percelen"]["B1"]["gemeenten"] = ["Noord", "Oost", "Zuid"]
    schrijf_yaml(werkmap / "aanbesteding.yaml", data)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(werkmap)])
    assert (
        "gemeente Zuid neemt deel aan perceel B1 (percelen.B1.gemeenten noemt haar) maar geeft geen verwacht aantal; "
        "vul het in (B1: 0 als zij er geen inburgeraars verwacht), of haal haar uit percelen.B1.gemeenten"
        in " ".join(res.output.split())
    ), res.output


def test_een_telefoonnummer_met_voorloopnul_krijgt_het_advies_van_aanhalingstekens(tmp_path: Path) -> None:
    """`telefoon: 0351234567` (digits 0-7 only) is the octal number 61159799 for YAML. The message for a leading zero
    said 'schrijf een getal zonder voorloopnul', which for a telephone number drops its zero; it names the quotes
    too now."""
    data = kleine_aanbesteding()
    werkmap = maak_werkmap(tmp_path / "ws", data)
    pad = werkmap / "aanbesteding.yaml"
    tekst = pad.read_text(encoding="utf-8")
    assert tekst.count("email: inkoop@noord.example\n") == 1
    pad.write_text(
        tekst.replace("email: inkoop@noord.example\n", "email: inkoop@noord.example\n    telefoon: 0351234567\n"),
        encoding="utf-8",
    )
    regel = next(i for i, r in enumerate(pad.read_text(encoding="utf-8").splitlines(), 1) if "0351234567" in r)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(werkmap)])
    assert res.exit_code == 2, res.output
    assert (
        f"afzender.contactpersoon.telefoon (regel {regel}): '0351234567' leest YAML als het octale getal 61159799; bedoelt u "
        "het getal 351234567, schrijf het dan zonder voorloopnul; is het tekst (zoals een telefoonnummer), zet het "
        "tussen aanhalingstekens: '0351234567'" in " ".join(res.output.split())
    ), res.output


@pytest.mark.parametrize(
    ("teken", "naam"),
    [("\u202e", "RIGHT-TO-LEFT OVERRIDE"), ("\u2067", "RIGHT-TO-LEFT ISOLATE")],
)
def test_onzichtbaar_teken_in_een_naam_uit_de_yaml_is_een_fout(tmp_path: Path, teken: str, naam: str) -> None:
    """A criterion's name with a right-to-left override printed backwards in every form, letter and the systematiek.
    The YAML refused only control characters; now also what a reviewer's motivation may not hold, at its path and
    line (a soft hyphen or zero-width space pasted from Word stays allowed, as there)."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["gunningscriteria"]["K2"]["naam"] = f"Samen{teken}werking"
    werkmap = maak_werkmap(tmp_path / "ws", data)
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(werkmap)])
    assert res.exit_code == 2, res.output
    uit = " ".join(res.output.split())
    assert "aanbesteding.yaml: percelen.B1.gunningscriteria.K2.naam (regel" in uit, uit
    assert f"tekst bevat het onzichtbare teken U+{ord(teken):04X} ({naam})" in uit, uit
