"""The failure classes seen on unseen pairs (issue 8), each fixed as a general rule and tested
on several different postings and resumes. Every test names the rule it checks."""

from __future__ import annotations

from datetime import date

import pytest

from tailorfit.core.match import Status, analyze_documents
from tailorfit.core.match.parts import Rule
from tailorfit.core.match.result import Verdict
from tailorfit.core.readers import read_pasted

TODAY = date(2026, 12, 1)


def _posted(title: str, *lines: str) -> str:
    return f"{title}\n\nRequirements\n" + "".join(f"- {line}\n" for line in lines)


def judge(requirement: str, resume: str, title: str = "Engineer") -> Verdict:
    posting = read_pasted(_posted(title, requirement))
    (verdict,) = analyze_documents(posting, read_pasted(resume), today=TODAY).verdicts
    return verdict


def assert_verdict(verdict: Verdict, status: Status, rule: Rule | None = None) -> None:
    """The verdict's status, and its rule when one is named."""
    assert verdict.status is status, verdict.explanation
    if rule is not None:
        assert verdict.rule == rule.value, verdict.explanation


def resume(*bullets: str, skills: str = "", title: str = "Software Engineer",
           employer: str = "Acme Corp", dates: str = "Jan 2019 - Present",
           summary: str = "") -> str:
    lines = ["Alex Rivera", "alex@example.com", ""]
    if summary:
        lines += ["SUMMARY", summary, ""]
    lines += ["EXPERIENCE", f"{title} | {employer} | {dates}"]
    lines += [f"- {b}" for b in bullets]
    if skills:
        lines += ["", "SKILLS", skills]
    return "\n".join(lines) + "\n"


# -- the head of the ask and its qualifier ------------------------------------------------------

@pytest.mark.parametrize(("requirement", "cv", "status", "rule"), [
    # the head shown in the asked language
    ("ORM frameworks for Java such as Hibernate",
     resume("Built the billing service in Java with Hibernate"), Status.MET, None),
    # the head shown in another language: partial
    ("Experience with ORM frameworks for Java",
     resume("Modelled the catalogue with SQLAlchemy in Python"), Status.PARTIAL,
     Rule.OTHER_LANGUAGE),
    ("Hands-on ORM experience in C#",
     resume("Mapped the order tables with Hibernate on PostgreSQL"), Status.PARTIAL,
     Rule.OTHER_LANGUAGE),
    # only the language that qualifies it: the technique is not shown
    ("Experience with ORM frameworks for Java",
     resume("Wrote Java batch jobs", skills="Java, SQL"), Status.MISSING, Rule.QUALIFIER_ONLY),
    ("Understanding of the threading limitations of Python",
     resume("Built dashboards", skills="Python, Django"), Status.MISSING, Rule.QUALIFIER_ONLY),
    ("Working knowledge of a web templating engine for Python",
     resume("Built REST APIs", skills="Python"), Status.MISSING, Rule.QUALIFIER_ONLY),
])
def test_the_head_of_the_ask_decides_and_the_language_qualifies(
        requirement: str, cv: str, status: Status, rule: Rule | None) -> None:
    verdict = judge(requirement, cv)
    assert verdict.status is status, verdict.explanation
    if rule is not None:
        assert verdict.rule == rule.value and rule.label in verdict.explanation


def test_a_plain_language_ask_is_no_qualified_ask() -> None:
    for requirement in ("Strong proficiency in Go or Java", "Experience in Python",
                        "Knowledge of C++"):
        verdict = judge(requirement, resume("Built services in Go, Python and C++"))
        assert verdict.status is Status.MET and verdict.rule == Rule.NAMED.value


# -- lists that illustrate a kind ------------------------------------------------------------

@pytest.mark.parametrize(("requirement", "cv"), [
    ("BI tools such as Tableau, Looker, etc.",
     resume("Built the sales dashboards in Power BI for 40 stores")),
    ("Data visualization tools like Tableau",
     resume("Published weekly KPI dashboards in Looker on BigQuery", title="Data Analyst")),
    ("Experience with an ORM (e.g. Hibernate)",
     resume("Mapped the domain model with Entity Framework")),
])
def test_another_member_of_the_illustrated_kind_meets_it(requirement: str, cv: str) -> None:
    verdict = judge(requirement, cv)
    assert verdict.status is Status.MET, verdict.explanation
    assert verdict.rule in (Rule.SAME_CLASS.value, Rule.MORE_SPECIFIC.value)


def test_a_parenthesis_without_e_g_lists_parts() -> None:
    verdict = judge("Experience with deployment tools (Docker, Kubernetes, Terraform)",
                    resume("Packaged services with Docker"))
    assert verdict.status is Status.PARTIAL and verdict.rule == Rule.SOME_PARTS.value
    verdict = judge("Experience with cloud platforms (e.g. Azure, GCP)",
                    resume("Ran the platform on GCP"))
    assert verdict.status is Status.MET


# -- equivalent experience counts in the field only -----------------------------------------

ENGINEERING_DEGREE = ("Bachelor's degree in Computer Science or Engineering, or equivalent "
                      "practical experience")


def test_years_as_a_cashier_do_not_stand_in_for_an_engineering_degree() -> None:
    cashier = resume("Handled 300 transactions a day", "Trained new cashiers", title="Cashier",
                     employer="Grocer", dates="Jan 2012 - Present")
    verdict = judge(ENGINEERING_DEGREE, cashier, title="Software Engineer")
    assert verdict.status is Status.MISSING


@pytest.mark.parametrize("cv", [
    resume("Built Java services on Kubernetes", "Wrote Python data pipelines",
           dates="Jan 2012 - Present"),
    resume("Developed embedded C firmware for sensors", title="Firmware Engineer",
           dates="Mar 2011 - Present"),
])
def test_years_in_the_field_stand_in_for_the_degree(cv: str) -> None:
    verdict = judge(ENGINEERING_DEGREE, cv, title="Software Engineer")
    assert verdict.status is Status.MET and verdict.rule == Rule.EQUIVALENT_EXPERIENCE.value


# -- plain lines read right ---------------------------------------------------------------------

def test_durations_in_months() -> None:
    # (a Barista posting: "previous experience" is counted in the posting's own field)
    verdict = judge("6 months of previous experience preferred",
                    resume("Served customers", title="Barista", dates="Jan 2026 - Nov 2026"),
                    title="Barista")
    assert verdict.status is Status.MET
    assert judge("6 months of previous experience",
                 resume("Served customers", title="Barista", dates="Oct 2026 - Nov 2026"),
                 title="Barista").status is not Status.MET


@pytest.mark.parametrize("requirement", [
    "An associate or a bachelor's degree in nursing",
    "Associate or Bachelor of Science in Nursing required",
])
def test_degree_alternatives_ask_for_the_lower_level(requirement: str) -> None:
    nurse = resume("Cared for 6 patients a shift", title="Registered Nurse",
                   employer="City Hospital") + "\nEDUCATION\nA.S. in Nursing, County College, 2018\n"
    verdict = judge(requirement, nurse, title="Nurse")
    assert verdict.status is Status.MET, verdict.explanation


@pytest.mark.parametrize(("line", "cv", "status"), [
    ("CSS (Required)", resume("Built landing pages", skills="HTML, CSS"), Status.MET),
    ("PHP (Required)", resume("Built landing pages", skills="HTML, CSS"), Status.MISSING),
    ("Bilingual in Spanish (Preferred)", resume("Answered customer calls"), Status.MISSING),
])
def test_job_board_strength_marks_ask_for_nothing(line: str, cv: str, status: Status) -> None:
    assert judge(line, cv).status is status


@pytest.mark.parametrize(("title", "status"), [
    ("Shift Supervisor", Status.MET),
    ("Head of Operations", Status.MET),
    ("Cashier", Status.MISSING),
])
def test_years_of_people_management_read_job_titles(title: str, status: Status) -> None:
    cv = resume("Ran the store's morning shift", title=title, dates="Jan 2020 - Present")
    verdict = judge("3+ years of people management experience", cv, title="Store Manager")
    assert verdict.status is status, verdict.explanation


def test_an_employers_name_is_no_evidence_of_the_work() -> None:
    backend = resume("Built payment APIs in Go", "Ran PostgreSQL at scale",
                     employer="Marrowfield Health", dates="Jan 2018 - Present")
    verdict = judge("2+ years of clinical education experience", backend, title="Nurse Educator")
    assert verdict.status is Status.MISSING, verdict.explanation


def test_a_claim_stands_in_for_the_total_but_not_for_a_narrower_domain() -> None:
    claimed = ("Sam Lee\n\nSUMMARY\nRegistered nurse with 5 years of experience.\n\n"
               "EXPERIENCE\nRegistered Nurse | City Hospital\n- Cared for surgical patients\n")
    plain = judge("3 years of nursing experience", claimed, title="Nurse")
    assert plain.status is Status.MET and plain.rule == Rule.YEARS_CLAIMED.value
    narrow = judge("3 years of clinical education experience", claimed, title="Nurse Educator")
    assert narrow.status is not Status.MET


