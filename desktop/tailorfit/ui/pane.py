"""A document pane: the posting or the resume as editable text with verdict highlights.

Highlights are QTextCursor selections, so they move with the text while the user types and
the next analysis is on its way. Hovering shows why; clicking says which requirement a span
belongs to; files dropped on the pane open in it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QHelpEvent,
    QMouseEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextListFormat,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from tailorfit.core.match import Status
from tailorfit.core.model import Block, BlockKind, Region
from tailorfit.ui.theme import STATUS_WORDS, colours

FILE_SUFFIXES = {".pdf", ".docx", ".docm", ".dotx", ".txt", ".md", ".markdown", ".html", ".htm"}


@dataclass(frozen=True, slots=True)
class Highlight:
    """A span to mark: a requirement line, a piece of evidence, or a posting term."""

    start: int
    end: int
    status: Status | None  # None for a plain term the posting asks for
    tooltip: str
    requirement_ids: tuple[str, ...] = field(default=())


class DocumentPane(QTextEdit):
    """Editable document text with highlights, hover reasons and click-through.

    The text is exactly the analysed text (one paragraph per block); headings, list bullets
    and page headers are shown through formatting only, so offsets never shift.
    """

    edited = Signal(str)
    files_dropped = Signal(list)  # list[Path]
    span_clicked = Signal(tuple)  # requirement ids under the click

    def __init__(self, name: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(name)
        self.setAccessibleDescription(description)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setAcceptDrops(True)
        self._loading = False
        self._highlights: list[tuple[QTextCursor, Highlight]] = []
        self._flash: QTextEdit.ExtraSelection | None = None
        self._theme = "system"
        self._style = "both"
        self.textChanged.connect(self._changed)
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(self._end_flash)

    # -- content --------------------------------------------------------------------------
    def set_content(self, text: str, blocks: tuple[Block, ...] = (),
                    headings: tuple[tuple[int, int], ...] = ()) -> None:
        """Show a freshly opened document (not an edit), styled by its blocks and headings."""
        self._loading = True
        try:
            self.setPlainText(text)
            if blocks and len(blocks) == self.document().blockCount():
                self._style_blocks(blocks)
            bold = QTextCharFormat()
            bold.setFontWeight(QFont.Weight.Bold)
            for start, end in headings:
                cursor = QTextCursor(self.document())
                cursor.setPosition(start)
                cursor.setPosition(min(end, len(text)), QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(bold)
            self.document().clearUndoRedoStacks()  # formatting is no edit to undo
        finally:
            self._loading = False
        self._highlights = []
        self._apply()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def _style_blocks(self, blocks: tuple[Block, ...]) -> None:
        """Bold headings, bullets for Word list items, muted page headers and footers."""
        document = self.document()
        text_block = document.begin()
        current_list = None
        previous_kind = None
        for block in blocks:
            cursor = QTextCursor(text_block)  # inside this block only, no separator
            cursor.setPosition(text_block.position() + max(0, text_block.length() - 1),
                               QTextCursor.MoveMode.KeepAnchor)
            char = QTextCharFormat()
            layout = QTextBlockFormat()
            if block.kind is BlockKind.HEADING or (block.style.bold and len(block.text) < 60
                                                   and block.kind is BlockKind.PARAGRAPH):
                char.setFontWeight(QFont.Weight.Bold)
                layout.setTopMargin(6 if block.kind is BlockKind.HEADING else 3)
            if block.region in (Region.HEADER, Region.FOOTER):
                char.setFontItalic(True)
            cursor.mergeCharFormat(char)
            cursor.mergeBlockFormat(layout)
            if block.kind is BlockKind.LIST_ITEM and block.content_start == 0:
                if current_list is None or previous_kind is not BlockKind.LIST_ITEM:
                    style = QTextListFormat()
                    style.setStyle(QTextListFormat.Style.ListDisc)
                    style.setIndent(1 + (block.style.list_level or 0))
                    current_list = QTextCursor(text_block).createList(style)
                else:
                    current_list.add(text_block)
            elif block.kind is BlockKind.LIST_ITEM:
                hanging = QTextBlockFormat()
                hanging.setLeftMargin(14)
                hanging.setTextIndent(-10)
                cursor.mergeBlockFormat(hanging)
            previous_kind = block.kind
            text_block = text_block.next()

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit(self.toPlainText())

    def set_look(self, theme: str, style: str, font: QFont) -> None:
        self._theme, self._style = theme, style
        self.setFont(font)
        self._apply()

    # -- highlights -----------------------------------------------------------------------
    def set_highlights(self, highlights: list[Highlight]) -> None:
        document = self.document()
        length = max(0, document.characterCount() - 1)
        marked: list[tuple[QTextCursor, Highlight]] = []
        for item in highlights:
            start, end = max(0, min(item.start, length)), max(0, min(item.end, length))
            if end <= start:
                continue
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            marked.append((cursor, item))
        self._highlights = marked
        self._apply()

    def highlights(self) -> list[tuple[int, int, Highlight]]:
        """Current positions of the highlights (they move as the text is edited)."""
        return [(c.selectionStart(), c.selectionEnd(), h) for c, h in self._highlights]

    def _format(self, item: Highlight) -> QTextCharFormat:
        palette = colours(self._theme)
        fmt = QTextCharFormat()
        if item.status is None:
            fmt.setBackground(palette.term_tint)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(palette.term_tint.darker(160))
            return fmt
        ink = palette.ink(item.status)
        if self._style in ("background", "both"):
            fmt.setBackground(palette.tint(item.status))
        if self._style in ("underline", "both"):
            fmt.setUnderlineStyle({
                Status.MET: QTextCharFormat.UnderlineStyle.SingleUnderline,
                Status.PARTIAL: QTextCharFormat.UnderlineStyle.DashUnderline,
                Status.MISSING: QTextCharFormat.UnderlineStyle.WaveUnderline,
            }[item.status])
            fmt.setUnderlineColor(ink)
        return fmt

    def _apply(self) -> None:
        selections = []
        for cursor, item in self._highlights:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor  # type: ignore[misc]
            selection.format = self._format(item)  # type: ignore[misc]
            selections.append(selection)
        if self._flash is not None:
            selections.append(self._flash)
        self.setExtraSelections(selections)

    def highlight_at(self, position: int) -> list[Highlight]:
        return [h for c, h in self._highlights if c.selectionStart() <= position < c.selectionEnd()]

    # -- navigation ---------------------------------------------------------------------------
    def reveal(self, start: int, end: int, flash: bool = True) -> None:
        """Scroll ``start:end`` into view, select it and flash it briefly."""
        length = max(0, self.document().characterCount() - 1)
        start, end = max(0, min(start, length)), max(0, min(end, length))
        cursor = self.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        if flash:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = QTextCursor(cursor)  # type: ignore[misc]
            fmt = QTextCharFormat()
            fmt.setBackground(colours(self._theme).flash)
            fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
            selection.format = fmt  # type: ignore[misc]
            self._flash = selection
            self._apply()
            self._flash_timer.start(1200)

    def _end_flash(self) -> None:
        self._flash = None
        self._apply()

    # -- mouse, tooltips, drops -------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            position = self.cursorForPosition(self.viewport().mapFromGlobal(event.globalPos()))
            found = self.highlight_at(position.position())
            if found:
                QToolTip.showText(event.globalPos(), "\n\n".join(h.tooltip for h in found), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.click_at(self.cursorForPosition(event.position().toPoint()).position())

    def click_at(self, position: int) -> None:
        ids: list[str] = []
        for item in self.highlight_at(position):
            ids.extend(i for i in item.requirement_ids if i not in ids)
        if ids:
            self.span_clicked.emit(tuple(ids))

    def point_of(self, position: int) -> QPoint:
        """Viewport point of a text position (tests click through it)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        return self.cursorRect(cursor).center()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _files(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # type: ignore[override]
        if _files(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        files = _files(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)
        else:
            super().dropEvent(event)


def _files(mime: object) -> list[Path]:
    urls = getattr(mime, "urls", lambda: [])()
    paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
    return [p for p in paths if p.suffix.lower() in FILE_SUFFIXES or p.suffix.lower() == ".doc"]


def status_tooltip(status: Status, text: str, explanation: str) -> str:
    return f"{STATUS_WORDS[status]}: {text}\n{explanation}"

