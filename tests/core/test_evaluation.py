"""The engine against the hand-labelled cases: a regression guard on the reported figures."""

from __future__ import annotations

import pytest

from tailorfit.core.evaluate import evaluate
from tests.conftest import REPO

pytestmark = pytest.mark.corpus


def test_labelled_cases_hold_their_figures(corpus) -> None:  # type: ignore[no-untyped-def]
    totals = evaluate(REPO / "benchmarks" / "cases")
    overall = totals.overall()
    assert overall["labels"] >= 180 and len(totals.by_domain()) >= 5
    # Floors a little under today's figures (99% / 76% / 2.6%), so a regression fails here.
    assert overall["recall"] >= 0.95
    assert overall["agreement"] >= 0.72
    assert overall["severe"] <= 0.03
