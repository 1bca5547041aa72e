"""Suggestions on the real corpus pairs: the no-invented-facts property, and each kind on real
bullets. Skipped when ../shared/corpus is absent."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from tailorfit.core.evaluate import read_reference
from tailorfit.core.kinds import Status
from tailorfit.core.lexicon import load_lexicon
from tailorfit.core.lexicon.terms import find_terms
from tailorfit.core.match import analyze_documents
from tailorfit.core.match.result import Analysis
from tailorfit.core.readers import read_pasted
from tailorfit.core.suggest import Kind, Suggestion, suggest

REPO = Path(__file__).resolve().parents[2]
CASES = sorted([*(REPO / "benchmarks" / "cases").glob("*.json"),
                *(REPO / "benchmarks" / "cases_holdout").glob("*.json")])
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z0-9.+#&'-]*")


@cache
def _run(case: Path) -> tuple[Analysis, tuple[Suggestion, ...]]:
    data = json.loads(case.read_text(encoding="utf-8"))
    analysis = analyze_documents(read_reference(data["posting"], case),
                                 read_reference(data["resume"], case))
    return analysis, suggest(analysis)


def _held(analysis: Analysis) -> set[str]:
    """What the resume holds: its terms, what they imply, and concepts the judge found shown."""
    lexicon = load_lexicon()
    held: set[str] = set()
    for hit in analysis.resume_hits:
        held.add(hit.entry)
        held.update(lexicon.ancestors(hit.entry))
    for verdict in analysis.verdicts:
        if verdict.status is Status.MET or verdict.rule in ("shown-through-work",):
            held.update(verdict.terms)
    return held


def _terms(text: str) -> set[str]:
    if not text.strip():
        return set()
    return {h.entry for h in find_terms(read_pasted(text), load_lexicon())}


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_suggestions_add_no_fact_the_resume_does_not_hold(corpus: Path, case: Path) -> None:
    analysis, suggestions = _run(case)
    resume_text = analysis.resume.document.text
    resume_lower = resume_text.lower()
    numbers = set(_NUMBER.findall(resume_text))
    held = _held(analysis)
    lexicon = load_lexicon()
    for s in suggestions:
        if s.needs_confirmation or s.change is None:
            continue
        added = s.change.text
        new_numbers = set(_NUMBER.findall(added)) - numbers
        assert not new_numbers, f"{s.id} adds the number(s) {new_numbers}: {s.after!r}"
        new_terms = _terms(s.after) - _terms(s.before)
        assert new_terms <= held, f"{s.id} adds skills the resume lacks {new_terms - held}"
        # A new capitalised word (an employer, a title, a school) must be the resume's own or
        # part of a skill it holds.
        names = " ".join(lexicon[t].name for t in new_terms | {s.term or ""} if t in lexicon.entries)
        for word in _CAPITALISED.findall(added):
            if word.lower() in resume_lower or word.lower() in names.lower():
                continue
            if s.kind in (Kind.OPENER, Kind.STYLE) and word == added.split()[0]:
                continue  # an action verb at the start of the bullet
            raise AssertionError(f"{s.id} ({s.kind}/{s.rule}) adds {word!r}: {s.after!r}")


# Each kind on real bullets of the corpus resumes: (case, kind, rule, before, after).
REAL = [
    ("it-support-servicenow-ivyhaddington", Kind.OPENER, "weak-opener",
     "Helped troubleshoot software and hardware issues",
     "Troubleshot software and hardware issues for law office employees"),
    ("data-ml-synthetic-pdf-johnsmith", Kind.OPENER, "weak-opener",
     "Worked on a large-scale distributed system", "Developed a large-scale distributed system"),
    ("data-cityofla-database-architect-johnsmith", Kind.OPENER, "weak-opener",
     "Participated in agile development process", None),
    ("accounting-google-revenue-sofiaflores", Kind.STYLE, "tense",
     "Provide support to the rest of the accounting teams",
     "Provided support to the rest of the accounting teams"),
    ("software-cityofla-programmer-analyst-johndoe-java", Kind.MIRROR, "posting-wording",
     "Java and J2EE", "Java and Java EE (J2EE)"),
    ("data-ml-synthetic-pdf-johnsmith", Kind.NAME, "implied-term",
     "using Prophet and ARIMA", "using Prophet and ARIMA (statistical analysis)."),
    ("accounting-google-revenue-sofiaflores", Kind.ASK, "ask-skill", "", "SQL"),
    ("marketing-google-content-johnsmith", Kind.STYLE, "buzzword", "Results-driven", None),
    # the resume's own title line gets the posting's core skills, not a second title
    # (skills the bullets show in use; Go and Redis are only listed)
    ("software-backend-dcstartup-johnsmith", Kind.SUMMARY, "tailored-headline",
     "Senior Software Engineer", "Senior Software Engineer | Python | PostgreSQL"),
    ("data-ml-synthetic-pdf-johnsmith", Kind.SUMMARY, "tailored-headline",
     "Senior Python Developer", "Machine Learning Engineer | Hadoop | Spark"),
]


@pytest.mark.parametrize("case_id, kind, rule, before, after", REAL,
                         ids=[f"{r[1].value}-{r[2]}-{r[0]}" for r in REAL])
def test_each_kind_on_real_bullets(corpus: Path, case_id: str, kind: Kind, rule: str,
                                   before: str, after: str | None) -> None:
    case = REPO / "benchmarks" / "cases" / f"{case_id}.json"
    _analysis, suggestions = _run(case)
    found = [s for s in suggestions if s.kind is kind and s.rule == rule and before in s.before]
    assert found, f"no {kind.value}/{rule} on {before!r}"
    if after is None:
        assert found[0].advisory
    else:
        assert any(after in s.after for s in found), [s.after for s in found]


def test_quantify_on_real_bullets(corpus: Path) -> None:
    prompts = [s for case in CASES[:20] for s in _run(case)[1] if s.kind is Kind.QUANTIFY]
    assert len(prompts) >= 10
    for prompt in prompts:
        assert prompt.needs_confirmation and "[" in prompt.after
        # the after is the before with the placeholder put in, nothing else changed
        change = prompt.change
        assert change is not None and "[" in change.text
        lo = change.start - prompt.target_start
        hi = change.end - prompt.target_start
        assert prompt.after == prompt.before[:lo] + change.text + prompt.before[hi:]
        assert not any(ch.isdigit() for ch in change.text)
