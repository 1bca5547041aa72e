"""Years-of-experience and degree details inside requirements."""

from __future__ import annotations

import pytest

from tailorfit.core.parse.details import DegreeLevel, claimed_years, parse_degree, parse_years


@pytest.mark.parametrize(("text", "minimum", "maximum", "domain"), [
    ("8+ years of experience in backend development", 8, None, "backend development"),
    ("At least five (5) years of professional experience", 5, None, None),
    ("3-5 years of Python experience", 3, 5, "Python"),
    ("Minimum of 10 years in software engineering", 10, None, "software engineering"),
    ("2-4 + years of experience", 2, 4, None),
    ("5+ years building backend services", 5, None, "building backend services"),
    ("One year of full-time paid professional nursing experience", 1, None, "nursing"),
    ("two years of full-time paid experience as an Applications Programmer", 2, None,
     "Applications Programmer"),
    ("Experience: Minimum 1 year as project manager", 1, None, "project manager"),
    ("3 years as a Registered Nurse", 3, None, "Registered Nurse"),
    ("Five-plus years of experience in nursing", 5, None, "nursing"),
    ("5-plus years of experience in Java", 5, None, "Java"),
    ("5+ yrs exp. with Java", 5, None, "Java"),
    ("Experience of 4 years or more in sales", 4, None, "sales"),
    ("2 years or more of experience in retail", 2, None, "retail"),
    # a job board's "X: N years (Required)" asks years of X
    ("Warehouse: 1 year (Required)", 1, None, "Warehouse"),
    ("CSS: 3 years (Preferred)", 3, None, "CSS"),
    ("total work: 2 years (Required)", 2, None, None),
])
def test_years(text: str, minimum: float, maximum: float | None, domain: str | None) -> None:
    found = parse_years(text)
    assert found is not None
    assert (found.minimum, found.maximum, found.domain) == (minimum, maximum, domain)


@pytest.mark.parametrize("text", ["warranty of 3 years", "within 2 years of hire", "Python",
                                  "Warranty: 2 years", "Contract: 12 months"])
def test_not_years_of_experience(text: str) -> None:
    assert parse_years(text) is None


@pytest.mark.parametrize("text", ["At least 3 years as part of an engineering team",
                                  "3+ years as an individual contributor",
                                  "5+ years as well as strong SQL skills"])
def test_as_names_a_job_title_only(text: str) -> None:
    found = parse_years(text)
    assert found is not None and found.domain is None


@pytest.mark.parametrize(("text", "level", "fields", "equivalent"), [
    ("Bachelor's degree in Computer Science, Data Science, Engineering, or a related field "
     "(or equivalent experience)", DegreeLevel.BACHELOR,
     ("Computer Science", "Data Science", "Engineering"), True),
    ("BS in Computer Science or equivalent practical experience", DegreeLevel.BACHELOR,
     ("Computer Science",), True),
    ("Master of Science in Computer Science, Massachusetts Institute of Technology",
     DegreeLevel.MASTER, ("Computer Science",), False),
    ("PhD in Computer Science - Princeton", DegreeLevel.DOCTORATE, ("Computer Science",), False),
    ("Graduation from an accredited four-year college or university with a major in accounting",
     DegreeLevel.BACHELOR, ("Accounting",), False),
    ("Master of Business Administration, Stanford University", DegreeLevel.MASTER,
     ("Business Administration",), False),
    ("BSN required", DegreeLevel.BACHELOR, ("Nursing",), False),
    ("Associate's degree in Nursing", DegreeLevel.ASSOCIATE, ("Nursing",), False),
    ("B.S. Computer Science University of Georgia", DegreeLevel.BACHELOR,
     ("Computer Science",), False),
    # A chain of Indian degree abbreviations, then the fields after a dash.
    ("B.e/B.tech/MCA/Msc/M.e-IT/Computer science", DegreeLevel.BACHELOR,
     ("IT", "Computer science"), False),
    ("B. Tech with minimum 60%", DegreeLevel.BACHELOR, (), False),
    ("Bachelor/Master - required", DegreeLevel.BACHELOR, (), False),
    # The quick check before the level patterns: bare capitals, lowercase short forms.
    ("MS, Statistics", DegreeLevel.MASTER, ("Statistics",), False),
    ("msc in physics", DegreeLevel.MASTER, ("Physics",), False),
    ("GED or high school diploma", DegreeLevel.HIGH_SCHOOL, (), False),
    ("M.D. from an accredited medical school", DegreeLevel.DOCTORATE, (), False),
    # fields written in lowercase after "degree in" or "within", and no field "in progress"
    ("A degree in chemistry or biology", DegreeLevel.BACHELOR, ("Chemistry", "Biology"), False),
    ("A university degree within food science", DegreeLevel.BACHELOR, ("Food science",),
     False),
    ("Master's degree in progress", DegreeLevel.MASTER, (), False),
    # lone modifiers share the last field's head noun; abbreviations keep their full stops
    ("Degree in Mechanical or Electrical Engineering", DegreeLevel.BACHELOR,
     ("Mechanical Engineering", "Electrical Engineering"), False),
    ("Bachelor's in Civil, Mechanical or Structural Engineering", DegreeLevel.BACHELOR,
     ("Civil Engineering", "Mechanical Engineering", "Structural Engineering"), False),
    ("Degree in Microbiology or Food Science", DegreeLevel.BACHELOR,
     ("Microbiology", "Food Science"), False),
    ("B.Sc. or M.Sc. in Computer Science", DegreeLevel.BACHELOR, ("Computer Science",), False),
    ("BS in Computer Science. Experience with Java", DegreeLevel.BACHELOR,
     ("Computer Science",), False),
    # an abbreviation straight before its field, and one in brackets inside the name
    ("Stanford University - BS Computer Science (2014-2018)", DegreeLevel.BACHELOR,
     ("Computer Science",), False),
    ("BA Economics, University of Leeds, 2012", DegreeLevel.BACHELOR, ("Economics",), False),
    ("Master of Science (M.Sc.), Chemistry - University of Oslo", DegreeLevel.MASTER,
     ("Chemistry",), False),
    ("Bachelor of Engineering (Hons) in Mechanical Engineering", DegreeLevel.BACHELOR,
     ("Mechanical Engineering",), False),
])
def test_degrees(text: str, level: DegreeLevel, fields: tuple[str, ...], equivalent: bool) -> None:
    found = parse_degree(text)
    assert found is not None
    assert (found.level, found.fields, found.equivalent_experience) == (level, fields, equivalent)


@pytest.mark.parametrize("text", [
    "Experience with Kubernetes",
    # "be", "me", "ma" are words, not the degrees BE, ME and MA
    "Must be able to tell me what ma and pa stores need",
    "Advanced user of MS Excel and MS Word",
    "You will be part of a team that lets me ship"])
def test_no_degree(text: str) -> None:
    assert parse_degree(text) is None


@pytest.mark.parametrize(("text", "years"), [
    ("Nurse with 7+ years of experience in ICU care.", 7),
    ("Experienced accountant with eight years in audit.", 8),
    ("Over a decade of experience in sales.", 10),
    ("Two decades in logistics and freight.", 20),
    ("1.5 years in retail", None),  # not "5 years"
    ("Led a team of 5 engineers", None),
])
def test_years_a_summary_claims(text: str, years: int | None) -> None:
    assert claimed_years(text) == years
