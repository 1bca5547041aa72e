"""Years of experience: dated roles in the asked scope, merged, against the years asked.

Rules: years-enough (met); years-short (partial, at least 75% of the ask); years-too-few
(missing); years-claimed (no dated roles: an explicit claim such as "5 years of experience"
stands in for the total, never for a narrower domain the roles do not show); years-undated
(the work is shown but no duration at all: partial).

The scope of an ask: "as a project manager" needs the job title; "in PHP" needs roles that
show PHP (or what implies it); "in backend development" roles whose title or bullets show it;
"with <Organisation>" roles at that employer; people management roles whose title says so
(supervisor, shift lead, head of ...). An employer's name is no evidence of the work: a
backend engineer at a health company has no years in clinical education.
"""

from __future__ import annotations

import re

from tailorfit.core.lexicon import Lexicon
from tailorfit.core.lexicon.terms import TermHit, scan
from tailorfit.core.match.parts import Part, Rule
from tailorfit.core.match.profile import Profile
from tailorfit.core.match.result import Evidence, Status
from tailorfit.core.match.words import (
    STOPWORDS,
    content_stems,
    find_phrase,
    stem,
    stem_set,
    stems_of_phrase,
    words,
)
from tailorfit.core.parse.dates import merged_months
from tailorfit.core.parse.details import YearsDetail
from tailorfit.core.parse.posting import Requirement
from tailorfit.core.parse.resume import ResumeSection, Role

# Named technologies: years "in PHP" are years of roles that show PHP.
_TECHNOLOGIES = frozenset({"language", "framework", "library", "database", "cloud", "tool", "os",
                           "protocol"})
_DOMAIN_NOISE = frozenset({"professional", "paid", "full", "time", "industry", "relevant",
                           "progressive", "progressively", "responsible", "hand", "hands",
                           "practical", "direct", "total", "proven", "related", "work",
                           "experience", "working"})
_SIMILAR_ROLE = re.compile(r"\bor (?:a )?(?:similar|related|equivalent|comparable) "
                           r"(?:role|position|capacity|title)", re.IGNORECASE)
# "with the City of Los Angeles", "with Acme Corp": an organisation, not a skill.
_WITH_ORGANISATION = re.compile(r"\bwith (?:the )?((?:[A-Z][\w&.'-]*|of)(?: (?:[A-Z][\w&.'-]*|of))+)")


# "2 years of relevant work experience", "6 months of previous experience": years in the
# posting's own field, though the line names none.
_RELEVANT = re.compile(r"\b(?:relevant|related|previous|prior)\b", re.I)
# Title words that say the level or the setting, not the occupation.
_TITLE_NOISE = frozenset({"senior", "junior", "lead", "head", "chief", "principal", "staff",
                          "assistant", "associate", "intern", "trainee", "ii", "iii", "iv", "i",
                          "part-time", "full-time", "temporary", "entry", "level", "sr", "jr"})


def _in_posting_field(roles: list[Role], profile: Profile, title: str,
                      posting_entries: frozenset[str]) -> list[Role]:
    """Roles of the posting's occupation: the title shares a word with the posting's title
    ("Mathematics Teacher" for "Math Teacher, Grades 9-12"), or the bullets show two of the
    skills the posting names."""
    def occupation(text: str) -> set[str]:  # "Head of Sales": sales, not "of"
        return {stem(w) for w in words(text)
                if w.lower() not in _TITLE_NOISE and w.lower() not in STOPWORDS and len(w) > 1}

    lexicon = profile.lexicon
    wanted = occupation(title)

    def in_field(role: Role) -> bool:
        if wanted & occupation(role.title or ""):
            return True
        shown = {a for h in profile.hits_within(role.start, role.end)
                 for a in (h.entry, *lexicon.ancestors(h.entry)) if not lexicon[a].broad}
        return len(shown & posting_entries) >= 2

    return [r for r in roles if in_field(r)]