def test_travel_and_location_lines_count_only_when_stated() -> None:
    stated = resume("Visited 40 client sites a year", summary="Willing to travel.")
    assert judge("Ability to travel extensively", stated).rule == Rule.STATED_CONDITION.value
    silent = resume("Led the sales team", "Presented to customers")
    verdict = judge("Ability to travel extensively throughout the region", silent)
    assert verdict.status is Status.MISSING


@pytest.mark.parametrize("requirement", [
    "Candidates who can join immediately will be preferred",  # a job board in India
    "Immediate joiners preferred",
    "Must be able to start immediately",
    "Notice period of 30 days or less",
    "Must be able to work full time at a CCA Family Service Center",  # a school's ad
])
def test_when_one_can_start_or_work_full_time_counts_only_when_stated(requirement: str) -> None:
    # rule stated-condition: a start date or a schedule is no work style the history shows
    silent = resume("Taught algebra to 120 students", title="Mathematics Teacher")
    verdict = judge(requirement, silent)
    assert (verdict.status, verdict.rule) == (Status.MISSING, Rule.NOTHING.value)
    assert "count only when stated" in verdict.explanation


@pytest.mark.parametrize(("requirement", "statement"), [
    ("Immediate joiners preferred", "Available to start immediately."),
    ("Notice period of 30 days or less", "Notice period: two weeks."),
    ("Must be able to work full time at our service center", "Seeking a full-time position."),
])
def test_a_stated_start_or_schedule_meets_it(requirement: str, statement: str) -> None:
    stated = resume("Answered 60 customer calls a day", summary=statement)
    verdict = judge(requirement, stated)
    assert (verdict.status, verdict.rule) == (Status.MET, Rule.STATED_CONDITION.value)
    # the availability is no schedule it did not state
    other = judge("Must be available to work weekends", stated)
    assert other.status is Status.MISSING


def test_a_condition_word_inside_another_word_states_nothing() -> None:
    # "car" inside "career", "site" inside "website": whole words only
    cv = resume("Built the company website", summary="A career in web design.")
    assert judge("Must have your own car", cv).status is Status.MISSING
    assert judge("Must be able to work on-site", cv).status is Status.MISSING


def test_a_licence_from_a_named_state_needs_that_state() -> None:
    licence = "A valid Registered Nurse license issued by the California Board of Nursing"
    texas = ("Sam Lee, RN\nAustin, TX\n\nEXPERIENCE\nRegistered Nurse | City Hospital | "
             "2019 - Present\n- Cared for 6 patients a shift\n")
    california = texas.replace("Austin, TX", "San Diego, CA")
    assert judge(licence, texas, title="Nurse").rule == Rule.CREDENTIAL_OTHER_PLACE.value
    assert judge(licence, california, title="Nurse").status is Status.MET


# -- a word two fields use is no sign on its own -----------------------------------------------

@pytest.mark.parametrize(("requirement", "cv"), [
    ("Experience in logistics or e-commerce",
     resume("Cut primary database load by 40% with read replicas")),
    ("Logistics experience",
     resume("Moved the routes of the public API behind a gateway and lowered latency")),
    ("Experience in logistics",
     resume("Packed the services into containers and reduced deploy time by 60%",
            title="DevOps Engineer")),
])
def test_a_word_of_another_field_alone_does_not_show_the_concept(requirement: str,
                                                                 cv: str) -> None:
    verdict = judge(requirement, cv)
    assert verdict.status is Status.MISSING, verdict.explanation


@pytest.mark.parametrize(("requirement", "cv"), [
    ("Experience in logistics",
     resume("Dispatched 40 loads a day to regional carriers", title="Dispatcher",
            employer="Northline Freight")),
    ("Logistics experience",
     resume("Planned delivery routes and loaded containers for 12 stores",
            title="Shift Lead", employer="Harbor Foods")),
])
def test_two_objects_of_the_work_together_show_it(requirement: str, cv: str) -> None:
    verdict = judge(requirement, cv)
    assert verdict.status is Status.MET, verdict.explanation
    assert verdict.rule == Rule.SHOWN_THROUGH_WORK.value


# -- an age is no years of experience -----------------------------------------------------------

@pytest.mark.parametrize("requirement", ["Minimum of 18 years of age",
                                         "Must be 21 years old or older",
                                         "Applicants must be at least 18 years old"])
def test_a_minimum_age_is_shown_by_the_dated_history(requirement: str) -> None:
    adult = resume("Stocked shelves", title="Store Assistant", dates="Jun 2015 - Present")
    verdict = judge(requirement, adult)
    assert verdict.status is Status.MET and verdict.rule == Rule.AGE_SHOWN.value
    recent = resume("Stocked shelves", title="Store Assistant", dates="Jun 2026 - Present")
    assert judge(requirement, recent).status is Status.MISSING


# -- years of managing people ---------------------------------------------------------------------

@pytest.mark.parametrize(("requirement", "title", "status"), [
    ("10 years of experience managing diverse engineering teams", "Software Engineer",
     Status.MISSING),
    ("10 years of experience managing diverse engineering teams", "Director of Engineering",
     Status.MET),
    ("3 years of experience leading a team of nurses", "Staff Nurse", Status.MISSING),
    ("3 years of experience leading a team of nurses", "Nursing Supervisor", Status.MET),
    ("At least 2 years of management experience", "Production Supervisor", Status.MET),
    ("At least 2 years of management experience", "Line Operator", Status.MISSING),
])
def test_years_of_managing_people_count_roles_whose_title_says_so(requirement: str, title: str,
                                                                  status: Status) -> None:
    cv = resume("Ran the weekly planning meeting", title=title, dates="Jan 2012 - Present")
    verdict = judge(requirement, cv)
    assert verdict.status is status, verdict.explanation


# -- web technologies are web development ----------------------------------------------------------

@pytest.mark.parametrize("cv", [
    resume("Built custom WordPress themes for 14 client websites", title="Web Designer"),
    resume("Turned mockups into responsive HTML and CSS pages", title="Web Designer"),
    resume("Maintained Drupal modules for the university's department sites",
           title="Web Developer"),
])
def test_web_technologies_show_web_development(cv: str) -> None:
    verdict = judge("Proven working experience in web programming", cv)
    assert verdict.status is Status.MET, verdict.explanation
    assert verdict.rule == Rule.MORE_SPECIFIC.value


# -- laboratory work (resources/lexicon/life_sciences.json) -------------------------------------

@pytest.mark.parametrize(("requirement", "cv", "status", "rule"), [
    # a technique named by one of its members (a more specific instance)
    ("Previous experience with basic molecular biology techniques",
     resume("Ran qRT-PCR and Northern blots on bacterial RNA",
            title="PhD Student", employer="Institute of Microbiology"), Status.MET,
     Rule.MORE_SPECIFIC),
    ("Hands-on experience with tissue culture",
     resume("Routine mammalian cell culture (HEK293, HeLa) for reporter assays",
            title="Research Technician", employer="Vela Biotech"), Status.MET, Rule.NAMED),
    ("Experience in mass spectrometry-based proteomics",
     resume("Prepared samples for LC-MS/MS phosphoproteomics with the core facility",
            title="Postdoctoral Researcher", employer="Nordlys Institute"), Status.MET, None),
    # analysis on a cytometer is not cell sorting: only the broader skill
    ("Experience with cell sorting",
     resume("Flow cytometry (BD FACSCanto) to quantify GFP reporter expression",
            title="Research Assistant", employer="Kestrel Labs"), Status.PARTIAL,
     Rule.BROADER_ONLY),
    # a chemist's chromatography is no protein purification
    ("Experience with protein purification",
     resume("Developed HPLC methods for impurity profiling of APIs", title="Analytical Chemist",
            employer="Pharmalab"), Status.PARTIAL, Rule.RELATED_ONLY),
])
def test_laboratory_techniques_are_skills_with_members(requirement: str, cv: str,
                                                       status: Status, rule: Rule | None) -> None:
    verdict = judge(requirement, cv, title="Laboratory Technician")
    assert verdict.status is status, verdict.explanation
    if rule is not None:
        assert verdict.rule == rule.value, verdict.explanation


def test_an_apple_imac_is_no_protein_purification() -> None:
    verdict = judge("Experience with IMAC protein purification",
                    resume("Set up iMac and MacBook workstations for the design team",
                           title="IT Support Technician"))
    assert verdict.status is Status.MISSING, verdict.explanation


