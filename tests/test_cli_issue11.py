"""Issue 11 on the command line: ``forget``, ``rank`` on every core, ``gui --private``,
``export --accept`` and ``suggest``; errors in one or two sentences with exit code 2."""

from __future__ import annotations

import importlib.util
import io
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tailorfit.cli import main
from tailorfit.core import paths
from tailorfit.core.library import Library, NewApplication
from tailorfit.core.readers import read_document
from tailorfit.core.resources import sample_posting, sample_resume
from tests.conftest import TODAY

REPO = Path(__file__).resolve().parents[1]
_EXTRA = ("Hybrid work is possible.", "Relocation support is offered.",
          "The team sits in two time zones.")


@pytest.fixture(autouse=True)
def user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The user's folders (TAILORFIT_HOME) and the system temp folder, inside the test's."""
    home = tmp_path / "home"
    monkeypatch.setenv(paths.HOME_ENV, str(home))
    system_temp = tmp_path / "systemp"
    system_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    yield home
    paths.end_private()


def _sample_postings(folder: Path, count: int) -> list[Path]:
    """``count`` distinct postings made from the bundled sample; every fourth asks more."""
    folder.mkdir(parents=True, exist_ok=True)
    text = read_document(sample_posting()).text
    made = []
    for number in range(count):
        body = text if number % 4 else text.replace("6+ years", "12+ years").replace(
            "Strong proficiency in Go (Golang) or Java", "Strong proficiency in COBOL and Fortran")
        path = folder / f"posting-{number:02d}.txt"
        path.write_text(f"Ref {number}\n{body}\n{_EXTRA[number % 3]}\n", encoding="utf-8")
        made.append(path)
    return made


# -- forget ------------------------------------------------------------------------------------
def _fill(user: Path) -> None:
    """Settings, a library with one application, a session file and a cache file."""
    with Library.open() as library:
        library.create_application(NewApplication("Posting text", company="Acme",
                                                  title="Engineer", resume_text="Resume"))
    (user / "config").mkdir(mode=0o700, exist_ok=True)
    (user / "config" / "settings.json").write_text('{"recent_resumes": ["/x/cv.docx"]}',
                                                   encoding="utf-8")
    (user / "data" / "session.json").write_text("{}", encoding="utf-8")
    (user / "cache").mkdir(mode=0o700, exist_ok=True)
    (user / "cache" / "index.bin").write_bytes(b"x")


def _files(user: Path) -> list[str]:
    """The files under ``user``, without SQLite's -wal/-shm companions (reading makes them)."""
    return sorted(str(p.relative_to(user)) for p in user.rglob("*")
                  if p.is_file() and not p.name.endswith(("-wal", "-shm")))


