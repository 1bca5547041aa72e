"""Batch ranking on every core: the same rows as one core, in order, with progress and cancel."""

from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path

import pytest

from tailorfit.core import rank
from tailorfit.core.errors import ReadError
from tailorfit.core.rank import RankRow, Skipped, best_first, rank_postings
from tailorfit.core.readers import read_document
from tailorfit.core.resources import sample_posting, sample_resume
from tests.conftest import TODAY

_EXTRA = ("Hybrid work is possible.", "Relocation support is offered.",
          "The team sits in two time zones.")


@pytest.fixture(scope="module")
def postings(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """40 distinct postings (the sample with small changes), one unreadable, one empty."""
    folder = tmp_path_factory.mktemp("postings")
    text = read_document(sample_posting()).text
    made = []
    for number in range(40):
        path = folder / f"posting-{number:02d}.txt"
        body = text if number % 4 else text.replace("6+ years", "12+ years").replace(
            "Strong proficiency in Go (Golang) or Java", "Strong proficiency in COBOL and Fortran")
        path.write_text(f"Ref {number}\n{body}\n{_EXTRA[number % 3]}\n", encoding="utf-8")
        made.append(path)
    (folder / "posting-07.txt").write_bytes(b"\x00\x01binary\xff" * 50)
    (folder / "posting-21.txt").write_text("   \n", encoding="utf-8")
    return made


@pytest.fixture(scope="module")
def serial(postings: list[Path]) -> list[rank.RankResult]:
    return list(rank_postings(sample_resume(), postings, today=TODAY, workers=1))


def test_every_posting_gets_a_result_in_input_order(serial: list[rank.RankResult],
                                                    postings: list[Path]) -> None:
    assert [r.index for r in serial] == list(range(len(postings)))
    assert [r.path for r in serial] == postings
    skipped = [r for r in serial if isinstance(r, Skipped)]
    assert [s.index for s in skipped] == [7, 21]
    assert all(s.message.endswith(".") and "posting-" in s.message for s in skipped)
    rows = [r for r in serial if isinstance(r, RankRow)]
    assert {r.title for r in rows} == {"Senior Backend Engineer"}
    assert len({r.score for r in rows}) == 2  # the harder variants score lower


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_worker_processes_give_the_same_rows(serial: list[rank.RankResult],
                                             postings: list[Path], method: str) -> None:
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} here")
    seen: list[tuple[int, int]] = []
    parallel = list(rank_postings(sample_resume(), postings, today=TODAY, workers=2,
                                  method=method, progress=lambda d, t: seen.append((d, t))))
    assert parallel == serial
    assert seen == [(n, len(postings)) for n in range(1, len(postings) + 1)]


def test_rows_match_the_command_lines_json(serial: list[rank.RankResult]) -> None:
    row = next(r for r in serial if isinstance(r, RankRow))
    assert set(row.to_json()) == {"posting", "title", "company", "score", "must_missing", "met",
                                  "partial", "missing", "requirements"}
    assert row.met + row.partial + row.missing == row.requirements


def test_best_first(serial: list[rank.RankResult]) -> None:
    rows = best_first([r for r in serial if isinstance(r, RankRow)])
    keys = [(-r.score, r.must_missing, r.index) for r in rows]
    assert keys == sorted(keys)


def test_cancel_stops_the_batch_and_its_workers(postings: list[Path]) -> None:
    cancel = threading.Event()
    got = []
    for result in rank_postings(sample_resume(), postings * 5, workers=2, cancel=cancel):
        got.append(result)
        if len(got) == 10:
            cancel.set()
    assert len(got) == 10
    assert [r.index for r in got] == list(range(len(got)))
    assert multiprocessing.active_children() == []  # the workers were stopped


def test_leaving_the_loop_early_stops_the_workers(postings: list[Path]) -> None:
    results = rank_postings(sample_resume(), postings, workers=2)
    first = next(results)
    assert first.index == 0
    results.close()
    assert multiprocessing.active_children() == []