@pytest.mark.parametrize(("requirement", "cv"), [
    ("Experienced user of Excel (Visual Basic and Pivot are an advantage)",
     resume("Built the monthly margin model", skills="Excel, SAP", title="Financial Analyst")),
    ("Experience with Terraform (Pulumi is a plus)",
     resume("Wrote Terraform modules for the AWS accounts", title="Platform Engineer")),
])
def test_the_extras_of_an_optional_parenthesis_are_not_asked(requirement: str, cv: str) -> None:
    verdict = judge(requirement, cv)
    assert verdict.status is Status.MET, verdict.explanation


@pytest.mark.parametrize(("requirement", "cv"), [
    ("Have a Masters degree within finance, economics or similar",
     "Katja Holm\nkatja@example.com\n\nEDUCATION\nM.Sc. Business Economics (Finance), "
     "Aarhus School of Business, 2019 - 2021\n"),
    ("Bachelor's degree in mechanical engineering",
     "Ole Berg\nole@example.com\n\nEDUCATION\nB.Sc. Mechanical Engineering, DTU, 2018\n"),
])
def test_dotted_degree_abbreviations_before_the_field(requirement: str, cv: str) -> None:
    verdict = judge(requirement, cv)
    assert verdict.status is Status.MET, verdict.explanation


def test_pricing_work_shows_pricing() -> None:
    for title, bullet in (("Pricing Analyst", "Ran price and cost calculations for 70 tenders a "
                                               "year"),
                          ("Category Manager", "Set price lists and discounts for 400 SKUs")):
        verdict = judge("Solid experience with pricing", resume(bullet, title=title))
        assert verdict.status is not Status.MISSING, (title, verdict.explanation)


# -- trades and technical maintenance (resources/lexicon/trades_technical.json) ----------------

@pytest.mark.parametrize(("requirement", "cv"), [
    # a ship's mechanic and a food-plant maintenance technician
    ("You have a very good mechanical understanding",
     resume("Overhauled fuel oil separators, pumps and auxiliary engines at sea",
            title="Third Engineer", employer="Blue Line Shipping")),
    ("Experience with automation and control systems",
     resume("PLC fault-finding on Siemens S7 filling lines; changed HMI set-points",
            title="Maintenance Technician", employer="Nordmejeri")),
    ("Knowledge of refrigeration systems",
     resume("Serviced heat pumps and chillers for 120 commercial clients",
            title="HVAC Technician", employer="Klimacraft")),
])
def test_trade_skills_are_shown_by_their_members(requirement: str, cv: str) -> None:
    verdict = judge(requirement, cv, title="Service Technician")
    assert verdict.status is Status.MET, verdict.explanation


def test_a_company_called_plc_is_no_programmable_logic_controller() -> None:
    verdict = judge("Experience with PLC programming",
                    resume("Prepared the quarterly accounts", title="Accountant",
                           employer="Harbour Holdings PLC"))
    assert verdict.status is Status.MISSING, verdict.explanation


# -- doctors' registration, clinical audit and teachers' planning (lexicon data) ----------------

@pytest.mark.parametrize(("requirement", "cv", "status"), [
    ("Be a registered physician", resume("Consultant in acute medicine, 12 beds",
                                         title="Consultant Physician", employer="St Anne's",
                                         summary="Full GMC registration, Specialist Register."),
     Status.MET),
    ("Must be a licensed physician", resume("Saw 30 urgent-care patients a day",
                                            title="Physician", employer="CareNow",
                                            summary="Licensed physician (Ohio), board certified."),
     Status.MET),
    # a nurse's licence is no doctor's registration
    ("Be a registered surgeon", resume("Scrubbed for 400 laparoscopic cases",
                                       title="Theatre Nurse", employer="City Hospital",
                                       summary="Registered nurse with NMC PIN."),
     Status.MISSING),
])
def test_a_doctors_registration_is_a_licence(requirement: str, cv: str, status: Status) -> None:
    assert judge(requirement, cv, title="Doctor").status is status


@pytest.mark.parametrize("cv", [
    resume("Audit lead for the surgical department: closed-loop audit of CT-to-theatre times",
           title="Surgical Registrar", employer="North Hospital"),
    resume("Ran the monthly morbidity and mortality meetings and the re-audit of sepsis care",
           title="Emergency Physician", employer="Bay Clinic"),
])
def test_clinical_audit_is_quality_assurance_in_a_clinic(cv: str) -> None:
    verdict = judge("Take part in the clinic's quality assurance activities", cv, title="Doctor")
    assert verdict.status is Status.MET, verdict.explanation


@pytest.mark.parametrize(("requirement", "cv"), [
    ("Develop instructional goals for each unit",
     resume("Wrote unit plans for Algebra I aligned to state standards", title="Math Teacher",
            employer="Hill Middle School")),
    ("Knowledge of the principles of instruction",
     resume("Used differentiated instruction for 3 reading groups", title="Teacher",
            employer="Elm Primary")),
])
def test_a_teachers_planning_and_methods_are_named(requirement: str, cv: str) -> None:
    verdict = judge(requirement, cv, title="Teacher")
    assert verdict.status is not Status.MISSING, verdict.explanation


@pytest.mark.parametrize("title", ["Software Engineer (Front-End)", "Front-End Engineer"])
def test_a_hyphenated_title_is_the_same_role(title: str) -> None:
    cv = resume("Built the checkout screens in React", title=title, dates="Jan 2021 - Present")
    for asked in ("2 years of experience as a Front End Developer or similar role",
                  "2 years of experience as a Front-End Developer"):
        verdict = judge(asked, cv)
        assert verdict.status is Status.MET, (asked, title, verdict.explanation)


@pytest.mark.parametrize("listed", ["Microsoft Word", "Excel", "PowerPoint, Outlook"])
def test_a_program_of_the_office_suite_shows_the_suite(listed: str) -> None:
    verdict = judge("Proficiency in MS Office", resume("Kept the filing system for 40 staff",
                                                       skills=listed, title="Office Assistant"))
    assert verdict.status is Status.MET
    assert verdict.rule == Rule.MORE_SPECIFIC


@pytest.mark.parametrize(("title", "bullet", "status"), [
    ("Desktop Support Technician", "Imaged 40 laptops a month and fixed printer queues",
     Status.MET),
    ("Backend Engineer", "Built the billing service in Go on PostgreSQL", Status.MET),
    ("Line Cook", "Prepared 200 covers a night", Status.MISSING),
])
def test_years_in_the_it_industry_count_roles_of_any_it_work(title: str, bullet: str,
                                                              status: Status) -> None:
    verdict = judge("6+ years of information technology industry experience",
                    resume(bullet, title=title, dates="Jan 2018 - Present",
                           skills="Windows, Active Directory, PostgreSQL, Go"
                           if status is Status.MET else ""))
    assert verdict.status is status


@pytest.mark.parametrize("bullet", [
    "Raised code coverage of the checkout service from 40% to 85% with automated tests",
    "Set up automated testing for the mobile app and grew the test suite to 1,200 tests",
])
def test_unit_testing_is_shown_by_coverage_and_automated_tests(bullet: str) -> None:
    verdict = judge("Familiarity with writing unit tests", resume(bullet))
    assert verdict.status is Status.MET, verdict.explanation
    assert verdict.rule == Rule.SHOWN_THROUGH_WORK.value


def test_a_test_drive_is_no_unit_test() -> None:
    verdict = judge("Familiarity with writing unit tests",
                    resume("Ran 30 test drives a week with customers", title="Sales Consultant"))
    assert verdict.status is Status.MISSING, verdict.explanation


@pytest.mark.parametrize(("requirement", "cv", "status"), [
    # "Oracle" among application servers is Oracle's application server: PostgreSQL is no
    # related evidence of it
    ("Application Servers such as IBM's WebSphere, Oracle, or Tomcat",
     resume("Tuned slow PostgreSQL queries", skills="PostgreSQL, MySQL"), Status.MISSING),
    ("Business Intelligence (BI) tools such as Cognos, Crystal Reports, and Oracle",
     resume("Wrote the monthly sales report in SQL", skills="PostgreSQL"), Status.MISSING),
    # an in-kind example still meets the line, and so does another member of the kind
    ("Application Servers such as IBM's WebSphere, Oracle, or Tomcat",
     resume("Deployed the order service to Tomcat"), Status.MET),
    ("Business Intelligence (BI) tools such as Cognos, Crystal Reports, and Oracle",
     resume("Built the finance dashboards in Power BI"), Status.MET),
])
def test_a_vendor_name_in_a_list_of_a_kind_is_its_product_of_that_kind(
        requirement: str, cv: str, status: Status) -> None:
    verdict = judge(requirement, cv)
    assert verdict.status is status, verdict.explanation


