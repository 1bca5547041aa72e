"""Finding terms: aliases, case rules, plurals, typos, and the traps that fool naive matchers."""

from __future__ import annotations

import pytest

from tailorfit.core.lexicon import load_lexicon
from tailorfit.core.lexicon.terms import find_terms, loose_terms, scan
from tailorfit.core.readers import read_pasted


def terms(text: str, tech: bool = False) -> list[tuple[str, str]]:
    accepted, _ = scan(load_lexicon(), text, tech)
    return [(entry, text[start:end]) for entry, start, end in accepted]


def entries(text: str, tech: bool = False) -> set[str]:
    return {entry for entry, _ in terms(text, tech)}


# Each trap sentence must not produce the entry named beside it.
TRAPS = [
    ("You are the go-to person for payments", "go"),
    ("Let go of blockers quickly", "go"),
    ("Ready to work on the go", "go"),
    ("Help us go live in May", "go"),
    ("Go beyond the ticket and go the extra mile", "go"),
    ("Report to C-level executives", "c"),
    ("Present to the C-suite monthly", "c"),
    ("We just closed our Series C round", "c"),
    ("Partner with R&D teams", "r"),
    ("You excel at written communication", "excel"),
    ("Grew up in the Rust Belt", "rust"),
    ("Known for swift turnaround on requests", "swift"),
    ("Start in the spring semester", "spring"),
    ("Worked as head chef and sous chef", "chef"),
    ("Please express interest by email", "express"),
    ("Make sure every release is tested", "make"),
    ("Keep the project on the rails", "rails"),
    ("React to incidents calmly", "react"),
    ("Take a rest between shifts", "rest_api"),
    ("go to market planning with sales", "go"),
]


@pytest.mark.parametrize(("sentence", "entry"), TRAPS)
def test_trap_phrases_never_match(sentence: str, entry: str) -> None:
    assert entry not in entries(sentence)


def test_go_in_context() -> None:
    assert entries("Go (Golang) services") >= {"go"}
    assert entries("I wrote services in Go") >= {"go"}
    assert entries("Senior Go developer") >= {"go"}
    assert entries("Experience with Go, PHP and Kubernetes") >= {"go", "php", "kubernetes"}
    assert "go" not in entries("where do we go from here")  # lower case is the verb


def test_skills_section_is_context() -> None:
    assert "go" not in entries("Go")
    assert "go" in entries("Go", tech=True)


def test_aliases_and_abbreviations() -> None:
    assert terms("Golang microservices") == [("go", "Golang"), ("microservices", "microservices")]
    assert entries("K8s and IaC with Terraform") >= {"kubernetes", "infrastructure_as_code",
                                                     "terraform"}
    assert entries("C++ and C# and .NET") >= {"cpp", "csharp", "dotnet"}
    assert entries("RN license, BLS and ACLS") >= {"bls", "acls"}


def test_joined_punctuation_must_stay_joined() -> None:
    assert "nodejs" in entries("Node.js and React")
    assert "nodejs" not in entries("the node . js file")


def test_plurals_fold() -> None:
    assert "rest_api" in entries("RESTful APIs")
    assert "relational_databases" in entries("relational database")


def test_long_forms_tolerate_typos_short_ones_do_not() -> None:
    assert "continuous_integration" in entries("continous integration pipelines")
    assert "infrastructure_as_code" in entries("infrastucture as code")
    assert "machine_learning" in entries("machine lerning models")
    assert not entries("Experience designing APIs") & {"ux_design", "user_experience_design"}
    assert "java" not in entries("Jav developer")


def test_same_spelling_resolved_by_company_it_keeps() -> None:
    assert "technical_program_management" in entries("An effective TPM function in an SRE org")
    assert "total_productive_maintenance" in entries("TPM and 5S in lean manufacturing")


def test_one_sense_per_document() -> None:
    document = read_pasted("Skills\nKafka, Go\n\nExperience\nBuilt a Kafka-based event pipeline")
    found = find_terms(document, load_lexicon(), frozenset({1}))
    kafka = [hit for hit in found if hit.entry == "kafka"]
    assert len(kafka) == 2  # the bullet's Kafka counts because Skills lists it


def test_hits_point_at_document_text() -> None:
    document = read_pasted("Requirements\n- Strong Python and PostgreSQL\n- Kubernetes")
    for hit in find_terms(document, load_lexicon()):
        assert document.text[hit.start:hit.end] == hit.text


def _loose(text: str) -> list[tuple[str, str]]:
    document = read_pasted(text)
    return [(h.entry, h.text) for h in
            loose_terms(document, load_lexicon(), 0, len(document.text))]


@pytest.mark.parametrize(("text", "found"), [
    ("Experience managing the end-to-end lifecycle of technical projects",
     [("project_management", "managing the end-to-end lifecycle of technical projects")]),
    ("Experience developing and analyzing large, complex data sets",
     [("data_analysis", "analyzing large, complex data")]),
    # a second verb, a sentence's end or a parenthesis ends the reach
    ("Managing staff and running weekly projects", []),
    ("Skilled at managing. Projects come later", []),
    ("Experience managing (mostly small) projects", []),
    # too far apart to be one phrase
    ("Managing a busy front desk with eight phone lines for three dental projects", []),
])
def test_a_verb_led_form_may_have_words_inside_it(text: str,
                                                  found: list[tuple[str, str]]) -> None:
    assert _loose(text) == found
