"""Judging one requirement against a resume profile: which rule decides it.

The verdict rules are those of benchmarks/cases/README.md; each lives in the module named for
its kind of requirement, and :class:`~tailorfit.core.match.parts.Rule` names them:
- skills: :mod:`skills` (named, more-specific, same-class, qualifier-only, other-language,
  related-only, broader-only, listed-only, some-parts) with :mod:`concepts`
  (shown-through-work, one-sign);
- years: :mod:`years`; degrees: :mod:`degrees`; soft skills: :mod:`soft`;
- licences, certificates and job conditions: :mod:`credentials`.
A line with no lexicon term is judged by its distinctive words (related-words: a bullet that
holds them all is partial evidence, never met).
"""

from __future__ import annotations

import re

from tailorfit.core.lexicon import Lexicon
from tailorfit.core.lexicon.terms import TermHit
from tailorfit.core.match.credentials import (
    age_part,
    asked_age,
    condition_part,
    credential_part,
    is_condition,
)
from tailorfit.core.match.degrees import degree_part
from tailorfit.core.match.parts import Part, Rule, all_of, any_of, nothing
from tailorfit.core.match.profile import EVIDENCE_KEPT, Profile
from tailorfit.core.match.related import related_bullets
from tailorfit.core.match.result import Evidence, Status, Verdict
from tailorfit.core.match.skills import EXAMPLE_CUE, terms_part
from tailorfit.core.match.soft import from_roles
from tailorfit.core.match.words import content_stems, stem_set
from tailorfit.core.match.years import role_line, years_part
from tailorfit.core.parse.details import YearsDetail, parse_all_years
from tailorfit.core.parse.posting import Posting, Requirement, RequirementKind
from tailorfit.core.parse.resume import ResumeSection

# Words for groups of people: a parenthesis after them names who you work with, not a skill
# ("partner with functions (SRE, Engineering)", "present to stakeholders (VPs, directors)").
# Not "partners (Azure, GCP)": partners and customers may be the technology asked.
_AUDIENCE = re.compile(r"\b(?:teams|groups|functions|departments|disciplines|stakeholders|"
                       r"audiences|levels|leaders|executives)"
                       r"\s*\(([^()]*)\)", re.IGNORECASE)
_OPTIONAL = re.compile(r"\b(?:preferred|preferably|ideally|a plus|bonus|nice to have|desired|"
                       r"an? (?:big |real |great )?(?:advantage|asset)|advantageous)\b",
                       re.IGNORECASE)
_PARENTHESIS = re.compile(r"\(([^()]*)\)")
# People the work is done with, named by their job: "work closely with business analysts".
_PEOPLE = re.compile(r"(?:analysts|engineers|developers|designers|managers|owners|scientists|"
                     r"architects|testers|specialists|consultants|administrators)$", re.IGNORECASE)
_WITH_PEOPLE = re.compile(r"\b(?:with|alongside|among|between|and|to|for)\s+(?:[\w-]+\s+){0,2}$",
                          re.IGNORECASE)
# ... and teams worked with, not teams to build: "with the data engineering teams", not
# "building an effective Site Reliability Engineering team".
_WITH_TEAM = re.compile(r"\b(?:with|alongside|among|between|across)\s+(?:[\w-]+\s+){0,2}$",
                        re.IGNORECASE)


_TEAM_AFTER = re.compile(r"\s+(?:teams?|departments?|groups?|functions?)\b", re.IGNORECASE)


def _people(text: str, term: TermHit, base: int) -> bool:
    """A term written as the people one works with ("with business analysts", "with the data
    engineering teams"), not a skill."""
    start, end = term.start - base, term.end - base
    if _PEOPLE.search(term.text) and _WITH_PEOPLE.search(text[:start]):
        return True
    return bool(_TEAM_AFTER.match(text, end)) and bool(_WITH_TEAM.search(text[:start]))
# "(Required)", "(Preferred)" on job-board lines mark strength; they ask for nothing.
_STRENGTH_MARK = re.compile(r"\(\s*(?:required|preferred|desired|optional|a plus|must)\s*\)",
                            re.IGNORECASE)


_OR_WORD = re.compile(r"\bor\b", re.IGNORECASE)
_AND_WORD = re.compile(r"\band\b|\bplus\b|\bwith\b", re.IGNORECASE)


def asked_terms(requirement: Requirement, terms: list[TermHit]) -> list[TermHit]:
    """The terms a requirement asks for: without those naming the people it works with, and
    without the extras of an optional parenthesis ("Excel (Visual Basic is an advantage)"),
    unless nothing else is asked."""
    text = requirement.text
    base = requirement.start
    terms = [t for t in terms if not _people(text, t, base)]
    spans = [(m.start(1), m.end(1)) for m in _AUDIENCE.finditer(text)]
    extras = [(m.start(1), m.end(1)) for m in _PARENTHESIS.finditer(text)
              if _OPTIONAL.search(m.group(1))]
    if not spans and not extras:
        return terms

    def outside(found: list[TermHit], cut: list[tuple[int, int]]) -> list[TermHit]:
        return [t for t in found if not any(a <= t.start - base < b for a, b in cut)]

    asked = outside(terms, spans)
    return outside(asked, extras) or asked


