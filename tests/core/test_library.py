"""The applications library: what it keeps, how it lists and compares, and that it is safe."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tailorfit.core.library import (
    AppStatus,
    Library,
    LibraryError,
    LibraryLockedError,
    LibraryReadOnlyError,
    NewApplication,
    NotInLibraryError,
    line_diff,
)
from tailorfit.core.library.errors import LibraryTooNewError


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """TAILORFIT_HOME in a temporary folder: the tests never touch the user's library."""
    folder = tmp_path / "home"
    monkeypatch.setenv("TAILORFIT_HOME", str(folder))
    return folder


@pytest.fixture
def library(home: Path) -> Iterator[Library]:
    with Library.open() as opened:
        yield opened


def _add(library: Library, number: int = 1, **fields: object) -> int:
    values: dict[str, object] = {"posting_text": f"Posting {number}: Python and SQL required.",
                                 "posting_file_name": f"posting-{number}.txt",
                                 "company": f"Company {number}", "title": f"Engineer {number}",
                                 "resume_text": f"Resume for {number}"}
    values.update(fields)
    return library.create_application(NewApplication(**values)).application.id  # type: ignore[arg-type]


def test_the_library_lives_in_the_data_folder_owner_only(library: Library, home: Path) -> None:
    assert library.path == home / "data" / "library.sqlite3"
    assert library.path.exists()
    if os.name == "posix":
        assert (home / "data").stat().st_mode & 0o777 == 0o700
    with library.read() as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA user_version").fetchone()[0] >= 1


def test_an_application_reopens_exactly_as_it_was_left(library: Library) -> None:
    base = library.add_base_resume("Main resume", "Maya Okafor\nPython developer",
                                   file_name="maya.docx", content=b"PK\x03\x04docx")
    workspace = library.create_application(NewApplication(
        posting_text="Senior Backend Engineer\nRequirements\n- 6+ years of Python",
        posting_file_name="acme.docx", company="Acme", title="Senior Backend Engineer",
        posting_date=date(2026, 11, 20), notes="Referred by Sam", base_resume_id=base.id))
    assert workspace.resume_text == "Maya Okafor\nPython developer"  # copied from the base
    edits = [{"id": "e1", "block": 3, "old": "Python", "new": "Python 3 and Go"}]
    decisions = {"s1": "accepted", "s2": "rejected"}
    library.save_work(workspace.version.id, resume_text="Maya Okafor\nPython 3 and Go developer",
                      accepted_edits=edits, decisions=decisions,
                      window_state={"looks": ["h1", "p"]}, score=72, must_missing=1)
    again = library.reopen(workspace.application.id)
    assert again.posting_text.startswith("Senior Backend Engineer")
    assert again.application.posting_file_name == "acme.docx"
    assert (again.application.company, again.application.title) == ("Acme",
                                                                     "Senior Backend Engineer")
    assert again.application.posting_date == date(2026, 11, 20)
    assert again.application.notes == "Referred by Sam"
    assert again.base_resume_id == base.id
    assert again.resume_text == "Maya Okafor\nPython 3 and Go developer"
    assert again.version.accepted_edits == edits
    assert again.version.decisions == decisions
    assert again.version.window_state == {"looks": ["h1", "p"]}
    assert again.version.score == 72
    # Saving again without window_state keeps the stored one.
    library.save_work(workspace.version.id, resume_text="x", accepted_edits=[], decisions={})
    assert library.reopen(workspace.application.id).version.window_state == {"looks": ["h1", "p"]}


def test_base_resumes_never_change(library: Library) -> None:
    base = library.add_base_resume("Main", "Original text", content=b"bytes")
    workspace = library.create_application(NewApplication("Posting", base_resume_id=base.id))
    library.save_work(workspace.version.id, resume_text="Tailored text", accepted_edits=[],
                      decisions={})
    assert library.base_resume(base.id).text == "Original text"
    assert library.base_resume_content(base.id) == b"bytes"
    with library.write() as db, pytest.raises(Exception, match="never changes"):
        db.execute("UPDATE base_resume SET text = 'changed' WHERE id = ?", (base.id,))
    library.rename_base_resume(base.id, "Renamed")
    assert [b.name for b in library.base_resumes()] == ["Renamed"]
    library.delete_base_resume(base.id)
    kept = library.reopen(workspace.application.id)  # the application keeps its own version
    assert kept.resume_text == "Tailored text" and kept.base_resume_id is None


