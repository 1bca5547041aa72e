"""Soft skills and work-style lines: shown in a bullet, or only claimed.

Rule soft-shown: a bullet demonstrates the skill, with one of its evidence phrases from the
lexicon ("mentored", "presented to") in any word form, or with its signals as a concept
(delivery evidence for "meeting tight deadlines": "shipped ... on schedule"). Rule
soft-claimed: the skill is only listed or claimed. Rule soft-near: a neighbouring skill is
shown (indirect evidence), for soft lines only. An entry that requires a technical role
(technical leadership) counts only bullets of roles that show technical work: mentoring
cashiers is leadership, not technical leadership.
"""

from __future__ import annotations

from dataclasses import dataclass

from tailorfit.core.match.concepts import shown_through_work
from tailorfit.core.match.parts import Part, Rule, all_of, nothing
from tailorfit.core.match.profile import EVIDENCE_KEPT, Profile
from tailorfit.core.match.result import Evidence, Status
from tailorfit.core.match.skills import remembered
from tailorfit.core.match.words import first_words, stems_of_phrase
from tailorfit.core.match.years import role_line
from tailorfit.core.parse.resume import ResumeSection


@dataclass(frozen=True, slots=True)
class _Phrases:
    """An entry's evidence and negative phrases as stems, and the evidence's written first
    words (a stem alone would take "across the organization" for "organized")."""

    evidence: tuple[tuple[str, ...], ...]
    negative: tuple[tuple[str, ...], ...]
    written: frozenset[str]


_PHRASES: dict[tuple[str, int], _Phrases] = {}


def soft_part(entry_id: str, profile: Profile, depth: int = 0, near: bool = False) -> Part:
    return remembered(profile, ("soft", entry_id, depth > 0, near),
                      lambda: _soft(entry_id, profile, depth, near))


def _phrases(entry_id: str, profile: Profile) -> _Phrases:
    entry = profile.lexicon[entry_id]
    key = (entry_id, id(entry))
    if key not in _PHRASES:
        _PHRASES[key] = _Phrases(tuple(stems_of_phrase(p) for p in entry.evidence if p),
                                 tuple(stems_of_phrase(p) for p in entry.negative if p),
                                 first_words(entry.evidence))
    return _PHRASES[key]


def _shown(entry_id: str, profile: Profile) -> list[Evidence]:
    """Bullets that demonstrate the skill with one of its evidence phrases."""
    entry = profile.lexicon[entry_id]
    prepared = _phrases(entry_id, profile)
    # "communication between frontend and backend" is no soft skill; a later "communicated
    # the rollout" in the same line still is.
    excluded: set[tuple[int, int]] = set()
    for negative in prepared.negative:
        for number, position in profile.occurrences(negative):
            excluded.update((number, position + k) for k in range(len(negative)))
    technical_only = entry.requires == "technical_role"
    first: dict[int, tuple[int, int]] = {}  # bullet number -> (word number, phrase length)
    for phrase in prepared.evidence:
        for number, position in profile.occurrences(phrase):
            if (number, position) in excluded:
                continue
            if profile.word_at(number, position) not in prepared.written:
                continue  # "across the organization" shares the stem of "organized" only
            if technical_only and not profile.bullets[number].technical:
                continue
            if number not in first or position < first[number][0]:
                first[number] = (position, len(phrase))
    shown: list[Evidence] = []
    text = profile.resume.document.text
    for number in sorted(first)[:EVIDENCE_KEPT]:
        bullet = profile.bullets[number]
        position, length = first[number]
        start = bullet.start + bullet.spans[position][0]
        end = bullet.start + bullet.spans[position + length - 1][1]
        shown.append(Evidence(start, end, text[start:end], bullet.where, 5))
    return shown


def _soft(entry_id: str, profile: Profile, depth: int, near: bool) -> Part:
    lexicon = profile.lexicon
    entry = lexicon[entry_id]
    shown = _shown(entry_id, profile)
    direct = profile.by_entry.get(entry_id, [])
    used = [h for h in direct if profile.in_use(h)]
    shown.extend(profile.evidence_of(used, 4))
    if shown:
        return Part(Status.MET, tuple(shown),
                    f'"{shown[0].text}" ({shown[0].where}) shows {entry.name.lower()}: '
                    f"{Rule.SOFT_SHOWN.label}", Rule.SOFT_SHOWN)
    work = shown_through_work(entry, profile)
    if work.status is Status.MET:
        return Part(work.status, work.evidence, work.reason, Rule.SOFT_SHOWN)
    parts = [p for p in entry.implies if p in lexicon.entries and lexicon[p].soft
             and p != entry_id]
    if parts and depth < 2:  # "written and verbal communication": each part shown
        combined = all_of([soft_part(p, profile, depth + 1, near) for p in parts])
        if combined.status is not Status.MISSING:
            return combined
    if direct:
        hit = direct[0]
        return Part(Status.PARTIAL, profile.evidence_of(direct, 1),
                    f"{entry.name} is claimed ({profile.where(hit.start)}) but no bullet shows "
                    f"it: {Rule.SOFT_CLAIMED.label}", Rule.SOFT_CLAIMED)
    if work.status is Status.PARTIAL:
        return Part(work.status, work.evidence, work.reason, Rule.SOFT_NEAR)
    if near and depth < 2:
        # A neighbouring skill shown in a bullet ("collaborated" for communication) is weaker
        # evidence of this one.
        for other in sorted(lexicon.related(entry_id)):
            if other in lexicon.entries and lexicon[other].soft:
                close = soft_part(other, profile, depth=2)
                if close.status is Status.MET:
                    return Part(Status.PARTIAL, close.evidence,
                                f"{close.reason.split(':')[0]}, which is close to "
                                f"{entry.name.lower()}: {Rule.SOFT_NEAR.label}", Rule.SOFT_NEAR)
    if entry.from_roles and depth == 0:  # not for a part: public speaking is no communication
        history = from_roles(profile, entry.name.lower())
        if history is not None:
            return history
    return nothing(f"Nothing in the resume shows {entry.name.lower()}")


def from_roles(profile: Profile, trait: str) -> Part | None:
    """Rule soft-from-roles: a work-style trait no bullet shows, for a resume with dated roles.

    A recruiter reads some of it in any work history: the trait is partly shown by the roles
    themselves, never met by them.
    """
    roles = [r for r in profile.resume.roles
             if r.dates is not None and r.section is ResumeSection.EXPERIENCE]
    if not roles:
        return None
    latest = max(roles, key=lambda r: (r.dates.end.index if r.dates is not None else 0, -r.start))
    line = role_line(latest, profile.resume.document.text, profile, 1)
    count = f"{len(roles)} dated role{'s' if len(roles) > 1 else ''}"
    return Part(Status.PARTIAL, (line,),
                f"No bullet shows {trait}; the work history ({count}, the latest "
                f'"{line.text[:60]}") speaks for it only in general: {Rule.SOFT_FROM_ROLES.label}',
                Rule.SOFT_FROM_ROLES)
