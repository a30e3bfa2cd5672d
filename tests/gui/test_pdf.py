"""PDFs from HTML: a real file, escaped text, and no half file on failure."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from csdesk.core.errors import KnownError
from csdesk.gui.pdf import html_to_pdf


def test_html_becomes_a_pdf(qtbot: QtBot, tmp_path: Path) -> None:
    out = html_to_pdf("<h1>Hand-off</h1><p>Zoë &amp; Co — 3 items</p>" * 40, tmp_path / "sheet.pdf")
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]
    assert data.count(b"/Type /Page") >= 2  # long enough for a second page
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.pdf"]


def test_unwritable_folder_is_explained(qtbot: QtBot, tmp_path: Path) -> None:
    with pytest.raises(KnownError, match="cannot write"):
        html_to_pdf("<p>x</p>", tmp_path / "missing" / "sheet.pdf")
