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
