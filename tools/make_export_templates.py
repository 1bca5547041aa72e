"""Write the DOCX style templates a clean export builds on (resources/templates/*.docx).

Usage: python tools/make_export_templates.py

A clean export (a resume read from a PDF, text or pasted, or a DOCX with --template) opens
one of these, empties its body and adds the resume's paragraphs in its named styles:

  Title        the person's name
  Contact      contact lines under the name (in the body: many ATS skip page headers)
  Heading 1    section headings ("Experience"); Heading 2 for sub-headings
  Entry        a role's or a degree's header line (kept with the lines under it)
  List Bullet  bullets, with real Word numbering (List Bullet 2 for a second level)
  List Number  numbered items, with real Word numbering restarted per list
  Normal       everything else

Both looks use standard fonts, a single column, no tables or text boxes, and US Letter
pages with 0.75 inch margins. The output is deterministic (fixed dates and zip timestamps).
Do not edit the .docx files by hand: change this script and run it again.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "resources" / "templates"
FIXED_DATE = dt.datetime(2026, 12, 1, 9, 0, 0)
ZIP_DATE = (2026, 12, 1, 9, 0, 0)


@dataclass(frozen=True)
class Look:
    name: str
    body_font: str
    heading_font: str
    body_size: float
    name_size: float
    heading_size: float
    accent: RGBColor
    centred_top: bool
    heading_caps: bool
    heading_rule: bool


LOOKS = (
    Look("classic", "Times New Roman", "Times New Roman", 10.5, 20, 11.5,
         RGBColor(0, 0, 0), centred_top=True, heading_caps=True, heading_rule=True),
    Look("modern", "Calibri", "Calibri", 10.5, 24, 12.5,
         RGBColor(0x1F, 0x4E, 0x79), centred_top=False, heading_caps=False, heading_rule=False),
)


def set_font(style, name: str) -> None:
    """All four rFonts slots, so no theme font wins for any script."""
    style.font.name = name
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def bottom_rule(style, color: str) -> None:
    ppr = style.element.get_or_add_pPr()
    for old in ppr.findall(qn("w:pBdr")):
        ppr.remove(old)
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", color)):
        bottom.set(qn(key), value)
    border.append(bottom)
    anchor = next((ppr.find(qn(t)) for t in ("w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc")
                   if ppr.find(qn(t)) is not None), None)
    if anchor is not None:
        anchor.addprevious(border)
    else:
        ppr.append(border)


def drop_border(style) -> None:
    ppr = style.element.get_or_add_pPr()
    for old in ppr.findall(qn("w:pBdr")):
        ppr.remove(old)


def build(look: Look) -> Document:
    doc = Document()
    rels = doc.part.package.rels
    for r_id, rel in list(rels.items()):
        if rel.reltype == RT.THUMBNAIL:  # a picture of some other document
            rels.pop(r_id)
    props = doc.core_properties
    props.author = "Tailorfit"
    props.last_modified_by = "Tailorfit"
    props.title = f"Tailorfit resume template: {look.name}"
    props.subject = ""
    props.keywords = ""
    props.comments = "Style template for Tailorfit's clean DOCX export."
    props.category = ""
    props.revision = 1
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE

    section = doc.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    section.left_margin = section.right_margin = Inches(0.75)
    section.top_margin = section.bottom_margin = Inches(0.7)

    styles = doc.styles
    accent_hex = str(look.accent)
    normal = styles["Normal"]
    set_font(normal, look.body_font)
    normal.font.size = Pt(look.body_size)
    normal.paragraph_format.space_after = Pt(2)
    normal.paragraph_format.line_spacing = 1.05

    title = styles["Title"]
    drop_border(title)
    set_font(title, look.heading_font)
    title.font.size = Pt(look.name_size)
    title.font.bold = True
    title.font.color.rgb = look.accent
    title.paragraph_format.space_before = Pt(0)
    title.paragraph_format.space_after = Pt(2)
    title.paragraph_format.alignment = (WD_ALIGN_PARAGRAPH.CENTER if look.centred_top
                                        else WD_ALIGN_PARAGRAPH.LEFT)

    contact = styles.add_style("Contact", WD_STYLE_TYPE.PARAGRAPH)
    contact.base_style = normal
    contact.next_paragraph_style = normal
    contact.paragraph_format.space_after = Pt(1)
    contact.paragraph_format.alignment = title.paragraph_format.alignment
    contact.quick_style = True

    for level, size in ((1, look.heading_size), (2, look.body_size + 0.5)):
        heading = styles[f"Heading {level}"]
        set_font(heading, look.heading_font)
        heading.font.size = Pt(size)
        heading.font.bold = True
        heading.font.italic = False
        heading.font.color.rgb = look.accent if level == 1 else RGBColor(0x26, 0x26, 0x26)
        heading.font.all_caps = look.heading_caps and level == 1
        heading.paragraph_format.space_before = Pt(10 if level == 1 else 6)
        heading.paragraph_format.space_after = Pt(3 if level == 1 else 1)
        heading.paragraph_format.keep_with_next = True
        if level == 1 and look.heading_rule:
            bottom_rule(heading, accent_hex)

    entry = styles.add_style("Entry", WD_STYLE_TYPE.PARAGRAPH)
    entry.base_style = normal
    entry.next_paragraph_style = normal
    entry.paragraph_format.space_before = Pt(5)
    entry.paragraph_format.space_after = Pt(1)
    entry.paragraph_format.keep_with_next = True
    entry.quick_style = True

    for name in ("List Bullet", "List Bullet 2", "List Number"):
        styles[name].paragraph_format.space_after = Pt(1.5)
    return doc


def save_deterministic(doc, path: Path) -> None:
    buffer = io.BytesIO()
    doc.save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0
            dst.writestr(entry, src.read(info.filename), compresslevel=6)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())


def main() -> None:
    for look in LOOKS:
        path = OUT_DIR / f"{look.name}.docx"
        save_deterministic(build(look), path)
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
