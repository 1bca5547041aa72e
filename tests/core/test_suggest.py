"""The suggestions engine on a small fictional pair, one test per kind and per guarantee."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tailorfit.core.export.checks import find_placeholders
from tailorfit.core.export.suggestions import parse_suggestions, suggestion_edits
from tailorfit.core.match import analyze_documents
from tailorfit.core.readers import read_pasted
from tailorfit.core.suggest import Kind, Suggestion, suggest, suggestions_json
from tailorfit.core.suggest.mirror import mirrored
from tailorfit.core.suggest.verbs import inflect, tense_of

POSTING = """Platform Engineer
Acme Logistics

Requirements
- 5+ years of experience with Go and Kubernetes
- Experience with PostgreSQL
- Experience with a service mesh
- Experience with caching strategies
- Hands-on experience with Terraform
"""

RESUME = """Jane Roe
jane@example.com

Summary
Engineer who likes reliable systems.

Experience
Backend Engineer, Fernhollow Payments, Jan 2020 - Present
- Responsible for managing the payments API written in Golang on K8s
- Worked on the Postgres migration of the ledger service
- Rolled out Istio across 3 clusters for 40 services
- Put a Varnish cache in front of the pricing API, cutting p95 latency from 900 ms to 120 ms

Software Developer, Northwind, Jan 2015 - Dec 2019
- Responsible for managing releases of the billing system
- Helped build the reporting dashboards for finance
- Manage the on-call rotation for six engineers
- I led a team of 4 engineers as a team player

