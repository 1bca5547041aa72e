"""Bullets related to a requirement the resume does not fully meet ("related, not counted").

For a partial or missing line, the window shows the bullets that come closest: those that
share its distinctive words (rapidfuzz on the words, and shared stems) and those that name a
skill the lexicon relates to what the line asks (a sibling, a parent, an instance). They are
shown as related, never counted: they do not change the verdict. Suggestions (rewording a
bullet to name the requirement) start from them.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

from tailorfit.core.lexicon import Lexicon
from tailorfit.core.lexicon.terms import TermHit
from tailorfit.core.match.parts import Part
from tailorfit.core.match.profile import Profile
from tailorfit.core.match.result import Evidence
from tailorfit.core.match.words import content_stems
from tailorfit.core.parse.posting import Requirement

KEPT = 3
_THRESHOLD = 45.0


@lru_cache(maxsize=4096)
def _family(lexicon: Lexicon, asked: frozenset[str]) -> frozenset[str]:
    """What the lexicon relates to the asked skills: siblings, parents, instances, cousins."""
    family: set[str] = set()
    for entry in asked:
        family |= lexicon.related(entry) | lexicon.ancestors(entry) | lexicon.descendants(entry)
        for parent in lexicon[entry].implies:
            if not lexicon[parent].broad:
                family |= lexicon.descendants(parent)
    return frozenset(e for e in family - asked if not lexicon[e].broad)


def related_bullets(requirement: Requirement, terms: list[TermHit], profile: Profile,
                    part: Part) -> tuple[Evidence, ...]:
    """The best few related bullets, best first (those already cited as evidence excluded)."""
    lexicon = profile.lexicon
    asked = frozenset(t.entry for t in terms)
    family = _family(lexicon, asked)
    wanted = set(content_stems(requirement.text, distinctive=True))
    cited = {(e.start, e.end) for e in part.evidence}
    query = requirement.text.lower()
    scored: list[tuple[float, Evidence]] = []
    for bullet, stems in zip(profile.bullets, profile.stem_sets, strict=True):
        if (bullet.start, bullet.end) in cited:
            continue
        shared = len(wanted & stems)
        relation = sum(1 for h in bullet.hits if h.entry in family or h.entry in asked)
        if not shared and not relation:
            continue
        score = (fuzz.token_set_ratio(query, bullet.text.lower()) * 0.5
                 + 20 * min(shared, 3) + 25 * min(relation, 2))
        if score >= _THRESHOLD:
            scored.append((score, Evidence(bullet.start, bullet.end, bullet.text, bullet.where,
                                           int(score))))
    scored.sort(key=lambda item: -item[0])
    return tuple(e for _, e in scored[:KEPT])
