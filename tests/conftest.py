"""Shared fixtures: the evaluation corpus (optional), document builders, a fixed 'today'."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("TAILORFIT_CORPUS", REPO.parent / "shared" / "corpus"))
TODAY = date(2026, 11, 27)


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared evaluation corpus; tests using it skip when it is absent."""
    if not (CORPUS / "SOURCES.md").is_file():
        pytest.skip(f"evaluation corpus not found at {CORPUS} (it is not shipped with the repo)")
    return CORPUS


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory: pytest.TempPathFactory,
                  monkeypatch: pytest.MonkeyPatch) -> None:
    """No test writes the real user's folders: every start now creates them (owner-only)."""
    if "TAILORFIT_HOME" not in os.environ:
        monkeypatch.setenv("TAILORFIT_HOME", str(tmp_path_factory.mktemp("home")))
