"""Real documents from ../shared/corpus: all read and parse, and verified structures match.

The expected values in tests/data/corpus_expected.json were written by reading each document
by hand, before comparing with the parser.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from tailorfit.core.errors import ReadError
from tailorfit.core.parse import guess_kind
from tailorfit.core.parse.posting import Strength, parse_posting
from tailorfit.core.parse.resume import parse_resume
from tailorfit.core.readers import read_document
from tests.conftest import REPO

pytestmark = pytest.mark.corpus
EXPECTED = json.loads((REPO / "tests" / "data" / "corpus_expected.json").read_text("utf-8"))
AS_OF = date.fromisoformat(EXPECTED["as_of"])
DOCUMENT_SUFFIXES = {".pdf", ".docx", ".txt", ".md", ".html", ".htm"}


def corpus_files(corpus: Path, folder: str) -> list[Path]:
    return sorted(p for p in (corpus / folder).rglob("*") if p.suffix.lower() in DOCUMENT_SUFFIXES)


def test_every_posting_and_resume_reads_and_parses(corpus: Path) -> None:
    files = corpus_files(corpus, "postings") + corpus_files(corpus, "resumes")
    assert len(files) >= 60
    for path in files:
        try:
            document = read_document(path)
        except ReadError as error:  # pragma: no cover - would be a regression
            pytest.fail(f"{path.name}: {error}")
        assert document.text.strip(), path.name
        parse_posting(document)
        parse_resume(document, today=AS_OF)


def test_kind_is_guessed_for_corpus_documents(corpus: Path) -> None:
    wrong = []
    for folder, kind in (("postings", "posting"), ("resumes", "resume")):
        for path in corpus_files(corpus, folder):
            if path.suffix in (".txt", ".pdf", ".docx") and guess_kind(read_document(path)) != kind:
                wrong.append(path.name)
    assert len(wrong) <= 2, wrong


def _digits(text: str | None) -> str:
    return re.sub(r"\D", "", text or "")[-10:]


def _same(expected: str, found: str | None) -> bool:
    a, b = expected.lower(), (found or "").lower()
    return bool(b) and (a in b or b in a)


RESUMES = [d for d in EXPECTED["documents"] if d["as"] == "resume"]
POSTINGS = [d for d in EXPECTED["documents"] if d["as"] == "posting"]


@pytest.mark.parametrize("expected", RESUMES, ids=lambda d: Path(d["path"]).stem)
def test_resume_structure(corpus: Path, expected: dict) -> None:
    resume = parse_resume(read_document(REPO / expected["path"]), today=AS_OF)
    assert resume.contact.name == expected["name"]
    assert resume.contact.email == expected.get("email")
    if "phone" in expected:
        assert _digits(resume.contact.phone) == _digits(expected["phone"])
    found_sections = {s.kind.value for s in resume.sections}
    assert set(expected["sections"]) <= found_sections
    roles = resume.roles
    assert len(roles) == len(expected["roles"])
    for role, want in zip(roles, expected["roles"], strict=True):
        assert _same(want["title"], role.title), (want, role.title)
        assert _same(want["employer"], role.employer), (want, role.employer)
        if "start" in want:
            assert role.dates is not None
            assert str(role.dates.start).startswith(want["start"])
            if want["end"] == "present":
                assert role.dates.present
            else:
                assert str(role.dates.end).startswith(want["end"])
    if "total_years" in expected:
        assert resume.total_years == pytest.approx(expected["total_years"], abs=0.2)
    assert resume.highest_degree.label == expected["highest_degree"]
    found_fields = " | ".join(f for e in resume.education for f in e.fields).lower()
    for field in expected.get("degree_fields", []):
        assert field.lower() in found_fields
    skills = " | ".join(s.text for s in resume.skills).lower()
    for skill in expected.get("skills_sample", []):
        assert skill.lower() in skills


@pytest.mark.parametrize("expected", POSTINGS, ids=lambda d: Path(d["path"]).stem)
def test_posting_structure(corpus: Path, expected: dict) -> None:
    posting = parse_posting(read_document(REPO / expected["path"]))
    assert _same(expected["title"], posting.title)
    if expected.get("company"):
        assert _same(expected["company"], posting.company)
    found_sections = {s.kind.value for s in posting.sections}
    assert set(expected["sections"]) - {"other", "about"} <= found_sections
    must = [r for r in posting.requirements if r.strength is Strength.MUST]
    nice = [r for r in posting.requirements if r.strength is Strength.NICE]
    # Counts may differ by one judgment call (a note read as a requirement or not).
    assert abs(len(must) - expected["must_count"]) <= 1
    assert abs(len(nice) - expected["nice_count"]) <= 1
    years = [r.years for r in posting.requirements if r.years]
    assert sorted(y.minimum for y in years) == sorted(y["min"] for y in expected["years"])
    degree = expected.get("degree")
    if degree and degree["level"] != "none":
        found = [r.degree for r in posting.requirements if r.degree]
        assert any(d.level.label == degree["level"] for d in found)
        for field in degree["fields"]:
            assert any(field.lower() in (f.lower() for f in d.fields) for d in found), field
        assert any(d.equivalent_experience for d in found) == degree["equivalent_experience"]
