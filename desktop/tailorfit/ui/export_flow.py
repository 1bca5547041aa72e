"""The window's exports: the tailored resume (DOCX) and the match report (HTML or PDF).

The flow asks where to save and how (on the main thread), then hands the export to the
controller's task runner: the edits are planned and the file built, written atomically and
read back on the writing worker, and the outcome comes back on the main thread as a
one-line note (``finished``) or an error a person can act on (``failed``). The export's own
progress callback runs on the worker; a queued Qt signal carries it to the main thread.

The resume file that was opened is never written, nor is a file the user did not agree to
replace; the pane's working text is only read. Dialogs go through small methods
(``_ask_options``, ``_ask_save_path``, ``_confirm``, ``_export_anyway``, ``_inform``) that
tests replace.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QWidget,
)

from tailorfit.core.errors import PlaceholderError, TailorfitError, display_name
from tailorfit.core.model import SourceFormat
from tailorfit.core.resources import resource_path
from tailorfit.ui.settings import data_dir

if TYPE_CHECKING:
    from tailorfit.core.export.pipeline import ExportOptions, ExportResult
    from tailorfit.core.export.report import EditRow
    from tailorfit.core.export.suggestions import AcceptedSuggestion
    from tailorfit.core.match.result import Analysis
    from tailorfit.core.model import Document
    from tailorfit.ui.controller import Controller

DOCX_FILTER = "Word documents (*.docx)"
REPORT_FILTER = "HTML report (*.html *.htm);;PDF report (*.pdf)"
DOCX_SUFFIXES = (".docx",)
REPORT_SUFFIXES = (".html", ".htm", ".pdf")
EXPORT_TITLE = "Could not export the resume"
REPORT_TITLE = "Could not save the match report"
_LOOK_NAMES = {"classic": "Classic (Times New Roman, ruled headings)",
               "modern": "Modern (Calibri, blue headings)"}


@dataclass(frozen=True, slots=True)
class ExportChoice:
    """How the user wants the resume exported.

    ``template`` None edits a Word resume in place (its own formatting); a look's name builds
    a clean copy in that look. ``tracked`` writes in-place edits as Word tracked changes.
    """

    template: str | None = None
    tracked: bool = False


class ExportOptionsDialog(QDialog):
    """The export's two questions: which look, and whether to write tracked changes.

    A Word resume can keep its own formatting (edited in place, the default) or become a
    clean copy in a look; a PDF, text or pasted resume always becomes a clean copy. Tracked
    changes exist only for a Word resume edited in place.
    """

    OWN = ""  # the look combo's value for "keep my formatting"

    def __init__(self, word_source: bool, looks: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export tailored resume")
        self.setObjectName("export-options-dialog")
        self.look = QComboBox(self)
        self.look.setObjectName("export-look")
        self.look.setAccessibleName("Look of the exported resume")
        if word_source:
            self.look.addItem("My own formatting (edit a copy of my .docx)", self.OWN)
        for name in looks:
            label = _LOOK_NAMES.get(name, name.capitalize())
            self.look.addItem(f"Clean copy: {label}" if word_source else label, name)
        self.tracked = QCheckBox("Write changes as &tracked changes", self)
        self.tracked.setObjectName("export-tracked")
        self.tracked.setToolTip("Your edits appear as Word tracked changes by \"Tailorfit\", so "
                                "you can review them in Word or LibreOffice.")
        self.tracked.setVisible(word_source)
        self.look.currentIndexChanged.connect(self._look_changed)
        self._look_changed()
        intro = QLabel("Your resume file is never changed: the tailored resume is saved as a "
                       "new file." if word_source else
                       "Your resume becomes a clean Word document, in the look you choose.",
                       self)
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, parent=self)
        buttons.addButton("Choose &file…", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow("&Look:", self.look)
        form.addRow(self.tracked)
        form.addRow(buttons)

    def _look_changed(self) -> None:
        own = self.look.currentData() == self.OWN
        self.tracked.setEnabled(own)
        if not own:
            self.tracked.setChecked(False)

    def choice(self) -> ExportChoice:
        look = str(self.look.currentData() or "")
        return ExportChoice(template=look or None,
                            tracked=self.tracked.isEnabled() and self.tracked.isChecked())


class _ProgressRelay(QObject):
    """Lives on the main thread; the worker emits ``moved`` and Qt queues it across."""

    moved = Signal(str, float)


@dataclass(frozen=True, slots=True)
class _Snapshot:
    """What an export reads from the window, taken on the main thread when it starts."""

    source: Document
    working_text: str
    accepted: tuple[AcceptedSuggestion, ...]
    analysis: Analysis
    resume_path: Path | None


class ExportFlow(QObject):
    """Export DOCX and Export report, from the menu to the file on disk."""

    progress = Signal(str, float)  # what the export is doing, how far (0 to 1)
    finished = Signal(str)  # a one-line note for the status bar
    failed = Signal(str, str)  # title, message a person can act on
    running_changed = Signal(bool)

    def __init__(self, controller: Controller, parent_widget: QWidget | None,
                 accepted: Callable[[], Sequence[AcceptedSuggestion]]) -> None:
        super().__init__(parent_widget)
        self.controller = controller
        self.accepted = accepted
        self.message_box: QMessageBox | None = None
        self.last_result: ExportResult | None = None
        self.actions: list[QAction] = []
        self._running = False
        self._last_folder: Path | None = None
        self._save_title = ""
        self._relay = _ProgressRelay(self)
        self._relay.moved.connect(self._relay_progress, Qt.ConnectionType.QueuedConnection)
        controller.analysis_changed.connect(self._sync_actions)

    @property
    def parent_widget(self) -> QWidget | None:
        # Asked of Qt each time, not kept: a Python reference from this child back to the
        # window would make a cycle the garbage collector may break while Qt still uses it.
        parent = self.parent()
        return parent if isinstance(parent, QWidget) else None

    @property
    def running(self) -> bool:
        return self._running

    # -- the tailored resume -------------------------------------------------------------------
    def export_docx(self) -> None:
        """Ask how and where, then export the tailored resume in the background."""
        snapshot = self._snapshot(EXPORT_TITLE)
        if snapshot is None:
            return
        word = snapshot.source.source.format is SourceFormat.DOCX
        choice = self._ask_options(word)
        if choice is None:
            return
        from tailorfit.core.export.save import default_file_name

        analysis = snapshot.analysis
        name = default_file_name(analysis.resume.contact.name, analysis.posting.company,
                                 analysis.posting.title)
        self._save_title = "Export tailored resume"
        target = self._target(self._ask_save_path(self._start_folder() / name, DOCX_FILTER),
                              DOCX_SUFFIXES, EXPORT_TITLE)
        if target is None:
            return
        path, overwrite = target
        from tailorfit.core.export.pipeline import ExportOptions

        options = ExportOptions(overwrite=overwrite, template=choice.template,
                                tracked=choice.tracked and word)
        self._last_folder = path.parent
        self._run_export(snapshot, path, options)

    def _run_export(self, snapshot: _Snapshot, target: Path, options: ExportOptions) -> None:
        relay = self._relay
        expected = snapshot.analysis.score

        def work() -> ExportResult:
            from tailorfit.core.export.pipeline import export_resume
            from tailorfit.core.export.plan import plan_edits

            relay.moved.emit("Finding your edits", 0.0)
            edits = plan_edits(snapshot.source, working_text=snapshot.working_text,
                               accepted=snapshot.accepted)
            return export_resume(snapshot.source, target, edits=edits, options=options,
                                 posting=snapshot.analysis.posting, expected_score=expected,
                                 progress=relay.moved.emit)

        def done(result: ExportResult) -> None:
            self._set_running(False)
            self.last_result = result
            self.finished.emit(_export_note(result, options.tracked))
            if result.warnings or result.notes:
                self._inform("Tailored resume exported", _export_summary(result))

        def error(exc: BaseException) -> None:
            self._set_running(False)
            if isinstance(exc, PlaceholderError) and not options.allow_placeholders:
                if self._export_anyway("Placeholders left to fill in",
                                       _placeholder_text(exc.placeholders)):
                    self._run_export(snapshot, target, replace(options, allow_placeholders=True))
                return
            self._fail(EXPORT_TITLE, exc)

        self._set_running(True)
        self.controller.tasks.run("export", work, done, error, io=True)

    # -- the match report ------------------------------------------------------------------------
    def export_report(self) -> None:
        """Ask where, then save the match report as HTML or PDF."""
        snapshot = self._snapshot(REPORT_TITLE)
        if snapshot is None:
            return
        from tailorfit.core.export.save import default_file_name

        analysis = snapshot.analysis
        name = default_file_name(analysis.resume.contact.name, analysis.posting.company,
                                 analysis.posting.title, " - match report.html")
        self._save_title = "Export match report"
        target = self._target(self._ask_save_path(self._start_folder() / name, REPORT_FILTER),
                              REPORT_SUFFIXES, REPORT_TITLE)
        if target is None:
            return
        path, overwrite = target
        self._last_folder = path.parent
        pdf = path.suffix.lower() == ".pdf"
        relay = self._relay
        protect = snapshot.resume_path or snapshot.source.source.path

        def work() -> tuple[str, str]:
            from tailorfit.core.export.report import render_report, write_report_html

            relay.moved.emit("Writing the match report", 0.1)
            rows, note = _report_edits(snapshot)
            html = render_report(snapshot.analysis, edits=rows)
            if not pdf:
                relay.moved.emit("Saving", 0.6)
                write_report_html(html, path, overwrite=overwrite, source=protect)
                relay.moved.emit("Done", 1.0)
            return html, note

        def done(rendered: tuple[str, str]) -> None:
            html, note = rendered
            if pdf:
                self._write_pdf(html, path, overwrite, protect, snapshot.analysis, note)
                return
            self._set_running(False)
            self._report_saved(path, snapshot.analysis, note)

        def error(exc: BaseException) -> None:
            self._set_running(False)
            self._fail(REPORT_TITLE, exc)

        self._set_running(True)
        self.controller.tasks.run("export", work, done, error, io=True)

    def _write_pdf(self, html: str, path: Path, overwrite: bool, protect: Path | None,
                   analysis: Analysis, note: str) -> None:
        """Print on the main thread (QTextDocument and QPdfWriter are Qt GUI objects), then
        write the bytes atomically on the writing worker."""
        self.progress.emit("Printing the PDF", 0.5)
        try:
            from tailorfit.ui.pdf import html_to_pdf

            data = html_to_pdf(html, title=f"Match report: {analysis.posting.title or 'posting'}")
        except Exception as exc:  # the app never crashes on an export
            self._set_running(False)
            self._fail(REPORT_TITLE, exc)
            return
        relay = self._relay

        def work() -> None:
            from tailorfit.core.export.save import write_atomically

            relay.moved.emit("Saving", 0.8)
            write_atomically(path, data, overwrite=overwrite, source=protect)
            relay.moved.emit("Done", 1.0)

        def done(_: object) -> None:
            self._set_running(False)
            self._report_saved(path, analysis, note)

        def error(exc: BaseException) -> None:
            self._set_running(False)
            self._fail(REPORT_TITLE, exc)

        self.controller.tasks.run("export", work, done, error, io=True)

    def _report_saved(self, path: Path, analysis: Analysis, note: str) -> None:
        gaps = sum(1 for v in analysis.verdicts if v.status.value != "met")
        self.finished.emit(f"Saved the match report {display_name(path)} in {path.parent}: "
                           f"score {analysis.score}/100, {gaps} gap(s) to prepare for.")
        if note:
            self._inform("Match report saved", note)

    # -- steps shared by both exports ----------------------------------------------------------
    def _snapshot(self, title: str) -> _Snapshot | None:
        """What the export needs from the window, or None (and a message) when it cannot run."""
        if self._running:
            self.failed.emit(title, "An export is still running. Wait until it has finished, "
                                    "then try again.")
            return None
        side = self.controller.sides["resume"]
        view = self.controller.view
        if side.document is None or view is None or self.controller.sides["posting"].document \
                is None:
            self.failed.emit(title, "Open your resume and a job posting first; the export "
                                    "tailors the resume to the posting.")
            return None
        try:
            accepted = tuple(self.accepted())
        except Exception as exc:  # the window's list of accepted suggestions failed
            self._fail(title, exc)
            return None
        return _Snapshot(side.document, side.shown, accepted, view.analysis, side.path)

    def _target(self, chosen: Path | None, suffixes: tuple[str, ...],
                title: str) -> tuple[Path, bool] | None:
        """The file to write and whether replacing it was confirmed; None to stop.

        Refuses the opened files themselves and folders, and asks before replacing a file.
        """
        if chosen is None:
            return None
        path = Path(chosen).expanduser()
        if path.suffix.lower() not in suffixes:
            path = path.with_name(path.name + suffixes[0])
        path = path.absolute()
        for kind in ("resume", "posting"):
            if any(_same_file(path, p) for p in self._opened_paths(kind)):
                self.failed.emit(title, f"{display_name(path)} is the {kind} you opened; "
                                        "Tailorfit never writes over it. Choose another name "
                                        "for the tailored copy.")
                return None
        if path.is_dir():
            self.failed.emit(title, f"{display_name(path)} is a folder. Choose a file name "
                                    "inside it.")
            return None
        if not path.parent.is_dir():
            self.failed.emit(title, f"The folder for {display_name(path)} does not exist "
                                    f"({path.parent}). Choose an existing folder.")
            return None
        if path.exists():
            if not self._confirm(f"Replace {display_name(path)}?",
                                 f"{display_name(path)} already exists in {path.parent}. "
                                 "Replace it? Its current contents will be lost."):
                return None
            return path, True
        return path, False

    def _opened_paths(self, kind: str) -> list[Path]:
        side = self.controller.sides[kind]
        paths = [side.path]
        if side.document is not None:
            paths.append(side.document.source.path)
        return [p for p in paths if p is not None]

    def _start_folder(self) -> Path:
        """The last folder exported to, else the resume's folder, else Documents (never the
        app's own samples or the folder of pasted postings)."""
        own = {_resolved(resource_path("samples")), _resolved(data_dir() / "pasted")}
        resume = self.controller.sides["resume"].path
        for folder in (self._last_folder, resume.parent if resume else None):
            if folder is not None and folder.is_dir() and _resolved(folder) not in own:
                return folder
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    def _fail(self, title: str, exc: BaseException) -> None:
        if isinstance(exc, TailorfitError):
            self.failed.emit(title, exc.message)
            return
        detail = getattr(exc, "__traceback_text__", None) or repr(exc)
        self.failed.emit(title, "Something unexpected went wrong; nothing was written, and your "
                                "resume and its working copy are unchanged. Please report this "
                                f"with the details below.\n\n{detail}")

    def _set_running(self, running: bool) -> None:
        if running != self._running:
            self._running = running
            self._sync_actions()
            self.running_changed.emit(running)

    @Slot(str, float)
    def _relay_progress(self, stage: str, fraction: float) -> None:
        self.progress.emit(stage, fraction)

    def _sync_actions(self, *_: object) -> None:
        enabled = self.controller.view is not None and not self._running
        for action in self.actions:
            action.setEnabled(enabled)

    # -- dialogs (replaced in tests) -----------------------------------------------------------
    def _ask_options(self, word_source: bool) -> ExportChoice | None:
        from tailorfit.core.export.clean import template_names

        dialog = ExportOptionsDialog(word_source, template_names(), self.parent_widget)
        try:
            if not dialog.exec():
                return None
            return dialog.choice()
        finally:
            dialog.deleteLater()

    def _ask_save_path(self, suggested: Path, filter: str) -> Path | None:
        path, selected = QFileDialog.getSaveFileName(
            self.parent_widget, self._save_title or "Save as", str(suggested), filter,
            options=QFileDialog.Option.DontConfirmOverwrite)  # _confirm asks instead
        if not path:
            return None
        chosen = Path(path)
        wanted = re.findall(r"\*(\.\w+)", selected or filter)
        if wanted and chosen.suffix.lower() not in {s.lower() for s in wanted}:
            chosen = chosen.with_name(chosen.name + wanted[0])
        return chosen

    def _question(self, title: str, text: str, accept: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Cancel, self.parent_widget)
        box.setObjectName("confirm-dialog")
        yes = box.addButton(accept, QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is yes

    def _confirm(self, title: str, text: str) -> bool:
        """May an existing file be replaced? The default answer keeps it."""
        return self._question(title, text, "Replace")

    def _export_anyway(self, title: str, text: str) -> bool:
        """Export although placeholders are left? The default answer does not."""
        return self._question(title, text, "Export anyway")

    def _inform(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text,
                          QMessageBox.StandardButton.Ok, self.parent_widget)
        box.setObjectName("export-result-dialog")
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.message_box = box
        box.open()  # not exec(): nothing waits on it


def add_export_actions(menu: QMenu, flow: ExportFlow) -> list[QAction]:
    """Add "Export tailored resume…" (Ctrl+E) and "Export match report…" to ``menu``.

    They are enabled while an analysis is shown and no export is running.
    """
    specs = (("&Export tailored resume…", "Ctrl+E", flow.export_docx,
              "Save the tailored resume as a new Word document"),
             ("Export &match report…", "Ctrl+Shift+E", flow.export_report,
              "Save the score, checklist and gaps to prepare for as HTML or PDF"))
    made: list[QAction] = []
    for text, key, slot, tip in specs:
        action = QAction(text, menu)
        if key:
            action.setShortcut(QKeySequence(key))
        action.setToolTip(f"{tip} ({key})" if key else tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        menu.addAction(action)
        made.append(action)
    made[0].setObjectName("export-docx-action")
    made[1].setObjectName("export-report-action")
    flow.actions.extend(made)
    flow._sync_actions()
    return made


# -- texts --------------------------------------------------------------------------------------
def _export_note(result: ExportResult, tracked: bool) -> str:
    how = ("your formatting kept" if result.mode == "in-place"
           else f"a clean copy in the '{result.template}' look")
    if tracked:
        how += ", edits as tracked changes"
    blocks = len({e.block for e in result.edits})
    score = f", score {result.score_after}/100" if result.score_after is not None else ""
    warned = f", {len(result.warnings)} ATS warning(s)" if result.warnings else ""
    return (f"Exported {display_name(result.path)} to {result.path.parent} ({how}): "
            f"{blocks} paragraph(s) changed{score}{warned}.")


def _export_summary(result: ExportResult) -> str:
    parts = [f"Saved {display_name(result.path)} in {result.path.parent}."]
    if result.warnings:
        parts.append("Applicant tracking systems may read some of it badly:\n"
                     + "\n".join(f"• {w.message}" for w in result.warnings))
    parts.extend(result.notes)
    return "\n\n".join(parts)


def _placeholder_text(placeholders: Sequence[str]) -> str:
    listed = ", ".join(placeholders[:8]) + (" and more" if len(placeholders) > 8 else "")
    return (f"Your edits still hold placeholders to fill in: {listed}. Nothing was written.\n\n"
            "Replace them with your real figures in the resume pane and export again, or "
            "export anyway with the placeholders in the file.")


def _report_edits(snapshot: _Snapshot) -> tuple[list[EditRow], str]:
    """The report's list of edits, and a note when it had to be left out."""
    from tailorfit.core.export.plan import plan_edits
    from tailorfit.core.export.report import edit_rows

    try:
        edits = plan_edits(snapshot.source, working_text=snapshot.working_text,
                           accepted=snapshot.accepted)
        return edit_rows(snapshot.source, edits, snapshot.accepted), ""
    except TailorfitError as exc:
        return [], ("The report leaves out the list of your edits: " + exc.message)


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return _resolved(a) == _resolved(b)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()
