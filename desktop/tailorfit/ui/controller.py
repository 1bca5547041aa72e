"""The one place the window's state lives: the two documents, the session and the analysis.

Widgets never read or parse files: they call the controller, which runs the core on the task
helper and publishes one immutable :class:`AnalysisView` per result. Edits re-run the
analysis after a short pause; results for text that has changed since are dropped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from tailorfit.core.display import DisplayMap
from tailorfit.core.errors import TailorfitError
from tailorfit.core.match import Analysis, analyze_documents
from tailorfit.core.match.result import Verdict
from tailorfit.core.model import Block, Document
from tailorfit.core.parse.posting import parse_posting
from tailorfit.core.parse.resume import parse_resume
from tailorfit.core.readers import read_document, read_pasted
from tailorfit.core.resources import sample_posting, sample_resume
from tailorfit.ui.settings import Settings, data_dir, save_settings, write_atomic
from tailorfit.ui.tasks import TaskRunner

DEBOUNCE_MS = 200


@dataclass(frozen=True, slots=True)
class PaneContent:
    """What a document pane shows after a file was opened or text pasted."""

    kind: str  # "posting" or "resume"
    text: str
    label: str  # file name or "pasted text"
    path: Path | None
    blocks: tuple[Block, ...] = ()
    headings: tuple[tuple[int, int], ...] = ()  # section headings the parser found


@dataclass(frozen=True, slots=True)
class AnalysisView:
    """An analysis plus where its offsets sit in each pane's current text."""

    analysis: Analysis
    posting_map: DisplayMap
    resume_map: DisplayMap
    revision: int

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


def _with_headings(kind: str, document: Document) -> tuple[Document, tuple[tuple[int, int], ...]]:
    """The document and where its section headings are, for the pane to show them bold.

    Bold headings are a nicety: a document the parser cannot structure still opens.
    """
    try:
        if kind == "posting":
            posting = parse_posting(document)
            text = document.text
            spans = tuple((s.start, s.start + len(s.title)) for s in posting.sections
                          if s.title and text.startswith(s.title, s.start))
        else:
            spans = tuple(s.heading for s in parse_resume(document).sections if s.heading)
    except TailorfitError:
        spans = ()
    return document, spans


