"""Postings that lost their line breaks: items run together, headings run into sentences,
headings set in capitals. Each case is written for the test (no corpus text)."""

from __future__ import annotations

from tailorfit.core.kinds import PostingSection, Strength
from tailorfit.core.parse.details import DegreeLevel, parse_degree
from tailorfit.core.parse.posting import parse_posting
from tailorfit.core.readers import read_pasted


def _requirements(text: str) -> dict[str, Strength]:
    return {r.text: r.strength for r in parse_posting(read_pasted(text)).requirements}


PAYROLL = (
    "Title: Payroll Specialist Primary Purpose: Process payroll for 400 staff. Minimum Skills "
    "and Competencies: The qualifications listed below are representative of what the job "
    "needs. Reasonable accommodations may be made for individuals with disabilities. Bachelor's "
    "Degree in Accounting or a related field 3+ years of experience in multi-state payroll "
    "Proficient with Excel and QuickBooks Strong attention to detail Must be able to lift 25 lbs "
    "Desired Skills: Experience with ADP Workforce Now Knowledge of state tax filing About "
    "Larkspur Holdings: Larkspur Holdings is a family-owned group of garden centres founded in "
    "1962 with stores across three states and a growing online shop for seeds and tools.")


def test_items_run_together_are_split_at_the_words_that_open_them() -> None:
    found = _requirements(PAYROLL)
    assert found == {
        "Bachelor's Degree in Accounting or a related field": Strength.MUST,
        "3+ years of experience in multi-state payroll": Strength.MUST,
        "Proficient with Excel and QuickBooks": Strength.MUST,
        "Strong attention to detail": Strength.MUST,
        "Must be able to lift 25 lbs": Strength.MUST,
        "Experience with ADP Workforce Now": Strength.NICE,
        "Knowledge of state tax filing": Strength.NICE,
    }


def test_a_number_after_at_least_stays_with_it() -> None:
    text = ("Title: Welder What you need: At least 2 years of experience in MIG welding "
            "Valid forklift licence Ability to read blueprints Must pass a drug screen "
            "Nice to have: Experience with TIG welding on stainless steel pipe")
    found = _requirements(text)
    assert "At least 2 years of experience in MIG welding" in found
    assert found["Experience with TIG welding on stainless steel pipe"] is Strength.NICE


def test_headings_in_capitals_run_into_the_text() -> None:
    text = ("THE COMPANY Northwind Bakeries supplies bread to 90 cafes in the region. THE ROLE "
            "You will run the night shift in the mixing room and keep the ovens on schedule. "
            "CANDIDATE REQUIREMENTS The ideal candidate has 3+ years of experience in an "
            "industrial bakery Valid food hygiene certificate level 2 Strong communication skills "
            "Must be able to work nights and weekends")
    posting = parse_posting(read_pasted(text))
    kinds = [s.kind for s in posting.sections]
    assert PostingSection.REQUIREMENTS in kinds
    texts = [r.text for r in posting.requirements]
    assert "Valid food hygiene certificate level 2" in texts
    assert "Strong communication skills" in texts
    assert not any("mixing room" in t for t in texts)


def test_a_heading_run_into_its_first_sentence() -> None:
    text = ("Research assistant, soil microbiology\n"
            "We study how soil bacteria survive drought in farmland.\n"
            "Qualifications Candidates should have a master's degree in microbiology or biology.\n"
            "Experience with anaerobic culture techniques would be advantageous but not a "
            "requirement.\n"
            "Languages\n"
            "Fluency in English is essential.\n")
    found = _requirements(text)
    assert found["Candidates should have a master's degree in microbiology or biology."] \
        is Strength.MUST
    assert found["Experience with anaerobic culture techniques would be advantageous but not a "
                 "requirement."] is Strength.NICE
    assert "Fluency in English is essential." in found


def test_advantage_but_not_required_is_nice_to_have() -> None:
    text = ("Field technician\nYour profile\n- Knowledge of PLC programming is an advantage "
            "but not required\n- Driving licence B\n- Academic degrees are not required\n")
    found = _requirements(text)
    assert found["Knowledge of PLC programming is an advantage but not required"] is Strength.NICE
    assert not any("Academic degrees" in t for t in found)


def test_degree_abbreviations_outside_the_us() -> None:
    for text, level in [("B.Des. Communication Design, 2020", DegreeLevel.BACHELOR),
                        ("MB BCh BAO, University College Cork, 2014", DegreeLevel.BACHELOR),
                        ("MBBS, Grant Medical College, 2011", DegreeLevel.BACHELOR),
                        ("B.Arch., School of Planning and Architecture", DegreeLevel.BACHELOR),
                        ("M.Des. Interaction Design, 2019", DegreeLevel.MASTER),
                        ("Advanced business or technical degree.", DegreeLevel.MASTER)]:
        found = parse_degree(text)
        assert found is not None and found.level is level, text


def test_items_after_a_heading_on_the_same_line_are_split_too() -> None:
    # Two ads flattened to one line per section: the items follow the heading's colon.
    lab = _requirements(
        "Profile Essential experience and skills: Educational background as laboratory "
        "technician or biomedical scientist One or more years of experience with cell culture "
        "Good at keeping a laboratory notebook\n")
    assert list(lab) == ["Educational background as laboratory technician or biomedical "
                         "scientist", "One or more years of experience with cell culture",
                         "Good at keeping a laboratory notebook"]
    warehouse = _requirements(
        "Requirements: Forklift licence for counterbalance trucks and reach trucks Two years "
        "of experience in a cold store Able to work early shifts and weekends\n")
    assert list(warehouse) == ["Forklift licence for counterbalance trucks and reach trucks",
                               "Two years of experience in a cold store",
                               "Able to work early shifts and weekends"]


def test_items_run_together_after_a_lead_in_and_on_the_next_line() -> None:
    # Ads whose bullets lost their line breaks after "... that you:" (two sources' wording).
    found = _requirements(
        "Your profile\nTo succeed in the job it is crucial that you: Have a Masters degree "
        "within finance or similar Have minimum 3 years of experience from a similar position "
        "Have solid experience with pricing\nAre an experienced user of Excel ( Visual Basic is "
        "an advantage ) Have understanding of business cases\n")
    assert list(found) == ["Have a Masters degree within finance or similar",
                           "Have minimum 3 years of experience from a similar position",
                           "Have solid experience with pricing",
                           "Are an experienced user of Excel ( Visual Basic is an advantage )",
                           "Have understanding of business cases"]
    kitchen = _requirements(
        "Requirements\nWe expect that you: Have a food hygiene certificate Have two years of "
        "experience in a busy kitchen Have worked with stock rotation\n")
    assert list(kitchen) == ["Have a food hygiene certificate",
                             "Have two years of experience in a busy kitchen",
                             "Have worked with stock rotation"]