def test_statuses_each_with_their_day(library: Library) -> None:
    ident = _add(library, status_day=date(2026, 11, 1))
    library.set_status(ident, AppStatus.APPLIED, date(2026, 11, 3))
    library.set_status(ident, "interview", date(2026, 11, 10))
    application = library.application(ident)
    assert application.status is AppStatus.INTERVIEW
    assert application.status_day == date(2026, 11, 10)
    assert [(c.status.value, c.day.isoformat()) for c in application.history] == [
        ("saved", "2026-11-01"), ("applied", "2026-11-03"), ("interview", "2026-11-10")]
    with pytest.raises(ValueError):
        library.set_status(ident, "hired")


def test_versions_scores_and_exports(library: Library, tmp_path: Path) -> None:
    workspace = library.create_application(NewApplication("Posting", resume_text="one\ntwo"))
    first = workspace.version.id
    library.record_score(first, 60, 2)
    library.record_score(first, 60, 2)  # unchanged: no new point
    library.record_score(first, 68, 1)
    assert [(p.score, p.must_missing) for p in library.score_history(first)] == [(60, 2), (68, 1)]
    second = library.new_version(workspace.application.id, label="for the recruiter")
    assert (second.number, second.resume_text, second.score) == (2, "one\ntwo", 68)
    library.save_work(second.id, resume_text="one\n2\nthree", accepted_edits=[1],
                      decisions={}, score=81)
    assert library.version(first).resume_text == "one\ntwo"  # the copied version stays
    summary = library.list_applications()[0]
    assert (summary.versions, summary.score) == (2, 81)
    export = library.record_export(second.id, "resume-acme.docx", path=tmp_path / "r.docx",
                                   content=b"PK docx bytes")
    assert export.format == "docx" and export.size == 13
    assert [e.file_name for e in library.exports(second.id)] == ["resume-acme.docx"]
    assert library.export_content(export.id) == b"PK docx bytes"
    fresh = library.new_version(workspace.application.id,
                                base_resume_id=library.add_base_resume("B", "base").id)
    assert (fresh.resume_text, fresh.accepted_edits, fresh.number) == ("base", [], 3)
    library.delete_version(fresh.id)
    assert [v.number for v in library.versions(workspace.application.id)] == [1, 2]
    library.delete_version(first)
    with pytest.raises(LibraryError, match="only version"):
        library.delete_version(second.id)


def test_compare_two_versions_side_by_side(library: Library) -> None:
    workspace = library.create_application(NewApplication(
        "Posting", resume_text="Maya Okafor\nPython developer\nSQL\nLondon"))
    before = workspace.version.id
    library.record_score(before, 64)
    after = library.new_version(workspace.application.id).id
    library.save_work(after, resume_text="Maya Okafor\nPython and Go developer\nLondon\nKubernetes",
                      accepted_edits=[], decisions={}, score=79)
    comparison = library.compare_versions(before, after)
    assert comparison.score_delta == 15
    assert [(r.kind, r.before, r.after) for r in comparison.rows] == [
        ("same", "Maya Okafor", "Maya Okafor"),
        ("changed", "Python developer", "Python and Go developer"),
        ("removed", "SQL", None),
        ("same", "London", "London"),
        ("added", None, "Kubernetes")]
    assert comparison.changed == 3
    assert [(r.before_line, r.after_line) for r in comparison.rows] == [
        (1, 1), (2, 2), (3, None), (4, 3), (None, 4)]
    assert line_diff("", "") == []


