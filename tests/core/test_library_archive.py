"""Moving the library between computers: one archive, and imports that never overwrite unasked."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tailorfit.core.library import (
    ArchiveError,
    ImportConflictError,
    ImportPolicy,
    Library,
    NewApplication,
    read_archive,
)
from tailorfit.core.library.archive import MANIFEST


@pytest.fixture
def computers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Library, Library]]:
    """Two libraries, as on two computers."""
    monkeypatch.setenv("TAILORFIT_HOME", str(tmp_path / "home"))
    with Library.open(tmp_path / "one") as one, Library.open(tmp_path / "two") as two:
        yield one, two


def _fill(library: Library) -> int:
    base = library.add_base_resume("Main", "Maya Okafor\nPython", file_name="maya.docx",
                                   content=b"PK original docx")
    work = library.create_application(NewApplication(
        "Senior Backend Engineer\n- Python", "acme.docx", "Acme", "Senior Backend Engineer",
        date(2026, 11, 20), "call back Monday", base.id))
    library.set_status(work.application.id, "applied", date(2026, 11, 21))
    library.save_work(work.version.id, resume_text="Maya Okafor\nPython and Go",
                      accepted_edits=[{"id": "e1"}], decisions={"s1": "accepted"},
                      window_state={"looks": ["h"]}, score=70, must_missing=1)
    second = library.new_version(work.application.id, label="shorter")
    library.record_score(second.id, 75)
    library.record_export(second.id, "maya-acme.docx", path="/tmp/maya-acme.docx",
                          content=b"PK exported docx")
    library.create_application(NewApplication("Nurse posting", company="Hospital",
                                              resume_text="RN"))
    return work.application.id


def test_export_then_import_moves_everything(computers: tuple[Library, Library],
                                              tmp_path: Path) -> None:
    one, two = computers
    ident = _fill(one)
    archive_path = tmp_path / "moved.tailorfit"
    assert one.export_archive(archive_path) == 2
    assert zipfile.is_zipfile(archive_path)
    archive = read_archive(archive_path)
    assert two.import_conflicts(archive) == []
    report = two.import_archive(archive)
    assert (report.added, report.base_resumes) == (2, 1)
    assert "2 applications imported" in report.describe()
    moved = {s.company: s for s in two.list_applications()}
    work = two.reopen(moved["Acme"].id)
    original = one.reopen(ident)
    assert work.posting_text == original.posting_text
    assert work.application.notes == "call back Monday"
    assert [c.status.value for c in work.application.history] == ["saved", "applied"]
    assert work.version.label == "shorter" and work.version.score == 75
    first = two.versions(moved["Acme"].id)[0]
    assert two.version(first.id).accepted_edits == [{"id": "e1"}]
    assert two.version(first.id).window_state == {"looks": ["h"]}
    assert [p.score for p in two.score_history(first.id)] == [70]
    [export] = two.exports(work.version.id)
    assert two.export_content(export.id) == b"PK exported docx"
    [base] = two.base_resumes()
    assert two.base_resume_content(base.id) == b"PK original docx"
    assert work.base_resume_id == base.id == two.application(moved["Acme"].id).base_resume_id
    # Importing the same archive again changes nothing and asks nothing.
    again = two.import_archive(read_archive(archive_path))
    assert (again.added, again.unchanged) == (0, 2)
    assert two.count_applications() == 2


def test_an_import_never_overwrites_without_asking(computers: tuple[Library, Library],
                                                    tmp_path: Path) -> None:
    one, two = computers
    ident = _fill(one)
    path = tmp_path / "a.tailorfit"
    one.export_archive(path)
    two.import_archive(read_archive(path))
    mine = next(s.id for s in two.list_applications() if s.company == "Acme")
    two.update_application(mine, notes="my own notes on this computer")
    one.update_application(ident, notes="notes from the other computer")
    one.export_archive(path)
    archive = read_archive(path)
    [conflict] = two.import_conflicts(archive)
    assert (conflict.library_id, conflict.company) == (mine, "Acme")
    with pytest.raises(ImportConflictError) as caught:
        two.import_archive(archive)
    assert caught.value.conflicts == (conflict,)
    assert "skip" in caught.value.message and "replace" in caught.value.message
    assert two.application(mine).notes == "my own notes on this computer"  # nothing imported

    skipped = two.import_archive(archive, ImportPolicy.SKIP)
    assert (skipped.skipped, skipped.unchanged) == (1, 1)
    assert two.application(mine).notes == "my own notes on this computer"

    both = two.import_archive(archive, "keep_both")
    assert both.kept_both == 1
    notes = sorted(two.application(s.id).notes for s in two.list_applications()
                   if s.company == "Acme")
    assert notes == ["my own notes on this computer", "notes from the other computer"]

    replaced = two.import_archive(archive, ImportPolicy.REPLACE)
    assert replaced.replaced == 1
    notes = sorted(two.application(s.id).notes for s in two.list_applications()
                   if s.company == "Acme")
    assert notes == ["notes from the other computer", "notes from the other computer"]


def test_damaged_or_foreign_archives_are_refused_clearly(tmp_path: Path,
                                                         computers: tuple[Library, Library]) -> None:
    one, _ = computers
    not_zip = tmp_path / "notes.tailorfit"
    not_zip.write_text("hello", encoding="utf-8")
    with pytest.raises(ArchiveError, match="not a Tailorfit library archive") as caught:
        read_archive(not_zip)
    assert caught.value.message.count(". ") <= 1
    with pytest.raises(ArchiveError, match="does not exist"):
        read_archive(tmp_path / "missing.tailorfit")
    newer = tmp_path / "newer.tailorfit"
    with zipfile.ZipFile(newer, "w") as zf:
        zf.writestr(MANIFEST, json.dumps({"format": "tailorfit.library/2"}))
    with pytest.raises(ArchiveError, match="newer version"):
        read_archive(newer)
    _fill(one)
    good = tmp_path / "good.tailorfit"
    one.export_archive(good)
    with zipfile.ZipFile(good) as zf:
        manifest = json.loads(zf.read(MANIFEST))
    manifest["applications"][0]["status"] = "hired"
    broken = tmp_path / "broken.tailorfit"
    with zipfile.ZipFile(broken, "w") as zf:
        zf.writestr(MANIFEST, json.dumps(manifest))
    with pytest.raises(ArchiveError, match="damaged"):
        read_archive(broken)


def test_an_import_is_all_or_nothing(computers: tuple[Library, Library], tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    one, two = computers
    _fill(one)
    path = tmp_path / "a.tailorfit"
    one.export_archive(path)
    archive = read_archive(path)
    from tailorfit.core.library import merge as archive_module

    calls = 0
    real = archive_module._insert_application

    def fail_on_second(*args: object) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise OSError("disk went away")
        real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(archive_module, "_insert_application", fail_on_second)
    with pytest.raises(OSError):
        two.import_archive(archive)
    assert two.count_applications() == 0 and two.base_resumes() == []


def test_the_export_is_written_in_one_step(computers: tuple[Library, Library],
                                           tmp_path: Path) -> None:
    one, _ = computers
    _fill(one)
    target = tmp_path / "out" / "library.tailorfit"
    one.export_archive(target)
    assert [p.name for p in target.parent.iterdir()] == ["library.tailorfit"]