def judge(requirement: Requirement, terms: list[TermHit], profile: Profile,
          posting_entries: frozenset[str] = frozenset(), posting: Posting | None = None,
          *, brief: bool = False) -> Verdict:
    """The verdict for one requirement; ``terms`` are the lexicon terms found inside it.

    ``posting_entries`` are the lexicon entries named anywhere in the posting: they tell what
    an unnamed "licensed as appropriate" is about.
    """
    ids = tuple(dict.fromkeys(t.entry for t in terms))
    part = _decide(requirement, terms, profile, posting_entries, posting)
    related: tuple[Evidence, ...] = ()
    if part.status is not Status.MET and not brief:  # shown to people, not scored
        related = related_bullets(requirement, terms, profile, part)
    return _verdict(requirement, part, ids, related)


def _decide(requirement: Requirement, terms: list[TermHit], profile: Profile,
            posting_entries: frozenset[str], posting: Posting | None) -> Part:
    lexicon = profile.lexicon
    title = (posting.title or "") if posting is not None else ""
    if requirement.kind is RequirementKind.DEGREE and requirement.degree is not None:
        part = degree_part(requirement, profile, posting)
        asked_years = requirement.years
        if asked_years is not None:
            # "a bachelor's degree and two years of experience" asks both (rule some-parts);
            # "five years of experience or a bachelor's degree" offers a choice. An "or" among
            # the fields in parentheses offers none.
            degree = requirement.degree
            spans = sorted([(degree.start, degree.end), (asked_years.start, asked_years.end)])
            between = re.sub(r"\([^()]*\)", " ",
                             requirement.text[spans[0][1]:spans[1][0]])
            both = [part, years_part(requirement, asked_years, profile, title, posting_entries)]
            part = (any_of(both) if _OR_WORD.search(between) and not _AND_WORD.search(between)
                    else all_of(both))
        return part
    if requirement.kind is RequirementKind.YEARS and requirement.years is not None:
        clauses = parse_all_years(requirement.text) or [requirement.years]
        years = all_of([years_part(requirement, c, profile, title, posting_entries)
                        for c in clauses])
        # "5 years in machine learning, with a strong focus on research": a second part.
        extra = _beyond_years(requirement, clauses, terms, lexicon)
        if extra and years.status is not Status.MISSING:
            years = all_of([years, terms_part(requirement, extra, profile)])
        return years
    if requirement.kind is RequirementKind.CERT:
        credential = credential_part(requirement, terms, profile, posting_entries)
        if credential is not None:
            return credential
        if is_condition(requirement.text):
            return condition_part(requirement, profile)
        return words_part(requirement, profile)
    age = asked_age(requirement.text)
    if age is not None:
        return age_part(age, profile)
    if is_condition(requirement.text):  # travel, location, schedule: stated, or missing
        return condition_part(requirement, profile)
    titled = _title_held(requirement, profile)
    if titled is not None:
        return titled
    skill_terms = [t for t in terms if lexicon[t.entry].category not in ("degree", "degree_field")]
    if not skill_terms:
        words = words_part(requirement, profile)
        if words.status is Status.MISSING and (
                requirement.kind is RequirementKind.SOFT
                or (requirement.kind is RequirementKind.OTHER
                    and _HOW_ONE_WORKS.search(requirement.text))):
            # "Be good humoured, loyal and flexible", "You are motivated for the work": a line
            # about how one works, with no skill named, is read like a work-style trait. A
            # possession or a status ("own a reliable vehicle", "a US citizen") is no such line.
            return from_roles(profile, "what the line asks") or words
        return words
    part = terms_part(requirement, skill_terms, profile)
    if part.status is Status.MISSING and requirement.kind is not RequirementKind.SOFT:
        words = words_part(requirement, profile, strict=True)
        if words.status is Status.PARTIAL:  # the named skill is absent, the work itself is not
            return Part(Status.PARTIAL, words.evidence,
                        f"{part.reason}; {words.reason[0].lower()}{words.reason[1:]}",
                        Rule.RELATED_WORDS)
    return part


# "Experience as a delivery driver": the job title asked, with no number of years.
_AS_TITLE = re.compile(r"\bexperience (?:working |employed )?as an? ([A-Za-z][\w/ -]{2,40}?)"
                       r"(?=\s*(?:$|[.,;(]|\b(?:or|and|in|at|with|for|within|is|are|would|"
                       r"preferred|required)\b))", re.IGNORECASE)


