"""Suggestions chosen by kind, made ready for the export (``tailorfit export --accept``).

Only suggestions that need no confirmation and carry a change are taken. Several on one block
("Golang" and "K8s" in the same bullet) are merged into one, so each block is rewritten once
from its own text, whatever order they came in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from tailorfit.core.suggest.model import Kind, Suggestion

if TYPE_CHECKING:
    from tailorfit.core.export.suggestions import AcceptedSuggestion
    from tailorfit.core.model import Document


def unknown_kinds(kinds: Iterable[str]) -> list[str]:
    known = {kind.value for kind in Kind}
    return [k for k in kinds if k not in known]


def accepted_by_kind(suggestions: Sequence[Suggestion], kinds: Iterable[str],
                     document: Document) -> list[AcceptedSuggestion]:
    from tailorfit.core.export.suggestions import AcceptedSuggestion

    wanted = set(kinds)
    chosen = [s for s in suggestions if s.kind.value in wanted and not s.needs_confirmation
              and s.change is not None]
    found: list[AcceptedSuggestion] = []
    by_block: dict[int, list[Suggestion]] = {}
    for s in chosen:
        if s.before:
            by_block.setdefault(s.block, []).append(s)
        else:  # an insertion stands alone
            found.append(AcceptedSuggestion.from_json(s.to_json(document), s.id))
    for block, group in sorted(by_block.items()):
        first = group[0]
        data = first.to_json(document)
        data["after"] = _merged(document, block, group)
        data["id"] = "+".join(s.id for s in group)
        data["message"] = "; ".join(s.message for s in group)
        found.append(AcceptedSuggestion.from_json(data, data["id"]))
    return found


def _merged(document: Document, block: int, group: list[Suggestion]) -> str:
    """The block's words with every change applied, the last one first (offsets hold)."""
    base = document.block_start(block) + document.blocks[block].content_start
    text = group[0].before
    taken: list[tuple[int, int]] = []
    for s in sorted(group, key=lambda s: -(s.change.start if s.change else 0)):
        change = s.change
        assert change is not None
        start, end = change.start - base, change.end - base
        if any(start < b and a < end for a, b in taken) or not 0 <= start <= end <= len(text):
            continue  # two suggestions on the same words: the first one wins
        text = text[:start] + change.text + text[end:]
        taken.append((start, end))
    return text
