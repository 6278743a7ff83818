"""The bid form's fixed vocabulary: shared by the form writer and the reader so they cannot drift."""

TABBLAD_INSCHRIJVER = "Inschrijver"
TABBLAD_PERCELEN = "Percelen"
TABBLAD_INSTRUCTIE = "Instructie"
TABBLAD_PERCEELGEGEVENS = "Perceelgegevens"
TITEL = "Inschrijfformulier - "  # + the tender's name: Instructie!A1, checked on reading (inschrijving.herkomst)

NAAM = "Naam"
KVK = "KvK-nummer"
CONTACT = "Contactpersoon"
EMAIL = "E-mail"
KEURMERK = "Blik op Werk keurmerk (ja/nee)"
KEURMERK_NUMMER = "Keurmerk certificaatnummer"
KEURMERK_GELDIG = "Keurmerk geldig tot"
UITSLUITING = "Uitsluitingsgronden van toepassing (ja/nee)"

INSCHRIJVER_VELDEN = (NAAM, KVK, CONTACT, EMAIL, KEURMERK, KEURMERK_NUMMER, KEURMERK_GELDIG, UITSLUITING)

PERCEEL_KOLOMMEN = (
    "Perceel",
    "Prijs per traject",
    "Capaciteit per jaar",
    "Instroommomenten per jaar",
    "Maximale wachttijd (weken)",
    "Gemeenten",
)
