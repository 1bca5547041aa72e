"""A suggestion: one proposed change to the resume, with its reason and what it would bring."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from tailorfit.core.model import Document, Position

SCHEMA = "tailorfit.suggestions/1"


class Kind(StrEnum):
    """The kinds of suggestion, in the order the panel groups them."""

    MIRROR = "mirror"  # use the posting's wording for a skill the resume names differently
    NAME = "name"  # name the posting's term in a bullet that shows it
    ASK = "ask"  # a question: does the user have this skill?
    OPENER = "opener"  # a weak opener becomes an action verb
    QUANTIFY = "quantify"  # a bullet with no number: a placeholder to fill in
    STYLE = "style"  # clichés, pronouns, passive voice, tense, length, repeats, stuffing
    SUMMARY = "summary"  # a summary built from the resume's own facts

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Kind.MIRROR: "Use the posting's wording",
    Kind.NAME: "Name the requirement",
    Kind.ASK: "Questions for you",
    Kind.OPENER: "Stronger openers",
    Kind.QUANTIFY: "Add a number",
    Kind.STYLE: "Style",
    Kind.SUMMARY: "Tailored summary",
}

# Kinds whose every suggestion only rewords what the resume already says: "Accept all" is
# offered for them.
SAFE_KINDS = frozenset({Kind.MIRROR, Kind.OPENER})


@dataclass(frozen=True, slots=True)
class Change:
    """Replace ``start:end`` of the analysed resume text with ``text`` (empty range: insert)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One proposed edit of one resume block.

    ``before``/``after`` are the block's whole text (without its list marker) before and after
    the edit; an insertion has an empty ``before``, a ``position`` and the inserted text as
    ``after``. ``change`` is the same edit as a range of the analysed text, which is what the
    window applies. An advisory suggestion (a bullet too long, passive voice) has no change:
    the user rewrites it. ``rule`` names the writing rule or the requirement it serves.
    """

    kind: Kind
    rule: str
    message: str
    reason: str
    block: int
    target_start: int  # the words the suggestion is about, in the analysed text
    target_end: int
    before: str
    after: str
    change: Change | None
    requirement_id: str | None = None
    needs_confirmation: bool = False
    score_delta: int = 0
    position: Position | None = None
    term: str | None = None  # the lexicon id an ask or a naming is about

    @property
    def id(self) -> str:
        """Stable across re-analyses of the same text, so decisions stick to it."""
        key = "\x1f".join((self.kind, self.rule, self.before, self.after,
                           self.requirement_id or "", self.term or ""))
        return f"{self.kind}-{hashlib.sha1(key.encode()).hexdigest()[:10]}"

    @property
    def advisory(self) -> bool:
        return self.change is None

    def to_json(self, document: Document) -> dict[str, Any]:
        target: dict[str, Any] = {
            "text": document.text[self.target_start:self.target_end],
            "block": self.block,
            "anchors": [a.to_json() for a in document.anchors(self.target_start,
                                                              self.target_end)]
            if self.target_end > self.target_start else [],
        }
        if self.position is not None:
            target["position"] = self.position.value
        return {
            "id": self.id, "kind": self.kind.value, "rule": self.rule, "message": self.message,
            "target": target, "before": self.before, "after": self.after,
            "reason": self.reason, "requirement_id": self.requirement_id,
            "needs_confirmation": self.needs_confirmation, "score_delta": self.score_delta,
            "advisory": self.advisory,
        }


def suggestions_json(suggestions: tuple[Suggestion, ...] | list[Suggestion],
                     document: Document) -> dict[str, Any]:
    """The ``tailorfit.suggestions/1`` file: what ``tailorfit export --apply`` takes."""
    return {"schema": SCHEMA, "suggestions": [s.to_json(document) for s in suggestions]}
