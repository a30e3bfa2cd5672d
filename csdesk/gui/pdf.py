"""Printable PDFs from HTML with Qt (QTextDocument on a QPdfWriter): no extra dependency.

Used for the hand-off sheet and the return-meeting agenda. The file is written
next to the target and moved into place, so a failure leaves no half PDF.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from csdesk.core.errors import KnownError


def html_to_pdf(html: str, path: Path, title: str = "csdesk", landscape: bool = False) -> Path:
    """Render ``html`` to an A4 PDF at ``path``; KnownError when the folder cannot be written.

    Wide tables (the hand-off sheet's pending items) read better in ``landscape``.
    """
    path = Path(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise KnownError(f"csdesk cannot write in {path.parent}: {exc.strerror or exc}.") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        writer = QPdfWriter(str(tmp))
        writer.setTitle(title)
        writer.setCreator("csdesk")
        writer.setResolution(96)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Landscape
                if landscape
                else QPageLayout.Orientation.Portrait,
                QMarginsF(15, 15, 15, 15),
                QPageLayout.Unit.Millimeter,
            )
        )
        doc = QTextDocument()
        doc.setHtml(html)
        doc.setPageSize(QSizeF(writer.width(), writer.height()))
        doc.print_(writer)
        del writer  # flushes and closes the file
        if tmp.stat().st_size == 0:
            raise KnownError(f"The PDF for {path.name} came out empty.")
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        raise KnownError(f"csdesk could not write {path}: {exc.strerror or exc}.") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return path
