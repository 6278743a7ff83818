"""The pydantic models carry their field types as objects, not as text (no `from __future__ import annotations` in a
module that defines one): with text, pydantic evaluates every field's annotation when the class is created (a
ForwardRef compiled and evaluated per field), about 4 ms of every command that loads the models (issue #24)."""

from __future__ import annotations

import importlib

import pydantic
import pytest

from tests.test_importgraaf import modules


def _modelmodules() -> list[str]:
    return sorted(
        naam
        for naam, pad in modules().items()
        if "BaseModel" in (tekst := pad.read_text(encoding="utf-8")) and "class " in tekst
    )


@pytest.mark.parametrize("naam", _modelmodules())
def test_veldtypen_als_objecten(naam: str) -> None:
    module = importlib.import_module(naam)
    modellen = [
        v
        for v in vars(module).values()
        if isinstance(v, type) and issubclass(v, pydantic.BaseModel) and v.__module__ == naam
    ]
    tekst = {
        f"{m.__name__}.{veld}": soort
        for m in modellen
        for veld, soort in vars(m).get("__annotations__", {}).items()
        if isinstance(soort, str)
    }
    assert not tekst, f"{naam}: veldtypen als tekst (from __future__ import annotations?): {sorted(tekst)}"
