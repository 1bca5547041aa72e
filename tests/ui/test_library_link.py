"""The window and the applications library: save, autosave as you work, reopen."""

from __future__ import annotations

from tailorfit.core.library import Library
from tests.ui.conftest import open_pair


def test_save_autosave_and_reopen(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    open_pair(qtbot, window)
    link = window.library_link
    with qtbot.waitSignal(link.noted, timeout=10000) as said:
        window.save_library_action.trigger()
    assert "Saved" in said.args[0] and link.version_id is not None
    library = link.library
    assert library is not None
    [row] = library.list_applications()
    assert row.title == "Senior Backend Engineer"

    # Typing is saved into the application's version with the next analysis.
    cursor = window.resume.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    window.resume.setTextCursor(cursor)
    with qtbot.waitSignal(window.shown_suggestions, timeout=20000):
        qtbot.keyClicks(window.resume, " Volunteer maths tutor.")
    window.controller.tasks.wait(5000)
    assert library.version(link.version_id).resume_text.endswith("Volunteer maths tutor.")

    # Another resume unlinks; reopening the application brings its tailored text back.
    workspace = library.reopen(row.id)
    window.controller.open_text("resume", "Someone Else\nSkills\nCobol", "other")
    qtbot.waitUntil(lambda: link.version_id is None, timeout=10000)
    with qtbot.waitSignal(window.shown_suggestions, timeout=20000):
        link.reopen(row.id, workspace)
    qtbot.waitUntil(lambda: window.resume.toPlainText().endswith("Volunteer maths tutor."),
                    timeout=10000)
    assert link.version_id == workspace.version.id


def test_file_menu_offers_library_batch_export_and_forget(window) -> None:  # type: ignore[no-untyped-def]
    texts = [a.text().replace("&", "") for a in window.menuBar().actions()[0].menu().actions()]
    for wanted in ("Save to applications library", "Applications library…",
                   "Batch rank a folder of postings…", "Export tailored resume…",
                   "Export match report…", "Forget me on this computer…"):
        assert wanted in texts, texts


def test_library_file_is_in_the_redirected_data_folder(qtbot, window, home) -> None:  # type: ignore[no-untyped-def]
    from tailorfit.core.library.db import library_path

    open_pair(qtbot, window)
    assert isinstance(window.library_link.library, Library)
    assert home in library_path().parents and library_path().is_file()
