"""Which YAML parser reads a text: libyaml only for a bundled text it is proven to read as PyYAML does.

PyYAML's own parser is pure Python: the bundled criteria set and the Atw file cost about 9 ms cpu
of every award (issue #24); libyaml reads them ten times faster. libyaml is not used for any other
text, because it does not read every text as PyYAML does: a tab after a value (`a: b<tab>`) and a
comment directly after `|` are refused by PyYAML and accepted by libyaml, and `!` gives text in one
and nothing in the other. A definition that PyYAML refuses would then be read silently.

So libyaml reads only a text whose SHA-256 is listed here, and a text is listed only when
tests/test_yamlparser.py has composed it with both parsers and found the same nodes (kind, tag,
value, line and column of every node), the same data, line map and strictness findings
(evaluatie.definitie.yamlregels), and every listed text is a bundled file as it stands now. A
bundled file that is edited (a new Atw year, a changed criteria set) is read by PyYAML until the
test has checked the new text and its hash is listed: never by a parser that was not checked on it.
Any other text, a workspace's own criteria set included, is read by PyYAML as before.
"""

from __future__ import annotations

import hashlib

import yaml

GELIJK_GELEZEN: frozenset[str] = frozenset(
    {
        "03c48fbb239ce4828d7532284f7dfaa9459d524c0e72dcac490d1dd32e8db875",  # criteria/inburgering-2022.yaml
        "11da549048fc4ade83097e0ed4b4c4854b0d521fd08a55d99815388f801f6ac5",  # criteria/atw-gelijkgestelde-dagen.yaml
    }
)
"""SHA-256 of the UTF-8 text (as read with universal newlines) of each bundled YAML file checked."""


def vingerafdruk(tekst: str) -> str:
    return hashlib.sha256(tekst.encode("utf-8")).hexdigest()


def lader(tekst: str) -> type[yaml.SafeLoader] | type[yaml.CSafeLoader]:
    """The safe loader class to read `tekst` with: libyaml's for a checked bundled text (when this
    PyYAML was built with libyaml), PyYAML's own for every other text."""
    if getattr(yaml, "__with_libyaml__", False) and vingerafdruk(tekst) in GELIJK_GELEZEN:
        return yaml.CSafeLoader
    return yaml.SafeLoader
