"""The applications library view: list, search, sort, reopen, compare, status, notes, delete,
export and import, and what it does when the library is locked or damaged."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tailorfit.core.library import Library, NewApplication, Workspace
from tailorfit.ui.library_view import COMPANY, DATE, SCORE, STATUS, TITLE, LibraryDialog
from tests.conftest import TODAY
from tests.ui.dialogs import answer_boxes

RESUME_ONE = "Maya Okafor\nBackend engineer\nBuilt Go services\nRan PostgreSQL"
RESUME_TWO = "Maya Okafor\nBackend and platform engineer\nBuilt Go services on Kubernetes\nRan PostgreSQL"


@pytest.fixture
def filled(home: Path) -> dict[str, int]:
    """Four applications; "Northwind" has two scored versions and notes."""
    ids: dict[str, int] = {}
    with Library.open(today=TODAY) as library:
        for company, title, score, day in (("Acme", "Data Analyst", 55, date(2026, 10, 1)),
                                           ("Northwind", "Backend Engineer", None, None),
                                           ("Contoso", "Platform Engineer", 80, date(2026, 9, 2)),
                                           ("Fabrikam", "Nurse Practitioner", 30, None)):
            work = library.create_application(NewApplication(
                f"{title} at {company}. Requirements: Kubernetes, PostgreSQL.",
                f"{company.lower()}.txt", company, title, posting_date=day,
                resume_text=RESUME_ONE, status_day=date(2026, 11, 1)))
            ids[company] = work.application.id
            if score is not None:
                library.record_score(work.version.id, score)
        first = library.reopen(ids["Northwind"]).version
        library.save_work(first.id, resume_text=RESUME_ONE, accepted_edits=[], decisions={},
                          score=60)
        second = library.new_version(ids["Northwind"], label="with Kubernetes")
        library.save_work(second.id, resume_text=RESUME_TWO, accepted_edits=[{"id": "e1"}],
                          decisions={"s1": "accepted"}, window_state={"zoom": 2}, score=75)
        library.update_application(ids["Northwind"], notes="Call Sam on Friday")
    return ids


@pytest.fixture
def dialog(qtbot, filled: dict[str, int]) -> Iterator[LibraryDialog]:  # type: ignore[no-untyped-def]
    made = LibraryDialog(today=TODAY)
    qtbot.addWidget(made)
    with qtbot.waitSignal(made.list_shown, timeout=10000):
        made.show()
    yield made
    made.close()


def _column(dialog: LibraryDialog, column: int) -> list[str]:
    model = dialog.model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def _select(qtbot, dialog: LibraryDialog, ident: int) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.details_shown, timeout=5000,
                          check_params_cb=lambda shown: shown == ident):
        assert dialog.select(ident)


def test_lists_every_application_newest_first(dialog: LibraryDialog) -> None:
    assert dialog.model.rowCount() == 4
    assert _column(dialog, COMPANY) == ["Northwind", "Fabrikam", "Contoso", "Acme"]
    assert dialog.count_label.text() == "4 applications"
    row = _column(dialog, COMPANY).index("Northwind")
    assert dialog.model.data(dialog.model.index(row, SCORE)) == "75"
    assert dialog.model.data(dialog.model.index(row, STATUS)) == "Saved (2026-11-01)"
    acme = _column(dialog, COMPANY).index("Acme")
    assert dialog.model.data(dialog.model.index(acme, DATE)) == "2026-10-01"
    assert not dialog.read_only and not dialog.banner.isVisible()


def test_search_and_sort(qtbot, dialog: LibraryDialog) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.list_shown, timeout=5000) as blocker:
        dialog.search.setText("engineer")
    assert blocker.args == [2]
    assert sorted(_column(dialog, COMPANY)) == ["Contoso", "Northwind"]
    assert dialog.count_label.text() == "2 of 4 match"
    with qtbot.waitSignal(dialog.list_shown, timeout=5000) as blocker:
        dialog.search.setText("fabrikam nurse")  # every word, anywhere
    assert _column(dialog, COMPANY) == ["Fabrikam"]
    with qtbot.waitSignal(dialog.list_shown, timeout=5000):
        dialog.search.setText("kubernetes postgresql")  # the posting's text is searched too
    assert dialog.model.rowCount() == 4
    with qtbot.waitSignal(dialog.list_shown, timeout=5000):
        dialog.search.setText("zeppelin")
    assert dialog.model.rowCount() == 0 and dialog.empty.isVisible()
    assert "No application matches" in dialog.empty.text()
    with qtbot.waitSignal(dialog.list_shown, timeout=5000):
        dialog.search.clear()

    header = dialog.table.horizontalHeader()
    from PySide6.QtCore import Qt

    dialog.table.sortByColumn(COMPANY, Qt.SortOrder.AscendingOrder)
    assert _column(dialog, COMPANY) == ["Acme", "Contoso", "Fabrikam", "Northwind"]
    assert header.sortIndicatorSection() == COMPANY
    dialog.table.sortByColumn(SCORE, Qt.SortOrder.DescendingOrder)
    assert _column(dialog, SCORE) == ["80", "75", "55", "30"]
    dialog.table.sortByColumn(TITLE, Qt.SortOrder.DescendingOrder)
    assert _column(dialog, TITLE)[0] == "Platform Engineer"
    dialog.table.sortByColumn(DATE, Qt.SortOrder.AscendingOrder)
    assert _column(dialog, COMPANY)[:2] == ["Contoso", "Acme"]  # posted 2026-09 and -10
    # the selection follows its application through a sort
    ident = dialog.model.summary(3).id
    dialog.select(ident)
    dialog.table.sortByColumn(COMPANY, Qt.SortOrder.DescendingOrder)
    assert dialog.selected_id() == ident


def test_applications_without_a_score_sort_last(qtbot, home: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    with Library.open() as library:
        for number, score in enumerate((40, None, 90)):
            work = library.create_application(NewApplication(f"Posting {number}",
                                                             company=f"C{number}"))
            if score is not None:
                library.record_score(work.version.id, score)
    dialog = LibraryDialog(today=TODAY)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.list_shown, timeout=10000):
        dialog.show()
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        dialog.table.sortByColumn(SCORE, order)
        assert _column(dialog, SCORE)[-1] == "—"
    dialog.close()


def test_reopen_emits_the_workspace(qtbot, dialog: LibraryDialog,  # type: ignore[no-untyped-def]
                                    filled: dict[str, int]) -> None:
    from PySide6.QtCore import Qt

    ident = filled["Northwind"]
    row = dialog.model.row_of(ident)
    assert row is not None
    rect = dialog.table.visualRect(dialog.model.index(row, TITLE))
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.reopen_requested, timeout=5000) as blocker:
        qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    got_id, workspace = blocker.args
    assert got_id == ident and isinstance(workspace, Workspace)
    assert workspace.version.number == 2 and workspace.resume_text == RESUME_TWO
    assert workspace.version.accepted_edits == [{"id": "e1"}]
    assert workspace.version.decisions == {"s1": "accepted"}
    assert workspace.version.window_state == {"zoom": 2}
    assert workspace.application.notes == "Call Sam on Friday"
    assert "Backend Engineer at Northwind" in workspace.posting_text
    assert not dialog.isVisible()  # it closed, and gave the library back
    with Library.open():
        pass


def test_reopen_a_chosen_version(qtbot, dialog: LibraryDialog,  # type: ignore[no-untyped-def]
                                 filled: dict[str, int]) -> None:
    _select(qtbot, dialog, filled["Northwind"])
    assert dialog.versions.count() == 2
    dialog.versions.item(0).setSelected(True)
    with qtbot.waitSignal(dialog.reopen_requested, timeout=5000) as blocker:
        dialog.reopen_button.click()
    assert blocker.args[1].version.number == 1 and blocker.args[1].resume_text == RESUME_ONE


def test_compare_two_versions(qtbot, dialog: LibraryDialog,  # type: ignore[no-untyped-def]
                              filled: dict[str, int]) -> None:
    _select(qtbot, dialog, filled["Acme"])
    assert not dialog.compare_button.isEnabled()  # one version only
    _select(qtbot, dialog, filled["Northwind"])
    assert dialog.compare_button.isEnabled()
    dialog.compare_button.click()
    qtbot.waitUntil(lambda: dialog.compare_dialog is not None, timeout=5000)
    compared = dialog.compare_dialog
    assert compared is not None and compared.isVisible()
    assert compared.summary.text() == "2 lines differ. Score: 60 → 75 (+15)."
    table = compared.table
    rows = [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
    assert ("Backend engineer", "Backend and platform engineer") in rows
    assert ("Built Go services", "Built Go services on Kubernetes") in rows
    assert ("Ran PostgreSQL", "Ran PostgreSQL") in rows
    compared.only_changes.setChecked(True)
    visible = [r for r in range(table.rowCount()) if not table.isRowHidden(r)]
    assert len(visible) == 2


def test_change_status_and_notes(qtbot, dialog: LibraryDialog,  # type: ignore[no-untyped-def]
                                 filled: dict[str, int]) -> None:
    ident = filled["Acme"]
    _select(qtbot, dialog, ident)
    with qtbot.waitSignal(dialog.library_changed, timeout=5000):
        dialog.status_actions[next(s for s in dialog.status_actions
                                   if s.value == "interview")].trigger()
    qtbot.waitUntil(lambda: _column(dialog, STATUS)[dialog.model.row_of(ident) or 0]
                    == f"Interview ({TODAY.isoformat()})", timeout=5000)
    qtbot.waitUntil(lambda: "Saved 2026-11-01 → Interview 2026-11-27"
                    in dialog.history.text(), timeout=5000)  # the details follow
    assert not dialog.save_notes_button.isEnabled()
    dialog.notes.setPlainText("Second round on Tuesday")
    assert dialog.save_notes_button.isEnabled()
    with qtbot.waitSignal(dialog.library_changed, timeout=5000):
        dialog.save_notes_button.click()
    qtbot.waitUntil(lambda: not dialog.save_notes_button.isEnabled(), timeout=5000)
    dialog.close()
    with Library.open(read_only=True) as library:
        saved = library.application(ident)
    assert saved.notes == "Second round on Tuesday" and saved.status.value == "interview"


def test_delete_asks_first(qtbot, dialog: LibraryDialog,  # type: ignore[no-untyped-def]
                           filled: dict[str, int]) -> None:
    ident = filled["Contoso"]
    dialog.select(ident)
    seen = answer_boxes("Cancel")
    dialog.delete_button.click()
    assert seen[0][0] == "Delete Platform Engineer at Contoso?"
    assert dialog.model.row_of(ident) is not None
    dialog.select(ident)
    answer_boxes("Delete")
    with qtbot.waitSignal(dialog.list_shown, timeout=5000) as blocker:
        dialog.delete_button.click()
    assert blocker.args == [3] and dialog.model.row_of(ident) is None
    assert "Deleted Platform Engineer at Contoso." in dialog.status.text()
    dialog.close()
    with Library.open(read_only=True) as library:
        assert [a.company for a in library.list_applications(sort="company")] == [
            "Northwind", "Fabrikam", "Acme"]


def test_export_then_import_never_overwrites_unasked(qtbot, dialog: LibraryDialog,  # type: ignore[no-untyped-def]
                                                     filled: dict[str, int],
                                                     tmp_path: Path) -> None:
    archive = tmp_path / "moving.tailorfit"
    with qtbot.waitSignal(dialog.failed, timeout=5000, raising=False) as failure:
        dialog.export_to(archive)
        qtbot.waitUntil(lambda: "Exported 4 applications" in dialog.status.text(), timeout=5000)
    assert not failure.signal_triggered
    assert archive.is_file()

    # another computer: an empty library in another folder
    other = tmp_path / "other-data"
    target = LibraryDialog(today=TODAY, folder=other)
    qtbot.addWidget(target)
    with qtbot.waitSignal(target.list_shown, timeout=10000) as blocker:
        target.show()
    assert blocker.args == [0] and target.empty.isVisible()
    with qtbot.waitSignal(target.list_shown, timeout=10000) as blocker:
        target.import_from(archive)
    assert blocker.args == [4]
    assert target.status.text().startswith("4 applications imported")
    target.close()

    # the same application changed on both sides: the import asks, Cancel imports nothing
    with Library.open(other, today=TODAY) as library:
        library.update_application(filled["Acme"], notes="changed over there")
    dialog.select(filled["Acme"])
    dialog.save_notes("changed here")
    qtbot.waitUntil(lambda: dialog.status.text() == "Notes saved.", timeout=5000)
    dialog.export_to(archive)
    qtbot.waitUntil(lambda: "Exported" in dialog.status.text(), timeout=5000)
    target = LibraryDialog(today=TODAY, folder=other)
    qtbot.addWidget(target)
    with qtbot.waitSignal(target.list_shown, timeout=10000):
        target.show()
    seen = answer_boxes("Cancel")
    target.import_from(archive)
    qtbot.waitUntil(lambda: target.status.text() == "Nothing was imported.", timeout=5000)
    assert "1 application is already in your library" in seen[0][1]
    assert "Data Analyst at Acme" in seen[0][1]
    answer_boxes("Keep both")
    with qtbot.waitSignal(target.list_shown, timeout=10000) as blocker:
        target.import_from(archive)
    assert blocker.args == [5]
    target.close()
    with Library.open(other, read_only=True) as library:
        notes = sorted(a.notes for a in (library.application(s.id)
                                         for s in library.list_applications("Acme")))
    assert notes == ["changed here", "changed over there"]


def test_a_locked_library_opens_read_only(qtbot, filled: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    with Library.open():  # another window has it
        dialog = LibraryDialog(today=TODAY)
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.failed, timeout=10000) as blocker:
            dialog.show()
        assert "open in another Tailorfit window" in blocker.args[0]
        assert dialog.banner.isVisible()
        [read_only] = dialog.banner_choices
        assert read_only.text() == "Open read-only"
        assert not dialog.delete_button.isEnabled() and not dialog.import_button.isEnabled()
        with qtbot.waitSignal(dialog.list_shown, timeout=10000) as blocker:
            read_only.click()
        assert blocker.args == [4] and dialog.read_only
        assert "read-only" in dialog.windowTitle()
        dialog.select(filled["Northwind"])
        assert dialog.reopen_button.isEnabled() and dialog.export_button.isEnabled()
        assert not dialog.delete_button.isEnabled() and not dialog.status_button.isEnabled()
        assert not dialog.import_button.isEnabled()
        dialog.close()


def test_a_damaged_library_offers_the_last_good_backup(qtbot, home: Path,  # type: ignore[no-untyped-def]
                                                       filled: dict[str, int]) -> None:
    with Library.open(today=date(2026, 11, 26)):  # a day's first open takes the backup
        pass
    path = home / "data" / "library.sqlite3"
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    path.write_bytes(b"this is not a database" * 500)
    dialog = LibraryDialog(today=TODAY)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.failed, timeout=10000) as blocker:
        dialog.show()
    assert "damaged" in blocker.args[0] and "2026-11-26" in blocker.args[0]
    restore, empty = dialog.banner_choices
    assert restore.text() == "Restore the backup from 2026-11-26"
    assert empty.text() == "Start an empty library"
    with qtbot.waitSignal(dialog.list_shown, timeout=10000) as blocker:
        restore.click()
    assert blocker.args == [4] and not dialog.banner.isVisible()
    assert list((home / "data").glob("library.damaged-*.sqlite3"))  # kept, never deleted
    dialog.close()


def test_a_damaged_library_without_backup_starts_empty(qtbot, home: Path) -> None:  # type: ignore[no-untyped-def]
    (home / "data").mkdir(parents=True, mode=0o700)
    (home / "data" / "library.sqlite3").write_bytes(b"garbage" * 1000)
    dialog = LibraryDialog(today=TODAY)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.failed, timeout=10000):
        dialog.show()
    [empty] = dialog.banner_choices
    with qtbot.waitSignal(dialog.list_shown, timeout=10000) as blocker:
        empty.click()
    assert blocker.args == [0] and "No applications yet" in dialog.empty.text()
    dialog.close()


def test_the_window_can_lend_its_library(qtbot, filled: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    with Library.open() as library:
        dialog = LibraryDialog(today=TODAY, library=library)
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.list_shown, timeout=10000) as blocker:
            dialog.show()
        assert blocker.args == [4]
        dialog.close()
        assert len(library.list_applications()) == 4  # still open: the window's to close


def test_500_applications_list_in_under_300_ms(qtbot, home: Path) -> None:  # type: ignore[no-untyped-def]
    posting = ("Senior Backend Engineer. Requirements: 6+ years of backend experience, Go or "
               "Java, Kubernetes, Terraform, PostgreSQL. ") * 30
    with Library.open() as library:
        for number in range(500):
            work = library.create_application(NewApplication(
                f"{posting} Ref {number}", f"posting-{number}.docx", f"Company {number % 97}",
                f"Role {number}", resume_text="Resume " * 400))
            library.record_score(work.version.id, number % 100)
    start = time.perf_counter()
    dialog = LibraryDialog(today=TODAY)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.list_shown, timeout=10000) as blocker:
        dialog.show()
    elapsed = time.perf_counter() - start
    assert blocker.args == [500] and dialog.model.rowCount() == 500
    assert elapsed < 0.3, f"the list took {elapsed * 1000:.0f} ms"
    from PySide6.QtCore import Qt

    start = time.perf_counter()
    dialog.table.sortByColumn(SCORE, Qt.SortOrder.DescendingOrder)
    QApplication.processEvents()
    assert time.perf_counter() - start < 0.3
    assert _column(dialog, SCORE)[0] == "99"
    dialog.close()