@pytest.mark.parametrize("licence", [
    "Illinois Professional Educator License (PEL), Elementary Education 1-6",
    "Collegiate Professional License, Biology 6-12 (valid through 2029)",
    "Provisional Teaching Certificate, Early Childhood Education",
])
def test_a_states_own_name_for_a_teaching_licence_is_one(licence: str) -> None:
    cv = ("Dana Whitfield\n\nLICENSURE\n" + licence + "\n\nEXPERIENCE\n"
          "Teacher | Elm Street School | Aug 2019 - Present\n- Taught four sections\n")
    verdict = judge("Must hold a valid teaching license", cv, title="Teacher")
    assert verdict.status is Status.MET, verdict.explanation
    assert verdict.rule == Rule.CREDENTIAL.value


@pytest.mark.parametrize(("requirement", "equipment", "status"), [
    ("Reliable high-speed internet connection", "Home office: 300 Mbps fiber internet, wired",
     Status.MET),
    ("Must have a laptop with a working webcam", "Equipment: laptop, HD webcam, USB headset",
     Status.MET),
    ("A quiet workspace and a headset", "Remote setup: noise-cancelling headset, home office",
     Status.MET),
    ("Reliable high-speed internet connection", "", Status.MISSING),
])
def test_equipment_for_remote_work_counts_when_the_resume_states_it(
        requirement: str, equipment: str, status: Status) -> None:
    cv = resume("Answered 60 customer chats a day", title="Remote Support Agent",
                summary=equipment)
    verdict = judge(requirement, cv, title="Remote Tutor")
    assert verdict.status is status, verdict.explanation


@pytest.mark.parametrize(("requirement", "status"), [
    # both asked: the degree is there, the years are not
    ("A bachelor's degree in accounting and 8+ years of accounting experience", Status.PARTIAL),
    # a choice: the degree alone will do
    ("8+ years of accounting experience or a bachelor's degree in accounting", Status.MET),
    # an "or" among the fields in parentheses is no choice between degree and years
    ("A bachelor's degree (accounting or finance) backed by 8+ years of accounting experience",
     Status.PARTIAL),
])
def test_a_degree_with_years_is_two_parts_or_a_choice(requirement: str,
                                                       status: Status) -> None:
    cv = resume("Closed the books every month", title="Staff Accountant",
                dates="Jan 2022 - Present") + "\nEDUCATION\nB.S. in Accounting, 2021\n"
    verdict = judge(requirement, cv, title="Senior Accountant")
    assert verdict.status is status, verdict.explanation


@pytest.mark.parametrize(("cv", "status"), [
    (resume("Automated routine Linux jobs with Bash scripts", skills="Linux, Bash, Python"),
     Status.MET),
    # Unix for "Unix/Linux" is as good as Linux: a slash offers a choice in the head too
    (resume("Kept 40 Solaris Unix hosts patched with Python scripts", skills="Unix, Python"),
     Status.MET),
])
def test_a_slash_in_the_head_of_a_qualified_ask_is_a_choice(cv: str, status: Status) -> None:
    verdict = judge("Experience with Unix/Linux systems with scripting experience in Python", cv)
    assert verdict.status is status, verdict.explanation


@pytest.mark.parametrize("requirement", [
    "Child Development Associate (CDA) preferred",
    "An Occupational Health Nurse Certification is required",
    "AWS certification",
])
def test_a_certificate_is_missing_unless_stated(requirement: str) -> None:
    # the work a certificate is about is no certificate; what the resume shows of it is named
    cv = resume("Led circle time and daily routines for 12 toddlers in early learning",
                "Ran pre-employment physicals and hearing tests for 300 workers",
                "Moved the booking service to AWS Lambda", title="Assistant")
    verdict = judge(requirement, cv, title="Teacher")
    assert verdict.status is Status.MISSING, verdict.explanation
    assert "only when stated" in verdict.explanation


@pytest.mark.parametrize("requirement", [
    "AWS certification or equivalent experience",
    "CompTIA A+ certification or equivalent experience in desktop support",
])
def test_the_work_stands_in_where_the_line_offers_it_for_the_certificate(requirement: str) -> None:
    cv = resume("Moved the booking service to AWS Lambda",
                "Imaged 40 laptops a month as desktop support for 300 staff",
                title="Support Engineer", skills="AWS, Desktop Support")
    verdict = judge(requirement, cv)
    assert verdict.status is Status.MET, verdict.explanation


@pytest.mark.parametrize(("requirement", "status"), [
    # the parenthesis adds a language to a platform: both are asked
    ("Proficiency with Salesforce development (Apex, JavaScript)", Status.PARTIAL),
    # the parenthesis restates the head, which asks for SOLID as well
    ("Good understanding of SOLID object oriented programming (OOP)", Status.PARTIAL),
    # the parenthesis spells out the head's tools: the list is what is asked
    ("Experience with deployment automation (Docker, Kubernetes)", Status.MET),
])
def test_a_parenthesis_adds_to_its_head_or_spells_it_out(requirement: str,
                                                         status: Status) -> None:
    cv = resume("Built the checkout UI in JavaScript and TypeScript",
                "Shipped the services in Docker on Kubernetes", skills="Java, JavaScript")
    verdict = judge(requirement, cv)
    assert verdict.status is status, verdict.explanation


@pytest.mark.parametrize(("requirement", "cv"), [
    # a marketer who led cross-functional teams, a nurse who worked with other disciplines
    ("Experience working in cross-functional teams",
     resume("Led cross-functional teams to launch three regional campaigns",
            title="Marketing Manager")),
    ("Cross-functional teamwork",
     resume("Worked cross-functionally with pharmacy and therapy staff on discharge plans",
            title="Registered Nurse")),
])
def test_cross_functional_teams_is_a_name_for_collaboration(requirement: str, cv: str) -> None:
    verdict = judge(requirement, cv)
    assert verdict.status is Status.MET and verdict.rule == Rule.SOFT_SHOWN
    assert "collaboration" in verdict.explanation


def test_cross_functional_teams_not_shown_is_no_match() -> None:
    verdict = judge("Experience working in cross-functional teams",
                    resume("Stocked shelves and ran the till", title="Cashier",
                           dates="Jan 2024 - Present"))
    assert verdict.status is not Status.MET


@pytest.mark.parametrize(("requirement", "cv", "status"), [
    # rule stated-condition: a bullet that handles the weight states the lifting
    ("Must be able to lift up to 50 lbs. in connection with the handling of children",
     resume("Help unload truck deliveries and stock shelves (cases up to 50 lb)",
            title="Shift Lead"), Status.MET),
    ("Able to lift 25 kg repeatedly",
     resume("Carried 60-pound bags of mulch and soil to planting beds", title="Landscaper"),
     Status.MET),
    # less than asked, or a weight that was never handled, states nothing
    ("Ability to lift 75 pounds",
     resume("Stacked 40 lb boxes on pallets", title="Picker"), Status.MISSING),
    ("Must be able to lift 50 lbs",
     resume("Reduced the shipping weight of the kit by 60 lb", title="Packaging Engineer"),
     Status.MISSING),
])
def test_a_weight_handled_states_the_lifting(requirement: str, cv: str, status: Status) -> None:
    verdict = judge(requirement, cv)
    assert verdict.status is status
    if status is Status.MET:
        assert verdict.rule == Rule.STATED_CONDITION.value
        assert "handles that weight" in verdict.explanation


@pytest.mark.parametrize(("requirement", "cv", "rule"), [
    # a content management system is a kind: another one in use meets an example list, and
    # the kind named before its examples
    ("Experience with a content management system such as Drupal",
     resume("Built WordPress themes and plugins for 12 clients", title="Web Developer"),
     Rule.SAME_CLASS),
    ("Content management systems (e.g. WordPress, Joomla)",
     resume("Published the weekly campaign pages in Adobe Experience Manager",
            title="Digital Marketing Specialist"), Rule.MORE_SPECIFIC),
    # the kind named, shown by one of its members
    ("Hands-on experience with content management systems",
     resume("Migrated the university site from Joomla to Drupal 10", title="Web Developer"),
     Rule.MORE_SPECIFIC),
])
def test_content_management_systems_are_a_kind(requirement: str, cv: str, rule: Rule) -> None:
    verdict = judge(requirement, cv)
    assert (verdict.status, verdict.rule) == (Status.MET, rule.value)


def test_a_web_framework_is_no_content_management_system() -> None:
    verdict = judge("Experience with a content management system such as Drupal",
                    resume("Built the booking site in Django and PostgreSQL"))
    assert verdict.status is not Status.MET


@pytest.mark.parametrize(("requirement", "cv", "status"), [
    # rule soft-shown: an evidence verb in one of its forms, not a noun of the same stem
    ("Strong organizational skills",
     resume("Organized the spring book fair for 400 families", title="Teacher Assistant"),
     Status.MET),
    ("Strong organizational skills",
     resume("Created DevOps channels across the organization", title="DevOps Engineer"),
     Status.PARTIAL),
    # ... and not writing code or queries
    ("Excellent written communication skills",
     resume("Wrote the onboarding guide for new hires", title="Office Manager"), Status.MET),
    ("Excellent written communication skills",
     resume("Worked with PostgreSQL and wrote optimized queries", "Writes unit tests in pytest"),
     Status.PARTIAL),
])
def test_evidence_verbs_count_in_their_own_forms(requirement: str, cv: str,
                                                 status: Status) -> None:
    verdict = judge(requirement, cv)
    assert verdict.status is status
    if status is Status.MET:
        assert verdict.rule == Rule.SOFT_SHOWN.value
    else:  # the work history speaks for it only in general
        assert verdict.rule in (Rule.SOFT_FROM_ROLES.value, Rule.SOFT_NEAR.value)


