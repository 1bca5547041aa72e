"""Licences, certificates and the conditions of a job (travel, location, schedule).

Licences, certifications, travel and work location are missing unless the resume states them
(rule credential; rule stated-condition): the skill a certificate is about, a broader or a
related credential are no certificate (they show among the related bullets). A licence that
may not be the one asked is partial (rule other-credential). An "RN" credential counts as a
registered-nurse licence in a nursing posting, but not as a licence from a named state.
"""

from __future__ import annotations

import re

from tailorfit.core.lexicon.entry import US_STATE_CODES
from tailorfit.core.lexicon.terms import TermHit
from tailorfit.core.match.parts import Part, Rule, all_of, any_of, nothing
from tailorfit.core.match.profile import Profile
from tailorfit.core.match.result import Evidence, Status
from tailorfit.core.match.skills import term_part
from tailorfit.core.match.words import content_stems
from tailorfit.core.parse.posting import Requirement
from tailorfit.core.parse.vocab import Folded
from tailorfit.core.places import STATE_NAMES, US_STATES

_OR = re.compile(r"\bor\b|/|\beither\b", re.IGNORECASE)
# The work offered in place of the credential: "or equivalent experience", "or knowledge of".
_OR_EXPERIENCE = Folded(r"\bor\b[^.;]{0,40}?\b(?:equivalent|experience|knowledge|"
                        r"proficien\w*|familiar\w*|skills?)\b")
# Lines about the conditions of the job rather than a skill: stated, or missing.
CONDITION = Folded(
    r"\btravel\w*|\brelocat\w*|\blocated in\b|\bbased in\b|\bon[- ]?site\b|\bin[- ]office\b|"
    r"\bcommut\w*|\bshifts?\b|\bweekends?\b|\bevenings?\b|\bnights?\b|\bovertime\b|\bvisa\b|"
    r"\bwork (?:permit|authori[sz]ation)|\bauthori[sz]ed to work\b|\bcitizenship\b|"
    r"\bbackground (?:check|screen)|\bdrug (?:test|screen)|\blift(?:ing)?\b[^.]{0,20}\d|"
    r"\bable to lift\b|\bown (?:car|vehicle)\b|\breliable transportation\b|\bhours a week\b|"
    r"\bfull[- ]time\b.{0,30}\b(?:work|available)|\bwork full[- ]time\b|"
    r"\bavailab\w+ to (?:work|start)|"
    # When one can start: "can join immediately", "immediate joiners", "notice period".
    r"\b(?:join|start)\w*\s+immediately\b|\bimmediate (?:joiner|joining|start)\w*|"
    r"\bnotice period\b")
_CONDITION_WORDS = Folded(r"travel|relocat|located|based|site|office|commut|shift|weekend|"
                          r"evening|night|overtime|visa|permit|authori[sz]|citizen|background|"
                          r"drug|lift|car|vehicle|transportation|hours|immedi|notic|"
                          r"full-tim")


_FULL_TIME = re.compile(r"\bfull\s+time\b", re.IGNORECASE)  # one word, as with a hyphen


def is_condition(text: str) -> bool:
    return bool(CONDITION.search(text))


# A weight, in the ask or in a bullet: "lift up to 50 lbs", "cases up to 50 lb", "25 kg sacks".
_WEIGHT = re.compile(r"\b(\d{1,3})\s*-?\s*(lbs?|pounds?|kg|kilos?|kilograms?)\b", re.IGNORECASE)
# Work that moves a load: the weight in such a bullet is what the person handled.
_HANDLING = re.compile(r"\b(?:lift|carr(?:y|ie)|load|unload|mov(?:e|ing)|stock|handl|haul|"
                       r"transfer|deliver|pack|stack|push|pull)\w*", re.IGNORECASE)


def _pounds(match: re.Match[str]) -> float:
    amount = float(match.group(1))
    return amount * 2.2046 if match.group(2).lower().startswith("k") else amount


