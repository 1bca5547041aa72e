"""ATS warnings: tables, text boxes, columns, header-only contact, images, odd headings,
uncommon fonts, length."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Inches

from tailorfit.core.export.ats import ats_warnings
from tailorfit.core.parse.resume import parse_resume
from tailorfit.core.readers import read_document

# A 1x1 transparent PNG.
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")


def _warnings(path: Path) -> dict[str, str]:
    document = read_document(path)
    found = ats_warnings(path.read_bytes(), document, parse_resume(document))
    return {w.code: w.message for w in found}


def _plain(path: Path, *, contact_in_body: bool = True) -> docx.Document:
    document = docx.Document()
    if contact_in_body:
        document.add_paragraph("Jane Example")
        document.add_paragraph("jane@example.com | 555-0100")
    document.add_heading("Experience", level=1)
    document.add_paragraph("Engineer, Acme, 2020 - 2024")
    document.add_paragraph("Built services in Go.", style="List Bullet")
    document.add_heading("Skills", level=1)
    document.add_paragraph("Go, Python")
    return document


def test_a_plain_single_column_resume_has_no_warnings(tmp_path: Path) -> None:
    path = tmp_path / "plain.docx"
    _plain(path).save(path)
    assert _warnings(path) == {}


def test_layout_constructs_are_each_named(tmp_path: Path) -> None:
    document = _plain(tmp_path, contact_in_body=False)
    document.sections[0].header.paragraphs[0].text = "jane@example.com | 555-0100"
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("Go", "Python", "SQL"), strict=True):
        cell.text = text
    box = document.add_paragraph()
    box._p.append(parse_xml(
        f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape '
        'style="width:100pt;height:40pt"><v:textbox><w:txbxContent><w:p><w:r><w:t>Side '
        "note</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"))
    document.add_picture(io.BytesIO(PIXEL), width=Inches(0.5))
    sect = document.sections[0]._sectPr
    for old in sect.findall(qn("w:cols")):
        sect.remove(old)
    sect.append(parse_xml(f'<w:cols {nsdecls("w")} w:num="2" w:space="720"/>'))
    run = document.add_paragraph().add_run("Signed in a fancy hand")
    run.font.name = "Comic Sans MS"
    document.add_heading("Odds and Ends", level=1)
    document.add_heading("Hobbies and Other Things I Like", level=1)
    path = tmp_path / "busy.docx"
    document.save(path)
    found = _warnings(path)
    assert set(found) == {"table", "textbox", "columns", "contact", "image", "font", "heading"}
    assert "1 rows, up to 3 columns" in found["table"]
    assert "Comic Sans MS" in found["font"]
    assert "2 columns" in found["columns"]
    assert "\"Odds and Ends\"" in found["heading"]


def test_a_long_resume_is_flagged(tmp_path: Path) -> None:
    document = _plain(tmp_path)
    for number in range(140):
        document.add_paragraph(f"Delivered project {number} on time, cutting costs by a "
                               "measurable share and earning praise from every client.",
                               style="List Bullet")
    path = tmp_path / "long.docx"
    document.save(path)
    assert "pages" in _warnings(path)
