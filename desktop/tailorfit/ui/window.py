"""The main window: posting and resume side by side, the checklist, and the score header."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, QStandardPaths, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tailorfit import __version__
from tailorfit.core.kinds import Status
from tailorfit.core.resources import resource_path
from tailorfit.core.suggest.model import Kind, Suggestion
from tailorfit.ui.checklist import Checklist
from tailorfit.ui.controller import AnalysisView, Controller, PaneContent
from tailorfit.ui.header import ScoreHeader
from tailorfit.ui.labels import ElidedLabel
from tailorfit.ui.legend import Legend
from tailorfit.ui.library_link import LibraryLink
from tailorfit.ui.pane import DocumentPane
from tailorfit.ui.session import SavedSession
from tailorfit.ui.settings import Settings, data_dir
from tailorfit.ui.settings_dialog import SettingsDialog
from tailorfit.ui.suggestions import SuggestionsPanel
from tailorfit.ui.tailoring import Tailoring
from tailorfit.ui.theme import app_icon, apply_theme

POSTING_FILTER = "Postings (*.txt *.md *.pdf *.docx *.docm *.html *.htm);;All files (*)"
RESUME_FILTER = "Resumes (*.docx *.docm *.pdf *.txt *.md);;All files (*)"
HINT = ("This is a fictional sample posting and resume. Open your own resume (Ctrl+O) and paste "
        "a posting (Ctrl+Shift+V). Each requirement is marked met, partly met or missing; click "
        "one to see its evidence. Your resume file is never changed.")


class MainWindow(QMainWindow):
    """Tailorfit's window. It shows what the controller publishes and adds no analysis."""

    shown_analysis = Signal(object)  # emitted after a view is painted into the widgets
    shown_suggestions = Signal(object)  # ... and after its suggestions are listed

    def __init__(self, controller: Controller, settings: Settings) -> None:
        super().__init__()
        self.controller = controller
        self.settings = settings
        self.view: AnalysisView | None = None
        self.message_box: QMessageBox | None = None
        self.setObjectName("main-window")
        self.setWindowTitle("Tailorfit")
        self.setWindowIcon(app_icon())

        self.header = ScoreHeader(self)
        self.hint = self._hint_banner()
        self.recovery = self._recovery_banner()
        self.posting = DocumentPane(
            "Posting", "The job posting. Each requirement is tinted by its verdict; click one "
                       "to find its evidence in the resume.", self)
        self.resume = DocumentPane(
            "Resume", "Your resume, as a working copy you can edit. Evidence for the posting's "
                      "requirements is highlighted. Your file on disk is never changed.", self)
        self.posting.setPlaceholderText("Paste a job posting here (Ctrl+Shift+V) or drop a file.")
        self.resume.setPlaceholderText("Open your resume (Ctrl+O) or drop a .docx or .pdf here.")
        self.checklist = Checklist(self)
        self.suggestions = SuggestionsPanel(self)
        self.tailoring = Tailoring(controller, self.resume, self)
        self.library_link = LibraryLink(controller, self.tailoring, self)
        self.posting_label = ElidedLabel("Posting", self)
        self.resume_label = ElidedLabel("Resume", self)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("splitter")
        self.splitter.addWidget(self._pane_box(self.posting_label, self.posting, "posting"))
        self.splitter.addWidget(self._pane_box(self.resume_label, self.resume, "resume"))
        # The checklist and the suggestions share the right column: picking a requirement
        # filters the suggestions to those serving it.
        self.side_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.side_splitter.setObjectName("side-splitter")
        self.side_splitter.addWidget(self.checklist)
        self.side_splitter.addWidget(self.suggestions)
        self.side_splitter.setStretchFactor(0, 3)
        self.side_splitter.setStretchFactor(1, 2)
        self.side_splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.side_splitter)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setChildrenCollapsible(False)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.setSpacing(6)
        layout.addWidget(self.header)
        layout.addWidget(self.recovery)
        layout.addWidget(self.hint)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.busy = QLabel("", self)
        self.legend = Legend(self)
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().addPermanentWidget(self.legend)

        self._actions()
        self._connect()
        self.apply_settings()
        self._restore_geometry()
        self.hint.setVisible(False)
        self.recovery.setVisible(False)

    # -- building -----------------------------------------------------------------------------
    def _pane_box(self, label: ElidedLabel, pane: DocumentPane, kind: str) -> QWidget:
        box = QWidget(self)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        label.setObjectName(f"{kind}-label")
        bar.addWidget(label, 1)
        open_button = QToolButton(box)
        open_button.setText("Open…")
        open_button.setAccessibleName(f"Open a {kind} file")
        open_button.setToolTip(f"Open a {kind} file ("
                               f"{'Ctrl+Shift+O' if kind == 'posting' else 'Ctrl+O'})")
        open_button.clicked.connect(lambda: self.choose_file(kind))
        bar.addWidget(open_button)
        if kind == "posting":
            paste = QToolButton(box)
            paste.setText("Paste")
            paste.setAccessibleName("Paste a posting from the clipboard")
            paste.setToolTip("Paste a posting from the clipboard (Ctrl+Shift+V)")
            paste.clicked.connect(self.paste_posting)
            bar.addWidget(paste)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addLayout(bar)
        layout.addWidget(pane, 1)
        label.setBuddy(pane)
        return box

    def _hint_banner(self) -> QFrame:
        frame = QFrame(self)
        frame.setObjectName("hint")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        text = QLabel(HINT, frame)
        text.setWordWrap(True)
        close = QPushButton("Got it", frame)
        close.setAccessibleName("Dismiss the hint")
        close.clicked.connect(self.dismiss_hint)
        row = QHBoxLayout(frame)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(text, 1)
        row.addWidget(close)
        return frame

    def _recovery_banner(self) -> QFrame:
        frame = QFrame(self)
        frame.setObjectName("recovery")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.recovery_text = QLabel("", frame)
        self.recovery_text.setWordWrap(True)
        restore = QPushButton("Restore", frame)
        restore.setObjectName("recovery-restore")
        restore.setAccessibleName("Restore the work from the last session")
        restore.clicked.connect(self.restore_recovered)
        discard = QPushButton("Discard", frame)
        discard.setObjectName("recovery-discard")
        discard.setAccessibleName("Discard the work from the last session")
        discard.clicked.connect(self.discard_recovered)
        row = QHBoxLayout(frame)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.recovery_text, 1)
        row.addWidget(restore)
        row.addWidget(discard)
        return frame

    def _action(self, text: str, shortcuts: list[str] | str, slot: object,
                tip: str = "") -> QAction:
        action = QAction(text, self)
        keys = [shortcuts] if isinstance(shortcuts, str) else shortcuts
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(slot)
        action.setToolTip(f"{tip or text.replace('&', '').rstrip('…')} ({keys[0]})")
        action.setStatusTip(tip)
        self.addAction(action)
        return action

    def _actions(self) -> None:
        self.open_posting_action = self._action("Open &posting…", "Ctrl+Shift+O",
                                                lambda: self.choose_file("posting"))
        self.paste_action = self._action("&Paste posting", "Ctrl+Shift+V", self.paste_posting,
                                         "Use the posting text on the clipboard")
        self.open_resume_action = self._action("&Open resume…", "Ctrl+O",
                                               lambda: self.choose_file("resume"))
        self.samples_action = self._action("Open the &samples", "Ctrl+Shift+S",
                                           self.open_samples,
                                           "Open the bundled fictional posting and resume")
        self.quit_action = self._action("&Quit", "Ctrl+Q", self.close)
        self.next_missing = self._action("&Next missing", "F8",
                                         lambda: self.step(True, Status.MISSING))
        self.prev_missing = self._action("P&revious missing", "Shift+F8",
                                         lambda: self.step(False, Status.MISSING))
        self.next_item = self._action("Next &requirement", "F7", lambda: self.step(True, None))
        self.prev_item = self._action("Previous re&quirement", "Shift+F7",
                                      lambda: self.step(False, None))
        self.zoom_in = self._action("Zoom &in", ["Ctrl++", "Ctrl+="], lambda: self.zoom(1))
        self.zoom_out = self._action("Zoom &out", "Ctrl+-", lambda: self.zoom(-1))
        self.zoom_reset = self._action("&Actual size", "Ctrl+0", lambda: self.zoom(0))
        self.settings_action = self._action("&Settings…", "Ctrl+,", self.edit_settings)
        self.focus_posting = self._action("Go to &posting", "Alt+1", self.posting.setFocus)
        self.focus_resume = self._action("Go to &resume", "Alt+2", self.resume.setFocus)
        self.focus_list = self._action("Go to &checklist", "Alt+3", self.checklist.tree.setFocus)
        self.filter_actions = [
            self._action(f"Show {name}", f"Ctrl+{i}",
                         lambda _=False, n=name: self.checklist.set_filter(n))
            for i, name in enumerate(("all", "missing", "partial", "met"), start=1)]
        self.undo_action = self.tailoring.stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.tailoring.stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        for action in (self.undo_action, self.redo_action):
            self.addAction(action)
        self.save_library_action = self._action(
            "&Save to applications library", "Ctrl+S", self.library_link.save_current,
            "Keep this posting and your tailored resume as an application; it autosaves")
        self.library_action = self._action("Applications &library…", "Ctrl+L",
                                           self.show_library)
        self.batch_action = self._action("&Batch rank a folder of postings…", "Ctrl+B",
                                         self.show_batch)
        self.forget_action = self._action("&Forget me on this computer…", "Ctrl+Shift+Del",
                                          self.forget_me)
        self.truth_action = self._action("&Confirmed skills…", "Ctrl+Shift+K", self.edit_truth_bank)
        self.keys_action = self._action("&Keyboard shortcuts", "F1", self.show_shortcuts)
        self.about_action = self._action("&About Tailorfit", "Ctrl+F1", self.show_about)

        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        for action in (self.open_posting_action, self.paste_action, self.open_resume_action):
            file_menu.addAction(action)
        self.recent_menu = QMenu("Open &recent", self)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.samples_action)
        file_menu.addSeparator()
        for action in (self.save_library_action, self.library_action, self.batch_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        from tailorfit.ui.export_flow import ExportFlow, add_export_actions

        self.export_flow = ExportFlow(self.controller, self, self.tailoring.accepted_list)
        self.export_actions = add_export_actions(file_menu, self.export_flow)
        for action in self.export_actions:
            self.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addAction(self.forget_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit = menu.addMenu("&Edit")
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        edit.addAction(self.truth_action)
        go = menu.addMenu("&Go")
        for action in (self.next_missing, self.prev_missing, self.next_item, self.prev_item):
            go.addAction(action)
        go.addSeparator()
        for action in (self.focus_posting, self.focus_resume, self.focus_list):
            go.addAction(action)
        view = menu.addMenu("&View")
        for action in (self.zoom_in, self.zoom_out, self.zoom_reset):
            view.addAction(action)
        view.addSeparator()
        for action in self.filter_actions:
            view.addAction(action)
        help_menu = menu.addMenu("&Help")
        help_menu.addAction(self.keys_action)
        help_menu.addAction(self.about_action)

        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("toolbar")
        toolbar.setMovable(False)
        for action in (self.open_resume_action, self.open_posting_action, self.paste_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        for action in (self.prev_missing, self.next_missing):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.settings_action)

    def _connect(self) -> None:
        c = self.controller
        c.content_loaded.connect(self.show_content)
        c.analysis_changed.connect(self.show_analysis)
        c.suggestions_changed.connect(self.show_suggestions)
        c.failed.connect(self.show_error)
        # Slots of the window, not lambdas: Qt drops them when the window goes, while the
        # controller's workers may still report.
        c.noted.connect(self.show_note)
        c.recovery_offered.connect(self.offer_recovery)
        c.busy_changed.connect(self.show_busy)
        c.looks_source = {"posting": self.posting.looks, "resume": self.resume.looks}
        self.posting.edited.connect(lambda text: c.text_edited("posting", text))
        self.resume.edited.connect(lambda text: c.text_edited("resume", text))
        self.posting.files_dropped.connect(lambda files: self.open_file("posting", files[0]))
        self.resume.files_dropped.connect(lambda files: self.open_file("resume", files[0]))
        self.checklist.requirement_selected.connect(self.reveal_requirement)
        self.checklist.requirement_selected.connect(self.suggestions.set_requirement)
        self.suggestions.accept_requested.connect(self.accept_suggestion)
        self.suggestions.edit_requested.connect(self.edit_suggestion)
        self.suggestions.reject_requested.connect(self.reject_suggestion)
        self.suggestions.deny_requested.connect(self.deny_suggestion)
        self.suggestions.accept_all_requested.connect(self.accept_all_suggestions)
        self.tailoring.noted.connect(self.show_note)
        self.library_link.noted.connect(self.show_note)
        self.library_link.failed.connect(self.show_error)
        self.tailoring.failed.connect(self.show_error)
        self.export_flow.failed.connect(self.show_error)
        self.export_flow.finished.connect(self.show_note)
        self.export_flow.progress.connect(self.show_export_progress)
        self.posting.span_clicked.connect(self._posting_clicked)
        self.resume.span_clicked.connect(self._resume_clicked)

    # -- showing ----------------------------------------------------------------------------------
    def show_content(self, content: PaneContent) -> None:
        pane = self.posting if content.kind == "posting" else self.resume
        label = self.posting_label if content.kind == "posting" else self.resume_label
        pane.set_content(content.text, content.looks, content.headings)
        if content.kind == "resume":
            self.tailoring.reset()
        self._set_label(label, f"{content.kind.capitalize()} — {content.label}",
                        str(content.path) if content.path else content.label)
        # A new document makes what was selected and explained stale.
        for other in (self.posting, self.resume):
            cursor = other.textCursor()
            if cursor.hasSelection():
                cursor.clearSelection()
                other.setTextCursor(cursor)
        self.checklist.clear_selection()
        if not content.sample:
            self.hint.setVisible(False)

    def show_analysis(self, view: AnalysisView) -> None:
        self.view = view
        self.header.set_view(view)
        self.checklist.set_view(view)
        self.posting.set_highlights(view.posting_marks)
        self.resume.set_highlights(view.resume_marks)
        self._update_labels()
        self.shown_analysis.emit(view)

    def _update_labels(self) -> None:
        for kind, label in (("posting", self.posting_label), ("resume", self.resume_label)):
            side = self.controller.sides[kind]
            if side.label:
                self._set_label(label, f"{kind.capitalize()} — {side.label}",
                                str(side.path) if side.path else side.label)

    def _set_label(self, label: ElidedLabel, text: str, tip: str) -> None:
        label.set_full_text(text, tip)

    def show_note(self, text: str) -> None:
        self.statusBar().showMessage(text, 10000)

    def show_busy(self, busy: bool) -> None:
        self.busy.setText("Analysing…" if busy else "")

    def show_error(self, title: str, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, message,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("error-dialog")
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.message_box = box
        box.open()  # not exec(): the window stays responsive and nothing waits on it

    def show_hint(self, visible: bool) -> None:
        self.hint.setVisible(visible)

    def offer_recovery(self, session: SavedSession) -> None:
        when = datetime.fromtimestamp(session.saved_at).strftime("%H:%M") \
            if session.saved_at else "before it closed"
        self.recovery_text.setText(
            f"Tailorfit closed unexpectedly last time. Your work on {session.describe()} was "
            f"saved at {when}. Restore it? (It was not reopened on its own, in case it is what "
            "closed the app.)")
        self.recovery.setVisible(True)

    def restore_recovered(self) -> None:
        if not self._confirm_replace("posting") or not self._confirm_replace("resume"):
            return
        self.recovery.setVisible(False)
        self.hint.setVisible(False)
        self.controller.recover()

    def discard_recovered(self) -> None:
        self.recovery.setVisible(False)
        self.controller.discard_recovery()

    def dismiss_hint(self) -> None:
        self.hint.setVisible(False)
        self.settings.hint_dismissed = True
        self.controller.save_now(wait=True)

    def show_suggestions(self, view: AnalysisView) -> None:
        self.view = view
        self.suggestions.set_suggestions(view.suggestions, self.controller.rejected)
        self.shown_suggestions.emit(view)

    def show_export_progress(self, stage: str, fraction: float) -> None:
        self.statusBar().showMessage(f"Exporting: {stage} ({fraction:.0%})", 4000)

    # -- suggestions ----------------------------------------------------------------------------
    def accept_suggestion(self, suggestion: Suggestion, edited: str | None = None) -> None:
        if suggestion.kind is Kind.ASK and suggestion.term and suggestion.needs_confirmation \
                and suggestion.rule == "ask-skill":
            self.controller.answer(suggestion.term, suggestion.after, True)
        self.tailoring.accept(suggestion, edited)

    def edit_suggestion(self, suggestion: Suggestion) -> None:
        proposal = suggestion.after if suggestion.change is not None else suggestion.before
        text, ok = QInputDialog.getMultiLineText(
            self, "Edit then accept", "Change the text as you want it in your resume:",
            proposal)
        if ok and text.strip():
            self.accept_suggestion(suggestion, text.strip())

    def reject_suggestion(self, suggestion: Suggestion) -> None:
        self.controller.reject(suggestion.id)
        if self.view is not None:
            self.suggestions.set_suggestions(self.view.suggestions, self.controller.rejected)

    def deny_suggestion(self, suggestion: Suggestion) -> None:
        """ "Not true for me": hidden now, and never asked again for any posting."""
        if suggestion.term:
            self.controller.answer(suggestion.term, suggestion.after or suggestion.message,
                                   False)
        self.reject_suggestion(suggestion)

    def accept_all_suggestions(self, kind: Kind) -> None:
        chosen = [s for s in self.suggestions.visible() if s.kind is kind]
        done = self.tailoring.accept_all(chosen)
        self.statusBar().showMessage(f"Accepted {done} suggestion(s).", 5000)

    # -- library, batch, privacy ------------------------------------------------------------------
    def show_library(self) -> None:
        from tailorfit.ui.library_view import LibraryDialog

        dialog = LibraryDialog(self, library=self.library_link.library)
        dialog.reopen_requested.connect(self.library_link.reopen)
        self.library_dialog = dialog
        dialog.open()

    def show_batch(self) -> None:
        from tailorfit.ui.batch_view import BatchDialog

        resume = self.controller.sides["resume"].path
        dialog = BatchDialog(self, resume=resume)
        dialog.open_pair.connect(self._open_batch_pair)
        self.batch_dialog = dialog
        dialog.open()

    def _open_batch_pair(self, posting: Path, resume: Path) -> None:
        self.controller.open_file("posting", posting)
        if self.controller.sides["resume"].path != resume:
            self.controller.open_file("resume", resume)

    def forget_me(self) -> None:
        from tailorfit.ui.forget_dialog import confirm_and_forget

        def before_delete() -> None:
            # Nothing may write the user's data back while it is being removed.
            self.controller.stop_saving()
            self.library_link.close()

        said = confirm_and_forget(self, before_delete=before_delete)
        if said:
            self.statusBar().showMessage(said, 15000)

    def edit_truth_bank(self) -> None:
        from tailorfit.ui.truth_view import TruthBankDialog

        dialog = TruthBankDialog(self.controller.truth, self)
        if dialog.exec():
            self.controller.schedule()

    # -- linking ------------------------------------------------------------------------------------
    def reveal_requirement(self, requirement_id: str) -> None:
        if self.view is None:
            return
        verdict = self.view.verdict(requirement_id)
        if verdict is None:
            return
        span = self.view.posting_map.span(verdict.requirement.start, verdict.requirement.end)
        if span:
            self.posting.reveal(*span, flash=False)
        if verdict.evidence:
            best = verdict.evidence[0]
            target = self.view.resume_map.span(best.start, best.end)
            if target:
                self.resume.reveal(*target)
            self.statusBar().showMessage(f"Evidence: {best.text[:80]} ({best.where})", 8000)
        else:
            self.statusBar().showMessage("Nothing in the resume supports this requirement.", 8000)

    def _posting_clicked(self, ids: tuple[str, ...]) -> None:
        if ids:
            self.checklist.select(ids[0])
            self.reveal_requirement(ids[0])

    def _resume_clicked(self, ids: tuple[str, ...]) -> None:
        if not ids or self.view is None:
            return
        self.checklist.select(ids[0], emit=False)
        texts = [v.requirement.text for v in self.view.analysis.verdicts
                 if v.requirement.id in ids]
        self.statusBar().showMessage("Supports: " + " | ".join(t[:60] for t in texts), 10000)

    def step(self, forward: bool, status: Status | None) -> None:
        if self.checklist.step(forward, status) is None:
            what = "missing requirements" if status is Status.MISSING else "requirements"
            self.statusBar().showMessage(f"No {what} to go to.", 5000)

    # -- commands -------------------------------------------------------------------------------------
    def open_file(self, kind: str, path: Path) -> None:
        """Open a file in a pane, after asking before typed changes would be lost."""
        if self._confirm_replace(kind):
            self.controller.open_file(kind, path)

    def open_samples(self) -> None:
        if self._confirm_replace("posting") and self._confirm_replace("resume"):
            self.controller.open_samples()

    def _confirm_replace(self, kind: str) -> bool:
        """True when the pane may be replaced: no typed changes, or the user lets them go."""
        if not self.controller.has_edits(kind):
            return True
        label = self.controller.sides[kind].label or kind
        return self.ask(f"Discard your changes to the {kind}?",
                        f"The {kind} ({label}) has changes you typed that are not saved in any "
                        f"file. Opening another {kind} discards them.", "Discard changes")

    def ask(self, title: str, text: str, accept: str) -> bool:
        """A yes/no question; the default answer keeps the user's work."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("confirm-dialog")
        discard = box.addButton(accept, QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is discard

    def choose_file(self, kind: str) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, f"Open a {kind}", self.start_folder(kind),
            POSTING_FILTER if kind == "posting" else RESUME_FILTER)
        if path:
            self.open_file(kind, Path(path))

    def start_folder(self, kind: str) -> str:
        """Where the Open dialog starts: the last folder the user opened from, else Documents
        (never the app's own samples or the folder of pasted postings)."""
        recent = self.settings.recent_postings if kind == "posting" else self.settings.recent_resumes
        own = {resource_path("samples").resolve(), (data_dir() / "pasted").resolve()}
        for item in recent:
            folder = Path(item).parent
            if folder.resolve() not in own and folder.is_dir():
                return str(folder)
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        return documents if documents and Path(documents).is_dir() else str(Path.home())

    def paste_posting(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.show_error("Nothing to paste", "The clipboard holds no text. Copy the posting "
                                                "from the job page first, then paste again.")
            return
        if self._confirm_replace("posting"):
            self.controller.paste_posting(text)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for kind, items in (("posting", self.settings.recent_postings),
                            ("resume", self.settings.recent_resumes)):
            for item in items:
                action = self.recent_menu.addAction(f"{kind.capitalize()}: {Path(item).name}")
                action.setToolTip(item)
                action.triggered.connect(
                    lambda _=False, k=kind, p=item: self.open_file(k, Path(p)))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("No recent files").setEnabled(False)

    def zoom(self, step: int) -> None:
        self.settings.zoom = 0 if step == 0 else min(max(self.settings.zoom + step, -6), 12)
        self.apply_settings()

    def edit_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self)
        if dialog.exec():
            dialog.apply_to(self.settings)
            self.apply_settings()
            self.controller.save_now(wait=True)  # settings are small: write them at once

    def apply_settings(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.settings.theme)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        font = QFont(font)
        font.setPointSize(max(6, self.settings.font_size + self.settings.zoom))
        for pane in (self.posting, self.resume):
            pane.set_look(self.settings.theme, self.settings.highlight_style, font)
        self.header.set_theme(self.settings.theme)
        self.checklist.set_theme(self.settings.theme)
        self.checklist.set_text_font(font)
        self.legend.set_theme(self.settings.theme)
        if self.view is not None:
            self.show_analysis(self.view)

    def show_shortcuts(self) -> None:
        lines = [f"{a.shortcut().toString()}\t{a.text().replace('&', '')}"
                 for a in self.actions() if not a.shortcut().isEmpty()]
        QMessageBox.information(self, "Keyboard shortcuts", "\n".join(lines))

    def show_about(self) -> None:
        QMessageBox.about(self, "About Tailorfit",
                          f"Tailorfit {__version__}\nTailor your resume to a job posting, "
                          "requirement by requirement. Works offline; nothing leaves your computer.")

    # -- geometry ------------------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        if self.settings.geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.settings.geometry.encode()))
        else:
            self.resize(1280, 800)
        if self.settings.splitter:
            self.splitter.restoreState(QByteArray.fromBase64(self.settings.splitter.encode()))
        else:
            self.splitter.setSizes([440, 460, 380])

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.geometry = bytes(self.saveGeometry().toBase64().data()).decode()
        self.settings.splitter = bytes(self.splitter.saveState().toBase64().data()).decode()
        self.controller.shut_down()
        super().closeEvent(event)
