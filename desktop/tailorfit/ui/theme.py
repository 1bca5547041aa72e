"""Light and dark palettes, verdict colours and status icons.

Verdicts are never shown by colour alone: each has its own icon shape (check, half disc,
cross), its own underline (solid, dashed, wavy) and a text label in tooltips and lists.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication

from tailorfit.core.kinds import Status


@dataclass(frozen=True, slots=True)
class Colours:
    """Verdict colours for one theme: a strong ink and a soft background tint."""

    met: QColor
    partial: QColor
    missing: QColor
    met_tint: QColor
    partial_tint: QColor
    missing_tint: QColor
    term_tint: QColor
    flash: QColor

    def ink(self, status: Status) -> QColor:
        return {Status.MET: self.met, Status.PARTIAL: self.partial,
                Status.MISSING: self.missing}[status]

    def tint(self, status: Status) -> QColor:
        return {Status.MET: self.met_tint, Status.PARTIAL: self.partial_tint,
                Status.MISSING: self.missing_tint}[status]


LIGHT = Colours(
    met=QColor("#1b7f3b"), partial=QColor("#9a6700"), missing=QColor("#c62828"),
    met_tint=QColor(46, 160, 67, 46), partial_tint=QColor(212, 167, 44, 64),
    missing_tint=QColor(218, 54, 51, 44), term_tint=QColor(84, 174, 255, 46),
    flash=QColor(255, 214, 0, 150),
)
DARK = Colours(
    met=QColor("#56d364"), partial=QColor("#e3b341"), missing=QColor("#ff7b72"),
    met_tint=QColor(46, 160, 67, 70), partial_tint=QColor(187, 128, 9, 80),
    missing_tint=QColor(248, 81, 73, 70), term_tint=QColor(56, 139, 253, 70),
    flash=QColor(187, 128, 9, 170),
)


def is_dark(theme: str) -> bool:
    if theme == "dark":
        return True
    if theme == "light":
        return False
    scheme = QGuiApplication.styleHints().colorScheme()
    return scheme == Qt.ColorScheme.Dark


def colours(theme: str) -> Colours:
    return DARK if is_dark(theme) else LIGHT


def apply_theme(app: QApplication, theme: str) -> None:
    """Fusion with a light or dark palette (system follows the platform's scheme)."""
    app.setStyle("Fusion")
    palette = QPalette()
    if is_dark(theme):
        base, text, window = QColor("#1e2227"), QColor("#e6e6e6"), QColor("#282c33")
        palette.setColor(QPalette.ColorRole.Window, window)
        palette.setColor(QPalette.ColorRole.WindowText, text)
        palette.setColor(QPalette.ColorRole.Base, base)
        palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#262b31"))
        palette.setColor(QPalette.ColorRole.Text, text)
        palette.setColor(QPalette.ColorRole.Button, window)
        palette.setColor(QPalette.ColorRole.ButtonText, text)
        palette.setColor(QPalette.ColorRole.ToolTipBase, QColor("#32373f"))
        palette.setColor(QPalette.ColorRole.ToolTipText, text)
        palette.setColor(QPalette.ColorRole.Highlight, QColor("#2f6fb3"))
        palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8b949e"))
        palette.setColor(QPalette.ColorRole.Link, QColor("#58a6ff"))
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                     QPalette.ColorRole.ButtonText):
            palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6e7681"))
    else:
        palette = app.style().standardPalette()
        palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
        palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f6f8fa"))
        palette.setColor(QPalette.ColorRole.Window, QColor("#f3f4f6"))
        palette.setColor(QPalette.ColorRole.Highlight, QColor("#0969da"))
    app.setPalette(palette)


def status_icon(status: Status, theme: str, size: int = 16) -> QIcon:
    """A check in a disc (met), a half-filled disc (partial) or a cross in a ring (missing)."""
    icon = QIcon()
    for scale in (1, 2):  # crisp on high-DPI screens
        pixmap = QPixmap(size * scale, size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = colours(theme).ink(status)
        rect = QRectF(1.5, 1.5, size - 3, size - 3)
        pen = QPen(ink, 1.6)
        painter.setPen(pen)
        if status is Status.MET:
            painter.setBrush(ink)
            painter.drawEllipse(rect)
            check = QPainterPath(QPointF(size * 0.28, size * 0.52))
            check.lineTo(QPointF(size * 0.44, size * 0.68))
            check.lineTo(QPointF(size * 0.73, size * 0.34))
            painter.setPen(QPen(QColor("white"), 2.0, Qt.PenStyle.SolidLine,
                                Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(check)
        elif status is Status.PARTIAL:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(rect)
            half = QPainterPath()
            half.moveTo(rect.center())
            half.arcTo(rect, 90, 180)
            half.closeSubpath()
            painter.setBrush(ink)
            painter.drawPath(half)
        else:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(rect)
            painter.setPen(QPen(ink, 2.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            a, b = size * 0.34, size * 0.66
            painter.drawLine(QPointF(a, a), QPointF(b, b))
            painter.drawLine(QPointF(a, b), QPointF(b, a))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def app_icon() -> QIcon:
    """The window icon: the PNG sizes in resources/icons (rendered from tailorfit.svg by
    tools/make_icons.py), or the same drawing painted here when those files are missing."""
    from tailorfit.core.resources import resource_path

    icon = QIcon()
    try:
        folder = resource_path("icons")
    except FileNotFoundError:
        folder = None
    if folder is not None:
        for size in (16, 24, 32, 48, 64, 128, 256, 512):
            path = folder / f"tailorfit-{size}.png"
            if path.is_file():
                icon.addFile(str(path))
    if not icon.availableSizes():
        return _drawn_app_icon()
    return icon


def _drawn_app_icon() -> QIcon:
    """A document with a check mark, drawn so it is crisp at any size."""
    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = size / 64
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#0969da"))
        painter.drawRoundedRect(QRectF(8 * s, 4 * s, 40 * s, 52 * s), 5 * s, 5 * s)
        painter.setBrush(QColor("#ffffff"))
        for row in range(4):
            painter.drawRoundedRect(QRectF(15 * s, (14 + row * 9) * s, 26 * s, 3.5 * s),
                                    1.5 * s, 1.5 * s)
        painter.setBrush(QColor("#1b7f3b"))
        painter.drawEllipse(QRectF(32 * s, 34 * s, 28 * s, 28 * s))
        check = QPainterPath(QPointF(39 * s, 48 * s))
        check.lineTo(QPointF(45 * s, 54 * s))
        check.lineTo(QPointF(54 * s, 42 * s))
        painter.setPen(QPen(QColor("white"), max(1.5, 4 * s), Qt.PenStyle.SolidLine,
                            Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(check)
        painter.end()
        icon.addPixmap(pixmap)
    return icon
