"""Recognising section headings by their words and their look."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from tailorfit.core.model import Block, BlockKind

K = TypeVar("K")

# Words that may fill a heading around its cue without making it a sentence.
_FILLER = re.compile(r"\b(?:the|and|our|your|of|for|this|to|a|an|in|with|job|role|position|key|"
                     r"core|main|additional|general|other|my|it|here|us|at|is|are|we|you|will|be|"
                     r"professional|relevant|selected|recent|career|work|areas)\b|[/&,:\-!?.#*|()]",
                     re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class HeadingMatch(Generic[K]):
    """A heading's kind and how much of its text the cue words cover (0 to 1)."""

    kind: K
    coverage: float


def classify_heading(text: str, cues: Sequence[tuple[K, re.Pattern[str]]]) -> HeadingMatch[K] | None:
    """The first kind whose cue occurs in ``text``, with the share of text cues cover."""
    lowered = text.lower().strip()
    if not lowered:
        return None
    kind: K | None = None
    covered = [False] * len(lowered)
    for cue_kind, pattern in cues:
        for match in pattern.finditer(lowered):
            if kind is None:
                kind = cue_kind
            for i in range(match.start(), match.end()):
                covered[i] = True
    if kind is None:
        return None
    for match in _FILLER.finditer(lowered):
        for i in range(match.start(), match.end()):
            covered[i] = True
    letters = [i for i, c in enumerate(lowered) if not c.isspace()]
    share = sum(1 for i in letters if covered[i]) / max(len(letters), 1)
    return HeadingMatch(kind, share)


def looks_like_heading(block: Block, text: str) -> bool:
    """Short and set apart: a heading style, bold, capitals or a trailing colon."""
    words = text.split()
    if not words or len(words) > 9 or len(text) > 80:
        return False
    if block.kind is BlockKind.HEADING:
        return True
    if text.endswith(":"):
        return True
    if text[-1] in ".,;" or block.kind is BlockKind.LIST_ITEM:
        return False
    return block.style.bold or block.style.all_caps or (block.style.heading_level > 0)
