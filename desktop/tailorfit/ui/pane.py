"""A document pane: the posting or the resume as editable text with verdict highlights.

Long documents must never stall the window, so two things scale with what is on screen
rather than with the document:
- Formatting a newly opened document (bold headings, bullets) runs in slices between events.
  A short document is formatted in place at once; a long one on a detached copy, which is
  swapped in when done, because formatting a shown document relays it out at every slice.
- Highlights are kept as offsets, moved along as the user types, and only those near the
  visible part become Qt selections.
Hovering a highlight shows why; clicking says which requirement a span belongs to; files
dropped on the pane open in it.
"""

from __future__ import annotations

import bisect
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QResizeEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextList,
    QTextListFormat,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from tailorfit.core.kinds import Status
from tailorfit.ui import looks
from tailorfit.ui.highlights import Highlight
from tailorfit.ui.theme import colours

STYLE_SLICE_S = 0.010  # formatting work per event-loop turn (the window must never stall)
SMALL_DOCUMENT_BLOCKS = 1500  # up to this many paragraphs, format in place at once
FEED_CHARS = 20_000  # text inserted into a long document's detached copy per step
SELECTION_MARGIN = 3000  # characters beyond the visible part that get their highlights
HEADING_MARGIN = 6
HANGING_MARGIN = 14
FILE_SUFFIXES = {".pdf", ".docx", ".docm", ".dotx", ".txt", ".md", ".markdown", ".html", ".htm"}


