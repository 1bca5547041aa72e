"""The whole library as one archive file, to move it to another computer.

The archive is a zip holding ``tailorfit-library.json`` (every base resume and application
with its statuses, versions, scores and export records) and, under ``files/``, the stored
file bytes named by their SHA-256. Rows carry their ``uid`` so an import recognises an
application it already has (see :mod:`tailorfit.core.library.merge`). Reading checks every
field, so a damaged or foreign file is refused with one message before anything is written.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tailorfit.core.errors import display_name
from tailorfit.core.library.db import now
from tailorfit.core.library.errors import ArchiveError
from tailorfit.core.library.models import AppStatus

if TYPE_CHECKING:
    from tailorfit.core.library.store import Library

FORMAT = "tailorfit.library/1"
MANIFEST = "tailorfit-library.json"
SUFFIX = ".tailorfit"
_MAX_MEMBER = 256 * 1024 * 1024
_MAX_TOTAL = 2 * 1024 * 1024 * 1024
Record = dict[str, Any]


@dataclass(frozen=True, slots=True)
class LibraryArchive:
    """An archive read and checked, ready to import."""

    path: Path
    exported_at: str
    base_resumes: tuple[Record, ...]
    applications: tuple[Record, ...]
    files: dict[str, bytes]


def suggested_name(today: date | None = None) -> str:
    return f"tailorfit-library-{(today or date.today()).isoformat()}{SUFFIX}"


# -- export ---------------------------------------------------------------------------------
def export_library(library: Library, target: Path) -> int:
    """Write the whole library to ``target`` in one step; returns how many applications."""
    files: dict[str, bytes] = {}
    with library.read() as db:
        resumes = [_resume_record(row, files) for row in db.execute(
            "SELECT uid, name, file_name, text, content, created_at FROM base_resume ORDER BY id")]
        ids = [row[0] for row in db.execute("SELECT id FROM application ORDER BY id")]
        applications = [application_record(db, ident, files) for ident in ids]
    manifest = {"format": FORMAT, "exported_at": now(), "base_resumes": resumes,
                "applications": applications}
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=target.name, suffix=".partial", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False))
            for digest, data in files.items():
                zf.writestr(f"files/{digest}", data)
        with open(temp, "rb+") as out:
            os.fsync(out.fileno())
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise ArchiveError(f"The library could not be exported to {display_name(target)} "
                           f"({exc.strerror or exc}). Choose another folder and try again.",
                           path=target) from exc
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return len(applications)


def _resume_record(row: tuple[Any, ...], files: dict[str, bytes]) -> Record:
    uid, name, file_name, text, content, created_at = row
    return {"uid": uid, "name": name, "file_name": file_name, "text": text,
            "file": _keep(content, files), "created_at": created_at}


def application_record(db: sqlite3.Connection, ident: int, files: dict[str, bytes]) -> Record:
    (uid, company, title, posting_text, posting_file_name, posting_date, status, status_day,
     notes, base_uid, created_at, updated_at) = db.execute(
        "SELECT a.uid, company, title, posting_text, posting_file_name, posting_date, status, "
        "status_day, notes, b.uid, a.created_at, updated_at FROM application a "
        "LEFT JOIN base_resume b ON b.id = a.base_resume_id WHERE a.id = ?", (ident,)).fetchone()
    versions = []
    for row in db.execute(
            "SELECT v.id, v.uid, number, label, b.uid, resume_text, accepted_edits, decisions, "
            "window_state, score, v.created_at, updated_at FROM version v "
            "LEFT JOIN base_resume b ON b.id = v.base_resume_id WHERE application_id = ? "
            "ORDER BY number", (ident,)).fetchall():
        scores = [{"score": s, "must_missing": m, "at": at} for s, m, at in db.execute(
            "SELECT score, must_missing, at FROM score WHERE version_id = ? ORDER BY id",
            (row[0],))]
        exports = [{"file_name": n, "path": p, "format": f, "file": _keep(c, files), "at": at}
                   for n, p, f, c, at in db.execute(
                       "SELECT file_name, path, format, content, at FROM export "
                       "WHERE version_id = ? ORDER BY id", (row[0],))]
        versions.append({"uid": row[1], "number": row[2], "label": row[3], "base_resume": row[4],
                         "resume_text": row[5], "accepted_edits": json.loads(row[6]),
                         "decisions": json.loads(row[7]), "window_state": json.loads(row[8]),
                         "score": row[9], "created_at": row[10], "updated_at": row[11],
                         "scores": scores, "exports": exports})
    statuses = [{"status": s, "day": d} for s, d in db.execute(
        "SELECT status, day FROM status_change WHERE application_id = ? ORDER BY id", (ident,))]
    return {"uid": uid, "company": company, "title": title, "posting_text": posting_text,
            "posting_file_name": posting_file_name, "posting_date": posting_date,
            "status": status, "status_day": status_day, "notes": notes, "base_resume": base_uid,
            "created_at": created_at, "updated_at": updated_at, "statuses": statuses,
            "versions": versions}


def _keep(content: bytes | None, files: dict[str, bytes]) -> str | None:
    if content is None:
        return None
    digest = hashlib.sha256(content).hexdigest()
    files[digest] = bytes(content)
    return digest


# -- reading --------------------------------------------------------------------------------
def read_archive(path: Path) -> LibraryArchive:
    """Read and check an archive; raises :class:`ArchiveError` with a message to show."""
    damaged = ArchiveError(f"{display_name(path)} is not a Tailorfit library archive, or it is "
                           "damaged. Export the library again on the other computer.", path=path)
    try:
        with zipfile.ZipFile(path) as zf:
            members = zf.infolist()
            if (sum(m.file_size for m in members) > _MAX_TOTAL
                    or any(m.file_size > _MAX_MEMBER for m in members)):
                raise ArchiveError(f"{display_name(path)} is too large to be a Tailorfit "
                                   "library archive. Check that you chose the right file.",
                                   path=path)
            manifest = json.loads(zf.read(MANIFEST).decode("utf-8"))
            files = {m.filename[len("files/"):]: zf.read(m) for m in members
                     if m.filename.startswith("files/") and not m.is_dir()}
    except FileNotFoundError as exc:
        raise ArchiveError(f"{display_name(path)} does not exist. Check the name and folder "
                           "and try again.", path=path) from exc
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, zipfile.LargeZipFile) as exc:
        raise damaged from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        if isinstance(manifest, dict) and str(manifest.get("format", "")).startswith(
                "tailorfit.library/"):
            raise ArchiveError(f"{display_name(path)} was exported by a newer version of "
                               "Tailorfit. Update Tailorfit to import it.", path=path)
        raise damaged
    try:
        resumes = tuple(_check_resume(r, files) for r in manifest["base_resumes"])
        applications = tuple(_check_application(a, files) for a in manifest["applications"])
        exported_at = _text(manifest, "exported_at")
    except (KeyError, TypeError, ValueError) as exc:
        raise damaged from exc
    return LibraryArchive(path, exported_at, resumes, applications, files)


def _text(record: Any, key: str, *, optional: bool = False) -> Any:
    value = record[key]
    if (value is None and optional) or isinstance(value, str):
        return value
    raise TypeError(key)


def _number(record: Any, key: str) -> Any:
    value = record[key]
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise TypeError(key)


def _file(record: Any, files: dict[str, bytes]) -> None:
    digest = _text(record, "file", optional=True)
    if digest is not None and digest not in files:
        raise ValueError("missing file")


def _check_resume(record: Any, files: dict[str, bytes]) -> Record:
    for key in ("uid", "name", "file_name", "text", "created_at"):
        _text(record, key)
    _file(record, files)
    datetime.fromisoformat(record["created_at"])
    return dict(record)


def _check_application(record: Any, files: dict[str, bytes]) -> Record:
    for key in ("uid", "company", "title", "posting_text", "posting_file_name", "status",
                "status_day", "notes", "created_at", "updated_at"):
        _text(record, key)
    for key in ("posting_date", "base_resume"):
        _text(record, key, optional=True)
    AppStatus(record["status"])
    date.fromisoformat(record["status_day"])
    datetime.fromisoformat(record["updated_at"])
    for change in record["statuses"]:
        AppStatus(_text(change, "status"))
        date.fromisoformat(_text(change, "day"))
    if not record["versions"]:
        raise ValueError("no versions")
    for version in record["versions"]:
        for key in ("uid", "label", "resume_text", "created_at", "updated_at"):
            _text(version, key)
        _text(version, "base_resume", optional=True)
        _number(version, "number")
        _number(version, "score")
        for key in ("accepted_edits", "decisions", "window_state"):
            json.dumps(version[key])
        for point in version["scores"]:
            _number(point, "score")
            _number(point, "must_missing")
            _text(point, "at")
        for export in version["exports"]:
            for key in ("file_name", "path", "format", "at"):
                _text(export, key)
            _file(export, files)
    return dict(record)
