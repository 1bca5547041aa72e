"""The window as a person uses it: open, read verdicts, follow evidence, type, drop, recover."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from tailorfit.core.match import Status
from tailorfit.core.resources import sample_resume
from tests.ui.conftest import open_pair


def test_sample_pair_shows_score_checklist_and_highlights(qtbot, window) -> None:
    view = open_pair(qtbot, window)
    analysis = view.analysis
    assert window.header.score.text() == str(analysis.score)
    assert f"Must-haves missing: {analysis.must_missing}" in window.header.must.text()
    counts = analysis.counts()
    assert window.checklist.buttons["missing"].text() == f"Missing {counts[Status.MISSING]}"
    assert len(window.checklist.items()) == len(analysis.verdicts)
    assert window.posting_label.full_text() == "Posting — sample-posting.docx"


def test_posting_highlights_sit_on_requirements_with_their_status(qtbot, window) -> None:
    view = open_pair(qtbot, window)
    text = window.posting.toPlainText()
    marks = {(a, b): h for a, b, h in window.posting.highlights()}
    for verdict in view.analysis.verdicts:
        requirement = verdict.requirement
        mark = marks[(requirement.start, requirement.end)]
        assert mark.status is verdict.status
        assert text[requirement.start:requirement.end] == requirement.text
        assert requirement.id in mark.requirement_ids


def test_resume_highlights_cover_evidence(qtbot, window) -> None:
    view = open_pair(qtbot, window)
    text = window.resume.toPlainText()
    spans = {(a, b) for a, b, _ in window.resume.highlights()}
    for verdict in view.analysis.verdicts:
        for evidence in verdict.evidence:
            if verdict.status is not Status.MISSING:
                assert (evidence.start, evidence.end) in spans
                assert text[evidence.start:evidence.end] == evidence.text


def test_selecting_a_requirement_reveals_its_best_evidence(qtbot, window) -> None:
    view = open_pair(qtbot, window)
    verdict = next(v for v in view.analysis.verdicts if "Istio" in v.requirement.text)
    window.checklist.select(verdict.requirement.id)
    best = verdict.evidence[0]
    assert window.resume.textCursor().selectedText() == best.text
    assert window.posting.textCursor().selectedText() == verdict.requirement.text
    assert best.text in window.statusBar().currentMessage()


def test_clicking_a_posting_line_selects_its_requirement(qtbot, window) -> None:
    view = open_pair(qtbot, window)
    verdict = view.analysis.verdicts[2]
    cursor = window.posting.textCursor()
    cursor.setPosition(verdict.requirement.start)
    window.posting.setTextCursor(cursor)
    window.posting.ensureCursorVisible()
    point = window.posting.point_of(verdict.requirement.start + 3)
    qtbot.mouseClick(window.posting.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.checklist.current_id() == verdict.requirement.id
    assert window.resume.textCursor().hasSelection()


def test_clicking_resume_evidence_says_which_requirements_it_supports(qtbot, window) -> None:
    view = open_pair(qtbot, window)
    verdict = next(v for v in view.analysis.verdicts if "Kubernetes and Terraform" in
                   v.requirement.text)
    evidence = verdict.evidence[0]
    window.resume.click_at(evidence.start + 1)
    assert "Kubernetes and Terraform" in window.statusBar().currentMessage()


def test_f8_walks_the_missing_requirements(qtbot, window) -> None:
    view = open_pair(qtbot, window)
    missing = [v.requirement.id for v in view.analysis.verdicts if v.status is Status.MISSING]
    assert len(missing) >= 2
    window.checklist.tree.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert window.checklist.current_id() == missing[0]
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert window.checklist.current_id() == missing[1]
    qtbot.keyClick(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.checklist.current_id() == missing[0]


def test_filters_show_only_one_status(qtbot, window) -> None:
    view = open_pair(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # Missing
    shown = window.checklist.items()
    expected = sum(1 for v in view.analysis.verdicts if v.status is Status.MISSING)
    assert len(shown) == expected
    assert all("Missing" in item.toolTip(0) for item in shown)


def test_typing_reanalyses_and_updates_the_score(qtbot, window) -> None:
    view = open_pair(qtbot, window)
    before = view.analysis
    graphql = next(v for v in before.verdicts if "GraphQL" in v.requirement.text)
    assert graphql.status is Status.MISSING
    cursor = window.resume.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    window.resume.setTextCursor(cursor)
    with qtbot.waitSignal(window.shown_analysis, timeout=15000) as blocker:
        qtbot.keyClick(window.resume, Qt.Key.Key_Return)
        qtbot.keyClicks(window.resume, "Built GraphQL APIs in Go for the mobile team.")
    after = blocker.args[0].analysis
    status = next(v.status for v in after.verdicts if "GraphQL" in v.requirement.text)
    assert status is Status.MET
    assert after.score > before.score
    assert window.header.score.text() == str(after.score)
    assert window.resume_label.full_text().endswith("(edited)")


def test_highlights_move_with_the_text_before_the_next_analysis(qtbot, window) -> None:
    open_pair(qtbot, window)
    before = sorted((a, b) for a, b, _ in window.resume.highlights())
    cursor = window.resume.textCursor()
    cursor.setPosition(0)
    window.resume.setTextCursor(cursor)
    qtbot.keyClicks(window.resume, "ABC ")
    moved = sorted((a, b) for a, b, _ in window.resume.highlights())
    assert moved == [(a + 4, b + 4) for a, b in before]
    text = window.resume.toPlainText()
    with qtbot.waitSignal(window.shown_analysis, timeout=15000) as blocker:
        pass
    view = blocker.args[0]
    for verdict in view.analysis.verdicts:
        for evidence in verdict.evidence:
            for a, b in view.resume_map.ranges(evidence.start, evidence.end):
                assert text[a:b].replace(" ", "") == evidence.text.replace(" ", "")


def test_the_source_resume_file_is_never_modified(qtbot, window, tmp_path: Path) -> None:
    resume = tmp_path / "mine.docx"
    shutil.copy(sample_resume(), resume)
    digest = hashlib.sha256(resume.read_bytes()).hexdigest()
    open_pair(qtbot, window, resume=resume)
    with qtbot.waitSignal(window.shown_analysis, timeout=15000):
        qtbot.keyClicks(window.resume, "Edited line ")
    window.controller.save_now(wait=True)
    assert hashlib.sha256(resume.read_bytes()).hexdigest() == digest


def test_dropping_a_file_opens_it(qtbot, window, tmp_path: Path) -> None:
    open_pair(qtbot, window)
    posting = tmp_path / "dropped.txt"
    posting.write_text("Data Engineer\n\nRequirements\n- 3+ years of Python\n- Airflow\n",
                       encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(posting))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.shown_analysis, timeout=15000) as blocker:
        window.posting.dropEvent(event)
    assert event.isAccepted()
    assert window.posting_label.full_text() == "Posting — dropped.txt"
    assert [v.requirement.text for v in blocker.args[0].analysis.verdicts] == [
        "3+ years of Python", "Airflow"]


def test_a_corrupt_file_gives_a_dialog_and_keeps_what_was_open(qtbot, window,
                                                              tmp_path: Path) -> None:
    view = open_pair(qtbot, window)
    text = window.resume.toPlainText()
    broken = tmp_path / "broken.docx"
    broken.write_bytes(sample_resume().read_bytes()[:3000])
    with qtbot.waitSignal(window.controller.failed, timeout=15000):
        window.controller.open_file("resume", broken)
    box = window.message_box
    assert box is not None and box.isVisible()
    assert "broken.docx" in box.text() and "damaged" in box.text()
    assert window.resume.toPlainText() == text
    assert window.controller.view.analysis is view.analysis  # (its suggestions may follow)
    box.close()


def test_pasting_a_posting(qtbot, window) -> None:
    open_pair(qtbot, window)
    QGuiApplication.clipboard().setText("Nurse Educator\n\nRequirements\n- BLS certification\n")
    with qtbot.waitSignal(window.shown_analysis, timeout=15000) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_V,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [v.requirement.text for v in blocker.args[0].analysis.verdicts] == [
        "BLS certification"]
    assert window.posting_label.full_text() == "Posting — pasted text"


def test_zoom_changes_the_text_size(qtbot, window) -> None:
    open_pair(qtbot, window)
    size = window.resume.font().pointSize()
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.resume.font().pointSize() == size + 1
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.resume.font().pointSize() == size


def test_widgets_have_accessible_names_and_rows_read_their_verdict(qtbot, window) -> None:
    open_pair(qtbot, window)
    for widget in (window.posting, window.resume, window.checklist.tree, window.header.score):
        assert widget.accessibleName()
    row = window.checklist.items()[0]
    text = row.data(0, Qt.ItemDataRole.AccessibleTextRole)
    assert text.split(".")[0] in ("Met", "Partly met", "Missing")
    assert all(not action.shortcut().isEmpty() for action in window.actions())


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_themes_apply(qtbot, window, theme: str) -> None:
    open_pair(qtbot, window)
    window.settings.theme = theme
    window.apply_settings()
    base = QApplication.instance().palette().base().color()
    assert (base.lightness() < 100) == (theme == "dark")
