"""Progress of a long proof (issue #24): shown, never cut off; the clock decides only when a line is printed."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace

from evaluatie.verdeling import voortgang


def test_regel_noemt_beste_verdeling_en_grens() -> None:
    regel = voortgang.regel("B1-route", "stap4", 12.4, 83_656_122_640.0, 83_902_915_544.0)
    assert regel == (
        "Perceel B1-route, stap 4 per gemeente: na 12 s beste verdeling tot nu toe 83.656.122.640, grens "
        "83.902.915.544 (nog 0,2950% verschil); het bewijs van het optimum loopt nog, evaluatie rekent door"
    )
    zonder = voortgang.regel("Z-route", "volledig", 5.0, None, None)
    assert "nog geen verdeling gevonden" in zonder and "grens" not in zonder


def test_volg_meldt_via_de_melder_en_rekent_door(monkeypatch) -> None:
    """A HiGHS engine gets a callback that reports through the registered melder and never
    interrupts the solver; without a melder, or for CBC, nothing is subscribed. The values are those of the
    original objective: the constant by which HiGHS's objective was shifted (dualverschuiving) is added back."""
    abonnees: list[Callable[[SimpleNamespace], None]] = []
    motor = SimpleNamespace(
        naam="highs", verschuiving=100, h=SimpleNamespace(cbMipInterrupt=SimpleNamespace(subscribe=abonnees.append))
    )
    voortgang.zet_melder(None)
    voortgang.volg(motor, "B1", "stap4")
    assert abonnees == []
    regels: list[str] = []
    voortgang.zet_melder(regels.append)
    try:
        monkeypatch.setattr(voortgang, "INTERVAL", 0.0)
        voortgang.volg(SimpleNamespace(naam="cbc"), "B1", "stap4")
        voortgang.volg(motor, "B1", "stap4")
        assert len(abonnees) == 1
        gebeurtenis = SimpleNamespace(
            data_out=SimpleNamespace(mip_primal_bound=10.0, mip_dual_bound=12.0), data_in=SimpleNamespace()
        )
        abonnees[0](gebeurtenis)
    finally:
        voortgang.zet_melder(None)
    assert not hasattr(gebeurtenis.data_in, "user_interrupt")  # the proof goes on
    assert regels and "beste verdeling tot nu toe 110, grens 112 (nog 1,8182% verschil)" in regels[0]
