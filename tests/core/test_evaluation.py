"""The engine against the hand-labelled cases: a regression guard on the reported figures.

`benchmarks/cases` is the tuned set; `benchmarks/cases_holdout` is the first frozen split
(labelled blind; its errors later guided general fixes); `benchmarks/cases_fresh` the second
and `benchmarks/cases_fresh2` the third, whose pairs nobody looked at (only their aggregate
rows, after each change). All are guarded, so a change that helps one set by hurting another
shows up here; the fresh splits' floors are their first runs or, where later rules improved
them, the later figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tailorfit.core.evaluate import evaluate, match_label, read_reference
from tests.conftest import REPO

pytestmark = pytest.mark.corpus


def test_tuned_cases_hold_their_figures(corpus: Path) -> None:
    totals = evaluate(REPO / "benchmarks" / "cases")
    overall = totals.overall()
    assert overall["labels"] >= 400 and len(totals.by_domain()) >= 12
    assert overall["recall"] >= 0.97
    assert overall["precision"] >= 0.93  # 92.9% until company prose stopped being asked
    # 77.2% before "desired, but not required" lines were read as nice-to-haves: three more
    # labels extracted (recall 97.3 -> 97.9%), all three judged otherwise than labelled.
    # 77.8% since a noun of an evidence verb's stem ("managers" for "managed") stopped showing
    # a skill: two labels that had been partial by that accident (held-out and fresh rose).
    # 79.6% since core finance processes, loose verb-led forms and 'closed sales' (2026-12-04).
    assert overall["agreement"] >= 0.79
    assert overall["severe"] <= 0.02  # 1.9% since 2026-12-04 evening; 2.1% before


def test_held_out_cases_hold_their_figures(corpus: Path) -> None:
    totals = evaluate(REPO / "benchmarks" / "cases_holdout")
    overall = totals.overall()
    assert overall["cases"] >= 20 and overall["labels"] >= 200
    # Last run of issue 8 (benchmarks/cases_holdout/last-run.txt), after fixing bug classes
    # its errors exposed; the first run (first-run.txt) was 73.2 / 67.8 / 56.0 / 13.3%.
    assert overall["recall"] >= 0.975
    assert overall["precision"] >= 0.965
    assert overall["agreement"] >= 0.815  # 82.1% at the end of 2026-12-04 (79.1% before)
    assert overall["severe"] <= 0.025  # 2.0% (4.5% before the evening of 2026-12-04)


def test_fresh_cases_hold_their_first_run(corpus: Path) -> None:
    """The second frozen split (benchmarks/cases_fresh): first run 70.4 / 61.9 / 52.6 / 12.3%."""
    totals = evaluate(REPO / "benchmarks" / "cases_fresh")
    overall = totals.overall()
    assert overall["cases"] == 10 and overall["labels"] >= 80
    # Flattened ads read better (round bullets touching their words, headings inside a line
    # and without a colon, sentences about the candidate after the duties): recall 70.4 ->
    # 79.0%, precision 73.2 -> 77.3%.
    assert overall["recall"] >= 0.78
    assert overall["precision"] >= 0.77
    # First run 52.6%. Agreement is counted over extracted labels: of the seven labels the
    # better reading found, three agree, so it fell to 51.6% (33 of 64 agree, was 30 of 57).
    assert overall["agreement"] >= 0.51
    assert overall["severe"] <= 0.08  # first run 12.3%


def test_third_fresh_split_holds_its_first_run(corpus: Path) -> None:
    """The third frozen split (benchmarks/cases_fresh2): SkillSpan test-split ads, labelled
    blind; first run 87.5 / 79.2 / 60.2 / 12.2% (first-run.txt)."""
    totals = evaluate(REPO / "benchmarks" / "cases_fresh2")
    overall = totals.overall()
    assert overall["cases"] == 10 and overall["labels"] >= 110
    assert overall["recall"] >= 0.90
    # 79.8% until flattened ads read better; 83.8% until a sentence opening with
    # "<ORGANIZATION>" was read as the company speaking
    assert overall["precision"] >= 0.84
    # 61.2% until Windows-1252 quotes were repaired in reading: three more labels extracted
    # (recall 87.5 -> 90.2%), and the split's agreement, counted over extracted labels, fell
    # to 58.4% (one verdict fewer agrees; the pairs stay unread).
    assert overall["agreement"] >= 0.60  # 61.4% since evidence verbs count in their own forms
    # 9.9% until certificates counted only when stated (README verdict rules): one more label
    # agrees and one more is severe (a line labelled met, judged missing; the pairs stay unread).
    assert overall["severe"] <= 0.11  # first run 12.2%


def test_labelled_set_spans_occupations(corpus: Path) -> None:
    tuned = evaluate(REPO / "benchmarks" / "cases")
    held = evaluate(REPO / "benchmarks" / "cases_holdout")
    domains = set(tuned.by_domain()) | set(held.by_domain())
    assert len(tuned.cases) + len(held.cases) >= 60
    assert tuned.overall()["labels"] + held.overall()["labels"] >= 500
    assert {"healthcare", "trades", "teaching", "finance", "sales", "public_sector", "design",
            "logistics"} <= domains


def test_references_into_labelled_data_sets(corpus: Path) -> None:
    case = REPO / "benchmarks" / "cases" / "x.json"
    skillspan = read_reference(
        "../shared/corpus/labeled/skillspan/skillspan_test_postings_with_gold.jsonl#house-54", case)
    assert "Marine Field Service Engineers" in skillspan.text
    indeed = read_reference(
        "../shared/corpus/labeled/indeed-hackerrank-requirement-tags/sample_train.tsv#row-1", case)
    assert "North Dakota Regional Technical Sales Representative" in indeed.text
    dev = read_reference("../shared/corpus/labeled/skillspan/skillspan_dev.json#house-41", case)
    assert dev.text.splitlines()[0].startswith("The <ORGANIZATION>")
    assert "Climate and Sustainable Development" in dev.text.splitlines()[0]
    assert "Qualifications" in dev.text.splitlines()


def test_precision_counts_requirements_nobody_labelled(corpus: Path) -> None:
    """A case whose posting has no requirements makes every listed line unlabelled."""
    totals = evaluate(REPO / "benchmarks" / "cases")
    for result in totals.cases:
        assert 0 <= result.unlabelled <= result.extracted
    assert match_label("Five years of Go", []) is None
