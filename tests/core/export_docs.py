"""Word files with the constructs an in-place export must handle, and helpers to inspect them."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.oxml.shared import OxmlElement
from docx.shared import Pt
from lxml import etree

from tailorfit.core import docx_xml as dx

W = dx.W_MAIN
NAME = "Jane Q. Example"


def add_hyperlink(paragraph, text: str, url: str, *, bold: bool = False) -> None:
    r_id = paragraph.part.relate_to(url, docx.opc.constants.RELATIONSHIP_TYPE.HYPERLINK,
                                    is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    if bold:
        rpr = OxmlElement("w:rPr")
        rpr.append(OxmlElement("w:b"))
        run.append(rpr)
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def make_resume(path: Path) -> Path:
    """A small resume: header contact, split runs, a hyperlink, numbered bullets, a skills
    table, a tab, and a footer with a PAGE field."""
    document = docx.Document()
    header = document.sections[0].header.paragraphs[0]
    header.add_run("jane@example.com").italic = True
    header.add_run(" | 555-0100 | Austin, TX")
    title = document.add_paragraph(NAME, style="Title")
    title.runs[0].font.size = Pt(24)
    document.add_heading("Summary", level=1)
    document.add_paragraph("Backend engineer with 6 years of experience building payment "
                           "services in Go and Python.")
    document.add_heading("Experience", level=1)
    role = document.add_paragraph()
    role.add_run("Senior Software Engineer").bold = True
    role.add_run("\tJan 2021 - Present")
    document.add_paragraph("Acme Payments, Austin, TX")
    bullet = document.add_paragraph(style="List Bullet")
    bullet.add_run("Built ")
    bold = bullet.add_run("Kaf")
    bold.bold = True
    italic = bullet.add_run("ka pipelines")
    italic.italic = True
    bullet.add_run(" handling 2 million events a day; code at ")
    add_hyperlink(bullet, "github.com/jane", "https://github.com/jane", bold=True)
    bullet.add_run(".")
    document.add_paragraph("Led a team of four engineers through a Kubernetes migration.",
                           style="List Bullet")
    document.add_paragraph("Cut p99 latency from 800 ms to 120 ms.", style="List Bullet")
    role = document.add_paragraph()
    role.add_run("Software Engineer").bold = True
    role.add_run("\tJun 2017 - Dec 2020")
    document.add_paragraph("Bluebonnet Health, Dallas, TX")
    document.add_paragraph("Designed REST APIs in Python for scheduling.", style="List Bullet")
    document.add_heading("Education", level=1)
    document.add_paragraph("B.S. in Computer Science, University of Texas, 2017")
    document.add_heading("Skills", level=1)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Languages"
    table.cell(0, 1).text = "Go, Python, SQL"
    table.cell(1, 0).text = "Tools"
    table.cell(1, 1).text = "Docker, Kubernetes, Terraform"
    footer = document.sections[0].footer.paragraphs[0]
    footer.add_run(f"{NAME} - page ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    run.append(t)
    field.append(run)
    footer._p.append(field)
    document.core_properties.title = "Resume"
    document.save(path)
    return path


def parts(path_or_bytes: Path | bytes) -> dict[str, bytes]:
    data = path_or_bytes.read_bytes() if isinstance(path_or_bytes, Path) else path_or_bytes
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def canonical(xml: bytes, *, drop_modified: bool = False) -> bytes:
    """C14N form of a part (blank text between elements ignored, as Word does)."""
    parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
    root = etree.fromstring(xml, parser=parser)
    if drop_modified:
        for element in list(root):
            if element.tag.endswith("}modified"):
                root.remove(element)
    return etree.tostring(root, method="c14n")


def body_xml(path: Path, part: str = "word/document.xml") -> etree._Element:
    return etree.fromstring(parts(path)[part])


def paragraph_with(root: etree._Element, text: str) -> etree._Element:
    """The first w:p whose visible text contains ``text``."""
    for paragraph in root.iter(f"{{{W}}}p"):
        shown = "".join(dx.run_text(r, W) for r in dx.text_runs(paragraph, W))
        if text in shown:
            return paragraph
    raise AssertionError(f"no paragraph holds {text!r}")


def runs_of(paragraph: etree._Element) -> list[tuple[str, set[str]]]:
    """(text, formatting flags) of each text run: flags such as 'b', 'i', 'link'."""
    found = []
    for run in dx.text_runs(paragraph, W):
        flags = set()
        rpr = run.find(f"{{{W}}}rPr")
        if rpr is not None:
            flags.update(dx.local(c) for c in rpr)
        if dx.local(run.getparent()) == "hyperlink":
            flags.add("link")
        found.append((dx.run_text(run, W), flags))
    return found
