"""Matching a resume against a posting: one verdict per requirement, a score, keywords."""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date

from tailorfit.core.lexicon import Lexicon, load_lexicon
from tailorfit.core.lexicon.terms import TermHit, find_terms, loose_terms
from tailorfit.core.match.judge import asked_terms, judge
from tailorfit.core.match.profile import Profile
from tailorfit.core.match.result import (
    Analysis,
    Keyword,
    ResumeSkill,
    SkillMention,
    Status,
    Verdict,
)
from tailorfit.core.model import Document
from tailorfit.core.parse.posting import (
    Posting,
    Requirement,
    RequirementKind,
    Strength,
    parse_posting,
)
from tailorfit.core.parse.resume import Resume, ResumeSection, parse_resume

__all__ = ["analyze", "analyze_documents", "clear_caches", "score_verdicts"]


def clear_caches() -> None:
    """Forget per-text caches (term scans, heading guesses): what a brand-new pair costs."""
    from tailorfit.core.lexicon.terms import scan
    from tailorfit.core.parse import headings, posting

    scan.cache_clear()
    headings.clear_cache()
    posting.clear_cache()

# Weights of the score: must-haves count three times nice-to-haves; soft and unclassified
# items half as much as skills, years, degrees and certificates.
_STRENGTH_WEIGHT = {Strength.MUST: 3.0, Strength.NICE: 1.0}
_KIND_WEIGHT = {RequirementKind.SOFT: 0.5, RequirementKind.OTHER: 0.5}
_PLACE = {ResumeSection.EXPERIENCE: "experience", ResumeSection.PROJECTS: "projects",
          ResumeSection.SKILLS: "skills", ResumeSection.SUMMARY: "summary",
          ResumeSection.CERTIFICATIONS: "certifications", ResumeSection.EDUCATION: "education",
          ResumeSection.VOLUNTEER: "volunteering"}


def analyze_documents(posting: Document, resume: Document, *, today: date | None = None,
                      lexicon: Lexicon | None = None) -> Analysis:
    """Parse both documents and match them."""
    return analyze(parse_posting(posting), parse_resume(resume, today=today), lexicon=lexicon)


def analyze(posting: Posting, resume: Resume, *, lexicon: Lexicon | None = None,
            profile: Profile | None = None, brief: bool = False) -> Analysis:
    """Verdicts, score and keywords for a parsed posting and resume.

    Pass ``profile`` (built once from the resume) to rank many postings against one resume;
    ``brief`` leaves out what only a person reads (related bullets, keywords, the resume's
    skills list), for ranking a thousand postings by score.
    """
    lexicon = lexicon or load_lexicon()
    if profile is None or profile.resume is not resume:
        profile = Profile(resume, lexicon)
    posting_hits = tuple(find_terms(posting.document, lexicon))
    posting_entries = frozenset(h.entry for h in posting_hits)
    verdicts: list[Verdict] = []
    for requirement in posting.requirements:
        found = [h for h in posting_hits if requirement.start <= h.start < requirement.end]
        if not found:  # "analyzing large, complex data sets": the form with words inside it
            found = loose_terms(posting.document, lexicon, requirement.start, requirement.end)
        inside = asked_terms(requirement, found)
        verdicts.append(judge(_refine_kind(requirement, inside, lexicon), inside, profile,
                              posting_entries, posting, brief=brief))
    score, must_missing = score_verdicts(verdicts)
    return Analysis(
        posting=posting,
        resume=resume,
        verdicts=tuple(verdicts),
        score=score,
        must_missing=must_missing,
        keywords=() if brief else _keywords(posting_hits, profile, lexicon),
        resume_skills=() if brief else _skills(profile, lexicon),
        posting_hits=posting_hits,
        resume_hits=profile.hits,
    )


def _refine_kind(requirement: Requirement, terms: list[TermHit], lexicon: Lexicon) -> Requirement:
    """The parser guesses a kind from wording; the lexicon knows better what is named."""
    if requirement.kind not in (RequirementKind.OTHER, RequirementKind.SKILL,
                                RequirementKind.SOFT):
        return requirement
    categories = {lexicon[t.entry].category for t in terms}
    hard = {c for c in categories if c not in ("soft", "degree", "degree_field")}
    if categories & {"certificate", "license"} and not hard - {"certificate", "license"}:
        kind = RequirementKind.CERT
    elif hard:
        kind = RequirementKind.SKILL
    elif "soft" in categories:
        kind = RequirementKind.SOFT
    else:
        return requirement
    return requirement if kind is requirement.kind else replace(requirement, kind=kind)


def score_verdicts(verdicts: list[Verdict]) -> tuple[int, int]:
    """0-100 from the verdicts; alternatives ("1. ...; or 2. ...") count once, at their best."""
    units: dict[str, list[Verdict]] = defaultdict(list)
    for verdict in verdicts:
        requirement = verdict.requirement
        key = requirement.group if requirement.group_mode == "any" else requirement.id
        units[key or requirement.id].append(verdict)
    total = earned = 0.0
    must_missing = 0
    for members in units.values():
        best = max(members, key=lambda v: v.status.value_score)
        weight = max(_STRENGTH_WEIGHT[v.requirement.strength] * _KIND_WEIGHT.get(
            v.requirement.kind, 1.0) for v in members)
        total += weight
        earned += weight * best.status.value_score
        if best.status is Status.MISSING and any(
                v.requirement.strength is Strength.MUST for v in members):
            must_missing += 1
    return (round(100 * earned / total) if total else 0), must_missing


def _keywords(posting_hits: tuple[TermHit, ...], profile: Profile,
              lexicon: Lexicon) -> tuple[Keyword, ...]:
    counts = Counter(h.entry for h in posting_hits)
    first_text: dict[str, str] = {}
    for hit in posting_hits:
        first_text.setdefault(hit.entry, hit.text)
    keywords: list[Keyword] = []
    for entry_id, count in counts.most_common():
        hits = profile.by_entry.get(entry_id, [])
        places = _places(hits, profile)
        entry = lexicon[entry_id]
        keywords.append(Keyword(entry_id, first_text[entry_id], entry.category, count, len(hits),
                                places))
    return tuple(keywords)


def _places(hits: list[TermHit], profile: Profile) -> tuple[str, ...]:
    """The kinds of section the hits sit in, in order of first appearance.

    Looked up per section rather than per hit: a long resume names a skill thousands of times.
    """
    starts = [h.start for h in hits]
    first: dict[str, int] = {}
    for section in profile.resume.sections:
        at = bisect.bisect_left(starts, section.start)
        if at < len(starts) and starts[at] < section.end:
            place = _PLACE.get(section.kind, "other")
            first[place] = min(first.get(place, starts[at]), starts[at])
    if any(profile.section(s) is None for s in starts[:1]):
        first.setdefault("other", starts[0])
    return tuple(sorted(first, key=first.__getitem__))


def _skills(profile: Profile, lexicon: Lexicon) -> tuple[ResumeSkill, ...]:
    skills = []
    for entry_id, hits in profile.by_entry.items():
        mentions = tuple(SkillMention(h.start, h.end, h.text) for h in hits)
        skills.append(ResumeSkill(entry_id, lexicon[entry_id].name, mentions))
    skills.sort(key=lambda s: (-len(s.mentions), s.canonical))
    return tuple(skills)
