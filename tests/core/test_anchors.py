"""Any range of analysed text maps back to its place in the original file."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.oxml.shared import OxmlElement

from tailorfit.core import docx_xml as dx
from tailorfit.core.model import DocxAnchor, PdfAnchor, Region, TextAnchor
from tailorfit.core.normalize import normalize
from tailorfit.core.readers import read_document
from tests.pdfgen import Page, build_pdf


def _add_hyperlink(paragraph, text: str, url: str) -> None:
    r_id = paragraph.part.relate_to(url, docx.opc.constants.RELATIONSHIP_TYPE.HYPERLINK,
                                    is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def make_docx(path: Path) -> Path:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "jane@example.com | 555-0100"
    document.add_heading("Experience", level=1)
    para = document.add_paragraph("Built ")
    bold = para.add_run("Kaf")
    bold.bold = True
    para.add_run("ka pipelines in “Go” – see ")
    _add_hyperlink(para, "github.com/jane", "https://github.com/jane")
    para.add_run(" for code.")
    document.add_paragraph("Led a team of four", style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Languages"
    table.cell(0, 1).text = "Go, Python, SQL"
    document.sections[0].footer.paragraphs[0].text = "Page footer text"
    document.save(path)
    return path


def _docx_run_text(path: Path, anchor: DocxAnchor) -> str:
    with zipfile.ZipFile(path) as archive:
        root = dx.etree.fromstring(archive.read(anchor.part), parser=dx.safe_parser())
    w = dx.namespace_of(root)
    paragraph = list(dx.paragraphs(root, w))[anchor.paragraph]
    run = list(dx.text_runs(paragraph, w))[anchor.run]
    return dx.run_text(run, w)[anchor.start:anchor.end]


def test_docx_anchors_point_at_runs_including_hyperlinks(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "resume.docx")
    document = read_document(path)
    texts = [b.text for b in document.blocks]
    assert texts[0] == "jane@example.com | 555-0100"
    assert document.blocks[0].region is Region.HEADER
    assert document.blocks[-1].region is Region.FOOTER
    sentence = next(b for b in document.blocks if b.text.startswith("Built"))
    assert sentence.text == 'Built Kafka pipelines in "Go" - see github.com/jane for code.'
    # "Kafka" spans two runs; "github.com/jane" lives inside a w:hyperlink.
    start = document.text.index("Kafka")
    anchors = document.anchors(start, start + len("Kafka"))
    assert [_docx_run_text(path, a) for a in anchors] == ["Kaf", "ka"]
    start = document.text.index("github.com/jane")
    (anchor,) = document.anchors(start, start + len("github.com/jane"))
    assert isinstance(anchor, DocxAnchor)
    assert _docx_run_text(path, anchor) == "github.com/jane"
    start = document.text.index("Go, Python")
    (anchor,) = document.anchors(start, start + 2)
    assert _docx_run_text(path, anchor) == "Go"


def test_every_docx_block_maps_back_exactly(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "resume.docx")
    document = read_document(path)
    for index, block in enumerate(document.blocks):
        start = document.block_start(index)
        source = "".join(_docx_run_text(path, a) for a in document.anchors(start, start + len(block.text)))
        assert normalize(source).text == block.text


def test_text_anchors_give_line_and_columns(tmp_path: Path) -> None:
    raw = "Title line\n\n  • First item with  spaces\nSecond line\n"
    path = tmp_path / "posting.txt"
    path.write_text(raw, encoding="utf-8")
    document = read_document(path)
    lines = raw.split("\n")
    for word in ("First", "spaces", "Second", "Title"):
        start = document.text.index(word)
        (anchor,) = document.anchors(start, start + len(word))
        assert isinstance(anchor, TextAnchor)
        assert lines[anchor.line - 1][anchor.start:anchor.end] == word


def test_pdf_anchors_give_page_and_box(tmp_path: Path) -> None:
    path = tmp_path / "resume.pdf"
    path.write_bytes(build_pdf([Page().text(72, 700, "Page one text"),
                                Page().text(300, 500, "Kubernetes expert", 12)]))
    document = read_document(path)
    start = document.text.index("Kubernetes")
    (anchor,) = document.anchors(start, start + len("Kubernetes"))
    assert isinstance(anchor, PdfAnchor)
    assert anchor.page == 1
    x0, y0, x1, y1 = anchor.bbox
    assert 299 <= x0 <= 302 and 360 < x1 < 380  # ten Helvetica glyphs at 12 pt
    assert 495 <= y0 <= 501 and 505 < y1 <= 512
    assert anchor.end - anchor.start == len("Kubernetes")


def test_ranges_across_blocks_give_anchors_from_each(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("one two\nthree four\n", encoding="utf-8")
    document = read_document(path)
    anchors = document.anchors(4, 13)  # "two\nthree"
    assert anchors == [TextAnchor(1, 4, 7), TextAnchor(2, 0, 5)]


def test_out_of_range_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("short", encoding="utf-8")
    document = read_document(path)
    with pytest.raises(ValueError):
        document.anchors(0, 99)


def test_zip_layout_is_read_without_python_docx_objects(tmp_path: Path) -> None:
    # A .docm (macro-enabled) package: its text is read, nothing in it is run.
    path = make_docx(tmp_path / "resume.docx")
    data = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(data, "w") as dst:
        for item in src.infolist():
            content = src.read(item)
            if item.filename == "[Content_Types].xml":
                content = content.replace(
                    b"wordprocessingml.document.main+xml",
                    b"ms-word.document.macroEnabled.main+xml").replace(
                    b"application/vnd.openxmlformats-officedocument.ms-word",
                    b"application/vnd.ms-word")
            dst.writestr(item, content)
        dst.writestr("word/vbaProject.bin", b"\x00binary macro payload")
    macro = tmp_path / "resume.docm"
    macro.write_bytes(data.getvalue())
    document = read_document(macro)
    assert "Led a team of four" in document.text
