"""All suggestions for one analysis, deterministic and ordered by how much each would help."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from tailorfit.core.lexicon import Lexicon, load_lexicon
from tailorfit.core.match.result import Analysis
from tailorfit.core.suggest.ask import ask_suggestions
from tailorfit.core.suggest.context import Context
from tailorfit.core.suggest.mirror import mirror_suggestions
from tailorfit.core.suggest.model import Kind, Suggestion
from tailorfit.core.suggest.naming import naming_suggestions
from tailorfit.core.suggest.openers import opener_suggestions
from tailorfit.core.suggest.quantify import quantify_suggestions
from tailorfit.core.suggest.style import style_suggestions
from tailorfit.core.suggest.summary import summary_suggestions

_RULES: tuple[Callable[[Context], Iterator[Suggestion]], ...] = (
    mirror_suggestions, naming_suggestions, ask_suggestions, opener_suggestions,
    quantify_suggestions, style_suggestions, summary_suggestions,
)
_KIND_ORDER = {kind: n for n, kind in enumerate(Kind)}


def suggest(analysis: Analysis, *, lexicon: Lexicon | None = None,
            confirmed: Iterable[str] = (), denied: Iterable[str] = ()) -> tuple[Suggestion, ...]:
    """Every suggestion for the analysed resume, most helpful first.

    ``confirmed``/``denied`` are the truth bank's answers (lexicon ids): a denied skill is
    never asked about again; a confirmed one is offered as an addition.
    """
    ctx = Context(analysis, lexicon or load_lexicon(), frozenset(confirmed), frozenset(denied))
    found: dict[str, Suggestion] = {}
    for rule in _RULES:
        for suggestion in rule(ctx):
            found.setdefault(suggestion.id, suggestion)
    return tuple(sorted(_one_rewrite_per_line(list(found.values())), key=_order))


def _one_rewrite_per_line(found: list[Suggestion]) -> list[Suggestion]:
    """A bullet that gets a rewrite does not also get a number prompt or a trim note: each
    would quote the text the other changes."""
    rewritten = {s.block for s in found if s.change is not None and s.before
                 and s.kind not in (Kind.QUANTIFY, Kind.STYLE)}
    prompted = {s.block for s in found if s.kind is Kind.QUANTIFY and s.block not in rewritten}
    return [s for s in found
            if not (s.kind is Kind.QUANTIFY and s.block in rewritten)
            and not (s.rule == "long-bullet" and (s.block in rewritten or s.block in prompted))]


def _order(s: Suggestion) -> tuple[int, int, bool, int, int]:
    """Score gain first, then the kinds in panel order, facts before questions, then position."""
    return (-s.score_delta, _KIND_ORDER[s.kind], s.needs_confirmation, s.block, s.target_start)
