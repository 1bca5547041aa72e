"""The one place the window's state lives: the two documents, the session and the analysis.

Widgets never read or parse files: they call the controller, which runs the core on the task
helper and publishes one immutable :class:`AnalysisView` per result. Edits re-run the
analysis after a short pause; results for text that has changed since are dropped. The
working session is saved a few seconds after every change, on the writing worker.
"""

from __future__ import annotations

import contextlib
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from tailorfit.core.errors import TailorfitError
from tailorfit.core.resources import resource_path, sample_posting, sample_resume
from tailorfit.ui.highlights import Highlight

if TYPE_CHECKING:
    # The readers, parsers and matcher load on the worker with the first document, while the
    # window is being built (see the imports inside the functions below).
    from tailorfit.core.display import DisplayMap
    from tailorfit.core.match.result import Analysis, Verdict
    from tailorfit.core.model import Document
    from tailorfit.core.suggest import Suggestion
    from tailorfit.core.truth import TruthBank
from tailorfit.ui.session import SavedPane, SavedSession, SessionStore
from tailorfit.ui.settings import Settings, data_dir, save_settings, write_atomic
from tailorfit.ui.tasks import TaskRunner

DEBOUNCE_MS = 200
AUTOSAVE_MS = 2000  # a crash loses at most this much typing (plus the write itself)
RECOVERED_FILE = "session-recovered.json"


@dataclass(frozen=True, slots=True)
class PaneContent:
    """What a document pane shows after a file was opened, text pasted or a session restored."""

    kind: str  # "posting" or "resume"
    text: str
    label: str  # file name or "pasted text"
    path: Path | None
    looks: tuple[str, ...] = ()  # per paragraph (see ui.looks)
    headings: tuple[tuple[int, int], ...] = ()  # section headings the parser found
    sample: bool = False  # the bundled fictional sample


