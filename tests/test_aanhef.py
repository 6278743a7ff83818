"""The salutation parser on contact fields shaped as bidders really fill them in.

Every expected salutation is written by hand from Dutch business-letter convention; a field the
parser cannot read with certainty must give the neutral salutation and a warning, never a guess.
"""

from __future__ import annotations

import pytest

from evaluatie.rapport.aanhef import NEUTRAAL, lees_aanhef
from evaluatie.rapport.brieven import aanhef

ZEKER = [
    ("De heer T. Smit, directeur", "Geachte heer Smit,"),
    # a particle glued on by an apostrophe opens the surname, capitalised as any opening particle (was neutral)
    ("mevrouw J. d'Arc", "Geachte mevrouw D'Arc,"),
    ("De heer P. d\u2019Hondt", "Geachte heer D\u2019Hondt,"),
    ("mevrouw Hedy d'Ancona", "Geachte mevrouw D'Ancona,"),
    ("Mevr. A. Yilmaz-de Wit", "Geachte mevrouw Yilmaz-de Wit,"),
    ("de heer T. Smit", "Geachte heer Smit,"),
    ("mevrouw E. de Boer", "Geachte mevrouw De Boer,"),
    ("mevrouw A. van der Berg", "Geachte mevrouw Van der Berg,"),
    ("de heer K. El Amrani", "Geachte heer El Amrani,"),
    ("Dhr. Jan de Vries", "Geachte heer De Vries,"),
    ("mw. Fatma Yilmaz", "Geachte mevrouw Yilmaz,"),
    ("Jan de Vries", "Geachte Jan de Vries,"),
    ("dhr. dr. ir. J.W. van den Berg MBA", "Geachte heer Van den Berg,"),
    ("Mevrouw mr. S. Bakker-van Dijk, accountmanager", "Geachte mevrouw Bakker-van Dijk,"),
    ("t.a.v. de heer P. Jansen", "Geachte heer Jansen,"),
    ("De heer H. 't Hart", "Geachte heer 't Hart,"),
    ("Mevrouw Anne-Marie Visser", "Geachte mevrouw Visser,"),
    ("Mevrouw Ayse Yilmaz-de Wit", "Geachte mevrouw Yilmaz-de Wit,"),
    ("de heer R. (Rob) Mulder", "Geachte heer Mulder,"),
    ("Smit, T.", "Geachte T. Smit,"),
    ("mr. A.B. de Vries", "Geachte A.B. de Vries,"),
    ("Directeur: de heer B. Kok", "Geachte heer Kok,"),
    ("de heer A. Smit en mevrouw B. Jansen", "Geachte heer Smit en mevrouw Jansen,"),
    ("Directie", "Geachte directie,"),
    ("mevr. drs. L. ter Horst (tendermanager)", "Geachte mevrouw Ter Horst,"),
    ("Dhr P. van 't Veer", "Geachte heer Van 't Veer,"),
]

ONZEKER = [
    "De Vries (Kompas Noord)",  # no heer or mevrouw, no first name: gender and form unknown
    "",
    "directeur",
    "Tenderteam Taalhuis",
    "info@taalhuis.example.nl",
    "de heer Mohamed Ben Ali Hassan",  # four words, no tussenvoegsel or initials: which is the surname?
    "Jansen",
    "de heer jansen",
    "Office manager de heer Kok",
]


@pytest.mark.parametrize(("veld", "verwacht"), ZEKER)
def test_zekere_aanhef(veld: str, verwacht: str) -> None:
    a = lees_aanhef(veld)
    assert (a.tekst, a.waarschuwing) == (verwacht, None)
    assert aanhef(veld) == verwacht  # as the letter writes it (rapport.brieven)


@pytest.mark.parametrize("veld", ONZEKER)
def test_onzeker_geeft_neutraal_met_waarschuwing(veld: str) -> None:
    a = lees_aanhef(veld)
    assert a.tekst == aanhef(veld) == NEUTRAAL == "Geachte heer, mevrouw,"
    assert a.waarschuwing and not a.zeker


def test_minstens_twintig_velden() -> None:
    assert len(ZEKER) + len(ONZEKER) >= 20