def _weight_handled(requirement: Requirement, profile: Profile) -> Part | None:
    """A lifting ask is stated by a bullet that handles that weight or more ("stock shelves
    (cases up to 50 lb)" for "able to lift up to 50 lbs")."""
    if not re.search(r"\blift", requirement.text, re.IGNORECASE):
        return None
    asked = [_pounds(m) for m in _WEIGHT.finditer(requirement.text)]
    if not asked:
        return None
    for bullet in profile.bullets:
        if not _HANDLING.search(bullet.text):
            continue
        handled = [_pounds(m) for m in _WEIGHT.finditer(bullet.text)]
        if handled and max(handled) >= max(asked) - 0.5:  # 23 kg is 50 lb, as rounded
            return Part(Status.MET, (Evidence(bullet.start, bullet.end, bullet.text,
                                              bullet.where, 3),),
                        f'"{bullet.text[:90]}" ({bullet.where}) handles that weight: '
                        f"{Rule.STATED_CONDITION.label}", Rule.STATED_CONDITION)
    return None


def condition_part(requirement: Requirement, profile: Profile) -> Part:
    """Travel, location, schedule, start date, work permits: met only when the resume states
    them, word for word ("car" inside "career" states nothing); a weight to lift, by a bullet
    that handles as much."""
    weight = _weight_handled(requirement, profile)
    if weight is not None:
        return weight
    wanted = [s for s in content_stems(_FULL_TIME.sub("full-time", requirement.text))
              if _CONDITION_WORDS.search(s)]
    text = profile.resume.document.text
    for stem_value in wanted:
        for number, _position in profile.occurrences((stem_value,)):
            bullet = profile.bullets[number]
            return Part(Status.MET, (Evidence(bullet.start, bullet.end, bullet.text,
                                              bullet.where, 3),),
                        f'"{bullet.text[:90]}" ({bullet.where}): {Rule.STATED_CONDITION.label}',
                        Rule.STATED_CONDITION)
        line = next((ln for ln in text.split("\n")
                     if stem_value in content_stems(_FULL_TIME.sub("full-time", ln))), None)
        if line is not None:
            start = text.index(line)
            return Part(Status.MET, (Evidence(start, start + len(line), line, "Resume", 3),),
                        f'"{line[:90]}": {Rule.STATED_CONDITION.label}', Rule.STATED_CONDITION)
    return nothing("The resume does not say so (travel, location, schedule and permits count "
                   "only when stated)")


_AGE = re.compile(r"\b(?:at least |minimum (?:of |age (?:of )?)?|must be |be )?(\d{2})\s*(?:\+\s*)?"
                  r"(?:years? (?:of age|old)|or older)", re.IGNORECASE)


def asked_age(text: str) -> int | None:
    """The minimum age a line asks ("Minimum of 18 years of age", "must be 21 or older")."""
    match = _AGE.search(text)
    age = int(match.group(1)) if match else None
    return age if age is not None and 14 <= age <= 30 else None


def age_part(age: int, profile: Profile) -> Part:
    """Rule age-shown: a resume never states an age, but a dated history that starts at least
    (age - 16) years ago does; a job or school year at 16 is the youngest history shows."""
    resume = profile.resume
    years = [r.dates.start.year for r in resume.roles if r.dates is not None]
    years += [e.year - 3 for e in resume.education if e.year is not None]  # a degree's first year
    if not years:
        return nothing(f"The resume has no dated history to show an age of {age}")
    span = resume.today.year - min(years)
    if span >= age - 16:
        return Part(Status.MET, (), f"Dated history since {min(years)}: "
                                    f"{Rule.AGE_SHOWN.label} ({age})", Rule.AGE_SHOWN)
    return nothing(f"The dated history starts in {min(years)}: too recent to show an age of {age}")


def credential_part(requirement: Requirement, terms: list[TermHit], profile: Profile,
                    posting_entries: frozenset[str]) -> Part | None:
    """None when the line names no credential the lexicon knows and no licence in general.

    A credential from a named state ("issued by the California Board of Registered Nursing",
    "PA teaching certificate") is met only when the resume names that state too (rule
    credential-other-place: partial).
    """
    part = _credential(requirement, terms, profile, posting_entries)
    if part is None or part.status is not Status.MET:
        return part
    places = _places(requirement.text)
    if not places:
        return part
    text = profile.resume.document.text
    if any(re.search(rf"\b{re.escape(p)}\b", text) for p in places):
        return part
    return Part(Status.PARTIAL, part.evidence,
                f"{part.reason.split(':')[0]}, but {Rule.CREDENTIAL_OTHER_PLACE.label} "
                f"({' or '.join(sorted(places))})", Rule.CREDENTIAL_OTHER_PLACE)


