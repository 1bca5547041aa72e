"""The suggestions panel in the window: accept, edit, reject, "Not true for me", undo/redo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QInputDialog

from tailorfit.core.suggest import Kind
from tailorfit.core.truth import Answer, TruthBank
from tests.ui.conftest import open_pair as _open_pair


def open_pair(qtbot, window, posting=None, resume=None):  # type: ignore[no-untyped-def]
    """Open a pair and wait until its suggestions are listed (they follow the verdicts)."""
    with qtbot.waitSignal(window.shown_suggestions, timeout=20000) as blocker:
        _open_pair(qtbot, window, posting, resume)
    return blocker.args[0]


def _one(view, kind: Kind, rule: str):  # type: ignore[no-untyped-def]
    found = [s for s in view.suggestions if s.kind is kind and s.rule == rule]
    assert found, [(s.kind.value, s.rule) for s in view.suggestions]
    return found[0]


def _accept(qtbot, window, suggestion, edited=None):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.shown_suggestions, timeout=15000) as blocker:
        window.accept_suggestion(suggestion, edited)
    return blocker.args[0]


def test_panel_lists_suggestions_grouped_by_kind(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    view = open_pair(qtbot, window)
    assert view.suggestions
    tree = window.suggestions.tree
    heads = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert any(h.startswith("Questions for you") for h in heads)
    assert window.suggestions.current() is not None
    assert "GraphQL" in window.suggestions.detail.toPlainText() or \
        window.suggestions.current().message in window.suggestions.detail.toPlainText()


def test_accept_marks_the_text_and_undo_redo_replay_it(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    view = open_pair(qtbot, window)
    original = window.resume.toPlainText()
    headline = _one(view, Kind.SUMMARY, "tailored-headline")
    after_view = _accept(qtbot, window, headline)
    text = window.resume.toPlainText()
    assert headline.after in text and text != original
    assert window.resume.changed_ranges()
    assert headline.id in window.tailoring.accepted
    assert after_view.resume_shown == text
    assert window.tailoring.stack.undoText().startswith("Accept: ")
    with qtbot.waitSignal(window.controller.analysis_changed, timeout=15000):
        window.tailoring.stack.undo()
    assert window.resume.toPlainText() == original
    assert headline.id not in window.tailoring.accepted
    with qtbot.waitSignal(window.controller.analysis_changed, timeout=15000):
        window.tailoring.stack.redo()
    assert headline.after in window.resume.toPlainText()
    assert headline.id in window.tailoring.accepted


def test_typing_and_accepting_share_one_history(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    open_pair(qtbot, window)
    original = window.resume.toPlainText()
    window.resume.setFocus()
    cursor = window.resume.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    window.resume.setTextCursor(cursor)
    with qtbot.waitSignal(window.shown_suggestions, timeout=15000) as blocker:
        qtbot.keyClicks(window.resume, " Volunteer tutor.")
    typed = window.resume.toPlainText()
    assert typed.endswith("Volunteer tutor.")
    headline = _one(blocker.args[0], Kind.SUMMARY, "tailored-headline")
    _accept(qtbot, window, headline)
    assert window.tailoring.stack.count() == 2
    qtbot.keySequence(window.resume, QKeySequence.StandardKey.Undo)  # the pane's Ctrl+Z
    assert window.resume.toPlainText() == typed
    window.tailoring.stack.undo()
    assert window.resume.toPlainText() == original


def test_yes_adds_the_skill_and_remembers_it(qtbot, window, home: Path) -> None:  # type: ignore[no-untyped-def]
    view = open_pair(qtbot, window)
    ask = _one(view, Kind.ASK, "ask-skill")
    before = view.analysis.score
    after_view = _accept(qtbot, window, ask)
    assert ", " + ask.after in window.resume.toPlainText()
    assert window.controller.truth.get(ask.term) is Answer.YES
    assert after_view.analysis.score >= before
    qtbot.waitUntil(lambda: "Score " in window.statusBar().currentMessage(), timeout=5000)
    window.controller.tasks.wait(5000)
    assert TruthBank.load().get(ask.term) is Answer.YES  # saved for the next posting


def test_not_true_for_me_hides_it_for_good(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    view = open_pair(qtbot, window)
    ask = _one(view, Kind.ASK, "ask-skill")
    with qtbot.waitSignal(window.shown_suggestions, timeout=15000) as blocker:
        window.deny_suggestion(ask)
    assert ask.id not in [s.id for s in window.suggestions.visible()]
    assert all(s.term != ask.term for s in blocker.args[0].suggestions)
    assert window.controller.truth.get(ask.term) is Answer.NO


def test_reject_hides_and_edit_then_accept_uses_the_users_words(  # type: ignore[no-untyped-def]
        qtbot, window, monkeypatch) -> None:
    view = open_pair(qtbot, window)
    headline = _one(view, Kind.SUMMARY, "tailored-headline")
    window.reject_suggestion(headline)
    assert headline.id not in [s.id for s in window.suggestions.visible()]
    ask = _one(view, Kind.ASK, "ask-skill")
    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        staticmethod(lambda *a, **k: ("GraphQL (Apollo)", True)))
    with qtbot.waitSignal(window.shown_suggestions, timeout=15000):
        window.edit_suggestion(ask)
    assert "GraphQL (Apollo)" in window.resume.toPlainText()


def test_selecting_a_requirement_filters_the_panel(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    view = open_pair(qtbot, window)
    ask = _one(view, Kind.ASK, "ask-skill")
    window.checklist.select(ask.requirement_id)
    shown = window.suggestions.visible()
    assert shown and all(s.requirement_id == ask.requirement_id for s in shown)
    assert window.suggestions.show_all.isVisible()
    qtbot.mouseClick(window.suggestions.show_all, Qt.MouseButton.LeftButton)
    assert len(window.suggestions.visible()) > len(shown)


def test_accept_all_of_a_safe_kind_is_one_undo_step(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.core.test_suggest import POSTING, RESUME

    posting, resume = tmp_path / "posting.txt", tmp_path / "resume.txt"
    posting.write_text(POSTING, encoding="utf-8")
    resume.write_text(RESUME, encoding="utf-8")
    view = open_pair(qtbot, window, posting, resume)
    original = window.resume.toPlainText()
    mirrors = [s for s in view.suggestions if s.kind is Kind.MIRROR]
    assert len(mirrors) >= 3
    with qtbot.waitSignal(window.shown_suggestions, timeout=15000) as blocker:
        window.accept_all_suggestions(Kind.MIRROR)
    text = window.resume.toPlainText()
    assert "Go (Golang)" in text and "Kubernetes (K8s)" in text and "PostgreSQL migration" in text
    assert not [s for s in blocker.args[0].suggestions if s.kind is Kind.MIRROR]
    assert window.tailoring.stack.count() == 1
    window.tailoring.stack.undo()
    assert window.resume.toPlainText() == original
