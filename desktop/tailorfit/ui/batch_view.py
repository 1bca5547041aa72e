"""The Batch view: one resume against a folder of postings, for career centers.

The ranking is :func:`tailorfit.core.rank.rank_postings` (worker processes on every core),
driven from a :class:`~tailorfit.ui.tasks.TaskRunner` job of the dialog's own, so a long
batch never waits behind, or holds up, the main window's analyses. Progress crosses from
that job to the window by a queued signal; Cancel sets the core's cancel event, which stops
the workers within 50 ms. The table is sortable; a double-click emits :attr:`open_pair`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tailorfit.core.errors import TailorfitError
from tailorfit.core.rank import RankRow, Skipped
from tailorfit.ui.tasks import TaskRunner

COLUMNS = ("Score", "Must-haves missing", "Title", "Company", "File")
SCORE, MUST, TITLE, COMPANY, FILE = range(len(COLUMNS))
PATH_ROLE = Qt.ItemDataRole.UserRole
RESUME_FILTER = "Resumes (*.docx *.docm *.pdf *.txt *.md);;All files (*)"


@dataclass
class BatchOutcome:
    """What one run gave: the rows (best first), the files skipped, and whether it ended early."""

    resume: Path
    rows: list[RankRow] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    total: int = 0  # posting files found
    cancelled: bool = False

    @property
    def done(self) -> int:
        return len(self.rows) + len(self.skipped)


class BatchDialog(QDialog):
    """Rank one resume against a folder of postings, with progress, Cancel and a sortable table.

    ``workers`` and ``method`` go to :func:`~tailorfit.core.rank.rank_postings` (default:
    every core, the platform's start method). The dialog may be shown modeless (``show()``).
    """

    open_pair = Signal(object, object)  # (posting_path: Path, resume_path: Path)
    ranking_finished = Signal(object)  # BatchOutcome, also after Cancel
    ranking_failed = Signal(str)  # the message shown (unreadable resume, no postings, ...)
    _progressed = Signal(int, int)  # from the ranking job's thread: done, total

    def __init__(self, parent: QWidget | None = None, *, resume: Path | None = None,
                 folder: Path | None = None, today: date | None = None,
                 workers: int | None = None, method: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Batch: rank postings for one resume")
        self.setObjectName("batch-dialog")
        self.resize(900, 600)
        self._today = today
        self._workers = workers
        self._method = method
        self._cancel: threading.Event | None = None
        self.outcome: BatchOutcome | None = None
        self.tasks = TaskRunner(self)

        self.resume_edit = QLineEdit(self)
        self.resume_edit.setObjectName("batch-resume")
        self.resume_edit.setAccessibleName("Resume file")
        self.resume_edit.setPlaceholderText("The resume to rank the postings for")
        resume_button = QPushButton("Choose…", self)
        resume_button.setAccessibleName("Choose the resume")
        resume_button.clicked.connect(self.choose_resume)
        self.folder_edit = QLineEdit(self)
        self.folder_edit.setObjectName("batch-folder")
        self.folder_edit.setAccessibleName("Folder of postings")
        self.folder_edit.setPlaceholderText("A folder of postings (.txt, .md, .pdf, .docx, .html)")
        folder_button = QPushButton("Choose…", self)
        folder_button.setAccessibleName("Choose the folder of postings")
        folder_button.clicked.connect(self.choose_folder)
        self.rank_button = QPushButton("&Rank", self)
        self.rank_button.setObjectName("batch-rank")
        self.rank_button.setDefault(True)
        self.rank_button.clicked.connect(self.start)
        self.cancel_button = QPushButton("&Cancel", self)
        self.cancel_button.setObjectName("batch-cancel")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("batch-progress")
        self.progress.setAccessibleName("Ranking progress")
        self.progress.setFormat("Ranked %v of %m")
        self.progress.setVisible(False)
        self.status = QLabel("Choose a resume and a folder of postings, then Rank.", self)
        self.status.setObjectName("batch-status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("batch-table")
        self.table.setAccessibleName("Ranked postings, best first")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setSortingEnabled(True)
        self.table.setToolTip("Double-click a posting to open it beside the resume.")
        header = self.table.horizontalHeader()
        for column in (SCORE, MUST):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COMPANY, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FILE, QHeaderView.ResizeMode.Interactive)
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))

        self.skipped_label = QLabel(self)
        self.skipped_label.setVisible(False)
        self.skipped_list = QPlainTextEdit(self)
        self.skipped_list.setObjectName("batch-skipped")
        self.skipped_list.setAccessibleName("Postings that could not be ranked")
        self.skipped_list.setReadOnly(True)
        self.skipped_list.setMaximumHeight(90)
        self.skipped_list.setVisible(False)

        self.open_button = QPushButton("&Open side by side", self)
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(lambda: self.open_row(self.table.currentRow()))
        self.table.itemSelectionChanged.connect(
            lambda: self.open_button.setEnabled(bool(self.table.selectedItems())))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        close.rejected.connect(self.reject)
        close.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)

        inputs = QGridLayout()
        inputs.addWidget(_buddy("&Resume:", self.resume_edit), 0, 0)
        inputs.addWidget(self.resume_edit, 0, 1)
        inputs.addWidget(resume_button, 0, 2)
        inputs.addWidget(_buddy("&Postings:", self.folder_edit), 1, 0)
        inputs.addWidget(self.folder_edit, 1, 1)
        inputs.addWidget(folder_button, 1, 2)
        run = QHBoxLayout()
        run.addWidget(self.progress, 1)
        run.addWidget(self.rank_button)
        run.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(inputs)
        layout.addLayout(run)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.skipped_label)
        layout.addWidget(self.skipped_list)
        layout.addWidget(close)

        self._progressed.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)
        if resume is not None:
            self.resume_edit.setText(str(resume))
        if folder is not None:
            self.folder_edit.setText(str(folder))

    # -- choosing ---------------------------------------------------------------------------
    def choose_resume(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Choose the resume", self._start_folder(),
                                              RESUME_FILTER)
        if path:
            self.resume_edit.setText(path)

    def choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Choose the folder of postings",
                                                self._start_folder())
        if path:
            self.folder_edit.setText(path)

    def _start_folder(self) -> str:
        for text in (self.folder_edit.text(), self.resume_edit.text()):
            if text.strip():
                folder = Path(text.strip())
                folder = folder if folder.is_dir() else folder.parent
                if folder.is_dir():
                    return str(folder)
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        return documents or str(Path.home())

    # -- ranking ----------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._cancel is not None

    def start(self) -> None:
        """Rank the folder's postings for the resume, in the background."""
        if self.running:
            return
        resume_text, folder_text = self.resume_edit.text().strip(), self.folder_edit.text().strip()
        if not resume_text or not folder_text:
            self._fail("Choose a resume file and a folder of postings first.")
            return
        resume, folder = Path(resume_text), Path(folder_text)
        cancel = threading.Event()
        self._cancel = cancel
        self.outcome = None
        self.table.setRowCount(0)
        self.skipped_list.clear()
        self.skipped_label.setVisible(False)
        self.skipped_list.setVisible(False)
        self.progress.setRange(0, 0)  # busy until the files are counted
        self.progress.setVisible(True)
        self.status.setStyleSheet("")
        self.status.setText("Reading the resume and starting…")
        self._set_running(True)
        today, workers, method = self._today, self._workers, self._method
        emit = self._progressed.emit

        def job() -> BatchOutcome:
            return _rank(resume, folder, cancel, emit, today, workers, method)

        self.tasks.run("batch", job, self._finished, self._failed)

    def cancel(self) -> None:
        """Stop the ranking; the postings ranked so far stay in the table."""
        if self._cancel is not None:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.status.setText("Stopping…")

    @Slot(int, int)
    def _show_progress(self, done: int, total: int) -> None:
        if not self.running:
            return
        if self.progress.maximum() != total:
            self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.status.setText(f"Ranking {total} postings…")

    def _finished(self, outcome: BatchOutcome) -> None:
        self._set_running(False)
        self.outcome = outcome
        self._fill(outcome)
        self.progress.setRange(0, max(outcome.total, 1))
        self.progress.setValue(outcome.done)
        ranked = len(outcome.rows)
        if outcome.cancelled:
            text = (f"Cancelled after {outcome.done} of {outcome.total} postings; the "
                    f"{ranked} ranked so far are below.")
        else:
            text = f"{ranked} of {outcome.total} postings ranked, best first."
        if outcome.skipped:
            text += f" {len(outcome.skipped)} could not be ranked (listed below)."
        if ranked:
            text += " Double-click one to open it beside the resume."
        self.status.setText(text)
        self.ranking_finished.emit(outcome)

    def _failed(self, error: BaseException) -> None:
        self._set_running(False)
        self.progress.setVisible(False)
        if isinstance(error, TailorfitError):
            message = error.message
        else:
            message = (f"The batch stopped because of an unexpected error "
                       f"({type(error).__name__}). Try again; if it happens again, report it.")
        self._fail(message)

    def _fail(self, message: str) -> None:
        self.status.setStyleSheet("font-weight: bold;")
        self.status.setText(message)
        self.ranking_failed.emit(message)

    def _set_running(self, running: bool) -> None:
        if not running:
            self._cancel = None
        self.rank_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.resume_edit.setReadOnly(running)
        self.folder_edit.setReadOnly(running)

    def _fill(self, outcome: BatchOutcome) -> None:
        self.table.setSortingEnabled(False)  # fill first, sort once
        self.table.setRowCount(len(outcome.rows))
        for number, row in enumerate(outcome.rows):
            cells = {SCORE: _number(row.score), MUST: _number(row.must_missing),
                     TITLE: QTableWidgetItem(row.title or "(no title found)"),
                     COMPANY: QTableWidgetItem(row.company or ""),
                     FILE: QTableWidgetItem(row.path.name)}
            cells[FILE].setToolTip(str(row.path))
            cells[SCORE].setData(PATH_ROLE, row.path)
            cells[SCORE].setToolTip(f"{row.met} met, {row.partial} partly met, {row.missing} "
                                    f"missing of {row.requirements} requirements")
            for column, item in cells.items():
                self.table.setItem(number, column, item)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(SCORE, Qt.SortOrder.DescendingOrder)
        if outcome.skipped:
            self.skipped_label.setText(f"Could not be ranked ({len(outcome.skipped)}):")
            self.skipped_list.setPlainText("\n".join(f"{s.path.name}: {s.message}"
                                                     for s in outcome.skipped))
        self.skipped_label.setVisible(bool(outcome.skipped))
        self.skipped_list.setVisible(bool(outcome.skipped))

    # -- opening a pair ---------------------------------------------------------------------
    def posting_at(self, row: int) -> Path | None:
        """The posting file shown in table row ``row`` (as sorted now)."""
        item = self.table.item(row, SCORE)
        value = item.data(PATH_ROLE) if item is not None else None
        return value if isinstance(value, Path) else None

    def open_row(self, row: int) -> None:
        posting = self.posting_at(row)
        if posting is not None and self.outcome is not None:
            self.open_pair.emit(posting, self.outcome.resume)

    # -- closing ----------------------------------------------------------------------------
    def done(self, result: int) -> None:
        self._stop()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop()
        super().closeEvent(event)

    def _stop(self) -> None:
        """Cancel a run and wait for its workers to stop (within about 50 ms)."""
        self.cancel()
        self.tasks.wait(10000)


def _buddy(text: str, field: QWidget) -> QLabel:
    label = QLabel(text, field.parentWidget())
    label.setBuddy(field)
    return label


def _number(value: int) -> QTableWidgetItem:
    item = QTableWidgetItem()
    item.setData(Qt.ItemDataRole.DisplayRole, value)  # sorts as a number
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _rank(resume: Path, folder: Path, cancel: threading.Event,
          emit: Callable[[int, int], None], today: date | None, workers: int | None,
          method: str | None) -> BatchOutcome:
    """The job: find the postings, rank them, collect the results (on the worker thread)."""
    from tailorfit.core import rank
    from tailorfit.core.errors import UsageError

    if not folder.is_dir():
        raise UsageError(f"The folder '{folder.name or folder}' does not exist. Choose the "
                         "folder that holds the postings.")
    if not resume.is_file():
        raise UsageError(f"The resume '{resume.name or resume}' does not exist or is not a "
                         "file. Choose the resume file again.")
    files = rank.posting_files([folder])
    outcome = BatchOutcome(resume, total=len(files))

    def progress(done: int, total: int) -> None:
        if not cancel.is_set():  # after Cancel the dialog may be closing: stay quiet
            emit(done, total)

    progress(0, len(files))
    for result in rank.rank_postings(resume, files, today=today, workers=workers,
                                     cancel=cancel, progress=progress, method=method):
        if isinstance(result, rank.RankRow):
            outcome.rows.append(result)
        else:
            outcome.skipped.append(result)
    outcome.cancelled = cancel.is_set() and outcome.done < outcome.total
    outcome.rows = rank.best_first(outcome.rows)
    return outcome
