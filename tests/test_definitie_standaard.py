"""A model field's all-defaults instance (definitie.model._standaard) is the instance Model() makes."""

from __future__ import annotations

from evaluatie.definitie import model


def _standaardvelden() -> list[tuple[type[model.Model], str, type[model.Model]]]:
    uit = []
    for klasse in vars(model).values():
        if isinstance(klasse, type) and issubclass(klasse, model.Model):
            for naam, veld in klasse.model_fields.items():
                if isinstance(veld.default, model.Model):
                    uit.append((klasse, naam, type(veld.default)))
    return uit


def test_alle_acht_gevonden() -> None:
    assert {(k.__name__, n) for k, n, _ in _standaardvelden()} == {
        ("Perceel", "raammaximum"),
        ("Perceel", "weging"),
        ("Perceel", "verdeling"),
        ("Aanbesteding", "looptijd"),
        ("Aanbesteding", "beoordeling"),
        ("Aanbesteding", "afzender"),
        ("Aanbesteding", "rechtsbescherming"),
        ("Aanbesteding", "openbaarmaking"),
    }


def test_zelfde_als_gevalideerd() -> None:
    for klasse, naam, soort in _standaardvelden():
        standaard = klasse.model_fields[naam].default
        gevalideerd = soort()
        assert standaard == gevalideerd, (klasse.__name__, naam)
        assert standaard.model_fields_set == gevalideerd.model_fields_set == set()
        assert standaard.model_dump() == gevalideerd.model_dump()
        assert standaard.model_dump_json() == gevalideerd.model_dump_json()
        assert repr(standaard) == repr(gevalideerd)
        assert {k: type(v) for k, v in vars(standaard).items()} == {k: type(v) for k, v in vars(gevalideerd).items()}
