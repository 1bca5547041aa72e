"""Verdict rules on small, readable posting/resume pairs."""

from __future__ import annotations

from datetime import date

import pytest

from tailorfit.core.match import Status, analyze_documents
from tailorfit.core.match.result import Analysis
from tailorfit.core.model import TextAnchor
from tailorfit.core.readers import read_pasted

TODAY = date(2026, 11, 27)

RESUME = """Jordan Lee
jordan@example.com

SUMMARY
Backend engineer. Strong communicator.

EXPERIENCE
Senior Software Engineer | Fernhollow Payments | Jan 2021 - Present
- Rolled out Istio across three clusters and ran PostgreSQL at scale
- Built Laravel admin tools and mentored four engineers
- Presented the migration plan to the engineering org
Software Engineer | Contoso | Jan 2018 - Dec 2020
- Built backend services in Go on Kubernetes
- Ran MySQL replicas

EDUCATION
B.S. in Mathematics, State University, 2017

SKILLS
Go, Python, Kubernetes, Terraform, AWS, Rust
"""


NURSE = "Sam Rivera, RN\nsam@example.com\n\nEXPERIENCE\nStaff Nurse | City Hospital | 2020 - Present\n"


def run(requirements: str, resume: str = RESUME) -> Analysis:
    posting = read_pasted("Backend Engineer\n\nRequirements\n" + requirements)
    return analyze_documents(posting, read_pasted(resume), today=TODAY)


def verdict(requirement: str, resume: str = RESUME) -> tuple[Status, str]:
    (only,) = run(f"- {requirement}\n", resume).verdicts
    return only.status, only.explanation


def test_named_skill_is_met_with_evidence_anchored_in_the_resume() -> None:
    analysis = run("- Experience with Kubernetes\n")
    (v,) = analysis.verdicts
    assert v.status is Status.MET
    best = v.evidence[0]
    assert "Experience" in best.where  # a use in a role beats the Skills list
    anchors = analysis.resume.document.anchors(best.start, best.end)
    lines = RESUME.split("\n")
    assert isinstance(anchors[0], TextAnchor)
    assert lines[anchors[0].line - 1][anchors[0].start:anchors[0].end] == "Kubernetes"


@pytest.mark.parametrize(("requirement", "instance"), [
    ("Experience with a service mesh", "Istio"),
    ("Knowledge of relational databases", "PostgreSQL"),
    ("PHP development experience", "Laravel"),
])
def test_more_specific_instance_is_met(requirement: str, instance: str) -> None:
    status, why = verdict(requirement)
    assert status is Status.MET
    assert instance in why and "counts as" in why


def test_multi_part_with_some_parts_met_is_partial() -> None:
    status, why = verdict("Experience with Kubernetes and Nomad")
    assert status is Status.PARTIAL
    assert "Kubernetes" in why and "Nomad" in why


def test_alternatives_need_one() -> None:
    assert verdict("Strong proficiency in Go or Java")[0] is Status.MET


def test_examples_after_such_as() -> None:
    assert verdict("Experience with a service mesh such as Linkerd or Istio")[0] is Status.MET


def test_related_tool_is_partial_never_met() -> None:
    resume = RESUME.replace("PostgreSQL", "SQLite")
    status, why = verdict("Experience with PostgreSQL", resume.replace("MySQL", "MySQL"))
    assert status is Status.PARTIAL
    assert "related to PostgreSQL" in why


def test_a_different_language_is_no_evidence() -> None:
    assert verdict("Expert in Scala")[0] is Status.MISSING


def test_only_the_broader_parent_is_partial() -> None:
    status, why = verdict("Experience running GKE")
    assert status is Status.PARTIAL
    assert "broader" in why and "Kubernetes" in why


def test_listed_only_where_expertise_is_asked_is_partial() -> None:
    status, why = verdict("Deep expertise in Rust")
    assert status is Status.PARTIAL
    assert "listed" in why
    assert verdict("Familiarity with Rust")[0] is Status.MET


def test_missing_when_nothing_supports_it() -> None:
    status, why = verdict("Experience with Salesforce Apex")
    assert status is Status.MISSING
    assert why


@pytest.mark.parametrize(("asked", "expected"), [(5, Status.MET), (8, Status.MET),
                                                 (11, Status.PARTIAL), (12, Status.MISSING)])