Skills
Golang, K8s, Postgres, Istio, Varnish
"""

TODAY = date(2026, 11, 27)


def _suggestions(resume: str = RESUME, **truth: frozenset[str]) -> tuple[Suggestion, ...]:
    analysis = analyze_documents(read_pasted(POSTING), read_pasted(resume), today=TODAY)
    return suggest(analysis, **truth)


def _find(found: tuple[Suggestion, ...], kind: Kind, rule: str, before: str = "") -> Suggestion:
    for s in found:
        if s.kind is kind and s.rule == rule and before in s.before:
            return s
    raise AssertionError(f"no {kind}/{rule} suggestion on {before!r}: "
                         f"{[(s.kind.value, s.rule, s.message) for s in found]}")


def test_mirror_uses_the_postings_name_and_spells_out_once() -> None:
    assert mirrored("Go", "Golang") == "Go (Golang)"
    assert mirrored("Kubernetes", "K8s") == "Kubernetes (K8s)"
    assert mirrored("PostgreSQL", "Postgres") == "PostgreSQL"
    assert mirrored("CI/CD", "continuous delivery") == "continuous delivery (CI/CD)"
    found = _suggestions()
    go = _find(found, Kind.MIRROR, "posting-wording", "written in Golang")
    assert "Go (Golang)" in go.after and go.needs_confirmation is False
    postgres = _find(found, Kind.MIRROR, "posting-wording", "Postgres migration")
    assert postgres.after == "Worked on the PostgreSQL migration of the ledger service"
    # Each skill once: K8s is mirrored in the bullet, not again in the skills line.
    assert sum(1 for s in found if s.kind is Kind.MIRROR and s.term == "kubernetes") == 1


def test_a_concept_shown_by_a_bullet_is_named_in_it() -> None:
    found = _suggestions()
    caching = _find(found, Kind.NAME, "shown-concept", "Varnish cache")
    assert caching.after.startswith("Caching strategies: put a Varnish cache")
    assert caching.after.endswith("from 900 ms to 120 ms")  # every fact kept
    assert caching.requirement_id is not None


def test_a_missing_skill_is_asked_not_written() -> None:
    found = _suggestions()
    ask = _find(found, Kind.ASK, "ask-skill")
    assert ask.message == "Have you used Terraform?"
    assert ask.needs_confirmation and ask.before == "" and ask.after == "Terraform"
    assert ask.score_delta > 0
    # The change appends to the skills line with the line's own separator.
    assert ask.change is not None and ask.change.text == ", Terraform"


def test_a_denied_skill_is_never_asked_again() -> None:
    found = _suggestions(denied=frozenset({"terraform"}))
    assert not [s for s in found if s.term == "terraform"]


def test_a_confirmed_skill_is_added_and_a_bullet_offered() -> None:
    found = _suggestions(confirmed=frozenset({"terraform"}))
    add = _find(found, Kind.ASK, "confirmed-skill")
    assert not add.needs_confirmation and add.after == "Terraform"
    bullet = _find(found, Kind.ASK, "bullet-to-fill")
    assert bullet.needs_confirmation and find_placeholders([bullet.after])
    assert bullet.after.startswith("Use Terraform to")  # the current role: present tense


def test_weak_openers_take_the_verb_they_hide() -> None:
    found = _suggestions()
    current = _find(found, Kind.OPENER, "weak-opener", "managing the payments API")
    assert current.after.startswith("Manage the payments API")  # the current role
    past = _find(found, Kind.OPENER, "weak-opener", "managing releases")
    assert past.after == "Managed releases of the billing system"
    helped = _find(found, Kind.OPENER, "weak-opener", "Helped build")
    assert helped.after == "Built the reporting dashboards for finance"
    vague = _find(found, Kind.OPENER, "weak-opener", "Worked on")
    assert vague.advisory  # "Contributed to" would be as vague: the user says what they did


def _with_bullet_and_no_figures(bullet: str) -> str:
    """The test resume with ``bullet`` in its older role, which then holds no figure yet (a role
    with a number gets no number prompt)."""
    return RESUME.replace("- Helped build the reporting dashboards for finance\n",
                          f"- {bullet}\n").replace(
        "- Manage the on-call rotation for six engineers\n", "").replace(
        "- I led a team of 4 engineers as a team player\n", "")


def test_quantify_leaves_a_placeholder_and_never_a_number() -> None:
    resume = RESUME.replace("- Manage the on-call rotation for six engineers\n",
                            "- Managed the on-call rotation for the platform engineers\n")
    resume = resume.replace("- I led a team of 4 engineers as a team player\n", "")
    found = _suggestions(resume)
    prompts = [s for s in found if s.kind is Kind.QUANTIFY]
    assert prompts
    for prompt in prompts:
        added = prompt.change.text
        assert find_placeholders([added]), added
        assert not any(ch.isdigit() for ch in added)


@pytest.mark.parametrize(("paragraph", "expected"), [
    # the figure goes where "several" / "multiple" stood, not after the last clause
    ("Led the data team at Tally. Published several research papers on ranking models. "
     "Mentored new hires",
     "Published [number] research papers on ranking models."),
    ("Built the booking flows for the mobile apps. Successfully delivered multiple projects "
     "within budget. Worked closely with designers",
     "Successfully delivered [number] projects within budget."),
    # no vague count: the count of the first plural thing done ...
    ("Automated the nightly billing reports for finance teams. Worked closely with the "
     "product managers and designers",
     "Automated [number] nightly billing reports for finance teams. Worked closely"),
    # ... or, after a verb of change, by how much
    ("Worked closely with the product managers. Improved the efficiency of the ride "
     "allocation algorithms through profiling",
     "Improved the efficiency of the ride allocation algorithms by [number or %] through"),
])
def test_quantify_puts_the_figure_on_the_claim_of_a_paragraph(paragraph: str,
                                                             expected: str) -> None:
    resume = RESUME.replace(
        "Software Developer, Northwind, Jan 2015 - Dec 2019\n"
        "- Responsible for managing releases of the billing system\n"
        "- Helped build the reporting dashboards for finance\n"
        "- Manage the on-call rotation for six engineers\n"
        "- I led a team of 4 engineers as a team player\n",
        f"Software Developer, Northwind, Jan 2015 - Dec 2019\n{paragraph}\n")
    prompts = [s for s in _suggestions(resume)
               if s.kind is Kind.QUANTIFY and s.before.startswith(paragraph[:30])]
    assert len(prompts) == 1
    assert expected in prompts[0].after
    assert find_placeholders([prompts[0].after])
    # the edit is exactly the change it carries
    change = prompts[0].change
    assert change is not None and change.text in ("[number]", "[number] ", " by [number or %]")
    before = prompts[0].before
    lo = change.start - prompts[0].target_start
    assert prompts[0].after == before[:lo] + change.text + before[lo + change.end - change.start:]


def test_quantify_skips_a_date_column_read_into_the_line() -> None:
    resume = RESUME.replace("- Helped build the reporting dashboards for finance\n",
                            "- Present | Developing the reporting dashboards for finance teams\n")
    assert not [s for s in _suggestions(resume)
                if s.kind is Kind.QUANTIFY and s.before.startswith("Present |")]


def test_style_rules() -> None:
    found = _suggestions()
    tense = _find(found, Kind.STYLE, "tense", "Manage the on-call")
    assert tense.after.startswith("Managed the on-call rotation")
    pronoun = _find(found, Kind.STYLE, "first-person", "I led")
    assert pronoun.after == "Led a team of 4 engineers as a team player"
    buzz = _find(found, Kind.STYLE, "buzzword", "team player")
    assert buzz.advisory


def test_cliches_come_from_proselint() -> None:
    resume = RESUME.replace("- I led a team of 4 engineers as a team player",
                            "- Cut deploy time in half; at the end of the day, 30 minutes")
    found = _suggestions(resume)
    cliche = _find(found, Kind.STYLE, "cliches", "at the end of the day")
    assert "cliché" in cliche.reason


def test_repeated_opening_verbs_are_varied() -> None:
    bullets = "".join(f"- Built the {n} service for the payments team\n"
                      for n in ("ledger", "refund", "payout", "invoice"))
    resume = RESUME.replace("- Rolled out Istio across 3 clusters for 40 services\n", bullets)
    found = _suggestions(resume)
    varied = [s for s in found if s.rule == "same-opener"]
    assert varied and varied[0].after.split()[0] in ("Developed", "Created", "Constructed")


def test_long_paragraph_is_split_advice() -> None:
    long = ("- Ran the build system. Moved it to Bazel. Cut build times by 40%. Trained the team "
            "on it and wrote the runbook for the on-call engineers who keep it working today.\n")
    found = _suggestions(RESUME.replace("- Worked on the Postgres migration of the ledger "
                                        "service\n", long))
    split = _find(found, Kind.STYLE, "long-bullet", "Ran the build system")
    assert split.message.startswith("Split")


def test_headline_from_resume_facts_in_the_postings_words() -> None:
    found = _suggestions()
    headline = _find(found, Kind.SUMMARY, "tailored-headline")
    # The resume's own latest title (never the posting's: a job the person did not hold), and
    # the posting's names for skills the resume shows ("Kubernetes" for "K8s").
    assert headline.after == "Backend Engineer | Go | PostgreSQL | Kubernetes"  # the stack first
    assert not headline.needs_confirmation


def test_summary_where_there_is_none() -> None:
    resume = RESUME.replace("Summary\nEngineer who likes reliable systems.\n\n", "")
    found = _suggestions(resume)
    summary = _find(found, Kind.SUMMARY, "tailored-summary")
    assert summary.after.startswith("Backend Engineer with 11 years of experience in ")
    assert summary.needs_confirmation  # 11 years counted from the dates, not written
    assert "counted from your dates" in summary.reason


def test_ordered_by_score_gain_and_deterministic() -> None:
    first, again = _suggestions(), _suggestions()
    assert [s.id for s in first] == [s.id for s in again]
    deltas = [s.score_delta for s in first]
    assert deltas == sorted(deltas, reverse=True)


def test_json_is_the_export_schema_and_applies() -> None:
    resume_document = read_pasted(RESUME)
    analysis = analyze_documents(read_pasted(POSTING), resume_document, today=TODAY)
    found = suggest(analysis)
    data = json.loads(json.dumps(suggestions_json(found, resume_document)))
    assert data["schema"] == "tailorfit.suggestions/1"
    keys = {"id", "kind", "message", "target", "before", "after", "reason", "requirement_id",
            "needs_confirmation", "score_delta"}
    assert all(keys <= set(item) for item in data["suggestions"])
    safe = [item for item in data["suggestions"] if item["kind"] == "mirror"][:1]
    parsed = parse_suggestions({"schema": data["schema"], "suggestions": safe})
    edits = suggestion_edits(resume_document, parsed)
    assert edits and any("Go" in edit.text for edit in edits)


@pytest.mark.parametrize("word, tense", [("Managed", "past"), ("Manage", "present"),
                                         ("Building", "gerund"), ("Led", "past")])
def test_verb_forms(word: str, tense: str) -> None:
    assert tense_of(word) == tense
    assert inflect("lead", "past", "Led") == "Led"


# -- round 7 of the reading: the classes of dropped suggestions, one test each -------------------

def _pair(posting: str, resume: str) -> tuple[Suggestion, ...]:
    return suggest(analyze_documents(read_pasted(posting), read_pasted(resume), today=TODAY))


def _only_ask(posting: str, resume: str) -> tuple[str, Suggestion]:
    """The resume's analysed text and the one question the pair gives."""
    analysis = analyze_documents(read_pasted(posting), read_pasted(resume), today=TODAY)
    (ask,) = [s for s in suggest(analysis) if s.rule == "ask-skill"]
    return analysis.resume.document.text, ask


