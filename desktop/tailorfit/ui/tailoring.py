"""Accepting suggestions into the working copy, with one undo history for everything.

Typed edits and accepted suggestions are both edits of the resume pane's document; each
undoable step the document records becomes a command on one :class:`QUndoStack`, named after
the suggestion it carries ("Accept: Write "Go (Golang)"") or "Typing". Undo and redo replay
the document's own steps, so the working copy, the marks of changed text and the list of
accepted suggestions (which the export labels) stay in step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from tailorfit.core.suggest.model import Change, Kind, Suggestion

if TYPE_CHECKING:
    from tailorfit.core.export.suggestions import AcceptedSuggestion
    from tailorfit.ui.controller import AnalysisView, Controller
    from tailorfit.ui.pane import DocumentPane


class _DocumentStep(QUndoCommand):
    """One undoable step of the pane's document (already done when pushed)."""

    def __init__(self, owner: Tailoring, label: str,
                 accepted: AcceptedSuggestion | None) -> None:
        super().__init__(label)
        self._owner = owner
        self._accepted = accepted
        self._done = True

    def redo(self) -> None:
        if self._done:  # QUndoStack.push calls redo(); the edit has just been made
            self._done = False
        else:
            self._owner.pane.document().redo()
        if self._accepted is not None:
            self._owner.accepted[self._accepted.id] = self._accepted

    def undo(self) -> None:
        self._owner.pane.document().undo()
        if self._accepted is not None:
            self._owner.accepted.pop(self._accepted.id, None)


class Tailoring(QObject):
    """Applies accepted suggestions to the resume pane and keeps the undo history."""

    noted = Signal(str)
    failed = Signal(str, str)

    def __init__(self, controller: Controller, pane: DocumentPane,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.pane = pane
        self.stack = QUndoStack(self)
        self.accepted: dict[str, AcceptedSuggestion] = {}
        self._pending: tuple[str, AcceptedSuggestion | None] | None = None
        self._score_before: int | None = None
        pane.undo_added.connect(self._record)
        pane.undo_requested.connect(self.stack.undo)
        pane.redo_requested.connect(self.stack.redo)
        controller.analysis_changed.connect(self._analysed)

    def accepted_list(self) -> list[AcceptedSuggestion]:
        return list(self.accepted.values())

    def reset(self) -> None:
        """A new resume was opened: its history starts empty."""
        self.stack.clear()
        self.accepted.clear()

    def _record(self) -> None:
        label, accepted = self._pending or ("Typing", None)
        self._pending = None
        self.stack.push(_DocumentStep(self, label, accepted))

    def _analysed(self, view: AnalysisView) -> None:
        if self._score_before is not None:
            before, self._score_before = self._score_before, None
            after = view.analysis.score
            change = f"{after - before:+d}" if after != before else "no change"
            self.noted.emit(f"Score {before} → {after} ({change}).")

    # -- accepting ---------------------------------------------------------------------------
    def accept(self, suggestion: Suggestion, edited: str | None = None) -> bool:
        """Write the suggestion (or the user's edited version of it) into the working copy."""
        view = self.controller.view
        if view is None or suggestion.change is None:
            return False
        if self.pane.toPlainText() != view.resume_shown:
            self.noted.emit("The analysis is catching up with your typing; accept again in a "
                            "moment.")
            return False
        change = self._edited_change(view, suggestion, edited)
        where = self._shown_range(view, change)
        if where is None:
            self.failed.emit("The suggestion could not be applied",
                             "Its words are no longer where they were in the resume. Wait for "
                             "the analysis to update and try again.")
            return False
        label = f"Accept: {suggestion.message}"
        self._pending = (label, _accepted(view, suggestion, edited))
        self._score_before = view.analysis.score
        self.pane.replace_range(where[0], where[1], change.text)
        self._pending = None
        return True

    def accept_all(self, suggestions: list[Suggestion]) -> int:
        """Accept several at once, as one undo step: from the end, so offsets stay valid."""
        view = self.controller.view
        if view is None:
            return 0
        done = 0
        kind = suggestions[0].kind if suggestions else Kind.MIRROR
        self.stack.beginMacro(f"Accept all: {kind.label.lower()}")
        try:
            for suggestion in sorted(suggestions, key=lambda s: -(s.change.start
                                                                   if s.change else 0)):
                if suggestion.change is None:
                    continue
                where = self._shown_range(view, suggestion.change)
                if where is None:
                    continue
                self._pending = (f"Accept: {suggestion.message}", _accepted(view, suggestion))
                self.pane.replace_range(where[0], where[1], suggestion.change.text)
                self._pending = None
                done += 1
        finally:
            self.stack.endMacro()
        if done:
            self._score_before = view.analysis.score
        return done

    def _edited_change(self, view: AnalysisView, suggestion: Suggestion,
                       edited: str | None) -> Change:
        change = suggestion.change
        assert change is not None
        if edited is None:
            return change
        if not suggestion.before:  # an insertion: the user's words in place of the proposal
            return Change(change.start, change.end, change.text.replace(suggestion.after,
                                                                        edited))
        document = view.analysis.resume.document
        block = document.blocks[suggestion.block]
        start = document.block_start(suggestion.block) + block.content_start
        return Change(start, start + len(block.content.rstrip()), edited)

    def _shown_range(self, view: AnalysisView, change: Change) -> tuple[int, int] | None:
        """Where the analysed range ``change`` sits in the pane's text."""
        mapping = view.resume_map
        text = view.analysis.resume.document.text
        if change.end > change.start:
            return mapping.span(change.start, change.end)
        at = change.start
        if at > 0 and text[at - 1] != "\n":
            found = mapping.span(at - 1, at)
            return (found[1], found[1]) if found else None
        if at < len(text):
            found = mapping.span(at, at + 1)
            return (found[0], found[0]) if found else None
        end = len(self.pane.toPlainText())
        return end, end


def _accepted(view: AnalysisView, suggestion: Suggestion,
              edited: str | None = None) -> AcceptedSuggestion:
    from tailorfit.core.export.suggestions import AcceptedSuggestion

    data = suggestion.to_json(view.analysis.resume.document)
    if edited is not None:
        data["after"] = edited
    return AcceptedSuggestion.from_json(data, suggestion.id)
