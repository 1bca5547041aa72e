"""The lexicon's signals, requirements, broad umbrellas and titles: sound data, and the matcher
reading them on small invented resumes (every bullet here is fictional)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from tailorfit.core.lexicon import lexicon_dir
from tailorfit.core.lexicon.entry import REQUIREMENTS, SIGNAL_KINDS, read_files
from tailorfit.core.match import Status, analyze_documents
from tailorfit.core.match.result import Verdict
from tailorfit.core.match.words import stems_of_phrase
from tailorfit.core.readers import read_pasted

TODAY = date(2026, 11, 27)
# Words of a signal phrase: lowercase letters, with spaces, hyphens, slashes, apostrophes.
# No digits: the matcher's words have none, so "p99" would be the word "p".
_PHRASE = re.compile(r"[a-z][a-z '&/.+-]*[a-z+]|[a-z]")
REQUIRED_BROAD = {
    "programming", "software_engineering", "databases", "cloud_computing", "data_analysis",
    "web_development", "computer_science", "api_development", "backend_development",
    "frontend_development", "it_support", "object_oriented_programming", "functional_programming",
}


def _entries() -> dict[str, tuple[str, dict[str, Any]]]:
    return {str(raw["id"]): (f.path.stem, raw) for f in read_files(lexicon_dir())
            for raw in f.entries}


ENTRIES = _entries()
WITH_SIGNALS = {eid: raw for eid, (_, raw) in ENTRIES.items() if raw.get("signals")}


# -- the data ----------------------------------------------------------------------------------

def test_signals_are_common_and_span_the_domains() -> None:
    assert len(WITH_SIGNALS) >= 40
    files = {ENTRIES[eid][0] for eid in WITH_SIGNALS}
    assert len(files) >= 6, files
    # Not only software: trades, healthcare, teaching and finance concepts carry signals too.
    assert {"operations_admin", "healthcare", "education", "accounting_finance"} <= files


def test_signal_kinds_are_the_five() -> None:
    for eid, raw in WITH_SIGNALS.items():
        signals = raw["signals"]
        assert isinstance(signals, dict), eid
        assert set(signals) <= SIGNAL_KINDS, (eid, set(signals) - SIGNAL_KINDS)
        assert any(signals.get(k) for k in ("objects", "tools", "together")), \
            f"{eid}: no strong sign at all"


def test_signal_tools_exist() -> None:
    for eid, raw in WITH_SIGNALS.items():
        for tool in raw["signals"].get("tools", ()):
            assert tool in ENTRIES, f"{eid}: signals.tools {tool!r} is no lexicon id"
            assert tool != eid, f"{eid}: lists itself as a tool"


@pytest.mark.parametrize("kind", ["objects", "actions"])
def test_objects_and_actions_are_short_lowercase_phrases(kind: str) -> None:
    for eid, raw in WITH_SIGNALS.items():
        for phrase in raw["signals"].get(kind, ()):
            assert phrase == phrase.lower(), (eid, phrase)
            assert len(phrase.split()) <= 5, (eid, phrase)
            assert _PHRASE.fullmatch(phrase), (eid, phrase)


def test_together_groups_have_sides_of_words() -> None:
    for eid, raw in WITH_SIGNALS.items():
        for group in raw["signals"].get("together", ()):
            assert isinstance(group, list) and len(group) >= 2, eid
            for side in group:
                assert isinstance(side, list) and side, eid
                for phrase in side:
                    assert phrase == phrase.lower() and _PHRASE.fullmatch(phrase), (eid, phrase)


def test_metrics_are_unit_words() -> None:
    for eid, raw in WITH_SIGNALS.items():
        for unit in raw["signals"].get("metrics", ()):
            assert isinstance(unit, str) and unit and unit == unit.lower(), (eid, unit)
            assert not re.search(r"\d", unit), (eid, unit)


def test_one_word_is_never_two_kinds_of_sign() -> None:
    """"ingestion" as an object and "ingest" as an action would make "ingested" alone a strong
    sign plus a sign of another kind: met from a single word."""
    for eid, raw in WITH_SIGNALS.items():
        signals = raw["signals"]
        objects = {stems_of_phrase(p) for p in signals.get("objects", ())}
        actions = {stems_of_phrase(p) for p in signals.get("actions", ())}
        units = {stems_of_phrase(u) for u in signals.get("metrics", ())}
        single = {o for o in objects if len(o) == 1}
        assert not single & actions, (eid, single & actions)
        assert not single & units, (eid, single & units)


def test_requires_is_technical_role() -> None:
    required = {eid for eid, (_, raw) in ENTRIES.items() if "requires" in raw}
    assert "technical_leadership" in required
    assert {"technical_role"} == REQUIREMENTS
    for eid in required:
        assert ENTRIES[eid][1]["requires"] == "technical_role", eid


def test_broad_umbrellas_are_marked() -> None:
    for eid in REQUIRED_BROAD:
        assert ENTRIES[eid][1].get("broad") is True, eid
    for eid, (_, raw) in ENTRIES.items():
        if "broad" in raw:
            assert isinstance(raw["broad"], bool), eid


def test_titles_are_lowercase_job_title_words() -> None:
    titled = {eid: raw["titles"] for eid, (_, raw) in ENTRIES.items() if "titles" in raw}
    assert {"people_management", "teaching", "nursing", "sales", "customer_service"} <= set(titled)
    for eid, titles in titled.items():
        assert titles and all(t == t.lower() and len(t.split()) <= 5 for t in titles), eid
    assert "supervisor" in titled["people_management"]
    assert "coordinator" not in titled["people_management"]  # coordinating is not managing people
    assert "teacher" in titled["teaching"]


def test_work_style_entries_exist() -> None:
    for eid in ("fast_paced_environment", "time_management", "working_independently",
                "ownership", "prioritization", "adaptability", "teamwork", "numeracy"):
        assert eid in ENTRIES, eid
        assert ENTRIES[eid][1]["type"] == "soft", eid


# -- the matcher reading them ---------------------------------------------------------------------

def _resume(title: str, *bullets: str, skills: str = "") -> str:
    text = (f"Robin Vale\nrobin.vale@example.com\n\nEXPERIENCE\n"
            f"{title} | Larkspur Works | Jan 2021 - Present\n")
    text += "".join(f"- {b}\n" for b in bullets)
    text += "\nEDUCATION\nB.A., Eastfield College, 2020\n"
    if skills:
        text += f"\nSKILLS\n{skills}\n"
    return text


def _verdict(requirement: str, resume: str) -> Verdict:
    posting = read_pasted(f"Open Role\n\nRequirements\n- {requirement}\n")
    (only,) = analyze_documents(posting, read_pasted(resume), today=TODAY).verdicts
    return only


def test_performance_work_shows_performance_optimization() -> None:
    resume = _resume("Software Engineer",
                     "Cut page load from 4 s to 900 ms by caching product images in a CDN",
                     skills="Python, Django")
    v = _verdict("Experience with performance optimization", resume)
    assert v.status is Status.MET, v.explanation
    assert v.rule == "shown-through-work"
    assert "page load" in v.explanation


def test_cutting_costs_is_no_performance_work() -> None:
    resume = _resume("Office Administrator", "Reduced office supply costs by 10%")
    v = _verdict("Experience with performance optimization", resume)
    assert v.status is not Status.MET, v.explanation


def test_a_weak_sign_alone_counts_for_nothing() -> None:
    resume = _resume("Software Engineer", "Improved the onboarding checklist", skills="Python")
    v = _verdict("Experience with performance optimization", resume)
    assert v.status is Status.MISSING, v.explanation


def test_screens_with_endpoints_show_full_stack_work() -> None:
    resume = _resume("Developer",
                     "Built the order-history screens in React and the REST endpoints behind "
                     "them in Flask")
    v = _verdict("Full-stack development experience", resume)
    assert v.status is Status.MET, v.explanation


def test_mentoring_cashiers_is_no_technical_leadership() -> None:
    resume = _resume("Head Cashier", "Mentored 3 new cashiers on register procedures",
                     "Led a team of 4 cashiers on weekend shifts")
    v = _verdict("Strong technical leadership", resume)
    assert v.status is not Status.MET, v.explanation


def test_mentoring_developers_is_technical_leadership() -> None:
    resume = _resume("Senior Software Engineer",
                     "Mentored two junior developers on the Django codebase",
                     skills="Python, Django, PostgreSQL")
    v = _verdict("Strong technical leadership", resume)
    assert v.status is Status.MET, v.explanation


@pytest.mark.parametrize("bullet", [
    "Shipped the mobile release two weeks ahead of schedule",
    "Delivered every grant report on time",
    "Met every deadline across 14 client audits",
])
def test_delivery_on_schedule_shows_meeting_deadlines(bullet: str) -> None:
    v = _verdict("Ability to meet tight deadlines", _resume("Coordinator", bullet))
    assert v.status is Status.MET, v.explanation


def test_a_fast_paced_environment_shown_in_a_bullet() -> None:
    resume = _resume("Software Engineer", "Shipped weekly releases at a seed-stage startup")
    v = _verdict("Experience working in a fast-paced environment", resume)
    assert v.status is Status.MET, v.explanation


def test_working_without_supervision() -> None:
    resume = _resume("Field Technician", "Serviced 8 client sites a day without supervision")
    v = _verdict("Ability to work without supervision", resume)
    assert v.status is Status.MET, v.explanation


def test_teaching_patients_is_patient_education_caring_for_them_is_not() -> None:
    taught = _resume("Registered Nurse",
                     "Taught patients and families to manage insulin at home before discharge")
    assert _verdict("Patient education", taught).status is Status.MET
    cared = _resume("Registered Nurse", "Cared for 6 patients per shift on a surgical unit")
    assert _verdict("Patient education", cared).status is not Status.MET


@pytest.mark.parametrize(("requirement", "title", "bullet"), [
    ("Classroom management skills", "Teacher",
     "Introduced a seating chart and positive reinforcement that reduced disruptions"),
    ("Budgeting experience", "Operations Manager", "Managed a $2M departmental budget"),
    ("Inventory management experience", "Stock Associate",
     "Restocked shelves and tracked low inventory for the dairy aisle"),
    ("Knowledge of workplace safety", "Warehouse Lead",
     "Led weekly toolbox talks; zero recordable incidents in two years"),
    ("Customer retention experience", "Account Manager",
     "Reduced churn from 8% to 5% through quarterly check-ins with at-risk accounts"),
    ("Process improvement experience", "Operations Analyst",
     "Streamlined the invoice approval workflow, cutting turnaround time from 5 days to 2"),
    ("Project management experience", "Office Manager",
     "Led the office relocation project, finished on schedule and under budget"),
])
def test_work_across_domains_shows_the_concept(requirement: str, title: str, bullet: str) -> None:
    v = _verdict(requirement, _resume(title, bullet))
    assert v.status is Status.MET, v.explanation


def test_a_date_range_is_no_presentation() -> None:
    """"2022 - Present | ..." on a line read from a layout PDF is a date, not "presented"."""
    resume = _resume("Engineer", "2022 - Present | Developed billing features")
    v = _verdict("Excellent presentation skills", resume)
    assert v.status is not Status.MET, v.explanation
