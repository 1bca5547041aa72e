"""Clean DOCX export from PDF, text and pasted resumes: ATS-friendly, and nothing lost."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tailorfit.core import docx_xml as dx
from tailorfit.core.errors import ExportError
from tailorfit.core.export.clean import Line, _list_lines, template_names
from tailorfit.core.export.pipeline import ExportOptions, export_resume
from tailorfit.core.model import Document
from tailorfit.core.parse.resume import Resume, parse_resume
from tailorfit.core.readers import read_document, read_pasted
from tailorfit.core.resources import resource_path, sample_resume
from tests.core.export_docs import W, body_xml, parts

TODAY = date(2026, 11, 27)
TEXT_RESUME = """Dana Rivera
dana.rivera@example.com | (555) 010-2233 | Denver, CO

SUMMARY
Data analyst with 5 years of experience in SQL and Python.

EXPERIENCE
Senior Data Analyst | Peakline Outfitters | Mar 2022 - Present
- Built Tableau dashboards used by 40 store managers
- Automated weekly sales reporting in Python, saving 6 hours a week
Data Analyst | Front Range Credit Union | Jun 2019 - Feb 2022
- Wrote SQL models for loan risk

EDUCATION
B.S. in Statistics, Colorado State University, 2019

SKILLS
SQL, Python, Tableau, Excel, dbt
"""


def _facts(document: Document, resume: Resume) -> dict[str, object]:
    """What must survive an export: roles with dates, bullets, skills and degrees."""
    return {
        "roles": [(r.title, r.employer, (r.dates.start, r.dates.end) if r.dates else None)
                  for r in resume.roles],
        "bullets": [document.text[a:b] for r in resume.roles for a, b in r.bullets],
        "skills": [s.text for s in resume.skills],
        "degrees": [(e.level, e.degree, e.fields) for e in resume.education],
    }


def _export(document: Document, target: Path, template: str | None = None) -> Document:
    export_resume(document, target, options=ExportOptions(template=template, today=TODAY))
    return read_document(target)


def _assert_clean(path: Path, source: Document) -> None:
    root = body_xml(path)
    assert not list(root.iter(f"{{{W}}}tbl")), "no tables for layout"
    assert not list(root.iter(f"{{{W}}}txbxContent")), "no text boxes"
    assert not any(name.startswith(("word/header", "word/footer")) for name in parts(path))
    styles = {el.get(f"{{{W}}}val") for el in root.iter(f"{{{W}}}pStyle")}
    assert {"Title", "Heading1"} <= styles
    if any(b.kind.value == "list_item" and b.text[:1] in "•-*" for b in source.blocks):
        assert "ListBullet" in styles


def _assert_nothing_lost(source: Document, written: Document) -> None:
    before = _facts(source, parse_resume(source, today=TODAY))
    after = _facts(written, parse_resume(written, today=TODAY))
    assert after == before


def test_templates_are_shipped() -> None:
    assert {"classic", "modern"} <= set(template_names())
    for name in template_names():
        assert resource_path("templates", f"{name}.docx").stat().st_size > 10_000


def test_text_resume_becomes_a_clean_docx(tmp_path: Path) -> None:
    source = read_pasted(TEXT_RESUME)
    for template in template_names():
        target = tmp_path / f"{template}.docx"
        written = _export(source, target, template)
        _assert_clean(target, source)
        _assert_nothing_lost(source, written)
        assert written.blocks[0].text == "Dana Rivera"
        assert written.blocks[0].kind.value == "heading"  # the Title style
        contact = written.blocks[1]
        assert contact.region.value == "body" and "dana.rivera@example.com" in contact.text
        bullets = [b for b in written.blocks if b.kind.value == "list_item"]
        assert bullets and all(b.props is not None and b.props.num_id for b in bullets)
        assert all(not b.text.startswith("-") for b in bullets)  # numbering draws the bullet


def test_word_resume_with_a_look_moves_header_contact_into_the_body(tmp_path: Path) -> None:
    source = read_document(sample_resume())
    target = tmp_path / "maya.docx"
    written = _export(source, target, "modern")
    _assert_clean(target, source)
    assert written.blocks[0].text == "Maya Okafor"
    assert "maya.okafor@example.com" in written.blocks[1].text
    assert not any("Page 1" in b.text for b in written.blocks)  # page furniture left out
    text = written.text
    for skill in parse_resume(source, today=TODAY).skills:
        assert skill.text in text
    assert "Languages: Go, Python, PHP, SQL" in text  # a label | value table row, as one line
    assert _facts(written, parse_resume(written, today=TODAY))["roles"] == \
        _facts(source, parse_resume(source, today=TODAY))["roles"]


def test_numbered_lists_count_from_their_own_start_or_keep_their_numbers() -> None:
    def item(text: str) -> object:
        return read_pasted(text).blocks[0]

    up = _list_lines([item("1. First"), item("2. Second")])
    assert [(line.role, line.text, line.start) for line in up] == [
        ("number", "First", 1), ("number", "Second", None)]
    down = _list_lines([item("2. Newer"), item("1. Older")])
    assert [line.role for line in down] == ["para", "para"] and down[0].text == "2. Newer"
    assert _list_lines([item("• Bullet")]) == [Line("bullet", "Bullet")]


def test_unknown_look_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"no look called 'fancy'.*classic"):
        export_resume(read_pasted(TEXT_RESUME), tmp_path / "x.docx",
                      options=ExportOptions(template="fancy"))
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.corpus
def test_every_corpus_pdf_and_text_resume_keeps_roles_dates_bullets_skills_degrees(
        corpus: Path, tmp_path: Path) -> None:
    paths = sorted((corpus / "resumes" / "pdf").glob("*.pdf"))
    paths += sorted((corpus / "resumes" / "text").glob("*.txt"))
    assert len(paths) >= 20
    for number, path in enumerate(paths):
        source = read_document(path)
        target = tmp_path / f"{number}.docx"
        written = _export(source, target, template_names()[number % len(template_names())])
        _assert_clean(target, source)
        _assert_nothing_lost(source, written)
        shown = " ".join(written.text.split())
        for block in source.blocks:  # every line of text is there, page furniture aside
            if block.region.value == "body":
                assert " ".join(block.content.split()) in shown, (path.name, block.text)


def test_headings_and_bullets_are_real_word_structures(tmp_path: Path) -> None:
    target = tmp_path / "dana.docx"
    _export(read_pasted(TEXT_RESUME), target, "classic")
    root = body_xml(target)
    headings = [p for p in root.iter(f"{{{W}}}p")
                if (s := p.find(f"{{{W}}}pPr/{{{W}}}pStyle")) is not None
                and s.get(f"{{{W}}}val") == "Heading1"]
    assert ["".join(dx.run_text(r, W) for r in dx.text_runs(p, W)) for p in headings] == [
        "SUMMARY", "EXPERIENCE", "EDUCATION", "SKILLS"]
    numbering = parts(target)["word/numbering.xml"]
    assert b"w:abstractNum" in numbering