def test_list_search_sort_and_delete(library: Library) -> None:
    ids = [_add(library, n, notes="remote" if n == 2 else "") for n in range(1, 5)]
    library.update_application(ids[0], company="Zeta Health", posting_date=date(2026, 1, 5))
    library.update_application(ids[2], company="alpha labs", posting_date=date(2026, 3, 1))
    library.set_status(ids[3], "offer")
    for ident, score in zip(ids, (50, 90, None, 70), strict=True):
        if score is not None:
            library.record_score(library.reopen(ident).version.id, score)
    # Newest change first: the scores were recorded last, for 1, 2 and 4, in that order.
    assert [s.id for s in library.list_applications()] == [ids[3], ids[1], ids[0], ids[2]]
    by_company = library.list_applications(sort="company", descending=False)
    assert [s.company for s in by_company] == ["alpha labs", "Company 2", "Company 4",
                                               "Zeta Health"]
    assert [s.score for s in library.list_applications(sort="score")] == [90, 70, 50, None]
    assert [s.score for s in library.list_applications(sort="score", descending=False)] == [
        50, 70, 90, None]
    assert [s.id for s in library.list_applications(sort="date")][:2] == [ids[2], ids[0]]
    assert [s.id for s in library.list_applications("REMOTE")] == [ids[1]]
    assert [s.id for s in library.list_applications("python engineer 3")] == [ids[2]]
    assert [s.id for s in library.list_applications("100%")] == []
    assert [s.id for s in library.list_applications(status="offer")] == [ids[3]]
    assert library.count_applications("company") == 2
    assert len(library.list_applications(limit=2, offset=1)) == 2
    with pytest.raises(ValueError):
        library.list_applications(sort="colour")
    library.delete_application(ids[1])
    assert library.count_applications() == 3
    with pytest.raises(NotInLibraryError):
        library.reopen(ids[1])
    with pytest.raises(NotInLibraryError):
        library.delete_application(ids[1])


def test_usable_from_worker_threads(library: Library) -> None:
    ident = _add(library)
    version = library.reopen(ident).version.id
    errors: list[BaseException] = []

    def work(number: int) -> None:
        try:
            for step in range(20):
                library.save_work(version, resume_text=f"{number}-{step}", accepted_edits=[],
                                  decisions={}, score=step)
                library.list_applications()
                _add(library, 100 + number * 100 + step)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert library.count_applications() == 81


def test_a_second_instance_is_refused_or_read_only(library: Library) -> None:
    _add(library)
    with pytest.raises(LibraryLockedError) as caught:
        Library.open()
    assert "another Tailorfit window" in caught.value.message
    assert caught.value.message.count(". ") <= 1  # one or two sentences
    with Library.open(read_only=True) as reader:
        assert reader.read_only
        assert reader.count_applications() == 1
        with pytest.raises(LibraryReadOnlyError):
            reader.set_status(1, "applied")
    _add(library, 2)  # the first instance goes on writing
    library.close()
    with Library.open() as reopened:  # the lock went with the first instance
        assert reopened.count_applications() == 2


def test_a_newer_schema_is_refused_not_damaged(home: Path) -> None:
    with Library.open() as library:
        _add(library)
        with library.write() as db:
            db.execute("PRAGMA user_version = 999")
    with pytest.raises(LibraryTooNewError, match="newer version of Tailorfit"):
        Library.open()


def test_a_failed_migration_leaves_the_library_as_it_was(home: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from tailorfit.core.library import schema

    with Library.open() as library:
        _add(library)
    broken = "ALTER TABLE application ADD COLUMN salary INTEGER;\nTHIS IS NOT SQL;\n"
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, broken))
    monkeypatch.setattr(schema, "VERSION", len(schema.MIGRATIONS))
    from tailorfit.core.library import db as db_module

    monkeypatch.setattr(db_module, "VERSION", len(schema.MIGRATIONS))
    with pytest.raises(LibraryError):
        Library.open()
    monkeypatch.undo()
    monkeypatch.setenv("TAILORFIT_HOME", str(home))
    with Library.open() as library:
        assert library.count_applications() == 1
        with library.read() as db:
            columns = [row[1] for row in db.execute("PRAGMA table_info(application)")]
        assert "salary" not in columns


def test_500_applications_list_in_under_300_ms(library: Library) -> None:
    base = library.add_base_resume("Main", "Experienced engineer. " * 150)
    posting = "We are hiring. Requirements: Python, SQL, Kubernetes, five years. " * 60
    for number in range(500):
        workspace = library.create_application(NewApplication(
            f"{posting} Ref {number}", f"posting-{number}.docx", f"Company {number % 50}",
            f"Role {number}", base_resume_id=base.id))
        library.save_work(workspace.version.id, resume_text="Tailored. " * 300,
                          accepted_edits=[{"n": number}], decisions={}, score=number % 100)
    for query, sort in (("", "updated"), ("", "score"), ("company 7", "company"),
                        ("kubernetes", "title")):
        start = time.perf_counter()
        rows = library.list_applications(query, sort=sort)
        elapsed = time.perf_counter() - start
        assert rows and elapsed < 0.3, (query, sort, elapsed)
    assert len(library.list_applications()) == 500
