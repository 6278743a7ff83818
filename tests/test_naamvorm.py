"""One form for names (evaluatie.naamvorm): look-alikes compare equal and get the same file name."""

from __future__ import annotations

import unicodedata

from evaluatie.bestandsnamen import veilige_naam
from evaluatie.naamvorm import sleutel, vorm

NFC = unicodedata.normalize("NFC", "Café Ünal Taalschool")
NFD = unicodedata.normalize("NFD", "Café Ünal Taalschool")


def test_nfc_en_nfd_zijn_een_naam() -> None:
    assert NFC != NFD
    assert vorm(NFD) == NFC
    assert sleutel(NFC) == sleutel(NFD) == sleutel("  CAFÉ\u00a0ünal   taalschool ")


def test_verschillende_namen_blijven_verschillend() -> None:
    assert sleutel("Café Taal") != sleutel("Cafe Taal")  # an accent is a different letter on paper
    assert sleutel("Taal-punt") != sleutel("Taal punt")


def test_bestandsnaam_hangt_niet_af_van_de_schrijfwijze() -> None:
    # 'Ø' has no ASCII form, so the file name carries a hash of the full name: that hash must not
    # depend on how the 'é' was stored, nor on a double or non-breaking space
    nfc = unicodedata.normalize("NFC", "Øresund Café")
    nfd = unicodedata.normalize("NFD", "Øresund Café")
    assert veilige_naam(nfc) == veilige_naam(nfd) == veilige_naam("Øresund\u00a0 Café")
    assert veilige_naam(nfc) != veilige_naam("Øresund Cafe")


def test_straße_en_strasse() -> None:
    assert sleutel("Taalstraße") == sleutel("TAALSTRASSE")
