"""Saving: never the source, never an existing file unasked, never half a file."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import pytest

from tailorfit.core.errors import ExportError, TargetExistsError
from tailorfit.core.export.pipeline import ExportOptions, export_resume
from tailorfit.core.export.save import TEMP_PREFIX, default_file_name, write_atomically
from tailorfit.core.readers import read_document
from tailorfit.core.resources import sample_resume

REPO = Path(__file__).resolve().parents[2]


def test_default_file_name_from_person_and_posting() -> None:
    assert default_file_name("Jane Doe", "Mercari", "Backend Engineer") == \
        "Jane Doe - Mercari - Backend Engineer.docx"
    assert default_file_name("Jane Doe", None, "Sr. Engineer / Backend: Go") == \
        "Jane Doe - Sr. Engineer Backend Go.docx"
    assert default_file_name(None, None, None) == "Tailored resume.docx"
    assert default_file_name("CON", None, None) == "CON resume.docx"
    assert len(default_file_name("A" * 300, "B", "C")) <= 125


def test_existing_file_is_kept_unless_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(b"mine")
    with pytest.raises(TargetExistsError, match=r"already exists.*--force"):
        write_atomically(target, b"new", overwrite=False)
    assert target.read_bytes() == b"mine"
    write_atomically(target, b"new", overwrite=True)
    assert target.read_bytes() == b"new"
    assert not list(tmp_path.glob(TEMP_PREFIX + "*"))


def test_the_source_is_never_written(tmp_path: Path) -> None:
    source = tmp_path / "resume.docx"
    source.write_bytes(sample_resume().read_bytes())
    document = read_document(source)
    for overwrite in (False, True):
        with pytest.raises(ExportError, match="the file you opened"):
            export_resume(document, source, options=ExportOptions(overwrite=overwrite))
    assert source.read_bytes() == sample_resume().read_bytes()


def test_old_leftover_temporaries_are_removed(tmp_path: Path) -> None:
    old = tmp_path / f"{TEMP_PREFIX}abc.tmp"
    new = tmp_path / f"{TEMP_PREFIX}def.tmp"
    old.write_bytes(b"x")
    new.write_bytes(b"x")
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    write_atomically(tmp_path / "out.docx", b"data", overwrite=False)
    assert not old.exists() and new.exists()


def test_a_failed_check_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"

    def refuse(path: Path) -> None:
        assert path.read_bytes() == b"complete"
        raise ExportError("no")

    with pytest.raises(ExportError):
        write_atomically(target, b"complete", overwrite=False, check=refuse)
    assert list(tmp_path.iterdir()) == []


def test_a_file_appearing_meanwhile_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"

    def someone_else_writes(_: Path) -> None:
        target.write_bytes(b"theirs")

    with pytest.raises(TargetExistsError, match="appeared"):
        write_atomically(target, b"mine", overwrite=False, check=someone_else_writes)
    assert target.read_bytes() == b"theirs"


_CHILD = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    from tailorfit.core.export import save

    target, stage = Path(sys.argv[1]), sys.argv[2]
    real_fsync = os.fsync

    def slow_fsync(fd):
        if stage == "fsync":
            print("writing", flush=True)
            time.sleep(60)
        real_fsync(fd)

    def slow_check(path):
        if stage == "check":
            print("writing", flush=True)
            time.sleep(60)

    os.fsync = slow_fsync
    save.write_atomically(target, b"x" * 5_000_000, overwrite=False, check=slow_check)
    print("done", flush=True)
""")


@pytest.mark.slow
@pytest.mark.parametrize("stage", ["fsync", "check"])
def test_killed_mid_write_leaves_no_target(tmp_path: Path, stage: str) -> None:
    target = tmp_path / "out.docx"
    child = subprocess.Popen([sys.executable, "-c", _CHILD, str(target), stage],
                             stdout=subprocess.PIPE, text=True, cwd=REPO)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "writing"
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)
    child.stdout.close()
    assert not target.exists()


_EXPORTER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from tailorfit.core.export.pipeline import export_resume
    from tailorfit.core.readers import read_document

    document = read_document(sys.argv[1])
    folder = Path(sys.argv[2])
    print("ready", flush=True)
    for number in range(200):
        export_resume(document, folder / f"{number}.docx")
""")


@pytest.mark.slow
def test_killed_exports_leave_each_target_absent_or_complete(tmp_path: Path) -> None:
    source = tmp_path / "resume.docx"
    source.write_bytes(sample_resume().read_bytes())
    expected = read_document(source).text
    rng = random.Random(7)
    for attempt in range(4):
        folder = tmp_path / f"run{attempt}"
        folder.mkdir()
        child = subprocess.Popen([sys.executable, "-c", _EXPORTER, str(source), str(folder)],
                                 stdout=subprocess.PIPE, text=True, cwd=REPO)
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.2, 1.2))
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
        child.stdout.close()
        written = sorted(folder.glob("*.docx"))
        for path in written:
            with zipfile.ZipFile(path) as package:
                assert package.testzip() is None
            assert read_document(path).text == expected
        # Only the temporary file of the export that was killed may remain.
        assert len(list(folder.glob(TEMP_PREFIX + "*"))) <= 1
