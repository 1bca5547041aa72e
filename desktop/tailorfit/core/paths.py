"""Where Tailorfit keeps its files, decided in one place for every way the app can run.

The first that applies wins:

1. **Private session** (:func:`activate_private`): a fresh owner-only folder in the system
   temp folder, wiped at exit, and swept at the next start if the app crashed. On a shared
   computer nothing stays behind except what the user exports on purpose.
2. **TAILORFIT_HOME**: config, data and cache under one folder (tests, scripted use).
3. **Portable mode**: a marker file (``tailorfit-portable`` or ``portable.txt``) next to the
   app puts everything in ``tailorfit-data`` beside it, so the data travels on a USB stick.
4. The platform's per-user folders (platformdirs).

The functions here only compute paths; :func:`ensure_dir` creates a folder, owner-only (0700
on POSIX), because resumes and application notes are personal data.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from tailorfit.core.library.lock import FileLock

APP = "Tailorfit"
HOME_ENV = "TAILORFIT_HOME"
PRIVATE_ENV = "TAILORFIT_PRIVATE_DIR"  # set while private, so spawned workers agree
PORTABLE_MARKERS = ("tailorfit-portable", "portable.txt")
PORTABLE_FOLDER = "tailorfit-data"
PRIVATE_PREFIX = "tailorfit-private-"
_OWNER_LOCK = ".owner.lock"  # held by the private session's process for its whole life
_KINDS = ("config", "data", "cache")
_YOUNG = 30.0  # seconds: a lock-less private folder this new may be starting up elsewhere


def config_dir() -> Path:
    """Settings (and the recent-files list inside them)."""
    return _root_for("config")


def data_dir() -> Path:
    """The working session, the applications library, its backups and the truth bank."""
    return _root_for("data")


def cache_dir() -> Path:
    """Anything that can be rebuilt; deleting it loses nothing."""
    return _root_for("cache")


def mode() -> str:
    """"private", "home" (TAILORFIT_HOME), "portable" or "user": for About and messages."""
    if private_root() is not None:
        return "private"
    if os.environ.get(HOME_ENV):
        return "home"
    return "portable" if portable_root() is not None else "user"


def user_folders(*, ignore_private: bool = False) -> dict[str, Path]:
    """{"config": ..., "data": ..., "cache": ...}; ``ignore_private`` gives the folders a
    normal session uses even during a private one (what "forget me" must clean)."""
    if ignore_private and _private is not None:
        return dict(_private.persistent)
    return {kind: _root_for(kind, ignore_private) for kind in _KINDS}


def _root_for(kind: str, ignore_private: bool = False) -> Path:
    private = None if ignore_private else private_root()
    if private is not None:
        return private / kind
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home) / kind
    portable = portable_root()
    if portable is not None:
        return portable / PORTABLE_FOLDER / kind
    if kind == "config":
        return Path(platformdirs.user_config_dir(APP, False))
    if kind == "data":
        return Path(platformdirs.user_data_dir(APP, False))
    return Path(platformdirs.user_cache_dir(APP, False))


def ensure_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) owner-only; tighten it if it already exists."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=0o700)
    if os.name == "posix":
        with contextlib.suppress(OSError):
            if path.stat().st_uid == os.getuid() and path.stat().st_mode & 0o077:
                path.chmod(0o700)
    return path


def write_text_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one step: a temporary file in the same folder (made
    owner-only), flushed and fsynced, renamed over the target, the folder fsynced. A crash
    leaves the old file or the new one, never half of either."""
    ensure_dir(path.parent)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temp).unlink(missing_ok=True)
        raise
    if os.name == "posix":
        with contextlib.suppress(OSError):
            directory = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(directory)
            finally:
                os.close(directory)


def ensure_user_folders() -> tuple[Path, Path, Path]:
    """Create config, data and cache owner-only; call once at start, before anything writes."""
    return ensure_dir(config_dir()), ensure_dir(data_dir()), ensure_dir(cache_dir())


def start_session(*, private: bool = False) -> list[Path]:
    """What every start does before reading settings: wipe private folders left by crashed
    runs, enter a private session when asked, create the user's folders owner-only.

    Returns the crashed runs' folders that were wiped.
    """
    swept = sweep_private_leftovers()
    if private:
        activate_private()
    ensure_user_folders()
    return swept


# -- portable mode ----------------------------------------------------------------------------
def app_folders() -> list[Path]:
    """Folders a portable marker may sit in: beside the frozen app, or a checkout's root."""
    if getattr(sys, "frozen", False):
        executable = Path(sys.executable).resolve()
        folders = [executable.parent]
        if executable.parent.name == "MacOS" and executable.parent.parent.name == "Contents":
            folders.append(executable.parents[3])  # the folder holding Tailorfit.app
        return folders
    root = Path(__file__).resolve().parents[3]
    is_checkout = (root / "pyproject.toml").is_file() and (root / "desktop" / "tailorfit").is_dir()
    return [root] if is_checkout else []


