"""The window's state stays true to what is open (issue 7, part 5)."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QImage, QTextCursor

from tailorfit.core.match import Status
from tailorfit.core.resources import resource_path, sample_posting, sample_resume
from tests.ui.conftest import open_pair


def bold_first_line_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph().add_run("Maya Okafor").bold = True
    document.add_paragraph("Skills: Go, Kubernetes, Terraform, PostgreSQL")
    document.save(path)
    return path


def weights(pane) -> set[int]:  # type: ignore[no-untyped-def]
    found = set()
    block = pane.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            found.add(iterator.fragment().charFormat().fontWeight())
            iterator += 1
        block = block.next()
    return found


def test_bold_does_not_leak_into_the_next_document(qtbot, window, tmp_path: Path) -> None:
    open_pair(qtbot, window, resume=bold_first_line_docx(tmp_path / "bold.docx"))
    qtbot.waitUntil(lambda: not window.resume.is_styling())
    assert QFont.Weight.Bold in weights(window.resume)
    plain = tmp_path / "plain.txt"
    plain.write_text("Jane Doe\nSkills\nGo and Kubernetes\n", encoding="utf-8")
    with qtbot.waitSignal(window.controller.content_loaded, timeout=15000):
        window.controller.open_file("resume", plain)
    qtbot.waitUntil(lambda: not window.resume.is_styling())
    first = QTextCursor(window.resume.document())
    first.setPosition(3)
    assert first.charFormat().fontWeight() != QFont.Weight.Bold  # "Jane Doe" is plain text
    # Opening the samples again (Ctrl+Shift+S) shows them as they are, nothing all bold.
    with qtbot.waitSignal(window.shown_analysis, timeout=15000):
        qtbot.keyClick(window, Qt.Key.Key_S,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: not window.resume.is_styling())
    assert QFont.Weight.Normal in weights(window.resume)


def test_a_new_resume_clears_stale_selection_detail_and_hint(qtbot, window,
                                                            tmp_path: Path) -> None:
    view = open_pair(qtbot, window)
    window.show_hint(True)
    verdict = next(v for v in view.analysis.verdicts if v.evidence)
    window.checklist.select(verdict.requirement.id)
    window.reveal_requirement(verdict.requirement.id)
    assert window.checklist.detail.toPlainText()
    assert window.posting.textCursor().hasSelection()
    mine = tmp_path / "mine.docx"
    shutil.copy(sample_resume(), mine)
    with qtbot.waitSignal(window.controller.content_loaded, timeout=15000):
        window.controller.open_file("resume", mine)
    assert window.checklist.detail.toPlainText() == ""
    assert window.checklist.current_id() is None
    assert not window.posting.textCursor().hasSelection()
    assert not window.hint.isVisible()


def test_opening_another_resume_asks_before_dropping_typed_changes(qtbot, window,
                                                                   tmp_path: Path) -> None:
    open_pair(qtbot, window, resume=bold_first_line_docx(tmp_path / "mine.docx"))
    window.resume.setFocus()
    qtbot.keyClicks(window.resume, "My edit ")
    asked: list[str] = []
    window.ask = lambda title, text, accept: asked.append(text) or False  # "Cancel"
    window.open_file("resume", sample_resume())
    assert asked and "mine.docx (edited)" in asked[0]
    assert window.resume.toPlainText().startswith("My edit ")
    window.ask = lambda title, text, accept: True  # "Discard changes"
    with qtbot.waitSignal(window.controller.content_loaded, timeout=15000):
        window.open_file("resume", sample_resume())
    assert not window.resume.toPlainText().startswith("My edit ")


def test_unedited_documents_open_without_a_question(qtbot, window) -> None:
    open_pair(qtbot, window)
    window.ask = lambda *args: (_ for _ in ()).throw(AssertionError("asked"))
    with qtbot.waitSignal(window.controller.content_loaded, timeout=15000):
        window.open_file("resume", sample_resume())


def test_a_pasted_posting_is_in_open_recent(qtbot, window) -> None:
    open_pair(qtbot, window)
    QGuiApplication.clipboard().setText("Data Engineer\n\nRequirements\n- 3+ years of Python\n")
    with qtbot.waitSignal(window.shown_analysis, timeout=15000):
        window.paste_posting()
    recent = window.settings.recent_postings
    assert recent and "Data Engineer" in Path(recent[0]).name
    assert Path(recent[0]).read_text(encoding="utf-8").startswith("Data Engineer")
    window._fill_recent()
    names = [a.text() for a in window.recent_menu.actions()]
    assert any("Pasted" in n and "Data Engineer" in n for n in names)


def test_the_pane_title_is_never_hidden_under_its_buttons(qtbot, window,
                                                         tmp_path: Path) -> None:
    long = tmp_path / ("A very long resume file name that goes on and on " * 3 + ".docx")
    shutil.copy(sample_resume(), long)
    open_pair(qtbot, window, resume=long)
    label = window.resume_label
    button = next(b for b in label.parent().findChildren(type(window.checklist.buttons["all"]))
                  if b.text() == "Open…")
    assert label.geometry().right() < button.geometry().left()
    assert "…" in label.text() and label.full_text().endswith(".docx")
    assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width()


def test_the_open_dialog_never_starts_in_the_apps_own_samples(qtbot, window,
                                                              tmp_path: Path) -> None:
    window.settings.recent_resumes = [str(sample_resume())]
    assert Path(window.start_folder("resume")).resolve() != resource_path("samples").resolve()
    mine = tmp_path / "cv" / "mine.docx"
    mine.parent.mkdir()
    shutil.copy(sample_resume(), mine)
    window.settings.recent_resumes = [str(sample_resume()), str(mine)]
    assert window.start_folder("resume") == str(mine.parent)


def test_jumping_to_evidence_lands_in_the_middle_of_the_pane(qtbot, window) -> None:
    view = open_pair(qtbot, window)
    window.resize(1100, 500)
    qtbot.waitUntil(lambda: not window.resume.is_styling())
    verdict = max((v for v in view.analysis.verdicts if v.evidence),
                  key=lambda v: v.evidence[0].start)
    window.reveal_requirement(verdict.requirement.id)
    pane = window.resume
    rect = pane.cursorRect(pane.textCursor())
    if pane.verticalScrollBar().value() < pane.verticalScrollBar().maximum():
        assert abs(rect.center().y() - pane.viewport().height() / 2) < rect.height() * 2


def test_group_titles_say_how_many_are_met(qtbot, window) -> None:
    view = open_pair(qtbot, window)
    top = window.checklist.tree.topLevelItem(0).text(0)
    musts = [v for v in view.analysis.verdicts if v.requirement.strength.value == "must"]
    met = sum(1 for v in musts if v.status is Status.MET)
    assert top.startswith(f"Must have · {len(musts)}: {met} met")
    assert " of " not in top
    window.checklist.set_filter("missing")
    top = window.checklist.tree.topLevelItem(0).text(0)
    assert "shown)" in top


def test_the_header_years_agree_with_the_years_item(qtbot, window) -> None:
    view = open_pair(qtbot, window)
    years = next(v for v in view.analysis.verdicts if v.requirement.years and v.years_shown)
    shown = f"{years.years_shown:.1f}".rstrip("0").rstrip(".")
    assert f"{shown} years in {years.requirement.years.domain}" in window.header.years.full_text()
    assert shown in years.explanation


def test_the_active_filter_stands_out_in_the_dark_theme(qtbot, window) -> None:
    open_pair(qtbot, window)
    window.settings.theme = "dark"
    window.apply_settings()
    window.checklist.set_filter("missing")

    def mean_lightness(widget) -> float:  # type: ignore[no-untyped-def]
        image: QImage = widget.grab().toImage()
        points = [image.pixelColor(x, y).lightness() for x in range(2, image.width() - 2, 3)
                  for y in range(2, image.height() - 2, 3)]
        return sum(points) / len(points)

    active = mean_lightness(window.checklist.buttons["missing"])
    idle = mean_lightness(window.checklist.buttons["met"])
    assert abs(active - idle) > 25


def test_zoom_applies_to_the_checklist_too(qtbot, window) -> None:
    open_pair(qtbot, window)
    size = window.checklist.tree.font().pointSize()
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.checklist.tree.font().pointSize() == size + 1
    assert window.checklist.detail.font().pointSize() == size + 1


def test_a_legend_explains_the_colours(qtbot, window) -> None:
    open_pair(qtbot, window)
    texts = [label.text() for label in window.legend.labels]
    assert texts[:3] == ["Met", "Partly met", "Missing"]
    assert "asked for" in texts[3]
    assert all(not icon.pixmap().isNull() for icon in window.legend.icons.values())
    assert window.legend.isVisible()


def test_bad_files_in_the_window_keep_what_was_open(qtbot, window, tmp_path: Path) -> None:
    from tests.core.test_bad_input_more import (
        GERMAN_RESUME,
        NO_REQUIREMENTS,
        binary_named_txt,
        corrupt_deflate,
    )

    view = open_pair(qtbot, window)
    resume_text, posting_text = window.resume.toPlainText(), window.posting.toPlainText()
    german = tmp_path / "lebenslauf.txt"
    german.write_text(GERMAN_RESUME, encoding="utf-8")
    about = tmp_path / "about.txt"
    about.write_text(NO_REQUIREMENTS, encoding="utf-8")
    cases = [("resume", corrupt_deflate(tmp_path / "r.docx"), "damaged"),
             ("resume", binary_named_txt(tmp_path / "resume.txt"), "not a text document"),
             ("resume", german, "German"),
             ("posting", about, "No requirements were found")]
    for kind, path, words in cases:
        with qtbot.waitSignal(window.controller.failed, timeout=15000) as blocker:
            window.open_file(kind, path)
        _title, message = blocker.args
        assert words in message and "Traceback" not in message
        assert window.message_box is not None and window.message_box.isVisible()
        window.message_box.close()
    assert window.resume.toPlainText() == resume_text
    assert window.posting.toPlainText() == posting_text
    assert window.controller.view.analysis is view.analysis  # (its suggestions may follow)
    assert window.controller.sides["posting"].path == sample_posting()


def test_a_long_resume_opens_without_blocking_and_keeps_its_marks(qtbot, window,
                                                                  tmp_path: Path) -> None:
    """Formatting runs in slices on a detached copy; only visible marks become selections."""
    from tailorfit.core.readers import read_document

    text = read_document(sample_resume()).text
    long = tmp_path / "long-resume.txt"
    long.write_text("\n\n".join([text] * 60), encoding="utf-8")  # about 3,000 paragraphs
    open_pair(qtbot, window)
    with qtbot.waitSignal(window.controller.content_loaded, timeout=30000):
        window.controller.open_file("resume", long)
    pane = window.resume
    assert pane.is_styling() and pane.isReadOnly()  # returned at once; the text is on its way
    with qtbot.waitSignal(pane.styled, timeout=60000):
        pass
    assert not pane.isReadOnly()
    assert pane.toPlainText() == window.controller.sides["resume"].shown
    assert pane.looks().count("b") >= 60 * 5  # every copy's headings are bold again
    if window.controller.view is None or window.controller.view.resume_marks == ():
        with qtbot.waitSignal(window.shown_analysis, timeout=60000):
            pass
    qtbot.waitUntil(lambda: len(pane.highlights()) > 500, timeout=60000)
    # The selections follow the laid-out view on the next event-loop turns.
    def few_shown() -> None:
        shown, marks = pane.shown_selections(), len(pane.highlights())
        assert 0 < shown < marks / 4, (shown, marks, pane.visible_range())

    qtbot.waitUntil(few_shown, timeout=10000)
    pane.verticalScrollBar().setValue(pane.verticalScrollBar().maximum())

    def near_the_view() -> bool:
        low, high = pane.visible_range()
        shown = pane.extraSelections()
        return bool(shown) and all(low <= s.cursor.selectionEnd() and
                                   s.cursor.selectionStart() <= high for s in shown)

    qtbot.waitUntil(near_the_view)  # the marks follow the scrolling
    assert pane.extraSelections()[0].cursor.selectionStart() > len(pane.toPlainText()) / 2
