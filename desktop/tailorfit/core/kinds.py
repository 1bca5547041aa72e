"""The small vocabularies every layer shares: verdict statuses, requirement kinds, strengths,
sections and degree levels.

They live apart from the parsers and the matcher so that the window can show them without
importing the regular expressions and the lexicon code behind them (a fast start: those
imports run on the worker while the window is built).
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class Status(StrEnum):
    MET = "met"
    PARTIAL = "partial"
    MISSING = "missing"

    @property
    def value_score(self) -> float:
        return {"met": 1.0, "partial": 0.5, "missing": 0.0}[self.value]


class PostingSection(StrEnum):
    REQUIREMENTS = "requirements"
    PREFERRED = "preferred"
    RESPONSIBILITIES = "responsibilities"
    ABOUT = "about"
    BENEFITS = "benefits"
    OTHER = "other"


class Strength(StrEnum):
    MUST = "must"
    NICE = "nice"


class RequirementKind(StrEnum):
    SKILL = "skill"
    YEARS = "years"
    DEGREE = "degree"
    CERT = "cert"
    SOFT = "soft"
    OTHER = "other"


class DegreeLevel(IntEnum):
    """Degree levels in increasing order; NONE means no degree."""

    NONE = 0
    HIGH_SCHOOL = 1
    ASSOCIATE = 2
    BACHELOR = 3
    MASTER = 4
    DOCTORATE = 5

    @property
    def label(self) -> str:
        return self.name.lower()
