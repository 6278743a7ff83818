"""A contract manager's first commands on the example's register: a misspelt gemeente gets the closest names, and a
date the manager did not type (--peildatum, today by default) is said to be today's, with the term to choose from,
together with every other error of the call."""

from __future__ import annotations

from pathlib import Path

from tests.test_contract import _run, gestart

__all__ = ["gestart"]  # the module fixture: the example awarded and its contract started on 1 January 2022


def _uit(*args: object) -> tuple[int, str]:
    r = _run(*args)
    return r.exit_code, " ".join(r.output.split())


def test_een_verschreven_gemeente_krijgt_de_dichtstbijzijnde_naam(gestart: Path) -> None:
    for opdracht in (
        ("contract", "advies"),
        ("contract", "keuze", "--klant", "K1", "--aanbieder", "Kompas Inburgering"),
    ):
        code, uit = _uit(
            *opdracht,
            "--werkmap",
            gestart,
            "--gemeente",
            "Hilversun",
            "--route",
            "B1",
            "--peildatum" if opdracht[1] == "advies" else "--datum",
            "2023-01-01",
        )
        assert code == 2, uit
        assert "--gemeente: 'Hilversun' is geen gemeente van dit contract; bedoelt u Hilversum?" in uit


def test_een_peildatum_die_niet_is_opgegeven_heet_vandaag_en_komt_met_de_andere_fouten(gestart: Path) -> None:
    """The example's contract runs 2022-2023 (its option year 2024 not exercised); without --peildatum the date is
    today, after the term. The error named '--peildatum' as if typed, hid the misspelt gemeente of the same call, and
    gave no date to choose."""
    import datetime as dt

    vandaag = dt.date.today().isoformat()
    termijn = "kies een --peildatum van 2022-01-01 tot en met 2023-12-31"
    code, uit = _uit("contract", "advies", "--werkmap", gestart, "--gemeente", "Hilversun", "--route", "B1")
    assert code == 2, uit
    assert (
        f"--peildatum: niet opgegeven, dus vandaag ({vandaag}); dat ligt na het einde van de looptijd (2 jaar, tot en "
        "met 2023-12-31); optiejaar 3 (tot en met 2024-12-31) is nog niet uitgeoefend: 'evaluatie contract optiejaar' "
        f"legt dat besluit vast; {termijn}"
    ) in uit
    assert "--gemeente: 'Hilversun' is geen gemeente van dit contract; bedoelt u Hilversum?" in uit
    code, uit = _uit("contract", "stand", "--werkmap", gestart)
    assert code == 2 and f"--peildatum: niet opgegeven, dus vandaag ({vandaag})" in uit, uit
    code, uit = _uit("contract", "stand", "--werkmap", gestart, "--peildatum", "2025-03-01")  # typed: said as typed
    assert code == 2
    assert (
        "--peildatum: 2025-03-01 ligt na het einde van de looptijd (2 jaar, tot en met 2023-12-31); optiejaar 3 (tot "
        f"en met 2024-12-31) is nog niet uitgeoefend: 'evaluatie contract optiejaar' legt dat besluit vast; {termijn}"
        in uit
    )


def test_een_verkorte_of_verschreven_aanbieder_krijgt_de_naam_uit_het_register(gestart: Path, tmp_path: Path) -> None:
    """'Kompas' for Kompas Inburgering, in a placement list, an own choice and a drop-out: the error named the
    typed name only ('heeft geen contract'), not the supplier meant."""
    lijst = tmp_path / "hilversum.csv"
    lijst.write_text(
        "klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag\nK0002;Huizen;aangemeld;10-02-2022;B1;Kompas;\n",
        encoding="utf-8",
    )
    code, uit = _uit("contract", "inlezen", "--werkmap", gestart, "--datum", "2022-03-01", lijst)
    assert code == 2
    assert "hilversum.csv!F2: aanbieder 'Kompas' heeft geen contract; bedoelt u Kompas Inburgering?" in uit
    keuze = ["contract", "keuze", "--werkmap", gestart, "--gemeente", "Huizen", "--route", "B1", "--klant", "K9"]
    code, uit = _uit(*keuze, "--aanbieder", "Kompas", "--datum", "2022-03-01")
    assert code == 2
    assert "--aanbieder: Kompas heeft geen contract; bedoelt u Kompas Inburgering?" in uit
    uitval = ["contract", "uitval", "--werkmap", gestart, "--route", "B1", "--per", "2022-06-01"]
    code, uit = _uit(*uitval, "--aanbieder", "Kompas Inburgerng")
    assert code == 2
    assert "--aanbieder: Kompas Inburgerng heeft geen contract; bedoelt u Kompas Inburgering?" in uit


def test_een_datum_van_een_contractbesluit_die_niet_is_opgegeven_heet_vandaag(gestart: Path) -> None:
    """contract keuze and wijziging without --datum take today, after the example's term (2022-2024): the error
    named '--datum: <today> ligt na het einde' as if typed. Said now as peildatum is: not given, so today."""
    import datetime as dt

    vandaag = f"--datum: niet opgegeven, dus vandaag ({dt.date.today().isoformat()}); dat ligt na het einde"
    keuze = ["contract", "keuze", "--werkmap", gestart, "--gemeente", "Huizen", "--route", "B1", "--klant", "K9"]
    code, uit = _uit(
        *keuze, "--aanbieder", "Kompas Inburgering", "--door", "S. Jansen, contractmanager", "--reden", "x"
    )
    assert code == 2 and vandaag in uit, uit
    wijziging = ["contract", "wijziging", "--werkmap", gestart, "--route", "B1", "--soort", "indexatie"]
    code, uit = _uit(*wijziging, "--waarde", "1000", "--grondslag", "art. 2.163b Aw 2012", "--alleen-toetsen")
    assert code == 2 and vandaag in uit, uit
    code, uit = _uit(
        *wijziging,
        "--waarde",
        "1000",
        "--grondslag",
        "art. 2.163b Aw 2012",
        "--alleen-toetsen",
        "--datum",
        "2025-02-01",
    )
    assert code == 2 and "--datum: 2025-02-01 ligt na het einde" in uit, uit