def _title_held(requirement: Requirement, profile: Profile) -> Part | None:
    """Rule role-title for "experience as a <title>": a role held under that title ("Parcel
    Delivery Driver" for "experience as a delivery driver"); None when no role has it, so the
    line is judged by its words as any other."""
    if requirement.years is not None:
        return None
    asked = _AS_TITLE.search(requirement.text)
    if asked is None:
        return None
    wanted = set(content_stems(asked.group(1)))
    if not wanted:
        return None
    resume = profile.resume
    roles = [r for r in resume.roles if r.section is ResumeSection.EXPERIENCE and r.title
             and wanted <= stem_set(r.title)]
    if not roles:
        return None
    role = roles[0]
    line = role_line(role, resume.document.text, profile, 4)
    return Part(Status.MET, (line,),
                f'"{(role.title or "").strip()}" ({line.where}) is a role as {asked.group(1).lower()}: '
                f"{Rule.ROLE_TITLE.label}", Rule.ROLE_TITLE)


# What joins one example to the next: "Python or Scala", "Python, Scala and Go".
_JOINED_EXAMPLE = re.compile(r"\s*(?:,|/|&|,?\s*\b(?:or|and)\b)?\s*", re.IGNORECASE)


def _beyond_years(requirement: Requirement, clauses: list[YearsDetail], terms: list[TermHit],
                  lexicon: Lexicon) -> list[TermHit]:
    """Skills a years requirement names outside what its years are counted in.

    Optional parts ("(Nomad preferred)", "ideally with Go") are no extra ask.
    """
    text = requirement.text
    covered: list[tuple[int, int]] = []
    for clause in clauses:
        covered.append((clause.start, clause.end))
        for words in (clause.domain, clause.field):
            if words:
                found = re.search(re.escape(words), text, re.IGNORECASE)
                if found:
                    covered.append(found.span())
    for piece in re.finditer(r"\([^()]*\)|[^,;()]+", text):
        if _OPTIONAL.search(piece.group()):
            covered.append(piece.span())
    base = requirement.start
    # "in a scripting language like Python or Scala": the examples after the first one are
    # more of the same examples, not more asks.
    for a, b in list(covered):
        if not EXAMPLE_CUE.search(text, a, b):
            continue
        for hit in sorted(terms, key=lambda t: t.start):
            start = hit.start - base
            if start >= b and _JOINED_EXAMPLE.fullmatch(text, b, start):
                covered.append((b, hit.end - base))
                b = hit.end - base
    degree = ("degree", "degree_field")
    return [t for t in terms
            if lexicon[t.entry].category not in degree
            and not any(a <= t.start - base < b for a, b in covered)]


# A line about how the person works or thinks: "You are ...", "good at ...", "ability to ...";
# an item after "employees that:" or "that you:" has "you" unwritten ("Are precise").
_HOW_ONE_WORKS = re.compile(
    r"\byou(?:'re| are| know| can| care| enjoy| like| love| thrive| understand| value| take| see)\b|"
    r"^\W*(?:are|enjoy|like|love|thrive|care|value)\b|"
    r"\b(?:good|great|strong|skilled) at\b|\babilit(?:y|ies)\b|\bable to\b|\bunderstand\w*|"
    r"\bpassion\w*|\bmotivat\w*|\battitude\b|\bmind-?set\b|\bwilling\w*|\bcomfortable\b|"
    r"\bthrive\b|\bprofessional(?:ly|ism)?\b", re.IGNORECASE)


def words_part(requirement: Requirement, profile: Profile, strict: bool = False) -> Part:
    """Rule related-words: a line with no lexicon term whose distinctive words all appear in one
    bullet is partly shown; the words scattered over the resume show nothing."""
    text = _STRENGTH_MARK.sub(" ", requirement.text)
    wanted = content_stems(text, distinctive=True)
    if len(wanted) < (3 if strict else 2):
        return nothing()
    needed = max(2, round(len(wanted) * (0.75 if strict else 0.5)))
    counts: dict[int, int] = {}
    for value in wanted:
        for number in profile.bullets_sharing_root(value):
            counts[number] = counts.get(number, 0) + 1
    best: tuple[int, int] | None = None
    for number in sorted(counts):
        have = counts[number]
        if have >= needed and (best is None or have > best[1]):
            best = (number, have)
    if best is None:
        return nothing()
    bullet = profile.bullets[best[0]]
    evidence = Evidence(bullet.start, bullet.end, bullet.text, bullet.where, 2)
    return Part(Status.PARTIAL, (evidence,),
                f'"{bullet.text[:90]}" ({bullet.where}) uses its words, but does not clearly show '
                f"it: {Rule.RELATED_WORDS.label}", Rule.RELATED_WORDS)


def _verdict(requirement: Requirement, part: Part, ids: tuple[str, ...],
             related: tuple[Evidence, ...]) -> Verdict:
    evidence = sorted(part.evidence, key=lambda e: (-e.strength, e.start))
    unique: list[Evidence] = []
    seen: set[tuple[int, int]] = set()
    for item in evidence:
        if (item.start, item.end) not in seen:
            seen.add((item.start, item.end))
            unique.append(item)
            if len(unique) == EVIDENCE_KEPT:
                break
    return Verdict(requirement, part.status, tuple(unique), part.reason, ids, part.years,
                   part.rule.value, tuple(r for r in related if (r.start, r.end) not in seen))
