"""Importing an archive into a library without ever overwriting unasked.

:func:`import_conflicts` lists the archived applications that are already here in another
state (same ``uid``, different content); :func:`import_archive` refuses to run over them
unless given a policy (skip, keep both, replace), and an application already here exactly
as archived is left alone. The import is one transaction: all of it or none of it.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from tailorfit.core.library.archive import LibraryArchive, Record, application_record
from tailorfit.core.library.errors import ImportConflictError

if TYPE_CHECKING:
    from tailorfit.core.library.store import Library


class ImportPolicy(StrEnum):
    """What to do with an archived application already in the library in another state."""

    SKIP = "skip"  # keep yours
    KEEP_BOTH = "keep_both"  # add the archived one as a separate application
    REPLACE = "replace"  # yours is replaced by the archived one


@dataclass(frozen=True, slots=True)
class Conflict:
    """An archived application that is in the library in another state."""

    library_id: int
    company: str
    title: str
    library_updated_at: datetime
    archive_updated_at: datetime


@dataclass(frozen=True, slots=True)
class ImportReport:
    added: int = 0
    replaced: int = 0
    kept_both: int = 0
    skipped: int = 0
    unchanged: int = 0  # already here exactly as archived
    base_resumes: int = 0

    def describe(self) -> str:
        """One sentence for the window: what the import did."""
        parts = [f"{self.added + self.kept_both + self.replaced} applications imported"]
        if self.replaced:
            parts.append(f"{self.replaced} of yours replaced")
        if self.skipped:
            parts.append(f"{self.skipped} skipped")
        if self.unchanged:
            parts.append(f"{self.unchanged} already here")
        if self.base_resumes:
            parts.append(f"{self.base_resumes} base resumes added")
        return "; ".join(parts) + "."


# -- importing --------------------------------------------------------------------------------
def import_conflicts(library: Library, archive: LibraryArchive) -> list[Conflict]:
    """Archived applications already in the library in another state (ask before importing)."""
    conflicts: list[Conflict] = []
    with library.read() as db:
        for record in archive.applications:
            ours = _ours(db, record, archive)
            if ours is not None:
                ident, updated_at, same = ours
                if not same:
                    conflicts.append(Conflict(ident, record["company"], record["title"],
                                              datetime.fromisoformat(updated_at),
                                              datetime.fromisoformat(record["updated_at"])))
    return conflicts


def import_archive(library: Library, archive: LibraryArchive,
                   policy: ImportPolicy | str | None = None) -> ImportReport:
    """Import everything, all or nothing. Without ``policy``, conflicts raise
    :class:`ImportConflictError` (carrying them) and nothing is imported."""
    chosen = ImportPolicy(policy) if policy is not None else None
    counts = dict.fromkeys(("added", "replaced", "kept_both", "skipped", "unchanged",
                            "base_resumes"), 0)
    with library.write() as db:
        resumes: dict[str, int | None] = {}
        for record in archive.base_resumes:
            row = db.execute("SELECT id FROM base_resume WHERE uid = ?",
                             (record["uid"],)).fetchone()
            if row is None:
                row = (db.execute(
                    "INSERT INTO base_resume (uid, name, file_name, text, content, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (record["uid"], record["name"], record["file_name"], record["text"],
                     _bytes(record, archive), record["created_at"])).lastrowid,)
                counts["base_resumes"] += 1
            resumes[record["uid"]] = int(row[0])
        pending: list[tuple[Record, int | None, bool]] = []  # record, replaces, new uids
        conflicts: list[Conflict] = []
        for record in archive.applications:
            ours = _ours(db, record, archive)
            if ours is None:
                pending.append((record, None, False))
                counts["added"] += 1
                continue
            ident, updated_at, same = ours
            if same:
                counts["unchanged"] += 1
            elif chosen is None:
                conflicts.append(Conflict(ident, record["company"], record["title"],
                                          datetime.fromisoformat(updated_at),
                                          datetime.fromisoformat(record["updated_at"])))
            elif chosen is ImportPolicy.SKIP:
                counts["skipped"] += 1
            elif chosen is ImportPolicy.KEEP_BOTH:
                pending.append((record, None, True))
                counts["kept_both"] += 1
            else:
                pending.append((record, ident, False))
                counts["replaced"] += 1
        if conflicts:
            raise ImportConflictError(conflicts)
        for record, replaces, fresh in pending:
            if replaces is not None:
                db.execute("DELETE FROM application WHERE id = ?", (replaces,))
            _insert_application(db, record, archive, resumes, fresh)
    return ImportReport(**counts)


def _ours(db: sqlite3.Connection, record: Record,
          archive: LibraryArchive) -> tuple[int, str, bool] | None:
    row = db.execute("SELECT id, updated_at FROM application WHERE uid = ?",
                     (record["uid"],)).fetchone()
    if row is None:
        return None
    files: dict[str, bytes] = {}
    same = application_record(db, row[0], files) == record
    return int(row[0]), str(row[1]), same


def _bytes(record: Record, archive: LibraryArchive) -> bytes | None:
    digest = record.get("file")
    return archive.files[digest] if digest else None


def _insert_application(db: sqlite3.Connection, record: Record, archive: LibraryArchive,
                        resumes: dict[str, int | None], fresh: bool) -> None:
    """Insert an archived application; ``fresh`` gives it new uids (keep both)."""
    def uid(value: str) -> str:
        taken = db.execute("SELECT 1 FROM version WHERE uid = ? UNION ALL "
                           "SELECT 1 FROM application WHERE uid = ?", (value, value)).fetchone()
        return uuid.uuid4().hex if fresh or taken else value

    def resume(uid_: str | None) -> int | None:
        if uid_ is None:
            return None
        if uid_ not in resumes:
            row = db.execute("SELECT id FROM base_resume WHERE uid = ?", (uid_,)).fetchone()
            resumes[uid_] = int(row[0]) if row else None
        return resumes[uid_]

    versions = record["versions"]
    latest = max(versions, key=lambda v: v["number"])
    ident = db.execute(
        "INSERT INTO application (uid, company, title, posting_text, posting_file_name, "
        "posting_date, status, status_day, notes, base_resume_id, score, versions, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (uid(record["uid"]), record["company"], record["title"], record["posting_text"],
         record["posting_file_name"], record["posting_date"], record["status"],
         record["status_day"], record["notes"], resume(record["base_resume"]),
         latest["score"], len(versions), record["created_at"], record["updated_at"])).lastrowid
    db.executemany("INSERT INTO status_change (application_id, status, day) VALUES (?, ?, ?)",
                   [(ident, s["status"], s["day"]) for s in record["statuses"]])
    for version in versions:
        version_id = db.execute(
            "INSERT INTO version (uid, application_id, number, label, base_resume_id, "
            "resume_text, accepted_edits, decisions, window_state, score, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (uid(version["uid"]), ident, version["number"], version["label"],
             resume(version["base_resume"]), version["resume_text"],
             json.dumps(version["accepted_edits"], ensure_ascii=False, separators=(",", ":")),
             json.dumps(version["decisions"], ensure_ascii=False, separators=(",", ":")),
             json.dumps(version["window_state"], ensure_ascii=False, separators=(",", ":")),
             version["score"], version["created_at"], version["updated_at"])).lastrowid
        db.executemany("INSERT INTO score (version_id, score, must_missing, at) VALUES (?, ?, ?, ?)",
                       [(version_id, p["score"], p["must_missing"], p["at"])
                        for p in version["scores"]])
        db.executemany("INSERT INTO export (version_id, file_name, path, format, content, at) "
                       "VALUES (?, ?, ?, ?, ?, ?)",
                       [(version_id, e["file_name"], e["path"], e["format"],
                         _bytes(e, archive), e["at"]) for e in version["exports"]])