@pytest.mark.parametrize("cv", [
    # rule one-sign: a noun sharing an action's stem is no action ("managers" is not "managed")
    resume("Presented findings to 6 stakeholders and 4 senior managers", title="Analyst"),
    resume("Reported to 3 regional managers across 12 stores", title="Store Clerk"),
])
def test_a_noun_of_an_actions_stem_is_no_sign(cv: str) -> None:
    assert judge("Project management experience", cv).status is Status.MISSING


def test_an_action_in_its_verb_forms_is_still_a_sign() -> None:
    verdict = judge("Project management experience",
                    resume("Managed the rollout of 40 new tills in 12 stores", title="IT Lead"))
    assert verdict.status is not Status.MISSING


def test_being_organized_is_asked_as_organizational_skills() -> None:
    # A lab ad's "working independently and organized" and an office ad's "Be organized":
    # the adjective names the trait; "organized crime" names none.
    lab = judge("You must be good at working independently and organized and be self-motivated",
                resume("Organized the sample freezer inventory for 3 groups",
                       title="Laboratory Technician"))
    assert "organizational skills" in lab.explanation
    office = judge("Be organized and detail-oriented",
                   resume("Answered phones", title="Receptionist", dates="Jan 2024 - Present"))
    assert "organizational skills" in office.explanation
    crime = judge("Experience in organized crime investigations",
                  resume("Organized the weekly stock count", title="Store Clerk"))
    assert "organizational skills" not in crime.explanation


@pytest.mark.parametrize(("requirement", "cv"), [
    # rule same-class: a list that ends in "etc." gives examples; one of them meets it
    ("Good understanding and work experience in Web services, SOAP APIs etc.",
     resume("Built REST APIs in Java for the booking service")),
    ("Experience with Python, Java, Go, etc.",
     resume("Wrote the settlement jobs in Go", title="Backend Developer")),
    ("Familiar with office software: Word, Excel, PowerPoint etc.",
     resume("Kept the stock sheets in Excel", title="Office Assistant")),
])
def test_a_list_that_ends_in_etc_gives_examples(requirement: str, cv: str) -> None:
    assert judge(requirement, cv).status is Status.MET


def test_a_list_without_etc_asks_every_item() -> None:
    verdict = judge("Experience with Python, Java and Go",
                    resume("Wrote the settlement jobs in Go", title="Backend Developer"))
    assert (verdict.status, verdict.rule) == (Status.PARTIAL, Rule.SOME_PARTS.value)


@pytest.mark.parametrize(("requirement", "cv"), [
    # "CI/CD automation" names CI/CD, not business-process automation
    ("Knowledge of best practices in DevOps and CI/CD automation",
     resume("Built CI/CD pipelines in Jenkins for 30 services", title="DevOps Engineer")),
    ("Hands-on CI/CD automation experience",
     resume("Moved 12 repositories to GitLab CI with review apps", title="Platform Engineer")),
])
def test_ci_cd_automation_is_ci_cd(requirement: str, cv: str) -> None:
    verdict = judge(requirement, cv)
    assert verdict.status is Status.MET
    assert "Automation" not in verdict.explanation


def test_relational_database_design_asks_for_the_design() -> None:
    # the head of the ask is the design; a relational database in use does not show it
    designer = judge("Relational database design",
                     resume("Led schema design for the PostgreSQL billing database"))
    assert designer.status is Status.MET and "schema design" in designer.explanation
    user = judge("Relational Database Design concepts such as normalization",
                 resume("Built the booking service on PostgreSQL", title="Web Developer"))
    assert user.status is not Status.MET


@pytest.mark.parametrize(("cv", "shown"), [
    # rule soft-shown: training people shows communication, training models does not
    (resume("Trained 15 new hires on the POS and cash handling", title="Shift Lead"), True),
    (resume("Trained and deployed ranking models on 40 GPUs", title="ML Engineer"), False),
    (resume("Built the model training pipeline in PyTorch and Ray", title="ML Engineer"), False),
])
def test_training_models_is_no_communication(cv: str, shown: bool) -> None:
    verdict = judge("Excellent communication skills", cv)
    assert (verdict.rule == Rule.SOFT_SHOWN.value) is shown


@pytest.mark.parametrize(("requirement", "cv", "status"), [
    # rule other-language: the head shown in a bullet of another language, the asked one
    # only listed
    ("Good understanding of event-driven programming in Python",
     resume("Built the chat service in Node.js with an event-driven design",
            skills="Python, JavaScript"), Status.PARTIAL),
    ("Memory management in C++",
     resume("Tuned memory management of the Rust parser", skills="C++, Rust"), Status.PARTIAL),
    # the head in a bullet of the asked language, or in a bullet with no language: met
    ("Memory management in C++",
     resume("Cut memory management overhead of the C++ renderer by 30%"), Status.MET),
    ("Event-driven programming in Python",
     resume("Designed the event-driven design of the order flow", skills="Python"), Status.MET),
])
def test_the_head_in_another_languages_bullet_is_partial(requirement: str, cv: str,
                                                         status: Status) -> None:
    verdict = judge(requirement, cv)
    assert verdict.status is status
    if status is Status.PARTIAL:
        assert verdict.rule == Rule.OTHER_LANGUAGE.value


@pytest.mark.parametrize(("title", "asks", "cv", "status"), [
    # rule years-enough / years-too-few: "relevant" or "previous" experience is counted in
    # roles of the posting's own occupation
    ("Toddler Teacher", ("6 months of previous experience preferred",),
     resume("Ran the front end on evening shifts", title="Shift Lead",
            employer="Fresh Basket Market", dates="2019 - Present"), Status.MISSING),
    ("Toddler Teacher", ("6 months of previous experience preferred",),
     resume("Planned daily activities for 12 toddlers", title="Assistant Teacher",
            employer="Little Acorns", dates="2024 - Present"), Status.MET),
    ("High School Math Teacher", ("2 years of relevant work experience",),
     resume("Taught Algebra I to four sections", title="Mathematics Teacher",
            employer="Hillside Middle School", dates="2019 - Present"), Status.MET),
    # a role of another title that shows two of the skills the posting names counts too
    ("Revenue Accountant", ("4 years of relevant work experience", "Knowledge of GAAP",
                            "QuickBooks"),
     resume("Closed the books monthly under GAAP and reconciled accounts in QuickBooks",
            title="Finance Officer", employer="Harbor Trust", dates="2018 - Present"),
     Status.MET),
])
def test_relevant_years_are_counted_in_the_postings_field(title: str, asks: tuple[str, ...],
                                                          cv: str, status: Status) -> None:
    posting = read_pasted(_posted(title, *asks))
    verdict = analyze_documents(posting, read_pasted(cv), today=TODAY).verdicts[0]
    assert verdict.status is status


def test_a_shared_small_word_makes_no_shared_occupation() -> None:
    posting = read_pasted(_posted("Head of Sales", "3 years of relevant experience"))
    cv = resume("Ran the release train for 40 engineers", title="Director of Engineering",
                dates="2015 - Present")
    verdict = analyze_documents(posting, read_pasted(cv), today=TODAY).verdicts[0]
    assert verdict.status is Status.MISSING


@pytest.mark.parametrize(("cv", "status"), [
    # "web security" names application security, shown through the work
    (resume("Fixed 14 XSS and SQL injection vulnerabilities found in the annual pen test"),
     Status.MET),
    (resume("Stocked shelves and ran the till", title="Store Clerk"), Status.MISSING),
])
def test_web_security_is_application_security(cv: str, status: Status) -> None:
    verdict = judge("Knowledge of web security best practices", cv)
    assert verdict.status is status
    assert "application security" in verdict.explanation.lower()


@pytest.mark.parametrize(("requirement", "cv", "status"), [
    # "GIS programming" asks GIS: "programming" only says what kind of work it is
    ("GIS programming", resume("Built the booking service in Java", skills="Java, Python"),
     Status.MISSING),
    ("SAS programming", resume("Built the booking service in Java", skills="Java, Python"),
     Status.MISSING),
    ("SAS programming", resume("Wrote SAS macros for the monthly claims report",
                               title="Data Analyst"), Status.MET),
    ("GIS programming", resume("Mapped flood zones in ArcGIS", title="GIS Analyst"),
     Status.MET),
    # a paradigm named in full is a part of its own
    ("Strong SOLID object oriented programming principles",
     resume("Built the booking service in Java with object-oriented design"), Status.PARTIAL),
])
def test_a_one_word_umbrella_beside_a_skill_is_no_part(requirement: str, cv: str,
                                                      status: Status) -> None:
    assert judge(requirement, cv).status is status


