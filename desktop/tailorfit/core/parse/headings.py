"""Recognising section headings by their words and their look."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from rapidfuzz.distance import OSA

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


_CACHE: dict[tuple[int, str], object] = {}


def classify_heading(text: str, cues: Sequence[tuple[K, re.Pattern[str]]]) -> HeadingMatch[K] | None:
    """The first kind whose cue occurs in ``text``, with the share of text cues cover."""
    key = (id(cues), text)
    if key in _CACHE:
        return _CACHE[key]  # type: ignore[return-value]
    found = _classify(text, cues)
    if len(_CACHE) > 20_000:
        _CACHE.clear()
    _CACHE[key] = found
    return found


def clear_cache() -> None:
    """Forget cached heading guesses."""
    _CACHE.clear()


def _classify(text: str, cues: Sequence[tuple[K, re.Pattern[str]]]) -> HeadingMatch[K] | None:
    lowered = text.lower().strip()
    if not lowered:
        return None
    kind: K | None = None
    spans: list[tuple[int, int]] = []
    for cue_kind, pattern in cues:
        for match in pattern.finditer(lowered):
            if kind is None:
                kind = cue_kind
            spans.append(match.span())
    if kind is None:
        fixed = _respell(lowered)
        return _classify(fixed, cues) if fixed is not None else None
    spans.extend(match.span() for match in _FILLER.finditer(lowered))
    spans.sort()
    covered = 0
    end = 0
    for start, stop in spans:  # merge overlapping spans and count their non-space characters
        start = max(start, end)
        if stop > start:
            piece = lowered[start:stop]
            covered += len(piece) - piece.count(" ")
            end = stop
    letters = len(lowered) - lowered.count(" ")
    return HeadingMatch(kind, covered / max(letters, 1))


# Heading words worth a spelling fix ("Qulification:", "Responsibilites"): long enough that one
# slip cannot turn another word into them.
_HEADING_WORDS = ("qualification", "qualifications", "requirement", "requirements",
                  "responsibility", "responsibilities", "experience", "education", "preferred",
                  "certifications", "certification", "benefits", "summary", "objective",
                  "skills", "employment", "professional", "technical")


def _respell(lowered: str) -> str | None:
    """The heading with one misspelt heading word corrected, or None."""
    words = re.findall(r"[a-z]+", lowered)
    if not 0 < len(words) <= 4:
        return None
    for word in words:
        if len(word) < 7 or word in _HEADING_WORDS:
            continue
        for right in _HEADING_WORDS:
            # One slip (a transposition counts as one): "Retirement" is two from "requirement".
            if right[0] == word[0] and abs(len(right) - len(word)) <= 1 and (
                    OSA.distance(word, right, score_cutoff=1) <= 1):
                return lowered.replace(word, right)
    return None


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
