"""Writing export files safely: never the source, never an existing file unasked, never half.

A file is written to a temporary file beside the target, flushed and fsynced, checked, and
only then renamed over the target name, so a crash or a killed process leaves either no
target or a complete one (and a hidden temporary file, removed by a later export once it is
a quarter of an hour old). Without ``overwrite`` the rename is a hard link, which fails if
the name was taken in the meantime, so a file that appeared after the check is not replaced.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from tailorfit.core.errors import ExportError, TargetExistsError, display_name

TEMP_PREFIX = ".~tailorfit-"
STALE_SECONDS = 15 * 60
_UNSAFE = re.compile(r'[\x00-\x1f<>:"/\\|?*\x7f]+')
_RESERVED = re.compile(r"^(?:con|prn|aux|nul|com\d|lpt\d)$", re.IGNORECASE)
MAX_NAME = 120


def default_file_name(person: str | None, company: str | None, title: str | None,
                      suffix: str = ".docx") -> str:
    """"Jane Doe - Mercari - Backend Engineer.docx": safe on Windows, macOS and Linux."""
    parts = [_clean(p) for p in (person, company, title)]
    stem = " - ".join(p for p in parts if p) or "Tailored resume"
    if len(stem) > MAX_NAME:
        stem = stem[:MAX_NAME].rstrip(" .-")
    if _RESERVED.match(stem):
        stem = f"{stem} resume"
    return stem + suffix


def _clean(value: str | None) -> str:
    if not value:
        return ""
    text = unicodedata.normalize("NFC", value)
    text = _UNSAFE.sub(" ", text)
    return " ".join(text.split()).strip(" .")


def check_target(target: Path, *, source: Path | None, overwrite: bool) -> None:
    """Refuse the source itself, a folder, a missing folder, and (unless ``overwrite``) an
    existing file."""
    name = display_name(target)
    if source is not None and _same_file(target, source):
        raise ExportError(f"{name} is the file you opened; Tailorfit never writes over it. "
                          "Choose another name for the tailored copy.", path=target)
    if target.is_dir():
        raise ExportError(f"{name} is a folder. Choose a file name inside it.", path=target)
    if not target.parent.is_dir():
        raise ExportError(f"The folder for {name} does not exist ({target.parent}). Choose "
                          "an existing folder.", path=target)
    if target.exists() and not overwrite:
        raise TargetExistsError(
            f"{name} already exists. Choose another name, or confirm that it may be "
            "replaced (--force on the command line).", path=target)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


def write_atomically(target: Path, data: bytes, *, overwrite: bool,
                     check: Callable[[Path], None] | None = None,
                     source: Path | None = None) -> None:
    """Write ``data`` to ``target`` through a fsynced temporary file.

    ``check(temp_path)`` runs on the complete temporary file before it takes the target's
    name; if it raises, nothing is written.
    """
    check_target(target, source=source, overwrite=overwrite)
    name = display_name(target)
    _remove_stale_temporaries(target.parent)
    try:
        handle, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".tmp",
                                             dir=target.parent)
    except OSError as exc:
        raise ExportError(f"{name} cannot be written in {target.parent} ({exc.strerror or exc})."
                          " Choose a folder you can write to.", path=target) from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if check is not None:
            check(temp)
        _publish(temp, target, overwrite=overwrite)
    except OSError as exc:
        raise ExportError(f"{name} could not be written ({exc.strerror or exc}). Check that "
                          "the disk has room and the folder is writable, then try again.",
                          path=target) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    _sync_folder(target.parent)


def _remove_stale_temporaries(folder: Path) -> None:
    """Temporary files a killed export left behind (ours by name, and old: never one that
    another export is writing now)."""
    cutoff = time.time() - STALE_SECONDS
    with contextlib.suppress(OSError):
        for leftover in folder.glob(f"{TEMP_PREFIX}*.tmp"):
            with contextlib.suppress(OSError):
                if leftover.is_file() and leftover.stat().st_mtime < cutoff:
                    leftover.unlink()


def _publish(temp: Path, target: Path, *, overwrite: bool) -> None:
    """Give the complete temporary file the target's name."""
    if overwrite:
        os.replace(temp, target)
        return
    try:
        os.link(temp, target)  # fails if the name exists: no file is ever replaced
    except FileExistsError:
        raise TargetExistsError(
            f"{display_name(target)} appeared while Tailorfit was writing it. Choose another "
            "name, or confirm that it may be replaced.", path=target) from None
    except OSError:
        # Some file systems (FAT, some network shares) have no hard links.
        if target.exists():
            raise TargetExistsError(
                f"{display_name(target)} already exists. Choose another name, or confirm that "
                "it may be replaced.", path=target) from None
        os.replace(temp, target)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no folder handles to sync)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
