"""Wording suggestions: proposed edits the user accepts or rejects one by one.

Deterministic and pure Python. Nothing is ever applied here; a suggestion that would add a
fact the resume does not hold (a skill, a number) needs the user's confirmation.

The engine loads on first use: the window imports :mod:`.model` while it starts, and the
matcher and lexicon load on the worker with the first analysis.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tailorfit.core.suggest.model import (
    SAFE_KINDS,
    SCHEMA,
    Change,
    Kind,
    Suggestion,
    suggestions_json,
)

if TYPE_CHECKING:
    from tailorfit.core.suggest.engine import suggest

__all__ = ["SAFE_KINDS", "SCHEMA", "Change", "Kind", "Suggestion", "suggest", "suggestions_json"]


def __getattr__(name: str) -> Any:
    if name == "suggest":
        from tailorfit.core.suggest.engine import suggest

        return suggest
    raise AttributeError(name)