def test_cancel_from_another_thread(postings: list[Path]) -> None:
    cancel = threading.Event()
    got: list[rank.RankResult] = []

    def consume() -> None:
        for result in rank_postings(sample_resume(), postings * 20, workers=2, cancel=cancel):
            got.append(result)

    worker = threading.Thread(target=consume)
    worker.start()
    while not got:
        worker.join(0.01)
    cancel.set()
    worker.join(5)
    assert not worker.is_alive()
    assert len(got) < len(postings) * 20


def test_a_bad_resume_fails_at_once(tmp_path: Path, postings: list[Path]) -> None:
    missing = tmp_path / "nope.docx"
    with pytest.raises(ReadError):
        rank_postings(missing, postings)


def test_small_batches_stay_in_this_process(monkeypatch: pytest.MonkeyPatch,
                                            postings: list[Path]) -> None:
    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pool was started for a small batch")

    monkeypatch.setattr(rank, "_start_pool", no_pool)
    assert len(list(rank_postings(sample_resume(), postings[:rank.SERIAL_BELOW - 1],
                                  workers=2))) == rank.SERIAL_BELOW - 1


def test_a_resume_given_as_a_document(postings: list[Path]) -> None:
    document = read_document(sample_resume())
    results = list(rank_postings(document, postings[:20], today=TODAY, workers=2,
                                 method="spawn"))
    assert len(results) == 20 and isinstance(results[0], RankRow)


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_a_worker_that_dies_ends_the_batch_with_a_message(monkeypatch: pytest.MonkeyPatch,
                                                          postings: list[Path]) -> None:
    import os

    real = rank._rank_one

    def crash_on_30(index: int, *args: object) -> rank.RankResult:
        if index == 30:
            os._exit(70)  # as a segfault in a reader would
        return real(index, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(rank, "_rank_one", crash_on_30)  # forked workers inherit it
    got: list[rank.RankResult] = []
    with pytest.raises(rank.WorkerCrashError) as caught:
        got.extend(rank_postings(sample_resume(), postings, workers=2, method="fork"))
    assert len(got) <= 30
    assert "posting-" in caught.value.message and "Move that file" in caught.value.message
    assert multiprocessing.active_children() == []


def test_a_folder_stands_for_its_posting_files(tmp_path: Path) -> None:
    from tailorfit.core.errors import UsageError

    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.PDF").write_bytes(b"%PDF")
    (tmp_path / "notes.xlsx").write_bytes(b"x")
    (tmp_path / "sub").mkdir()
    loose = tmp_path / "sub" / "c.docx"
    assert rank.posting_files([tmp_path, loose]) == [tmp_path / "a.PDF", tmp_path / "b.txt",
                                                     loose]
    with pytest.raises(UsageError, match="No posting files found"):
        rank.posting_files([tmp_path / "sub"])


def test_the_same_rows_as_tailorfit_rank(postings: list[Path], serial: list[rank.RankResult],
                                        capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from tailorfit.cli import main

    assert main(["rank", str(sample_resume()), str(postings[0].parent), "--format", "json",
                 "--today", TODAY.isoformat()]) == 0
    printed = json.loads(capsys.readouterr().out)["postings"]
    assert printed == [r.to_json() for r in best_first(
        [r for r in serial if isinstance(r, RankRow)])]


def test_brief_analysis_scores_exactly_like_the_full_one() -> None:
    """Ranking skips what only a person reads; the verdicts and score must not change."""
    from tailorfit.core.match import analyze
    from tailorfit.core.parse.posting import parse_posting
    from tailorfit.core.parse.resume import parse_resume
    from tailorfit.core.readers import read_document
    from tailorfit.core.resources import sample_posting, sample_resume

    posting = parse_posting(read_document(sample_posting()))
    resume = parse_resume(read_document(sample_resume()))
    full, brief = analyze(posting, resume), analyze(posting, resume, brief=True)
    assert (brief.score, brief.must_missing) == (full.score, full.must_missing)
    assert [(v.status, v.rule) for v in brief.verdicts] == \
        [(v.status, v.rule) for v in full.verdicts]
    assert brief.keywords == () and full.keywords
    assert any(v.related for v in full.verdicts) and not any(v.related for v in brief.verdicts)
