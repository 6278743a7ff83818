"""The register's schema as an ordered list of migrations (PRAGMA user_version counts them).

Append-only by construction: triggers refuse UPDATE and DELETE on every table that records what
happened or what was decided. A changed fact is a new row that names the row it replaces and why
(gebeurtenis.vervangt + gebeurtenis.reden); the current state is the view `huidige_gebeurtenis`.
Never edit a migration that has shipped: add a new one.
"""

from __future__ import annotations

_ALLEEN_TOEVOEGEN = (
    "besluit",
    "contract",
    "perceel",
    "leverancier",
    "gemeente",
    "toewijzing",
    "inlezing",
    "plaatsing",
    "gebeurtenis",
    "wijziging",
    "keuze",
    "uitval",
)


def _onveranderlijk(tabel: str) -> list[str]:
    return [
        f"CREATE TRIGGER {tabel}_geen_wijziging BEFORE UPDATE ON {tabel} "
        f"BEGIN SELECT RAISE(ABORT, '{tabel}: alleen toevoegen; een wijziging is een nieuwe regel met correctie'); END",
        f"CREATE TRIGGER {tabel}_geen_verwijdering BEFORE DELETE ON {tabel} "
        f"BEGIN SELECT RAISE(ABORT, '{tabel}: alleen toevoegen; verwijderen kan niet'); END",
    ]


_V1 = [
    """CREATE TABLE besluit (
        id INTEGER PRIMARY KEY,
        soort TEXT NOT NULL,
        datum TEXT NOT NULL,
        door TEXT NOT NULL CHECK (length(door) > 0),
        reden TEXT NOT NULL CHECK (length(reden) > 0),
        inhoud TEXT NOT NULL
    )""",
    """CREATE TABLE contract (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        aanbesteding TEXT NOT NULL,
        gunning_sha256 TEXT NOT NULL,
        startdatum TEXT NOT NULL,
        jaren INTEGER NOT NULL CHECK (jaren > 0),
        besluit_id INTEGER NOT NULL REFERENCES besluit(id)
    )""",
    """CREATE TABLE perceel (
        code TEXT PRIMARY KEY,
        naam TEXT NOT NULL,
        raam_trajecten INTEGER NOT NULL,
        raam_waarde REAL NOT NULL,
        plafondprijs REAL NOT NULL
    )""",
    """CREATE TABLE leverancier (
        perceel TEXT NOT NULL REFERENCES perceel(code),
        naam TEXT NOT NULL,
        prijs REAL NOT NULL,
        capaciteit INTEGER NOT NULL,
        wachttijd_weken REAL NOT NULL,
        rang INTEGER NOT NULL,
        gemeenten TEXT NOT NULL,
        PRIMARY KEY (perceel, naam)
    )""",
    """CREATE TABLE gemeente (
        naam TEXT PRIMARY KEY,
        volgorde INTEGER NOT NULL,
        subregio TEXT NOT NULL
    )""",
    """CREATE TABLE toewijzing (
        besluit_id INTEGER NOT NULL REFERENCES besluit(id),
        perceel TEXT NOT NULL,
        gemeente TEXT NOT NULL REFERENCES gemeente(naam),
        leverancier TEXT NOT NULL,
        jaar INTEGER NOT NULL,
        aantal INTEGER NOT NULL CHECK (aantal >= 0),
        PRIMARY KEY (besluit_id, perceel, gemeente, leverancier, jaar),
        FOREIGN KEY (perceel, leverancier) REFERENCES leverancier(perceel, naam)
    )""",
    """CREATE TABLE uitval (
        besluit_id INTEGER NOT NULL REFERENCES besluit(id),
        perceel TEXT NOT NULL,
        leverancier TEXT NOT NULL,
        datum TEXT NOT NULL,
        FOREIGN KEY (perceel, leverancier) REFERENCES leverancier(perceel, naam)
    )""",
    """CREATE TABLE inlezing (
        id INTEGER PRIMARY KEY,
        bestand TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        datum TEXT NOT NULL,
        nieuw INTEGER NOT NULL,
        gecorrigeerd INTEGER NOT NULL,
        ongewijzigd INTEGER NOT NULL
    )""",
    """CREATE TABLE plaatsing (
        id INTEGER PRIMARY KEY,
        gemeente TEXT NOT NULL REFERENCES gemeente(naam),
        klantnummer TEXT NOT NULL,
        UNIQUE (gemeente, klantnummer)
    )""",
    """CREATE TABLE gebeurtenis (
        id INTEGER PRIMARY KEY,
        plaatsing_id INTEGER NOT NULL REFERENCES plaatsing(id),
        soort TEXT NOT NULL CHECK (soort IN ('aangemeld', 'gestart', 'voortijdig_gestopt', 'afgerond', 'examen',
                                             'route_gewijzigd')),
        datum TEXT NOT NULL,
        perceel TEXT,
        leverancier TEXT,
        uitslag TEXT,
        inlezing_id INTEGER NOT NULL REFERENCES inlezing(id),
        plaats TEXT NOT NULL,
        vervangt INTEGER UNIQUE REFERENCES gebeurtenis(id),
        reden TEXT,
        CHECK ((vervangt IS NULL) = (reden IS NULL))
    )""",
    # a second fact of the same kind for a placement is only possible as a recorded correction
    """CREATE TRIGGER gebeurtenis_alleen_als_correctie BEFORE INSERT ON gebeurtenis
        WHEN NEW.vervangt IS NULL AND EXISTS (
            SELECT 1 FROM gebeurtenis WHERE plaatsing_id = NEW.plaatsing_id AND soort = NEW.soort)
        BEGIN SELECT RAISE(ABORT, 'gebeurtenis bestaat al; een wijziging wordt als correctie vastgelegd'); END""",
    """CREATE TRIGGER gebeurtenis_correctie_zelfde_plaatsing BEFORE INSERT ON gebeurtenis
        WHEN NEW.vervangt IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM gebeurtenis WHERE id = NEW.vervangt AND plaatsing_id = NEW.plaatsing_id
            AND soort = NEW.soort)
        BEGIN SELECT RAISE(ABORT, 'een correctie vervangt een gebeurtenis van dezelfde soort en plaatsing'); END""",
    """CREATE VIEW huidige_gebeurtenis AS
        SELECT g.* FROM gebeurtenis g WHERE NOT EXISTS (SELECT 1 FROM gebeurtenis h WHERE h.vervangt = g.id)""",
    """CREATE TABLE wijziging (
        besluit_id INTEGER NOT NULL REFERENCES besluit(id),
        perceel TEXT NOT NULL REFERENCES perceel(code),
        soort TEXT NOT NULL,
        grondslag TEXT NOT NULL,
        waarde REAL NOT NULL,
        extra_trajecten INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE keuze (
        besluit_id INTEGER NOT NULL REFERENCES besluit(id),
        gemeente TEXT NOT NULL REFERENCES gemeente(naam),
        perceel TEXT NOT NULL,
        klantnummer TEXT NOT NULL,
        advies TEXT,
        gekozen TEXT NOT NULL
    )""",
    "CREATE INDEX gebeurtenis_plaatsing ON gebeurtenis (plaatsing_id, soort)",
]
for _tabel in _ALLEEN_TOEVOEGEN:
    _V1 += _onveranderlijk(_tabel)

