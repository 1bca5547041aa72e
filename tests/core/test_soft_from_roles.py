"""Rule soft-from-roles: a work-style trait no bullet shows is partly shown by a work history.

Recruiters read some communication, teamwork or independent work in any dated job; they do
not read leadership or mentoring in it, and a resume without dated roles shows none of it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tailorfit.core.lexicon import load_lexicon
from tailorfit.core.match import Status, analyze_documents
from tailorfit.core.match.parts import Rule
from tailorfit.core.match.result import Verdict
from tailorfit.core.readers import read_document, read_pasted
from tests.conftest import REPO

TODAY = date(2026, 12, 1)


def judge(requirement: str, resume: str) -> Verdict:
    posting = read_pasted(f"Store Associate\n\nRequirements\n- {requirement}\n")
    (verdict,) = analyze_documents(posting, read_pasted(resume), today=TODAY).verdicts
    return verdict


def cv(*bullets: str, role: str = "Line Cook | Harbor Grill | Mar 2020 - Present") -> str:
    lines = ["Sam Okafor", "sam@example.com", "", "EXPERIENCE", role,
             *[f"- {b}" for b in bullets], "", "EDUCATION", "High School Diploma, 2014"]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("requirement", [
    "Ability to work independently",
    "Excellent time management",
    "Thrive in a fast-paced environment",
    "Great communication skills",
    "Be good humoured, loyal, dedicated and flexible",  # no lexicon term, a work-style line
])
def test_a_work_history_partly_shows_a_work_style_trait(requirement: str) -> None:
    verdict = judge(requirement, cv("Cooked on the grill station"))
    assert verdict.status is Status.PARTIAL
    assert verdict.rule == Rule.SOFT_FROM_ROLES
    # the evidence is the latest role's line, and the reason names the rule
    assert verdict.evidence[0].text.startswith("Line Cook")
    assert Rule.SOFT_FROM_ROLES.label in verdict.explanation


def test_the_latest_role_is_cited() -> None:
    resume = ("Sam Okafor\n\nEXPERIENCE\nCashier | Corner Shop | Jan 2015 - Dec 2017\n"
              "- Ran the till\n\nWarehouse Associate | Northwind | Jan 2018 - Present\n"
              "- Picked 150 orders a shift\n")
    verdict = judge("Strong work ethic", resume)
    assert verdict.rule == Rule.SOFT_FROM_ROLES
    assert "Warehouse Associate" in verdict.evidence[0].text
    assert "2 dated roles" in verdict.explanation


@pytest.mark.parametrize("requirement", [
    "Excellent mentoring and technical leadership abilities",
    "Proven negotiation skills",
    "Public speaking",
])
def test_skills_that_need_their_own_evidence_stay_missing(requirement: str) -> None:
    verdict = judge(requirement, cv("Prepared 200 covers a night on the grill station"))
    assert verdict.status is Status.MISSING


def test_no_dated_role_shows_nothing() -> None:
    student = "Sam Okafor\n\nEDUCATION\nBSc Biology, 2026\n\nSKILLS\nExcel, Word\n"
    assert judge("Ability to work independently", student).status is Status.MISSING


def test_a_bullet_that_shows_it_still_meets_it() -> None:
    verdict = judge("Strong teamwork", cv("Collaborated with the front-of-house team on "
                                          "seating plans"))
    assert verdict.status is Status.MET
    assert verdict.rule == Rule.SOFT_SHOWN


def test_only_work_style_traits_are_marked() -> None:
    lexicon = load_lexicon()
    marked = {e.id for e in lexicon.entries.values() if e.from_roles}
    assert {"communication", "teamwork", "working_independently", "time_management",
            "fast_paced_environment"} <= marked
    assert not marked & {"leadership", "technical_leadership", "mentoring", "negotiation",
                         "public_speaking", "strategic_thinking"}
    assert all(lexicon[e].soft for e in marked)


@pytest.mark.corpus
@pytest.mark.parametrize(("posting", "resume", "line"), [
    ("postings/high-school-math-teacher-cca-linkedin.txt",
     "benchmarks/resumes/fictional-marisol-eckhardt-math-teacher.txt",
     "Demonstrated ability to work well in fast paced environment"),
    ("postings/analytics-engineer-ii-spotify-aejd.txt",
     "resumes/pdf/fictional-harvey-dent-ml-engineer-moderncv-rm.pdf",
     "You are able to prioritize and deliver in a fast-moving environment"),
])
def test_real_postings_and_resumes(corpus: Path, posting: str, resume: str, line: str) -> None:
    resume_path = REPO / resume if resume.startswith("benchmarks/") else corpus / resume
    analysis = analyze_documents(read_document(corpus / posting), read_document(resume_path),
                                 today=TODAY)
    verdict = next(v for v in analysis.verdicts if v.requirement.text.startswith(line))
    assert verdict.status is Status.PARTIAL
    assert verdict.rule == Rule.SOFT_FROM_ROLES


@pytest.mark.parametrize("requirement", [
    "You are motivated for the work",
    "Understand solution at the project level",
    "You know the value of gaining trust and respect from your colleagues",
])
def test_a_line_about_how_one_works_is_read_like_a_trait(requirement: str) -> None:
    verdict = judge(requirement, cv("Cooked on the grill station"))
    assert verdict.status is Status.PARTIAL
    assert verdict.rule == Rule.SOFT_FROM_ROLES


def test_a_line_with_skill_words_still_needs_its_skill() -> None:
    verdict = judge("Experience with hydraulic press brakes", cv("Cooked on the grill station"))
    assert verdict.status is Status.MISSING



@pytest.mark.parametrize("requirement", [
    "Must be a US citizen",
    "Must own a reliable vehicle",
    "A portfolio of shipped mobile games",
])
def test_a_possession_or_a_status_is_no_work_style(requirement: str) -> None:
    verdict = judge(requirement, cv("Cooked on the grill station"))
    assert verdict.rule != Rule.SOFT_FROM_ROLES
