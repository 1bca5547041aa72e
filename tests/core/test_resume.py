"""Resume structure: contact, sections, roles with dates, total years, education."""

from __future__ import annotations

from datetime import date

from tailorfit.core.parse.details import DegreeLevel
from tailorfit.core.parse.resume import ResumeSection, parse_resume
from tailorfit.core.readers import read_document, read_pasted
from tailorfit.core.resources import sample_resume

TEXT_RESUME = """Priya Natarajan
priya.n@example.org | +1 (206) 555-0188 | github.com/priyan

SUMMARY
Data engineer with 6 years of experience.

WORK EXPERIENCE
Senior Data Engineer | Northwind Traders | Seattle, WA        Mar 2022 – Present
• Built dbt models for 40 teams
• Mentored three analysts
Data Engineer, Contoso Ltd                                   01/2019 - 04/2022
• Ran Airflow on Kubernetes
Intern, Fabrikam                                              Summer 2018

EDUCATION
B.S. in Computer Science, University of Washington, 2018

SKILLS
Languages: Python, SQL, Scala
Tools: Airflow, dbt; Spark | Kafka

CERTIFICATIONS
AWS Certified Data Engineer – Associate (2023)
"""


def test_text_resume_structure() -> None:
    resume = parse_resume(read_pasted(TEXT_RESUME), today=date(2026, 11, 27))
    assert resume.contact.name == "Priya Natarajan"
    assert resume.contact.email == "priya.n@example.org"
    assert resume.contact.phone == "+1 (206) 555-0188"
    assert "github.com/priyan" in resume.contact.links
    kinds = [s.kind for s in resume.sections]
    assert kinds == [ResumeSection.CONTACT, ResumeSection.SUMMARY, ResumeSection.EXPERIENCE,
                     ResumeSection.EDUCATION, ResumeSection.SKILLS, ResumeSection.CERTIFICATIONS]
    titles = [(r.title, r.employer) for r in resume.roles]
    assert titles == [("Senior Data Engineer", "Northwind Traders"),
                      ("Data Engineer", "Contoso Ltd"), ("Intern", "Fabrikam")]
    assert [r.dates.label() for r in resume.roles] == [
        "2022-03 - present", "2019-01 - 2022-04", "2018-06 - 2018-08"]
    assert len(resume.roles[0].bullets) == 2
    # Jan 2019 .. Nov 2026 merged (the Mar 2022 overlap counts once) plus the 3-month summer.
    assert resume.total_months == 95 + 3
    assert resume.highest_degree is DegreeLevel.BACHELOR
    (education,) = resume.education
    assert education.fields == ("Computer Science",)
    assert education.school == "University of Washington" and education.year == 2018
    assert [s.text for s in resume.skills] == ["Python", "SQL", "Scala", "Airflow", "dbt",
                                               "Spark", "Kafka"]
    assert resume.certificates[0].year == 2023
    assert resume.claimed_years == 6


def test_present_follows_the_injected_clock() -> None:
    early = parse_resume(read_pasted(TEXT_RESUME), today=date(2023, 3, 15))
    late = parse_resume(read_pasted(TEXT_RESUME), today=date(2025, 3, 15))
    assert late.total_months - early.total_months == 24


def test_role_offsets_cover_their_text() -> None:
    resume = parse_resume(read_pasted(TEXT_RESUME), today=date(2026, 11, 27))
    text = resume.document.text
    first = resume.roles[0]
    assert text[first.start:first.end].startswith("Senior Data Engineer")
    assert [text[a:b] for a, b in first.bullets] == ["Built dbt models for 40 teams",
                                                    "Mentored three analysts"]


def test_bundled_sample_resume() -> None:
    resume = parse_resume(read_document(sample_resume()), today=date(2026, 11, 27))
    assert resume.contact.name == "Maya Okafor"
    assert resume.contact.email == "maya.okafor@example.com"
    assert [r.employer for r in resume.roles] == ["Fernhollow Payments", "Marrowfield Health",
                                                  "Kettlebrook Digital"]
    assert resume.total_years == 7.2
    assert resume.highest_degree is DegreeLevel.BACHELOR
    assert {"Go", "Kubernetes", "Istio"} <= {s.text for s in resume.skills}
    assert len(resume.certificates) == 2  # the footer line is not a certificate


def test_resume_without_sections_still_finds_contact() -> None:
    resume = parse_resume(read_pasted("Alex Johnson\nalex@example.com\nMarketing specialist"))
    assert resume.contact.name == "Alex Johnson"
    assert resume.roles == ()
    assert resume.total_months == 0