WEB_DEV = """Dana Quill
dana@example.com

Experience
Full Stack Developer, Orchard Apps, Jan 2021 - Present
- Built the checkout screens in React and the Node.js API behind them
- Moved the orders service to PostgreSQL

Skills
React, Node.js, PostgreSQL, Git
"""


def test_practices_the_resume_already_shows_are_not_asked() -> None:
    found = _pair("Web Developer\n\nRequirements\n- Full-stack development experience\n"
                  "- DOM manipulation\n- Asynchronous programming in JavaScript\n"
                  "- Experience with RabbitMQ\n", WEB_DEV)
    asked = [s.message for s in found if s.rule == "ask-skill"]
    assert asked == ["Have you used RabbitMQ?"]


def test_the_question_names_what_the_posting_wrote() -> None:
    found = _pair("Support Team Leader\n\nRequirements\n- Knowledge of information security "
                  "standards\n- Experience with lean tools\n", WEB_DEV)
    asked = {s.message for s in found if s.rule == "ask-skill"}
    assert "Do you have experience with information security?" in asked
    assert "Do you have experience with lean tools?" in asked
    assert not any("Cybersecurity" in m or "Lean Manufacturing" in m for m in asked)


def test_named_tools_are_asked_before_practices() -> None:
    found = _pair("Engineer\n\nRequirements\n- Experience with microservices architecture\n"
                  "- Experience with RabbitMQ\n", WEB_DEV)
    asked = [s.term for s in found if s.rule == "ask-skill"]
    assert asked.index("rabbitmq") < asked.index("microservices")


