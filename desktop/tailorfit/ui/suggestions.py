"""The suggestions panel: proposed edits grouped by kind, most helpful first.

Each shows its before and after with the changed words marked. The panel only asks: the
window applies an accepted suggestion to the working copy (as one undoable step) and the
controller keeps what was rejected or denied.
"""

from __future__ import annotations

import difflib
import html
import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tailorfit.core.suggest.model import SAFE_KINDS, Kind, Suggestion

ID_ROLE = Qt.ItemDataRole.UserRole
_TOKEN = re.compile(r"\s+|[^\s]+")


def marked_diff(before: str, after: str) -> str:
    """HTML of ``after`` with inserted words marked and removed words struck through."""
    a, b = _TOKEN.findall(before), _TOKEN.findall(after)
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(html.escape("".join(a[i1:i2])))
            continue
        if op in ("delete", "replace") and "".join(a[i1:i2]).strip():
            out.append('<span style="color:#b42318;text-decoration:line-through">'
                       f'{html.escape("".join(a[i1:i2]))}</span>')
        if op in ("insert", "replace") and "".join(b[j1:j2]).strip():
            out.append('<span style="background:#fff3bf;color:#1a1a1a;font-weight:600">'
                       f'{html.escape("".join(b[j1:j2]))}</span>')
    return "".join(out)


