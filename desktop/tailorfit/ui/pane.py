"""A document pane: the posting or the resume as editable text with verdict highlights.

Highlights are QTextCursor selections, so they move with the text while the user types and
the next analysis is on its way. Hovering shows why; clicking says which requirement a span
belongs to; files dropped on the pane open in it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QHelpEvent,
    QMouseEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextList,
    QTextListFormat,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from tailorfit.core.match import Status
from tailorfit.ui import looks
from tailorfit.ui.theme import STATUS_WORDS, colours

STYLE_SLICE_S = 0.010  # formatting work per event-loop turn (the window must never stall)
HEADING_MARGIN = 6
HANGING_MARGIN = 14
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
    styled = Signal()  # a newly opened document is fully formatted
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
        self._styling = False
        self._pending_looks: list[str] = []
        self._pending_bold: list[tuple[int, int]] = []
        self._style_at = QTextBlock()
        self._style_index = 0
        self._current_list: QTextList | None = None
        self._previous_look = ""
        self._style_timer = QTimer(self)
        self._style_timer.setSingleShot(True)
        self._style_timer.timeout.connect(self._style_step)
        self._highlights: list[tuple[QTextCursor, Highlight]] = []
        self._flash: QTextEdit.ExtraSelection | None = None
        self._theme = "system"
        self._style = "both"
        self.textChanged.connect(self._changed)
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(self._end_flash)

    # -- content --------------------------------------------------------------------------
    def set_content(self, text: str, looks: tuple[str, ...] = (),
                    headings: tuple[tuple[int, int], ...] = ()) -> None:
        """Show a freshly opened document (not an edit), styled by its looks and headings.

        Styling runs in slices between events, so a document of thousands of paragraphs
        opens at once and the window never stalls; ``styled`` is emitted when it is done.
        """
        self._stop_styling()
        self._loading = True
        try:
            document = self.document()
            document.setUndoRedoEnabled(False)  # neither loading nor formatting is an edit
            # The cursor's format (bold, if the last document began with a bold line) would
            # otherwise carry over to every character of the new text.
            self.setCurrentCharFormat(QTextCharFormat())
            document.clear()
            self.setCurrentCharFormat(QTextCharFormat())
            self.setPlainText(text)
        finally:
            self._loading = False
        self._highlights = []
        self._flash = None
        self._apply()
        self.moveCursor(QTextCursor.MoveOperation.Start)
        blocks = self.document().blockCount()
        self._pending_looks = list(looks) if len(looks) == blocks else []
        self._pending_bold = sorted(h for h in headings if h[0] < h[1])
        self._style_at = self.document().begin()
        self._style_index = 0
        self._current_list = None
        self._previous_look = ""
        self._styling = True
        self._style_timer.start(0)

    def looks(self) -> tuple[str, ...]:
        """The look code of every paragraph as the pane shows it now (for the session)."""
        codes: list[str] = []
        block = self.document().begin()
        while block.isValid():
            codes.append(_look_of_text_block(block))
            block = block.next()
        return tuple(codes)

    def is_styling(self) -> bool:
        return self._styling

    def _stop_styling(self) -> None:
        if self._styling:
            self._style_timer.stop()
            self._styling = False
            self.document().setUndoRedoEnabled(True)

    def _style_step(self) -> None:
        """Style paragraphs for a few milliseconds, then yield to the event loop."""
        if not self._styling:
            return
        document = self.document()
        deadline = time.perf_counter() + STYLE_SLICE_S
        edit = QTextCursor(document)
        self._loading = True
        edit.beginEditBlock()  # one relayout per slice, not one per paragraph
        try:
            block = self._style_at
            while block.isValid() and time.perf_counter() < deadline:
                if self._pending_looks:
                    self._style_block(block, self._pending_looks[self._style_index])
                self._style_index += 1
                block = block.next()
            self._style_at = block
            limit = block.position() if block.isValid() else document.characterCount()
            while self._pending_bold and self._pending_bold[0][0] < limit:
                start, end = self._pending_bold.pop(0)
                cursor = QTextCursor(document)
                cursor.setPosition(min(start, document.characterCount() - 1))
                cursor.setPosition(min(end, document.characterCount() - 1),
                                   QTextCursor.MoveMode.KeepAnchor)
                bold = QTextCharFormat()
                bold.setFontWeight(QFont.Weight.Bold)
                cursor.mergeCharFormat(bold)
        finally:
            edit.endEditBlock()
            self._loading = False
        if block.isValid() or self._pending_bold:
            self._style_timer.start(0)
            return
        self._styling = False
        document.setUndoRedoEnabled(True)
        self.styled.emit()

    def _style_block(self, text_block: QTextBlock, look: str) -> None:
        """Bold headings, bullets for Word list items, muted page headers and footers."""
        cursor = QTextCursor(text_block)  # inside this block only, no separator
        cursor.setPosition(text_block.position() + max(0, text_block.length() - 1),
                           QTextCursor.MoveMode.KeepAnchor)
        char = QTextCharFormat()
        layout = QTextBlockFormat()
        if look in (looks.HEADING, looks.BOLD):
            char.setFontWeight(QFont.Weight.Bold)
            layout.setTopMargin(HEADING_MARGIN if look == looks.HEADING else 3)
        elif look == looks.MUTED:
            char.setFontItalic(True)
        if look != looks.PLAIN:
            cursor.mergeCharFormat(char)
            cursor.mergeBlockFormat(layout)
        level = looks.list_level(look)
        if level is not None:
            if self._current_list is None or looks.list_level(self._previous_look) is None:
                style = QTextListFormat()
                style.setStyle(QTextListFormat.Style.ListDisc)
                style.setIndent(1 + level)
                self._current_list = QTextCursor(text_block).createList(style)
            else:
                self._current_list.add(text_block)
        elif look == looks.HANGING:
            hanging = QTextBlockFormat()
            hanging.setLeftMargin(HANGING_MARGIN)
            hanging.setTextIndent(-10)
            cursor.mergeBlockFormat(hanging)
        self._previous_look = look

    def _changed(self) -> None:
        if not self._loading:
            self._stop_styling()  # the user typed: paragraphs moved, stop styling by index
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
        self.center_on(start)
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

    def center_on(self, position: int) -> None:
        """Scroll so that ``position`` sits in the middle of the pane, not at its edge."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 2)

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



def _look_of_text_block(block: QTextBlock) -> str:
    """Read a paragraph's look back from its formatting (the inverse of _style_block)."""
    text_list = block.textList()
    if text_list is not None:
        return f"{looks.LIST}{max(0, text_list.format().indent() - 1)}"
    layout = block.blockFormat()
    if layout.leftMargin() == HANGING_MARGIN and layout.textIndent() < 0:
        return looks.HANGING
    char = block.charFormat() if block.length() <= 1 else _first_char_format(block)
    if char.fontWeight() >= QFont.Weight.Bold:
        return looks.HEADING if layout.topMargin() == HEADING_MARGIN else looks.BOLD
    if char.fontItalic():
        return looks.MUTED
    return looks.PLAIN


def _first_char_format(block: QTextBlock) -> QTextCharFormat:
    fragment = block.begin().fragment()
    return fragment.charFormat() if fragment.isValid() else block.charFormat()
