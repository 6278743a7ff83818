"""Document properties of a gemeente's workbook (title, subject, keywords, description, custom properties): text
the intake never reads but keeps in the archived copy.

Why only a BSN and not a name or an e-mail address: the author and 'last modified by' properties name the
klantmanager who exported the list (an official, as --door does), and a title such as 'Export Klanten' cannot be
told from a person's name; a number passing the eleven-test has no such innocent reading. A property holding one
would enter contract/aanleveringen and the dossier unread, so it is an error naming the property.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

from evaluatie.contract import privacy

DELEN = ("docProps/core.xml", "docProps/app.xml", "docProps/custom.xml")


def eigenschappen_met_bsn(pad: Path) -> list[str]:
    """The names of the document properties of an xlsx that hold a number passing the BSN eleven-test (a custom
    property by its own name)."""
    uit: list[str] = []
    with zipfile.ZipFile(pad) as z:
        namen = set(z.namelist())
        for deel in DELEN:
            if deel not in namen:
                continue
            for e in ET.fromstring(z.read(deel)):  # one child per property
                tekst = " ".join(t.strip() for t in e.itertext() if t.strip())
                if tekst and (privacy.elfproef(tekst) or privacy.bsn_in_tekst(tekst)):
                    uit.append(e.get("name") or e.tag.rsplit("}", 1)[-1])
    return list(dict.fromkeys(uit))
