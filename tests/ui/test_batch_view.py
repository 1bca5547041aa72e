"""The Batch view: ranks a folder in the background, shows progress, cancels, sorts, and a
double-click asks to open the pair."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tailorfit.core.readers import read_document
from tailorfit.core.resources import sample_posting, sample_resume
from tailorfit.ui.batch_view import COMPANY, FILE, MUST, SCORE, TITLE, BatchDialog, BatchOutcome
from tests.conftest import TODAY

_EXTRA = ("Hybrid work is possible.", "Relocation support is offered.",
          "The team sits in two time zones.")


@pytest.fixture(scope="module")
def sample_text() -> str:
    return read_document(sample_posting()).text


def _postings(folder: Path, text: str, count: int) -> list[Path]:
    """Distinct postings from the sample; every fourth asks for more than the resume has."""
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for number in range(count):
        body = text if number % 4 else text.replace("6+ years", "12+ years").replace(
            "Strong proficiency in Go (Golang) or Java", "Strong proficiency in COBOL and Fortran")
        path = folder / f"posting-{number:03d}.txt"
        path.write_text(f"Ref {number}\n{body}\n{_EXTRA[number % 3]}\n", encoding="utf-8")
        made.append(path)
    return made


@pytest.fixture
def dialog(qtbot, home: Path) -> Iterator[BatchDialog]:  # type: ignore[no-untyped-def]
    made = BatchDialog(today=TODAY)
    qtbot.addWidget(made)
    made.show()
    yield made
    made.cancel()
    made.tasks.wait(10000)


def _column(dialog: BatchDialog, column: int) -> list[object]:
    table = dialog.table
    return [table.item(row, column).data(Qt.ItemDataRole.DisplayRole)
            for row in range(table.rowCount())]


def test_ranks_a_folder_best_first_and_sorts(qtbot, dialog: BatchDialog,  # type: ignore[no-untyped-def]
                                            sample_text: str, tmp_path: Path) -> None:
    folder = tmp_path / "postings"
    _postings(folder, sample_text, 6)
    (folder / "broken.txt").write_bytes(b"\x00\x01binary\xff" * 50)
    (folder / "notes.xlsx").write_bytes(b"not a posting")
    dialog.resume_edit.setText(str(sample_resume()))
    dialog.folder_edit.setText(str(folder))
    with qtbot.waitSignal(dialog.ranking_finished, timeout=30000) as blocker:
        qtbot.mouseClick(dialog.rank_button, Qt.MouseButton.LeftButton)
        assert dialog.running and not dialog.rank_button.isEnabled()
        assert dialog.cancel_button.isEnabled()
    outcome = blocker.args[0]
    assert isinstance(outcome, BatchOutcome)
    assert (outcome.total, len(outcome.rows), outcome.cancelled) == (7, 6, False)
    assert [s.path.name for s in outcome.skipped] == ["broken.txt"]
    assert dialog.table.rowCount() == 6
    scores = _column(dialog, SCORE)
    assert scores == sorted(scores, reverse=True) and len(set(scores)) == 2  # type: ignore[type-var]
    assert set(_column(dialog, TITLE)) == {"Senior Backend Engineer"}
    assert all(isinstance(v, int) for v in _column(dialog, MUST))
    harder = {f"posting-{n:03d}.txt" for n in (0, 4)}
    assert set(_column(dialog, FILE)[-2:]) == harder
    assert dialog.skipped_list.isVisible() and "broken.txt" in dialog.skipped_list.toPlainText()
    assert "6 of 7 postings ranked" in dialog.status.text()
    assert dialog.rank_button.isEnabled() and not dialog.cancel_button.isEnabled()
    assert dialog.progress.value() == 7

    dialog.table.sortByColumn(SCORE, Qt.SortOrder.AscendingOrder)
    assert set(_column(dialog, FILE)[:2]) == harder
    dialog.table.sortByColumn(FILE, Qt.SortOrder.DescendingOrder)
    assert _column(dialog, FILE) == [f"posting-{n:03d}.txt" for n in range(5, -1, -1)]
    # the posting's path stays with its row whatever the sort
    assert [dialog.posting_at(r) for r in range(6)] == [folder / f"posting-{n:03d}.txt"
                                                        for n in range(5, -1, -1)]
    assert _column(dialog, COMPANY)[0] is not None


def test_double_click_opens_the_pair(qtbot, dialog: BatchDialog,  # type: ignore[no-untyped-def]
                                     sample_text: str, tmp_path: Path) -> None:
    folder = tmp_path / "postings"
    _postings(folder, sample_text, 3)
    dialog.resume_edit.setText(str(sample_resume()))
    dialog.folder_edit.setText(str(folder))
    with qtbot.waitSignal(dialog.ranking_finished, timeout=30000):
        dialog.start()
    dialog.table.sortByColumn(FILE, Qt.SortOrder.AscendingOrder)
    rect = dialog.table.visualRect(dialog.table.model().index(1, TITLE))
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.open_pair, timeout=5000) as blocker:
        qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton,
                          pos=rect.center())
    assert blocker.args == [folder / "posting-001.txt", sample_resume()]
    # and the button does the same for the selected row
    dialog.table.selectRow(2)
    assert dialog.open_button.isEnabled()
    with qtbot.waitSignal(dialog.open_pair, timeout=5000) as blocker:
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [folder / "posting-002.txt", sample_resume()]


def test_cancel_stops_the_workers_and_keeps_what_was_ranked(  # type: ignore[no-untyped-def]
        qtbot, home: Path, sample_text: str, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    _postings(folder, sample_text, 300)
    dialog = BatchDialog(resume=sample_resume(), folder=folder, today=TODAY, workers=2)
    qtbot.addWidget(dialog)
    dialog.show()
    seen: list[int] = []

    def on_progress(value: int) -> None:
        seen.append(value)
        if value >= 1 and dialog.cancel_button.isEnabled():
            qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    dialog.progress.valueChanged.connect(on_progress)
    with qtbot.waitSignal(dialog.ranking_finished, timeout=60000) as blocker:
        dialog.start()
    outcome = blocker.args[0]
    assert outcome.cancelled and outcome.total == 300
    assert 1 <= outcome.done < 300
    assert dialog.table.rowCount() == len(outcome.rows)
    assert dialog.status.text().startswith(f"Cancelled after {outcome.done} of 300")
    assert dialog.rank_button.isEnabled() and not dialog.cancel_button.isEnabled()
    assert seen and max(seen) < 300
    qtbot.waitUntil(lambda: multiprocessing.active_children() == [], timeout=5000)


def test_closing_while_ranking_cancels(qtbot, home: Path, sample_text: str,  # type: ignore[no-untyped-def]
                                       tmp_path: Path) -> None:
    folder = tmp_path / "many"
    _postings(folder, sample_text, 300)
    dialog = BatchDialog(resume=sample_resume(), folder=folder, today=TODAY, workers=2)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.progress.valueChanged, timeout=30000,
                          check_params_cb=lambda value: value >= 1):
        dialog.start()
    dialog.reject()  # waits until the job has ended
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: multiprocessing.active_children() == [], timeout=5000)


@pytest.mark.parametrize("problem, message", [
    ("nothing", "Choose a resume file and a folder of postings first."),
    ("folder", "The folder 'nowhere' does not exist."),
    ("empty", "No posting files found."),
    ("resume", "The resume 'gone.docx' does not exist"),
])
def test_problems_are_said_in_the_dialog(qtbot, dialog: BatchDialog,  # type: ignore[no-untyped-def]
                                         tmp_path: Path, problem: str, message: str) -> None:
    folder = tmp_path / "postings"
    folder.mkdir()
    resume = sample_resume()
    if problem == "folder":
        folder = tmp_path / "nowhere"
    elif problem == "resume":
        resume = tmp_path / "gone.docx"
    if problem != "nothing":
        dialog.resume_edit.setText(str(resume))
        dialog.folder_edit.setText(str(folder))
    with qtbot.waitSignal(dialog.ranking_failed, timeout=10000) as blocker:
        dialog.start()
    assert message in blocker.args[0]
    assert message in dialog.status.text()
    assert dialog.rank_button.isEnabled() and dialog.table.rowCount() == 0