def test_range_broken_over_a_date_column_keeps_its_role() -> None:
    # moderncv PDFs put "2017 –" and "Present" on two lines of the date column.
    text = ("Jordan Vale\njordan@example.com\n\nExperience\n"
            "2017 – | Product Manager, Google, Mountain View, CA, USA\n"
            "Present | Leading cross-functional teams to design, develop, and launch products.\n"
            "2012 – 2017 Software Development Engineer III, Amazon, Seattle, WA, USA\n"
            "Led a team of developers in building scalable and high-performing applications.\n")
    resume = parse_resume(read_pasted(text), today=date(2026, 11, 27))
    assert [(r.title, r.employer) for r in resume.roles] == [
        ("Product Manager", "Google"), ("Software Development Engineer III", "Amazon")]
    assert resume.roles[0].dates is not None and resume.roles[0].dates.present
    assert round(resume.total_months / 12, 1) == 14.9


def test_a_long_resume_keeps_every_role_and_section() -> None:
    """Thousands of roles under repeated section headings: each is found (issue 7 made section
    and role lookup linear; the speed itself is measured in benchmarks/bench_long_text.py)."""
    role = ("Experience\nSenior Engineer, Company {n} | Jan 2010 - Mar 2011\n"
            "- Built Kafka pipelines in Go for {n} customers\n\n")
    text = "Jane Doe\njane@example.com\n\n" + "".join(role.format(n=n) for n in range(2000))
    resume = parse_resume(read_pasted(text), today=date(2026, 11, 27))
    assert len(resume.roles) == 2000
    assert sum(1 for s in resume.sections if s.kind is ResumeSection.EXPERIENCE) == 2000
    assert resume.roles[1234].employer == "Company 1234"
    assert resume.section_at(resume.roles[1999].start) is ResumeSection.EXPERIENCE


def test_a_skills_table_pasted_as_lines_stays_in_skills() -> None:
    """A skills table ("Languages | Go, Python") pasted as text puts "Languages" on a line of
    its own right under "Skills": a label inside Skills, not the spoken-languages section."""
    from tailorfit.core.readers import read_pasted
    from tailorfit.core.resources import sample_resume

    pasted = read_pasted(read_document(sample_resume()).text)
    resume = parse_resume(pasted)
    kinds = [s.kind for s in resume.sections]
    assert ResumeSection.SKILLS in kinds and ResumeSection.LANGUAGES not in kinds
    skills = next(s for s in resume.sections if s.kind is ResumeSection.SKILLS)
    assert "Go, Python, PHP, SQL" in pasted.text[skills.start:skills.end]
    # A real spoken-languages section after other content is still one.
    other = read_pasted("Jane Roe\n\nSkills\nGo, Python\n\nLanguages\nEnglish, Spanish\n")
    assert ResumeSection.LANGUAGES in [s.kind for s in parse_resume(other).sections]


def test_an_academic_cv_has_appointments_and_techniques() -> None:
    text = ("Dr. Mira Solberg\nmira@example.com\n\nAPPOINTMENTS\n\nMar 2021 - Present\n"
            "Postdoctoral Researcher, Fjord Institute of Biology\n"
            "- Ran CRISPR knockout screens in HEK293 cells\n\nSep 2016 - Feb 2021\n"
            "PhD Student, University of Tromsvik\n- Purified recombinant proteins from E. coli\n"
            "\nTECHNIQUES\nPCR, Western blotting, flow cytometry\n")
    resume = parse_resume(read_pasted(text), today=date(2026, 12, 1))
    kinds = {s.title: s.kind for s in resume.sections}
    assert kinds["APPOINTMENTS"] is ResumeSection.EXPERIENCE
    assert kinds["TECHNIQUES"] is ResumeSection.SKILLS
    assert [(r.title, r.employer) for r in resume.roles] == [
        ("Postdoctoral Researcher", "Fjord Institute of Biology"),
        ("PhD Student", "University of Tromsvik")]


def test_roles_dated_since_a_year_or_year_first() -> None:
    resume = parse_resume(read_pasted(
        "Mette Holm\nmette@example.org\n\nEXPERIENCE\nSoftware Engineer – Acme ApS – since 2020\n"
        "- Built the booking API in Go\n- Mentored two juniors since 2023\n"
        "Data Analyst, Beta AS 2017/03 - 2019/12\n- Built the weekly sales reports\n"),
        today=date(2026, 11, 27))
    assert [(r.title, r.employer, r.dates.label() if r.dates else None) for r in resume.roles] == [
        ("Software Engineer", "Acme ApS", "2020-01 - present"),
        ("Data Analyst", "Beta AS", "2017-03 - 2019-12")]


def test_a_role_whose_dates_come_first_with_a_colon() -> None:
    resume = parse_resume(read_pasted(
        "Mette Holm\nmette@example.org\n\nEXPERIENCE\n2019 - 2022: Software Engineer, Acme ApS\n"
        "- Built the booking API in Go\n"), today=date(2026, 11, 27))
    assert [(r.title, r.employer) for r in resume.roles] == [("Software Engineer", "Acme ApS")]
