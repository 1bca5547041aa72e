"""The truth bank: answers kept per user, saved atomically, damaged files set aside, newer
files refused, nothing written in a private session, and "forget me" removes it."""

from __future__ import annotations

import json
import os
import stat
import tempfile
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tailorfit.core import paths
from tailorfit.core.privacy import describe, forget_me, planned
from tailorfit.core.truth import (
    SCHEMA,
    Answer,
    Fact,
    NewerTruthBankError,
    TruthBank,
    TruthBankError,
    default_path,
)

DAY = date(2026, 11, 27)


@pytest.fixture(autouse=True)
def clean_private() -> Iterator[None]:
    yield
    paths.end_private()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's folders (TAILORFIT_HOME) and the system temp folder, inside the test's."""
    folder = tmp_path / "home"
    monkeypatch.setenv(paths.HOME_ENV, str(folder))
    system_temp = tmp_path / "systemp"
    system_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    return folder


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_default_path_is_in_the_data_folder(home: Path) -> None:
    assert default_path() == home / "data" / "truth-bank.json"
    assert TruthBank.load().path == default_path()


def test_answers_round_trip_through_the_file(home: Path) -> None:
    bank = TruthBank.load()
    assert bank.facts() == [] and bank.warning is None
    bank.answer("kubernetes", "Kubernetes", Answer.YES, DAY)
    bank.answer("cobol", "COBOL", Answer.NO, date(2026, 1, 5))
    bank.answer("  Event  Storming ", "event storming", Answer.YES, DAY)
    bank.save()

    raw = json.loads(default_path().read_text(encoding="utf-8"))
    assert raw["schema"] == SCHEMA == "tailorfit.truth/1"
    assert {"key": "cobol", "name": "COBOL", "answer": "no", "when": "2026-01-05"} in raw["facts"]

    again = TruthBank.load()
    assert again.warning is None
    assert again.facts() == [
        Fact("cobol", "COBOL", Answer.NO, "2026-01-05"),
        Fact("event storming", "event storming", Answer.YES, "2026-11-27"),
        Fact("kubernetes", "Kubernetes", Answer.YES, "2026-11-27"),
    ]
    assert again.get("kubernetes") is Answer.YES
    assert again.get("Event Storming") is Answer.YES  # keys are normalised
    assert again.get("COBOL") is Answer.NO
    assert again.get("terraform") is None
    assert again.confirmed() == frozenset({"kubernetes", "event storming"})
    assert again.denied() == frozenset({"cobol"})


def test_a_new_answer_replaces_the_old_one_and_forget_drops_it(home: Path) -> None:
    bank = TruthBank.load()
    bank.answer("kubernetes", "Kubernetes", Answer.YES, DAY)
    bank.answer("kubernetes", "K8s", Answer.NO, date(2026, 12, 1))
    assert bank.facts() == [Fact("kubernetes", "K8s", Answer.NO, "2026-12-01")]
    bank.forget("Kubernetes")
    bank.forget("never answered")  # no error
    assert bank.facts() == [] and bank.get("kubernetes") is None
    with pytest.raises(ValueError):
        bank.answer("   ", "nothing", Answer.YES)


def test_answer_defaults_to_today() -> None:
    bank = TruthBank(None)
    bank.answer("go", "Go", Answer.YES)
    assert bank.facts()[0].when == date.today().isoformat()


def test_facts_are_sorted_by_name_ignoring_case() -> None:
    bank = TruthBank(None)
    for key, name in (("zsh", "zsh"), ("aws", "AWS"), ("bash", "Bash"), ("ansible", "ansible")):
        bank.answer(key, name, Answer.YES, DAY)
    assert [f.name for f in bank.facts()] == ["ansible", "AWS", "Bash", "zsh"]


def test_saving_is_atomic_and_leaves_no_temporary_files(home: Path) -> None:
    bank = TruthBank.load()
    for number in range(3):
        bank.answer(f"skill {number}", f"Skill {number}", Answer.YES, DAY)
        bank.save()
    assert _files(home) == ["data/truth-bank.json"]
    if os.name == "posix":
        assert stat.S_IMODE((home / "data").stat().st_mode) == 0o700
        assert stat.S_IMODE(default_path().stat().st_mode) == 0o600
    assert len(TruthBank.load().facts()) == 3


def test_a_failed_save_keeps_the_old_file_and_no_temporary_file(
        home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bank = TruthBank.load()
    bank.answer("kubernetes", "Kubernetes", Answer.YES, DAY)
    bank.save()
    before = default_path().read_bytes()

    def full_disk(_src: object, _dst: object) -> None:
        raise OSError(28, "No space left on device")

    bank.answer("cobol", "COBOL", Answer.NO, DAY)
    with monkeypatch.context() as patch, pytest.raises(TruthBankError) as raised:
        patch.setattr(paths.os, "replace", full_disk)  # the atomic writer truth uses
        bank.save()
    assert "could not be saved" in str(raised.value) and "no space left" in str(raised.value)
    assert default_path().read_bytes() == before
    assert _files(home) == ["data/truth-bank.json"]
    assert bank.get("cobol") is Answer.NO  # nothing lost in memory: saving can be retried
    bank.save()
    assert TruthBank.load().get("cobol") is Answer.NO


@pytest.mark.parametrize("content", [
    "{not json",
    "[1, 2, 3]",
    '{"schema": "something/else", "facts": []}',
    '{"schema": "tailorfit.truth/1", "facts": {}}',
    '{"schema": "tailorfit.truth/1", "facts": [{"key": "go", "name": "Go", "answer": "maybe",'
    ' "when": "2026-11-27"}]}',
    '{"schema": "tailorfit.truth/1", "facts": [{"key": "go", "name": "Go", "answer": "yes",'
    ' "when": "yesterday"}]}',
    '{"schema": "tailorfit.truth/1", "facts": [{"key": "go", "answer": "yes"}]}',
])
def test_a_damaged_file_is_set_aside_and_the_bank_starts_empty(home: Path, content: str) -> None:
    default_path().parent.mkdir(parents=True)
    default_path().write_text(content, encoding="utf-8")
    bank = TruthBank.load()
    assert bank.facts() == []
    assert bank.warning is not None
    aside = list(default_path().parent.glob("truth-bank.json.corrupt-*"))
    assert len(aside) == 1
    assert aside[0].read_text(encoding="utf-8") == content  # nothing of the user's is lost
    assert not default_path().exists()
    assert aside[0].name in bank.warning and "asked about again" in bank.warning
    bank.answer("go", "Go", Answer.YES, DAY)
    bank.save()
    assert TruthBank.load().get("go") is Answer.YES


def test_set_aside_files_do_not_overwrite_each_other(home: Path) -> None:
    default_path().parent.mkdir(parents=True)
    for content in ("first damage", "second damage"):
        default_path().write_text(content, encoding="utf-8")
        assert TruthBank.load().warning is not None
    kept = sorted(p.read_text(encoding="utf-8")
                  for p in default_path().parent.glob("truth-bank.json.corrupt-*"))
    assert kept == ["first damage", "second damage"]


def test_a_damaged_file_that_cannot_be_moved_is_never_overwritten(
        home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    default_path().parent.mkdir(parents=True)
    default_path().write_text("{damaged", encoding="utf-8")

    def refuse(self: Path, target: object) -> Path:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "replace", refuse)
    bank = TruthBank.load()
    assert bank.warning is not None and "not overwritten" in bank.warning
    bank.answer("go", "Go", Answer.YES, DAY)
    with pytest.raises(TruthBankError):
        bank.save()
    assert default_path().read_text(encoding="utf-8") == "{damaged"


def test_a_newer_file_is_refused_not_overwritten(home: Path) -> None:
    default_path().parent.mkdir(parents=True)
    newer = json.dumps({"schema": "tailorfit.truth/2", "facts": [], "people": ["x"]})
    default_path().write_text(newer, encoding="utf-8")
    with pytest.raises(NewerTruthBankError) as raised:
        TruthBank.load()
    message = str(raised.value)
    assert "newer version of Tailorfit" in message and "Update Tailorfit" in message
    assert raised.value.path == default_path()
    assert default_path().read_text(encoding="utf-8") == newer
    assert _files(home) == ["data/truth-bank.json"]


def test_saving_refuses_a_newer_file_written_in_the_meantime(home: Path) -> None:
    bank = TruthBank.load()
    bank.answer("go", "Go", Answer.YES, DAY)
    bank.save()
    newer = json.dumps({"schema": "tailorfit.truth/3", "facts": []})
    default_path().write_text(newer, encoding="utf-8")
    with pytest.raises(NewerTruthBankError):
        bank.save()
    assert default_path().read_text(encoding="utf-8") == newer


def test_a_private_session_keeps_answers_in_memory_and_writes_nothing(home: Path) -> None:
    bank = TruthBank.load()
    bank.answer("cobol", "COBOL", Answer.NO, DAY)
    bank.save()
    saved = default_path().read_bytes()
    system_temp = Path(tempfile.gettempdir())
    with paths.private_session() as root:
        private = TruthBank.load()
        assert private.path is None
        assert private.facts() == []  # the private folder holds no bank
        private.answer("kubernetes", "Kubernetes", Answer.YES, DAY)
        private.save()
        assert private.get("kubernetes") is Answer.YES
        assert not [p for p in root.rglob("*") if "truth" in p.name]
        assert not [p for p in system_temp.rglob("*") if "truth" in p.name]
    assert default_path().read_bytes() == saved
    assert _files(home) == ["data/truth-bank.json"]


def test_forget_me_removes_the_truth_bank(home: Path) -> None:
    bank = TruthBank.load()
    bank.answer("kubernetes", "Kubernetes", Answer.YES, DAY)
    bank.save()
    (default_path().parent / "truth-bank.json.corrupt-20261127-101500").write_text("old")
    items = planned()
    truth_items = [item for item in items if item.what == "the truth bank"]
    assert len(truth_items) == 1 and default_path() in truth_items[0].paths
    assert len(truth_items[0].paths) == 2  # the set-aside copy goes with it
    removed = forget_me()
    assert "the truth bank" in describe(removed)
    assert not default_path().exists()
    assert not list(home.rglob("*truth*"))
    assert TruthBank.load().facts() == []


def test_one_writer_and_readers_on_other_threads(home: Path) -> None:
    bank = TruthBank.load()
    errors: list[BaseException] = []

    def write(start: int) -> None:
        try:
            for number in range(start, start + 50):
                bank.answer(f"skill {number}", f"Skill {number}", Answer.YES, DAY)
                bank.confirmed()
                bank.facts()
            bank.save()
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(n * 50,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    bank.save()
    assert len(TruthBank.load().facts()) == 200
    assert _files(home) == ["data/truth-bank.json"]