class DocumentPane(QTextEdit):
    """Editable document text with highlights, hover reasons and click-through.

    The text is exactly the analysed text (one paragraph per block); headings, list bullets
    and page headers are shown through formatting only, so offsets never shift.
    """

    edited = Signal(str)
    styled = Signal()  # a newly opened document is fully formatted
    files_dropped = Signal(list)  # list[Path]
    span_clicked = Signal(tuple)  # requirement ids under the click
    undo_added = Signal()  # the document recorded a new undoable edit
    undo_requested = Signal()  # Ctrl+Z in the pane: the window's undo stack decides
    redo_requested = Signal()

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
        # formatting of a newly opened document
        self._styling = False
        self._target: QTextDocument | None = None  # the document being formatted
        self._pending_looks: list[str] = []
        self._pending_bold: list[tuple[int, int]] = []
        self._style_at = QTextBlock()
        self._style_index = 0
        self._current_list: QTextList | None = None
        self._previous_look = ""
        self._style_timer = QTimer(self)
        self._style_timer.setSingleShot(True)
        self._style_timer.timeout.connect(self._style_step)
        self._feed = ""  # a long document's text, not yet in the detached copy
        self._fed = 0
        self._placeholder = ""
        self._deferred: tuple[Highlight, ...] | list[Highlight] | None = None
        # highlights: the marks, their current offsets (sorted by start), and what is shown
        self._marks: list[Highlight] = []
        self._spans: list[list[int]] = []
        self._changes: list[list[int]] = []  # text accepted suggestions wrote
        self._flash: QTextEdit.ExtraSelection | None = None
        self._theme = "system"
        self._style = "both"
        self._apply_timer = QTimer(self)
        self._apply_timer.setSingleShot(True)
        self._apply_timer.timeout.connect(self._apply)
        self.verticalScrollBar().valueChanged.connect(self._schedule_apply)
        # A long document is laid out in steps: the marks near the view are chosen again as
        # the layout (and with it the visible range) settles.
        self.verticalScrollBar().rangeChanged.connect(self._schedule_apply)
        self.textChanged.connect(self._changed)
        self._watch(self.document())
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(self._end_flash)

    def _watch(self, document: QTextDocument) -> None:
        document.contentsChange.connect(self._shift)
        document.undoCommandAdded.connect(self._undo_added)

    def _undo_added(self) -> None:
        if not self._loading:
            self.undo_added.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Undo and redo go through the window's QUndoStack, which also holds accepted
        # suggestions; the editor's own shortcut would bypass it.
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo_requested.emit()
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Redo):
            self.redo_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def replace_range(self, start: int, end: int, text: str) -> tuple[int, int]:
        """Replace ``start:end`` of the shown text as one undoable edit; marks the new text."""
        length = max(0, self.document().characterCount() - 1)
        start, end = max(0, min(start, length)), max(0, min(end, length))
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text)
        cursor.endEditBlock()
        added = (start, start + len(text))
        if text.strip():
            self._changes.append(list(added))
            self._schedule_apply()
        return added

    def changed_ranges(self) -> list[tuple[int, int]]:
        """Where accepted suggestions changed the text (they move with later edits)."""
        return [(a, b) for a, b in self._changes if b > a]

    # -- content --------------------------------------------------------------------------
    def set_content(self, text: str, looks_: tuple[str, ...] = (),
                    headings: tuple[tuple[int, int], ...] = ()) -> None:
        """Show a freshly opened document (not an edit), styled by its looks and headings.

        ``styled`` is emitted once it is fully formatted (at once for a short document).
        """
        self._stop_styling()
        blocks = text.count("\n") + 1
        small = blocks <= SMALL_DOCUMENT_BLOCKS
        self._loading = True
        try:
            document = self.document()
            document.setUndoRedoEnabled(False)  # neither loading nor formatting is an edit
            # The cursor's format (bold, if the last document began with a bold line) would
            # otherwise carry over to every character of the new text.
            self.setCurrentCharFormat(QTextCharFormat())
            document.clear()
            self.setCurrentCharFormat(QTextCharFormat())
            if small:
                self.setPlainText(text)
        finally:
            self._loading = False
        self._marks, self._spans, self._flash, self._deferred = [], [], None, None
        self._changes = []
        self._apply()
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self._pending_looks = list(looks_) if len(looks_) == blocks else []
        self._pending_bold = sorted(h for h in headings if h[0] < h[1])
        self._style_index = 0
        self._current_list = None
        self._previous_look = ""
        self._styling = True
        if small:
            self._target = self.document()
            self._feed = ""
            self._style_at = self._target.begin()
            self._style_step(deadline=None)
            return
        # A long document is built and formatted on a detached copy, a slice at a time (a
        # shown document is laid out again at every change), then swapped in. Until then
        # the pane says so and takes no typing.
        self._target = QTextDocument(self)
        self._target.setUndoRedoEnabled(False)
        self._target.setDefaultFont(self.font())
        self._feed, self._fed = text, 0
        self._style_at = QTextBlock()
        self._placeholder = self.placeholderText()
        self.setPlaceholderText(f"Opening a long document ({len(text) / 1_000_000:.1f} million "
                                "characters)…")
        self.setReadOnly(True)
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
        if not self._styling:
            return
        self._style_timer.stop()
        self._styling = False
        if self._target is not None and self._target is not self.document():
            self._target.deleteLater()  # the detached copy is of no use any more
            self._end_long_load()
        self._target = None
        self.document().setUndoRedoEnabled(True)

    def _end_long_load(self) -> None:
        self.setReadOnly(False)
        self.setPlaceholderText(self._placeholder)
        self._feed = ""

    def _style_step(self, deadline: float | None = 0.0) -> None:
        """Format paragraphs for a few milliseconds (or all, for ``deadline=None``)."""
        if not self._styling or self._target is None:
            return
        target = self._target
        limit_time = None if deadline is None else time.perf_counter() + STYLE_SLICE_S
        if self._feed and self._fed < len(self._feed):
            # First the text, in pieces (inserting into a detached document is cheap).
            end = QTextCursor(target)
            end.movePosition(QTextCursor.MoveOperation.End)
            while self._fed < len(self._feed) and (
                    limit_time is None or time.perf_counter() < limit_time):
                end.insertText(self._feed[self._fed:self._fed + FEED_CHARS])
                self._fed += FEED_CHARS
            if self._fed < len(self._feed):
                self._style_timer.start(0)
                return
            self._style_at = target.begin()
        edit = QTextCursor(target)
        self._loading = True
        edit.beginEditBlock()  # one relayout per slice, not one per paragraph
        try:
            block = self._style_at
            while block.isValid() and (limit_time is None or time.perf_counter() < limit_time):
                if self._pending_looks:
                    self._style_block(block, self._pending_looks[self._style_index])
                self._style_index += 1
                block = block.next()
            self._style_at = block
            limit = block.position() if block.isValid() else target.characterCount()
            while self._pending_bold and self._pending_bold[0][0] < limit:
                bold_start, bold_end = self._pending_bold.pop(0)
                last = target.characterCount() - 1
                cursor = QTextCursor(target)
                cursor.setPosition(min(bold_start, last))
                cursor.setPosition(min(bold_end, last), QTextCursor.MoveMode.KeepAnchor)
                bold = QTextCharFormat()
                bold.setFontWeight(QFont.Weight.Bold)
                cursor.mergeCharFormat(bold)
        finally:
            edit.endEditBlock()
            self._loading = False
        if block.isValid() or self._pending_bold:
            self._style_timer.start(0)
            return
        if target is not self.document():
            self._swap_in(target)
            self._end_long_load()
        self._styling = False
        self._target = None
        self.document().setUndoRedoEnabled(True)
        self.styled.emit()

    def _swap_in(self, formatted: QTextDocument) -> None:
        """Show the formatted copy in place of the plain one, where the user was."""
        scroll = self.verticalScrollBar().value()
        position = self.textCursor().position()
        formatted.setDefaultFont(self.font())
        self._loading = True
        try:
            self.setDocument(formatted)  # the old document was ours, so Qt deletes it
        finally:
            self._loading = False
        self._watch(formatted)
        cursor = self.textCursor()
        cursor.setPosition(min(position, formatted.characterCount() - 1))
        self.setTextCursor(cursor)
        self.verticalScrollBar().setValue(scroll)
        if self._deferred is not None:  # the analysis came while the copy was being built
            marks, self._deferred = self._deferred, None
            self.set_highlights(marks)
        self._apply()

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
    def set_highlights(self, highlights: tuple[Highlight, ...] | list[Highlight]) -> None:
        if self._styling and self._target is not self.document():
            self._deferred = highlights  # the text is not in the pane yet
            return
        length = max(0, self.document().characterCount() - 1)
        marks: list[Highlight] = []
        spans: list[list[int]] = []
        for item in sorted(highlights, key=lambda h: (h.start, h.end)):
            start, end = max(0, min(item.start, length)), max(0, min(item.end, length))
            if end > start:
                marks.append(item)
                spans.append([start, end])
        self._marks, self._spans = marks, spans
        self._apply()

    def highlights(self) -> list[tuple[int, int, Highlight]]:
        """Current positions of the highlights (they move as the text is edited)."""
        return [(a, b, h) for (a, b), h in zip(self._spans, self._marks, strict=True)]

    def _shift(self, position: int, removed: int, added: int) -> None:
        """Move the highlights with an edit, as a text cursor's selection would move."""
        if self._loading or not (self._spans or self._changes) or removed == added == 0:
            return
        delta = added - removed
        end_of_removed = position + removed
        for span in (*self._spans, *self._changes):
            start, end = span
            if end < position or (end == position and removed == 0):
                continue  # wholly before the edit (typing right after a mark does not grow it)
            span[0] = start if start < position else (
                start + delta if start >= end_of_removed else position)
            span[1] = end + delta if end >= end_of_removed else max(position, span[0])
        self._schedule_apply()

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

    def _schedule_apply(self) -> None:
        if not self._apply_timer.isActive():
            self._apply_timer.start(0)

    def visible_range(self) -> tuple[int, int]:
        """Offsets of the text on screen, widened by a margin for smooth scrolling."""
        viewport = self.viewport()
        corners = [self.cursorForPosition(QPoint(x, y)).position()
                   for x in (0, viewport.width() - 1) for y in (0, viewport.height() - 1)]
        # While Qt still lays out a long document the corners can come back out of order.
        return max(0, min(corners) - SELECTION_MARGIN), max(corners) + SELECTION_MARGIN

    def _apply(self) -> None:
        """Give Qt the highlights near the visible part (thousands would slow every paint)."""
        self._apply_timer.stop()
        document = self.document()
        length = max(0, document.characterCount() - 1)
        low, high = self.visible_range() if self._spans else (0, 0)
        starts = [span[0] for span in self._spans]
        # Marks are sorted by start; one that starts far before the view may still reach in.
        first = max(0, bisect.bisect_left(starts, low) - 50)
        selections = []
        formats: dict[tuple[Status | None], QTextCharFormat] = {}
        for index in range(first, len(self._spans)):
            start, end = self._spans[index]
            if start > high:
                break
            if end < low or end <= start:
                continue
            item = self._marks[index]
            key = (item.status,)
            if key not in formats:
                formats[key] = self._format(item)
            cursor = QTextCursor(document)
            cursor.setPosition(min(start, length))
            cursor.setPosition(min(end, length), QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = formats[key]
            selections.append(selection)
        if self._changes:
            changed = QTextCharFormat()
            changed.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
            changed.setUnderlineColor(QColor(214, 140, 0))
            changed.setFontWeight(QFont.Weight.DemiBold)
            for start, end in self._changes:
                if end <= start or end < low or start > high:
                    continue
                cursor = QTextCursor(document)
                cursor.setPosition(min(start, length))
                cursor.setPosition(min(end, length), QTextCursor.MoveMode.KeepAnchor)
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = changed
                selections.append(selection)
        if self._flash is not None:
            selections.append(self._flash)
        self.setExtraSelections(selections)

    def shown_selections(self) -> int:
        """How many highlights Qt is asked to draw now (tests check this stays small)."""
        return len(self.extraSelections())

    def highlight_at(self, position: int) -> list[Highlight]:
        return [h for (a, b), h in zip(self._spans, self._marks, strict=True) if a <= position < b]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._schedule_apply()

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
            selection.cursor = QTextCursor(cursor)
            fmt = QTextCharFormat()
            fmt.setBackground(colours(self._theme).flash)
            fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
            selection.format = fmt
            self._flash = selection
            self._flash_timer.start(1200)
        self._apply()

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


def _files(mime: QMimeData | None) -> list[Path]:
    urls = mime.urls() if mime is not None else []
    paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
    return [p for p in paths if p.suffix.lower() in FILE_SUFFIXES or p.suffix.lower() == ".doc"]


def _look_of_text_block(block: QTextBlock) -> str:
    """Read a paragraph's look back from its formatting (the inverse of _style_block)."""
    text_list: QTextList | None = block.textList()  # None outside a list (stubs omit it)
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
