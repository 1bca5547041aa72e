""""Forget me on this computer" in the window: it lists, asks, deletes and says what went."""

from __future__ import annotations

from pathlib import Path

from tailorfit.core.library import Library, NewApplication
from tailorfit.ui.forget_dialog import CONFIRM_TITLE, DONE_TITLE, confirm_and_forget
from tests.ui.dialogs import answer_boxes


def _fill(home: Path) -> None:
    with Library.open() as library:
        library.create_application(NewApplication("Posting", company="Acme", resume_text="CV"))
    (home / "config").mkdir(mode=0o700, exist_ok=True)
    (home / "config" / "settings.json").write_text('{"recent_resumes": ["/x/cv.docx"]}',
                                                   encoding="utf-8")


def _files(home: Path) -> list[Path]:
    return sorted(p for p in home.rglob("*") if p.is_file()
                  and not p.name.endswith(("-wal", "-shm")))


def test_confirmed_forget_removes_everything_and_says_what(qtbot, home: Path) -> None:  # type: ignore[no-untyped-def]
    _fill(home)
    stopped: list[bool] = []
    seen = answer_boxes("Delete my data", "OK")
    sentence = confirm_and_forget(None, before_delete=lambda: stopped.append(_files(home) != []))
    assert sentence is not None and sentence.startswith("Removed ")
    assert "the applications library (1 application, 0 base resumes)" in sentence
    assert stopped == [True]  # called after the answer, before anything was deleted
    assert _files(home) == []
    (title, listed), (done_title, said) = seen
    assert title == CONFIRM_TITLE
    assert "The applications library (1 application, 0 base resumes)" in listed
    assert "Your settings and the lists of recent files" in listed
    assert done_title == DONE_TITLE and sentence in said


def test_cancel_keeps_everything(qtbot, home: Path) -> None:  # type: ignore[no-untyped-def]
    _fill(home)
    before = _files(home)
    stopped: list[bool] = []
    answer_boxes("Cancel")
    assert confirm_and_forget(None, before_delete=lambda: stopped.append(True)) is None
    assert stopped == []
    assert _files(home) == before


def test_nothing_to_forget(qtbot, home: Path) -> None:  # type: ignore[no-untyped-def]
    seen = answer_boxes("OK")
    assert confirm_and_forget(None) == "There was no Tailorfit data of yours on this computer."
    assert seen[0][0] == "Nothing to forget"


def test_refused_while_another_window_has_the_library(qtbot, home: Path) -> None:  # type: ignore[no-untyped-def]
    _fill(home)
    seen = answer_boxes("Delete my data", "OK")
    with Library.open():  # "another window"
        assert confirm_and_forget(None) is None
    assert seen[1][0] == "Nothing was deleted" and "Close every Tailorfit window" in seen[1][1]
    assert any(p.name == "library.sqlite3" for p in _files(home))
