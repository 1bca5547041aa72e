"""A summary tailored to the posting, from ``resources/templates/summary.txt.j2``.

Every word that states a fact comes from the resume: the latest job title, the years of its
dated roles, the posting's skills that the resume shows, and the highest degree. The posting's
title only names which posting it was tailored for, in the message, never in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from tailorfit.core.kinds import Status, Strength
from tailorfit.core.model import Position
from tailorfit.core.parse.resume import ResumeSection
from tailorfit.core.resources import resource_path
from tailorfit.core.suggest.context import Context
from tailorfit.core.suggest.mirror import is_name
from tailorfit.core.suggest.model import Change, Kind, Suggestion

if TYPE_CHECKING:
    import jinja2

    from tailorfit.core.parse.resume import Resume, Role

MAX_SKILLS = 4
# Named tools and methods: a field ("Surgery", "Teaching") repeats the title or, worse, names a
# neighbouring specialty, so headlines and summaries list only these.
_HEADLINE_CATEGORIES = frozenset({"language", "framework", "library", "database", "cloud",
                                  "devops", "security", "data", "ml", "os", "protocol", "tool",
                                  "methodology", "design", "finance", "marketing"})


# Which kinds of skill lead a headline: the stack, then platforms and tools, then practices.
_CATEGORY_RANK = {"language": 0, "framework": 0, "library": 0, "database": 0, "ml": 0,
                  "data": 0, "cloud": 1, "devops": 1, "security": 1, "os": 1, "protocol": 1,
                  "tool": 1, "design": 1, "finance": 1, "marketing": 1, "methodology": 2}


@cache
def _template(name: str) -> jinja2.Template:
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resource_path("templates"))),
        autoescape=False,  # plain text for the resume, not HTML
        keep_trailing_newline=False, undefined=jinja2.StrictUndefined)
    return environment.get_template(name)


def render(name: str, facts: dict[str, object]) -> str:
    return " ".join(_template(name).render(**facts).split())


def summary_facts(ctx: Context) -> dict[str, object] | None:
    resume = ctx.analysis.resume
    role = _latest_role(resume.roles)
    if role is None or not role.title:
        return None
    title = _clean_title(role.title)
    # The years the resume states ("10+ years") are its own words; years counted from the
    # dates are a number the resume never wrote, so the user checks them (see below).
    counted = _career_months(resume)
    years = resume.claimed_years or (int(counted // 12) if counted >= 12 else None)
    # Skills the bullets show in use: a headline does not promote a name from a skills list.
    bullets = {line.block for line in ctx.lines}
    named = {h.entry: h.text for h in ctx.analysis.resume_hits if h.block in bullets}
    posting_forms: dict[str, str] = {}
    for hit in ctx.analysis.posting_hits:
        posting_forms.setdefault(hit.entry, hit.text)
    skills: list[str] = []
    ids: list[str] = []
    # The posting's core first: met must-haves, the tools it names most, then practices
    # ("React" for a React lead, not "Git" and "Agile").
    mentions: dict[str, int] = {}
    for hit in ctx.analysis.posting_hits:
        mentions[hit.entry] = mentions.get(hit.entry, 0) + 1
    candidates: list[tuple[tuple[int, int, int, int], str]] = []
    for order, verdict in enumerate(ctx.analysis.verdicts):
        if verdict.status is not Status.MET:
            continue
        for term in verdict.terms:
            entry = ctx.lexicon.entries.get(term)
            if entry is None or entry.category not in _HEADLINE_CATEGORIES:
                continue
            rank = (verdict.requirement.strength is not Strength.MUST,
                    _CATEGORY_RANK.get(entry.category, 2), -mentions.get(term, 0), order)
            candidates.append((rank, term))
    for _, term in sorted(candidates):
        entry = ctx.lexicon[term]
        if term not in named or _overlaps(ctx, term, ids):
            continue
        # The resume's own name for it ("J2EE") when it writes a name; the standard name
        # ("Machine Learning") when it wrote a phrase ("deploying models").
        # The posting's word for it first (the headline is tailored), then the resume's,
        # when either is a name and not shouted ("MYSQL"); else the standard name.
        name = next((entry.casing_of(f) for f in (posting_forms.get(term, ""), named[term])
                     if is_name(f) and not (f.isupper() and len(f) > 4) and not f.islower()),
                    entry.display_name)
        if _words(name) & _words(title) or name in skills:
            continue  # "Primary English Teacher · Teaching" says nothing new
        skills.append(name)
        ids.append(term)
        if len(skills) >= MAX_SKILLS:
            break
    degree = None
    if resume.education:
        best = max(resume.education, key=lambda e: e.level)
        if best.degree and len(best.degree) <= 70:
            degree = best.degree.rstrip(" ,")  # "B.S." keeps its full stop
            if best.fields and best.fields[0].lower() not in degree.lower():
                degree = f"{degree} in {best.fields[0]}"
    if len(skills) < 3:
        return None  # two words make no headline; better none than a thin one
    return {"title": title, "years": years, "counted": not resume.claimed_years,
            "skills": skills[:MAX_SKILLS], "degree": degree}


_NOT_A_CAREER_ROLE = re.compile(r"\b(?:intern|internship|summer|student|trainee|working student|"
                                r"research assistant|teaching assistant|volunteer)\b",
                                re.IGNORECASE)


def _career_months(resume: Resume) -> int:
    """Months of dated roles, internships and student jobs left out: "4 years of experience"
    in a headline must not count a summer internship."""
    from tailorfit.core.parse.dates import merged_months

    return merged_months(r.dates for r in resume.roles
                         if r.dates is not None and r.section is ResumeSection.EXPERIENCE
                         and not _NOT_A_CAREER_ROLE.search(r.title or ""))


def _title_line_above(ctx: Context, summary_block: int) -> int | None:
    """A short line naming a job ("Front-End Developer") between the name and the summary."""
    from tailorfit.core.parse.vocab import JOB_TITLE, LOCATION

    for index in range(1, min(summary_block, 8)):
        text = ctx.content(index)
        if 1 <= len(text.split()) <= 8 and JOB_TITLE.search(text) and "@" not in text \
                and ":" not in text:
            # "Front-End Developer | bwayne": a handle or a link shares the line; leave it be.
            parts = [p.strip() for p in re.split(r"[|·•]", text)]
            if any(p and ((p.islower() and len(p.split()) == 1) or "." in p or "/" in p
                          or LOCATION.match(p)) for p in parts[1:]):
                return -1  # a title line shared with a handle or a link: left as it is
            return index
    return None


def _extend_title_line(ctx: Context, index: int, facts: dict[str, object],
                       posting_title: str) -> Iterator[Suggestion]:
    """The posting's core skills the resume shows, after the resume's own title line."""
    lo, hi = ctx.content_range(index)
    line = ctx.document.text[lo:hi]
    skills = [x for x in facts["skills"]  # type: ignore[attr-defined]
              if x.lower() not in line.lower() and not _words(x) & _words(line)]
    if len(skills) < 3:
        return
    separator = " | " if "|" in line or not any(c in line for c in "·•,") else \
        next(f" {c} " for c in "·•" if c in line) if any(c in line for c in "·•") else ", "
    added = separator + separator.join(skills)
    yield Suggestion(kind=Kind.SUMMARY, rule="tailored-headline",
                     message=f"Add {posting_title}'s core skills to your headline",
                     reason=("Only skills your resume already shows, in the posting's words, "
                             "after your own title line: the first line a recruiter reads."),
                     block=index, target_start=lo, target_end=hi, before=line,
                     after=line + added, change=Change(hi, hi, added),
                     position=Position.INSIDE)


def _clean_title(title: str) -> str:
    """The title as a heading: brackets ("(10+ Years of Experience)") cut off, capitals
    ("PROGRAMMER ANALYST") in title case."""
    title = title.strip(" ,|-–")
    if "(" in title:
        title = title[:title.index("(")].strip(" ,|-–")
    if title.isupper() and len(title) > 4:
        title = " ".join(w if len(w) <= 3 else w.capitalize() for w in title.split())
    return title


def _words(text: str) -> set[str]:
    from tailorfit.core.match.words import stem

    return {stem(w) for w in re.findall(r"[a-z]+", text.lower())
            if w not in ("sr", "senior", "jr", "and", "of", "the")}


def _overlaps(ctx: Context, term: str, chosen: list[str]) -> bool:
    """Istio and service mesh say one thing twice: keep the first of a family."""
    ancestors = ctx.lexicon.ancestors(term)
    return any(other in ancestors or term in ctx.lexicon.ancestors(other) for other in chosen)


def _latest_role(roles: tuple[Role, ...]) -> Role | None:
    dated = [r for r in roles if r.dates is not None and r.title]
    if dated:
        return max(dated, key=lambda r: (r.dates.present, r.dates.end.index,  # type: ignore[union-attr]
                                          r.dates.start.index))  # type: ignore[union-attr]
    return next((r for r in roles if r.title), None)


def summary_suggestions(ctx: Context) -> Iterator[Suggestion]:
    """A headline above an existing summary; a summary paragraph where there is none."""
    facts = summary_facts(ctx)
    if facts is None:
        return
    posting_title = ctx.analysis.posting.title or "this posting"
    from tailorfit.core.parse.vocab import JOB_TITLE

    if "<" in posting_title or ">" in posting_title or not JOB_TITLE.search(posting_title):
        posting_title = "this posting"  # "<ORGANIZATION>" or a page's "Likes: 0" is no title
    document = ctx.document
    resume = ctx.analysis.resume
    reason = ("Built only from your resume: your latest title, your dated years, the posting's "
              "skills your resume shows{}.")
    summary = next((s for s in resume.sections if s.kind is ResumeSection.SUMMARY), None)
    if summary is not None:
        first = document.block_at(summary.heading[1] + 1 if summary.heading else summary.start)
        title_line = _title_line_above(ctx, document.block_at(summary.start))
        if title_line == -1:
            return  # never a second title under "Front-End Developer | bwayne"
        if title_line is not None:
            # "Senior Software Engineer" under the name already heads the resume: the skills
            # go on that line rather than into a second title above the summary.
            yield from _extend_title_line(ctx, title_line, facts, posting_title)
            return
        # The resume's own latest title: a headline claiming the posting's title would state
        # a job the person never held.
        shown = str(facts["title"])
        skills = [x for x in facts["skills"] if not _words(x) & _words(shown)]  # type: ignore[attr-defined]
        if len(skills) < 3:
            return
        text = render("headline.txt.j2", {**facts, "title": shown, "skills": skills})
        if first >= len(document.blocks) or text.lower() in document.text.lower():
            return
        opening = document.blocks[first].content.lower()
        if shown.lower() in opening:
            return  # the summary already opens with that title
        at = document.block_start(first) + document.blocks[first].content_start
        why = reason.format("") + " It goes above your summary."
        yield Suggestion(kind=Kind.SUMMARY, rule="tailored-headline",
                         message=f"A headline tailored to {posting_title}",
                         reason=why, block=first, target_start=at, target_end=at, before="",
                         after=text, change=Change(at, at, text + "\n"),
                         position=Position.BEFORE)
        return
    sections = [s for s in resume.sections if s.kind is not ResumeSection.CONTACT]
    if not sections:
        return
    text = render("summary.txt.j2", facts)
    first = document.block_at(sections[0].start)
    at = document.block_start(first)
    counted = bool(facts["years"] and facts["counted"])
    check = (f" The {facts['years']} years are counted from your dates: check them."
             if counted else "")
    yield Suggestion(kind=Kind.SUMMARY, rule="tailored-summary",
                     message=f"A summary tailored to {posting_title}",
                     reason=reason.format(" and your degree") + " It goes above your first "
                     "section." + check, block=first, target_start=at, target_end=at,
                     before="", after=text, change=Change(at, at, text + "\n"),
                     position=Position.BEFORE, needs_confirmation=counted)
