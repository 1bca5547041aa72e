"""The match report as a PDF: the report's HTML laid out by QTextDocument, printed by QPdfWriter.

This lives in the UI package because only it may import Qt; the command line imports it
lazily for ``tailorfit report --out FILE.pdf``. Printing runs on whichever thread calls it
(QTextDocument and QPdfWriter need no widgets), and needs a Qt application for fonts: one is
created offscreen when the caller (the command line) has none.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tailorfit.core.export.save import write_atomically

PAGE_MARGIN_MM = 16


def _ensure_app() -> None:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    if QGuiApplication.instance() is None:
        headless = sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
        if headless:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        # A widgets application (not a bare QGuiApplication), so a window opened later in the
        # same process finds the kind it needs; kept on the module so it outlives the print.
        global _APP
        _APP = QApplication(sys.argv[:1])


_APP: object = None


def html_to_pdf(html: str, *, title: str = "Match report") -> bytes:
    """PDF bytes of ``html`` on US Letter pages, paginated by Qt's rich-text layout."""
    _ensure_app()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    writer.setPageMargins(QMarginsF(PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM,
                                    PAGE_MARGIN_MM), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle(title)
    writer.setCreator("Tailorfit")
    document = QTextDocument()
    document.setHtml(html)
    document.print_(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(data.data())


def write_report_pdf(html: str, target: Path, *, overwrite: bool = False,
                     source: Path | None = None, title: str = "Match report") -> None:
    """Print the report to ``target`` atomically (never over an unconfirmed file)."""
    write_atomically(target, html_to_pdf(html, title=title), overwrite=overwrite, source=source)