def test_an_answer_goes_to_a_skills_row_of_its_kind() -> None:
    resume = ("Kim Lee\nkim@example.com\n\nExperience\nML Engineer, Vela, Jan 2020 - Present\n"
              "- Trained ranking models on 2 TB of clicks\n\nSkills\n"
              "ML Frameworks: PyTorch, TensorFlow\nWeb frameworks: Flask, Django\n"
              "Observability | Datadog | PagerDuty\n")
    text, ask = _only_ask("Engineer\n\nRequirements\n- Experience with "
                          "FastAPI\n", resume)
    # not "ML Frameworks:" (a web framework is no ML framework), not the observability row
    assert ask.change is not None and ask.change.text == ", FastAPI"
    assert text[:ask.change.start].endswith("Web frameworks: Flask, Django")


def test_the_headline_goes_on_the_resumes_own_title_line() -> None:
    resume = ("Jane Roe\nBackend Engineer\njane@example.com\n\nSummary\nEngineer who likes "
              "reliable systems.\n\n" + RESUME.split("\n\n", 2)[2])
    found = _suggestions(resume)
    headline = _find(found, Kind.SUMMARY, "tailored-headline")
    assert headline.before == "Backend Engineer"
    assert headline.after.startswith("Backend Engineer | Go | PostgreSQL")
    assert sum(1 for s in found if s.kind is Kind.SUMMARY) == 1


def test_an_initial_ends_no_sentence() -> None:
    resume = RESUME.replace(
        "- Rolled out Istio across 3 clusters for 40 services",
        "- Expressed and purified tagged proteins from E. coli strains and tested them with "
        "P. putida reporter assays in 3 rounds of screening for the ledger service")
    found = _suggestions(resume)
    assert not any(s.rule == "long-bullet" and "E. coli" in s.before and "Split" in s.message
                   for s in found)


def test_a_qualified_label_takes_only_its_own_kind() -> None:
    resume = ("Kim Lee\nkim@example.com\n\nExperience\nML Engineer, Vela, Jan 2020 - Present\n"
              "- Trained ranking models on 2 TB of clicks\n\nSkills\n"
              "ML Frameworks: PyTorch, ONNX\nLanguages: Python, Go\nTools | Git | Docker\n")
    text, ask = _only_ask("Engineer\n\nRequirements\n- Experience with "
                          "Node.js\n", resume)
    assert ask.change is not None
    line = text[:ask.change.start].rsplit("\n", 1)[-1]
    assert not line.startswith("ML Frameworks")  # a web runtime is no ML framework


