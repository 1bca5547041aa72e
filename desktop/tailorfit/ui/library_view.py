"""The applications library view: list, search, sort, reopen, compare, status, notes, delete,
and moving the whole library to another computer.

Everything that touches the library runs as a job of the dialog's own
:class:`~tailorfit.ui.tasks.TaskRunner` (reads in order on one worker, writes on the writing
worker), and the results come back to the widgets here; the widgets never open a file. The
list shows :class:`~tailorfit.core.library.models.ApplicationSummary` rows, which the core
reads without the postings' text, so 500 applications list in a few milliseconds; a search
is the core's (it reads every posting's text), a column sort is done on the rows already
shown, and restores the core's order (last changed first) when cleared.

The dialog either uses the library the main window has open (``library=``; it is not closed
here) or opens its own in the user's data folder (closed with the dialog). Opening problems
appear in a banner with what can be done: a library open in another window can be opened
read-only; a damaged one can be replaced by its last good backup or by an empty library (the
damaged file is kept); one from a newer Tailorfit is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup, QBrush, QCloseEvent, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tailorfit.core.errors import TailorfitError
from tailorfit.core.library.models import AppStatus

if TYPE_CHECKING:
    from tailorfit.core.library import (
        Application,
        ApplicationSummary,
        Comparison,
        Library,
        LibraryArchive,
        Workspace,
    )
    from tailorfit.core.library.backups import Backup
    from tailorfit.core.library.merge import Conflict, ImportPolicy, ImportReport
    from tailorfit.core.library.models import VersionSummary
    from tailorfit.ui.tasks import TaskRunner

COLUMNS = ("Company", "Title", "Status", "Date", "Score")
COMPANY, TITLE, STATUS, DATE, SCORE = range(len(COLUMNS))
ID_ROLE = Qt.ItemDataRole.UserRole
STATUS_NAMES = {AppStatus.SAVED: "Saved", AppStatus.APPLIED: "Applied",
                AppStatus.INTERVIEW: "Interview", AppStatus.OFFER: "Offer",
                AppStatus.REJECTED: "Rejected"}
_STAGE = {status: number for number, status in enumerate(AppStatus)}
ARCHIVE_FILTER = "Tailorfit library (*.tailorfit);;All files (*)"
SEARCH_DELAY_MS = 150


# -- the list ---------------------------------------------------------------------------------
def _date_of(row: ApplicationSummary) -> date:
    """The Date column: the posting's date, else the day the application was added."""
    return row.posting_date or row.created_at.date()


_SORT_KEYS: dict[int, Callable[[ApplicationSummary], Any]] = {
    COMPANY: lambda r: (r.company.casefold(), r.title.casefold()),
    TITLE: lambda r: (r.title.casefold(), r.company.casefold()),
    STATUS: lambda r: (_STAGE[r.status], r.status_day),
    DATE: _date_of,
    SCORE: lambda r: r.score,
}