# Version 2: the procedure of every lot. An open-house lot (toelating) has no framework agreement with a
# maximum, so the register must know which lots are one. A register started under version 1 gets its rows
# from the award it was started from (evaluatie.contract.register.vul_procedures).
_V2 = [
    """CREATE TABLE perceelprocedure (
        perceel TEXT PRIMARY KEY REFERENCES perceel(code),
        procedure TEXT NOT NULL CHECK (procedure IN ('gunning', 'toelating'))
    )""",
    *_onveranderlijk("perceelprocedure"),
]

# Version 3: later entry to an open-house lot (evaluatie.contract.toetreding). The supplier is a row of
# `leverancier` like the award's; this table says from which day, on which bid (file and SHA-256) and by which
# decision. A supplier without a row here entered at the contract start.
_V3 = [
    """CREATE TABLE toetreding (
        besluit_id INTEGER NOT NULL REFERENCES besluit(id),
        perceel TEXT NOT NULL,
        leverancier TEXT NOT NULL,
        ontvangen TEXT NOT NULL,
        vanaf TEXT NOT NULL,
        bestand TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        PRIMARY KEY (perceel, leverancier),
        FOREIGN KEY (perceel, leverancier) REFERENCES leverancier(perceel, naam)
    )""",
    *_onveranderlijk("toetreding"),
]

