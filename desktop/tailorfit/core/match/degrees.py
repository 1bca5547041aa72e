"""Degrees: the level asked or higher, in the named or a related field.

Rules: degree-met; degree-other-field (the level, in an unrelated field: partial);
degree-below (missing); degree-in-progress (the level, not yet held: partial);
equivalent-experience, when the posting allows it: years of roles in the degree's field or the
posting's own field stand in (a bachelor's takes six). Years as a cashier do not stand in for
an engineering degree.
"""

from __future__ import annotations

import re

from tailorfit.core.lexicon.terms import scan
from tailorfit.core.match.parts import Part, Rule, nothing
from tailorfit.core.match.profile import Profile
from tailorfit.core.match.result import Evidence, Status
from tailorfit.core.match.years import relevant_roles, role_line
from tailorfit.core.parse.dates import merged_months
from tailorfit.core.parse.details import DegreeLevel
from tailorfit.core.parse.posting import Posting, Requirement
from tailorfit.core.parse.resume import Education, ResumeSection, Role

_NEEDED_MONTHS = {DegreeLevel.ASSOCIATE: 36, DegreeLevel.BACHELOR: 72, DegreeLevel.MASTER: 96,
                  DegreeLevel.DOCTORATE: 120}
# Field words of the technical disciplines: "Computer Science, Engineering or a related field"
# accepts any of them as related.
_TECHNICAL_FIELDS = re.compile(r"comput|software|engineer|information|data|math|statist|physic|"
                               r"electr|technolog|science", re.IGNORECASE)


def _field_ids(profile: Profile, text: str) -> set[str]:
    lexicon = profile.lexicon
    ids = {entry for entry, _, _ in scan(lexicon, text, True)[0]
           if lexicon[entry].category in ("degree_field", "degree")}
    for entry in list(ids):
        field = lexicon[entry].field
        if field:
            ids.add(field)
    return ids


def fields_match(profile: Profile, wanted: tuple[str, ...], have: tuple[str, ...],
                 lenient: bool) -> bool:
    lexicon = profile.lexicon
    wanted_lower = {w.lower() for w in wanted}
    if any(h.lower() in wanted_lower for h in have):
        return True
    wanted_ids = set().union(*(_field_ids(profile, w) for w in wanted)) if wanted else set()
    have_ids = set().union(*(_field_ids(profile, h) for h in have)) if have else set()
    # A degree in a branch of the field is one in the field: microbiology is biology.
    have_ids |= {a for entry in have_ids for a in lexicon.ancestors(entry)
                 if lexicon[a].category == "degree_field"}
    if wanted_ids & have_ids:
        return True
    if lenient:
        near = set(wanted_ids)
        for entry in wanted_ids:
            near |= lexicon.related(entry)
        if near & have_ids:
            return True
        if any(_TECHNICAL_FIELDS.search(w) for w in wanted) and any(
                _TECHNICAL_FIELDS.search(h) for h in have):
            return True
    return False


