"""The applications library: every posting applied to, with its tailored resume versions.

One SQLite file in the user's data folder (WAL, one transaction per save, versioned
migrations), a few rolling backups beside it, and an OS lock so a second Tailorfit window
cannot write over the first. Everything is reachable through :class:`Library`; this module
loads it on first use (PEP 562) so that importing :mod:`tailorfit.core.library.lock` (which
:mod:`tailorfit.core.paths` needs) does not load sqlite3.

A :class:`Library` may be used from any one thread at a time and from several threads
in turn (the window opens it on the main thread and saves from its worker): every call
takes the library's own lock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tailorfit.core.library.archive import LibraryArchive, export_library, read_archive
    from tailorfit.core.library.compare import Comparison, DiffRow, line_diff
    from tailorfit.core.library.errors import (
        ArchiveError,
        ImportConflictError,
        LibraryCorruptError,
        LibraryError,
        LibraryLockedError,
        LibraryReadOnlyError,
        NotInLibraryError,
    )
    from tailorfit.core.library.merge import ImportPolicy, ImportReport
    from tailorfit.core.library.models import (
        Application,
        ApplicationSummary,
        AppStatus,
        BaseResume,
        NewApplication,
        Version,
        Workspace,
    )
    from tailorfit.core.library.store import Library, library_path

_HOMES = {
    "archive": ("LibraryArchive", "export_library", "read_archive"),
    "merge": ("ImportPolicy", "ImportReport"),
    "compare": ("Comparison", "DiffRow", "line_diff"),
    "errors": ("ArchiveError", "ImportConflictError", "LibraryCorruptError", "LibraryError",
               "LibraryLockedError", "LibraryReadOnlyError", "NotInLibraryError"),
    "models": ("AppStatus", "Application", "ApplicationSummary", "BaseResume",
               "NewApplication", "Version", "Workspace"),
    "store": ("Library", "library_path"),
}
__all__ = [
    "AppStatus", "Application", "ApplicationSummary", "ArchiveError", "BaseResume", "Comparison",
    "DiffRow", "ImportConflictError", "ImportPolicy", "ImportReport", "Library", "LibraryArchive",
    "LibraryCorruptError", "LibraryError", "LibraryLockedError", "LibraryReadOnlyError",
    "NewApplication", "NotInLibraryError", "Version", "Workspace", "export_library",
    "library_path", "line_diff", "read_archive",
]


def __getattr__(name: str) -> Any:
    import importlib

    for module, names in _HOMES.items():
        if name in names:
            return getattr(importlib.import_module(f"tailorfit.core.library.{module}"), name)
    raise AttributeError(f"module 'tailorfit.core.library' has no attribute {name!r}")
