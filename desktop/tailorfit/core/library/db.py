"""Opening the library file safely: the lock, the integrity check, backups and migrations.

Writes go through :meth:`Database.write`, one ``BEGIN IMMEDIATE`` ... ``COMMIT`` each, in
WAL mode with ``synchronous = FULL``: a save is either wholly in the file or not at all,
even if the process is killed or the power fails mid-save, and whatever was committed before
stays. The connection may be used from any thread (the window saves from its worker); an
``RLock`` makes each call whole.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Self

from tailorfit.core.library.backups import Backup, copy_database, daily_backup, good_backups
from tailorfit.core.library.errors import (
    LibraryCorruptError,
    LibraryError,
    LibraryLockedError,
    LibraryReadOnlyError,
    LibraryTooNewError,
)
from tailorfit.core.library.lock import FileLock
from tailorfit.core.library.schema import VERSION, migrate, schema_version

LIBRARY_FILE = "library.sqlite3"
LOCK_FILE = "library.lock"
_COMPANIONS = ("-wal", "-shm", "-journal")
_DAMAGED = {"SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_IOERR"}


def library_path(folder: Path | None = None) -> Path:
    """The library file in ``folder`` (default: the user's data folder)."""
    from tailorfit.core.paths import data_dir

    return (folder or data_dir()) / LIBRARY_FILE


class Database:
    """An open library file: its connection, its lock and whether it may be written."""

    def __init__(self, connection: sqlite3.Connection, path: Path, lock: FileLock | None) -> None:
        self._connection = connection
        self.path = path
        self._lock = lock
        self._guard = threading.RLock()

    @property
    def read_only(self) -> bool:
        return self._lock is None

    @property
    def folder(self) -> Path:
        return self.path.parent

    @classmethod
    def open(cls, folder: Path | None = None, *, read_only: bool = False,
             today: date | None = None) -> Self:
        """Open (or create) the library in ``folder``, the user's data folder by default.

        Raises :class:`LibraryLockedError` when another process has it open for writing (the
        caller may then open it ``read_only``), :class:`LibraryCorruptError` (with the good
        backups to offer) when the file is damaged, :class:`LibraryTooNewError` when a newer
        Tailorfit wrote it. A writable open takes today's backup and migrates the schema.
        """
        from tailorfit.core.paths import ensure_dir

        path = library_path(folder)
        lock: FileLock | None = None
        if read_only:
            if not path.exists():
                raise LibraryError("There is no applications library yet. Open Tailorfit's "
                                   "main window once to create it.", path=path)
        else:
            ensure_dir(path.parent)
            lock = FileLock(path.parent / LOCK_FILE)
            if not lock.acquire():
                raise LibraryLockedError(path)
        connection: sqlite3.Connection | None = None
        try:
            connection = _connect(path, read_only)
            _check(connection, path)
            found = schema_version(connection)
            if found > VERSION:
                raise LibraryTooNewError(path)
            if read_only and found < VERSION:
                raise LibraryError("The applications library is being upgraded by another "
                                   "Tailorfit window. Close that window and try again.",
                                   path=path)
            if not read_only:
                if found and _has_rows(connection):
                    # A backup that cannot be written (disk full) must not keep the user
                    # from the library itself; the next open tries again.
                    with contextlib.suppress(sqlite3.Error, OSError):
                        daily_backup(connection, path.parent, today or date.today())
                migrate(connection)
        except sqlite3.Error as exc:
            if connection is not None:
                connection.close()
            if lock is not None:
                lock.release()
            raise translate(exc, path) from exc
        except BaseException:
            if connection is not None:
                connection.close()
            if lock is not None:
                lock.release()
            raise
        return cls(connection, path, lock)

    def close(self) -> None:
        with self._guard:
            with contextlib.suppress(sqlite3.Error):
                if not self.read_only:
                    self._connection.execute("PRAGMA optimize")
            self._connection.close()
            if self._lock is not None:
                self._lock.release()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """The connection for queries, held by this thread for the block."""
        with self._guard:
            try:
                yield self._connection
            except sqlite3.Error as exc:
                raise translate(exc, self.path) from exc

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One transaction: everything in the block is saved, or (on any error) nothing."""
        if self.read_only:
            raise LibraryReadOnlyError(self.path)
        with self._guard:
            connection = self._connection
            try:
                connection.execute("BEGIN IMMEDIATE")
                try:
                    yield connection
                except BaseException:
                    connection.execute("ROLLBACK")
                    raise
                connection.execute("COMMIT")
            except sqlite3.Error as exc:
                if connection.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        connection.execute("ROLLBACK")
                raise translate(exc, self.path) from exc

    # -- recovery -------------------------------------------------------------------------
    @staticmethod
    def set_aside(folder: Path | None = None) -> Path | None:
        """Move a damaged library (and its WAL) aside so an empty one can start; returns where.

        Nothing is deleted: the damaged file stays beside the library for a later rescue.
        """
        path = library_path(folder)
        lock = FileLock(path.parent / LOCK_FILE)
        if not lock.acquire():
            raise LibraryLockedError(path)
        try:
            return _move_aside(path)
        finally:
            lock.release()

    @classmethod
    def restore_backup(cls, backup: Backup, folder: Path | None = None) -> Self:
        """Put ``backup`` in place of the damaged library (kept aside) and open it."""
        path = library_path(folder)
        lock = FileLock(path.parent / LOCK_FILE)
        if not lock.acquire():
            raise LibraryLockedError(path)
        try:
            source = sqlite3.connect(f"{backup.path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                _move_aside(path)
                copy_database(source, path)
            finally:
                source.close()
        except sqlite3.Error as exc:
            raise LibraryError(f"The backup from {backup.day.isoformat()} could not be "
                               "restored. Try an older backup.", path=backup.path) from exc
        finally:
            lock.release()
        return cls.open(path.parent)


def now() -> str:
    """The time stored with every change: UTC, ISO 8601, microseconds (sorts as text)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def translate(exc: sqlite3.Error, path: Path) -> LibraryError:
    """A message a person can act on, for an error from SQLite."""
    name = getattr(exc, "sqlite_errorname", "")
    if name in _DAMAGED or "not a database" in str(exc) or "malformed" in str(exc):
        return LibraryCorruptError(path, good_backups(path.parent))
    if name == "SQLITE_FULL":
        return LibraryError("The applications library could not be saved because the disk is "
                            "full. Free some space and try again.", path=path)
    if name in ("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH"):
        return LibraryError("The applications library could not be opened for writing. Check "
                            f"that you may write to {path.parent} and try again.", path=path)
    if name in ("SQLITE_BUSY", "SQLITE_LOCKED"):
        return LibraryError("The applications library is busy. Wait a moment and try again.",
                            path=path)
    return LibraryError(f"The applications library could not be used ({exc}). Restart "
                        "Tailorfit and try again.", path=path)


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    if read_only:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                     isolation_level=None, check_same_thread=False)
    else:
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        connection.execute("PRAGMA busy_timeout = 5000")
        if not read_only:
            connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        connection.close()
        raise
    return connection


def _check(connection: sqlite3.Connection, path: Path) -> None:
    rows = connection.execute("PRAGMA quick_check").fetchall()
    if rows != [("ok",)]:
        raise LibraryCorruptError(path, good_backups(path.parent))


def _has_rows(connection: sqlite3.Connection) -> bool:
    try:
        return bool(connection.execute("SELECT EXISTS (SELECT 1 FROM application) OR "
                                       "EXISTS (SELECT 1 FROM base_resume)").fetchone()[0])
    except sqlite3.OperationalError:
        return False


def _move_aside(path: Path) -> Path | None:
    if not path.exists():
        return None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"library.damaged-{stamp}.sqlite3")
    os.replace(path, target)
    for suffix in _COMPANIONS:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.replace(companion, target.with_name(target.name + suffix))
    return target