def test_basics_of_a_framework_the_resume_uses_are_not_asked() -> None:
    found = _pair("Front-End Developer\n\nRequirements\n- Strong HTML and CSS\n"
                  "- Experience with GraphQL\n", WEB_DEV)
    asked = [s.term for s in found if s.rule == "ask-skill"]
    assert "html" not in asked and "css" not in asked and "graphql" in asked


def test_people_one_works_with_are_not_skills() -> None:
    found = _pair("Platform Engineer\n\nRequirements\n- Work closely with business analysts and "
                  "product owners\n- Experience with GraphQL\n", WEB_DEV)
    assert "business_analysis" not in {s.term for s in found if s.rule == "ask-skill"}


def test_no_parenthesis_that_repeats_a_name_the_reader_knows() -> None:
    resume = WEB_DEV.replace("React, Node.js, PostgreSQL, Git", "React, React Hooks, Google Cloud")
    found = _pair("Engineer\n\nRequirements\n- React.js\n- Experience with GCP\n", resume)
    assert not [s for s in found if s.kind is Kind.MIRROR]


def test_an_answer_never_lands_after_a_page_mark_or_in_a_row_of_another_kind() -> None:
    resume = ("Sam Okafor\nsam@example.com\n\nExperience\nSRE, Norrow, Jan 2020 - Present\n"
              "- Kept 40 services at 99.95% availability\n\nSkills\n"
              "Observability | Datadog | PagerDuty | Grafana\nSam Okafor - 2/3\n")
    text, ask = _only_ask("SRE\n\nRequirements\n- Experience with Linux\n", resume)
    assert ask.change is not None
    line = text[:ask.change.start].rsplit("\n", 1)[-1]
    assert "2/3" not in line  # never after the page mark
    # not appended to the observability row: a line of its own after it
    assert not line.startswith("Observability") or ask.change.text == "\nLinux"


def test_a_hyphenated_practice_is_asked_as_experience() -> None:
    found = _pair("Backend Engineer\n\nRequirements\n- Excited about domain-driven design\n",
                  WEB_DEV)
    asked = [s.message for s in found if s.rule == "ask-skill"]
    assert asked == ["Do you have experience with domain-driven design?"]


def test_an_added_practice_takes_the_case_of_the_list() -> None:
    found = _pair("Engineer\n\nRequirements\n- Experience with test-driven development\n",
                  WEB_DEV)
    (ask,) = [s for s in found if s.rule == "ask-skill"]
    assert ask.change is not None and ask.change.text == ", Test-Driven Development"


def test_a_label_over_its_list_is_no_place_for_a_skill() -> None:
    resume = ("Kim Lee\nkim@example.com\n\nExperience\nSRE, Vela, Jan 2020 - Present\n"
              "- Ran 40 services at 99.95% availability\n\nSkills\nLanguages\nGo, Python\n"
              "Observability\nPrometheus, Grafana\nInfrastructure\nDocker, Kubernetes\n")
    text, ask = _only_ask("SRE\n\nRequirements\n- Experience with Rust\n", resume)
    assert ask.change is not None and ask.change.text == ", Rust"
    assert text[:ask.change.start].endswith("Go, Python")


def test_among_labelled_lines_an_answer_that_fits_none_gets_an_other_label() -> None:
    resume = ("Kim Lee\nkim@example.com\n\nExperience\nResearcher, Vela, Jan 2020 - Present\n"
              "- Published 6 papers on ranking\n\nSkills\nLanguages: Python, C++\n"
              "Research Areas: ranking, retrieval\n")
    _, ask = _only_ask("Manager\n\nRequirements\n- Experience with React.js\n", resume)
    assert ask.change is not None
    # a line of its own under the last list, labelled
    assert ask.change.text == "\nOther: React"


def test_a_member_is_named_with_its_direct_class_only() -> None:
    resume = WEB_DEV.replace("- Moved the orders service to PostgreSQL",
                             "- Streamed 2M order events a day through Apache Kafka")
    found = _pair("Backend Engineer\n\nSkills & experiences exciting to us...\n"
                  "You know your way around software architecture patterns such as CQRS or "
                  "hexagonal architecture\nExperience with RabbitMQ\n", resume)
    assert not any("(software architecture)" in s.after for s in found)