# -- related-only through an instance of the related skill --------------------------------------

@pytest.mark.parametrize(("requirement", "cv", "status", "rule"), [
    # MySQL and PostgreSQL are relational databases, which database design works with
    ("Relational database design concepts such as normalization",
     resume("Tuned slow queries on the MySQL order database"), Status.PARTIAL, Rule.RELATED_ONLY),
    ("Able to create database schemas that support business processes",
     resume("Ran reports", skills="PostgreSQL, Excel"), Status.PARTIAL, Rule.RELATED_ONLY),
    # a language shows no database
    ("Able to create database schemas that support business processes",
     resume("Wrote scripts", skills="Python, Bash"), Status.MISSING, Rule.NOTHING),
    # the skill itself is met as before
    ("Experience in database design",
     resume("Designed the database schema for the booking system"), Status.MET, None),
])
def test_a_related_skill_shown_by_an_instance_of_it_is_partial(requirement: str, cv: str,
                                                                  status: Status,
                                                                  rule: Rule | None) -> None:
    verdict = judge(requirement, cv)
    assert verdict.status is status, verdict.explanation
    if rule is not None:
        assert verdict.rule is rule.value, verdict.explanation
    if rule is Rule.RELATED_ONLY:
        assert "which shows Relational Databases, related to Database Design" in \
            verdict.explanation


@pytest.mark.parametrize(("requirement", "cv", "status"), [
    ("Experience with Web API development", resume("Built RESTful APIs in Flask"), Status.MET),
    ("Experience with Web APIs", resume("Maintained the warehouse scanners", skills="Excel"),
     Status.MISSING),
    ("Experience with Web API, Entity Framework", resume("Built REST APIs in Django"),
     Status.PARTIAL),
])
def test_a_web_api_is_api_development(requirement: str, cv: str, status: Status) -> None:
    assert judge(requirement, cv).status is status


# -- years of a technology that is only listed ----------------------------------------------------

@pytest.mark.parametrize(("requirement", "cv", "status", "rule"), [
    # listed, but no dated role shows it: the work is named, its duration is not
    ("2+ years of Python experience",
     resume("Built a recommendation engine", skills="Python, R, SQL", title="Data Scientist",
            dates="2022 - Present"), Status.PARTIAL, Rule.YEARS_UNDATED),
    ("3+ years of experience with Kubernetes",
     resume("Ran the on-call rota", summary="DevOps engineer skilled in Kubernetes and Go.",
            dates="Jan 2018 - Present"), Status.PARTIAL, Rule.YEARS_UNDATED),
    # a role that shows it counts its years
    ("2+ years of Python experience",
     resume("Built ETL jobs in Python and Airflow", dates="Jan 2020 - Present"), Status.MET,
     Rule.YEARS_ENOUGH),
    # not named at all
    ("2+ years of Python experience",
     resume("Ran the tills and stock counts", title="Cashier", skills="Excel"), Status.MISSING,
     None),
])
def test_years_of_a_technology_only_listed_are_undated(requirement: str, cv: str,
                                                       status: Status,
                                                       rule: Rule | None) -> None:
    assert_verdict(judge(requirement, cv), status, rule)


# -- SAP named plainly ----------------------------------------------------------------------------

@pytest.mark.parametrize(("cv", "status"), [
    (resume("Posted goods receipts in SAP MM for three warehouses"), Status.MET),
    (resume("Kept the shift reports", skills="SAP PP, Excel"), Status.MET),
    (resume("Tapped maple sap in spring", title="Farm Hand"), Status.MISSING),
])
def test_sap_named_in_a_plain_line_is_the_erp(cv: str, status: Status) -> None:
    assert judge("Experience with SAP is an advantage", cv).status is status


@pytest.mark.parametrize(("requirement", "cv", "status"), [
    ("You have a forklift certificate",
     resume("Packed cartons", title="Packaging Operator") + "\nCOURSES\nForklift/truck licence B, "
     "2022\n", Status.MET),
    ("Forklift certification required",
     resume("Drove reach trucks in the cold store; forklift licence renewed 2024",
            title="Warehouse Operative"), Status.MET),
    # the skill without a credential word, or a credential not held, is no certificate
    ("Forklift certification required",
     resume("Drove forklifts between the dock and the racks", title="Warehouse Operative"),
     Status.MISSING),
    ("Forklift certification required",
     resume("Trained new drivers on the forklift before their licence test", title="Shift Lead"),
     Status.MISSING),
])
def test_a_certificate_stated_in_the_resumes_own_words(requirement: str, cv: str,
                                                       status: Status) -> None:
    verdict = judge(requirement, cv)
    assert verdict.status is status, verdict.explanation
    if status is Status.MET:
        assert verdict.rule == Rule.CREDENTIAL.value


@pytest.mark.parametrize(("requirement", "cv", "status"), [
    # a positive phrase at the same place outweighs a negative one ("excel at")
    ("You master Excel at an advanced level",
     resume("Kept the POD tracker in Excel with pivot tables", title="Logistics Coordinator"),
     Status.MET),
    # only listed, for an advanced level: rule listed-only
    ("You master Excel at an advanced level",
     resume("Planned staffing", skills="MS Excel, SAP"), Status.PARTIAL),
    # the verb stays no spreadsheet
    ("You excel at customer service",
     resume("Built pivot tables", skills="MS Excel"), Status.MISSING),
    # customs clearance is work, not a credential; transport planning is planning transport
    ("You have experience with customs clearance",
     resume("Filed customs declarations and cleared import shipments with brokers"),
     Status.MET),
    ("Experience with transport planning",
     resume("Load planning for 40 trucks a day", title="Transport Coordinator"), Status.MET),
])
def test_excel_customs_and_transport_asks_in_logistics(requirement: str, cv: str,
                                                        status: Status) -> None:
    verdict = judge(requirement, cv)
    assert verdict.status is status, verdict.explanation


@pytest.mark.parametrize(("requirement", "cv", "status", "rule"), [
    # the very title asked
    ("Experience as a delivery driver",
     resume("Delivered 120 parcels a day", title="Parcel Delivery Driver", employer="Nordlys"),
     Status.MET, Rule.ROLE_TITLE),
    ("Previous experience as a cashier is an advantage",
     resume("Rang up 300 customers a shift", title="Cashier", employer="Fresh Basket"),
     Status.MET, Rule.ROLE_TITLE),
    ("Experience as a delivery driver",
     resume("Ran the tills", title="Cashier"), Status.MISSING, None),
    # people management by a supervisor's or lead's title
    ("Experience managing people",
     resume("Opened and closed the store; cash-up and banking", title="Shift Lead",
            employer="Fresh Basket Market"), Status.MET, Rule.ROLE_TITLE),
    ("You have a natural interest in managing people",
     resume("Planned weekly production with planning", title="Production Supervisor",
            employer="Kildegaard Dairy"), Status.MET, Rule.ROLE_TITLE),
    # a manager of products manages no people by title
    ("Experience managing people",
     resume("Wrote the roadmap for the billing product", title="Product Manager"),
     Status.MISSING, None),
    # leading a team by a lead's title; retail by a shop's title or by name
    ("Experience leading a team",
     resume("Ran the front end on weekend shifts", title="Shift Lead"), Status.MET,
     Rule.ROLE_TITLE),
    ("Previous retail experience",
     resume("Stocked shelves and helped customers", title="Sales Associate",
            employer="Dollar Spot"), Status.MET, Rule.ROLE_TITLE),
    ("Previous retail experience",
     resume("Built the billing service", summary="Engineer for retail banking clients."),
     Status.MISSING, None),
])
def test_a_title_held_shows_the_work_of_that_title(requirement: str, cv: str, status: Status,
                                                    rule: Rule | None) -> None:
    assert_verdict(judge(requirement, cv), status, rule)


def _with_education(line: str, title: str = "Software Engineer") -> str:
    return resume("Built things", title=title) + f"\nEDUCATION\n{line}\n"


@pytest.mark.parametrize(("requirement", "education", "status", "rule"), [
    ("Bachelor's degree in Computer Science",
     "B.S. Computer Science, State University, expected May 2027", Status.PARTIAL,
     Rule.DEGREE_IN_PROGRESS),
    ("Master's degree in Nursing preferred",
     "MSN candidate, Nursing Education, Old Dominion University", Status.PARTIAL,
     Rule.DEGREE_IN_PROGRESS),
    ("Associate degree in Early Childhood Education",
     "A.A.S. Early Childhood Education, in progress (expected 05/2027)", Status.PARTIAL,
     Rule.DEGREE_IN_PROGRESS),
    # a degree held is met as before
    ("Bachelor's degree in Computer Science",
     "B.S. Computer Science, State University, 2019", Status.MET, Rule.DEGREE_MET),
])
def test_a_degree_in_progress_is_not_yet_held(requirement: str, education: str, status: Status,
                                              rule: Rule) -> None:
    verdict = judge(requirement, _with_education(education))
    assert verdict.status is status, verdict.explanation
    assert verdict.rule == rule.value, verdict.explanation


