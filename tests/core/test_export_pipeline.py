"""A whole export: progress, the read-back check, the score check, ATS warnings, the report."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

import pytest

from tailorfit.core.edits import word_edits
from tailorfit.core.errors import ExportCheckError, ExportError, PlaceholderError
from tailorfit.core.export import checks as checks_module
from tailorfit.core.export.pipeline import ExportOptions, export_resume
from tailorfit.core.export.report import edit_rows, render_report, write_report_html
from tailorfit.core.export.suggestions import AcceptedSuggestion, suggestion_edits
from tailorfit.core.export.typed import typed_edits
from tailorfit.core.match import analyze
from tailorfit.core.parse.posting import parse_posting
from tailorfit.core.parse.resume import parse_resume
from tailorfit.core.readers import read_document, read_pasted
from tailorfit.core.resources import sample_posting, sample_resume

TODAY = date(2026, 11, 27)


@pytest.fixture(scope="module")
def posting():  # type: ignore[no-untyped-def]
    return parse_posting(read_document(sample_posting()))


@pytest.fixture
def resume(tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "maya.docx"
    path.write_bytes(sample_resume().read_bytes())
    return read_document(path)


def test_export_reports_progress_and_checks_the_result(resume, posting, tmp_path: Path) -> None:
    index = next(i for i, b in enumerate(resume.blocks) if b.text.startswith("Designed versioned"))
    before = resume.blocks[index].text
    after = before.replace("REST APIs", "REST and gRPC APIs")
    edits = suggestion_edits(resume, [AcceptedSuggestion("s1", "rewrite", "Show gRPC", index,
                                                         before, after)])
    stages: list[tuple[str, float]] = []
    result = export_resume(resume, tmp_path / "out.docx", edits=edits, posting=posting,
                           options=ExportOptions(today=TODAY),
                           progress=lambda stage, done: stages.append((stage, done)))
    fractions = [done for _, done in stages]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert result.mode == "in-place" and all(c.present for c in result.checks)
    assert result.score_before == result.score_after and result.score_matches
    assert after in read_document(result.path).text
    assert {w.code for w in result.warnings} == {"table", "contact"}


def test_window_expected_score_is_compared(resume, posting, tmp_path: Path) -> None:
    result = export_resume(resume, tmp_path / "out.docx", posting=posting, expected_score=3,
                           options=ExportOptions(today=TODAY))
    assert not result.score_matches and "not 3" in result.notes[0]


def test_placeholders_stop_the_export_and_write_nothing(resume, tmp_path: Path) -> None:
    index = next(i for i, b in enumerate(resume.blocks) if b.text.startswith("Mentored"))
    edits = word_edits(resume, index, resume.blocks[index].text + " Cut onboarding by [X%].")
    target = tmp_path / "out.docx"
    with pytest.raises(PlaceholderError, match=r"\[X%\]"):
        export_resume(resume, target, edits=edits)
    assert not target.exists()
    export_resume(resume, target, edits=edits, options=ExportOptions(allow_placeholders=True))
    assert "[X%]" in read_document(target).text


def test_an_edit_missing_from_the_written_file_writes_nothing(
        resume, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = next(i for i, b in enumerate(resume.blocks) if b.text.startswith("Mentored"))
    edits = word_edits(resume, index, "Mentored 5 engineers.")
    real = checks_module.check_edits_present

    def lose_everything(source, edits, written):  # type: ignore[no-untyped-def]
        return [checks_module.EditCheck(c.edit, c.expected, False)
                for c in real(source, edits, written)]

    monkeypatch.setattr("tailorfit.core.export.pipeline.check_edits_present", lose_everything)
    target = tmp_path / "out.docx"
    with pytest.raises(ExportCheckError, match="was not saved"):
        export_resume(resume, target, edits=edits)
    assert list(tmp_path.iterdir()) == [tmp_path / "maya.docx"]


def test_tracked_changes_need_an_in_place_export(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="Tracked changes"):
        export_resume(read_pasted("Jo Doe\nEXPERIENCE\nDid things"), tmp_path / "x.docx",
                      options=ExportOptions(tracked=True))


def test_report_escapes_the_postings_text_and_lists_everything(tmp_path: Path) -> None:
    hostile = ("Senior Engineer\nRequirements\n- 5+ years of <script>alert('x')</script> "
               "Python\n- Kubernetes <b>experience</b>\n- GraphQL")
    posting = parse_posting(read_pasted(hostile))
    resume_doc = read_document(sample_resume())
    working = resume_doc.text.replace("Python service", "Python and GraphQL service")
    edits = typed_edits(resume_doc, working)
    analysis = analyze(posting, parse_resume(resume_doc, today=TODAY))
    page = render_report(analysis, edits=edit_rows(resume_doc, edits))
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<b>experience</b>" not in page
    assert f">{analysis.score}<" in page
    for verdict in analysis.verdicts:
        assert html.escape(verdict.requirement.text, quote=False) in page.replace("&#39;", "'")
    assert "Gaps to prepare for in an interview" in page
    assert "Your edit" in page and "Python and GraphQL service" in page
    target = tmp_path / "report.html"
    write_report_html(page, target)
    assert target.read_text(encoding="utf-8") == page
