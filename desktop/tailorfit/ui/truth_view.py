"""The truth bank's view: what the user confirmed or denied, to change an answer or drop it.

The dialog edits its own copy of the answers; OK applies them to the bank and saves it. When
saving fails the error is shown, the bank is put back as it was and the dialog stays open
with the user's changes, so OK can be tried again (or Cancel discards them).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tailorfit.core.errors import TailorfitError
from tailorfit.core.truth import Answer, Fact, TruthBank

ANSWER_TEXT = {Answer.YES: "I have this", Answer.NO: "Not true for me"}
EMPTY_TEXT = ("Nothing confirmed or denied yet. Answer a question in the suggestions panel "
              "and it is kept here.")
PRIVATE_TEXT = "Private session: these answers are forgotten when Tailorfit closes."
COLUMNS = ("Skill or fact", "Your answer", "Answered on")
KEY_ROLE = Qt.ItemDataRole.UserRole


class TruthBankDialog(QDialog):
    """Lists the bank's facts; flip or remove them; OK saves."""

    def __init__(self, bank: TruthBank, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.bank = bank
        self._today = today
        self._original: dict[str, Fact] = {f.key: f for f in bank.facts()}
        self._rows: dict[str, Fact] = dict(self._original)
        self.message_box: QMessageBox | None = None
        self.setWindowTitle("Confirmed and denied skills")
        self.setObjectName("truth-bank-dialog")

        intro = QLabel("Tailorfit remembers what you told it about your skills, so it does not "
                       "ask again or suggest what is not true for you.", self)
        intro.setWordWrap(True)
        self.warning = QLabel(bank.warning or "", self)
        self.warning.setObjectName("truth-bank-warning")
        self.warning.setWordWrap(True)
        self.warning.setVisible(bank.warning is not None)
        self.private_note = QLabel(PRIVATE_TEXT, self)
        self.private_note.setVisible(bank.path is None)
        self.empty = QLabel(EMPTY_TEXT, self)
        self.empty.setObjectName("truth-bank-empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("truth-bank-table")
        self.table.setAccessibleName("Confirmed and denied skills")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.flip_selected())

        self.flip_button = QPushButton("&Change answer", self)
        self.flip_button.setToolTip("Switch between “I have this” and “Not true for me”")
        self.flip_button.clicked.connect(self.flip_selected)
        self.remove_button = QPushButton("&Remove", self)
        self.remove_button.setToolTip("Forget the answer; the question may be asked again")
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.installEventFilter(self)  # Delete (Backspace on a Mac) removes too

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, parent=self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.flip_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.warning)
        layout.addWidget(self.private_note)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.resize(560, 420)
        self._fill()

    # -- what the dialog holds ------------------------------------------------------------
    def facts(self) -> list[Fact]:
        """The answers as they stand in the dialog (what OK would save)."""
        return sorted(self._rows.values(), key=lambda f: (f.name.casefold(), f.key))

    def selected_keys(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        keys: list[str] = []
        for row in rows:
            item = self.table.item(row, 0)
            if item is not None:
                keys.append(str(item.data(KEY_ROLE)))
        return keys

    def select_keys(self, keys: list[str]) -> None:
        wanted = set(keys)
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(KEY_ROLE) in wanted:
                self.table.selectRow(row)
        self.table.setSelectionMode(mode)

    # -- actions --------------------------------------------------------------------------
    def flip_selected(self) -> None:
        keys = self.selected_keys()
        if not keys:
            return
        when = (self._today or date.today()).isoformat()
        for key in keys:
            fact = self._rows[key]
            flipped = Answer.NO if fact.answer is Answer.YES else Answer.YES
            original = self._original.get(key)
            if original is not None and original.answer is flipped:
                self._rows[key] = original  # back as it was, with its own date
            else:
                self._rows[key] = replace(fact, answer=flipped, when=when)
        self._fill(keys)

    def remove_selected(self) -> None:
        keys = self.selected_keys()
        for key in keys:
            self._rows.pop(key, None)
        if keys:
            self._fill()

    def accept(self) -> None:
        if self.save():
            super().accept()

    def save(self) -> bool:
        """Apply the dialog's answers to the bank and save it; False (and a message) on error."""
        before = {f.key: f for f in self.bank.facts()}
        for key in before.keys() - self._rows.keys():
            self.bank.forget(key)
        for key, fact in self._rows.items():
            if before.get(key) != fact:
                self.bank.answer(key, fact.name, fact.answer, date.fromisoformat(fact.when))
        try:
            self.bank.save()
        except (TailorfitError, OSError) as error:
            self._restore(before)
            self._show_error(str(error))
            return False
        self._original = dict(self._rows)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and (event.matches(QKeySequence.StandardKey.Delete)
                     or event.key() == Qt.Key.Key_Backspace)
                and self.selected_keys()):
            self.remove_selected()
            return True
        return super().eventFilter(watched, event)

    # -- helpers --------------------------------------------------------------------------
    def _restore(self, before: dict[str, Fact]) -> None:
        for key in {f.key for f in self.bank.facts()} - before.keys():
            self.bank.forget(key)
        for fact in before.values():
            self.bank.answer(fact.key, fact.name, fact.answer, date.fromisoformat(fact.when))

    def _show_error(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "Could not save your answers", message,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("truth-bank-error")
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.message_box = box
        box.open()  # not exec(): nothing waits on it

    def _fill(self, select: list[str] | None = None) -> None:
        keep = select if select is not None else self.selected_keys()
        self.table.setSortingEnabled(False)
        self.table.clearContents()
        self.table.setRowCount(len(self._rows))
        for row, fact in enumerate(self.facts()):
            name = QTableWidgetItem(fact.name)
            name.setData(KEY_ROLE, fact.key)
            answer = QTableWidgetItem(ANSWER_TEXT[fact.answer])
            answer.setToolTip("You confirmed this" if fact.answer is Answer.YES
                              else "You said this is not true for you")
            when = QTableWidgetItem(fact.when)
            for column, item in enumerate((name, answer, when)):
                self.table.setItem(row, column, item)
        self.table.setSortingEnabled(True)  # sorts again by the header's current column
        has_rows = bool(self._rows)
        self.table.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        self.select_keys([key for key in keep if key in self._rows])
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = bool(self.table.selectionModel().selectedRows())
        self.flip_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)
