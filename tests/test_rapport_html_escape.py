"""The reports' own escape gives what html.escape gives (evaluatie.rapport.html.escape)."""

from __future__ import annotations

import html

from hypothesis import given, settings
from hypothesis import strategies as st

from evaluatie.rapport.html import e, escape


@settings(derandomize=True, max_examples=300)
@given(st.text(alphabet=st.sampled_from("&<>\"'a;#x é\n&amp;"), max_size=40) | st.text(max_size=40))
def test_zelfde_als_html_escape(tekst: str) -> None:
    assert escape(tekst) == html.escape(tekst, quote=True)
    assert e(tekst) == html.escape(tekst)


def test_volgorde_van_vervangen() -> None:
    """& first: an already escaped entity is escaped again, as html.escape does."""
    assert escape('&amp; <a href="x">\'</a>') == "&amp;amp; &lt;a href=&quot;x&quot;&gt;&#x27;&lt;/a&gt;"
    assert e(3.5) == "3.5"
