"""Turning parsed structures into JSON-ready dicts and readable text for the command line."""

from __future__ import annotations

from typing import Any

from tailorfit.core.match.result import Analysis, Status
from tailorfit.core.model import Anchor, Document
from tailorfit.core.parse.details import DegreeLevel
from tailorfit.core.parse.posting import Posting, Requirement
from tailorfit.core.parse.resume import Resume

PARSE_SCHEMA = "tailorfit.parse/1"


def anchors_json(document: Document, start: int, end: int) -> list[dict[str, object]]:
    """Source anchors of ``start:end`` as JSON objects."""
    anchor_list: list[Anchor] = document.anchors(start, end)
    return [anchor.to_json() for anchor in anchor_list]


def requirement_json(posting: Posting, item: Requirement) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": item.id,
        "text": item.text,
        "section": item.section.value,
        "strength": item.strength.value,
        "kind": item.kind.value,
        "anchor": anchors_json(posting.document, item.start, item.end),
    }
    if item.years:
        data["years"] = {"min": item.years.minimum, "max": item.years.maximum,
                         "domain": item.years.domain}
    if item.degree:
        data["degree"] = {"level": item.degree.level.label, "fields": list(item.degree.fields),
                          "related_fields": item.degree.related_fields,
                          "equivalent_experience": item.degree.equivalent_experience}
    if item.group:
        data["group"] = {"id": item.group, "mode": item.group_mode}
    return data


def posting_json(posting: Posting) -> dict[str, Any]:
    """The posting's structure as plain data."""
    return {
        "schema": PARSE_SCHEMA,
        "as": "posting",
        "source": _source(posting.document),
        "title": posting.title,
        "company": posting.company,
        "sections": [{"kind": s.kind.value, "title": s.title} for s in posting.sections],
        "requirements": [requirement_json(posting, r) for r in posting.requirements],
        "responsibilities": [d.text for d in posting.duties],
    }


def resume_json(resume: Resume) -> dict[str, Any]:
    """The resume's structure as plain data."""
    doc = resume.document
    return {
        "schema": PARSE_SCHEMA,
        "as": "resume",
        "source": _source(doc),
        "contact": {"name": resume.contact.name, "email": resume.contact.email,
                    "phone": resume.contact.phone, "links": list(resume.contact.links)},
        "sections": [{"kind": s.kind.value, "title": s.title} for s in resume.sections],
        "roles": [{
            "title": role.title,
            "employer": role.employer,
            "section": role.section.value,
            "start": str(role.dates.start) if role.dates else None,
            "end": ("present" if role.dates.present else str(role.dates.end)) if role.dates else None,
            "months": role.dates.months if role.dates else None,
            "bullets": [doc.text[a:b] for a, b in role.bullets],
            "anchor": anchors_json(doc, role.start, role.end),
        } for role in resume.roles],
        "total_years_experience": resume.total_years,
        "claimed_years": resume.claimed_years,
        "education": [{"level": e.level.label, "degree": e.degree, "fields": list(e.fields),
                       "school": e.school, "year": e.year} for e in resume.education],
        "highest_degree": resume.highest_degree.label,
        "skills": [s.text for s in resume.skills],
        "certificates": [c.text for c in resume.certificates],
        "as_of": resume.today.isoformat(),
    }


def _source(document: Document) -> dict[str, Any]:
    return {"format": document.source.format.value, "name": document.source.label,
            "pages": document.source.pages, "warnings": list(document.source.warnings)}


def posting_text(posting: Posting) -> str:
    """A readable outline of the posting."""
    lines = [f"Posting: {posting.title or '(no title found)'}"
             + (f" at {posting.company}" if posting.company else "")]
    lines.append("Sections: " + ", ".join(
        f"{s.kind.value}" + (f" ({s.title})" if s.title else "") for s in posting.sections))
    lines.append(f"Requirements ({len(posting.requirements)}):")
    for r in posting.requirements:
        detail = ""
        if r.years:
            span = f"{r.years.minimum:g}" + (f"-{r.years.maximum:g}" if r.years.maximum else "+")
            detail += f" [years {span}" + (f" in {r.years.domain}" if r.years.domain else "") + "]"
        if r.degree:
            fields = ", ".join(r.degree.fields) or "any field"
            detail += f" [{r.degree.level.label} in {fields}"
            detail += ", or equivalent experience]" if r.degree.equivalent_experience else "]"
        group = f" (alternative {r.group})" if r.group_mode == "any" else ""
        lines.append(f"  {r.id:>4} {r.strength.value:<4} {r.kind.value:<6} {r.text}{detail}{group}")
    return "\n".join(lines)