def test_http_is_not_asked_of_someone_who_builds_rest_apis() -> None:
    resume = WEB_DEV.replace("React, Node.js, PostgreSQL, Git", "React, Node.js, REST APIs, Git")
    found = _pair("Backend Engineer\n\nRequirements\n- Understanding of HTTP\n"
                  "- Experience with RabbitMQ\n", resume)
    assert "http" not in {s.term for s in found if s.rule == "ask-skill"}


def test_a_filler_word_after_a_name_is_left_out_of_the_answer() -> None:
    found = _pair("Engineer\n\nRequirements\n- Experience with the Linux environment\n", WEB_DEV)
    (ask,) = [s for s in found if s.rule == "ask-skill"]
    assert ask.change is not None and ask.change.text == ", Linux"


def test_a_stack_list_led_by_a_language_still_takes_an_answer() -> None:
    resume = WEB_DEV.replace("React, Node.js, PostgreSQL, Git",
                             "JavaScript, TypeScript, React, Node.js, MongoDB")
    found = _pair("Engineer\n\nRequirements\n- Experience with RabbitMQ\n", resume)
    (ask,) = [s for s in found if s.rule == "ask-skill"]
    assert ask.change is not None and ask.change.text == ", RabbitMQ"


def test_alternatives_of_a_group_another_of_which_is_met_are_not_asked() -> None:
    posting = ("Programmer Analyst\n\nRequirements\n"
               "1. Experience with Microsoft IIS web servers; or\n"
               "2. Experience with SAP ERP packages; or\n"
               "3. Experience with React.js front ends\n")
    analysis = analyze_documents(read_pasted(posting), read_pasted(WEB_DEV), today=TODAY)
    assert {v.requirement.group_mode for v in analysis.verdicts} == {"any"}
    assert not [s for s in suggest(analysis) if s.rule == "ask-skill"]


def _answer_line(posting: str, resume: str) -> str:
    text, ask = _only_ask(posting, resume)
    assert ask.change is not None
    line_start = text.rfind("\n", 0, ask.change.start) + 1
    return text[line_start:ask.change.start] + ask.change.text


ROWS = ("Sam Okafor\nsam@example.com\n\nExperience\nML Engineer, Norrow, Jan 2020 - Present\n"
        "- Trained 40 ranking models on 2 TB of clicks\n\nSkills\n"
        "Languages: Python, Go, C++\nML Frameworks: PyTorch, TensorFlow\n"
        "Tech: Docker, Git\nSoft: mentoring, Agile\n")


@pytest.mark.parametrize(("asked", "row"), [
    ("Experience with scikit-learn", "ML Frameworks: PyTorch, TensorFlow, scikit-learn"),
    ("Experience with Ansible", "Tech: Docker, Git, Ansible"),
    ("Experience with Scrum", "Soft: mentoring, Agile, Scrum"),
])
def test_an_answer_joins_the_row_of_its_kind(asked: str, row: str) -> None:
    assert _answer_line(f"Engineer\n\nRequirements\n- {asked}\n", ROWS) == row


def test_a_menu_of_preferences_the_resume_already_meets_asks_nothing() -> None:
    posting = ("Programmer Analyst\n\nRequirements\n1. Two years of experience as a "
               "programmer\n\nNotes:\n"
               "1. Experience in one or more of the following areas is highly preferred:\n"
               "a. Web servers such as IIS and Apache\n"
               "b. Mobile development technologies such as Apache Cordova\n"
               "c. Front ends in React.js\n")
    analysis = analyze_documents(read_pasted(posting), read_pasted(WEB_DEV), today=TODAY)
    menu = [v for v in analysis.verdicts if v.requirement.group_mode == "any"]
    assert len(menu) == 3 and any(v.status.value == "met" for v in menu)
    asked = {s.term for s in suggest(analysis) if s.rule == "ask-skill"}
    assert not asked & {"iis", "apache", "cordova", "apache_cordova"}


