"""The window's link to the applications library: save the pair, autosave it, reopen it.

The library opens on first use. Once the current posting and resume are saved as an
application, every analysis autosaves the working resume, the accepted suggestions, the
rejected ones and the score into its version, on the writing worker. Reopening an application
from the library view loads its posting and its tailored resume into the panes.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from tailorfit.core.errors import TailorfitError

if TYPE_CHECKING:
    from tailorfit.core.library import Library
    from tailorfit.core.library.models import Workspace
    from tailorfit.ui.controller import AnalysisView, Controller
    from tailorfit.ui.tailoring import Tailoring


class LibraryLink(QObject):
    noted = Signal(str)
    failed = Signal(str, str)

    def __init__(self, controller: Controller, tailoring: Tailoring,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.tailoring = tailoring
        self._library: Library | None = None
        self.version_id: int | None = None  # the application version the window works on
        controller.suggestions_changed.connect(self._autosave)
        controller.content_loaded.connect(self._unlink)
        self._reopening = 0

    @property
    def library(self) -> Library | None:
        """The open library, or None (the reason has been shown) when it cannot open."""
        if self._library is None:
            from tailorfit.core.library import Library

            try:
                self._library = Library.open()
            except TailorfitError as exc:
                self.failed.emit("The applications library could not open",
                                 f"{exc.message} Use File → Applications library… to choose "
                                 "what to do.")
                return None
        return self._library

    def close(self) -> None:
        if self._library is not None:
            self._library.close()
            self._library = None

    # -- saving -----------------------------------------------------------------------------
    def save_current(self) -> None:
        """Add the open posting and resume to the library, or save the linked version now."""
        view = self.controller.view
        posting, resume = self.controller.sides["posting"], self.controller.sides["resume"]
        if view is None or posting.document is None or resume.document is None:
            self.noted.emit("Open a posting and a resume first, then save them to the library.")
            return
        library = self.library
        if library is None:
            return
        if self.version_id is not None:
            self._autosave(view, announce=True)
            return
        from tailorfit.core.library.models import NewApplication

        new = NewApplication(
            posting_text=posting.shown, posting_file_name=posting.path.name if posting.path else "",
            company=view.analysis.posting.company or "", title=view.analysis.posting.title or "",
            resume_text=resume.shown)
        score, missing = view.analysis.score, view.analysis.must_missing
        state = self._state()

        def work() -> int:
            workspace = library.create_application(new)
            library.save_work(workspace.version.id, resume_text=new.resume_text or "",
                              accepted_edits=state["accepted"], decisions=state["decisions"],
                              score=score, must_missing=missing)
            return workspace.version.id

        def done(version_id: int) -> None:
            self.version_id = version_id
            label = " - ".join(x for x in (new.company, new.title) if x) or "this application"
            self.noted.emit(f"Saved {label} to the applications library; it now saves as you "
                            "work.")

        self.controller.tasks.run("library", work, done, self._write_failed, io=True)

    def _state(self) -> dict[str, Any]:
        return {"accepted": [dataclasses.asdict(s) | {"position": s.position.value
                                                      if s.position else None}
                             for s in self.tailoring.accepted_list()],
                "decisions": {"rejected": sorted(self.controller.rejected)}}

    def _autosave(self, view: AnalysisView, announce: bool = False) -> None:
        if self.version_id is None or self._library is None:
            return
        library, version_id = self._library, self.version_id
        text = self.controller.sides["resume"].shown
        state = self._state()
        score, missing = view.analysis.score, view.analysis.must_missing

        def work() -> None:
            library.save_work(version_id, resume_text=text, accepted_edits=state["accepted"],
                              decisions=state["decisions"], score=score, must_missing=missing)

        def done(_result: None) -> None:
            if announce:
                self.noted.emit("Saved to the applications library.")

        self.controller.tasks.run("library", work, done, self._write_failed, io=True)

    def _write_failed(self, exc: BaseException) -> None:
        message = exc.message if isinstance(exc, TailorfitError) else repr(exc)
        self.failed.emit("The library could not be saved",
                         f"{message} Your working copy is still open and autosaved in the "
                         "session.")

    # -- reopening ------------------------------------------------------------------------------
    def reopen(self, application_id: int, workspace: Workspace) -> None:
        """Load an application's posting and tailored resume, and keep saving into it."""
        label = " - ".join(x for x in (workspace.application.company,
                                         workspace.application.title) if x)
        self._reopening = 2  # the two panes about to load must not unlink the version
        self.controller.open_text("posting", workspace.posting_text, label or "from library")
        self.controller.open_text("resume", workspace.resume_text,
                                  f"tailored for {label}" if label else "from library")
        self.version_id = workspace.version.id
        rejected = (workspace.version.decisions or {}).get("rejected", []) \
            if isinstance(workspace.version.decisions, dict) else []
        self.controller.rejected.update(str(r) for r in rejected)

    def _unlink(self, _content: object) -> None:
        """Opening another document starts new work: it is not the linked application's."""
        if self._reopening:
            self._reopening -= 1
            return
        self.version_id = None