@dataclass(frozen=True, slots=True)
class AnalysisView:
    """An analysis plus where its offsets sit in each pane's current text."""

    analysis: Analysis
    posting_map: DisplayMap
    resume_map: DisplayMap
    revision: int
    posting_marks: tuple[Highlight, ...] = ()
    resume_marks: tuple[Highlight, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    resume_shown: str = ""  # the resume pane's text this view was computed from

    def verdict(self, requirement_id: str) -> Verdict | None:
        """The verdict of one requirement, by its id ("r3")."""
        return next((v for v in self.analysis.verdicts if v.requirement.id == requirement_id),
                    None)


@dataclass
class _Side:
    document: Document | None = None
    path: Path | None = None
    shown: str = ""
    edited: bool = False  # the pane's text differs from the document's analysed text
    label: str = ""
    sample: bool = False


@dataclass(frozen=True, slots=True)
class _Loaded:
    document: Document
    headings: tuple[tuple[int, int], ...]
    title: str | None  # a posting's title, to name a pasted posting
    looks: tuple[str, ...] = ()  # per block, computed here rather than on the main thread


def _load(kind: str, document: Document) -> _Loaded:
    """Check a freshly read document and find its section headings (on the worker).

    A posting with no requirements or a document in another language is refused here, so
    the document that was open stays open. Bold headings are a nicety: a document the
    parser cannot structure otherwise still opens.
    """
    from tailorfit.core.checks import check_language, check_posting
    from tailorfit.core.parse.posting import parse_posting
    from tailorfit.core.parse.resume import parse_resume
    from tailorfit.ui.looks import looks_of

    check_language(document, kind)
    title = None
    if kind == "posting":
        posting = parse_posting(document)
        check_posting(posting)
        text = document.text
        spans = tuple((s.start, s.start + len(s.title)) for s in posting.sections
                      if s.title and text.startswith(s.title, s.start))
        title = posting.title
    else:
        try:
            spans = tuple(s.heading for s in parse_resume(document).sections if s.heading)
        except TailorfitError:
            spans = ()
    return _Loaded(document, spans, title, looks_of(document.blocks))


def _is_sample(path: Path) -> bool:
    try:
        return path.resolve().parent == resource_path("samples").resolve()
    except OSError:
        return False


class Controller(QObject):
    """Documents, session and live analysis for the main window."""

    content_loaded = Signal(object)  # PaneContent
    analysis_changed = Signal(object)  # AnalysisView
    suggestions_changed = Signal(object)  # the same AnalysisView, with its suggestions
    failed = Signal(str, str)  # title, message a person can act on
    noted = Signal(str)  # a note for the status bar
    busy_changed = Signal(bool)
    recovery_offered = Signal(object)  # SavedSession left by a run that crashed
    saved = Signal()  # the session is on disk

    def __init__(self, settings: Settings, tasks: TaskRunner | None = None,
                 today: date | None = None, parent: QObject | None = None, *,
                 debounce_ms: int = DEBOUNCE_MS, autosave_ms: int = AUTOSAVE_MS,
                 store: SessionStore | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.tasks = tasks or TaskRunner(self)
        self.tasks.busy_changed.connect(self.busy_changed)
        self.today = today
        self.store = store or SessionStore(data_dir())
        self.sides = {"posting": _Side(), "resume": _Side()}
        self.view: AnalysisView | None = None
        self.looks_source: dict[str, Callable[[], tuple[str, ...]]] = {}
        self._revision = 0
        self._truth: TruthBank | None = None
        self._saving_stopped = False
        self.rejected: set[str] = set()  # suggestions rejected in this session
        self._last_error = ""
        self._shut_down = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._analyze)
        # Autosave: started by a change and not restarted by the next one, so steady typing
        # is saved every few seconds rather than only when it stops.
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(autosave_ms)
        self._save_timer.timeout.connect(self.save_now)

    # -- opening documents ------------------------------------------------------------------
    def open_file(self, kind: str, path: Path) -> None:
        """Read ``path`` in the background and show it as the posting or the resume."""
        path = Path(path)

        def done(loaded: _Loaded) -> None:
            sample = _is_sample(path)
            self._set(kind, loaded, path, loaded.document.source.label, sample)
            if not sample:
                self.settings.add_recent(kind, path)
            self._touch()

        def error(exc: BaseException) -> None:
            self._report(f"Could not open {path.name}", exc)

        def work() -> _Loaded:
            from tailorfit.core.readers import read_document

            return _load(kind, read_document(path))

        self.tasks.run(f"open-{kind}", work, done, error)

    def paste_posting(self, text: str) -> None:
        """Use pasted text (a posting copied from a job board) as the posting.

        The text is kept in the data folder too, so Open recent lists it like a file.
        """
        folder = data_dir() / "pasted"
        stamp = datetime.now()

        def work() -> tuple[_Loaded, Path | None]:
            from tailorfit.core.readers import read_pasted

            loaded = _load("posting", read_pasted(text))
            name = re.sub(r"[^\w .,&()-]+", " ", loaded.title or "posting").strip()[:60]
            kept = folder / f"Pasted {stamp:%Y-%m-%d %H%M%S} - {name or 'posting'}.txt"
            try:
                write_atomic(kept, text)
            except OSError:
                return loaded, None  # the paste still works; only Open recent misses it
            return loaded, kept

        def done(result: tuple[_Loaded, Path | None]) -> None:
            loaded, kept = result
            self._set("posting", loaded, None, "pasted text", False)
            if kept is not None:
                self.settings.add_recent("posting", kept)
            self._touch()

        self.tasks.run("open-posting", work, done,
                       lambda exc: self._report("Could not use the pasted text", exc))

    def open_text(self, kind: str, text: str, label: str) -> None:
        """Show ``text`` (a library application's posting or tailored resume) in a pane."""
        def work() -> _Loaded:
            from tailorfit.core.readers import read_pasted

            return _load(kind, read_pasted(text))

        def done(loaded: _Loaded) -> None:
            self._set(kind, loaded, None, label, False)
            self._touch()

        self.tasks.run(f"open-{kind}", work, done,
                       lambda exc: self._report(f"Could not open the {kind}", exc))

    def open_samples(self) -> None:
        self.open_file("posting", sample_posting())
        self.open_file("resume", sample_resume())

    def has_edits(self, kind: str) -> bool:
        """Does the pane hold typed changes that exist nowhere else?"""
        side = self.sides[kind]
        return side.document is not None and side.edited and not side.sample

    def _set(self, kind: str, loaded: _Loaded, path: Path | None, label: str,
             sample: bool) -> None:
        document = loaded.document
        side = self.sides[kind]
        side.document, side.path, side.shown, side.edited = document, path, document.text, False
        side.label, side.sample = label, sample
        self.content_loaded.emit(PaneContent(kind, document.text, label, path, loaded.looks,
                                             loaded.headings, sample))
        for warning in document.source.warnings:
            self.noted.emit(warning)
        self._analyze()

    # -- the session --------------------------------------------------------------------------
    def restore_session(self) -> bool:
        """Reopen the last session; False when there is none to reopen.

        After a crash the session is not reopened (the document open at the time may be
        what crashed the app): ``recovery_offered`` lets the window offer it instead.
        """
        crashed = self.store.last_run_crashed()
        session = self.store.load()
        with contextlib.suppress(OSError):  # an unwritable folder is reported on saving
            self.store.mark_running()
        if session is None:
            return False
        if crashed:
            self._keep_for_recovery()
            self.recovery_offered.emit(session)
            return False
        self._restore(session)
        return True

    def _keep_for_recovery(self) -> None:
        """Copy the crashed run's session aside: autosave will soon overwrite session.json."""
        with contextlib.suppress(OSError):
            shutil.copyfile(self.store.session_path, self.store.folder / RECOVERED_FILE)

    def recover(self) -> None:
        """Reopen the session a crashed run left (the window's Restore button)."""
        saved = self.store.load(self.store.folder / RECOVERED_FILE)
        if saved is not None:
            self._restore(saved)

    def discard_recovery(self) -> None:
        with contextlib.suppress(OSError):
            (self.store.folder / RECOVERED_FILE).unlink(missing_ok=True)

    def _restore(self, session: SavedSession) -> None:
        for pane in session.panes:
            path = Path(pane.path) if pane.path else None
            if pane.text is not None:
                self._restore_text(pane, path)
            elif path is not None and path.is_file():
                self.open_file(pane.kind, path)
            elif path is not None:
                self.noted.emit(f"{path.name} from your last session is no longer there.")

    def _restore_text(self, pane: SavedPane, path: Path | None) -> None:
        kind, text = pane.kind, pane.text
        assert text is not None

        def done(result: tuple[_Loaded, tuple[tuple[int, int], ...]]) -> None:
            loaded, spans = result
            side = self.sides[kind]
            side.document, side.path, side.shown = loaded.document, path, text
            side.edited, side.sample = True, False
            side.label = pane.label or ((path.name + " (edited)") if path else "pasted text")
            self.content_loaded.emit(PaneContent(kind, text, side.label, path, pane.looks, spans))
            self._touch()
            self.schedule()

        def work() -> tuple[_Loaded, tuple[tuple[int, int], ...]]:
            from tailorfit.core.display import DisplayMap
            from tailorfit.core.readers import read_pasted

            document = read_pasted(text)
            try:
                loaded = _load(kind, document)
            except TailorfitError:
                loaded = _Loaded(document, (), None)  # it was the user's text: show it anyway
            # The saved looks say how each paragraph looked; an older session without them
            # gets the headings the parser finds in the text.
            shown = DisplayMap.for_text(loaded.document, text)  # pasted text joins wraps
            spans = () if pane.looks else tuple(
                s for h in loaded.headings if (s := shown.span(*h)) is not None)
            return loaded, spans

        self.tasks.run(f"open-{kind}", work, done,
                       lambda exc: self._report("Could not restore the last session", exc))

    def _touch(self) -> None:
        if not self._save_timer.isActive():
            self._save_timer.start()

    def session_panes(self) -> list[SavedPane]:
        panes = []
        for kind, side in self.sides.items():
            if side.document is None:
                continue
            keep_text = side.edited or side.path is None
            source = self.looks_source.get(kind)
            panes.append(SavedPane(
                kind, str(side.path) if side.path else None,
                # Pasted or edited text is the user's working copy: keep it between sessions.
                side.shown if keep_text else None,
                source() if keep_text and source is not None else (), side.label))
        return panes

    def stop_saving(self) -> None:
        """"Forget me" is about to delete the user's data: write nothing more, not even on
        close, and drop what was kept in memory (the truth bank)."""
        self._saving_stopped = True
        self._save_timer.stop()
        self.tasks.wait(5000)
        self._truth = None
        self.rejected.clear()

    def save_now(self, *, wait: bool = False) -> None:
        """Write the session and settings (on the writing worker; ``wait`` on close)."""
        self._save_timer.stop()
        if self._saving_stopped:
            return
        text = self.store.encode(self.session_panes())
        store, settings = self.store, self.settings

        def write() -> None:
            store.write(text)
            save_settings(settings)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, OSError):
                self.failed.emit("Could not save your session",
                                 f"{exc.strerror or exc}. Your documents are still open; check "
                                 f"that {store.folder} is writable.")
            else:
                self._report("Could not save your session", exc)

        if wait:
            try:
                write()
            except OSError as exc:
                failed(exc)
            return
        self.tasks.run("save", write, lambda _: self.saved.emit(), failed, io=True)

    def shut_down(self) -> None:
        """The window is closing: save now, wait for the workers, mark a clean exit."""
        if self._shut_down:
            return
        self._shut_down = True
        self._timer.stop()
        self.tasks.wait(3000)
        self.save_now(wait=True)
        self.store.mark_stopped()

    # -- suggestions and the truth bank -------------------------------------------------------
    @property
    def truth(self) -> TruthBank:
        """The user's confirmed and denied skills (in memory only in a private session)."""
        if self._truth is None:
            from tailorfit.core.truth import TruthBank

            try:
                self._truth = TruthBank.load()
            except TailorfitError as exc:  # a bank from a newer Tailorfit: keep it untouched
                self._truth = TruthBank(None)
                self.failed.emit("Your confirmed skills could not be read", exc.message)
            if self._truth.warning:
                self.noted.emit(self._truth.warning)
        return self._truth

    def reject(self, suggestion_id: str) -> None:
        """Hide a suggestion for this session."""
        self.rejected.add(suggestion_id)

    def answer(self, term: str, name: str, has_it: bool) -> None:
        """Keep a yes or no about a skill and show suggestions that follow from it."""
        from tailorfit.core.truth import Answer

        bank = self.truth
        bank.answer(term, name, Answer.YES if has_it else Answer.NO)

        def failed(exc: BaseException) -> None:
            self._report("Your answer could not be saved", exc)

        self.tasks.run("truth-save", bank.save, lambda _r: None, failed, io=True)
        self.schedule()

    # -- edits ----------------------------------------------------------------------------
    def text_edited(self, kind: str, text: str) -> None:
        """The user typed in a pane: remember the working copy and re-analyse shortly."""
        side = self.sides[kind]
        if text == side.shown:
            return
        side.shown = text
        side.edited = True
        side.sample = False
        if side.path and not side.label.endswith("(edited)"):
            side.label = f"{side.path.name} (edited)"
        self._touch()
        self.schedule()

    def schedule(self) -> None:
        """Re-analyse after a pause in typing (the timer restarts on every keystroke)."""
        self._timer.start()

    # -- analysis -------------------------------------------------------------------------
    def _analyze(self) -> None:
        self._timer.stop()
        posting, resume = self.sides["posting"], self.sides["resume"]
        if posting.document is None or resume.document is None:
            return
        self._revision += 1
        revision = self._revision
        snapshot = {k: (s.document, s.shown, s.edited) for k, s in self.sides.items()}
        today = self.today
        truth = self.truth

        def work() -> AnalysisView:
            from tailorfit.core.display import DisplayMap
            from tailorfit.core.match import analyze_documents
            from tailorfit.core.readers import read_pasted
            from tailorfit.ui.highlights import posting_highlights, resume_highlights

            docs: dict[str, Document] = {}
            maps: dict[str, DisplayMap] = {}
            for kind, (document, shown, edited) in snapshot.items():
                assert document is not None
                if edited:
                    docs[kind] = read_pasted(shown) if shown.strip() else document
                    maps[kind] = DisplayMap.for_text(docs[kind], shown)
                else:
                    docs[kind] = document
                    maps[kind] = DisplayMap.identity(document)
            analysis = analyze_documents(docs["posting"], docs["resume"], today=today)
            return AnalysisView(analysis, maps["posting"], maps["resume"], revision,
                                posting_highlights(analysis, maps["posting"]),
                                resume_highlights(analysis, maps["resume"]), (),
                                snapshot["resume"][1] if snapshot["resume"][2]
                                else docs["resume"].text)

        def done(view: AnalysisView) -> None:
            if view.revision != self._revision:
                return
            self._last_error = ""
            self.view = view
            self.analysis_changed.emit(view)
            self._suggest(view, truth)

        self.tasks.run("analysis", work, done, self._analysis_failed)

    def _suggest(self, view: AnalysisView, truth: TruthBank) -> None:
        """Suggestions follow the analysis as a second job, so the verdicts show first (the
        first one of a session also imports lemminflect, numpy and proselint)."""
        def work() -> AnalysisView:
            from dataclasses import replace

            from tailorfit.core.suggest import suggest

            found = suggest(view.analysis, confirmed=truth.confirmed(), denied=truth.denied())
            return replace(view, suggestions=found)

        def done(with_suggestions: AnalysisView) -> None:
            if with_suggestions.revision != self._revision:
                return
            self.view = with_suggestions
            self.suggestions_changed.emit(with_suggestions)

        def failed(exc: BaseException) -> None:
            # The verdicts stand without suggestions: say so, and let the window go on.
            self._report("The suggestions could not be made", exc)
            if view.revision == self._revision:
                self.suggestions_changed.emit(view)

        self.tasks.run("suggestions", work, done, failed)

    def _analysis_failed(self, exc: BaseException) -> None:
        # Typing on after an error (text past the size limit) must not stack up dialogs.
        message = getattr(exc, "message", repr(exc))
        if message != self._last_error:
            self._last_error = message
            self._report("The analysis could not run", exc)

    # -- errors ---------------------------------------------------------------------------------
    def _report(self, title: str, exc: BaseException) -> None:
        if isinstance(exc, TailorfitError):
            self.failed.emit(title, exc.message)
            return
        detail = getattr(exc, "__traceback_text__", repr(exc))
        self.failed.emit(title, "Something unexpected went wrong; your documents are unchanged. "
                                f"Please report this with the details below.\n\n{detail}")
