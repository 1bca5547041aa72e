"""The edit model: typed changes recovered by diffing, suggestions checked and converted,
insertion points, overlap checks, placeholders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tailorfit.core.edits import (
    EditKind,
    Origin,
    apply_edits,
    check_edits,
    insert_text,
    replace_text,
    word_edits,
)
from tailorfit.core.errors import (
    EditConflictError,
    EditsFileError,
    PlaceholderError,
    StaleSuggestionError,
)
from tailorfit.core.export.checks import check_placeholders, find_placeholders
from tailorfit.core.export.suggestions import (
    AcceptedSuggestion,
    load_suggestions,
    parse_suggestions,
    suggestion_edits,
)
from tailorfit.core.export.typed import typed_edits
from tailorfit.core.model import DocxAnchor, InsertionPoint, Position, TextAnchor
from tailorfit.core.readers import read_document, read_pasted
from tailorfit.core.resources import sample_resume

TEXT = """Dana Rivera
EXPERIENCE
Senior Data Analyst | Peakline | 2022 - Present
• Built Tableau dashboards for 40 stores
• Wrote SQL models
SKILLS
SQL, Python, Tableau"""


def test_word_edits_touch_only_changed_words() -> None:
    document = read_pasted(TEXT)
    edits = word_edits(document, 3, "• Built Looker and Tableau dashboards for 40 stores")
    assert [(e.kind, e.text.strip()) for e in edits] == [(EditKind.INSERT, "Looker and")]
    assert isinstance(edits[0].anchors[0], TextAnchor)


def test_insertion_points_have_anchors() -> None:
    document = read_document(sample_resume())
    index = next(i for i, b in enumerate(document.blocks) if b.text.startswith("Go, Python"))
    inside = insert_text(document, InsertionPoint(index, Position.INSIDE), ", Rust")
    anchor = inside.anchors[0]
    assert isinstance(anchor, DocxAnchor) and anchor.start == anchor.end == 20
    after = insert_text(document, InsertionPoint(index, Position.AFTER), "Ruby")
    assert after.is_paragraph and isinstance(after.anchors[0], DocxAnchor)
    assert after.anchors[0].paragraph == anchor.paragraph


def test_typed_edits_find_changed_new_and_removed_lines() -> None:
    document = read_pasted(TEXT)
    working = TEXT.replace("Wrote SQL models", "Wrote dbt and SQL models").replace(
        "SQL, Python, Tableau", "SQL, Python, Tableau, dbt").replace(
        "• Built Tableau dashboards for 40 stores\n", "")
    working = working.replace("SKILLS", "Cut report time by 60%\nSKILLS")
    edits = typed_edits(document, working)
    kinds = sorted((e.kind.value, e.block, e.position.value) for e in edits)
    assert kinds == [("delete", 3, "inside"), ("insert", 4, "after"), ("insert", 4, "inside"),
                     ("insert", 6, "inside")]
    assert all(e.origin is Origin.TYPED for e in edits)
    assert apply_edits(document, edits).text == "\n".join(
        line for line in working.split("\n"))


def test_new_line_under_a_heading_or_above_a_list_copies_the_block_below() -> None:
    document = read_pasted(TEXT)
    under_heading = TEXT.replace("EXPERIENCE\n", "EXPERIENCE\nStaff Analyst | Peakline | 2024\n")
    (edit,) = typed_edits(document, under_heading)
    assert (edit.block, edit.position) == (2, Position.BEFORE)
    top_of_list = TEXT.replace("2022 - Present\n", "2022 - Present\n• Led a team of 3\n")
    (edit,) = typed_edits(document, top_of_list)
    assert (edit.block, edit.position) == (3, Position.BEFORE)


def test_whitespace_only_differences_are_no_edits() -> None:
    document = read_pasted(TEXT)
    assert typed_edits(document, TEXT.replace("Wrote SQL", "Wrote  SQL") + "\n\n") == []


def test_overlapping_edits_are_refused() -> None:
    document = read_pasted(TEXT)
    first = replace_text(document, 4, 2, 7, "Built")
    second = replace_text(document, 4, 5, 10, "x")
    with pytest.raises(EditConflictError, match="overlap"):
        check_edits(document, [first, second])
    same_place = [insert_text(document, InsertionPoint(6, Position.INSIDE), ", Go"),
                  insert_text(document, InsertionPoint(6, Position.INSIDE), ", R")]
    assert apply_edits(document, same_place).blocks[6].text == "SQL, Python, Tableau, Go, R"


def _suggestion(**fields: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": "s1", "kind": "rewrite", "message": "Name dbt", "reason": "The posting asks for dbt",
        "requirement_id": "r3", "needs_confirmation": False, "score_delta": 4,
        "target": {"text": "SQL models", "block": 4, "anchors": []},
        "before": "• Wrote SQL models", "after": "• Wrote dbt and SQL models"}
    base.update(fields)
    return base


def test_suggestions_apply_and_chain() -> None:
    document = read_pasted(TEXT)
    suggestions = parse_suggestions({"schema": "tailorfit.suggestions/1", "suggestions": [
        _suggestion(),
        _suggestion(id="s2", before="• Wrote dbt and SQL models",
                    after="• Wrote dbt and SQL models for loan risk"),
        _suggestion(id="s3", before="", after="Looker",
                    target={"block": 6, "position": "inside"}),
        _suggestion(id="s4", before="", after="• Cut report time by 60%",
                    target={"block": 4, "position": "after"}),
    ]})
    edits = suggestion_edits(document, suggestions)
    tailored = apply_edits(document, edits)
    assert "• Wrote dbt and SQL models for loan risk" in tailored.text
    assert "SQL, Python, Tableau, Looker" in tailored.text
    assert "• Cut report time by 60%" in tailored.text
    assert {tuple(e.suggestions) for e in edits} == {("s1", "s2"), ("s3",), ("s4",)}


def test_suggestion_matching_the_text_without_its_bullet() -> None:
    document = read_pasted(TEXT)
    (suggestion,) = parse_suggestions({"schema": "tailorfit.suggestions/1", "suggestions": [
        _suggestion(before="Wrote SQL models", after="Wrote SQL models in dbt")]})
    tailored = apply_edits(document, suggestion_edits(document, [suggestion]))
    assert tailored.blocks[4].text == "• Wrote SQL models in dbt"


def test_stale_suggestion_is_refused_with_a_clear_message() -> None:
    document = read_pasted(TEXT)
    stale = AcceptedSuggestion("s9", "rewrite", "", 4, "• Wrote Python models", "x")
    with pytest.raises(StaleSuggestionError, match='"s9" no longer matches the resume'):
        suggestion_edits(document, [stale])
    outside = AcceptedSuggestion("s8", "rewrite", "", 40, "a", "b")
    with pytest.raises(StaleSuggestionError, match="block 40"):
        suggestion_edits(document, [outside])


def test_stale_anchors_are_refused() -> None:
    document = read_document(sample_resume())
    index = next(i for i, b in enumerate(document.blocks) if b.text.startswith("Go, Python"))
    wrong = {"type": "docx", "part": "word/document.xml", "paragraph": 3, "run": 0,
             "start": 0, "end": 2}
    suggestion = AcceptedSuggestion("s1", "skill", "", index, "", "Rust",
                                    position=Position.INSIDE, anchors=(wrong,))
    with pytest.raises(StaleSuggestionError, match="not block"):
        suggestion_edits(document, [suggestion])


def test_edits_file_schema_errors(tmp_path: Path) -> None:
    path = tmp_path / "edits.json"
    path.write_text(json.dumps({"schema": "other/1", "suggestions": []}))
    with pytest.raises(EditsFileError, match=r"tailorfit\.suggestions/1"):
        load_suggestions(path)
    path.write_text("{not json")
    with pytest.raises(EditsFileError, match="not a readable JSON"):
        load_suggestions(path)
    path.write_text(json.dumps({"schema": "tailorfit.suggestions/1", "suggestions": [
        _suggestion(before="", target={"block": 1})]}))
    with pytest.raises(EditsFileError, match='without a "position"'):
        load_suggestions(path)
    with pytest.raises(EditsFileError, match="does not exist"):
        load_suggestions(tmp_path / "missing.json")


def test_placeholders_are_found_and_stop_the_export() -> None:
    assert find_placeholders(["Cut latency by [X%] for [number] clients",
                              "Saved $X a year", "Python [advanced]", "Grew revenue XX%"]) == [
        "[X%]", "[number]", "$X", "XX%"]
    document = read_pasted(TEXT)
    edits = word_edits(document, 4, "• Wrote SQL models, cutting costs by [X%]")
    with pytest.raises(PlaceholderError) as caught:
        check_placeholders(edits, allow=False)
    assert caught.value.placeholders == ("[X%]",)
    assert "--allow-placeholders" in caught.value.message
    check_placeholders(edits, allow=True)


def test_plan_labels_typed_changes_that_carry_accepted_suggestions() -> None:
    from tailorfit.core.export import plan_edits

    document = read_pasted(TEXT)
    accepted = [AcceptedSuggestion("s1", "rewrite", "Name dbt", 4, "• Wrote SQL models",
                                   "• Wrote dbt and SQL models"),
                AcceptedSuggestion("s2", "skill", "Add Looker", 6, "", "Looker",
                                   position=Position.INSIDE)]
    working = TEXT.replace("Wrote SQL models", "Wrote dbt and SQL models").replace(
        "SQL, Python, Tableau", "SQL, Python, Tableau, Looker").replace(
        "Dana Rivera", "Dana M. Rivera")
    edits = plan_edits(document, working_text=working, accepted=accepted)
    labels = {e.block: (e.origin, e.suggestions) for e in edits}
    assert labels[4] == (Origin.SUGGESTION, ("s1",))
    assert labels[6] == (Origin.SUGGESTION, ("s2",))
    assert labels[0] == (Origin.TYPED, ())
    assert plan_edits(document, accepted=accepted[:1])[0].suggestions == ("s1",)


@pytest.mark.parametrize(("listed", "answer", "added"), [
    ("JavaScript, HTML, CSS", "Java", True),   # Java is not in JavaScript
    ("Node.js, SQL", "Node", True),
    ("Java, SQL, Python", "Java", False),      # already there as an item
    ("SQL, Python, Tableau", "python", False),
])
def test_an_answer_is_added_unless_the_row_holds_it_as_an_item(listed: str, answer: str,
                                                               added: bool) -> None:
    document = read_pasted(TEXT.replace("SQL, Python, Tableau", listed))
    (suggestion,) = parse_suggestions({"schema": "tailorfit.suggestions/1", "suggestions": [
        _suggestion(id="s1", before="", after=answer,
                    target={"block": 6, "position": "inside"})]})
    edits = suggestion_edits(document, [suggestion])
    assert bool(edits) is added
    if added:
        assert apply_edits(document, edits).blocks[6].text == f"{listed}, {answer}"
