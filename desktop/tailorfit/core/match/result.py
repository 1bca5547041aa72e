"""The immutable analysis result the window and the command line observe."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tailorfit.core.kinds import Status as Status

if TYPE_CHECKING:  # only for annotations: the window imports this module and needs no parser
    from tailorfit.core.lexicon.terms import TermHit
    from tailorfit.core.parse.posting import Posting, Requirement
    from tailorfit.core.parse.resume import Resume

__all__ = ["Analysis", "Evidence", "Keyword", "ResumeSkill", "SkillMention", "Status", "Verdict"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of the resume that supports a verdict (offsets in the resume's analysed text)."""

    start: int
    end: int
    text: str
    where: str  # "Experience, Fernhollow Payments" or "Skills"
    strength: int  # higher is better: used to order evidence best first


@dataclass(frozen=True, slots=True)
class Verdict:
    """Met, partial or missing for one requirement, with evidence and a one-line reason."""

    requirement: Requirement
    status: Status
    evidence: tuple[Evidence, ...]
    explanation: str
    terms: tuple[str, ...] = ()  # lexicon ids the requirement asks for
    years_shown: float | None = None  # years asks: the years counted in the asked scope
    rule: str = ""  # the verdict rule that decided it (parts.Rule, by name)
    related: tuple[Evidence, ...] = ()  # for partial or missing: related bullets, not counted


@dataclass(frozen=True, slots=True)
class Keyword:
    """A lexicon term of the posting and where the resume has it."""

    canonical: str
    term: str
    category: str
    posting_count: int
    resume_count: int
    resume_places: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SkillMention:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ResumeSkill:
    canonical: str
    name: str
    mentions: tuple[SkillMention, ...]


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the app knows about one posting and one resume."""

    posting: Posting
    resume: Resume
    verdicts: tuple[Verdict, ...]
    score: int
    must_missing: int
    keywords: tuple[Keyword, ...]
    resume_skills: tuple[ResumeSkill, ...]
    posting_hits: tuple[TermHit, ...]
    resume_hits: tuple[TermHit, ...]

    def counts(self) -> dict[Status, int]:
        found = {status: 0 for status in Status}
        for verdict in self.verdicts:
            found[verdict.status] += 1
        return found