def test_forget_yes_removes_everything_and_says_what(user: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    _fill(user)
    assert "data/library.sqlite3" in _files(user)
    assert main(["forget", "--yes"]) == 0
    out = capsys.readouterr().out
    assert "This deletes from this computer:" in out
    assert "the applications library (1 application, 0 base resumes)" in out
    assert "your settings and the lists of recent files" in out
    assert out.strip().splitlines()[-1].startswith("Removed ")
    assert _files(user) == []


def test_forget_asks_and_keeps_everything_on_no(user: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    _fill(user)
    before = _files(user)
    monkeypatch.setattr(sys, "stdin", io.StringIO("no\n"))
    assert main(["forget"]) == 1
    assert "Nothing was deleted" in capsys.readouterr().out
    assert _files(user) == before
    monkeypatch.setattr(sys, "stdin", io.StringIO("yes\n"))
    assert main(["forget"]) == 0
    assert _files(user) == []


def test_forget_refuses_while_the_library_is_open(user: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    _fill(user)
    with Library.open():
        assert main(["forget", "--yes"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tailorfit: ") and "Close every Tailorfit window" in err
    assert "Traceback" not in err
    assert "data/library.sqlite3" in _files(user)


def test_forget_with_nothing_to_forget(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["forget", "--yes"]) == 0
    assert "no Tailorfit data of yours" in capsys.readouterr().out


# -- rank --------------------------------------------------------------------------------------
def test_rank_a_folder_best_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "postings"
    _sample_postings(folder, 14)  # above SERIAL_BELOW: the worker processes rank them
    (folder / "broken.txt").write_bytes(b"\x00\x01binary\xff" * 50)
    (folder / "notes.xlsx").write_bytes(b"not a posting")
    assert main(["rank", str(sample_resume()), str(folder), "--format", "json",
                 "--today", TODAY.isoformat()]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["schema"] == "tailorfit.rank/1"
    rows = data["postings"]
    assert len(rows) == 14
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    assert {r["title"] for r in rows} == {"Senior Backend Engineer"}
    harder = {f"posting-{n:02d}.txt" for n in range(0, 14, 4)}
    assert {Path(r["posting"]).name for r in rows[-len(harder):]} == harder
    assert [Path(s["posting"]).name for s in data["skipped"]] == ["broken.txt"]
    assert "skipped:" in captured.err and "broken.txt" in captured.err
    assert "Ranked" not in captured.err  # no progress line when stderr is not a terminal


def test_rank_text_with_top(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    postings = _sample_postings(tmp_path / "postings", 5)
    assert main(["rank", str(sample_resume()), str(postings[0].parent), "--top", "2"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].split()[:3] == ["#", "score", "must"]
    assert [line.split()[0] for line in lines[1:3]] == ["1", "2"]
    assert "Senior Backend Engineer (posting-" in lines[1]
    assert lines[3] == "(3 more not shown; --top 2 limits the list)"
    # "table", the format's old name, still works
    assert main(["rank", str(sample_resume()), str(postings[1]), "--format", "table"]) == 0


def test_rank_with_corpus_postings(corpus: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "mixed"
    _sample_postings(folder, 3)
    chosen = sorted((corpus / "postings").glob("*.txt"))[:4]
    if len(chosen) < 2:
        pytest.skip(f"fewer than two .txt postings in {corpus / 'postings'}")
    for path in chosen:
        (folder / path.name).write_bytes(path.read_bytes())
    assert main(["rank", str(sample_resume()), str(folder), "--format", "json",
                 "--today", TODAY.isoformat()]) == 0
    data = json.loads(capsys.readouterr().out)
    ranked = {Path(r["posting"]).name for r in data["postings"]}
    skipped = {Path(s["posting"]).name for s in data["skipped"]}
    assert ranked | skipped == {p.name for p in folder.iterdir()}
    assert {f"posting-{n:02d}.txt" for n in range(3)} <= ranked
    best = data["postings"][0]
    assert best["title"] == "Senior Backend Engineer"  # the resume was written for it


@pytest.mark.parametrize("problem, message", [
    ("missing", "'nowhere' does not exist. Check the folder or file name"),
    ("empty", "No posting files found"),
    ("unreadable", "None of the 1 posting file(s) could be ranked"),
    ("resume", "does-not-exist.docx"),
])
def test_rank_errors_exit_2_in_a_sentence(tmp_path: Path, problem: str, message: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    resume, folder = sample_resume(), tmp_path / "postings"
    folder.mkdir()
    if problem == "missing":
        folder = tmp_path / "nowhere"
    elif problem == "unreadable":
        (folder / "x.txt").write_bytes(b"\x00\x01binary\xff" * 50)
    elif problem == "resume":
        _sample_postings(folder, 1)
        resume = tmp_path / "does-not-exist.docx"
    assert main(["rank", str(resume), str(folder)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert message in captured.err and captured.err.startswith("tailorfit: ")
    assert "Traceback" not in captured.err


def test_rank_top_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["rank", str(sample_resume()), str(sample_posting()), "--top", "0"])
    assert caught.value.code == 2
    assert "must be 1 or more" in capsys.readouterr().err


# -- private sessions --------------------------------------------------------------------------
def test_every_start_starts_a_session(monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    calls: list[bool] = []
    real = paths.start_session

    def spy(*, private: bool = False) -> list[Path]:
        calls.append(private)
        return real(private=private)

    monkeypatch.setattr(paths, "start_session", spy)
    assert main(["parse", str(sample_posting())]) == 0
    assert calls == [False]


def test_gui_private_starts_a_private_session(user: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tailorfit.ui.app as app

    seen: dict[str, object] = {}

    def fake_run(options: app.GuiOptions) -> int:
        seen["private"] = options.private
        seen["mode"] = paths.mode()
        seen["data"] = paths.data_dir()
        (paths.data_dir() / "session.json").write_text("{}", encoding="utf-8")
        return 0

    monkeypatch.setattr(app, "run", fake_run)
    assert main(["gui", "--private"]) == 0
    root = paths.private_root()
    assert seen["private"] is True and seen["mode"] == "private"
    assert root is not None and Path(str(seen["data"])).is_relative_to(root)
    if os.name == "posix":
        assert root.stat().st_mode & 0o777 == 0o700
    assert not user.exists()  # nothing in the user's own folders
    paths.end_private()  # what the exit does
    assert not root.exists()


def test_gui_without_private_is_not_private(monkeypatch: pytest.MonkeyPatch) -> None:
    import tailorfit.ui.app as app

    modes: list[str] = []
    monkeypatch.setattr(app, "run", lambda options: modes.append(paths.mode()) or 0)
    assert main(["gui"]) == 0
    assert modes == ["home"]


@pytest.mark.slow
def test_a_private_window_leaves_nothing_behind(tmp_path: Path) -> None:
    """The real thing in its own process: the window opens offscreen in a private session,
    takes a screenshot and exits; its temp folder is gone and the user's folders untouched."""
    system_temp, home = tmp_path / "tmp", tmp_path / "user-home"
    system_temp.mkdir()
    env = {**os.environ, "TMPDIR": str(system_temp), "TEMP": str(system_temp),
           "TMP": str(system_temp), paths.HOME_ENV: str(home), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join([str(REPO / "desktop"),
                                          os.environ.get("PYTHONPATH", "")])}
    shot = tmp_path / "shot.png"
    done = subprocess.run([sys.executable, "-m", "tailorfit", "gui", "--private",
                           "--screenshot", str(shot), "--size", "800x600"],
                          env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert shot.is_file()  # the one file the user asked for
    assert list(system_temp.iterdir()) == []
    assert not home.exists()


# -- export --accept and suggest ---------------------------------------------------------------
def _suggestion(ident: str, kind: str, find: str, replace: str) -> dict[str, object]:
    document = read_document(sample_resume())
    index = next(i for i, b in enumerate(document.blocks) if find in b.text)
    before = document.blocks[index].text
    return {"id": ident, "kind": kind, "message": f"{kind} edit", "reason": "asked",
            "needs_confirmation": False, "score_delta": 1,
            "target": {"text": find, "block": index, "anchors": []},
            "before": before, "after": before.replace(find, replace, 1)}


def test_export_accepts_only_the_chosen_kinds(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    resume = tmp_path / "maya.docx"
    resume.write_bytes(sample_resume().read_bytes())
    edits = tmp_path / "edits.json"
    edits.write_text(json.dumps({"schema": "tailorfit.suggestions/1", "suggestions": [
        _suggestion("s1", "mirror", "REST APIs", "REST and gRPC APIs"),
        _suggestion("s2", "opener", "Mentored 4 engineers", "Coached 4 engineers")]}),
        encoding="utf-8")
    out = tmp_path / "tailored.docx"
    assert main(["export", str(sample_posting()), str(resume), "--out", str(out), "--apply",
                 str(edits), "--accept", "Mirror, ", "--today", TODAY.isoformat()]) == 0
    assert "1 suggestion(s) applied" in capsys.readouterr().out
    text = read_document(out).text
    assert "REST and gRPC APIs" in text
    assert "Mentored 4 engineers" in text and "Coached" not in text


def test_accept_without_an_edits_file_applies_this_engines_safe_kinds(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.core.test_suggest import POSTING, RESUME

    posting, resume = tmp_path / "posting.txt", tmp_path / "resume.txt"
    posting.write_text(POSTING, encoding="utf-8")
    resume.write_text(RESUME, encoding="utf-8")
    out = tmp_path / "tailored.docx"
    assert main(["export", str(posting), str(resume), "--out", str(out),
                 "--accept", "mirror,opener", "--today", TODAY.isoformat()]) == 0
    text = read_document(out).text
    # Two mirrors and an opener on one bullet are merged, not refused as stale.
    assert "Manage the payments API written in Go (Golang) on Kubernetes (K8s)" in text
    assert "Managed releases of the billing system" in text
    assert "Have you used" not in text and "Terraform" not in text  # questions never applied
    assert "[" not in text  # nor placeholders


def test_accept_with_an_unknown_kind_says_which(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "tailored.docx"
    assert main(["export", str(sample_posting()), str(sample_resume()), "--out", str(out),
                 "--accept", "mirrors"]) == 2
    err = capsys.readouterr().err
    assert "'mirrors' is not one" in err and err.startswith("tailorfit: ")
    assert not out.exists()
    with pytest.raises(SystemExit) as caught:
        main(["export", str(sample_posting()), str(sample_resume()), "--out", str(out),
              "--accept", " , "])
    assert caught.value.code == 2


def test_suggest_dispatches_to_its_module(monkeypatch: pytest.MonkeyPatch) -> None:
    if importlib.util.find_spec("tailorfit.cli_suggest") is None:
        pytest.skip("tailorfit.cli_suggest (the suggest command) is not there yet")
    import tailorfit.cli_suggest as cli_suggest

    calls: list[tuple[Path, Path, str]] = []
    monkeypatch.setattr(cli_suggest, "run_suggest",
                        lambda posting, resume, fmt: calls.append((posting, resume, fmt)) or 0)
    assert main(["suggest", str(sample_posting()), str(sample_resume()), "--format", "json"]) == 0
    assert calls == [(sample_posting(), sample_resume(), "json")]


def test_suggest_is_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "suggest" in out and "forget" in out and "rank" in out
