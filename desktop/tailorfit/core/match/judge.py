"""Judging one requirement against a resume profile: the verdict rules of the product.

- met: the resume clearly shows it (the skill, or a more specific instance of it; enough
  relevant years; the degree level in the named or a related field; a demonstrated soft skill).
- partial: some parts of a multi-part requirement; or only related/weaker evidence (75% of the
  years, an unrelated field, only a broader parent skill, a skill listed without use where the
  line asks for expertise, a soft skill claimed but not shown).
- missing: nothing in the resume supports it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from weakref import WeakKeyDictionary

from tailorfit.core.lexicon import Lexicon, fold_word
from tailorfit.core.lexicon.terms import TermHit, scan
from tailorfit.core.match.profile import EVIDENCE_KEPT, Profile
from tailorfit.core.match.result import Evidence, Status, Verdict
from tailorfit.core.parse.dates import merged_months
from tailorfit.core.parse.details import DegreeLevel, YearsDetail, parse_all_years
from tailorfit.core.parse.posting import Requirement, RequirementKind
from tailorfit.core.parse.resume import Resume, ResumeSection, Role

_DEMANDING = re.compile(r"\b(?:expert|expertise|deep|extensive|advanced|mastery|in-depth|"
                        r"strong command|highly proficient)\b", re.IGNORECASE)
_ANY_CUE = re.compile(r"\b(?:one or more of|any of|at least one of|either|such as|e\.g\.?|"
                      r"for example|like|including but not limited to)\b", re.IGNORECASE)
_SLOT_SPLIT = re.compile(r",|;|\band\b(?!\s*/\s*or)|\bas well as\b|&", re.IGNORECASE)
_KIND_NOUN = re.compile(r"\b(?:librar(?:y|ies)|frameworks?)\W*$", re.IGNORECASE)
_OR = re.compile(r"\bor\b|/|\beither\b", re.IGNORECASE)
_STOPWORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "for", "from", "has", "have", "in",
    "into", "is", "it", "its", "of", "on", "or", "our", "the", "their", "this", "to", "with",
    "within", "you", "your", "we", "will", "must", "should", "able", "ability", "experience",
    "strong", "excellent", "good", "solid", "working", "knowledge", "understanding", "proven",
    "demonstrated", "skills", "skill", "proficiency", "proficient", "familiarity", "familiar",
    "years", "year", "plus", "preferred", "required", "including", "work", "team", "related",
    "field", "equivalent", "etc", "using", "use", "based", "new", "other", "such", "well"
})
# Kinds of things where a close alternative partly transfers (PostgreSQL for MySQL, Azure for
# AWS, Jenkins for GitHub Actions). Knowing Java is not knowing Go, and a neighbouring concept
# is not the concept, so languages and concepts get no credit from siblings.
_SUBSTITUTABLE = frozenset({"database", "cloud", "devops", "tool", "framework", "library", "data",
                            "methodology",
                            "ml", "security", "os", "clinical", "finance", "design", "marketing",
                            "sales", "education", "operations", "certificate", "license"})
# Parents too broad to make two skills "of the same kind".
_GENERIC = frozenset({"programming", "software_engineering", "databases", "cloud_computing",
                      "data_analysis", "web_development", "computer_science", "api_development",
                      "backend_development", "frontend_development", "it_support",
                      "object_oriented_programming", "functional_programming"})
# Named technologies: years "in PHP" are years of roles that show PHP.
_TECHNOLOGIES = frozenset({"language", "framework", "library", "database", "cloud", "tool", "os",
                           "protocol"})
_NEEDED_MONTHS = {DegreeLevel.ASSOCIATE: 36, DegreeLevel.BACHELOR: 72, DegreeLevel.MASTER: 96,
                  DegreeLevel.DOCTORATE: 120}
_TECHNICAL_FIELDS = re.compile(r"comput|software|engineer|information|data|math|statist|physic|"
                               r"electr|technolog|science", re.IGNORECASE)


# "across functions (SRE, Engineering)": the parentheses name who you work with, not a skill.
_AUDIENCE = re.compile(r"\b(?:functions|departments|disciplines|stakeholders|audiences|levels)"
                       r"\s*\(([^()]*)\)", re.IGNORECASE)
_OPTIONAL = re.compile(r"\b(?:preferred|preferably|ideally|a plus|bonus|nice to have|desired)\b",
                       re.IGNORECASE)


def asked_terms(requirement: Requirement, terms: list[TermHit]) -> list[TermHit]:
    """The terms a requirement asks for: without those naming the teams it works with."""
    spans = [(m.start(1), m.end(1)) for m in _AUDIENCE.finditer(requirement.text)]
    if not spans:
        return terms
    base = requirement.start
    return [t for t in terms if not any(a <= t.start - base < b for a, b in spans)]


@dataclass(frozen=True, slots=True)
class _Part:
    status: Status
    evidence: tuple[Evidence, ...]
    reason: str
    years: float | None = None  # for years asks: the years the resume shows in the scope


# Verdicts of single skills per resume profile (see _remembered).
_MEMO: WeakKeyDictionary[Profile, dict[tuple[str, str, bool | int, bool], _Part]] = (
    WeakKeyDictionary())


def judge(requirement: Requirement, terms: list[TermHit], profile: Profile,
          posting_entries: frozenset[str] = frozenset()) -> Verdict:
    """The verdict for one requirement; ``terms`` are the lexicon terms found inside it.

    ``posting_entries`` are the lexicon entries named anywhere in the posting: they tell what
    an unnamed "licensed as appropriate" is about.
    """
    lexicon = profile.lexicon
    ids = tuple(dict.fromkeys(t.entry for t in terms))
    if requirement.kind is RequirementKind.DEGREE and requirement.degree is not None:
        part = _degree(requirement, profile)
        if requirement.years is not None:  # "a bachelor's degree and two years of experience"
            part = _all([part, _years(requirement, requirement.years, profile)])
        return _verdict(requirement, part, ids)
    if requirement.kind is RequirementKind.YEARS and requirement.years is not None:
        clauses = parse_all_years(requirement.text) or [requirement.years]
        parts = [_years(requirement, c, profile) for c in clauses]
        # "5 years in machine learning, with a strong focus on research": a second part.
        extra = _beyond_years(requirement, clauses, terms, lexicon)
        years = _all(parts)
        if extra and years.status is not Status.MISSING:
            years = _all([years, _terms(requirement, extra, profile)])
        return _verdict(requirement, years, ids)
    if requirement.kind is RequirementKind.CERT:
        return _verdict(requirement, _cert(requirement, terms, profile, posting_entries), ids)
    skill_terms = [t for t in terms if lexicon[t.entry].category not in ("degree", "degree_field")]
    if not skill_terms:
        return _verdict(requirement, _words(requirement, profile), ids)
    part = _terms(requirement, skill_terms, profile)
    if part.status is Status.MISSING and requirement.kind is not RequirementKind.SOFT:
        words = _words(requirement, profile, strict=True)
        if words.status is Status.PARTIAL:  # the named skill is absent, the work itself is not
            return _verdict(requirement, _Part(Status.PARTIAL, words.evidence,
                                               f"{part.reason}; {words.reason[0].lower()}"
                                               f"{words.reason[1:]}"), ids)
    return _verdict(requirement, part, ids)


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
    for part in re.finditer(r"\([^()]*\)|[^,;()]+", text):
        if _OPTIONAL.search(part.group()):
            covered.append(part.span())
    base = requirement.start
    degree = ("degree", "degree_field")
    return [t for t in terms
            if lexicon[t.entry].category not in degree
            and not any(a <= t.start - base < b for a, b in covered)]


def _verdict(requirement: Requirement, part: _Part, ids: tuple[str, ...]) -> Verdict:
    evidence = sorted(part.evidence, key=lambda e: (-e.strength, e.start))
    unique: list[Evidence] = []
    seen: set[tuple[int, int]] = set()
    for item in evidence:
        if (item.start, item.end) not in seen:
            seen.add((item.start, item.end))
            unique.append(item)
            if len(unique) == EVIDENCE_KEPT:
                break
    return Verdict(requirement, part.status, tuple(unique), part.reason, ids, part.years)


# -- skills: slots joined by "and", alternatives by "or" -------------------------------------

def _terms(requirement: Requirement, terms: list[TermHit], profile: Profile) -> _Part:
    text = requirement.text
    base = requirement.start
    demanding = bool(_DEMANDING.search(text))
    near = requirement.kind is RequirementKind.SOFT
    cue = _ANY_CUE.search(text)
    slots: list[tuple[list[TermHit], bool]] = []
    bounds: list[tuple[int, int]] = []
    commas: list[bool] = []  # is the separator after each slot a comma?
    last = 0
    depth_free = _outside_parentheses(text)
    for match in _SLOT_SPLIT.finditer(text):
        if not depth_free[match.start()]:
            continue
        bounds.append((last, match.start()))
        commas.append(match.group() == ",")
        last = match.end()
    bounds.append((last, len(text)))
    spans = {t.end - base: t.start - base for t in terms}
    for start, end, choice in _or_lists(text, bounds, commas, spans):
        inside = [t for t in terms if start <= t.start - base < end]
        if inside:
            slots.append((inside, choice))
    parts: list[_Part] = []
    for slot, choice in slots:
        # Terms in parentheses after a concept are examples of it: "event streaming (Kafka,
        # Pulsar)" is met by the concept or by any example.
        head = [h for h in slot if depth_free[h.start - base]]
        examples = [h for h in slot if not depth_free[h.start - base]]
        head_part = _slot(head, text, base, profile, demanding, choice, near) if head else None
        example_part = _any([_term(e, profile, demanding, near) for e in
                             dict.fromkeys(h.entry for h in examples)]) if examples else None
        if head_part and example_part:
            parts.append(max((head_part, example_part), key=lambda p: p.status.value_score))
        else:
            parts.append(head_part or example_part)  # type: ignore[arg-type]
    if not parts:
        return _Part(Status.MISSING, (), "Nothing in the resume matches this requirement")
    if cue:
        after = [t for t in terms if t.start - base >= cue.end()]
        if after:
            before = [t for t in terms if t.start - base < cue.start()]
            # "libraries like jQuery" names the kind: any JavaScript library will do.
            kind_named = bool(_KIND_NOUN.search(text[:cue.start()]))
            illustrated = _any([_example(e, profile, demanding, kind_named)
                                for e in dict.fromkeys(t.entry for t in after)])
            if not before:
                return illustrated
            named = _terms_without_cue(requirement, before, profile, demanding, near)
            return _all([named, illustrated])
    return _all(parts)


_OR_ITEM = re.compile(r"(?:^|[\s/])or\s", re.IGNORECASE)


def _or_lists(text: str, bounds: list[tuple[int, int]], commas: list[bool],
              term_spans: dict[int, int]) -> list[tuple[int, int, bool]]:
    """Merge "Python, Java, or Go" into one slot: a comma list that ends in "or" offers choices.

    Every item before the "or" must end with a term ("Strong SQL skills, Python or R" is
    two asks), and of the first item only its last term joins the choice ("Kubernetes
    operators in Java, Scala, or Elixir" asks for Kubernetes and one language).
    ``term_spans`` maps each term's end to its start.
    """
    def item(k: int) -> str:
        return text[bounds[k][0]:bounds[k][1]]

    def bare(k: int) -> bool:
        start, body = bounds[k][0], item(k)
        return len(body.split()) <= 4 and start + len(body.rstrip()) in term_spans

    merged: list[tuple[int, int, bool]] = []
    i = 0
    while i < len(bounds):
        j = i
        while j < len(commas) and commas[j] and bare(j) and not _OR_ITEM.search(item(j) + " "):
            j += 1
        tail = item(j) + " " if j > i else ""
        if tail and len(tail.split()) <= 5 and _OR_ITEM.search(tail):
            start = bounds[i][0]
            choice = term_spans[start + len(item(i).rstrip())]
            if choice > start and text[start:choice].strip():
                merged.append((start, choice, False))  # what the first item asks besides
            merged.append((choice, bounds[j][1], True))
            i = j + 1
        else:
            merged.append((*bounds[i], False))
            i += 1
    return merged


def _terms_without_cue(requirement: Requirement, terms: list[TermHit], profile: Profile,
                       demanding: bool, near: bool = False) -> _Part:
    seen: dict[str, _Part] = {}
    for hit in terms:
        seen.setdefault(hit.entry, _term(hit.entry, profile, demanding, near))
    return _all(list(seen.values()))


def _slot(slot: list[TermHit], text: str, base: int, profile: Profile, demanding: bool,
          choice: bool = False, near: bool = False) -> _Part:
    """Terms of one slot: "or" joins the two terms it stands between, anything else adds a
    part ("deploying models via Triton or SageMaker" asks for deployment and one of two)."""
    seen: dict[str, _Part] = {}
    for hit in slot:
        if hit.entry not in seen:
            seen[hit.entry] = _term(hit.entry, profile, demanding, near)
    if choice or len(seen) == 1:
        return _any(list(seen.values()))
    groups: list[list[str]] = [[slot[0].entry]]
    for before, hit in pairwise(slot):
        if hit.entry in groups[-1]:
            continue
        gap = text[before.end - base:hit.start - base]
        if _OR.search(gap) and not re.search(r"[;:]", gap):
            groups[-1].append(hit.entry)
        elif not any(hit.entry in g for g in groups):
            groups.append([hit.entry])
    return _all([_any([seen[e] for e in group]) for group in groups])


def _example(entry_id: str, profile: Profile, demanding: bool, kind_named: bool = False) -> _Part:
    """Examples after "such as" illustrate a kind of thing: a sibling of the same kind shows
    it too (Redux for "libraries such as jQuery": both are JavaScript libraries).

    A language is a kind only when the posting names it as libraries or frameworks: dplyr is
    no "visualisation tool such as ggplot", though both are R.
    """
    part = _term(entry_id, profile, demanding)
    if part.status is Status.MET:
        return part
    if part.reason.startswith("Only the broader"):  # R is no visualisation tool like ggplot
        part = _Part(Status.MISSING, (), f"No {profile.lexicon[entry_id].name} or a tool like it")
    lexicon = profile.lexicon
    parents = {a for a in lexicon.ancestors(entry_id) - _GENERIC
               if kind_named or lexicon[a].category != "language"}
    if parents:
        for other, hits in profile.by_entry.items():
            if other == entry_id or other in lexicon.ancestors(entry_id):
                continue
            if lexicon[other].category == lexicon[entry_id].category and (
                    lexicon.ancestors(other) & parents):
                hit = hits[0]
                return _Part(Status.MET, profile.evidence_of(hits, 2),
                             f"{hit.text} ({profile.where(hit.start)}) is of the same kind as "
                             f"{lexicon[entry_id].name}")
    return part


def _outside_parentheses(text: str) -> list[bool]:
    depth = 0
    flags: list[bool] = []
    for char in text:
        if char == "(":
            depth += 1
        flags.append(depth == 0)
        if char == ")":
            depth = max(0, depth - 1)
    flags.append(True)
    return flags


def _remembered(profile: Profile, key: tuple[str, str, bool | int, bool],
                compute: Callable[[], _Part]) -> _Part:
    """A single-skill verdict computed once per resume: many lines name the same skill."""
    memo = _MEMO.setdefault(profile, {})
    known = memo.get(key)
    if known is None:
        known = memo[key] = compute()
    return known


def _term(entry_id: str, profile: Profile, demanding: bool, near: bool = False) -> _Part:
    """One named skill. ``near``: a neighbouring soft skill counts for some (soft items)."""
    return _remembered(profile, ("term", entry_id, demanding, near),
                       lambda: _term_uncached(entry_id, profile, demanding, near))


def _term_uncached(entry_id: str, profile: Profile, demanding: bool, near: bool) -> _Part:
    lexicon = profile.lexicon
    entry = lexicon[entry_id]
    name = entry.name
    if entry.soft:
        return _soft(entry_id, profile, near=near)
    direct = profile.by_entry.get(entry_id, [])
    if entry_id == "english" and not direct and profile.written_in_english:
        return _Part(Status.MET, (), "The resume itself is written in fluent English")
    if direct:
        used = [h for h in direct if profile.in_use(h)]
        evidence = profile.evidence_of(direct, 4)
        first = (used or direct)[0]
        if demanding and not used:
            return _Part(Status.PARTIAL, evidence,
                         f"{name} is listed ({profile.where(first.start)}) but no use of it is "
                         "shown, and the posting asks for expertise")
        return _Part(Status.MET, evidence, f"{first.text} ({profile.where(first.start)})")
    specific = profile.specific.get(entry_id, [])
    if specific:
        used = [h for h in specific if profile.in_use(h)] or specific
        hit = used[0]
        return _Part(Status.MET, profile.evidence_of(specific, 3),
                     f"{hit.text} ({profile.where(hit.start)}) counts as {name}")
    siblings = lexicon.related(entry_id) if lexicon[entry_id].category in _SUBSTITUTABLE else ()
    related = [h for r in siblings for h in profile.by_entry.get(r, [])
               if lexicon[r].category not in ("degree", "degree_field")]
    if related:
        hit = related[0]
        return _Part(Status.PARTIAL, profile.evidence_of(related, 1),
                     f"Only {hit.text} ({profile.where(hit.start)}), which is related to {name}")
    # Only a direct, specific parent counts ("Kubernetes" for "GKE"), not "programming".
    parents = [h for a in entry.implies if a not in _GENERIC for h in profile.by_entry.get(a, [])]
    if parents:
        hit = parents[0]
        return _Part(Status.PARTIAL, profile.evidence_of(parents, 0),
                     f"Only the broader {hit.text} ({profile.where(hit.start)}); {name} itself "
                     "is not named")
    if entry.category in _SUBSTITUTABLE:
        # The parent shown through another instance of it: nursing (from "RN") for
        # "ambulatory care", both clinical care. Not for languages: Java shows no Go.
        for parent in entry.implies:
            shown = [h for h in profile.specific.get(parent, ())
                     if parent not in _GENERIC and lexicon[h.entry].category != "language"]
            if shown:
                hit = shown[0]
                return _Part(Status.PARTIAL, profile.evidence_of(shown, 0),
                             f"Only {hit.text} ({profile.where(hit.start)}), which shows the "
                             f"broader {lexicon[parent].name}; {name} itself is not named")
    if entry.category == "management":
        # No title or named skill, but bullets that show leading people or work count for some.
        led = _soft("leadership", profile) if "leadership" in lexicon.entries else None
        if led is not None and led.status is Status.MET:
            bullet = led.evidence[0]
            return _Part(Status.PARTIAL, led.evidence,
                         f'No {name} named, but "{bullet.text}" ({bullet.where}) shows leading '
                         "work")
    return _Part(Status.MISSING, (), f"No {name} or a related skill in the resume")


def _soft(entry_id: str, profile: Profile, depth: int = 0, near: bool = False) -> _Part:
    return _remembered(profile, ("soft", entry_id, depth, near),
                       lambda: _soft_uncached(entry_id, profile, depth, near))


def _soft_uncached(entry_id: str, profile: Profile, depth: int, near: bool) -> _Part:
    entry = profile.lexicon[entry_id]
    patterns = [_evidence(p) for p in entry.evidence if p]
    shown: list[Evidence] = []
    for start, _end, line in profile.use_lines:
        if len(shown) >= EVIDENCE_KEPT:
            break  # a verdict shows a few bullets; a long resume need not be searched further
        for pattern, key in patterns:
            # "communication between frontend and backend" is no soft skill; a later
            # "communicated the rollout" in the same line still is.
            found = next((m for m in pattern.finditer(line)
                          if not _excluded(entry.negative, line, m.start())),
                         None) if key in line else None
            if found:
                text = profile.resume.document.text[start + found.start():start + found.end()]
                shown.append(Evidence(start + found.start(), start + found.end(), text,
                                      profile.where(start), 5))
                break
    direct = profile.by_entry.get(entry_id, [])
    used = [h for h in direct if profile.in_use(h)]
    shown.extend(profile.evidence_of(used, 4))
    if shown:
        return _Part(Status.MET, tuple(shown),
                     f'"{shown[0].text}" ({shown[0].where}) shows {entry.name.lower()}')
    parts = [p for p in entry.implies if p in profile.lexicon.entries
             and profile.lexicon[p].soft and p != entry_id]
    if parts and depth < 2:  # "written and verbal communication": each part shown
        combined = _all([_soft(p, profile, depth + 1, near) for p in parts])
        if combined.status is not Status.MISSING:
            return combined
    if direct:
        hit = direct[0]
        return _Part(Status.PARTIAL, profile.evidence_of(direct, 1),
                     f"{entry.name} is claimed ({profile.where(hit.start)}) but no bullet "
                     "shows it")
    if near and depth < 2:
        # A neighbouring skill shown in a bullet ("collaborated" for communication) is weaker
        # evidence of this one.
        for other in sorted(profile.lexicon.related(entry_id)):
            if other in profile.lexicon.entries and profile.lexicon[other].soft:
                close = _soft(other, profile, depth=2)
                if close.status is Status.MET:
                    return _Part(Status.PARTIAL, close.evidence,
                                 f"{close.reason}, which is close to {entry.name.lower()}")
    return _Part(Status.MISSING, (), f"Nothing in the resume shows {entry.name.lower()}")


def _excluded(negative: tuple[str, ...], line: str, at: int) -> bool:
    """Does one of the entry's negative phrases cover position ``at`` of ``line``?"""
    for phrase in negative:
        index = line.find(phrase)
        while index != -1:
            if index <= at < index + len(phrase):
                return True
            index = line.find(phrase, index + 1)
    return False


_IRREGULAR = {"led": "(?:led|lead(?:s|ing)?)", "wrote": "(?:wrote|writ(?:e|es|ing|ten))",
              "taught": "(?:taught|teach(?:es|ing)?)", "spoke": "(?:spoke|speak(?:s|ing)?)",
              "built": "(?:built|build(?:s|ing)?)", "ran": "(?:ran|run(?:s|ning)?)",
              "oversaw": "(?:oversaw|oversee(?:s|ing)?)", "drew": "(?:drew|draw(?:s|ing)?)",
              "sold": "(?:sold|sell(?:s|ing)?)", "made": "(?:made|mak(?:e|es|ing))"}
# What every form of each irregular verb starts with.
_IRREGULAR_KEY = {"led": "le", "wrote": "wr", "taught": "t", "spoke": "sp", "built": "buil",
                  "ran": "r", "oversaw": "overs", "drew": "dr", "sold": "s", "made": "ma"}


@lru_cache(maxsize=4096)
def _evidence_pattern(phrase: str) -> re.Pattern[str]:
    """"resolved" also finds "resolve", "resolves", "resolving" (resumes mix tenses)."""
    return _evidence(phrase)[0]


@lru_cache(maxsize=4096)
def _evidence(phrase: str) -> tuple[re.Pattern[str], str]:
    """The pattern of an evidence phrase, and a literal every match starts with: checking the
    literal first spares most regex searches (bullets rarely hold a given verb)."""
    first, _, rest = phrase.partition(" ")
    if first in _IRREGULAR:
        stem = _IRREGULAR[first]
        key = _IRREGULAR_KEY[first]
    elif first.endswith("ied") and len(first) > 5:
        key = first[:-3]
        stem = re.escape(key) + r"(?:y|ies|ied|ying)"
    elif first.endswith("ed") and len(first) > 5:
        base = first[:-2]
        if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "ls":
            base = base[:-1]  # "planned" -> "plan"
        key = base
        stem = re.escape(base) + r"(?:e|es|ed|ing|s|ion|ions)"
    else:
        key = first
        stem = re.escape(first)
    tail = (r"\s+" + re.escape(rest).replace(r"\ ", r"\s+")) if rest else ""
    return re.compile(rf"(?<!\w){stem}{tail}(?!\w)"), key


def _all(parts: list[_Part]) -> _Part:
    if not parts:
        return _Part(Status.MISSING, (), "Nothing in the resume matches this requirement")
    evidence = tuple(e for p in parts for e in p.evidence)
    years = next((p.years for p in parts if p.years is not None), None)
    if all(p.status is Status.MET for p in parts):
        return _Part(Status.MET, evidence, "; ".join(p.reason for p in parts), years)
    if all(p.status is Status.MISSING for p in parts):
        return _Part(Status.MISSING, (), "; ".join(p.reason for p in parts), years)
    met = [p.reason for p in parts if p.status is Status.MET]
    other = [p.reason for p in parts if p.status is not Status.MET]
    reason = "; ".join(met + other) if met else "; ".join(other)
    return _Part(Status.PARTIAL, evidence, reason, years)


def _any(parts: list[_Part]) -> _Part:
    if not parts:
        return _Part(Status.MISSING, (), "Nothing in the resume matches this requirement")
    best = max(parts, key=lambda p: p.status.value_score)
    evidence = tuple(e for p in parts if p.status is best.status for e in p.evidence)
    return _Part(best.status, evidence, best.reason)


# -- years -----------------------------------------------------------------------------------

def _years(requirement: Requirement, detail: YearsDetail, profile: Profile) -> _Part:
    asked = detail.minimum
    domain = detail.domain
    resume = profile.resume
    text = resume.document.text
    roles = [r for r in resume.roles
             if r.section is ResumeSection.EXPERIENCE and r.dates is not None]
    employer = _EMPLOYER.search(requirement.text)
    if employer:  # "as an Applications Programmer with the City of Los Angeles"
        name = employer.group(1)
        chosen = [r for r in roles if name.lower() in text[r.start:r.end].lower()]
        scope = f" with {name}"
    elif domain and re.search(rf"\bas(?:\s+an?)?\s+{re.escape(domain[:20])}", requirement.text,
                              re.I):
        # "experience as a database architect": the job title must say so.
        chosen = _relevant_roles(domain, roles, profile, titles_only=True)
        scope = f" as {domain}"
    elif domain:
        chosen = _relevant_roles(domain, roles, profile)
        scope = f" in {domain}"
    else:
        chosen, scope = roles, ""
    months = merged_months(r.dates for r in chosen if r.dates is not None)
    have = months / 12
    evidence = tuple(_role_line(r, text, profile, 4) for r in chosen)
    if not roles:
        claim = resume.claimed_years
        if claim is not None:
            # A claim in the summary is weaker than dated roles: it is met only for a plain
            # "N years of experience" ask.
            if claim >= asked and (not domain or _claim_mentions(resume, domain)):
                status = Status.MET
            elif claim >= 0.75 * asked:
                status = Status.PARTIAL
            else:
                status = Status.MISSING
            return _Part(status, (), f"The summary claims {claim} years, with no dated roles; "
                                     f"{asked:g} asked{scope}")
        if resume.roles:
            return _Part(Status.PARTIAL, (), f"Roles are listed without dates; {asked:g} years "
                                             "asked")
        return _Part(Status.MISSING, (), f"No dated roles; {asked:g} years of experience asked")
    label = f"{have:.1f}".rstrip("0").rstrip(".")
    if have < 0.75 * asked and domain:
        # Not enough in the exact domain: roles that do the work without the title, or in the
        # broader field named first, show some of it.
        broader = (_relevant_roles(domain, roles, profile) if scope.startswith(" as ") else
                   _relevant_roles(detail.field, roles, profile) if detail.field else
                   _relevant_roles(domain, roles, profile, exact=False)
                   if scope.startswith(" in ") else [])
        wider = merged_months(r.dates for r in broader if r.dates is not None) / 12
        if wider >= 0.75 * asked:
            what = (f"roles that mention {domain}" if scope.startswith(" as ")
                    else f"roles in {detail.field}" if detail.field
                    else "related roles")
            return _Part(Status.PARTIAL, tuple(_role_line(r, text, profile, 3) for r in broader),
                         f"{wider:.1f} years of {what}, but not clearly{scope}; {asked:g} asked",
                         have)
    if have >= asked:
        return _Part(Status.MET, evidence, f"{label} years of roles{scope}; {asked:g} asked",
                     have)
    if have >= 0.75 * asked:
        return _Part(Status.PARTIAL, evidence,
                     f"{label} years of roles{scope}; {asked:g} asked (short of it)", have)
    total = merged_months(r.dates for r in roles if r.dates is not None) / 12
    reason = (f"{label} years of roles{scope}; {asked:g} asked" if chosen else
              f"None of the {total:.1f} years of roles is clearly{scope}; {asked:g} asked")
    return _Part(Status.MISSING, evidence, reason, have)


def _role_line(role: Role, text: str, profile: Profile, strength: int) -> Evidence:
    """A role's first line (title, employer, dates) as evidence for years."""
    line = text[role.start:role.end].split("\n")[0]
    return Evidence(role.start, role.start + len(line), line, profile.where(role.start), strength)


_EMPLOYER = re.compile(r"\bwith the ((?:City|County|State) of [A-Z][a-z]+(?: [A-Z][a-z]+)?)")
_DOMAIN_NOISE = frozenset({"professional", "paid", "full", "time", "industry", "relevant",
                           "progressive", "progressively", "responsible", "hand", "hands",
                           "practical", "direct", "total", "proven", "related", "work"})


def _claim_mentions(resume: Resume, domain: str) -> bool:
    """Does the sentence that claims N years name every word of the domain?"""
    text = resume.document.text[:4000]
    match = re.search(r"[^.\n]*\b\d{1,2}\+?\s*(?:years|yrs)[^.\n]*", text, re.IGNORECASE)
    if not match:
        return False
    said = {fold_word(w)[:4] for w in re.findall(r"[A-Za-z]{4,}", match.group(0))}
    wanted = {fold_word(w)[:4] for w in re.findall(r"[A-Za-z]{4,}", domain)}
    wanted -= {fold_word(w)[:4] for w in _STOPWORDS | _DOMAIN_NOISE}
    return bool(wanted) and wanted <= said


def _relevant_roles(domain: str, roles: list[Role], profile: Profile,
                    titles_only: bool = False, exact: bool = True) -> list[Role]:
    """Roles in the domain: by their titles first, else by what their bullets show.

    ``exact``: a named technology must be shown; otherwise roles of its field will do.
    """
    lexicon = profile.lexicon
    text = profile.resume.document.text
    # "3 years of Ruby": a years ask names a technology, so ambiguous names count here.
    ids = {entry for entry, _, _ in scan(lexicon, domain, True)[0]}
    stems = {_stem(fold_word(w)) for w in re.findall(r"[A-Za-z]{3,}", domain)}
    stems -= {_stem(w) for w in _STOPWORDS | _DOMAIN_NOISE}

    def entries_in(start: int, end: int) -> set[str]:
        return {h.entry for h in profile.hits_within(start, end)}

    def shows(start: int, end: int, need: float) -> bool:
        found = entries_in(start, end)
        for entry in list(found):
            found |= lexicon.ancestors(entry)
        if ids & found:
            return True
        words = {_stem(fold_word(w)) for w in re.findall(r"[A-Za-z]{3,}", text[start:end])}
        return bool(stems) and len(stems & words) >= max(1.0, need * len(stems))

    kinds = {lexicon[e].category for e in ids} & _TECHNOLOGIES
    if kinds and exact:
        # "PHP development": only roles that show PHP (or what implies it), not any role with
        # "development" in it or other software terms.
        return [r for r in roles if ids & {a for e in entries_in(r.start, r.end)
                                           for a in (e, *lexicon.ancestors(e))}]
    if kinds:
        # Related work: roles with a technology linked to the one asked (Python for a Ruby
        # ask, MySQL for PostgreSQL), not any tool of the same category (Jira for Salesforce).
        near = {r for e in ids for r in lexicon.related(e)}
        parents = {a for e in ids for a in lexicon.ancestors(e)} - _GENERIC
        return [r for r in roles
                if any(({e} | lexicon.ancestors(e)) & near or (lexicon.ancestors(e) - _GENERIC)
                       & parents for e in entries_in(r.start, r.end) if e not in ids)]
    titled = [r for r in roles
              if shows(r.start, r.bullets[0][0] if r.bullets else r.end, 0.6)]
    if titled or titles_only:
        return titled
    chosen = [r for r in roles if shows(r.start, r.end, 0.5)]
    if not ids:
        return chosen
    # The same field as the domain: a role full of software terms is backend-ish work when
    # the lexicon files of its terms match the domain's.
    fields = {lexicon[e].domain for e in ids}
    taken = {id(r) for r in chosen}  # identity: comparing Role values is slow on long resumes
    for role in roles:
        if id(role) in taken:
            continue
        found = entries_in(role.start, role.end)
        if sum(1 for e in found if lexicon[e].domain in fields and not lexicon[e].soft) >= 2:
            chosen.append(role)
    return chosen


# -- degrees ---------------------------------------------------------------------------------

def _field_ids(profile: Profile, text: str) -> set[str]:
    lexicon = profile.lexicon
    ids = {entry for entry, _, _ in scan(lexicon, text, True)[0]
           if lexicon[entry].category in ("degree_field", "degree")}
    for entry in list(ids):
        field = lexicon[entry].field
        if field:
            ids.add(field)
    return ids


def _fields_match(profile: Profile, wanted: tuple[str, ...], have: tuple[str, ...],
                  lenient: bool) -> bool:
    lexicon = profile.lexicon
    wanted_lower = {w.lower() for w in wanted}
    if any(h.lower() in wanted_lower for h in have):
        return True
    wanted_ids = set().union(*(_field_ids(profile, w) for w in wanted)) if wanted else set()
    have_ids = set().union(*(_field_ids(profile, h) for h in have)) if have else set()
    if wanted_ids & have_ids:
        return True
    if lenient:
        near = set(wanted_ids)
        for entry in wanted_ids:
            near |= lexicon.related(entry)
        if near & have_ids:
            return True
        # "Computer Science, Engineering or a related field": any technical field is related.
        if any(_TECHNICAL_FIELDS.search(w) for w in wanted) and any(
                _TECHNICAL_FIELDS.search(h) for h in have):
            return True
    return False


def _degree(requirement: Requirement, profile: Profile) -> _Part:
    detail = requirement.degree
    assert detail is not None
    resume = profile.resume
    asked = detail.level
    held = sorted(resume.education, key=lambda e: -e.level)
    text = resume.document.text
    evidence = tuple(Evidence(e.start, e.end, text[e.start:e.end], "Education", 4) for e in held)
    asked_label = _level_words(asked)
    if asked <= DegreeLevel.HIGH_SCHOOL:
        if held or resume.roles:
            return _Part(Status.MET, evidence, "A diploma or degree is implied by the resume")
        return _Part(Status.MISSING, (), "No education listed")
    fields = " in " + " or ".join(detail.fields) if detail.fields else ""
    matching = [e for e in held if e.level >= asked]
    if matching:
        if not detail.fields:
            best = matching[0]
            return _Part(Status.MET, evidence, f"{_describe(best)} meets the {asked_label} asked")
        lenient = detail.related_fields or detail.equivalent_experience
        for education in matching:
            if _fields_match(profile, detail.fields, education.fields, lenient):
                return _Part(Status.MET, evidence,
                             f"{_describe(education)} meets the {asked_label}{fields} asked")
        best = matching[0]
        return _Part(Status.PARTIAL, evidence,
                     f"{_describe(best)}: the level is met, but not in {' or '.join(detail.fields)}")
    months = resume.total_months
    if detail.equivalent_experience and months >= _NEEDED_MONTHS.get(asked, 72):
        return _Part(Status.MET, evidence,
                     f"No {asked_label}, but {months / 12:.1f} years of experience stands in as "
                     "the equivalent experience the posting allows")
    if held:
        return _Part(Status.MISSING, evidence,
                     f"{_describe(held[0])} is below the {asked_label} asked")
    if detail.equivalent_experience and months >= 24:
        return _Part(Status.PARTIAL, (), f"No degree listed; {months / 12:.1f} years of experience "
                                         "may count as equivalent")
    return _Part(Status.MISSING, (), f"No {asked_label} in the resume")


def _level_words(level: DegreeLevel) -> str:
    return {DegreeLevel.ASSOCIATE: "associate degree", DegreeLevel.BACHELOR: "bachelor's degree",
            DegreeLevel.MASTER: "master's degree", DegreeLevel.DOCTORATE: "doctorate"}.get(
        level, "diploma")


def _describe(education: object) -> str:
    degree = getattr(education, "degree", "")
    fields = getattr(education, "fields", ())
    year = getattr(education, "year", None)
    label = f"{degree} in {', '.join(fields)}" if fields else str(degree)
    return f"{label} ({year})" if year else label


# -- certificates and licences ------------------------------------------------------------------

def _cert(requirement: Requirement, terms: list[TermHit], profile: Profile,
          posting_entries: frozenset[str]) -> _Part:
    lexicon = profile.lexicon
    certs = [t for t in terms if lexicon[t.entry].category in ("certificate", "license")]
    if certs:
        parts = [_term(hit.entry, profile, False) for hit in
                 {t.entry: t for t in certs}.values()]
        part = _any(parts) if _OR.search(requirement.text) else _all(parts)
        if part.status is Status.MISSING:
            skills = [t for t in terms if t not in certs]
            for hit in skills:
                skill = _term(hit.entry, profile, False)
                if skill.status is not Status.MISSING:
                    return _Part(Status.PARTIAL, skill.evidence,
                                 f"{skill.reason}, but no {lexicon[certs[0].entry].name}")
        return part
    skills = [t for t in terms if lexicon[t.entry].category not in ("degree", "degree_field")]
    if skills:
        # "AWS certification": the skill alone is partial; a certificate naming it is met.
        certificates = profile.resume.certificates
        for hit in skills:
            name = lexicon[hit.entry].name.lower()
            for certificate in certificates:
                if name in certificate.text.lower() or hit.text.lower() in certificate.text.lower():
                    return _Part(Status.MET, (Evidence(certificate.start, certificate.end,
                                                       certificate.text, "Certifications", 5),),
                                 f"{certificate.text} (Certifications)")
        skill = _all([_term(h.entry, profile, False) for h in {t.entry: t for t in skills}.values()])
        if skill.status is not Status.MISSING:
            return _Part(Status.PARTIAL, skill.evidence,
                         f"{skill.reason}, but no certificate or licence is listed")
        return _Part(Status.MISSING, (), "No such certificate or licence in the resume")
    licences = [h for e, hits in profile.by_entry.items()
                if profile.lexicon[e].category == "license" for h in hits]
    if licences and re.search(r"licen[sc]", requirement.text, re.IGNORECASE):
        # An RN licence for "currently licensed" in a posting about nursing: the licence's own
        # field (not a broad ancestor such as patient care) is what the posting is about. A
        # line that names the profession ("licensed as a Physician Assistant") asks for that.
        named_profession = re.search(r"licen[sc]ed as an?\s", requirement.text, re.IGNORECASE)
        for hit in licences if not named_profession else ():
            field = set(lexicon[hit.entry].implies) & posting_entries
            named = [lexicon[e].name for e in field if lexicon[e].category != "license"]
            if named:
                return _Part(Status.MET, profile.evidence_of(licences, 2),
                             f"{hit.text} ({profile.where(hit.start)}) is a licence in "
                             f"{sorted(named)[0]}, the field of this posting")
        hit = licences[0]
        return _Part(Status.PARTIAL, profile.evidence_of(licences, 2),
                     f"{hit.text} ({profile.where(hit.start)}) is a licence; check it is the "
                     "one asked")
    return _words(requirement, profile)


_GENERIC_WORDS = frozenset({
    "tool", "tools", "workflow", "workflows", "service", "services", "system", "systems", "team",
    "teams", "design", "development", "data", "management", "business", "process", "processes",
    "project", "projects", "product", "products", "support", "technical", "technology", "solution",
    "solutions", "environment", "modern", "large", "scale", "complex", "knowledge", "practices",
    "practice", "applications", "application", "platform", "platforms", "quality", "build",
    "building", "performance", "optimization"
})


def _stem(word: str) -> str:
    """A crude stem for comparing words: the first five letters ("managing" ~ "managed")."""
    return word[:5] if len(word) > 5 else word


# -- requirements with no lexicon term ----------------------------------------------------------

def _words(requirement: Requirement, profile: Profile, strict: bool = False) -> _Part:
    words = [fold_word(w) for w in re.findall(r"[A-Za-z][A-Za-z+#]{2,}", requirement.text)]
    content = [w for w in dict.fromkeys(words) if w not in _STOPWORDS]
    if strict:  # beside a named skill that is missing, only distinctive words count
        content = [w for w in content if w not in _GENERIC_WORDS and len(w) >= 5]
    if not content:
        return _Part(Status.MISSING, (), "Nothing in the resume matches this requirement")
    found = [w for w in content if _stem(w) in profile.stems]
    share = len(found) / len(content)
    if len(found) >= (3 if strict else 2) and share >= (0.6 if strict else 0.5):
        return _Part(Status.PARTIAL, (), f"The resume uses some of its words ({', '.join(found[:4])}), "
                                         "but nothing shows it clearly")
    return _Part(Status.MISSING, (), "Nothing in the resume matches this requirement")