def years_part(requirement: Requirement, detail: YearsDetail, profile: Profile,
               posting_title: str = "", posting_entries: frozenset[str] = frozenset()) -> Part:
    asked = detail.minimum
    domain = detail.domain
    resume = profile.resume
    text = resume.document.text
    roles = [r for r in resume.roles
             if r.section is ResumeSection.EXPERIENCE and r.dates is not None]
    organisation = _organisation(requirement.text, profile)
    if organisation:
        chosen = [r for r in roles if organisation.lower() in (r.employer or "").lower()
                  or organisation.lower() in text[r.start:r.end].split("\n")[0].lower()]
        scope = f" with {organisation}"
    elif domain and re.search(rf"\bas(?:\s+an?)?\s+{re.escape(domain[:20])}", requirement.text,
                              re.I):
        # "experience as a database architect": the job title must say so, unless the line
        # allows a similar role ("as a Front End Developer or similar role").
        similar = bool(_SIMILAR_ROLE.search(requirement.text))
        chosen = relevant_roles(domain, roles, profile, titles_only=not similar)
        scope = f" as {domain}" + (" or a similar role" if similar else "")
    elif domain:
        chosen = relevant_roles(domain, roles, profile)
        scope = f" in {domain}"
    elif posting_title and _RELEVANT.search(requirement.text):
        chosen = _in_posting_field(roles, profile, posting_title, posting_entries)
        scope = " in the posting's field"
    else:
        chosen, scope = roles, ""
    months = merged_months(r.dates for r in chosen if r.dates is not None)
    have = months / 12
    evidence = tuple(role_line(r, text, profile, 4) for r in chosen)
    if not roles:
        return _undated(requirement, detail, profile, scope)
    label = _years(have)
    if have < 0.75 * asked and domain:
        # Not enough in the exact domain: roles that do the work without the title, or in the
        # broader field named first, show some of it.
        broader = (relevant_roles(domain, roles, profile) if scope.startswith(" as ") else
                   relevant_roles(detail.field, roles, profile) if detail.field else
                   relevant_roles(domain, roles, profile, exact=False)
                   if scope.startswith(" in ") else [])
        wider = merged_months(r.dates for r in broader if r.dates is not None) / 12
        if wider >= 0.75 * asked:
            what = (f"roles that mention {domain}" if scope.startswith(" as ")
                    else f"roles in {detail.field}" if detail.field
                    else "related roles")
            return Part(Status.PARTIAL, tuple(role_line(r, text, profile, 3) for r in broader),
                        f"{_years(wider)} years of {what}, but not clearly{scope}; "
                        f"{asked:g} asked: {Rule.YEARS_SHORT.label}", Rule.YEARS_SHORT, have)
    if have >= asked:
        return Part(Status.MET, evidence, f"{label} years of roles{scope}; {asked:g} asked",
                    Rule.YEARS_ENOUGH, have)
    if have >= 0.75 * asked:
        return Part(Status.PARTIAL, evidence, f"{label} years of roles{scope}; {asked:g} asked: "
                                              f"{Rule.YEARS_SHORT.label}", Rule.YEARS_SHORT, have)
    listed = _listed_only(domain, profile) if domain and not chosen else None
    if listed is not None:
        # "2+ years of Python": Python is in the skills list, but no dated role shows it.
        return Part(Status.PARTIAL, profile.evidence_of([listed], 1),
                    f"{listed.text} ({profile.where(listed.start)}) is named, but no dated role "
                    f"shows it ({Rule.YEARS_UNDATED.label}); {asked:g} years asked{scope}",
                    Rule.YEARS_UNDATED, 0.0)
    total = merged_months(r.dates for r in roles if r.dates is not None) / 12
    reason = (f"{label} years of roles{scope}; {asked:g} asked: {Rule.YEARS_TOO_FEW.label}"
              if chosen else f"None of the {total:.1f} years of roles is clearly{scope}; "
                             f"{asked:g} asked")
    return Part(Status.MISSING, evidence, reason, Rule.YEARS_TOO_FEW, have)


def _listed_only(domain: str, profile: Profile) -> TermHit | None:
    """The skill a years ask names ("Python" in "2+ years of Python or Scala"), named in the
    resume outside its dated roles (a skills list, the summary), or None. A broad field
    ("software development") or a soft skill named in a list is no such evidence."""
    lexicon = profile.lexicon
    ids = {entry for entry, _, _ in scan(lexicon, domain, True)[0]
           if not lexicon[entry].soft and not lexicon[entry].broad}
    hits = sorted((h for e in ids for h in (*profile.by_entry.get(e, ()),
                                             *profile.specific.get(e, ()))),
                  key=lambda h: h.start)
    return hits[0] if hits else None


