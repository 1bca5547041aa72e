"""The lexicon data is sound and records the facts the matcher depends on."""

from __future__ import annotations

import json
from collections import Counter

from tailorfit.core.lexicon import lexicon_dir, load_lexicon
from tailorfit.core.lexicon.entry import place_in, read_files, validate, word_count

DOMAIN_FILES = {
    "software", "data_cloud", "devops_security", "healthcare", "accounting_finance",
    "sales_marketing_pr", "education", "design_creative", "operations_admin", "project_product",
    "soft_skills", "certificates_licenses", "degrees_fields", "life_sciences",
    "trades_technical",
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


def _problems_for(tmp_path, *entries: str) -> str:  # type: ignore[no-untyped-def]
    (tmp_path / "x.json").write_text('{"domain": "x", "entries": [' + ",".join(entries) + "]}")
    return "\n".join(validate(read_files(tmp_path)))


def _entry(eid: str, name: str, **fields: object) -> str:
    return json.dumps({"id": eid, "name": name, "category": "tool", "type": "hard", **fields})


def test_validator_catches_long_forms(tmp_path) -> None:  # type: ignore[no-untyped-def]
    problems = _problems_for(
        tmp_path,
        _entry("a", "Alpha", aliases=["Alpha platform administration and reporting tasks"]),
        _entry("b", "Certificate of Clinical Competence in Speech-Language Pathology"))
    assert "alias 'Alpha platform administration and reporting tasks' has 6 words" in problems
    assert "name 'Certificate of Clinical Competence in Speech-Language Pathology' has 7" in problems


def test_word_count_skips_dashes_and_display_qualifiers(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert word_count("AWS Certified Solutions Architect - Associate") == 5
    assert _problems_for(
        tmp_path,
        _entry("a", "AWS Certified Solutions Architect - Associate"),
        _entry("b", "Human Resource Management (field of study)")) == ""


def test_validator_catches_sentences(tmp_path) -> None:  # type: ignore[no-untyped-def]
    problems = _problems_for(tmp_path, _entry("a", "Alpha", aliases=[
        "nurse license issued by the board",
        "certification as recognized by the council",
        "enrolled to practice before the IRS",
        "deployed the model",
        "managed a team",
        "maintained alpha pipelines.",
    ]))
    for alias in ("nurse license issued by the board", "certification as recognized by the council",
                  "enrolled to practice before the IRS", "deployed the model", "managed a team",
                  "maintained alpha pipelines."):
        assert f"alias {alias!r} reads as a sentence" in problems, alias
    assert _problems_for(tmp_path, _entry("a", "Alpha", aliases=[
        "deploying ML models", "licensed to practice medicine", "B.Tech."])) == ""


def test_validator_catches_place_names(tmp_path) -> None:  # type: ignore[no-untyped-def]
    problems = _problems_for(
        tmp_path,
        _entry("a", "California RN License"),
        _entry("b", "Beta", aliases=["Beta Toronto"], ambiguous=True,
               negative=["boston, ma", "sunnyvale, ca", "washington, d.c.", "beta, indonesia"],
               positive=["beta in germany", "london beta"]))
    assert "name 'California RN License' names a place ('California')" in problems
    assert "alias 'Beta Toronto' names a place ('Toronto')" in problems
    assert "negative 'boston, ma' names a place" in problems
    assert "negative 'sunnyvale, ca' names a place ('sunnyvale, ca')" in problems  # City, ST
    assert "negative 'washington, d.c.' names a place" in problems
    assert "negative 'beta, indonesia' names a place ('Indonesia')" in problems
    assert "positive 'beta in germany' names a place ('Germany')" in problems
    assert "positive 'london beta' names a place ('London')" in problems


def test_place_rule_spares_skills_named_after_places(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert place_in("MoSCoW prioritization") is None
    assert place_in("moscow office") == "Moscow"
    assert _problems_for(
        tmp_path,
        _entry("phoenix", "Phoenix Framework", negative=["greater phoenix"],
               positive=["elixir/phoenix"]),
        _entry("jakarta_ee", "Jakarta EE")) == ""
    assert "names a place ('Phoenix')" in _problems_for(
        tmp_path, _entry("rails", "Rails", negative=["phoenix office"]))


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


def test_no_form_or_phrase_of_the_lexicon_runs_past_five_words() -> None:
    """Names, aliases and context phrases are names people use, not sentences lifted from
    one document: at most five words, whatever a dash or a qualifier adds."""
    import json

    from tailorfit.core.lexicon import lexicon_dir

    long: list[str] = []
    for path in sorted(lexicon_dir().glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for entry in data if isinstance(data, list) else data["entries"]:
            forms = [entry["name"], *entry.get("aliases", ()), *entry.get("abbreviations", ()),
                     *entry.get("negative", ()), *entry.get("positive", ())]
            long += [f"{entry['id']}: {f}" for f in forms if len(f.split()) > 5]
    assert not long, long