def test_an_award_called_associate_of_the_month_is_no_degree() -> None:
    cv = resume('Recognized as "Front End Associate of the Month" three times', title="Cashier")
    cv += "\nEDUCATION\nKettering Hill High School, High School Diploma, 2019\n"
    verdict = judge("Associate or Bachelor of Arts in Early Childhood Education preferred", cv)
    assert verdict.status is Status.MISSING, verdict.explanation


@pytest.mark.parametrize(("requirement", "cv", "status"), [
    # an employer's name is no evidence of the work
    ("Experience working with young children",
     resume("Cleaned and sanitized the tables", title="Cleaner",
            employer="Sunny Meadow Child Care"), Status.MISSING),
    ("Experience with Python",
     resume("Ran the front desk", title="Receptionist", employer="Python Software Foundation"),
     Status.MISSING),
    # ... while the work itself, or a title whose core it is, is
    ("Experience working with young children",
     resume("Support the lead teacher in a room of 10 toddlers", title="Assistant Teacher",
            employer="Little Acorns"), Status.MET),
    ("Experience working with young children",
     resume("Provided childcare for two families after school", title="Babysitter"),
     Status.MET),
])
def test_an_employers_name_is_no_evidence(requirement: str, cv: str, status: Status) -> None:
    verdict = judge(requirement, cv)
    assert verdict.status is status, verdict.explanation


@pytest.mark.parametrize(("cv", "status"), [
    (resume("Triage walk-in patients", title="Registered Nurse")
     + "\nCERTIFICATIONS\nBLS for Healthcare Providers, American Heart Association\n",
     Status.PARTIAL),
    (resume("Ran codes on the step-down unit", title="Staff Nurse")
     + "\nCERTIFICATIONS\nBLS (AHA), 2025\nACLS (AHA), 2025\n", Status.MET),
    (resume("Triage walk-in patients", title="Registered Nurse"), Status.MISSING),
])
def test_some_of_several_certificates_stated_is_partial(cv: str, status: Status) -> None:
    verdict = judge("BLS and ACLS certification required", cv, title="Staff Nurse")
    assert verdict.status is status, verdict.explanation
    if status is Status.PARTIAL:
        assert verdict.rule == Rule.SOME_PARTS.value
        assert "No Advanced Cardiovascular Life Support is stated" in verdict.explanation


def test_talking_with_parents_shows_communication() -> None:
    verdict = judge("Ability to communicate with parents",
                    resume("Chatted with parents at pick-up about each child's day",
                           title="Assistant Teacher"))
    assert verdict.status is Status.MET, verdict.explanation


@pytest.mark.parametrize(("requirement", "cv", "status"), [
    ("Experience with differentiated instruction",
     resume("Regroup students each week for reteach and enrichment stations in Math 6",
            title="Mathematics Teacher"), Status.MET),
    ("Ability to use data to drive instruction",
     resume("Analyze benchmark data and test scores to plan reading groups",
            title="Reading Teacher"), Status.MET),
    ("Ability to use data to drive instruction",
     resume("Planned field trips and ran the chess club", title="Teacher"), Status.MISSING),
])
def test_teaching_practices_shown_through_the_work(requirement: str, cv: str,
                                                   status: Status) -> None:
    verdict = judge(requirement, cv, title="Middle School Teacher")
    assert verdict.status is status, verdict.explanation


@pytest.mark.parametrize(("requirement", "cv", "status"), [
    # a preferred extra is no part of the ask
    ("Be familiar with lean tools and preferably also with using Tableau",
     resume("Ran 5S and SMED workshops on the filling line", skills="Lean, 5S"), Status.MET),
    ("Proven experience with JavaScript and frontend frameworks preferably Angular/React",
     resume("Built the checkout in JavaScript with Vue.js"), Status.MET),
    # ... but a line about the extra alone still asks it
    ("Preferably experience with Tableau", resume("Ran the tills and stock counts"),
     Status.MISSING),
])
def test_a_preferred_extra_is_no_part_of_the_ask(requirement: str, cv: str,
                                                 status: Status) -> None:
    verdict = judge(requirement, cv)
    assert verdict.status is status, verdict.explanation


@pytest.mark.parametrize(("requirement", "cv", "title", "status"), [
    # planning named on its own is the planning skill, shown by planning work
    ("Solid planning experience from an international setting",
     resume("Plan the weekly filling runs for two plants in SAP APO", title="Supply Planner"),
     "Supply Planner", Status.MET),
    ("Good planning and follow-up skills",
     resume("Scheduled 40 site visits a month for three inspectors", title="Coordinator"),
     "Office Coordinator", Status.MET),
    ("Solid planning experience",
     resume("Served coffee and ran the till", title="Barista"), "Supply Planner",
     Status.MISSING),
    # ... the named kinds of planning stay themselves
    ("Experience with lesson planning",
     resume("Plan the weekly filling runs for two plants", title="Supply Planner"),
     "Teacher", Status.MISSING),
])
def test_planning_asked_plainly_is_the_planning_skill(requirement: str, cv: str, title: str,
                                                      status: Status) -> None:
    verdict = judge(requirement, cv, title=title)
    assert verdict.status is status, verdict.explanation


@pytest.mark.parametrize(("cv", "status"), [
    # web work without session handling shows one part of the ask
    (resume("Built custom WordPress themes in HTML5, SCSS and JavaScript",
            title="Web Designer"), Status.PARTIAL),
    (resume("Built the customer portal in Django", skills="HTML, CSS, JavaScript"),
     Status.PARTIAL),
    (resume("Built the customer portal in Django with session handling and CSRF protection"),
     Status.MET),
    (resume("Ran the tills and weekly stock counts", title="Cashier"), Status.MISSING),
])
def test_session_management_is_a_part_of_a_web_ask(cv: str, status: Status) -> None:
    verdict = judge("A solid understanding of how web applications work including security, "
                    "session management, and best development practices", cv)
    assert verdict.status is status, verdict.explanation


@pytest.mark.parametrize(("requirement", "cv", "status"), [
    ("Knowledge of industry-wide technology trends and best practices",
     resume("Researched trends in observability and led the move to OpenTelemetry"),
     Status.MET),
    ("Keeps up with emerging technologies",
     resume("Evaluated new tools for the build pipeline and introduced Bazel",
            title="Build Engineer"), Status.MET),
    ("Knowledge of industry trends",
     resume("Fixed bugs in the billing service"), Status.MISSING),
])
def test_technology_trends_shown_by_researching_them(requirement: str, cv: str,
                                                     status: Status) -> None:
    verdict = judge(requirement, cv)
    assert verdict.status is status, verdict.explanation


@pytest.mark.parametrize(("cv", "status"), [
    (resume("Reconciled 400 supplier invoices a month with zero errors", title="Accountant"),
     Status.MET),
    (resume("Inspected label, date code and weight on every batch before release",
            title="Packaging Operator"), Status.MET),
])
def test_a_sense_of_detail_is_attention_to_detail(cv: str, status: Status) -> None:
    verdict = judge("You have a good overview and a strong sense of detail", cv,
                    title="Planner")
    assert verdict.status is status, verdict.explanation


@pytest.mark.parametrize(("cv", "status"), [
    (resume("Charge nurse on a 24-bed unit", title="Registered Nurse")
     + "\nCERTIFICATIONS\nANCC board certified, Medical-Surgical Nursing (RN-BC), 2021\n",
     Status.MET),
    # a certificate from another body is not the one asked; it shows as related
    (resume("Charge nurse on a 24-bed unit", title="Registered Nurse")
     + "\nCERTIFICATIONS\nCCRN (Adult), 2019\n", Status.MISSING),
])
def test_a_certificate_named_by_its_credentialing_body(cv: str, status: Status) -> None:
    verdict = judge("Certification from the American Nurses Credentialing Center required", cv,
                    title="Nurse Educator")
    assert verdict.status is status, verdict.explanation


@pytest.mark.parametrize(("requirement", "status"), [
    # the examples after the first are more examples of the kind, not more asks
    ("2+ years of experience in a scripting language like Python or Scala", Status.MET),
    ("3+ years in a language such as Python, Ruby or Perl", Status.MET),
    # ... but a skill asked after the examples is still asked
    ("3+ years in a language such as Python or Ruby, and experience with Airflow",
     Status.PARTIAL),
])
def test_more_examples_in_a_years_ask_are_no_more_asks(requirement: str,
                                                       status: Status) -> None:
    verdict = judge(requirement, resume("Wrote the nightly import jobs in Python",
                                        title="Data Engineer", dates="Jan 2018 - Present"))
    assert verdict.status is status, verdict.explanation