def _years(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _undated(requirement: Requirement, detail: YearsDetail, profile: Profile,
             scope: str) -> Part:
    """No dated roles: a years claim stands in for the total; undated work shows some."""
    resume = profile.resume
    asked = detail.minimum
    domain = detail.domain
    claim = resume.claimed_years
    undated = [r for r in resume.roles if r.section is ResumeSection.EXPERIENCE]
    # A claim counts for a domain only when it says so ("5 years of clinical education");
    # roles that show the domain without dates show some of it, but no duration.
    claimed_here = not domain or _claim_mentions(profile, domain)
    shows_domain = not domain or bool(relevant_roles(domain, undated, profile))
    if claim is not None and claimed_here:
        if claim >= asked:
            status = Status.MET
        elif claim >= 0.75 * asked:
            status = Status.PARTIAL
        else:
            status = Status.MISSING
        return Part(status, (), f"The summary claims {claim} years, with no dated roles "
                                f"({Rule.YEARS_CLAIMED.label}); {asked:g} asked{scope}",
                    Rule.YEARS_CLAIMED, float(claim))
    if undated and shows_domain:
        return Part(Status.PARTIAL, tuple(role_line(r, resume.document.text, profile, 2)
                                          for r in undated[:3]),
                    f"Roles are listed without dates ({Rule.YEARS_UNDATED.label}); "
                    f"{asked:g} years asked{scope}", Rule.YEARS_UNDATED)
    if claim is not None:
        return Part(Status.MISSING, (), f"The summary claims {claim} years of experience, but "
                                        f"nothing shows it{scope}; {asked:g} asked",
                    Rule.YEARS_TOO_FEW)
    return Part(Status.MISSING, (), f"No dated roles; {asked:g} years of experience asked"
                                    f"{scope}", Rule.YEARS_TOO_FEW)


def _organisation(text: str, profile: Profile) -> str | None:
    """"with the City of Los Angeles": an employer scope, when it names no skill."""
    found = _WITH_ORGANISATION.search(text)
    if not found:
        return None
    name = found.group(1).strip()
    if name.endswith(" of") or len(name.split()) < 2:
        return None
    if scan(profile.lexicon, name, True)[0]:
        return None  # "with Google Cloud Platform" names a skill
    return name


def role_line(role: Role, text: str, profile: Profile, strength: int) -> Evidence:
    """A role's first line (title, employer, dates) as evidence for years."""
    line = text[role.start:role.end].split("\n")[0]
    return Evidence(role.start, role.start + len(line), line, profile.where(role.start), strength)


def _claim_mentions(profile: Profile, domain: str) -> bool:
    """Does the sentence that claims N years name every distinctive word of the domain?"""
    text = profile.resume.document.text[:4000]
    match = re.search(r"[^.\n]*\b\d{1,2}\+?\s*(?:years|yrs)[^.\n]*", text, re.IGNORECASE)
    if not match:
        return False
    said = stem_set(match.group(0))
    wanted = set(content_stems(domain)) - {stem(w) for w in _DOMAIN_NOISE}
    return bool(wanted) and wanted <= said


def _work_text(role: Role, text: str) -> str:
    """What a role says about the work: its title and bullets, not its employer's name."""
    parts = [role.title or ""]
    parts.extend(text[a:b] for a, b in role.bullets)
    if not role.bullets:
        body = text[role.start:role.end]
        if role.employer:
            body = body.replace(role.employer, " ")
        parts.append(body)
    return "\n".join(parts)


_GERUND_PHRASE = re.compile(r"^([a-z]+ing)\s+(.+)$", re.IGNORECASE)
_OF_PHRASE = re.compile(r"\s+(?:of|for|in|with|at|across|within)\s+", re.IGNORECASE)


def _head_terms(domain: str, lexicon: Lexicon) -> set[str]:
    """Terms of an activity once its object is cut to its head noun.

    "managing diverse engineering teams" is "managing teams", "leading a team of nurses" is
    "leading team": the lexicon names the activity, not every way to qualify its object.
    A bare "management" (as in "2 years of management experience") is managing people.
    """
    if domain.strip().lower() == "management":
        domain = "managing people"
    match = _GERUND_PHRASE.match(domain.strip())
    if match is None:
        return set()
    words = _OF_PHRASE.split(match.group(2), maxsplit=1)[0].split()
    if not words:
        return set()
    return {entry for entry, _, _ in scan(lexicon, f"{match.group(1)} {words[-1]}", True)[0]}


def relevant_roles(domain: str, roles: list[Role], profile: Profile,
                   titles_only: bool = False, exact: bool = True) -> list[Role]:
    """Roles in the domain: by their titles first, else by what their bullets show.

    ``exact``: a named technology must be shown; otherwise roles of its field will do.
    """
    lexicon = profile.lexicon
    text = profile.resume.document.text
    # "3 years of Ruby": a years ask names a technology, so ambiguous names count here.
    # An activity's head ("leading a team of nurses" is leading a team) before its object.
    ids = _head_terms(domain, lexicon) or {entry for entry, _, _ in scan(lexicon, domain, True)[0]}
    # "Front-End Developer" and "Front End Developer" ask the same: compare the parts.
    stems = set(content_stems(domain.replace("-", " "))) - {
        stem(w) for w in _DOMAIN_NOISE | STOPWORDS}
    titles = [stems_of_phrase(t) for e in ids for t in lexicon[e].titles]

    def role_entries(role: Role) -> set[str]:
        """Terms of a role, but not those in its employer's name ("... Health")."""
        employer = (role.employer or "").lower()
        return {h.entry for h in profile.hits_within(role.start, role.end)
                if not employer or h.text.lower() not in employer}

    def title_entries(role: Role) -> set[str]:
        return {entry for entry, _, _ in scan(lexicon, role.title or "", False)[0]}

    def shows(words: str, found: set[str], need: float) -> bool:
        found = set(found)
        for entry in list(found):
            found |= lexicon.ancestors(entry)
        if ids & found:
            return True
        have = stem_set(words)
        return bool(stems) and len(stems & have) >= max(1.0, need * len(stems))

    kinds = {lexicon[e].category for e in ids} & _TECHNOLOGIES
    if kinds and exact:
        # "PHP development": only roles that show PHP (or what implies it), not any role with
        # "development" in it or other software terms.
        return [r for r in roles if ids & {a for e in role_entries(r)
                                           for a in (e, *lexicon.ancestors(e))}]
    if kinds:
        # Related work: roles with a technology linked to the one asked (Python for a Ruby
        # ask, MySQL for PostgreSQL), not any tool of the same category (Jira for Salesforce).
        near = {r for e in ids for r in lexicon.related(e)}
        parents = {a for e in ids for a in lexicon.ancestors(e) if not lexicon[a].broad}
        return [r for r in roles
                if any(({e} | lexicon.ancestors(e)) & near
                       or {a for a in lexicon.ancestors(e) if not lexicon[a].broad} & parents
                       for e in role_entries(r) if e not in ids)]
    if titles:
        # People management and the like: the job title says it (supervisor, shift lead).
        titled = [r for r in roles
                  if any(find_phrase(t, [stem(w) for w in words(r.title or "")]) >= 0
                         for t in titles)]
        # Managing people shows in the title only; bullets about meetings are no such years.
        if titled or titles_only or all(lexicon[e].years_by_title for e in ids):
            return titled
    titled = [r for r in roles if shows(r.title or "", title_entries(r), 0.6)]
    if titled or titles_only:
        return titled
    chosen = [r for r in roles if shows(_work_text(r, text), role_entries(r), 0.5)]
    if not ids:
        return chosen
    # The same field as the domain: a role full of software terms is backend-ish work when
    # the lexicon files of its terms match the domain's.
    fields = {lexicon[e].domain for e in ids}
    taken = {id(r) for r in chosen}  # identity: comparing Role values is slow on long resumes
    for role in roles:
        if id(role) in taken:
            continue
        found = role_entries(role)
        if sum(1 for e in found if lexicon[e].domain in fields and not lexicon[e].soft) >= 2:
            chosen.append(role)
    return chosen
