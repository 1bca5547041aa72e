"""Errors of the applications library, in the app's one hierarchy (``TailorfitError``).

Each message says what happened and what to do, in one or two sentences, so the window can
show it as it is. The errors the window must act on carry what it needs: the backups to
offer for a damaged library, the conflicts to ask about before an import.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tailorfit.core.errors import TailorfitError

if TYPE_CHECKING:
    from tailorfit.core.library.backups import Backup
    from tailorfit.core.library.merge import Conflict


class LibraryError(TailorfitError):
    """The applications library could not do what was asked."""


class LibraryLockedError(LibraryError):
    """Another Tailorfit process has the library open for writing."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            "Your applications library is open in another Tailorfit window. Close that window "
            "to make changes here, or open the library read-only.", path=path)


class LibraryReadOnlyError(LibraryError):
    """A change was asked of a library opened read-only."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            "The applications library is open read-only because another Tailorfit window is "
            "using it. Close the other window and reopen the library to make changes.",
            path=path)


class LibraryCorruptError(LibraryError):
    """The library file is damaged; ``backups`` lists the good copies to offer, newest first."""

    def __init__(self, path: Path, backups: Sequence[Backup]) -> None:
        self.backups = tuple(backups)
        if self.backups:
            message = (f"Your applications library could not be read because its file is "
                       f"damaged. Restore the backup from {self.backups[0].day.isoformat()}, or "
                       "start an empty library (the damaged file is kept).")
        else:
            message = ("Your applications library could not be read because its file is "
                       "damaged, and there is no backup. Start an empty library; the damaged "
                       "file is kept beside it.")
        super().__init__(message, path=path)


class LibraryTooNewError(LibraryError):
    """The library was written by a newer Tailorfit with a schema this one does not know."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            "Your applications library was saved by a newer version of Tailorfit. Install "
            "that version (or newer) to open it.", path=path)


class NotInLibraryError(LibraryError):
    """An id that names nothing (deleted meanwhile, or from another library)."""

    def __init__(self, what: str, ident: int) -> None:
        super().__init__(f"The {what} {ident} is not in the library; it may have been "
                         "deleted. Refresh the list and try again.")


class ArchiveError(LibraryError):
    """A library archive could not be written or read."""


class ImportConflictError(ArchiveError):
    """An import would overwrite applications already here: ask, then import with a policy."""

    def __init__(self, conflicts: Sequence[Conflict]) -> None:
        self.conflicts = tuple(conflicts)
        count = len(self.conflicts)
        noun, it = ("application is", "it") if count == 1 else ("applications are", "them")
        super().__init__(f"{count} {noun} already in your library with other changes. Choose "
                         f"whether to skip {it}, keep both copies, or replace yours.")
