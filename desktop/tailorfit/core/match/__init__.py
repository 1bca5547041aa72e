"""Matching a resume against a posting: one verdict per requirement, a score, keywords.

The names below are loaded on first use (PEP 562): the window imports ``Status`` and the
result types at start, and the matcher (the lexicon code and its patterns) loads on the
worker with the first analysis.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tailorfit.core.match.result import Analysis, Status

if TYPE_CHECKING:
    from tailorfit.core.match.analysis import analyze, analyze_documents, clear_caches
    from tailorfit.core.match.profile import Profile

__all__ = ["Analysis", "Profile", "Status", "analyze", "analyze_documents", "clear_caches"]


def __getattr__(name: str) -> Any:
    if name in ("analyze", "analyze_documents", "clear_caches"):
        from tailorfit.core.match import analysis

        return getattr(analysis, name)
    if name == "Profile":
        from tailorfit.core.match.profile import Profile

        return Profile
    raise AttributeError(f"module 'tailorfit.core.match' has no attribute {name!r}")