class Controller(QObject):
    """Documents, session and live analysis for the main window."""

    content_loaded = Signal(object)  # PaneContent
    analysis_changed = Signal(object)  # AnalysisView
    failed = Signal(str, str)  # title, message a person can act on
    busy_changed = Signal(bool)

    def __init__(self, settings: Settings, tasks: TaskRunner | None = None,
                 today: date | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.tasks = tasks or TaskRunner(self)
        self.tasks.busy_changed.connect(self.busy_changed)
        self.today = today
        self.sides = {"posting": _Side(), "resume": _Side()}
        self.view: AnalysisView | None = None
        self._revision = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._analyze)
        # The session (working copies) is saved a moment after changes, not on every keystroke.
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(1500)
        self._save_timer.timeout.connect(self.save_now)

    # -- opening documents ------------------------------------------------------------------
    def open_file(self, kind: str, path: Path) -> None:
        """Read ``path`` in the background and show it as the posting or the resume."""
        path = Path(path)

        def done(loaded: tuple[Document, tuple[tuple[int, int], ...]]) -> None:
            document, headings = loaded
            self._set(kind, document, path, document.source.label, headings)
            self.settings.add_recent(kind, path)
            self._save_session()

        def error(exc: BaseException) -> None:
            self._report(f"Could not open {path.name}", exc)

        self.tasks.run(f"open-{kind}", lambda: _with_headings(kind, read_document(path)), done,
                       error)

    def paste_posting(self, text: str) -> None:
        """Use pasted text (a posting copied from a job board) as the posting."""
        def done(loaded: tuple[Document, tuple[tuple[int, int], ...]]) -> None:
            self._set("posting", loaded[0], None, "pasted text", loaded[1])
            self._save_session()

        self.tasks.run("open-posting", lambda: _with_headings("posting", read_pasted(text)), done,
                       lambda exc: self._report("Could not use the pasted text", exc))

    def open_samples(self) -> None:
        self.open_file("posting", sample_posting())
        self.open_file("resume", sample_resume())

    def restore_session(self) -> bool:
        """Reopen the last session's documents; False when there is none to reopen."""
        session = self._read_session()
        if not session:
            return False
        opened = False
        for kind in ("posting", "resume"):
            entry = session.get(kind) or {}
            path = entry.get("path")
            text = entry.get("text")
            if isinstance(text, str) and text.strip():
                self._restore_text(kind, text, Path(path) if path else None)
                opened = True
            elif isinstance(path, str) and Path(path).is_file():
                self.open_file(kind, Path(path))
                opened = True
        return opened

    def _restore_text(self, kind: str, text: str, path: Path | None) -> None:
        def done(loaded: tuple[Document, tuple[tuple[int, int], ...]]) -> None:
            document, headings = loaded
            side = self.sides[kind]
            side.document, side.path, side.shown = document, path, text
            side.edited = True
            side.label = (path.name + " (edited)") if path else "pasted text"
            shown = DisplayMap.for_text(document, text)  # pasted text is read with wraps joined
            spans = tuple(s for h in headings if (s := shown.span(*h)) is not None)
            self.content_loaded.emit(PaneContent(kind, text, side.label, path, headings=spans))
            self.schedule()

        self.tasks.run(f"open-{kind}", lambda: _with_headings(kind, read_pasted(text)), done,
                       lambda exc: self._report("Could not restore the last session", exc))

    def _set(self, kind: str, document: Document, path: Path | None, label: str,
             headings: tuple[tuple[int, int], ...] = ()) -> None:
        side = self.sides[kind]
        side.document, side.path, side.shown, side.edited = document, path, document.text, False
        side.label = label
        self.content_loaded.emit(PaneContent(kind, document.text, label, path, document.blocks,
                                             headings))
        for warning in document.source.warnings:
            self.failed.emit("Note", warning)
        self._analyze()

    # -- edits ----------------------------------------------------------------------------
    def text_edited(self, kind: str, text: str) -> None:
        """The user typed in a pane: remember the working copy and re-analyse shortly."""
        side = self.sides[kind]
        if text == side.shown:
            return
        side.shown = text
        side.edited = True
        if side.path and not side.label.endswith("(edited)"):
            side.label = f"{side.path.name} (edited)"
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

        def work() -> AnalysisView:
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
            return AnalysisView(analysis, maps["posting"], maps["resume"], revision)

        def done(view: AnalysisView) -> None:
            if view.revision != self._revision:
                return
            self.view = view
            self.analysis_changed.emit(view)
            self._save_timer.start()

        self.tasks.run("analysis", work, done,
                       lambda exc: self._report("The analysis failed", exc))

    # -- errors and session -------------------------------------------------------------------
    def _report(self, title: str, exc: BaseException) -> None:
        if isinstance(exc, TailorfitError):
            self.failed.emit(title, exc.message)
            return
        detail = getattr(exc, "__traceback_text__", repr(exc))
        self.failed.emit(title, "Something unexpected went wrong; your documents are unchanged. "
                                f"Please report this with the details below.\n\n{detail}")

    def _session_path(self) -> Path:
        return data_dir() / "session.json"

    def _read_session(self) -> dict[str, Any]:
        try:
            data = json.loads(self._session_path().read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def _save_session(self) -> None:
        self._save_timer.start()

    def save_now(self) -> None:
        """Write the session and settings now (also called when the window closes)."""
        self._save_timer.stop()
        session: dict[str, Any] = {}
        for kind, side in self.sides.items():
            if side.document is None:
                continue
            session[kind] = {
                "path": str(side.path) if side.path else None,
                # Pasted or edited text is the user's working copy: keep it between sessions.
                "text": side.shown if side.edited or side.path is None else None,
            }
        try:
            write_atomic(self._session_path(), json.dumps(session, indent=2))
            save_settings(self.settings)
        except OSError as exc:
            self.failed.emit("Could not save your session",
                             f"{exc.strerror or exc}. Your documents are still open; check that "
                             f"{data_dir()} is writable.")