# Version 4: the term as the tender set it, fixed years apart from option years (`looptijd`, one row written at
# the start), and every option year exercised, each by a recorded decision (`optie`). `contract.jaren` stays the
# whole term the tender allows (fixed plus option years): the allocation is stored for every one of those years. A
# register started before version 4 has no `looptijd` row: its start took the option years into the term (its
# start decision says so, "jaren"), and evaluatie.contract.lezen reads it that way.
_V4 = [
    """CREATE TABLE looptijd (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        vaste_jaren INTEGER NOT NULL CHECK (vaste_jaren > 0),
        optiejaren INTEGER NOT NULL CHECK (optiejaren >= 0)
    )""",
    """CREATE TABLE optie (
        besluit_id INTEGER NOT NULL REFERENCES besluit(id),
        jaar INTEGER NOT NULL UNIQUE CHECK (jaar > 0)
    )""",
    *_onveranderlijk("looptijd"),
    *_onveranderlijk("optie"),
]

# Version 5: the withdrawal of an event that was delivered wrongly (evaluatie.contract.intrekking). A recorded
# decision (`besluit`, soort 'intrekking', dated) names one event; the event row stays. Every view with a peildatum on
# or after the decision's date leaves the event out, one before it keeps it (evaluatie.contract.lezen). A new version,
# not only a kind of decision: an older evaluatie refuses this register instead of counting a withdrawn event.
_V5 = [
    """CREATE TABLE intrekking (
        besluit_id INTEGER NOT NULL UNIQUE REFERENCES besluit(id),
        gebeurtenis_id INTEGER NOT NULL UNIQUE REFERENCES gebeurtenis(id)
    )""",
    *_onveranderlijk("intrekking"),
]

# Version 6: a verlenging past the option years (evaluatie.contract.verlenging). The change itself is a `wijziging`
# row (kind 'verlenging', with its legal ground and value); this table adds the lot's new last day. The register
# keeps one term for every lot: it runs on once every lot with a framework agreement has such a row, to the
# earliest of their last days. A register of version 5 or lower has none: its term is that of the tender.
_V6 = [
    """CREATE TABLE verlenging (
        besluit_id INTEGER PRIMARY KEY REFERENCES besluit(id),
        perceel TEXT NOT NULL REFERENCES perceel(code),
        tot_en_met TEXT NOT NULL
    )""",
    *_onveranderlijk("verlenging"),
]


# Version 7: what every published quarterly report showed (evaluatie.contract.publicatie). A report's person counts
# are decided against everything published before; when the register changes for a quarter already published (a
# late correction, a withdrawal or decision dated back), the replay no longer gives what was shown then. So
# `contract kwartaal` records per publication the quarter, its peildatum, the day it was made and a number (the
# first, or one that replaces an earlier one), and every figure it showed: its key (which report and cell), the
# days it counts and the number. Only figures: no client number, no name. Later reports treat them as known.
_V7 = [
    """CREATE TABLE publicatie (
        id INTEGER PRIMARY KEY,
        kwartaal TEXT NOT NULL,
        peildatum TEXT NOT NULL,
        datum TEXT NOT NULL,
        volgnummer INTEGER NOT NULL CHECK (volgnummer > 0),
        UNIQUE (kwartaal, volgnummer)
    )""",
    """CREATE TABLE publicatiecijfer (
        publicatie_id INTEGER NOT NULL REFERENCES publicatie(id),
        rapport TEXT NOT NULL,
        sleutel TEXT NOT NULL,
        van TEXT,
        tot TEXT NOT NULL,
        waarde INTEGER NOT NULL CHECK (waarde >= 0),
        PRIMARY KEY (publicatie_id, sleutel, tot)
    )""",
    *_onveranderlijk("publicatie"),
    *_onveranderlijk("publicatiecijfer"),
]

# Version 8: every schema migration of an existing register, recorded in the register itself. A contract runs two or
# three years and evaluatie is updated meanwhile: a register written by an older version is migrated when a newer one
# opens it, after a copy of it as it was (evaluatie.contract.register.migreer). Each migration is a row: from which
# version to which, when, by which version of evaluatie, and the copy (its file name and SHA-256), so the contract file
# shows that the register changed form and where the register of before lies.
_V8 = [
    """CREATE TABLE schemamigratie (
        naar INTEGER PRIMARY KEY CHECK (naar > 1),
        van INTEGER NOT NULL CHECK (van = naar - 1),
        tijd TEXT NOT NULL,
        evaluatie TEXT NOT NULL,
        reservekopie TEXT NOT NULL,
        sha256 TEXT NOT NULL
    )""",
    *_onveranderlijk("schemamigratie"),
]