def test_years_add_up_dated_roles(asked: int, expected: Status) -> None:
    # Jan 2018 .. Nov 2026 is 8.9 years; 75% of 11 is 8.25 (partial), of 12 is 9 (missing).
    status, why = verdict(f"{asked}+ years of experience in backend development")
    assert status is expected
    assert "8.9 years" in why and f"{asked} asked" in why


def test_years_short_but_within_three_quarters_is_partial() -> None:
    status, why = verdict("10+ years of experience in backend development")
    assert status is Status.PARTIAL and "8.9" in why


def test_overlapping_roles_are_counted_once() -> None:
    resume = RESUME.replace("Jan 2018 - Dec 2020", "Jan 2020 - Dec 2022")
    status, why = verdict("6+ years of professional experience", resume)
    # Jan 2020 .. Nov 2026 merged: 6.9 years, not 6.9 + 3.
    assert status is Status.MET and "6.9 years" in why


@pytest.mark.parametrize(("requirement", "expected"), [
    ("Bachelor's degree in Mathematics or Statistics", Status.MET),
    ("Bachelor's degree in Computer Science or a related field", Status.MET),
    ("Bachelor's degree in Nursing", Status.PARTIAL),
    ("Master's degree in Mathematics", Status.MISSING),
])
def test_degrees(requirement: str, expected: Status) -> None:
    assert verdict(requirement)[0] is expected


def test_equivalent_experience_stands_in_for_a_degree() -> None:
    resume = RESUME.replace("B.S. in Mathematics, State University, 2017", "")
    status, why = verdict("Bachelor's degree in Computer Science or equivalent experience", resume)
    assert status is Status.MET and "equivalent" in why


def test_soft_skill_shown_in_a_bullet_is_met_claimed_only_is_partial() -> None:
    status, why = verdict("Experience mentoring engineers")
    assert status is Status.MET and "mentored" in why.lower()
    status, why = verdict("Excellent communication skills", RESUME.replace(
        "- Presented the migration plan to the engineering org\n", ""))
    assert status is Status.PARTIAL and "claimed" in why


def test_a_certificate_counts_only_when_stated() -> None:
    # the skill it is about is no certificate (README verdict rules: licences and
    # certifications are missing unless the resume states them); the skill is still named
    status, why = verdict("AWS certification")
    assert status is Status.MISSING
    assert "AWS" in why and "only when stated" in why
    certified = RESUME.replace("SKILLS", "CERTIFICATIONS\nAWS Certified Solutions Architect "
                               "- Associate, 2023\n\nSKILLS", 1)
    assert "CERTIFICATIONS" in certified
    assert verdict("AWS certification", certified)[0] is Status.MET


def test_score_weights_must_over_nice_and_ignores_repetition() -> None:
    analysis = run("- Kubernetes experience\n\nNice to have\n- Experience with Salesforce\n")
    assert analysis.must_missing == 0
    assert analysis.score == 75  # must met (weight 3) + nice missing (weight 1)
    repeated = run("- Kubernetes experience\n- Kubernetes, Kubernetes and Kubernetes\n\n"
                   "Nice to have\n- Experience with Salesforce\n")
    assert repeated.score == round(100 * 6 / 7)


def test_must_haves_missing_counts_or_groups_once() -> None:
    text = ("1. Two years of experience with Salesforce; or\n"
            "2. Two years of experience with SAP\n")
    analysis = run(text)
    assert analysis.must_missing == 1


def test_keywords_count_both_sides() -> None:
    analysis = run("- Kubernetes and Terraform\n- Kubernetes at scale\n")
    by_id = {k.canonical: k for k in analysis.keywords}
    assert by_id["kubernetes"].posting_count == 2
    assert by_id["kubernetes"].resume_count == 2
    assert set(by_id["kubernetes"].resume_places) == {"experience", "skills"}


# -- list structure: what "or" joins, what it does not ---------------------------------------

@pytest.mark.parametrize("requirement", [
    "Experience with Java, Scala, or Go",
    "Experience with Scala, Go or Java",
    "Experience with Scala and/or Go",
    "Experience with Scala, Elixir, Go, or similar languages",
])
def test_a_comma_list_ending_in_or_needs_one(requirement: str) -> None:
    assert verdict(requirement)[0] is Status.MET


