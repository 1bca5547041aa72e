"""The lexicon data is sound and records the facts the matcher depends on."""

from __future__ import annotations

from collections import Counter

from tailorfit.core.lexicon import lexicon_dir, load_lexicon
from tailorfit.core.lexicon.entry import read_files, validate

DOMAIN_FILES = {
    "software", "data_cloud", "devops_security", "healthcare", "accounting_finance",
    "sales_marketing_pr", "education", "design_creative", "operations_admin", "project_product",
    "soft_skills", "certificates_licenses", "degrees_fields",
}


def test_lexicon_files_validate() -> None:
    files = read_files(lexicon_dir())
    assert {f.path.stem for f in files} == DOMAIN_FILES
    assert validate(files) == []


def test_validator_catches_broken_data(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "bad.json").write_text(
        '{"domain": "x", "entries": ['
        '{"id": "a", "name": "Alpha", "category": "tool", "type": "hard", "implies": ["b"]},'
        '{"id": "b", "name": "Beta", "category": "tool", "type": "hard", "implies": ["a"]},'
        '{"id": "c", "name": "Alpha", "category": "nope", "type": "hard", "related": ["zz"]},'
        '{"id": "c", "name": "Gamma", "category": "tool", "type": "hard"}]}')
    problems = "\n".join(validate(read_files(tmp_path)))
    assert "duplicate id 'c'" in problems
    assert "unknown category 'nope'" in problems
    assert "related target 'zz' does not exist" in problems
    assert "surface form 'alpha' belongs to ['a', 'c']" in problems
    assert "implies cycle" in problems


def test_size_and_coverage() -> None:
    lexicon = load_lexicon()
    assert len(lexicon) >= 2000
    categories = Counter(e.category for e in lexicon.entries.values())
    assert categories["certificate"] + categories["license"] >= 150
    assert categories["degree"] >= 30 and categories["degree_field"] >= 60
    assert categories["soft"] >= 50
    assert sum(1 for e in lexicon.entries.values() if e.ambiguous) >= 100


def test_implied_skills() -> None:
    lexicon = load_lexicon()
    assert {"service_mesh", "microservices"} <= lexicon.ancestors("istio")
    assert "php" in lexicon.ancestors("laravel")
    assert "kubernetes" in lexicon.ancestors("gke")
    assert "relational_databases" in lexicon.ancestors("postgresql")
    assert "istio" in lexicon.descendants("service_mesh")
    assert "postgresql" in lexicon.related("mysql")


def test_ambiguous_short_names_carry_context_rules() -> None:
    lexicon = load_lexicon()
    for entry_id in ("go", "r", "c", "swift", "rust", "spring", "excel", "chef", "puppet",
                     "express", "rails", "oracle_database", "sap", "julia", "dart", "ruby"):
        entry = lexicon[entry_id]
        assert entry.ambiguous, entry_id
        assert entry.case_sensitive or entry.negative, entry_id
