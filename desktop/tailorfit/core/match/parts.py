"""The named verdict rules and how partial verdicts combine.

Every verdict comes from one rule of ``benchmarks/cases/README.md`` ("Verdict rules"); the
rule's name is part of the verdict, its label appears in the explanation, and the tests
name the rule they check. A rule exists here only when those verdict rules state it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from tailorfit.core.match.result import Evidence, Status


class Rule(StrEnum):
    """The verdict rules, by name. The value is the name used in JSON and tests."""

    # met: the resume shows the skill
    NAMED = "named"  # the resume names the skill (in use, or listed for a plain ask)
    MORE_SPECIFIC = "more-specific"  # a more specific instance (PostgreSQL for databases)
    SAME_CLASS = "same-class"  # another example of the class a list illustrates
    SHOWN_THROUGH_WORK = "shown-through-work"  # a concept shown by what the person did
    RESUME_LANGUAGE = "resume-language"  # a language asked, the resume is written in it
    ROLE_TITLE = "role-title"  # a dated role whose title is the occupation (Teacher: pedagogy)
    # partial: related or weaker evidence
    LISTED_ONLY = "listed-only"  # an expert/deep ask, the skill only listed
    BROADER_ONLY = "broader-only"  # only a broader parent skill
    RELATED_ONLY = "related-only"  # only a close alternative (MySQL for PostgreSQL)
    QUALIFIER_ONLY = "qualifier-only"  # only the language/platform that qualifies the ask
    OTHER_LANGUAGE = "other-language"  # the asked technique, shown in another language
    ONE_SIGN = "one-sign"  # a concept with one weak sign of it
    SOME_PARTS = "some-parts"  # some parts of a multi-part requirement
    RELATED_WORDS = "related-words"  # a bullet uses the line's distinctive words
    # years
    YEARS_ENOUGH = "years-enough"
    YEARS_SHORT = "years-short"  # at least 75% of the years asked
    YEARS_TOO_FEW = "years-too-few"
    YEARS_CLAIMED = "years-claimed"  # an explicit claim, no dated roles
    YEARS_UNDATED = "years-undated"  # the work shown, no duration at all
    # degrees
    DEGREE_MET = "degree-met"  # the level or higher, in the named or a related field
    DEGREE_OTHER_FIELD = "degree-other-field"  # the level, in an unrelated field
    DEGREE_BELOW = "degree-below"
    DEGREE_IN_PROGRESS = "degree-in-progress"  # the level, still being studied for
    EQUIVALENT_EXPERIENCE = "equivalent-experience"  # allowed, and in the right field
    # soft skills
    SOFT_SHOWN = "soft-shown"  # a bullet demonstrates it
    SOFT_CLAIMED = "soft-claimed"  # only listed or claimed
    SOFT_NEAR = "soft-near"  # a neighbouring skill demonstrated (indirect evidence)
    SOFT_FROM_ROLES = "soft-from-roles"  # a work-style trait: the work history, indirectly
    # credentials and conditions
    CREDENTIAL = "credential"  # the licence or certificate is stated
    CREDENTIAL_OTHER_PLACE = "credential-other-place"  # stated, but not from the place named
    OTHER_CREDENTIAL = "other-credential"  # a licence stated, perhaps not the one asked
    STATED_CONDITION = "stated-condition"  # travel, location, schedule: stated in the resume
    AGE_SHOWN = "age-shown"  # a minimum age, shown by how long ago the dated history starts
    NOTHING = "nothing"

    @property
    def label(self) -> str:
        """How the rule reads in an explanation."""
        return _LABELS[self]


_LABELS = {
    Rule.NAMED: "named in the resume",
    Rule.MORE_SPECIFIC: "a more specific instance",
    Rule.SAME_CLASS: "another example of the same kind",
    Rule.SHOWN_THROUGH_WORK: "shown through the work",
    Rule.RESUME_LANGUAGE: "the resume is written in it",
    Rule.ROLE_TITLE: "the core work of a role held",
    Rule.LISTED_ONLY: "listed, not shown in use",
    Rule.BROADER_ONLY: "only a broader skill",
    Rule.RELATED_ONLY: "only a related skill",
    Rule.QUALIFIER_ONLY: "only the qualifier",
    Rule.OTHER_LANGUAGE: "shown in another language",
    Rule.ONE_SIGN: "one sign of it",
    Rule.SOME_PARTS: "some parts",
    Rule.RELATED_WORDS: "related words only",
    Rule.YEARS_ENOUGH: "enough years",
    Rule.YEARS_SHORT: "years short of the ask",
    Rule.YEARS_TOO_FEW: "too few years",
    Rule.YEARS_CLAIMED: "years claimed, no dated roles",
    Rule.YEARS_UNDATED: "no duration given",
    Rule.DEGREE_MET: "degree at the level, in the field",
    Rule.DEGREE_OTHER_FIELD: "degree in another field",
    Rule.DEGREE_BELOW: "degree below the level",
    Rule.DEGREE_IN_PROGRESS: "degree in progress, not yet held",
    Rule.EQUIVALENT_EXPERIENCE: "equivalent experience",
    Rule.SOFT_SHOWN: "shown in a bullet",
    Rule.SOFT_CLAIMED: "claimed, not shown",
    Rule.SOFT_NEAR: "a neighbouring skill shown",
    Rule.SOFT_FROM_ROLES: "indirect evidence from the work history",
    Rule.CREDENTIAL: "credential stated",
    Rule.CREDENTIAL_OTHER_PLACE: "not shown to be from the place named",
    Rule.OTHER_CREDENTIAL: "a licence that may not be the one asked",
    Rule.STATED_CONDITION: "stated in the resume",
    Rule.AGE_SHOWN: "the dated history shows the age",
    Rule.NOTHING: "nothing in the resume",
}


@dataclass(frozen=True, slots=True)
class Part:
    """The verdict on one part of a requirement, with the rule that decided it."""

    status: Status
    evidence: tuple[Evidence, ...]
    reason: str
    rule: Rule
    years: float | None = None  # for years asks: the years the resume shows in the scope


NOTHING = "Nothing in the resume matches this requirement"


def nothing(reason: str = NOTHING) -> Part:
    return Part(Status.MISSING, (), reason, Rule.NOTHING)


def all_of(parts: list[Part]) -> Part:
    """Every part is asked: met when all are, missing when none is, else partial."""
    if not parts:
        return nothing()
    if len(parts) == 1:
        return parts[0]
    evidence = tuple(e for p in parts for e in p.evidence)
    years = next((p.years for p in parts if p.years is not None), None)
    if all(p.status is Status.MET for p in parts):
        return Part(Status.MET, evidence, "; ".join(p.reason for p in parts), parts[0].rule,
                    years)
    if all(p.status is Status.MISSING for p in parts):
        return Part(Status.MISSING, (), "; ".join(p.reason for p in parts), Rule.NOTHING, years)
    met = [p.reason for p in parts if p.status is Status.MET]
    other = [p.reason for p in parts if p.status is not Status.MET]
    rule = Rule.SOME_PARTS if met or len({p.status for p in parts}) > 1 else next(
        p.rule for p in parts if p.status is Status.PARTIAL)
    return Part(Status.PARTIAL, evidence, "; ".join(met + other), rule, years)


def any_of(parts: list[Part]) -> Part:
    """Alternatives: the best one decides."""
    if not parts:
        return nothing()
    best = max(parts, key=lambda p: p.status.value_score)
    evidence = tuple(e for p in parts if p.status is best.status for e in p.evidence)
    return Part(best.status, evidence, best.reason, best.rule, best.years)


def capped(part: Part, rule: Rule, reason: str) -> Part:
    """At most partial: weaker evidence keeps its evidence, with the rule that weakens it."""
    if part.status is Status.MISSING:
        return part
    return Part(Status.PARTIAL, part.evidence, reason, rule, part.years)