@pytest.mark.parametrize("requirement", [
    "Experience with Scala, Elixir and Go",
    "Strong Elixir skills, experience with Go or Java",  # two asks, the second with a choice
])
def test_lists_without_a_choice_need_every_part(requirement: str) -> None:
    assert verdict(requirement)[0] is Status.PARTIAL


def test_or_joins_only_its_neighbours() -> None:
    # Deployment is asked for, and then one of two tools, neither of which is shown.
    resume = RESUME.replace("Ran MySQL replicas", "Deployment of machine learning models to production")
    status, why = verdict("Experience deploying models via Triton Inference Server or TorchServe",
                          resume)
    assert status is Status.PARTIAL
    assert "Triton" in why


def test_kind_named_before_examples_admits_siblings_under_a_language() -> None:
    resume = RESUME.replace("Go, Python,", "Go, Python, JavaScript, Redux,")
    status, why = verdict("Experience with JavaScript libraries like jQuery", resume)
    assert status is Status.MET
    assert "Redux" in why and "same kind" in why


def test_teams_named_in_parentheses_are_no_skill_asked() -> None:
    status, why = verdict("Excellent communication skills across functions (SRE, Marketing)")
    assert status is Status.MET
    assert "Site Reliability" not in why and "Marketing" not in why


def test_unix_slash_linux_is_either_system() -> None:
    resume = RESUME.replace("on Kubernetes", "on Kubernetes and Linux servers")
    assert verdict("Experience with Unix/Linux systems", resume)[0] is Status.MET


# -- weaker evidence ---------------------------------------------------------------------------

def test_a_broader_parent_shown_through_another_instance_is_partial() -> None:
    nurse = ("Sam Rivera, RN\nsam@example.com\n\nEXPERIENCE\nStaff Nurse | City Hospital | "
             "Jan 2020 - Present\n- Provided nursing care on a 30-bed surgical unit\n")
    status, why = verdict("Experience in ambulatory care", nurse)
    assert status is Status.PARTIAL
    assert "broader Clinical Care" in why


def test_an_unnamed_licence_is_met_by_a_licence_in_the_postings_field() -> None:
    nurse = NURSE
    posting = read_pasted("Nurse Educator\n\nAbout the role\nImprove nursing practice across "
                          "our hospitals.\n\nRequirements\n- Currently licensed in the state of "
                          "practice\n")
    (v,) = analyze_documents(posting, read_pasted(nurse), today=TODAY).verdicts
    assert v.status is Status.MET
    assert "Nursing" in v.explanation
    other = read_pasted("Accountant\n\nAbout the role\nClose the books monthly.\n\n"
                        "Requirements\n- Currently licensed in the state of practice\n")
    (v,) = analyze_documents(other, read_pasted(nurse), today=TODAY).verdicts
    assert v.status is Status.PARTIAL  # a licence, but nothing says it is the one asked


def test_a_neighbouring_soft_skill_is_partial_for_soft_items_only() -> None:
    resume = RESUME.replace("- Presented the migration plan to the engineering org\n",
                            "- Collaborated with designers on the checkout flow\n").replace(
                            "Strong communicator.", "")
    status, why = verdict("Excellent communication skills", resume)
    assert status is Status.PARTIAL
    assert "collaborat" in why.lower()


def test_technical_communication_is_no_soft_skill() -> None:
    resume = RESUME.replace("- Presented the migration plan to the engineering org",
                            "- Implemented gRPC communication between frontend and backend").replace(
                            "Strong communicator.", "")
    status, why = verdict("Excellent communication skills", resume)
    # not shown by the gRPC bullet: only the work history's indirect evidence (soft-from-roles)
    assert status is Status.PARTIAL
    assert "gRPC" not in why and "the work history" in why


def test_years_with_a_second_ask_are_partial_when_it_is_missing() -> None:
    status, why = verdict("5+ years of backend development experience, with a strong focus on "
                          "research and development")
    assert status is Status.PARTIAL
    assert "Research and Development" in why
    # Too few years stay missing whatever else the line asks.
    assert verdict("15+ years of backend development experience, with a focus on R&D")[0] is (
        Status.MISSING)


