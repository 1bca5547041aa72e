"""Shared workstations: private sessions leave nothing, "forget me" removes everything, and
nothing ever touches the network."""

from __future__ import annotations

import json
import socket
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tailorfit.core import paths
from tailorfit.core.library import Library, NewApplication, read_archive
from tailorfit.core.privacy import ForgetError, describe, forget_command, forget_me, planned
from tailorfit.core.resources import sample_posting, sample_resume


@pytest.fixture(autouse=True)
def clean_private() -> Iterator[None]:
    yield
    paths.end_private()


@pytest.fixture
def user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user's folders (TAILORFIT_HOME) and a system temp folder, both inside the test's."""
    home = tmp_path / "home"
    monkeypatch.setenv(paths.HOME_ENV, str(home))
    system_temp = tmp_path / "systemp"
    system_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    return home


def _snapshot(*folders: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``folders`` with its size and modification time."""
    found: dict[str, tuple[int, int]] = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            info = path.stat()
            found[str(path)] = (info.st_size if path.is_file() else -1, info.st_mtime_ns)
    return found


def _work_through_the_core(exported: Path) -> None:
    """What a session does: read, analyse, rank, and use the library (and export once)."""
    from tailorfit.core.match import analyze_documents
    from tailorfit.core.rank import rank_postings
    from tailorfit.core.readers import read_document

    posting, resume = read_document(sample_posting()), read_document(sample_resume())
    analysis = analyze_documents(posting, resume)
    assert analysis.score > 0
    assert len(list(rank_postings(sample_resume(), [sample_posting()] * 3))) == 3
    with Library.open() as library:
        base = library.add_base_resume("Maya", resume.text)
        work = library.create_application(NewApplication(posting.text, "sample.docx",
                                                         base_resume_id=base.id))
        library.save_work(work.version.id, resume_text=resume.text + "\nGo", accepted_edits=[],
                          decisions={}, score=analysis.score)
        library.export_archive(exported)
    from tailorfit.ui.settings import Settings, save_settings

    settings = Settings()
    settings.add_recent("resume", sample_resume())
    save_settings(settings)


def test_a_private_session_writes_nothing_but_the_users_exports(user: Path,
                                                                tmp_path: Path) -> None:
    # The user has used Tailorfit before on this computer.
    with Library.open() as library:
        library.create_application(NewApplication("An earlier posting", company="Earlier"))
    (user / "config").mkdir(mode=0o700)
    (user / "config" / "settings.json").write_text('{"theme": "dark"}', encoding="utf-8")
    system_temp = Path(tempfile.gettempdir())
    exports = tmp_path / "exports"
    exports.mkdir()
    before = _snapshot(user, system_temp, exports)

    with paths.private_session() as root:
        _work_through_the_core(exports / "library.tailorfit")
        assert (root / "data" / "library.sqlite3").exists()
        assert (root / "config" / "settings.json").exists()

    after = _snapshot(user, system_temp, exports)
    assert {k: v for k, v in after.items() if not k.startswith(str(exports))} == {
        k: v for k, v in before.items() if not k.startswith(str(exports))}
    assert sorted(set(after) - set(before)) == [str(exports / "library.tailorfit")]
    assert not root.exists()
    assert len(read_archive(exports / "library.tailorfit").applications) == 1
    with Library.open() as library:  # the user's own library is as it was
        assert [s.company for s in library.list_applications()] == ["Earlier"]


def _a_used_install(user: Path) -> None:
    with Library.open() as library:
        library.add_base_resume("Main", "text")
        library.create_application(NewApplication("Posting", company="Acme"))
        library.create_application(NewApplication("Posting 2", company="Beta"))
    with Library.open(today=date(2000, 1, 1)):
        pass  # takes a backup
    from tailorfit.ui.settings import Settings, save_settings

    settings = Settings()
    settings.add_recent("posting", Path("/somewhere/acme.docx"))
    save_settings(settings)
    data = user / "data"
    (data / "session.json").write_text("{}", encoding="utf-8")
    (data / "pasted").mkdir()
    (data / "pasted" / "posting.txt").write_text("pasted", encoding="utf-8")
    (data / "truth_bank.json").write_text(json.dumps({"facts": ["led a team of 5"]}),
                                          encoding="utf-8")
    paths.ensure_dir(user / "cache")
    (user / "cache" / "thumbnails.bin").write_bytes(b"x")


