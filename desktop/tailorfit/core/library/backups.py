"""Rolling backups of the library: at most one a day, taken on open, the newest five kept.

A backup is taken only from a database that has just passed SQLite's integrity check, so
each one is a "last good" copy to offer when the library file is damaged. It is written
with SQLite's online backup API (a consistent copy even with a WAL beside the file) to a
temporary name and renamed into place, so a crash mid-backup never leaves half a backup.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

FOLDER = "backups"
KEEP = 5
_NAME = re.compile(r"^library-(\d{4}-\d{2}-\d{2})\.sqlite3$")


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    day: date


def list_backups(data_folder: Path) -> list[Backup]:
    """The backups beside the library in ``data_folder``, newest first."""
    found: list[Backup] = []
    with contextlib.suppress(OSError):
        for path in (data_folder / FOLDER).iterdir():
            match = _NAME.match(path.name)
            if match:
                with contextlib.suppress(ValueError):
                    found.append(Backup(path, date.fromisoformat(match.group(1))))
    return sorted(found, key=lambda b: b.day, reverse=True)


def good_backups(data_folder: Path) -> list[Backup]:
    """The backups that open and pass SQLite's quick check, newest first."""
    return [b for b in list_backups(data_folder) if is_sound(b.path)]


def is_sound(path: Path) -> bool:
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        return bool(connection.execute("PRAGMA quick_check").fetchone()[0] == "ok")
    except sqlite3.Error:
        return False
    finally:
        connection.close()


def daily_backup(connection: sqlite3.Connection, data_folder: Path, today: date) -> Backup | None:
    """Back up ``connection``'s database unless today's backup exists; prune to :data:`KEEP`."""
    existing = list_backups(data_folder)
    if existing and existing[0].day >= today:
        return None
    target = data_folder / FOLDER / f"library-{today.isoformat()}.sqlite3"
    target.parent.mkdir(mode=0o700, exist_ok=True)
    copy_database(connection, target)
    for old in list_backups(data_folder)[KEEP:]:
        with contextlib.suppress(OSError):
            old.path.unlink()
    return Backup(target, today)


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of ``source`` at ``target``, replacing it in one step."""
    temp = target.with_name(target.name + ".partial")
    temp.unlink(missing_ok=True)
    try:
        destination = sqlite3.connect(temp)
        try:
            source.backup(destination)
            destination.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            destination.close()
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
