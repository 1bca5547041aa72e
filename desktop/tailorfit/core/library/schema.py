"""The library's tables and their migrations, numbered by SQLite's ``user_version``.

Migration N takes a database from version N-1 to N inside one transaction that also sets
the new version, so a crash mid-migration leaves the old schema intact. Never edit a
migration that has shipped: append a new one. Each application, version and base resume has
a random ``uid`` besides its row id, so an archive imported on another computer can tell
"the same application" from "another one with the same title".
"""

from __future__ import annotations

import sqlite3

_V1 = """
CREATE TABLE base_resume (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    file_name TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    content BLOB,
    created_at TEXT NOT NULL
);
CREATE TRIGGER base_resume_never_changes BEFORE UPDATE OF text, content, uid ON base_resume
BEGIN
    SELECT RAISE(ABORT, 'a base resume never changes: add a new one');
END;

CREATE TABLE application (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    company TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    posting_text TEXT NOT NULL,
    posting_file_name TEXT NOT NULL DEFAULT '',
    posting_date TEXT,
    status TEXT NOT NULL DEFAULT 'saved'
        CHECK (status IN ('saved', 'applied', 'interview', 'offer', 'rejected')),
    status_day TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    base_resume_id INTEGER REFERENCES base_resume(id) ON DELETE SET NULL,
    score INTEGER,
    versions INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX application_updated ON application(updated_at);
CREATE INDEX application_status ON application(status);

CREATE TABLE status_change (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES application(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    day TEXT NOT NULL
);
CREATE INDEX status_change_application ON status_change(application_id);

CREATE TABLE version (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    application_id INTEGER NOT NULL REFERENCES application(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    base_resume_id INTEGER REFERENCES base_resume(id) ON DELETE SET NULL,
    resume_text TEXT NOT NULL,
    accepted_edits TEXT NOT NULL DEFAULT '[]',
    decisions TEXT NOT NULL DEFAULT '{}',
    window_state TEXT NOT NULL DEFAULT '{}',
    score INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (application_id, number)
);

CREATE TABLE score (
    id INTEGER PRIMARY KEY,
    version_id INTEGER NOT NULL REFERENCES version(id) ON DELETE CASCADE,
    score INTEGER NOT NULL,
    must_missing INTEGER,
    at TEXT NOT NULL
);
CREATE INDEX score_version ON score(version_id);

CREATE TABLE export (
    id INTEGER PRIMARY KEY,
    version_id INTEGER NOT NULL REFERENCES version(id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    path TEXT NOT NULL DEFAULT '',
    format TEXT NOT NULL DEFAULT '',
    content BLOB,
    at TEXT NOT NULL
);
CREATE INDEX export_version ON export(version_id);
"""

MIGRATIONS: tuple[str, ...] = (_V1,)
VERSION = len(MIGRATIONS)


def schema_version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def migrate(connection: sqlite3.Connection) -> int:
    """Bring the schema up to :data:`VERSION`; returns the version the file had.

    The caller has checked the file is not newer than this code (see store.open_library).
    """
    found = schema_version(connection)
    for number in range(found, VERSION):
        connection.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(MIGRATIONS[number]):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number + 1}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    return found


def _statements(script: str) -> list[str]:
    """Split a script into statements (executescript would commit our transaction)."""
    statements: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    return [s for s in statements if s]
