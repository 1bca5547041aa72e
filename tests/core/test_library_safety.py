"""Nothing lost: a process killed mid-save, a damaged file, rolling backups."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from tailorfit.core.library import Library, LibraryCorruptError, NewApplication
from tailorfit.core.library.backups import KEEP, list_backups

REPO = Path(__file__).resolve().parents[2]

# Saves applications with large texts as fast as it can, printing each number once its
# transaction committed; the test kills it with SIGKILL in the middle of the next save.
WRITER = """
import sys
from pathlib import Path
from tailorfit.core.library import Library, NewApplication

library = Library.open(Path(sys.argv[1]))
big = "Requirement line with enough text to span pages. " * 4000
number = 0
while True:
    work = library.create_application(NewApplication(f"{number} {big}", company=f"C{number}"))
    library.save_work(work.version.id, resume_text=f"{big}{number}", accepted_edits=[number],
                      decisions={"n": number}, score=number % 100)
    print(number, flush=True)
    number += 1
"""


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    monkeypatch.setenv("TAILORFIT_HOME", str(folder))
    return folder


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_kill_9_during_a_save_loses_nothing_saved_before(home: Path) -> None:
    folder = home / "data"
    env = {**os.environ, "PYTHONPATH": str(REPO / "desktop")}
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(folder)], env=env,
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    saved = -1
    try:
        while saved < 25:
            line = child.stdout.readline()
            assert line, "the writer stopped on its own"
            saved = int(line)
    finally:
        os.kill(child.pid, signal.SIGKILL)  # mid-way through saving number saved + 1
        child.wait()
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    with Library.open(folder) as library:  # opens, and the dead writer's lock is gone
        with library.read() as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = {s.company: s for s in library.list_applications()}
        for number in range(saved + 1):
            summary = rows[f"C{number}"]
            work = library.reopen(summary.id)
            assert work.resume_text.endswith(str(number))
            assert work.version.accepted_edits == [number]
            assert summary.score == number % 100
        # The save that was cut off is there whole or not at all.
        assert len(rows) in (saved + 1, saved + 2)
        if len(rows) == saved + 2:
            assert library.reopen(rows[f"C{saved + 1}"].id).posting_text.startswith(
                f"{saved + 1} ")


def _library_with_backup(home: Path) -> None:
    """A library with two applications and a backup taken yesterday holding the first."""
    with Library.open() as library:
        library.create_application(NewApplication("Posting one", company="First"))
    with Library.open(today=date.today() - timedelta(days=1)) as library:
        library.create_application(NewApplication("Posting two", company="Second"))
    assert len(list_backups(home / "data")) == 1


def test_a_damaged_library_offers_the_last_good_backup(home: Path) -> None:
    _library_with_backup(home)
    path = home / "data" / "library.sqlite3"
    with open(path, "r+b") as handle:
        handle.write(b"this is no longer a database" * 40)
    with pytest.raises(LibraryCorruptError) as caught:
        Library.open()
    error = caught.value
    assert "damaged" in error.message and "Restore the backup from" in error.message
    assert error.message.count(". ") <= 1
    assert error.backups[0].day == date.today() - timedelta(days=1)
    with Library.restore_backup(error.backups[0]) as library:
        assert [s.company for s in library.list_applications()] == ["First"]
    kept = list((home / "data").glob("library.damaged-*.sqlite3"))
    assert len(kept) == 1  # the damaged file is set aside, never deleted


def test_a_truncated_library_is_reported_too(home: Path) -> None:
    _library_with_backup(home)
    path = home / "data" / "library.sqlite3"
    with Library.open() as library:  # grow the file so that cutting it loses pages
        for number in range(40):
            library.create_application(NewApplication("text " * 2000, company=str(number)))
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.truncate(size // 2)
    with pytest.raises(LibraryCorruptError) as caught:
        Library.open()
    assert caught.value.backups


def test_a_damaged_library_without_backups_can_start_empty(home: Path) -> None:
    with Library.open() as library:
        library.create_application(NewApplication("Posting", company="Only"))
    path = home / "data" / "library.sqlite3"
    path.write_bytes(b"\0garbage" * 1000)
    with pytest.raises(LibraryCorruptError) as caught:
        Library.open()
    assert caught.value.backups == ()
    assert "there is no backup" in caught.value.message
    aside = Library.set_aside()
    assert aside is not None and aside.exists()
    with Library.open() as library:
        assert library.count_applications() == 0


def test_backups_at_most_one_a_day_keep_the_newest(home: Path) -> None:
    with Library.open() as library:
        library.create_application(NewApplication("Posting", company="Kept"))
    start = date(2026, 11, 1)
    for day in range(8):
        for _ in range(2):  # a second open the same day takes no second backup
            with Library.open(today=start + timedelta(days=day)):
                pass
    backups = list_backups(home / "data")
    assert [b.day for b in backups] == [start + timedelta(days=d) for d in range(7, 7 - KEEP, -1)]
    for backup in backups:
        connection = sqlite3.connect(backup.path)
        try:
            assert connection.execute("SELECT company FROM application").fetchall() == [("Kept",)]
        finally:
            connection.close()
    assert not list((home / "data" / "backups").glob("*.partial"))


def test_an_empty_library_takes_no_backup(home: Path) -> None:
    for day in range(3):
        with Library.open(today=date(2026, 11, 1) + timedelta(days=day)):
            pass
    assert list_backups(home / "data") == []


def test_a_backup_that_cannot_be_written_does_not_block_the_library(
        home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tailorfit.core.library import backups

    with Library.open() as library:
        library.create_application(NewApplication("Posting", company="Kept"))

    def disk_full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "copy_database", disk_full)
    with Library.open(today=date.today() + timedelta(days=1)) as library:
        assert library.count_applications() == 1
    assert list_backups(home / "data") == []