def test_teams_one_works_with_are_not_skills() -> None:
    found = _pair("Analytics Engineer\n\nRequirements\n- Experience coordinating with the data "
                  "engineering teams\n- Experience with RabbitMQ\n", WEB_DEV)
    assert "data_engineering" not in {s.term for s in found if s.rule == "ask-skill"}


def test_a_discipline_or_a_duty_is_never_asked() -> None:
    found = _pair("SRE Manager\n\nRequirements\n- Strong understanding of DevOps best practices\n"
                  "- Experience with on-call rotations\n- Knowledge of high availability\n"
                  "- Experience with RabbitMQ\n", WEB_DEV)
    asked = {s.term for s in found if s.rule == "ask-skill"}
    assert asked == {"rabbitmq"}


def test_a_principle_and_a_suite_the_parts_of_which_are_listed_are_not_asked() -> None:
    office = ("Sam Okafor\nsam@example.com\n\nExperience\nOffice Assistant, Norrow, "
              "Jan 2020 - Present\n- Kept the filing system for 40 staff\n\nSkills\n"
              "Microsoft Word, PowerPoint, Excel\n")
    found = _pair("Office Assistant\n\nRequirements\n- Proficient in MS Office\n"
                  "- Strong awareness of code quality and clean code\n- Experience with QuickBooks\n",
                  office)
    asked = {s.term for s in found if s.rule == "ask-skill"}
    assert "microsoft_office" not in asked and "clean_code" not in asked
    assert "quickbooks" in asked


def test_a_tool_of_a_cloud_is_asked_by_its_whole_name() -> None:
    found = _pair("Cloud Engineer\n\nRequirements\n- Experience with Azure CLI\n", WEB_DEV)
    asks = [s for s in found if s.rule == "ask-skill"]
    assert [s.term for s in asks] == ["azure_cli"]
    assert "Azure CLI" in asks[0].message


@pytest.mark.parametrize(("bullet", "placed"), [
    ("Supported customers over chat and phone for the retail site",
     "Supported [number] customers over chat and phone"),
    ("Designed and developed databases for business needs of the sales team",
     "Designed and developed [number] databases for business needs"),
    ("Reduced deployment time through automated pipelines for the platform",
     "Reduced deployment time by [number or %] through automated pipelines"),
    ("Trained new cashiers on the till procedures every season",
     "Trained [number] new cashiers on the till procedures"),
])
def test_quantify_puts_the_figure_where_it_belongs(bullet: str, placed: str) -> None:
    resume = _with_bullet_and_no_figures(bullet)
    prompts = [s for s in _suggestions(resume)
               if s.kind is Kind.QUANTIFY and s.before == bullet]
    assert prompts and placed in prompts[0].after


@pytest.mark.parametrize("bullet", [
    "Reduced costs by automating the invoice checks for the finance team",  # the way, not the amount
    "Worked with teams across the company on the quarterly releases",  # no count of what was done
    "Led the redesign of the billing page with the product designer",  # nothing to count
])
def test_quantify_stays_quiet_where_no_figure_fits(bullet: str) -> None:
    resume = _with_bullet_and_no_figures(bullet)
    assert not [s for s in _suggestions(resume)
                if s.kind is Kind.QUANTIFY and s.before == bullet]


def test_a_semicolon_joins_one_sentence() -> None:
    bullet = ("Built integrations between Dynamics 365 and the ERP for order and stock data; "
              "replaced a nightly batch file import with near real-time messages on Azure Service "
              "Bus so that sales saw stock levels within minutes instead of the next morning")
    resume = RESUME.replace("- Helped build the reporting dashboards for finance\n",
                            f"- {bullet}\n")
    long = [s for s in _suggestions(resume) if s.rule == "long-bullet" and s.before == bullet]
    assert long and not long[0].message.startswith("Split")


@pytest.mark.parametrize(("asked", "row"), [
    ("Experience with Java", "Other:"),             # a language: no front-end skill, no tool
    ("Strong SQL", "Other:"),
    ("Business analysis skills", "Other:"),         # a practice: not among the tools
    ("Experience with Vue.js", "Front end:"),       # a front-end framework: its field's row
    ("Experience with Terraform", "Tools:"),
])
def test_a_field_row_takes_only_its_fields_skills(asked: str, row: str) -> None:
    resume = ("Sam Okafor\nsam@example.com\n\nExperience\nDeveloper, Acme, Jan 2020 - Present\n"
              "- Built the booking pages for 3 clinics\n\nSkills\n"
              "Front end: HTML5, CSS3/SCSS, JavaScript, React\nTools: Git, JIRA, GitHub Actions\n"
              "Other: Figma, Agile\n")
    text, ask = _only_ask(f"Developer\n\nRequirements\n- {asked}\n", resume)
    assert ask.change is not None
    assert text[:ask.change.start].rsplit("\n", 1)[-1].startswith(row)