@pytest.mark.parametrize(("cv", "status"), [
    (resume("Managed three ERP roll-out projects from kickoff to go-live",
            title="IT Consultant"), Status.MET),
    (resume("Led the night shift of six packers", title="Shift Lead"), Status.PARTIAL),
    (resume("Ran the tills and weekly stock counts", title="Cashier"), Status.MISSING),
])
def test_a_skill_named_with_words_inside_its_name(cv: str, status: Status) -> None:
    # "managing the end-to-end lifecycle of technical projects" asks for project management
    verdict = judge("Experience managing the end-to-end lifecycle of technical projects", cv,
                    title="Technical Program Manager")
    assert verdict.status is status, verdict.explanation


@pytest.mark.parametrize(("cv", "status"), [
    # finance processes shown by an accountant's work; no finance system named
    (resume("Prepared balance sheets and quarterly tax filings for 30 clients",
            title="Staff Accountant"), Status.PARTIAL),
    (resume("Recorded payables and receivables and reviewed payroll", title="Junior Accountant"),
     Status.PARTIAL),
    (resume("Closed the books monthly in SAP and prepared the balance sheet",
            title="Accountant"), Status.MET),
    (resume("Served coffee and ran the till", title="Barista"), Status.MISSING),
])
def test_core_finance_processes_are_accounting(cv: str, status: Status) -> None:
    verdict = judge("Experience with standard finance systems (e.g. Oracle, Hyperion, SAP) and "
                    "core finance processes", cv, title="Revenue Accountant")
    assert verdict.status is status, verdict.explanation


@pytest.mark.parametrize(("cv", "status"), [
    (resume("Led cross-functional teams to design, build and launch innovative products",
            title="Product Manager"), Status.MET),
    (resume("Launched two mobile apps that reached 1M users", title="Product Owner"),
     Status.MET),
    # launching something that is not a product shows no product launch
    (resume("Launched the new invoicing process for the finance team", title="Accountant"),
     Status.MISSING),
])
def test_launching_products_shows_product_launches(cv: str, status: Status) -> None:
    verdict = judge("Demonstrated success defining and launching excellent products", cv,
                    title="Product Manager")
    assert verdict.status is status, verdict.explanation


@pytest.mark.parametrize(("cv", "status"), [
    (resume("Turned Photoshop mock-ups into responsive HTML and CSS pages",
            title="Web Developer"), Status.MET),
    (resume("Designed posters and packaging", skills="Adobe Photoshop, Illustrator",
            title="Graphic Designer"), Status.PARTIAL),
    (resume("Ran the tills and weekly stock counts", title="Cashier"), Status.MISSING),
])
def test_a_psd_is_a_photoshop_design(cv: str, status: Status) -> None:
    verdict = judge("Converting PSD to HTML", cv, title="HTML Developer")
    assert verdict.status is status, verdict.explanation


@pytest.mark.parametrize(("cv", "status"), [
    (resume("Assessed and treated 20 patients a shift on a cardiac step-down unit",
            title="Registered Nurse"), Status.MET),
    (resume("Performed 300 laparoscopic cholecystectomies as primary surgeon",
            title="Consultant Surgeon"), Status.MET),
    (resume("Built the patient portal's appointment API in Go", title="Backend Engineer",
            employer="Marrowfield Health"), Status.MISSING),
])
def test_treating_patients_is_patient_care(cv: str, status: Status) -> None:
    verdict = judge("Provide your patients with a safe and effective course of treatment", cv,
                    title="Consultant Surgeon")
    assert verdict.status is status, verdict.explanation


@pytest.mark.parametrize(("cv", "status"), [
    (resume("Built the order service in Java and Kafka", title="Senior Software Engineer"),
     Status.MET),
    (resume("Wrote the nightly billing jobs", title="Backend Developer"), Status.MET),
    (resume("Built sales dashboards in Tableau", title="Data Analyst"), Status.MISSING),
    (resume("Ran the tills and weekly stock counts", title="Cashier"), Status.MISSING),
])
def test_data_structures_are_a_programmers_everyday_work(cv: str, status: Status) -> None:
    verdict = judge("Solid grasp of data structures and algorithms", cv, title="Programmer Analyst")
    assert verdict.status is status, verdict.explanation


def _nurse(certificate: str) -> str:
    return (resume("Charge nurse on a 24-bed medical-surgical unit", title="Registered Nurse")
            + (f"\nCERTIFICATIONS\n{certificate}\n" if certificate else ""))


@pytest.mark.parametrize(("requirement", "certificate", "status", "rule"), [
    # the body named recognises certificates: another of the kind may be one of them
    ("Specialty certification as recognized by the American Nurses Credentialing Center",
     "CCRN (Adult), AACN, 2019", Status.PARTIAL, Rule.OTHER_CREDENTIAL),
    ("Specialty certification as recognized by the American Nurses Credentialing Center",
     "CEN, Board of Certification for Emergency Nursing, 2021", Status.PARTIAL,
     Rule.OTHER_CREDENTIAL),
    ("Specialty certification as recognized by the American Nurses Credentialing Center",
     "ANCC board certified, Medical-Surgical Nursing, 2020", Status.MET, Rule.CREDENTIAL),
    ("Specialty certification as recognized by the American Nurses Credentialing Center",
     "AWS Certified Solutions Architect", Status.MISSING, None),
    # ... but a certificate asked by its own name is not met by another of its kind
    ("ANCC board certification required", "CCRN (Adult), AACN, 2019", Status.MISSING, None),
])
def test_a_certificate_recognised_by_a_named_body(requirement: str, certificate: str,
                                                  status: Status, rule: Rule | None) -> None:
    assert_verdict(judge(requirement, _nurse(certificate), title="Nurse Educator"), status, rule)


@pytest.mark.parametrize(("requirement", "education", "status"), [
    # lowercase fields after "degree in"; a branch of a field is the field
    ("A degree in chemistry or biology", "Ph.D. in Microbiology, Aarhus University, 2022",
     Status.MET),
    ("A degree in chemistry or biology", "B.Sc. in Chemistry, University of Leeds, 2018",
     Status.MET),
    ("A degree in chemistry or biology", "B.A. in History, University of Leeds, 2018",
     Status.PARTIAL),
    # fields that share a head noun
    ("Bachelor's degree in Mechanical or Electrical Engineering",
     "B.Sc. in Mechanical Engineering, DTU, 2016", Status.MET),
    ("Bachelor's degree in Mechanical or Electrical Engineering",
     "B.Eng. Electrical Engineering, 2014", Status.MET),
    ("Bachelor's degree in Mechanical or Electrical Engineering", "B.A. in History, 2012",
     Status.PARTIAL),
])
def test_the_fields_a_degree_ask_names(requirement: str, education: str,
                                       status: Status) -> None:
    verdict = judge(requirement, _with_education(education, title="Technician"),
                    title="Field Engineer")
    assert verdict.status is status, verdict.explanation


@pytest.mark.parametrize(("requirement", "status"), [
    ("Experience with one of: Django, Flask, FastAPI", Status.MET),
    ("Experience with one of the following frameworks: Django, Flask, FastAPI", Status.MET),
    ("Experience with Django, Flask and FastAPI", Status.PARTIAL),
])
def test_one_of_a_list_is_any_of_it(requirement: str, status: Status) -> None:
    verdict = judge(requirement, resume("Built the pricing service in Python with FastAPI"))
    assert verdict.status is status, verdict.explanation


@pytest.mark.parametrize(("dates", "status"), [
    ("Jan 2022 - Present", Status.MET),
    ("Aug 2026 - Present", Status.MISSING),
])
def test_a_job_boards_years_of_one_kind_of_work(dates: str, status: Status) -> None:
    verdict = judge("Warehouse: 1 year (Required)",
                    resume("Picked and packed 120 orders an hour in the warehouse",
                           title="Warehouse Associate", dates=dates), title="Warehouse Associate")
    assert verdict.status is status, verdict.explanation


@pytest.mark.parametrize(("cv", "met"), [
    (resume("Negotiated contracts and closed sales worth $1.2M a year",
            title="Sales Representative"), True),
    (resume("Closing deals with 14 new accounts in the Nordics", title="Account Executive"), True),
    # closing the books is accounting, not a sale
    (resume("Closed the books monthly and reconciled the sales ledger", title="Accountant"),
     False),
])
def test_closing_sales_is_sales_closing(cv: str, met: bool) -> None:
    verdict = judge("Experience closing sales", cv, title="Sales Representative")
    assert (verdict.status is Status.MET) is met, verdict.explanation