# Two-letter codes that are also English words are left out ("IN", "OR", "ME", "OK").
_CODES = US_STATE_CODES - {"IN", "OR", "ME", "OK", "HI", "ID", "OH", "DE", "MA", "AL", "LA",
                           "CO", "MD", "PA"}


def _places(text: str) -> set[str]:
    """US states a requirement names (by name, or by an unambiguous postal code)."""
    found = {name for name in US_STATES if re.search(rf"\b{name}\b", text)}
    found |= {code for code in _CODES if re.search(rf"\b{code}\b", text)}
    if re.search(r"\bPA\b(?=\s+(?i:teach|licen|certif|instruc))", text):
        found.add("PA")
    for code, name in STATE_NAMES.items():  # a named state is met by its code too
        if name in found:
            found.add(code)
    return {p for p in found if p in STATE_NAMES or p in STATE_NAMES.values()}


# A word that makes a line about a skill a credential: "Forklift/truck licence B, 2022".
_CREDENTIAL_WORD = re.compile(r"\b(?:licen[cs]e[ds]?|certificat(?:e|ion)s?|certified|card)\b",
                              re.IGNORECASE)


# ... unless the line says it is not the person's own yet, or someone else's.
_NOT_HELD = re.compile(r"\b(?:pending|in progress|expected|working towards|train(?:ed|ing)? "
                       r"(?:\d+ |new |other )?(?:staff|operators|colleagues|people|drivers)|"
                       r"taught|coached|prepared)\b", re.IGNORECASE)


def _stated_in_other_words(certs: list[TermHit], profile: Profile) -> Part | None:
    """A certificate stated in the resume's own words: a line that names the skill the
    certificate is about together with a credential word ("Forklift/truck licence B" for a
    forklift certificate). The skill without such a word is no certificate."""
    lexicon = profile.lexicon
    text = profile.resume.document.text
    for cert in certs:
        about = [e for e in lexicon[cert.entry].implies
                 if lexicon[e].category not in ("certificate", "license")]
        for hit in (h for e in about for h in profile.by_entry.get(e, ())):
            start = text.rfind("\n", 0, hit.start) + 1
            end = text.find("\n", hit.end)
            line = text[start:end if end >= 0 else len(text)]
            if _CREDENTIAL_WORD.search(line) and not _NOT_HELD.search(line):
                return Part(Status.MET, (Evidence(start, start + len(line), line.strip(),
                                                  profile.where(hit.start), 5),),
                            f"{line.strip()} ({profile.where(hit.start)}) states a "
                            f"{lexicon[cert.entry].name.lower()}: {Rule.CREDENTIAL.label}",
                            Rule.CREDENTIAL)
    return None


# "Specialty certification as recognized by the ANCC": the body names which certificates
# count, and more than its own may.
_RECOGNISED_BY = re.compile(r"\b(?:recogni[sz]ed|accredited|approved|endorsed)\s+by\b",
                            re.IGNORECASE)


def _recognised_kind(requirement: Requirement, certs: list[TermHit],
                     profile: Profile) -> Part | None:
    """Rule other-credential: a stated certificate of the kind asked, where the line names the
    body that recognises it ("recognized by", "accredited by"): it may be one the body
    recognises, which the resume cannot show, so partial."""
    if not _RECOGNISED_BY.search(requirement.text):
        return None
    lexicon = profile.lexicon
    for cert in certs:
        for kind in lexicon[cert.entry].implies:
            if lexicon[kind].category not in ("certificate", "license"):
                continue
            stated = [h for h in profile.specific.get(kind, ()) if h.entry != cert.entry]
            if stated:
                hit = stated[0]
                return Part(Status.PARTIAL, profile.evidence_of(stated, 3),
                            f"{hit.text} ({profile.where(hit.start)}) is a "
                            f"{lexicon[kind].name.lower()}; check that it is one the body named "
                            f"recognises ({Rule.OTHER_CREDENTIAL.label})", Rule.OTHER_CREDENTIAL)
    return None


