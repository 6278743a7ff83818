"""Werkmap.relatieve (the logboek's batch) names every path exactly as Werkmap.relatief does."""

from __future__ import annotations

import os
from pathlib import Path

from evaluatie.werkmap import Werkmap


def test_zelfde_als_relatief_ook_met_links(tmp_path: Path) -> None:
    echt = tmp_path / "echt"
    (echt / "rapporten" / "brieven").mkdir(parents=True)
    (echt / "rapporten" / "a.html").write_text("a")
    (echt / "rapporten" / "brieven" / "b.docx").write_text("b")
    buiten = tmp_path / "buiten"
    buiten.mkdir()
    (buiten / "c.txt").write_text("c")
    os.symlink(echt, tmp_path / "link")  # the workspace itself through a link
    os.symlink(buiten / "c.txt", echt / "rapporten" / "naar-buiten.txt")  # a file that is a link out
    os.symlink(echt / "rapporten" / "brieven", echt / "kort")  # a folder that is a link inside
    for wortel in (echt, tmp_path / "link"):
        w = Werkmap(wortel)
        paden = [
            wortel / "rapporten" / "a.html",
            wortel / "rapporten" / "brieven" / "b.docx",
            wortel / "rapporten" / "naar-buiten.txt",
            wortel / "kort" / "b.docx",
            wortel / "rapporten" / "brieven" / ".." / "a.html",
            wortel / "rapporten" / "nog-niet.html",
            buiten / "c.txt",
            Path("relatief") / "x.txt",
        ]
        verwacht = [w.relatief(p) for p in paden]
        assert w.relatieve(paden) == verwacht
        assert verwacht[0:2] == ["rapporten/a.html", "rapporten/brieven/b.docx"]
        assert verwacht[2] == paden[2].as_posix()  # a link out of the workspace: the path as given
        assert verwacht[3] == "rapporten/brieven/b.docx"  # through the folder link
        assert verwacht[4] == "rapporten/a.html"
        assert verwacht[5] == "rapporten/nog-niet.html"
