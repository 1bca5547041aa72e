"""Mirror the posting's wording: "Golang" -> "Go (Golang)", "Postgres" -> "PostgreSQL".

Matching already treats aliases as one skill, but a reader (or an ATS matching words
literally) looks for the posting's own word. Each skill is mirrored once, at its first
mention; a skill the resume already writes the posting's way is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tailorfit.core.kinds import PostingSection
from tailorfit.core.suggest.context import Context
from tailorfit.core.suggest.model import Change, Kind, Suggestion

_FOLD = re.compile(r"[^0-9a-z+#]")


def _fold(text: str) -> str:
    return _FOLD.sub("", text.lower())


def _is_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and len(form) <= 6 and sum(c.isupper() for c in letters) >= 2


# Tools and techniques have names worth mirroring; fields, settings, degrees and titles are
# the person's own words about their history ("Nursing Education" is not "Nurse Educator").
_MIRRORED = frozenset({"language", "framework", "library", "database", "cloud", "devops",
                       "security", "data", "ml", "os", "protocol", "tool", "methodology",
                       "concept", "design"})


def is_name(form: str) -> bool:
    """A product or acronym ("Go", "K8s", "Microsoft Excel", "Java EE"), not a phrase ("complex
    SQL queries"): every word carries a capital, a digit or a symbol."""
    words = form.split()
    return bool(words) and all(any(c.isupper() or c.isdigit() or c in "+#./" for c in word)
                               for word in words)


_SUFFIX = re.compile(r"[\d.x+]*|js|ful|s|es")


def _same_name(posting_form: str, resume_form: str) -> bool:
    """Two spellings of one name, or one inside the other ("PowerPoint", "Microsoft
    PowerPoint"; "REST APIs", "RESTful APIs"): nothing to mirror."""
    a, b = _fold(posting_form), _fold(resume_form)
    if a == b or (b in a and _is_acronym(resume_form)):
        return True
    longer, shorter = (a, b) if len(a) >= len(b) else (b, a)
    long_form = posting_form if shorter == b else resume_form
    first = _fold(long_form.split()[0]) if long_form.split() else ""
    if first.startswith(shorter) and _SUFFIX.fullmatch(first[len(shorter):]):
        return True  # "HTML5" for "HTML", "RESTful APIs" for "REST": the word is there
    if shorter == b and longer.startswith(b) and " " not in posting_form \
            and not _is_acronym(resume_form):
        return False  # "Postgres" for "PostgreSQL": a short form worth writing out
    if "/" in posting_form and _is_acronym(posting_form):
        return True  # "ML/AI" names two things; neither mirrors one
    words_a = {_fold(w) for w in posting_form.split()}
    words_b = {_fold(w) for w in resume_form.split()}
    return bool(words_a & words_b)  # a shared word: "Microsoft PowerPoint", "RESTful APIs"


def mirrored(posting_form: str, resume_form: str) -> str:
    """The resume's words rewritten to carry the posting's form once."""
    if _fold(posting_form).startswith(_fold(resume_form)) and " " not in posting_form \
            and not _is_acronym(resume_form):
        return posting_form  # "Postgres" -> "PostgreSQL": the same name, written out
    if _is_acronym(posting_form) and not _is_acronym(resume_form):
        return f"{resume_form} ({posting_form})"  # spell it out beside the short form
    return f"{posting_form} ({resume_form})"


def _places(ctx: Context) -> frozenset[int]:
    """Bullets, skills lines and the summary: never a job title, a school or the name."""
    from tailorfit.core.parse.resume import ResumeSection

    blocks = {line.block for line in ctx.lines}
    document = ctx.document
    for section in ctx.analysis.resume.sections:
        if section.kind in (ResumeSection.SKILLS, ResumeSection.SUMMARY):
            first = document.block_at(section.start)
            last = document.block_at(max(section.start, section.end - 1))
            blocks.update(range(first + (1 if section.heading else 0), last + 1))
    return frozenset(blocks)


def mirror_suggestions(ctx: Context) -> Iterator[Suggestion]:
    analysis = ctx.analysis
    # The posting's wording in what it asks and describes: a form seen only in a job board's
    # details, the company blurb or the benefits ("Industry: Artificial Intelligence") is not
    # what readers will look for.
    posting = analysis.posting
    aside = [*posting.noise, *((s.start, s.end) for s in posting.sections
                               if s.kind in (PostingSection.ABOUT, PostingSection.BENEFITS))]
    posting_forms: dict[str, str] = {}
    for hit in analysis.posting_hits:
        if not any(lo <= hit.start < hi for lo, hi in aside):
            posting_forms.setdefault(hit.entry, hit.text)
    resume_forms: dict[str, set[str]] = {}
    for hit in analysis.resume_hits:
        resume_forms.setdefault(hit.entry, set()).add(_fold(hit.text))
    reasons = {term: v.requirement for v in analysis.verdicts for term in v.terms}
    places = _places(ctx)
    done: set[str] = set()
    for hit in analysis.resume_hits:
        wanted = posting_forms.get(hit.entry)
        if wanted is None or hit.entry in done or hit.block not in places \
                or _fold(wanted) in resume_forms[hit.entry] \
                or ctx.lexicon[hit.entry].category not in _MIRRORED:
            continue
        if not (is_name(wanted) and is_name(hit.text)) or _same_name(wanted, hit.text):
            continue
        if _fold(hit.text) == _fold(ctx.lexicon[hit.entry].name):
            continue  # the resume already writes the standard name ("Kubernetes" for "K8s")
        lo, hi = ctx.content_range(hit.block)
        if not lo <= hit.start < hit.end <= hi:
            continue
        before = ctx.document.text[lo:hi]
        if re.search(r"(?<!\w)" + re.escape(wanted) + r"(?!\w)", before, re.IGNORECASE):
            continue  # the posting's words are already in the line
        if any(h.entry == hit.entry and h is not hit for h in ctx.resume_hits_by_block.get(
                hit.block, ())):
            continue  # "React, React Hooks": the line names it another way already
        if _is_acronym(wanted) and (_is_acronym(hit.text) or " " in hit.text):
            # "JEE" for "J2EE", "GCP" for "Google Cloud": a reader knows both; the
            # parenthesis only repeats the name.
            continue
        done.add(hit.entry)
        wanted = ctx.lexicon[hit.entry].casing_of(wanted)  # not a posting's "PostGRESQL"
        after_words = mirrored(wanted, hit.text)
        after = before[:hit.start - lo] + after_words + before[hit.end - lo:]
        requirement = reasons.get(hit.entry)
        yield Suggestion(
            kind=Kind.MIRROR, rule="posting-wording",
            message=f'Write "{after_words}" as the posting does',
            reason=(f'The posting says "{wanted}"; your resume says "{hit.text}". Readers and '
                    "keyword filters look for the posting's word."),
            block=hit.block, target_start=hit.start, target_end=hit.end,
            before=before, after=after, change=Change(hit.start, hit.end, after_words),
            requirement_id=requirement.id if requirement else None, term=hit.entry)