def _credential(requirement: Requirement, terms: list[TermHit], profile: Profile,
                posting_entries: frozenset[str]) -> Part | None:
    lexicon = profile.lexicon
    certs = [t for t in terms if lexicon[t.entry].category in ("certificate", "license")]
    if certs:
        parts = [term_part(hit.entry, profile, False) for hit in
                 {t.entry: t for t in certs}.values()]
        part = any_of(parts) if _OR.search(requirement.text) else all_of(parts)
        if part.status is Status.MET:
            return Part(part.status, part.evidence, part.reason, Rule.CREDENTIAL)
        if len(parts) > 1 and any(p.status is Status.MET for p in parts):
            # "BLS and ACLS certification": BLS stated, ACLS not (a related one is no ACLS)
            asked = list({t.entry: t for t in certs})
            reasons = [p.reason if p.status is Status.MET else
                       f"No {lexicon[entry].name} is stated" for p, entry in zip(parts, asked, strict=True)]
            return Part(Status.PARTIAL,
                        tuple(e for p in parts if p.status is Status.MET for e in p.evidence),
                        f"{'; '.join(reasons)}: {Rule.SOME_PARTS.label}", Rule.SOME_PARTS)
        worded = _stated_in_other_words(certs, profile)
        if worded is not None:
            return worded
        recognised = _recognised_kind(requirement, certs, profile)
        if recognised is not None:
            return recognised
        # A named certificate or licence counts only when stated: the work it is about, a
        # broader or a related credential is shown among the related bullets, not counted.
        if _OR_EXPERIENCE.search(requirement.text):
            # "CompTIA A+ or equivalent experience": the work stands in for the certificate.
            about = [t.entry for t in terms if t not in certs] + [
                e for c in certs for e in lexicon[c.entry].implies
                if lexicon[e].category not in ("certificate", "license")]
            others = [term_part(e, profile, False) for e in dict.fromkeys(about)]
            if others:
                return any_of([part, *others])
        name = lexicon[certs[0].entry].name
        shown = (f"; not counted: {part.reason.split(';')[0].split(': ')[0]}"
                 if part.evidence else "")
        return nothing(f"No {name} is stated in the resume (certificates and licences count "
                       f"only when stated){shown}")
    skills = [t for t in terms if lexicon[t.entry].category not in ("degree", "degree_field")]
    if skills:
        # "AWS certification": a certificate naming the skill is met; the skill alone is not
        # the certificate.
        for hit in skills:
            name = lexicon[hit.entry].name.lower()
            for certificate in profile.resume.certificates:
                if name in certificate.text.lower() or hit.text.lower() in certificate.text.lower():
                    return Part(Status.MET, (Evidence(certificate.start, certificate.end,
                                                      certificate.text, "Certifications", 5),),
                                f"{certificate.text} (Certifications): {Rule.CREDENTIAL.label}",
                                Rule.CREDENTIAL)
        skill = all_of([term_part(h.entry, profile, False)
                        for h in {t.entry: t for t in skills}.values()])
        if skill.status is not Status.MISSING and _OR_EXPERIENCE.search(requirement.text):
            return skill  # "AWS certification or equivalent experience"
        if skill.status is not Status.MISSING:
            return nothing(f"{skill.reason}, but no certificate or licence in it is stated "
                           f"(they count only when stated)")
        return nothing("No such certificate or licence in the resume")
    licences = [h for e, hits in profile.by_entry.items()
                if lexicon[e].category == "license" for h in hits]
    if licences and re.search(r"licen[sc]", requirement.text, re.IGNORECASE):
        # An RN licence for "currently licensed" in a posting about nursing: the licence's own
        # field (not a broad ancestor such as patient care) is what the posting is about. A
        # line that names the profession ("licensed as a Physician Assistant") asks for that.
        named_profession = re.search(r"licen[sc]ed as an?\s", requirement.text, re.IGNORECASE)
        for hit in licences if not named_profession else ():
            field = set(lexicon[hit.entry].implies) & posting_entries
            named = [lexicon[e].name for e in field if lexicon[e].category != "license"]
            if named:
                return Part(Status.MET, profile.evidence_of(licences, 2),
                            f"{hit.text} ({profile.where(hit.start)}) is a licence in "
                            f"{sorted(named)[0]}, the field of this posting: "
                            f"{Rule.CREDENTIAL.label}", Rule.CREDENTIAL)
        hit = licences[0]
        return Part(Status.PARTIAL, profile.evidence_of(licences, 2),
                    f"{hit.text} ({profile.where(hit.start)}) is a licence; check it is the one "
                    f"asked ({Rule.OTHER_CREDENTIAL.label})", Rule.OTHER_CREDENTIAL)
    return None