def test_a_name_spelled_apart_is_asked_by_its_name_and_a_duty_never() -> None:
    found = _pair("Backend Developer\n\nRequirements\n- Experience with Micro Services\n"
                  "- Troubleshooting of production issues\n", WEB_DEV)
    asks = {s.term: s.message for s in found if s.rule == "ask-skill"}
    assert "troubleshooting" not in asks
    assert "Microservices" in asks["microservices"]
    assert "Micro Services" not in asks["microservices"]


def test_stp_in_a_payments_posting_is_no_network_protocol() -> None:
    found = _pair("Payments Analyst\n\nRequirements\n- Experience with STP rates in payments "
                  "operations\n", WEB_DEV)
    assert "routing_switching" not in {s.term for s in found}


def test_a_why_us_section_asks_nothing() -> None:
    found = _pair("Engineer\n\nRequirements\n- Experience with GraphQL\n\nWhy us\n"
                  "- Learn machine learning from our research team\n", WEB_DEV)
    asked = {s.term for s in found if s.rule == "ask-skill"}
    assert "graphql" in asked and "machine_learning" not in asked


def test_asp_net_web_api_shows_rest() -> None:
    resume = WEB_DEV.replace("React, Node.js, PostgreSQL, Git",
                             "C#, ASP.NET Web API, SQL Server")
    found = _pair("Engineer\n\nRequirements\n- Experience with REST APIs\n", resume)
    assert "rest_api" not in {s.term for s in found if s.rule == "ask-skill"}


def test_quantify_counts_no_gerunds_object() -> None:
    bullet = "Built a model for predicting stock prices with daily market data"
    resume = _with_bullet_and_no_figures(bullet)
    prompts = [s for s in _suggestions(resume)
               if s.kind is Kind.QUANTIFY and s.before == bullet]
    assert prompts == []  # neither "[number] predicting" nor "[number] stock prices"


@pytest.mark.parametrize(("bullet", "placed"), [
    ("Provided direct patient care, wound dressings and discharge teaching on the ward", None),
    ("Met with law practice owners to discuss budgets for their office networks", None),
    ("Supported the sales team with weekly pricing reports for the region", None),
    ("Improved by introducing a caching layer for the checkout pages", None),
    ("Delivered training sessions for new hires every month", "Delivered [number] training"),
    ("Reduced the on-call pages for the platform team", "on-call pages by [number or %] for"),
    ("Supply spare parts to stores in the region", "Supply [number] spare parts"),
])
def test_quantify_keeps_out_of_phrases_it_would_break(bullet: str, placed: str | None) -> None:
    resume = _with_bullet_and_no_figures(bullet)
    prompts = [s for s in _suggestions(resume) if s.kind is Kind.QUANTIFY and s.before == bullet]
    if placed is None:
        assert prompts == []
    else:
        assert len(prompts) == 1 and placed in prompts[0].after


def test_research_and_development_is_never_asked() -> None:
    found = _pair("Audio Engineer\n\nRequirements\n- Experience in an R&D organization\n"
                  "- Experience with MATLAB\n", WEB_DEV)
    assert {s.term for s in found if s.rule == "ask-skill"} == {"matlab"}


def test_the_skill_of_a_years_line_is_asked_when_the_resume_lacks_it() -> None:
    found = _pair("Rails Developer\n\nRequirements\n- 2+ years of experience with Ruby on Rails\n"
                  "- 3 years of experience with Spring Boot\n", WEB_DEV)
    asks = {s.term: s.message for s in found if s.rule == "ask-skill"}
    assert asks.get("rails") == "Have you used Ruby on Rails?"
    assert asks.get("spring_boot") == "Have you used Spring Boot?"
    # a skill the resume shows is not asked, however many years the line wants
    found = _pair("Web Developer\n\nRequirements\n- 8+ years of experience with React\n", WEB_DEV)
    assert "react" not in {s.term for s in found if s.rule == "ask-skill"}