def test_forget_me_removes_everything_and_says_what(user: Path) -> None:
    _a_used_install(user)
    before = planned()
    removed = forget_me()
    assert [r.what for r in removed] == [r.what for r in before]
    text = describe(removed)
    for words in ("your settings and the lists of recent files", "the working session",
                  "pasted postings", "the applications library (2 applications, 1 base resume)",
                  "the library's backups", "the truth bank", "cached data"):
        assert words in text, words
    assert not (user / "config").exists()
    assert not (user / "data").exists()
    assert not (user / "cache").exists()
    assert forget_me() == []
    assert describe([]) == "There was no Tailorfit data of yours on this computer."


def test_the_forget_command_asks_first(user: Path) -> None:
    _a_used_install(user)
    said: list[str] = []
    assert forget_command(False, ask=lambda prompt: "no", say=said.append) == 1
    assert said[0] == "This deletes from this computer:"
    assert "  - the truth bank" in said
    assert said[-1].startswith("Nothing was deleted.")
    assert (user / "data" / "library.sqlite3").exists()

    def no_terminal(prompt: str) -> str:
        raise EOFError

    assert forget_command(False, ask=no_terminal, say=said.append) == 1
    assert (user / "data" / "library.sqlite3").exists()
    said.clear()
    assert forget_command(False, ask=lambda prompt: "yes", say=said.append) == 0
    assert said[-1].startswith("Removed ") and not (user / "data").exists()
    _a_used_install(user)
    assert forget_command(True, ask=no_terminal, say=said.append) == 0
    assert not (user / "data").exists()
    said.clear()
    assert forget_command(True, say=said.append) == 0
    assert said == ["There was no Tailorfit data of yours on this computer."]


def test_forget_me_waits_for_other_windows(user: Path) -> None:
    _a_used_install(user)
    with Library.open(), pytest.raises(ForgetError, match="open in another window"):
        forget_me()
    assert (user / "data" / "library.sqlite3").exists()


def test_forget_me_during_a_private_session_cleans_the_real_folders(user: Path) -> None:
    _a_used_install(user)
    with paths.private_session():
        forget_me()
    assert not (user / "data").exists()


def test_forget_me_never_deletes_a_home_folder(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path))
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path / "data"))
    with pytest.raises(ForgetError, match="nothing was deleted"):
        forget_me()


class _NoNetwork(socket.socket):
    def __init__(self, *args: object, **kwargs: object) -> None:
        raise AssertionError("Tailorfit tried to open a network socket")


def test_the_main_flows_never_touch_the_network(user: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("Tailorfit tried to reach the network")

    monkeypatch.setattr(socket, "socket", _NoNetwork)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    from tailorfit.core.parse.posting import parse_posting
    from tailorfit.core.parse.resume import parse_resume
    from tailorfit.core.rank import RankRow, rank_postings
    from tailorfit.core.readers import read_document

    posting = read_document(sample_posting())
    assert parse_posting(posting).requirements
    assert parse_resume(read_document(sample_resume())).roles
    _work_through_the_core(tmp_path / "moved.tailorfit")
    # A batch large enough to run on worker processes (they inherit the blocked sockets).
    postings = []
    for number in range(30):
        path = tmp_path / f"posting-{number}.txt"
        path.write_text(f"Ref {number}\n{posting.text}", encoding="utf-8")
        postings.append(path)
    results = list(rank_postings(sample_resume(), postings, workers=2))
    assert all(isinstance(r, RankRow) for r in results) and len(results) == 30
    with Library.open() as library:
        report = library.import_archive(read_archive(tmp_path / "moved.tailorfit"))
        assert report.unchanged == 1
    assert forget_me()
