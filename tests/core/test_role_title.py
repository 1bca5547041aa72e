"""Rule role-title: a dated role whose title is the occupation shows that occupation's core work.

A recruiter reads methods of instruction in a Mathematics Teacher's years and writing and
debugging code in a Software Engineer's, though no bullet names them. The title words are data
(``core_of_titles`` in resources/lexicon); a title of another field, an undated role or an
employer's name shows nothing.
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
    posting = read_pasted(f"Open Position\n\nRequirements\n- {requirement}\n")
    (verdict,) = analyze_documents(posting, read_pasted(resume), today=TODAY).verdicts
    return verdict


def cv(role: str, bullet: str) -> str:
    return (f"Robin Vale\nrobin@example.com\n\nEXPERIENCE\n{role}\n- {bullet}\n\n"
            "EDUCATION\nBA, 2012\n")


@pytest.mark.parametrize(("requirement", "role", "bullet"), [
    ("Knowledge of the principles and methods of instruction",
     "Science Teacher | Brookfield Middle School | Aug 2019 - Present",
     "Ran the after-school robotics club"),
    ("Experience writing or debugging code",
     "Senior Software Engineer | Quillfeather | 2018 - Present",
     "Moved the billing service to a new queue"),
    ("Experience across the full software development life cycle",
     "Backend Developer | Tallow Labs | Mar 2020 - Present",
     "Owned the payments API"),
])
def test_the_title_of_a_dated_role_shows_its_core_work(requirement: str, role: str,
                                                       bullet: str) -> None:
    verdict = judge(requirement, cv(role, bullet))
    assert verdict.status is Status.MET
    assert verdict.rule == Rule.ROLE_TITLE
    assert Rule.ROLE_TITLE.label in verdict.explanation
    # the evidence is the role's own line, so the window can highlight it
    assert verdict.evidence[0].text.startswith(role.split(" | ")[0])


@pytest.mark.parametrize(("requirement", "role"), [
    # another occupation's title is no evidence
    ("Experience writing or debugging code", "IT Support Specialist | Harbor Bank | 2019 - Present"),
    ("Knowledge of the principles and methods of instruction",
     "Cashier | Teachers Credit Union | 2019 - Present"),  # an employer's name says nothing
    # "development" in a business title is no software development
    ("Experience writing or debugging code",
     "Business Development Manager | Orrin Foods | 2019 - Present"),
])
def test_other_titles_show_nothing(requirement: str, role: str) -> None:
    verdict = judge(requirement, cv(role, "Answered 40 calls a day"))
    assert verdict.rule != Rule.ROLE_TITLE
    assert verdict.status is not Status.MET


def test_an_undated_role_shows_nothing() -> None:
    resume = ("Robin Vale\n\nEXPERIENCE\nSoftware Engineer, Quillfeather\n"
              "- Moved the billing service to a new queue\n")
    assert judge("Experience writing or debugging code", resume).rule != Rule.ROLE_TITLE


def test_an_expert_ask_needs_more_than_the_title() -> None:
    verdict = judge("Expert debugging skills",
                    cv("Software Engineer | Quillfeather | 2018 - Present", "Owned the API"))
    assert verdict.rule != Rule.ROLE_TITLE


def test_core_titles_are_data_on_hard_skills() -> None:
    lexicon = load_lexicon()
    cored = {e.id for e in lexicon.entries.values() if e.core_of_titles}
    assert {"pedagogy", "debugging", "sdlc"} <= cored
    assert all(not lexicon[e].soft for e in cored)
    # leadership is no core of a "manager" title; people management is the core of a
    # supervisor's or shift lead's, not of any manager's (a product manager manages no people)
    assert not cored & {"leadership", "design_patterns"}
    assert "manager" not in lexicon["people_management"].core_of_titles


@pytest.mark.corpus
@pytest.mark.parametrize(("resume", "line"), [
    ("resumes/pdf/fictional-john-doe-swe-openresume.pdf",
     "Experience writing or debugging code"),
    ("resumes/pdf/fictional-bruce-wayne-fullstack-moderncv-rm.pdf",
     "Experience writing or debugging code"),
    ("benchmarks/resumes/fictional-lucia-ferrante-art-teacher.txt",
     "Knowledge of the principles and methods of instruction"),
])
def test_real_resumes(corpus: Path, resume: str, line: str) -> None:
    resume_path = REPO / resume if resume.startswith("benchmarks/") else corpus / resume
    posting = read_pasted(f"Open Position\n\nQualifications\n- {line}\n")
    (verdict,) = analyze_documents(posting, read_document(resume_path), today=TODAY).verdicts
    assert verdict.status is Status.MET
    assert verdict.rule == Rule.ROLE_TITLE


@pytest.mark.corpus
def test_a_non_coding_resume_from_the_corpus_gets_no_credit(corpus: Path) -> None:
    analysis = analyze_documents(
        read_document(corpus / "postings/servicenow-senior-software-engineer-rm15.txt"),
        read_document(corpus / "resumes/docx/fictional-ivy-haddington-desktop-support-soupboss.docx"),
        today=TODAY)
    verdict = next(v for v in analysis.verdicts
                   if v.requirement.text.startswith("Experience writing or debugging code"))
    assert verdict.status is Status.MISSING
