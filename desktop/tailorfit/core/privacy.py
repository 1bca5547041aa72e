""""Forget me on this computer": delete everything Tailorfit keeps about the user, and say what.

It removes the settings (with the recent-files lists), the working session, pasted
postings, the applications library with its backups, the truth bank and the cache, from the
folders a normal session uses (also when called during a private session). The caller asks
for confirmation first (:func:`planned` lists what would go) and must close its own library
and stop autosaving before calling :func:`forget_me`, or it would write the data back.
Nothing outside Tailorfit's own folders is touched, and a folder that is (or holds) the
user's home folder is refused, whatever ``TAILORFIT_HOME`` says.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from tailorfit.core import paths
from tailorfit.core.errors import TailorfitError

_LIBRARY = "library.sqlite3"


@dataclass(frozen=True, slots=True)
class Removed:
    """One kind of data, in words, with the files or folders that held it."""

    what: str
    paths: tuple[Path, ...]


class ForgetError(TailorfitError):
    """Some data could not be removed; ``removed`` says what was."""

    def __init__(self, message: str, removed: list[Removed]) -> None:
        super().__init__(message)
        self.removed = removed


def planned() -> list[Removed]:
    """What :func:`forget_me` would remove now (for the confirmation)."""
    return _group(_entries(_folders()))


def forget_me() -> list[Removed]:
    """Delete the user's Tailorfit data on this computer; returns what was removed.

    Raises :class:`ForgetError` when another Tailorfit process has the library open (it
    would write it back) or when some files could not be deleted (after deleting the rest).
    """
    from tailorfit.core.library.db import LOCK_FILE
    from tailorfit.core.library.lock import FileLock

    folders = _folders()
    lock = FileLock(folders["data"] / LOCK_FILE) if folders["data"].is_dir() else None
    if lock is not None and not lock.acquire():
        raise ForgetError("Tailorfit is open in another window, which would save your data "
                          "again. Close every Tailorfit window, then try again.", [])
    try:
        groups = _group(_entries(folders))  # counting the library may add its WAL files,
        failed = [path for path in _entries(folders)  # so the deleting lists again
                  if not _delete(path, keep=lock.path if lock else None)]
    finally:
        if lock is not None:
            lock.release()
            with contextlib.suppress(OSError):
                lock.path.unlink()
    for folder in sorted(set(folders.values()), key=lambda p: len(p.parts), reverse=True):
        with contextlib.suppress(OSError):
            folder.rmdir()  # only when empty
    portable = paths.portable_root()
    if portable is not None and not os.environ.get(paths.HOME_ENV):
        with contextlib.suppress(OSError):
            (portable / paths.PORTABLE_FOLDER).rmdir()
    removed = [g for g in groups if not set(g.paths) & set(failed)]
    if failed:
        names = ", ".join(p.name for p in failed[:3])
        raise ForgetError(f"Some of your Tailorfit data could not be deleted ({names}). Close "
                          "any program using those files and choose Forget me again.", removed)
    return removed


def describe(removed: list[Removed]) -> str:
    """One sentence for the window or the command line."""
    if not removed:
        return "There was no Tailorfit data of yours on this computer."
    return "Removed " + "; ".join(r.what for r in removed) + "."


def forget_command(assume_yes: bool, *, ask: Callable[[str], str] = input,
                   say: Callable[[str], None] = print) -> int:
    """``tailorfit forget [--yes]``: list what goes, confirm unless ``assume_yes``, delete.

    Returns the exit code: 0 when deleted (or nothing to delete), 1 when the user declined
    or could not be asked (no terminal). Errors raise :class:`ForgetError` (exit code 2).
    """
    items = planned()
    if not items:
        say(describe([]))
        return 0
    say("This deletes from this computer:")
    for item in items:
        say(f"  - {item.what}")
    if not assume_yes:
        try:
            answer = ask("Delete all of it? Type yes to confirm: ")
        except EOFError:
            answer = ""
        if answer.strip().lower() not in ("yes", "y"):
            say("Nothing was deleted. Run 'tailorfit forget --yes' to delete without asking.")
            return 1
    say(describe(forget_me()))
    return 0


def _folders() -> dict[str, Path]:
    folders = paths.user_folders(ignore_private=True)
    home = Path.home().resolve()
    for folder in folders.values():
        resolved = folder.resolve()
        if resolved == home or home.is_relative_to(resolved) or resolved == Path(resolved.anchor):
            raise ForgetError(f"Tailorfit's data folder is set to {folder}, which holds more than "
                              "Tailorfit's files, so nothing was deleted. Unset TAILORFIT_HOME "
                              "and try again.", [])
    return folders


def _entries(folders: dict[str, Path]) -> list[Path]:
    """Every file and folder directly inside Tailorfit's folders.

    On Windows the cache folder sits inside the data folder: it is listed on its own.
    """
    roots = set(folders.values())
    found: list[Path] = []
    for root in sorted(roots):
        with contextlib.suppress(OSError):
            found.extend(entry for entry in sorted(root.iterdir()) if entry not in roots)
    return found


def _kind(path: Path, folders: dict[str, Path]) -> str:
    name = path.name.lower()
    if path.is_relative_to(folders["cache"]) and folders["cache"] not in (
            folders["data"], folders["config"]):
        return "cached data"
    if name.startswith("settings"):
        return "your settings and the lists of recent files"
    if name.startswith(("session", "running")):
        return "the working session (open files and unsaved edits)"
    if name == "pasted":
        return "pasted postings"
    if name.startswith("library.damaged"):
        return "damaged library files set aside"
    if name.startswith("library"):
        return "the applications library" + _library_counts(path.parent / _LIBRARY)
    if name == "backups":
        return "the library's backups"
    if "truth" in name:
        return "the truth bank"
    return "other Tailorfit files"


def _group(entries: Iterable[Path]) -> list[Removed]:
    folders = paths.user_folders(ignore_private=True)
    groups: dict[str, list[Path]] = {}
    for entry in entries:
        if entry.name == "library.lock":
            continue  # the lock is no data; forget_me removes it last
        groups.setdefault(_kind(entry, folders), []).append(entry)
    return [Removed(what, tuple(found)) for what, found in groups.items()]


def _library_counts(path: Path) -> str:
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except (sqlite3.Error, OSError):
        return ""
    try:
        applications = connection.execute("SELECT count(*) FROM application").fetchone()[0]
        resumes = connection.execute("SELECT count(*) FROM base_resume").fetchone()[0]
    except sqlite3.Error:
        return ""
    finally:
        connection.close()
    return (f" ({applications} application{'s' * (applications != 1)}, "
            f"{resumes} base resume{'s' * (resumes != 1)})")


def _delete(path: Path, keep: Path | None) -> bool:
    if path == keep:
        return True
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
    except OSError:
        return not path.exists()
    return True
