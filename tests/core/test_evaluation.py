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
    # The targets; today's figures are 99.0% / 85.9% / 2.1%.
    assert overall["recall"] >= 0.95
    assert overall["agreement"] >= 0.85
    assert overall["severe"] <= 0.03