def test_years_in_a_technology_need_roles_that_show_it() -> None:
    # Two dated software roles, none with Ruby: only related roles, so partial at best.
    status, why = verdict("3+ years of Ruby development experience")
    assert status is Status.PARTIAL
    assert "related roles" in why and "not clearly in Ruby" in why
    assert verdict("3+ years of PHP development experience")[0] is Status.MET  # Laravel is PHP


def test_years_as_a_job_title_need_that_title() -> None:
    assert verdict("Minimum 1 year as project manager")[0] is Status.MISSING
    assert verdict("Minimum 2 years as software engineer")[0] is Status.MET


def test_a_paradigm_is_no_evidence_of_a_language() -> None:
    resume = RESUME.replace("Go, Python,", "Object-oriented programming, Python,")
    status, _ = verdict("Experience with Smalltalk", resume)
    assert status is Status.MISSING


@pytest.mark.parametrize(("requirement", "skill"), [
    ("You communicate clearly with technical and non-technical partners", "communication"),
    ("You are able to prioritize and deliver in a fast-moving environment", "prioriti"),
])
def test_soft_skills_asked_with_verbs(requirement: str, skill: str) -> None:
    (v,) = run(f"- {requirement}\n").verdicts
    assert any(skill in t for t in v.terms)  # the verb form names the skill


def test_evidence_verbs_come_in_every_form() -> None:
    """The lexicon's evidence verbs are expanded with lemminflect when it is built: irregular
    past forms find their present forms and the reverse, with no table of our own."""
    from tailorfit.core.lexicon import load_lexicon
    from tailorfit.core.lexicon.forms import verb_forms

    assert {"led", "lead", "leads", "leading"} <= set(verb_forms("led"))
    assert {"wrote", "write", "writes", "writing", "written"} <= set(verb_forms("wrote"))
    assert verb_forms("presented to")[0] == "presented to"
    mentoring = load_lexicon()["mentoring"]
    assert {"mentored", "mentoring", "mentors"} <= {p.split(" ")[0] for p in mentoring.evidence}


@pytest.mark.parametrize("bullet", ["Leads a team of four engineers",
                                    "Taught new hires the deployment process",
                                    "Writes the on-call runbooks"])
def test_irregular_verbs_in_any_tense_show_the_skill(bullet: str) -> None:
    resume = RESUME.replace("Ran MySQL replicas", bullet)
    requirement = {"Leads": "Leadership skills", "Taught": "Experience mentoring others",
                   "Writes": "Strong written communication"}[bullet.split()[0]]
    assert verdict(requirement, resume)[0] is Status.MET


# -- found in review: rules must not misfire on ordinary lines --------------------------------

@pytest.mark.parametrize(("requirement", "expected"), [
    ("Proficiency in Scala, Python, or Elixir, and experience with SQL", Status.MET),
    ("Proficiency in Scala, Elixir, and/or Python", Status.MET),
    ("Nomad operators in Java, Scala, or Elixir", Status.PARTIAL),  # Nomad is still asked
    ("5+ years of backend development experience (Nomad preferred)", Status.MET),
    ("At least 3 years as part of an engineering team", Status.MET),
    ("3+ years as an individual contributor", Status.MET),
    ("Experience working with cloud partners (Azure, GCP)", Status.PARTIAL),  # AWS only
])
def test_ordinary_lines_keep_their_plain_reading(requirement: str, expected: Status) -> None:
    assert verdict(requirement)[0] is expected


def test_a_licence_named_by_profession_is_not_any_licence() -> None:
    nurse = NURSE
    posting = read_pasted("Physician Assistant\n\nAbout the role\nDeliver clinical care and "
                          "nursing support.\n\nRequirements\n- Currently licensed as a Physician "
                          "Assistant in the state of practice\n")
    (v,) = analyze_documents(posting, read_pasted(nurse), today=TODAY).verdicts
    assert v.status is Status.PARTIAL


def test_a_genuine_soft_skill_after_a_technical_one_in_the_same_line() -> None:
    resume = RESUME.replace("- Presented the migration plan to the engineering org",
                            "- Designed communication between services and communicated the "
                            "rollout to support").replace("Strong communicator.", "")
    status, why = verdict("Excellent communication skills", resume)
    assert status is Status.MET and '"communicated"' in why