# Version 9: an indexatie given as a percentage (contract wijziging --percentage). The change is a `wijziging` row
# (kind 'indexatie', its value: the percentage of the room on its day, to the cent); this table keeps the percentage
# as typed (a decimal in text, '3.2', never a float), which decides the prices (evaluatie.contract.indexatie). A new
# version, not only a field of the decision: an older evaluatie refuses this register instead of reading the
# percentage's value as an amount whose prices follow the room.
_V9 = [
    """CREATE TABLE indexatiepercentage (
        besluit_id INTEGER PRIMARY KEY REFERENCES besluit(id),
        percentage TEXT NOT NULL
    )""",
    *_onveranderlijk("indexatiepercentage"),
]

# Version 10: a supplier back in a lot after its drop-out (evaluatie.contract.hervatting). The register kept one period
# per supplier and lot, from the start (or its toetreding) to its uitval; an open house stays open to every provider
# that meets its conditions, and a framework supplier may resume after a temporary drop-out by the penvoerder's
# decision. Each re-entry is a recorded decision (date, who, why) with the day it starts; a later drop-out is a new
# `uitval` row. The periods are: from the start or toetreding, to each uitval, from each hervatting. A new version: an
# older evaluatie refuses this register instead of reading a supplier that came back as dropped out for good.
_V10 = [
    """CREATE TABLE hervatting (
        besluit_id INTEGER PRIMARY KEY REFERENCES besluit(id),
        perceel TEXT NOT NULL,
        leverancier TEXT NOT NULL,
        vanaf TEXT NOT NULL,
        FOREIGN KEY (perceel, leverancier) REFERENCES leverancier(perceel, naam)
    )""",
    *_onveranderlijk("hervatting"),
]

# Version 11: a client's second (third, ...) placement in the same gemeente, after a switch of provider (see
# evaluatie.contract.overstap): their provider dropped out of the lot, or their earlier placement ended with a recorded
# stop, and the gemeente registers them again. Each placement is a trajectory of its own (the framework maximum counts
# both); `volgnummer` numbers a client's placements in one gemeente from 1, and every placement of version 10 or lower
# is number 1. SQLite cannot drop the constraint UNIQUE (gemeente, klantnummer), so the table is rebuilt with the same
# ids (the events keep pointing at them), with foreign keys off for the rebuild and checked before the commit
# (evaluatie.contract.register.migreer). A new version: an older evaluatie refuses this register instead of reading a
# client's second placement as a second client.
_V11 = [
    """CREATE TABLE plaatsing_v11 (
        id INTEGER PRIMARY KEY,
        gemeente TEXT NOT NULL REFERENCES gemeente(naam),
        klantnummer TEXT NOT NULL,
        volgnummer INTEGER NOT NULL DEFAULT 1 CHECK (volgnummer > 0),
        UNIQUE (gemeente, klantnummer, volgnummer)
    )""",
    "INSERT INTO plaatsing_v11 (id, gemeente, klantnummer, volgnummer) "
    "SELECT id, gemeente, klantnummer, 1 FROM plaatsing",
    "DROP TABLE plaatsing",
    "ALTER TABLE plaatsing_v11 RENAME TO plaatsing",
    *_onveranderlijk("plaatsing"),
    # placement n + 1 of a client only after placement n
    """CREATE TRIGGER plaatsing_volgnummer_op_volgorde BEFORE INSERT ON plaatsing
        WHEN NEW.volgnummer > 1 AND NOT EXISTS (
            SELECT 1 FROM plaatsing WHERE gemeente = NEW.gemeente AND klantnummer = NEW.klantnummer
            AND volgnummer = NEW.volgnummer - 1)
        BEGIN SELECT RAISE(ABORT, 'plaatsing: een volgende plaatsing van een klant volgt op de vorige'); END""",
]

# Version 12: what the current rule makes of the indexaties a register held before its migration from schema version 7
# or lower (evaluatie.contract.herlezing). The migration said it once on screen ('Let op'), and a library caller of
# open_register got nothing: the register did not record that its indexaties are read with another rule than the one
# that recorded them. One row per such migration (`naar`: its schemamigratie row, the version it brought the register
# to; `van`: the version before), with the text, written after the migration (it reads the register, which needs the
# procedure of every lot: evaluatie.contract.register.vul_procedures); also for a migration an earlier version made.
_V12 = [
    """CREATE TABLE schemaherlezing (
        naar INTEGER PRIMARY KEY REFERENCES schemamigratie(naar),
        van INTEGER NOT NULL CHECK (van < naar),
        tekst TEXT NOT NULL CHECK (length(tekst) > 0)
    )""",
    *_onveranderlijk("schemaherlezing"),
]

MIGRATIES: list[list[str]] = [_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8, _V9, _V10, _V11, _V12]
"""Migration n (0-based) brings the register from user_version n to n + 1."""
