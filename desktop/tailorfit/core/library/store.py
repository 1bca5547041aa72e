"""The library's operations: base resumes, applications, their statuses and versions.

Every method is one transaction (see :mod:`tailorfit.core.library.db`) and returns immutable
values, so the window can call it on its worker thread and hand the result to the main
thread. The list query reads only the columns the list shows (the latest score and the
number of versions are kept on the application row), so 500 applications list in a few
milliseconds.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tailorfit.core.library.compare import Comparison, compare
from tailorfit.core.library.db import Database, library_path, now
from tailorfit.core.library.errors import LibraryError, NotInLibraryError
from tailorfit.core.library.models import (
    Application,
    ApplicationSummary,
    AppStatus,
    BaseResume,
    ExportRecord,
    Json,
    NewApplication,
    ScorePoint,
    StatusChange,
    Version,
    VersionSummary,
    Workspace,
)

if TYPE_CHECKING:
    from tailorfit.core.library.archive import LibraryArchive
    from tailorfit.core.library.merge import Conflict, ImportPolicy, ImportReport

__all__ = ["SORT_KEYS", "Library", "library_path"]

SORT_KEYS = ("updated", "created", "company", "title", "status", "score", "date")
_ORDER = {
    "updated": "updated_at", "created": "created_at",
    "company": "company COLLATE NOCASE", "title": "title COLLATE NOCASE",
    "status": ("CASE status WHEN 'saved' THEN 0 WHEN 'applied' THEN 1 WHEN 'interview' THEN 2 "
               "WHEN 'offer' THEN 3 ELSE 4 END"),
    "score": "score", "date": "posting_date",
}
_SEARCHED = ("company", "title", "notes", "posting_file_name", "posting_text")
_SUMMARY = ("id, company, title, posting_file_name, posting_date, status, status_day, score, "
            "versions, created_at, updated_at")
_VERSION = ("id, application_id, number, label, base_resume_id, resume_text, accepted_edits, "
            "decisions, window_state, score, created_at, updated_at")


class Library(Database):
    """The applications library. Open with ``Library.open()``; close (or use ``with``)."""

    # -- base resumes ---------------------------------------------------------------------
    def add_base_resume(self, name: str, text: str, *, file_name: str = "",
                        content: bytes | None = None) -> BaseResume:
        """Keep a resume as a starting point. ``content`` is the original file's bytes."""
        stamp = now()
        with self.write() as db:
            ident = _insert(db, "INSERT INTO base_resume (uid, name, file_name, text, content, "
                                "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                            (_uid(), name, file_name, text, content, stamp))
        return BaseResume(ident, name, file_name, text, _time(stamp), content is not None)

    def base_resumes(self) -> list[BaseResume]:
        """Every base resume, by name."""
        with self.read() as db:
            rows = db.execute("SELECT id, name, file_name, text, created_at, content IS NOT NULL "
                              "FROM base_resume ORDER BY name COLLATE NOCASE, id").fetchall()
        return [_base(row) for row in rows]

    def base_resume(self, ident: int) -> BaseResume:
        with self.read() as db:
            row = db.execute("SELECT id, name, file_name, text, created_at, content IS NOT NULL "
                             "FROM base_resume WHERE id = ?", (ident,)).fetchone()
        if row is None:
            raise NotInLibraryError("base resume", ident)
        return _base(row)

    def base_resume_content(self, ident: int) -> bytes | None:
        """The original file of a base resume (for an export that keeps its look)."""
        with self.read() as db:
            row = db.execute("SELECT content FROM base_resume WHERE id = ?", (ident,)).fetchone()
        if row is None:
            raise NotInLibraryError("base resume", ident)
        return bytes(row[0]) if row[0] is not None else None

    def rename_base_resume(self, ident: int, name: str) -> None:
        with self.write() as db:
            _changed(db.execute("UPDATE base_resume SET name = ? WHERE id = ?", (name, ident)),
                     "base resume", ident)

    def delete_base_resume(self, ident: int) -> None:
        """Remove a base resume; applications made from it keep their own versions."""
        with self.write() as db:
            _changed(db.execute("DELETE FROM base_resume WHERE id = ?", (ident,)),
                     "base resume", ident)

    # -- applications ---------------------------------------------------------------------
    def create_application(self, new: NewApplication) -> Workspace:
        """Add an application with its first version (the working resume, or the base's)."""
        stamp = now()
        day = (new.status_day or date.today()).isoformat()
        with self.write() as db:
            resume_text = new.resume_text
            if new.base_resume_id is not None:
                row = db.execute("SELECT text FROM base_resume WHERE id = ?",
                                 (new.base_resume_id,)).fetchone()
                if row is None:
                    raise NotInLibraryError("base resume", new.base_resume_id)
                resume_text = row[0] if resume_text is None else resume_text
            ident = _insert(
                db, "INSERT INTO application (uid, company, title, posting_text, "
                    "posting_file_name, posting_date, status, status_day, notes, base_resume_id, "
                    "versions, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
                (_uid(), new.company, new.title, new.posting_text, new.posting_file_name,
                 _day_text(new.posting_date), AppStatus(new.status).value, day, new.notes,
                 new.base_resume_id, stamp, stamp))
            db.execute("INSERT INTO status_change (application_id, status, day) VALUES (?, ?, ?)",
                       (ident, AppStatus(new.status).value, day))
            db.execute("INSERT INTO version (uid, application_id, number, base_resume_id, "
                       "resume_text, created_at, updated_at) VALUES (?, ?, 1, ?, ?, ?, ?)",
                       (_uid(), ident, new.base_resume_id, resume_text or "", stamp, stamp))
        return self.reopen(ident)

    def list_applications(self, search: str = "", *, status: AppStatus | str | None = None,
                          sort: str = "updated", descending: bool = True,
                          limit: int | None = None, offset: int = 0) -> list[ApplicationSummary]:
        """The library list: every word of ``search`` must occur in the company, title, notes,
        posting file name or posting text (case-insensitive); ``sort`` is one of
        :data:`SORT_KEYS`; applications without a score or date sort last either way."""
        if sort not in _ORDER:
            raise ValueError(f"sort must be one of {', '.join(SORT_KEYS)}")
        where, params = _filter(search, status)
        direction = "DESC" if descending else "ASC"
        column = _ORDER[sort]
        nulls = f"({column} IS NULL), " if sort in ("score", "date") else ""
        sql = (f"SELECT {_SUMMARY} FROM application{where} "
               f"ORDER BY {nulls}{column} {direction}, id {direction}")
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        with self.read() as db:
            rows = db.execute(sql, params).fetchall()
        return [_summary(row) for row in rows]

    def count_applications(self, search: str = "", *,
                           status: AppStatus | str | None = None) -> int:
        where, params = _filter(search, status)
        with self.read() as db:
            return int(db.execute(f"SELECT count(*) FROM application{where}", params)
                       .fetchone()[0])

    def application(self, ident: int) -> Application:
        with self.read() as db:
            row = db.execute("SELECT id, company, title, posting_text, posting_file_name, "
                             "posting_date, status, status_day, notes, base_resume_id, "
                             "created_at, updated_at FROM application WHERE id = ?",
                             (ident,)).fetchone()
            if row is None:
                raise NotInLibraryError("application", ident)
            history = db.execute("SELECT status, day FROM status_change WHERE application_id = ? "
                                 "ORDER BY id", (ident,)).fetchall()
        return Application(
            id=row[0], company=row[1], title=row[2], posting_text=row[3],
            posting_file_name=row[4], posting_date=_day(row[5]), status=AppStatus(row[6]),
            status_day=date.fromisoformat(row[7]),
            history=tuple(StatusChange(AppStatus(s), date.fromisoformat(d)) for s, d in history),
            notes=row[8], base_resume_id=row[9], created_at=_time(row[10]),
            updated_at=_time(row[11]))

    def update_application(self, ident: int, *, company: str | None = None,
                           title: str | None = None, notes: str | None = None,
                           posting_date: date | None = None,
                           posting_file_name: str | None = None) -> None:
        """Change the given fields (None leaves a field as it is)."""
        changes: dict[str, Any] = {"company": company, "title": title, "notes": notes,
                                   "posting_date": _day_text(posting_date),
                                   "posting_file_name": posting_file_name}
        changes = {k: v for k, v in changes.items() if v is not None}
        if not changes:
            return
        assignments = ", ".join(f"{column} = ?" for column in changes)
        with self.write() as db:
            _changed(db.execute(f"UPDATE application SET {assignments}, updated_at = ? "
                                "WHERE id = ?", (*changes.values(), now(), ident)),
                     "application", ident)

    def set_status(self, ident: int, status: AppStatus | str, day: date | None = None) -> None:
        """Move an application to ``status`` on ``day`` (today by default); kept in history."""
        value = AppStatus(status).value
        when = (day or date.today()).isoformat()
        with self.write() as db:
            _changed(db.execute("UPDATE application SET status = ?, status_day = ?, "
                                "updated_at = ? WHERE id = ?", (value, when, now(), ident)),
                     "application", ident)
            db.execute("INSERT INTO status_change (application_id, status, day) VALUES (?, ?, ?)",
                       (ident, value, when))

    def delete_application(self, ident: int) -> None:
        """Delete an application with its versions, scores and export records."""
        with self.write() as db:
            _changed(db.execute("DELETE FROM application WHERE id = ?", (ident,)),
                     "application", ident)

    # -- versions and the work in them ----------------------------------------------------
    def reopen(self, application_id: int, version_id: int | None = None) -> Workspace:
        """The application and its version (the newest by default) exactly as last saved."""
        with self.read() as db:  # one lock for both reads: no save slips in between
            application = self.application(application_id)
            if version_id is None:
                row = db.execute("SELECT id FROM version WHERE application_id = ? "
                                 "ORDER BY number DESC LIMIT 1", (application_id,)).fetchone()
                if row is None:
                    raise LibraryError("This application has no resume version. Delete it and "
                                       "add the posting again.")
                version_id = int(row[0])
            version = self.version(version_id)
        if version.application_id != application_id:
            raise NotInLibraryError("version", version_id)
        return Workspace(application, version)

    def versions(self, application_id: int) -> list[VersionSummary]:
        """The versions of an application, oldest first."""
        with self.read() as db:
            rows = db.execute("SELECT id, application_id, number, label, score, created_at, "
                              "updated_at FROM version WHERE application_id = ? ORDER BY number",
                              (application_id,)).fetchall()
        return [VersionSummary(r[0], r[1], r[2], r[3], r[4], _time(r[5]), _time(r[6]))
                for r in rows]

    def version(self, ident: int) -> Version:
        with self.read() as db:
            row = db.execute(f"SELECT {_VERSION} FROM version WHERE id = ?", (ident,)).fetchone()
        if row is None:
            raise NotInLibraryError("version", ident)
        return _version(row)

    def save_work(self, version_id: int, *, resume_text: str, accepted_edits: Json,
                  decisions: Json, window_state: Json = None, score: int | None = None,
                  must_missing: int | None = None) -> None:
        """Autosave: the working state of a version, in one transaction.

        A ``score`` is added to the version's score history when it differs from the last.
        ``window_state`` None keeps what was stored.
        """
        edits, chosen = _dump(accepted_edits), _dump(decisions)
        state = None if window_state is None else _dump(window_state)
        stamp = now()
        with self.write() as db:
            application = self._application_of(db, version_id)
            db.execute("UPDATE version SET resume_text = ?, accepted_edits = ?, decisions = ?, "
                       "window_state = coalesce(?, window_state), updated_at = ? WHERE id = ?",
                       (resume_text, edits, chosen, state, stamp, version_id))
            db.execute("UPDATE application SET updated_at = ? WHERE id = ?", (stamp, application))
            if score is not None:
                _add_score(db, version_id, application, score, must_missing, stamp)

    def record_score(self, version_id: int, score: int, must_missing: int | None = None) -> None:
        """Add a point to the version's score history (when it changed)."""
        stamp = now()
        with self.write() as db:
            application = self._application_of(db, version_id)
            _add_score(db, version_id, application, score, must_missing, stamp)

    def score_history(self, version_id: int) -> list[ScorePoint]:
        with self.read() as db:
            rows = db.execute("SELECT score, must_missing, at FROM score WHERE version_id = ? "
                              "ORDER BY id", (version_id,)).fetchall()
        return [ScorePoint(r[0], r[1], _time(r[2])) for r in rows]

    def new_version(self, application_id: int, *, label: str = "",
                    from_version: int | None = None,
                    base_resume_id: int | None = None) -> Version:
        """A new version: a copy of ``from_version`` (default: the newest), or a fresh start
        from ``base_resume_id`` (its text, no edits). The copied version stays as it was."""
        stamp = now()
        with self.write() as db:
            if base_resume_id is not None:
                row = db.execute("SELECT text FROM base_resume WHERE id = ?",
                                 (base_resume_id,)).fetchone()
                if row is None:
                    raise NotInLibraryError("base resume", base_resume_id)
                source: tuple[Any, ...] = (base_resume_id, row[0], "[]", "{}", "{}", None)
            else:
                query = ("SELECT base_resume_id, resume_text, accepted_edits, decisions, "
                         "window_state, score FROM version WHERE application_id = ? ")
                if from_version is None:
                    found = db.execute(query + "ORDER BY number DESC LIMIT 1",
                                       (application_id,)).fetchone()
                else:
                    found = db.execute(query + "AND id = ?",
                                       (application_id, from_version)).fetchone()
                if found is None:
                    raise NotInLibraryError("version", from_version or 0)
                source = tuple(found)
            number = int(db.execute("SELECT coalesce(max(number), 0) + 1 FROM version "
                                    "WHERE application_id = ?", (application_id,)).fetchone()[0])
            ident = _insert(db, "INSERT INTO version (uid, application_id, number, label, "
                                "base_resume_id, resume_text, accepted_edits, decisions, "
                                "window_state, score, created_at, updated_at) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            (_uid(), application_id, number, label, *source, stamp, stamp))
            _changed(db.execute("UPDATE application SET versions = versions + 1, score = ?, "
                                "updated_at = ? WHERE id = ?", (source[5], stamp, application_id)),
                     "application", application_id)
        return self.version(ident)

    def rename_version(self, version_id: int, label: str) -> None:
        with self.write() as db:
            _changed(db.execute("UPDATE version SET label = ? WHERE id = ?", (label, version_id)),
                     "version", version_id)

    def delete_version(self, version_id: int) -> None:
        """Delete a version; an application keeps at least one (delete the application)."""
        with self.write() as db:
            application = self._application_of(db, version_id)
            count = db.execute("SELECT count(*) FROM version WHERE application_id = ?",
                               (application,)).fetchone()[0]
            if count <= 1:
                raise LibraryError("This is the application's only version. Delete the "
                                   "application instead.")
            db.execute("DELETE FROM version WHERE id = ?", (version_id,))
            _refresh_application(db, application, now())

    def compare_versions(self, before: int, after: int) -> Comparison:
        """A side-by-side line diff of two versions' resume texts and the score change."""
        return compare(self.version(before), self.version(after))

    # -- moving the library between computers -------------------------------------------
    def export_archive(self, target: Path) -> int:
        """Write the whole library to one archive file; returns how many applications."""
        from tailorfit.core.library.archive import export_library

        return export_library(self, target)

    def import_conflicts(self, archive: LibraryArchive) -> list[Conflict]:
        """What an import of ``archive`` would overwrite (ask the user before importing)."""
        from tailorfit.core.library.merge import import_conflicts

        return import_conflicts(self, archive)

    def import_archive(self, archive: LibraryArchive,
                       policy: ImportPolicy | str | None = None) -> ImportReport:
        """Import ``archive`` (see :func:`tailorfit.core.library.merge.import_archive`)."""
        from tailorfit.core.library.merge import import_archive

        return import_archive(self, archive, policy)

    # -- exported files -------------------------------------------------------------------
    def record_export(self, version_id: int, file_name: str, *, path: Path | str = "",
                      fmt: str = "", content: bytes | None = None) -> ExportRecord:
        """Remember a file exported from a version (with its bytes when given)."""
        stamp = now()
        fmt = fmt or Path(file_name).suffix.lstrip(".").lower()
        with self.write() as db:
            application = self._application_of(db, version_id)
            ident = _insert(db, "INSERT INTO export (version_id, file_name, path, format, "
                                "content, at) VALUES (?, ?, ?, ?, ?, ?)",
                            (version_id, file_name, str(path), fmt, content, stamp))
            db.execute("UPDATE application SET updated_at = ? WHERE id = ?", (stamp, application))
        return ExportRecord(ident, version_id, file_name, str(path), fmt,
                            len(content) if content is not None else None, _time(stamp))

    def exports(self, version_id: int) -> list[ExportRecord]:
        with self.read() as db:
            rows = db.execute("SELECT id, version_id, file_name, path, format, length(content), "
                              "at FROM export WHERE version_id = ? ORDER BY id",
                              (version_id,)).fetchall()
        return [ExportRecord(r[0], r[1], r[2], r[3], r[4], r[5], _time(r[6])) for r in rows]

    def export_content(self, export_id: int) -> bytes | None:
        with self.read() as db:
            row = db.execute("SELECT content FROM export WHERE id = ?", (export_id,)).fetchone()
        if row is None:
            raise NotInLibraryError("exported file", export_id)
        return bytes(row[0]) if row[0] is not None else None

    # -- internals ------------------------------------------------------------------------
    @staticmethod
    def _application_of(db: sqlite3.Connection, version_id: int) -> int:
        row = db.execute("SELECT application_id FROM version WHERE id = ?",
                         (version_id,)).fetchone()
        if row is None:
            raise NotInLibraryError("version", version_id)
        return int(row[0])


def _filter(search: str, status: AppStatus | str | None) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if status is not None:
        clauses.append("status = ?")
        params.append(AppStatus(status).value)
    for word in search.split():
        pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        clauses.append("(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in _SEARCHED) + ")")
        params.extend([pattern] * len(_SEARCHED))
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _add_score(db: sqlite3.Connection, version_id: int, application: int, score: int,
               must_missing: int | None, stamp: str) -> None:
    last = db.execute("SELECT score, must_missing FROM score WHERE version_id = ? "
                      "ORDER BY id DESC LIMIT 1", (version_id,)).fetchone()
    if last is None or tuple(last) != (score, must_missing):
        db.execute("INSERT INTO score (version_id, score, must_missing, at) VALUES (?, ?, ?, ?)",
                   (version_id, score, must_missing, stamp))
    db.execute("UPDATE version SET score = ? WHERE id = ?", (score, version_id))
    _refresh_application(db, application, stamp)


def _refresh_application(db: sqlite3.Connection, application: int, stamp: str) -> None:
    """Keep the list's columns (newest version's score, version count) true."""
    db.execute("UPDATE application SET updated_at = ?1, "
               "versions = (SELECT count(*) FROM version WHERE application_id = ?2), "
               "score = (SELECT score FROM version WHERE application_id = ?2 "
               "ORDER BY number DESC LIMIT 1) WHERE id = ?2", (stamp, application))


def _insert(db: sqlite3.Connection, sql: str, params: Sequence[Any]) -> int:
    row_id = db.execute(sql, params).lastrowid
    assert row_id is not None
    return row_id


def _changed(cursor: sqlite3.Cursor, what: str, ident: int) -> None:
    if cursor.rowcount == 0:
        raise NotInLibraryError(what, ident)


def _uid() -> str:
    return uuid.uuid4().hex


def _dump(value: Json) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"cannot store {type(value).__name__} as JSON: {exc}") from exc


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _day_text(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _base(row: Sequence[Any]) -> BaseResume:
    return BaseResume(row[0], row[1], row[2], row[3], _time(row[4]), bool(row[5]))


def _summary(row: Sequence[Any]) -> ApplicationSummary:
    return ApplicationSummary(
        id=row[0], company=row[1], title=row[2], posting_file_name=row[3],
        posting_date=_day(row[4]), status=AppStatus(row[5]),
        status_day=date.fromisoformat(row[6]), score=row[7], versions=row[8],
        created_at=_time(row[9]), updated_at=_time(row[10]))


def _version(row: Sequence[Any]) -> Version:
    return Version(
        id=row[0], application_id=row[1], number=row[2], label=row[3], base_resume_id=row[4],
        resume_text=row[5], accepted_edits=json.loads(row[6]), decisions=json.loads(row[7]),
        window_state=json.loads(row[8]), score=row[9], created_at=_time(row[10]),
        updated_at=_time(row[11]))
