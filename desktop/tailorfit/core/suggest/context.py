"""What every suggestion rule reads: the analysis, the resume's blocks and its role bullets."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from tailorfit.core.suggest.rules import WritingRules, writing_rules

if TYPE_CHECKING:
    from tailorfit.core.lexicon import Lexicon
    from tailorfit.core.lexicon.terms import TermHit
    from tailorfit.core.match.profile import Profile
    from tailorfit.core.match.result import Analysis
    from tailorfit.core.model import Block, Document
    from tailorfit.core.parse.resume import Role


@dataclass(frozen=True, slots=True)
class Line:
    """A role bullet: its block and where its words start and end in the analysed text."""

    block: int
    start: int  # after the list marker
    end: int
    text: str
    role: Role | None
    current: bool  # the role runs to the present


@dataclass
class Context:
    analysis: Analysis
    lexicon: Lexicon
    confirmed: frozenset[str] = frozenset()  # truth bank: skills the user said they have
    denied: frozenset[str] = frozenset()  # ... and said they do not
    rules: WritingRules = field(default_factory=writing_rules)

    @property
    def document(self) -> Document:
        return self.analysis.resume.document

    def block(self, index: int) -> Block:
        return self.document.blocks[index]

    def content_range(self, index: int) -> tuple[int, int]:
        """The block's words (no list marker, no trailing spaces) in the analysed text."""
        block = self.document.blocks[index]
        base = self.document.block_start(index)
        text = block.text
        return base + block.content_start, base + len(text.rstrip())

    def content(self, index: int) -> str:
        start, end = self.content_range(index)
        return self.document.text[start:end]

    @cached_property
    def lines(self) -> tuple[Line, ...]:
        """Every role bullet, in document order (one per block)."""
        document = self.document
        found: list[Line] = []
        seen: set[int] = set()
        for role in self.analysis.resume.roles:
            current = bool(role.dates and role.dates.present)
            for start, _end in role.bullets:
                index = document.block_at(start)
                if index in seen:
                    continue
                seen.add(index)
                lo, hi = self.content_range(index)
                text = document.text[lo:hi]
                if len(text.split()) >= 3:
                    found.append(Line(index, lo, hi, text, role, current))
        return tuple(sorted(found, key=lambda line: line.start))

    @cached_property
    def resume_hits_by_block(self) -> dict[int, list[TermHit]]:
        found: dict[int, list[TermHit]] = {}
        for hit in self.analysis.resume_hits:
            found.setdefault(hit.block, []).append(hit)
        return found

    @cached_property
    def profile(self) -> Profile:
        """The resume as the matcher reads it (built once, when a rule needs its signals)."""
        from tailorfit.core.match.profile import Profile

        return Profile(self.analysis.resume, self.lexicon)

    @cached_property
    def held_terms(self) -> frozenset[str]:
        """Lexicon ids the resume names, with everything they imply."""
        held: set[str] = set()
        for hit in self.analysis.resume_hits:
            held.add(hit.entry)
            held.update(self.lexicon.ancestors(hit.entry))
        return frozenset(held)