def resume_text(resume: Resume) -> str:
    """A readable outline of the resume."""
    c = resume.contact
    lines = [f"Resume: {c.name or '(no name found)'}"
             + "".join(f" | {v}" for v in (c.email, c.phone) if v)]
    lines.append("Sections: " + ", ".join(s.kind.value for s in resume.sections))
    lines.append(f"Roles ({len(resume.roles)}):")
    for role in resume.roles:
        when = role.dates.label() if role.dates else "no dates"
        lines.append(f"  {role.title or '?'} at {role.employer or '?'} ({when})")
    lines.append(f"Total experience: {resume.total_years:g} years (as of {resume.today})")
    lines.append(f"Highest degree: {resume.highest_degree.label}")
    for e in resume.education:
        lines.append(f"  {e.degree} {', '.join(e.fields)}".rstrip()
                     + (f", {e.school}" if e.school else "") + (f" ({e.year})" if e.year else ""))
    if resume.skills:
        lines.append("Skills: " + ", ".join(s.text for s in resume.skills))
    if resume.certificates:
        lines.append("Certificates: " + "; ".join(x.text for x in resume.certificates))
    return "\n".join(lines)


ANALYSIS_SCHEMA = "tailorfit.analysis/1"


def analysis_json(analysis: Analysis) -> dict[str, Any]:
    """The stable, versioned analysis contract (see README, "Analysis JSON")."""
    posting, resume = analysis.posting, analysis.resume
    rdoc = resume.document
    requirements = []
    for verdict in analysis.verdicts:
        item = requirement_json(posting, verdict.requirement)
        item.update({
            "status": verdict.status.value,
            "evidence": [{"text": e.text, "where": e.where,
                          "anchor": anchors_json(rdoc, e.start, e.end)} for e in verdict.evidence],
            "explanation": verdict.explanation,
            "rule": verdict.rule,
            "related": [{"text": e.text, "where": e.where,
                         "anchor": anchors_json(rdoc, e.start, e.end)} for e in verdict.related],
            "terms": list(verdict.terms),
        })
        requirements.append(item)
    return {
        "schema": ANALYSIS_SCHEMA,
        "posting": {"source": _source(posting.document), "title": posting.title,
                    "company": posting.company},
        "score": analysis.score,
        "must_missing": analysis.must_missing,
        "counts": {status.value: count for status, count in analysis.counts().items()},
        "requirements": requirements,
        "keywords": [{"term": k.term, "canonical": k.canonical, "category": k.category,
                      "posting_count": k.posting_count, "resume_count": k.resume_count,
                      "resume_places": list(k.resume_places)} for k in analysis.keywords],
        "resume": {
            "source": _source(rdoc),
            "name": resume.contact.name,
            "total_years_experience": resume.total_years,
            "highest_degree": _degree_label(resume.highest_degree),
            "degree_fields": sorted({f for e in resume.education for f in e.fields}),
            "skills": [{"canonical": s.canonical, "name": s.name,
                        "mentions": [{"text": m.text, "anchor": anchors_json(rdoc, m.start, m.end)}
                                     for m in s.mentions]} for s in analysis.resume_skills],
        },
    }


def _degree_label(level: DegreeLevel) -> str:
    return level.label if level >= DegreeLevel.ASSOCIATE else "none"


def analysis_text(analysis: Analysis) -> str:
    """A readable report: the score, then every requirement with its verdict and reason."""
    posting = analysis.posting
    counts = analysis.counts()
    marks = {Status.MET: "[met]    ", Status.PARTIAL: "[partial]", Status.MISSING: "[missing]"}
    lines = [
        f"{posting.title or 'Posting'}" + (f" at {posting.company}" if posting.company else ""),
        f"Score {analysis.score}/100 - must-haves missing: {analysis.must_missing} - "
        f"met {counts[Status.MET]}, partial {counts[Status.PARTIAL]}, "
        f"missing {counts[Status.MISSING]}",
        f"Resume: {analysis.resume.total_years:g} years of experience, "
        f"highest degree {_degree_label(analysis.resume.highest_degree)}",
        "",
    ]
    for strength in ("must", "nice"):
        group = [v for v in analysis.verdicts if v.requirement.strength.value == strength]
        if not group:
            continue
        lines.append("Must have:" if strength == "must" else "Nice to have:")
        for verdict in group:
            lines.append(f"  {marks[verdict.status]} {verdict.requirement.text}")
            lines.append(f"              {verdict.explanation} [{verdict.rule}]")
            for related in verdict.related[:2]:
                lines.append(f"              related, not counted: {related.text[:90]} "
                             f"({related.where})")
    missing_terms = [k.term for k in analysis.keywords if k.resume_count == 0
                     and k.category not in ("degree", "degree_field", "soft")]
    if missing_terms:
        lines.append("")
        lines.append("Posting keywords not in the resume: " + ", ".join(missing_terms[:25]))
    return "\n".join(lines)