class SuggestionsPanel(QWidget):
    """Lists suggestions; emits what the user decided."""

    accept_requested = Signal(object, object)  # Suggestion, edited text or None
    edit_requested = Signal(object)  # Suggestion: the window asks for the text, then accepts
    reject_requested = Signal(object)  # Suggestion
    deny_requested = Signal(object)  # Suggestion: "Not true for me"
    accept_all_requested = Signal(object)  # Kind

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestions")
        self._all: tuple[Suggestion, ...] = ()
        self._hidden: set[str] = set()
        self._requirement: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.title = QLabel("<b>Suggestions</b>", self)
        self.filter_note = QLabel("", self)
        self.show_all = QPushButton("Show all", self)
        self.show_all.setVisible(False)
        self.show_all.clicked.connect(lambda: self.set_requirement(None))
        top.addWidget(self.title)
        top.addWidget(self.filter_note, 1)
        top.addWidget(self.show_all)
        layout.addLayout(top)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setAccessibleName("Suggestions")
        self.tree.currentItemChanged.connect(lambda *_: self._show_detail())
        self.tree.itemDoubleClicked.connect(lambda *_: self._accept())
        layout.addWidget(self.tree, 3)
        self.detail = QTextBrowser(self)
        self.detail.setAccessibleName("Suggestion before and after")
        layout.addWidget(self.detail, 2)
        buttons = QHBoxLayout()
        self.accept_button = QPushButton("&Accept", self)
        self.yes_button = QPushButton("&Yes, I have", self)
        self.edit_button = QPushButton("&Edit…", self)
        self.edit_button.setToolTip("Edit the proposed text, then accept it")
        self.reject_button = QPushButton("Re&ject", self)
        self.deny_button = QPushButton("&Not true for me", self)
        self.accept_all_button = QPushButton("Accept all", self)
        self.accept_button.clicked.connect(self._accept)
        self.yes_button.clicked.connect(self._accept)
        self.edit_button.clicked.connect(self._edit)
        self.reject_button.clicked.connect(self._reject)
        self.deny_button.clicked.connect(self._deny)
        self.accept_all_button.clicked.connect(self._accept_all)
        for button in (self.accept_button, self.yes_button, self.edit_button,
                       self.reject_button, self.deny_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.accept_all_button)
        self._refresh_buttons()

    # -- content --------------------------------------------------------------------------
    def set_suggestions(self, suggestions: tuple[Suggestion, ...], hidden: set[str]) -> None:
        current = self.current()
        same = [s.id for s in suggestions] == [s.id for s in self._all] and \
            set(hidden) == self._hidden
        self._all, self._hidden = suggestions, set(hidden)
        if same:  # typing elsewhere in the resume: the list stands, nothing to redraw
            return
        self._fill(current.id if current else None)

    def set_requirement(self, requirement_id: str | None) -> None:
        """Show only the suggestions serving one requirement (None: all)."""
        self._requirement = requirement_id
        self._fill(None)

    def visible(self) -> list[Suggestion]:
        return [s for s in self._all if s.id not in self._hidden
                and (self._requirement is None or s.requirement_id == self._requirement)]

    def _fill(self, keep: str | None) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        shown = self.visible()
        select: QTreeWidgetItem | None = None
        for kind in Kind:
            group = [s for s in shown if s.kind is kind]
            if not group:
                continue
            head = QTreeWidgetItem(self.tree, [f"{kind.label} ({len(group)})"])
            head.setData(0, ID_ROLE, kind.value)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            head.setExpanded(True)
            for s in group:
                gain = f"  +{s.score_delta}" if s.score_delta > 0 else ""
                item = QTreeWidgetItem(head, [s.message + gain])
                item.setData(0, ID_ROLE, s.id)
                item.setToolTip(0, s.reason)
                if select is None or s.id == keep:
                    select = item
        self.tree.blockSignals(False)
        if self._requirement is not None:
            self.filter_note.setText(f"for {self._requirement}")
        else:
            self.filter_note.setText(f"{len(shown)} to review" if shown else "")
        self.show_all.setVisible(self._requirement is not None)
        if select is not None:
            self.tree.setCurrentItem(select)
        self._show_detail()

    def current(self) -> Suggestion | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        wanted = item.data(0, ID_ROLE)
        return next((s for s in self._all if s.id == wanted), None)

    def _show_detail(self) -> None:
        s = self.current()
        if s is None:
            empty = ("No suggestions for this requirement." if self._requirement
                     else "No suggestions: nothing to reword for this posting.")
            self.detail.setHtml(f"<p>{html.escape(empty)}</p>" if self._all or self._requirement
                                else "")
        else:
            parts = [f"<p><b>{html.escape(s.message)}</b></p>"]
            if s.advisory:
                parts.append(f"<p>{html.escape(s.before)}</p>")
            elif s.before:
                parts.append(f"<p>{marked_diff(s.before, s.after)}</p>")
            else:
                parts.append("<p>Adds: " + marked_diff("", s.after) + "</p>")
            parts.append(f"<p style='color:gray'>{html.escape(s.reason)}</p>")
            if s.score_delta > 0:
                parts.append(f"<p>Score: +{s.score_delta} if accepted.</p>")
            self.detail.setHtml("".join(parts))
        self._refresh_buttons()

    def _refresh_buttons(self) -> None:
        s = self.current()
        ask = s is not None and s.kind is Kind.ASK and s.needs_confirmation and \
            s.rule == "ask-skill"
        self.accept_button.setVisible(not ask)
        self.yes_button.setVisible(ask)
        self.accept_button.setEnabled(s is not None and not s.advisory)
        self.yes_button.setEnabled(s is not None)
        self.edit_button.setEnabled(s is not None)
        self.reject_button.setEnabled(s is not None)
        self.deny_button.setVisible(s is not None and s.kind in (Kind.ASK, Kind.NAME))
        safe = s is not None and s.kind in SAFE_KINDS and \
            sum(1 for x in self.visible() if x.kind is s.kind) > 1
        self.accept_all_button.setVisible(safe)
        if s is not None:
            self.accept_all_button.setText(f"Accept all: {s.kind.label.lower()}")

    # -- decisions ------------------------------------------------------------------------
    def _accept(self) -> None:
        s = self.current()
        if s is not None and not s.advisory:
            self.accept_requested.emit(s, None)

    def _edit(self) -> None:
        s = self.current()
        if s is not None:
            self.edit_requested.emit(s)

    def _reject(self) -> None:
        s = self.current()
        if s is not None:
            self.reject_requested.emit(s)

    def _deny(self) -> None:
        s = self.current()
        if s is not None:
            self.deny_requested.emit(s)

    def _accept_all(self) -> None:
        s = self.current()
        if s is not None and s.kind in SAFE_KINDS:
            self.accept_all_requested.emit(s.kind)