def degree_part(requirement: Requirement, profile: Profile, posting: Posting | None) -> Part:
    detail = requirement.degree
    assert detail is not None
    resume = profile.resume
    asked = detail.level
    held = sorted(resume.education, key=lambda e: -e.level)
    text = resume.document.text
    evidence = tuple(Evidence(e.start, e.end, text[e.start:e.end], "Education", 4) for e in held)
    asked_label = level_words(asked)
    if asked <= DegreeLevel.HIGH_SCHOOL:
        if held or resume.roles:
            return Part(Status.MET, evidence, "A diploma or degree is implied by the resume",
                        Rule.DEGREE_MET)
        return nothing("No education listed")
    fields = " in " + " or ".join(detail.fields) if detail.fields else ""
    matching = [e for e in held if e.level >= asked]
    pending = [e for e in matching if _in_progress(e, resume.today.year, text)]
    if pending and len(pending) == len(matching):
        # "A.A.S. Early Childhood Development, in progress (expected 05/2027)": not yet held
        best = pending[0]
        fit = not detail.fields or fields_match(profile, detail.fields, best.fields, True)
        return Part(Status.PARTIAL, evidence,
                    f"{describe(best)} is the {asked_label}"
                    f"{fields if fit else ''}, still in progress "
                    f"({Rule.DEGREE_IN_PROGRESS.label})", Rule.DEGREE_IN_PROGRESS)
    if matching:
        if not detail.fields:
            return Part(Status.MET, evidence, f"{describe(matching[0])} meets the {asked_label} "
                                              "asked", Rule.DEGREE_MET)
        lenient = detail.related_fields or detail.equivalent_experience
        for education in matching:
            if fields_match(profile, detail.fields, education.fields, lenient):
                return Part(Status.MET, evidence,
                            f"{describe(education)} meets the {asked_label}{fields} asked",
                            Rule.DEGREE_MET)
        best = matching[0]
        return Part(Status.PARTIAL, evidence,
                    f"{describe(best)}: the level is met, but not in "
                    f"{' or '.join(detail.fields)} ({Rule.DEGREE_OTHER_FIELD.label})",
                    Rule.DEGREE_OTHER_FIELD)
    if detail.equivalent_experience:
        months, roles = _field_months(detail.fields, profile, posting)
        needed = _NEEDED_MONTHS.get(asked, 72)
        where = " or ".join(detail.fields) or "the posting's field"
        if months >= needed:
            return Part(Status.MET, tuple(role_line(r, text, profile, 3) for r in roles),
                        f"No {asked_label}, but {months / 12:.1f} years of roles in {where} "
                        f"count as the {Rule.EQUIVALENT_EXPERIENCE.label} the posting allows",
                        Rule.EQUIVALENT_EXPERIENCE)
        if months >= 24 and not held:
            return Part(Status.PARTIAL, tuple(role_line(r, text, profile, 2) for r in roles),
                        f"No degree listed; {months / 12:.1f} years of roles in {where} may "
                        f"count as {Rule.EQUIVALENT_EXPERIENCE.label}",
                        Rule.EQUIVALENT_EXPERIENCE)
    if held:
        return Part(Status.MISSING, evidence,
                    f"{describe(held[0])} is below the {asked_label} asked "
                    f"({Rule.DEGREE_BELOW.label})", Rule.DEGREE_BELOW)
    return nothing(f"No {asked_label} in the resume")


_IN_PROGRESS = re.compile(r"\b(?:in progress|expected|anticipated|pursuing|ongoing|"
                          r"candidate)\b", re.IGNORECASE)


def _in_progress(education: Education, this_year: int, text: str) -> bool:
    """A degree still being studied for: a year to come, or said so on its line."""
    if education.year is not None and education.year > this_year:
        return True
    return bool(_IN_PROGRESS.search(text[education.start:education.end]))


def _field_months(fields: tuple[str, ...], profile: Profile,
                  posting: Posting | None) -> tuple[int, list[Role]]:
    """Months of dated roles in the degree's fields or the posting's own field."""
    roles = [r for r in profile.resume.roles
             if r.section is ResumeSection.EXPERIENCE and r.dates is not None]
    chosen: dict[int, Role] = {}
    scopes = [" ".join(fields)] if fields else []
    if posting is not None and posting.title:
        scopes.append(posting.title)
    for scope in scopes:
        for role in relevant_roles(scope, roles, profile, exact=False):
            chosen[id(role)] = role
    picked = list(chosen.values())
    months = merged_months(r.dates for r in picked if r.dates is not None)
    return months, picked


def level_words(level: DegreeLevel) -> str:
    return {DegreeLevel.ASSOCIATE: "associate degree", DegreeLevel.BACHELOR: "bachelor's degree",
            DegreeLevel.MASTER: "master's degree", DegreeLevel.DOCTORATE: "doctorate"}.get(
        level, "diploma")


def describe(education: Education) -> str:
    label = (f"{education.degree} in {', '.join(education.fields)}" if education.fields
             else education.degree)
    return f"{label} ({education.year})" if education.year else label