class ApplicationsModel(QAbstractTableModel):
    """The library's rows for a QTableView; sorting happens here, on the rows shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._natural: list[ApplicationSummary] = []  # the core's order: last changed first
        self._rows: list[ApplicationSummary] = []
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COMPANY:
                return row.company or "—"
            if column == TITLE:
                return row.title or row.posting_file_name or "(untitled posting)"
            if column == STATUS:
                return f"{STATUS_NAMES[row.status]} ({row.status_day.isoformat()})"
            if column == DATE:
                return _date_of(row).isoformat()
            return "—" if row.score is None else str(row.score)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            versions = f"{row.versions} version{'s' * (row.versions != 1)}"
            date_kind = "posted" if row.posting_date else "added"
            return (f"{row.posting_file_name or 'pasted posting'} · {versions} · {date_kind} "
                    f"{_date_of(row).isoformat()} · last changed "
                    f"{row.updated_at.astimezone().strftime('%Y-%m-%d %H:%M')}")
        if role == ID_ROLE:
            return row.id
        return None

    def summary(self, row: int) -> ApplicationSummary:
        return self._rows[row]

    def row_of(self, application_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.id == application_id:
                return number
        return None

    def set_rows(self, rows: list[ApplicationSummary]) -> None:
        self.beginResetModel()
        self._natural = list(rows)
        self._rows = self._sorted(self._natural, *self._sort)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[index.row()].id for index in before]
        self._rows = self._sorted(self._natural, column, order)
        where = {row.id: number for number, row in enumerate(self._rows)}
        self.changePersistentIndexList(
            before, [self.index(where[ident], index.column()) for ident, index in zip(
                ids, before, strict=True)])
        self.layoutChanged.emit()

    @staticmethod
    def _sorted(rows: list[ApplicationSummary], column: int,
                order: Qt.SortOrder) -> list[ApplicationSummary]:
        key = _SORT_KEYS.get(column)
        if key is None:
            return list(rows)
        known = [r for r in rows if key(r) is not None]
        unknown = [r for r in rows if key(r) is None]  # no score yet: last either way
        known.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        return known + unknown


# -- comparing two versions -------------------------------------------------------------------
_TINTS = {"changed": QColor(230, 170, 0, 60), "removed": QColor(220, 50, 50, 55),
          "added": QColor(40, 170, 70, 55)}


class CompareDialog(QDialog):
    """Two versions of a tailored resume side by side, line by line, with the score change."""

    def __init__(self, comparison: Comparison, before: str, after: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison = comparison
        self.setWindowTitle(f"Compare {before} and {after}")
        self.setObjectName("compare-dialog")
        self.resize(1000, 640)
        self.summary = QLabel(_score_line(comparison), self)
        self.summary.setObjectName("compare-summary")
        self.only_changes = QCheckBox("Show only changed lines", self)
        self.only_changes.toggled.connect(self._filter)
        self.table = QTableWidget(len(comparison.rows), 2, self)
        self.table.setObjectName("compare-table")
        self.table.setAccessibleName(f"{before} beside {after}")
        self.table.setHorizontalHeaderLabels([before, after])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for number, row in enumerate(comparison.rows):
            left, right = QTableWidgetItem(row.before or ""), QTableWidgetItem(row.after or "")
            if row.kind != "same":
                tint = QBrush(_TINTS[row.kind])
                if row.kind in ("changed", "removed"):
                    left.setBackground(tint)
                if row.kind in ("changed", "added"):
                    right.setBackground(tint)
            left.setToolTip(f"{row.kind}: line {row.before_line}" if row.before_line else "")
            right.setToolTip(f"{row.kind}: line {row.after_line}" if row.after_line else "")
            self.table.setItem(number, 0, left)
            self.table.setItem(number, 1, right)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.only_changes)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def _filter(self, only_changes: bool) -> None:
        for number, row in enumerate(self.comparison.rows):
            self.table.setRowHidden(number, only_changes and row.kind == "same")


def _score_line(comparison: Comparison) -> str:
    lines = comparison.changed
    changed = f"{lines} line{'s' * (lines != 1)} differ" if lines else "The texts are the same"
    before, after, delta = comparison.score_before, comparison.score_after, comparison.score_delta
    if delta is None:
        return f"{changed}. Score: {_score(before)} → {_score(after)}."
    return f"{changed}. Score: {before} → {after} ({delta:+d})."


def _score(value: int | None) -> str:
    return "not scored yet" if value is None else str(value)


# -- the dialog -------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Listing:
    rows: list[ApplicationSummary]
    total: int  # applications in the library, whatever the search


class LibraryDialog(QDialog):
    """The applications library. Show it modeless (``show()``) or modal (``exec()``).

    Signals, for the main window:

    * ``reopen_requested(application_id: int, workspace: Workspace)``: the user chose to
      reopen an application. ``workspace`` (:class:`tailorfit.core.library.Workspace`) holds
      everything to put the window back as it was left: ``workspace.application``
      (``posting_text``, ``posting_file_name``, company, title, status, notes) and
      ``workspace.version`` (``id`` to autosave into with ``Library.save_work``,
      ``resume_text``, ``accepted_edits``, ``decisions``, ``window_state``, ``score``,
      ``base_resume_id``). The dialog closes (accepted) after emitting.
    * ``library_changed()``: a change was saved (status, notes, delete, import).
    * ``list_shown(count: int)``: the list shows ``count`` rows (after opening, a search,
      a change).
    * ``details_shown(application_id: int)``: the selected application's versions, status
      history and notes are shown.
    * ``opened(read_only: bool)``: the library is ready.
    * ``failed(message: str)``: an error was shown in the dialog.
    """

    reopen_requested = Signal(int, object)
    library_changed = Signal()
    list_shown = Signal(int)
    details_shown = Signal(int)
    opened = Signal(bool)
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, library: Library | None = None,
                 folder: Path | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        from tailorfit.ui.tasks import TaskRunner

        self.setWindowTitle("Applications library")
        self.setObjectName("library-dialog")
        self.resize(1100, 640)
        self.library: Library | None = library
        self._owns_library = library is None
        self._folder = folder
        self._today = today
        self.tasks: TaskRunner = TaskRunner(self)
        self.compare_dialog: CompareDialog | None = None
        self.message_box: QMessageBox | None = None
        self._application: Application | None = None
        self._versions: list[VersionSummary] = []
        self._loaded_notes = ""

        self.banner = QFrame(self)
        self.banner.setObjectName("library-banner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner_text = QLabel(self.banner)
        self.banner_text.setWordWrap(True)
        self.banner_buttons = QHBoxLayout()
        self.banner_choices: list[QPushButton] = []  # what the banner offers, in order
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addLayout(self.banner_buttons)
        self.banner.setVisible(False)

        self.search = QLineEdit(self)
        self.search.setObjectName("library-search")
        self.search.setPlaceholderText("Search company, title, notes or posting text")
        self.search.setAccessibleName("Search the library")
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.count_label = QLabel(self)
        self.count_label.setObjectName("library-count")

        self.model = ApplicationsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("library-table")
        self.table.setAccessibleName("Applications")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        # Widths from the font, not ResizeToContents: measuring 500 rows on every sort
        # would cost more than the listing itself.
        metrics = self.table.fontMetrics()
        for column, sample in ((COMPANY, "M" * 16), (STATUS, "Interview (2026-12-31)  "),
                               (DATE, "2026-12-31    "), (SCORE, "Score   ")):
            header.resizeSection(column, metrics.horizontalAdvance(sample))
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the core's order at first
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(lambda _index: self.reopen())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.empty = QLabel(self)
        self.empty.setObjectName("library-empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setVisible(False)

        # The selected application: its versions, status history and notes.
        self.heading = QLabel("Select an application.", self)
        self.heading.setObjectName("library-heading")
        self.heading.setWordWrap(True)
        self.history = QLabel(self)
        self.history.setWordWrap(True)
        self.versions = QListWidget(self)
        self.versions.setObjectName("library-versions")
        self.versions.setAccessibleName("Versions of the tailored resume")
        self.versions.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.versions.setToolTip("Select one version to reopen it, or two to compare them.")
        self.versions.itemSelectionChanged.connect(self._update_buttons)
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("library-notes")
        self.notes.setAccessibleName("Notes")
        self.notes.setPlaceholderText("Notes: contacts, dates, what to prepare…")
        self.notes.textChanged.connect(self._update_buttons)
        self.save_notes_button = QPushButton("Save &notes", self)
        self.save_notes_button.clicked.connect(lambda: self.save_notes(self.notes.toPlainText()))

        self.reopen_button = QPushButton("&Reopen", self)
        self.reopen_button.setObjectName("library-reopen")
        self.reopen_button.setToolTip("Open the posting and its tailored resume as you left them")
        self.reopen_button.clicked.connect(lambda: self.reopen())
        self.compare_button = QPushButton("Com&pare versions", self)
        self.compare_button.setToolTip("Two versions side by side, with the score change")
        self.compare_button.clicked.connect(lambda: self.compare())
        self.status_button = QPushButton("Change &status", self)
        self.status_menu = QMenu(self.status_button)
        self.status_group = QActionGroup(self.status_menu)
        self.status_actions: dict[AppStatus, QAction] = {}
        for status in AppStatus:
            action = self.status_menu.addAction(STATUS_NAMES[status])
            action.setCheckable(True)
            action.setActionGroup(self.status_group)
            action.triggered.connect(lambda _checked=False, s=status: self.change_status(s))
            self.status_actions[status] = action
        self.status_button.setMenu(self.status_menu)
        self.delete_button = QPushButton("&Delete…", self)
        self.delete_button.setObjectName("library-delete")
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        self.export_button = QPushButton("E&xport library…", self)
        self.export_button.setToolTip("Save the whole library as one file, to move it to "
                                      "another computer")
        self.export_button.clicked.connect(self.choose_export)
        self.import_button = QPushButton("&Import library…", self)
        self.import_button.setToolTip("Add the applications of a library file; nothing of "
                                      "yours is replaced without asking")
        self.import_button.clicked.connect(self.choose_import)

        self.status = QLabel(self)
        self.status.setObjectName("library-status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        close.rejected.connect(self.reject)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.count_label)
        left_layout.addLayout(search_row)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.history)
        right_layout.addWidget(QLabel("Versions:", self))
        right_layout.addWidget(self.versions, 1)
        right_layout.addWidget(QLabel("Notes:", self))
        right_layout.addWidget(self.notes, 1)
        right_layout.addWidget(self.save_notes_button, 0, Qt.AlignmentFlag.AlignRight)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        actions = QHBoxLayout()
        for button in (self.reopen_button, self.compare_button, self.status_button,
                       self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.export_button)
        actions.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(close)

        self._update_buttons()
        if self.library is not None:
            self._ready(self.library)
        else:
            self._open(lambda: _open_library(folder, today), "Opening the library…")

    # -- opening ----------------------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        return self.library is None or self.library.read_only

    def _open(self, opener: Callable[[], Library], note: str) -> None:
        self._hide_banner()
        self.status.setText(note)
        self.tasks.run("library-open", opener, self._ready, self._open_failed, io=True)

    def _ready(self, library: Library) -> None:
        self.library = library
        self._hide_banner()
        self.status.setText("")
        if library.read_only:
            self.setWindowTitle("Applications library (read-only)")
            self._show_banner("The library is open read-only because another Tailorfit "
                              "window is using it. Close that window and reopen the library "
                              "to make changes.", [])
        self._update_buttons()
        self.opened.emit(library.read_only)
        self.refresh()

    def _open_failed(self, error: BaseException) -> None:
        from tailorfit.core.library.errors import (
            LibraryCorruptError,
            LibraryLockedError,
            LibraryTooNewError,
        )

        folder, today = self._folder, self._today
        message = _message(error)
        self.status.setText("")
        if isinstance(error, LibraryLockedError):
            self._show_banner(message, [("Open read-only", lambda: self._open(
                lambda: _open_library(folder, today, read_only=True),
                "Opening the library read-only…"))])
        elif isinstance(error, LibraryCorruptError):
            choices: list[tuple[str, Callable[[], None]]] = []
            if error.backups:
                backup = error.backups[0]
                choices.append((f"Restore the backup from {backup.day.isoformat()}",
                                lambda: self._open(lambda: _restore(backup, folder),
                                                   "Restoring the backup…")))
            choices.append(("Start an empty library", lambda: self._open(
                lambda: _start_empty(folder, today), "Starting an empty library…")))
            self._show_banner(message, choices)
        elif isinstance(error, LibraryTooNewError):
            self._show_banner(message, [])
        else:
            self._show_banner(message, [("Try again", lambda: self._open(
                lambda: _open_library(folder, today), "Opening the library…"))])
        self._update_buttons()
        self.failed.emit(message)

    def _show_banner(self, text: str, choices: list[tuple[str, Callable[[], None]]]) -> None:
        self._clear_banner_buttons()
        self.banner_text.setText(text)
        for label, act in choices:
            button = QPushButton(label, self.banner)
            button.clicked.connect(act)
            self.banner_buttons.addWidget(button)
            self.banner_choices.append(button)
        self.banner.setVisible(True)

    def _hide_banner(self) -> None:
        self._clear_banner_buttons()
        self.banner.setVisible(False)

    def _clear_banner_buttons(self) -> None:
        for button in self.banner_choices:
            self.banner_buttons.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.banner_choices = []

    # -- the list ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """List the applications matching the search box (all when empty)."""
        library = self.library
        if library is None:
            return
        search = self.search.text().strip()

        def job() -> _Listing:
            rows = library.list_applications(search)
            total = library.count_applications() if search else len(rows)
            return _Listing(rows, total)

        self.tasks.run("library-list", job, lambda listing: self._show_list(listing, search),
                       self._error)

    def _show_list(self, listing: _Listing, search: str) -> None:
        if self.library is None:
            return  # closed meanwhile
        selected = self.selected_id()
        self.model.set_rows(listing.rows)
        shown = len(listing.rows)
        if search:
            self.count_label.setText(f"{shown} of {listing.total} match")
        else:
            self.count_label.setText(f"{shown} application{'s' * (shown != 1)}")
        if shown:
            self.empty.setVisible(False)
        elif search:
            self.empty.setText(f"No application matches “{search}”. Try fewer or other words.")
            self.empty.setVisible(True)
        else:
            self.empty.setText("No applications yet. Add the posting you are working on to the "
                               "library from the main window, and it is listed here.")
            self.empty.setVisible(True)
        if selected is not None:
            self.select(selected)
        if self.selected_id() is None:
            self._show_details(None)
        self._update_buttons()
        self.list_shown.emit(shown)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.summary(rows[0].row()).id if rows else None

    def select(self, application_id: int) -> bool:
        """Select the application's row; False when it is not in the list."""
        row = self.model.row_of(application_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _selected(self) -> None:
        ident = self.selected_id()
        library = self.library
        self._update_buttons()
        if ident is None or library is None:
            self._show_details(None)
            return
        if self._application is not None and self._application.id == ident:
            return

        def job() -> tuple[Application, list[VersionSummary]]:
            return library.application(ident), library.versions(ident)

        self.tasks.run("library-detail", job, self._show_details, self._error)

    def _show_details(self, detail: tuple[Application, list[VersionSummary]] | None) -> None:
        self.versions.clear()
        if detail is None or detail[0].id != self.selected_id():
            self._application, self._versions, self._loaded_notes = None, [], ""
            self.heading.setText("Select an application.")
            self.history.setText("")
            self.notes.setPlainText("")
            self._update_buttons()
            return
        application, versions = detail
        self._application, self._versions = application, versions
        what = " at ".join(part for part in (application.title, application.company) if part)
        self.heading.setText(f"<b>{_escape(what or application.posting_file_name or 'Posting')}"
                             "</b>")
        self.history.setText("Status: " + " → ".join(
            f"{STATUS_NAMES[change.status]} {change.day.isoformat()}"
            for change in application.history))
        for version in versions:
            label = f" · {version.label}" if version.label else ""
            item = QListWidgetItem(
                f"Version {version.number}{label} · score {_score(version.score)} · "
                f"{version.updated_at.astimezone().strftime('%Y-%m-%d %H:%M')}")
            item.setData(ID_ROLE, version.id)
            self.versions.addItem(item)
        self._loaded_notes = application.notes
        self.notes.setPlainText(application.notes)
        self.status_actions[application.status].setChecked(True)
        self._update_buttons()
        self.details_shown.emit(application.id)

    def _update_buttons(self) -> None:
        selected = self.selected_id() is not None
        writable = not self.read_only
        details = self._application is not None and self._application.id == self.selected_id()
        self.reopen_button.setEnabled(selected)
        self.compare_button.setEnabled(details and len(self._versions) >= 2)
        self.status_button.setEnabled(selected and writable)
        self.delete_button.setEnabled(selected and writable)
        self.notes.setReadOnly(not (details and writable))
        self.save_notes_button.setEnabled(
            details and writable and self.notes.toPlainText() != self._loaded_notes)
        self.export_button.setEnabled(self.library is not None)
        self.import_button.setEnabled(self.library is not None and writable)
        self.search.setEnabled(self.library is not None)

    def _selected_versions(self) -> list[int]:
        chosen = {item.data(ID_ROLE) for item in self.versions.selectedItems()}
        return [v.id for v in self._versions if v.id in chosen]  # oldest first

    # -- actions on the selected application --------------------------------------------------
    def reopen(self, application_id: int | None = None) -> None:
        """Load the application (the version selected, else its newest) and emit
        :attr:`reopen_requested`."""
        library = self.library
        ident = application_id if application_id is not None else self.selected_id()
        if library is None or ident is None:
            return
        chosen = self._selected_versions() if application_id is None else []
        version = chosen[-1] if len(chosen) == 1 else None

        def job() -> Workspace:
            return library.reopen(ident, version)

        self.tasks.run("library-reopen", job, self._reopened, self._error)

    def _reopened(self, workspace: Workspace) -> None:
        self.reopen_requested.emit(workspace.application.id, workspace)
        self.accept()

    def compare(self, before: int | None = None, after: int | None = None) -> None:
        """Compare two versions (ids): by default the two selected, else the two newest."""
        library = self.library
        if library is None:
            return
        if before is None or after is None:
            chosen = self._selected_versions()
            ids = [v.id for v in self._versions]
            pair = chosen if len(chosen) == 2 else ids[-2:]
            if len(pair) != 2:
                self._note("Select an application with two or more versions, or select two "
                           "versions, to compare them.")
                return
            before, after = pair
        names = {v.id: f"Version {v.number}" for v in self._versions}
        first, second = before, after

        def job() -> Comparison:
            return library.compare_versions(first, second)

        def show(comparison: Comparison) -> None:
            dialog = CompareDialog(comparison, names.get(first, "Before"),
                                   names.get(second, "After"), self)
            self.compare_dialog = dialog
            dialog.show()

        self.tasks.run("library-compare", job, show, self._error)

    def change_status(self, status: AppStatus | str) -> None:
        ident = self.selected_id()
        if ident is None or self.read_only:
            return
        value = AppStatus(status)
        self._write(lambda library: library.set_status(ident, value, self._today),
                    f"Marked as {STATUS_NAMES[value].lower()}.")

    def save_notes(self, text: str) -> None:
        ident = self.selected_id()
        if ident is None or self.read_only:
            return
        self._write(lambda library: library.update_application(ident, notes=text),
                    "Notes saved.")

    def delete_selected(self) -> None:
        """Delete the selected application after asking."""
        ident = self.selected_id()
        if ident is None or self.read_only:
            return
        row = self.model.summary(self.model.row_of(ident) or 0)
        name = " at ".join(part for part in (row.title, row.company) if part) or "this application"
        versions = f"{row.versions} version{'s' * (row.versions != 1)}"
        if not self.ask(f"Delete {name}?",
                        f"This deletes the application with its {versions}, notes, scores "
                        "and the record of exported files from the library. Files you exported "
                        "stay where they are.", "Delete"):
            return
        self._write(lambda library: library.delete_application(ident), f"Deleted {name}.",
                    removes=True)

    def _write(self, change: Callable[[Library], object], done: str, *,
               removes: bool = False) -> None:
        library = self.library
        if library is None:
            return

        def finished(_result: object) -> None:
            self._application = None  # reload the details too
            if removes:  # the row is gone: its details must not be asked for again
                self.table.clearSelection()
            self._note(done)
            self.library_changed.emit()
            self.refresh()
            self._selected()

        self.tasks.run("library-write", lambda: change(library), finished, self._error, io=True)

    # -- moving the library -----------------------------------------------------------------
    def choose_export(self) -> None:
        from tailorfit.core.library.archive import suggested_name

        start = Path(_documents()) / suggested_name(self._today)
        path, _ = QFileDialog.getSaveFileName(self, "Export the library", str(start),
                                              ARCHIVE_FILTER)
        if path:
            target = Path(path)
            self.export_to(target if target.suffix else target.with_suffix(".tailorfit"))

    def export_to(self, target: Path) -> None:
        """Write the whole library to ``target`` (the file dialog has asked about replacing)."""
        library = self.library
        if library is None:
            return
        self._note("Exporting the library…")

        def done(count: int) -> None:
            self._note(f"Exported {count} application{'s' * (count != 1)} to {target.name}. "
                       "Import that file in Tailorfit on the other computer.")

        self.tasks.run("library-export", lambda: library.export_archive(target), done,
                       self._error, io=True)

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import a library", _documents(),
                                              ARCHIVE_FILTER)
        if path:
            self.import_from(Path(path))

    def import_from(self, source: Path) -> None:
        """Read an archive, ask about applications it would overwrite, then import it."""
        library = self.library
        if library is None or self.read_only:
            return
        self._note(f"Reading {source.name}…")

        def job() -> tuple[LibraryArchive, list[Conflict]]:
            from tailorfit.core.library import read_archive

            archive = read_archive(source)
            return archive, library.import_conflicts(archive)

        def read(result: tuple[LibraryArchive, list[Conflict]]) -> None:
            archive, conflicts = result
            policy = None
            if conflicts:
                policy = self.choose_policy(conflicts)
                if policy is None:
                    self._note("Nothing was imported.")
                    return
            self._import(archive, policy)

        self.tasks.run("library-import", job, read, self._error)

    def _import(self, archive: LibraryArchive, policy: ImportPolicy | None) -> None:
        from tailorfit.core.library.errors import ImportConflictError

        library = self.library
        assert library is not None

        def done(report: ImportReport) -> None:
            self._note(report.describe())
            self.library_changed.emit()
            self.refresh()

        def failed(error: BaseException) -> None:
            if isinstance(error, ImportConflictError) and policy is None:
                chosen = self.choose_policy(list(error.conflicts))  # changed since it was read
                if chosen is not None:
                    self._import(archive, chosen)
                    return
                self._note("Nothing was imported.")
                return
            self._error(error)

        self.tasks.run("library-import", lambda: library.import_archive(archive, policy), done,
                       failed, io=True)

    def choose_policy(self, conflicts: list[Conflict]) -> ImportPolicy | None:
        """Ask what to do with applications the import would overwrite; None cancels."""
        from tailorfit.core.library.merge import ImportPolicy

        count = len(conflicts)
        listed = "\n".join(
            f"•  {' at '.join(p for p in (c.title, c.company) if p) or 'Untitled'}: yours "
            f"changed {c.library_updated_at.astimezone():%Y-%m-%d %H:%M}, the file's "
            f"{c.archive_updated_at.astimezone():%Y-%m-%d %H:%M}"
            for c in conflicts[:12])
        if count > 12:
            listed += f"\n…and {count - 12} more"
        box = QMessageBox(QMessageBox.Icon.Question, "Some applications are already here",
                          f"{count} application{' is' if count == 1 else 's are'} already in "
                          "your library with other changes. Nothing is imported until you "
                          "choose:", QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("library-import-conflicts")
        box.setInformativeText(listed)
        choices = {
            box.addButton("Keep mine (skip those)", QMessageBox.ButtonRole.AcceptRole):
                ImportPolicy.SKIP,
            box.addButton("Keep both", QMessageBox.ButtonRole.AcceptRole): ImportPolicy.KEEP_BOTH,
            box.addButton("Replace mine", QMessageBox.ButtonRole.DestructiveRole):
                ImportPolicy.REPLACE,
        }
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.message_box = box
        box.exec()
        self.message_box = None
        clicked = box.clickedButton()
        return next((policy for button, policy in choices.items() if button is clicked), None)

    # -- messages -----------------------------------------------------------------------------
    def ask(self, title: str, text: str, accept: str) -> bool:
        """A yes/no question; the default answer keeps the user's data."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("library-confirm")
        yes = box.addButton(accept, QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.message_box = box
        box.exec()
        self.message_box = None
        return box.clickedButton() is yes

    def _note(self, text: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(text)

    def _error(self, error: BaseException) -> None:
        from tailorfit.core.library.errors import NotInLibraryError

        message = _message(error)
        self.status.setStyleSheet("font-weight: bold;")
        self.status.setText(message)
        self.failed.emit(message)
        if isinstance(error, NotInLibraryError):
            self.refresh()

    # -- closing ------------------------------------------------------------------------------
    def done(self, result: int) -> None:
        self._close_library()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._close_library()
        super().closeEvent(event)

    def _close_library(self) -> None:
        """Let running jobs end, then close the library if this dialog opened it."""
        self.tasks.wait(10000)
        if self.compare_dialog is not None:
            self.compare_dialog.close()
        if self._owns_library and self.library is not None:
            library, self.library = self.library, None
            library.close()
            self._update_buttons()


def _open_library(folder: Path | None, today: date | None, *,
                  read_only: bool = False) -> Library:
    from tailorfit.core.library import Library

    return Library.open(folder, read_only=read_only, today=today)


def _restore(backup: Backup, folder: Path | None) -> Library:
    from tailorfit.core.library import Library

    return Library.restore_backup(backup, folder)


def _start_empty(folder: Path | None, today: date | None) -> Library:
    from tailorfit.core.library import Library

    Library.set_aside(folder)
    return Library.open(folder, today=today)


def _message(error: BaseException) -> str:
    if isinstance(error, TailorfitError):
        return error.message
    return (f"The library could not do that because of an unexpected error "
            f"({type(error).__name__}). Close the library and try again.")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _documents() -> str:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())