def portable_root() -> Path | None:
    """The folder holding a portable marker, when Tailorfit runs in portable mode."""
    for folder in app_folders():
        if any((folder / marker).is_file() for marker in PORTABLE_MARKERS):
            return folder
    return None


# -- private sessions -------------------------------------------------------------------------
@dataclass
class _Private:
    root: Path
    lock: FileLock
    tempdir: str | None
    environ: dict[str, str | None]  # what the session changed, to put back
    persistent: dict[str, Path]  # the normal session's folders (the XDG variables change)


_private: _Private | None = None


def private_root() -> Path | None:
    """The private session's folder (this process's, or its parent's for a worker)."""
    if _private is not None:
        return _private.root
    inherited = os.environ.get(PRIVATE_ENV)
    return Path(inherited) if inherited else None


def activate_private() -> Path:
    """Start a private session: config, data, cache and temp files go to a fresh 0700 folder.

    Call it before anything reads settings or creates the Qt application (so the toolkit's
    caches follow ``XDG_CACHE_HOME`` into the folder too). The folder is wiped at exit;
    :func:`sweep_private_leftovers` wipes it at the next start if this process dies first.
    """
    global _private
    if _private is not None:
        return _private.root
    base = Path(tempfile.gettempdir())
    root = Path(tempfile.mkdtemp(prefix=PRIVATE_PREFIX, dir=base))  # mkdtemp makes it 0700
    lock = FileLock(root / _OWNER_LOCK)
    lock.acquire()
    for kind in (*_KINDS, "tmp"):
        (root / kind).mkdir(mode=0o700)
    changes = {PRIVATE_ENV: str(root), "TMPDIR": str(root / "tmp"), "TEMP": str(root / "tmp"),
               "TMP": str(root / "tmp")}
    if sys.platform.startswith("linux"):
        # Qt and the libraries under it keep their own files in the XDG folders: the file
        # dialog's recent folders (QtProject.conf), GTK's recently-used list, font and
        # shader caches. In a private session those go to the private folder too.
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            changes[name] = str(root / "xdg" / name.split("_")[1].lower())
            Path(changes[name]).mkdir(mode=0o700, parents=True)
    persistent = user_folders()
    _private = _Private(root, lock, tempfile.tempdir,
                        {name: os.environ.get(name) for name in changes}, persistent)
    os.environ.update(changes)
    tempfile.tempdir = str(root / "tmp")
    atexit.register(end_private)
    return root


def end_private() -> None:
    """Wipe the private folder and point everything back at the usual folders."""
    global _private
    session, _private = _private, None
    if session is None:
        return
    with contextlib.suppress(ValueError):
        atexit.unregister(end_private)
    tempfile.tempdir = session.tempdir
    for name, value in session.environ.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    session.lock.release()
    _wipe(session.root)


@contextlib.contextmanager
def private_session() -> Iterator[Path]:
    """``with private_session() as root:`` for code (and tests) that want a bounded session."""
    root = activate_private()
    try:
        yield root
    finally:
        end_private()


def sweep_private_leftovers(base: Path | None = None) -> list[Path]:
    """Remove private folders left by runs that crashed; call at every start.

    A folder is left alone while its owner lives: the owner holds an OS lock on a file in it,
    which the system drops when that process dies, however it died.
    """
    base = base or Path(_private.tempdir if _private and _private.tempdir
                        else tempfile.gettempdir())
    removed: list[Path] = []
    own = private_root()
    try:
        candidates = sorted(base.glob(PRIVATE_PREFIX + "*"))
    except OSError:
        return removed
    for folder in candidates:
        try:
            info = folder.lstat()
        except OSError:
            continue
        if folder == own or not folder.is_dir() or folder.is_symlink():
            continue
        if os.name == "posix" and info.st_uid != os.getuid():
            continue  # another user's session on a shared machine
        lock_file = folder / _OWNER_LOCK
        if not lock_file.exists() and time.time() - info.st_mtime < _YOUNG:
            continue  # being created right now by another instance
        lock = FileLock(lock_file)
        try:
            if not lock.acquire():
                continue  # its owner is alive
        except OSError:
            continue
        lock.release()
        _wipe(folder)
        if not folder.exists():
            removed.append(folder)
    return removed


def _wipe(folder: Path) -> None:
    def retry(function: object, path: str, _info: object) -> None:
        with contextlib.suppress(OSError):
            os.chmod(path, 0o700)
            if callable(function):
                function(path)

    shutil.rmtree(folder, onerror=retry)
