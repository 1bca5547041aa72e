"""Warnings about what applicant tracking systems (ATS) read badly in a Word resume.

Many ATS take a resume's text in file order and drop what they cannot place: tables and
text boxes used for layout come out of order, columns interleave, headers and footers are
often skipped (contact details only there get lost), images carry no text, an unusual
heading hides a section, an uncommon font may be replaced, and a long resume is skimmed.
These are warnings, not errors: the export is written either way.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from dataclasses import dataclass

from lxml import etree

from tailorfit.core import docx_xml as dx
from tailorfit.core.model import Document, Region
from tailorfit.core.parse.resume import Resume, ResumeSection
from tailorfit.core.parse.vocab import EMAIL, PHONE

STANDARD_FONTS = frozenset(f.casefold() for f in (
    "Arial", "Arial Narrow", "Aptos", "Aptos Display", "Book Antiqua", "Calibri",
    "Calibri Light", "Cambria", "Cambria Math", "Candara", "Caladea", "Carlito",
    "Century Gothic", "Constantia", "Corbel", "Courier New", "DejaVu Sans", "DejaVu Serif",
    "EB Garamond", "Garamond", "Georgia", "Gill Sans MT", "Helvetica", "Helvetica Neue",
    "Lato", "Liberation Sans", "Liberation Serif", "Noto Sans", "Noto Serif", "Open Sans",
    "Palatino", "Palatino Linotype", "Roboto", "Segoe UI", "Source Sans Pro", "Tahoma",
    "Times", "Times New Roman", "Trebuchet MS", "Verdana", "Symbol", "Wingdings"))
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_TWIPS_PER_POINT = 20
_CHAR_WIDTH = 0.48  # average width of a character of running English text, in ems
# Measured against LibreOffice's page counts for the corpus resumes and their exports
# (spacing around headings, empty paragraphs and wrapping the estimate does not model).
_CALIBRATION = 1.15


@dataclass(frozen=True, slots=True)
class AtsWarning:
    """One thing an ATS may read badly: a short code and a sentence for the user."""

    code: str  # table, textbox, columns, contact, image, heading, font, pages
    message: str


class _Parts:
    def __init__(self, data: bytes) -> None:
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.names = set(self.zip.namelist())

    def xml(self, name: str) -> dx.Element | None:
        if name not in self.names:
            return None
        return etree.fromstring(self.zip.read(name), parser=dx.safe_parser())

    def main(self) -> str:
        types = self.xml("[Content_Types].xml")
        for override in types if types is not None else ():
            if (override.get("ContentType") or "").endswith("document.main+xml"):
                return (override.get("PartName") or "").lstrip("/")
        return "word/document.xml"


def ats_warnings(data: bytes, document: Document, resume: Resume) -> list[AtsWarning]:
    """Warnings for the .docx ``data``, read as ``document`` and parsed as ``resume``."""
    parts = _Parts(data)
    main = parts.xml(parts.main())
    if main is None:
        return []
    w = dx.namespace_of(main)
    margins = [x for n in sorted(parts.names)
               if re.match(r"word/(header|footer)\d*\.xml$", n) and (x := parts.xml(n)) is not None]
    found: list[AtsWarning] = []
    found.extend(_tables(main, w))
    found.extend(_text_boxes([main, *margins], w))
    found.extend(_columns(main, w))
    found.extend(_contact(document))
    found.extend(_images([main, *margins], w))
    found.extend(_headings(resume))
    found.extend(_fonts(parts, main, w))
    found.extend(_pages(parts, main, w))
    return found


def _tables(main: dx.Element, w: str) -> list[AtsWarning]:
    tables = [t for t in main.iter(f"{{{w}}}tbl") if not dx.in_fallback(t)]
    if not tables:
        return []
    rows = sum(len(t.findall(f"{{{w}}}tr")) for t in tables)
    columns = max(len(t.findall(f"{{{w}}}tblGrid/{{{w}}}gridCol")) for t in tables)
    what = "a table" if len(tables) == 1 else f"{len(tables)} tables"
    return [AtsWarning("table", (
        f"The resume lays out text in {what} ({rows} rows, up to {columns} columns); some "
        "applicant tracking systems read tables out of order or skip them. Put that text in "
        "ordinary paragraphs, or export a clean copy with a look (--template)."))]


def _text_boxes(roots: list[dx.Element], w: str) -> list[AtsWarning]:
    count = sum(1 for root in roots for box in root.iter(f"{{{w}}}txbxContent")
                if not dx.in_fallback(box))
    if not count:
        return []
    return [AtsWarning("textbox", (
        f"The resume has {count} text box{'es' if count > 1 else ''}; many applicant tracking "
        "systems skip text boxes. Move their text into the body."))]


def _columns(main: dx.Element, w: str) -> list[AtsWarning]:
    for cols in main.iter(f"{{{w}}}cols"):
        number = cols.get(f"{{{w}}}num")
        if number and number.isdigit() and int(number) > 1:
            return [AtsWarning("columns", (
                f"The resume is set in {number} columns; applicant tracking systems may read "
                "across the columns and mix their lines. Use a single column."))]
    return []


def _contact(document: Document) -> list[AtsWarning]:
    def has(region: set[Region]) -> bool:
        return any(EMAIL.search(b.text) or PHONE.search(b.text)
                   for b in document.blocks if b.region in region)

    if has({Region.HEADER, Region.FOOTER}) and not has({Region.BODY, Region.TEXTBOX}):
        return [AtsWarning("contact", (
            "Your email and phone are only in the page header or footer, which many "
            "applicant tracking systems skip. Put them at the top of the body too."))]
    return []


def _images(roots: list[dx.Element], w: str) -> list[AtsWarning]:
    count = 0
    for root in roots:
        count += sum(1 for blip in root.iter(f"{{{A}}}blip") if not dx.in_fallback(blip))
        count += sum(1 for el in root.iter() if dx.local(el) == "imagedata"
                     and not dx.in_fallback(el))
    if not count:
        return []
    return [AtsWarning("image", (
        f"The resume has {count} image{'s' if count > 1 else ''}; an applicant tracking "
        "system reads no text from images, and a photo can work against you in some "
        "countries. Keep every fact in text."))]


def _headings(resume: Resume) -> list[AtsWarning]:
    odd = [s.title for s in resume.sections if s.kind is ResumeSection.OTHER and s.title]
    if not odd:
        return []
    listed = ", ".join(f'"{t}"' for t in odd[:5])
    return [AtsWarning("heading", (
        f"Applicant tracking systems may not recognise the section heading"
        f"{'s' if len(odd) > 1 else ''} {listed}. Prefer common ones: Summary, Experience, "
        "Education, Skills, Certifications, Projects."))]


def _fonts(parts: _Parts, main: dx.Element, w: str) -> list[AtsWarning]:
    """Fonts the text uses (document defaults, used styles, direct formatting, theme)."""
    styles_root = parts.xml("word/styles.xml")
    theme = parts.xml("word/theme/theme1.xml")
    theme_fonts: dict[str, str] = {}
    if theme is not None:
        for kind in ("major", "minor"):
            latin = theme.find(f".//{{{A}}}{kind}Font/{{{A}}}latin")
            if latin is not None and latin.get("typeface"):
                theme_fonts[kind] = latin.get("typeface") or ""
    used_styles = {el.get(f"{{{w}}}val") for el in main.iter()
                   if dx.local(el) in ("pStyle", "rStyle")}
    font_elements = [el for el in main.iter(f"{{{w}}}rFonts")]
    if styles_root is not None:
        by_id = {s.get(f"{{{w}}}styleId"): s for s in styles_root.iter(f"{{{w}}}style")}
        default = next((s.get(f"{{{w}}}styleId") for s in by_id.values()
                        if s.get(f"{{{w}}}default") in ("1", "true")
                        and s.get(f"{{{w}}}type") == "paragraph"), "Normal")
        pending = [*used_styles, default]
        seen: set[str | None] = set()
        while pending:
            style_id = pending.pop()
            if style_id in seen or style_id not in by_id:
                continue
            seen.add(style_id)
            style = by_id[style_id]
            font_elements.extend(style.iter(f"{{{w}}}rFonts"))
            based = style.find(f"{{{w}}}basedOn")
            if based is not None:
                pending.append(based.get(f"{{{w}}}val"))
        defaults = styles_root.find(f"{{{w}}}docDefaults")
        if defaults is not None:
            font_elements.extend(defaults.iter(f"{{{w}}}rFonts"))
    fonts: set[str] = set()
    for element in font_elements:
        for attr in ("ascii", "hAnsi"):
            if element.get(f"{{{w}}}{attr}"):
                fonts.add(element.get(f"{{{w}}}{attr}") or "")
            theme_name = element.get(f"{{{w}}}{attr}Theme") or ""
            if theme_name.startswith(("major", "minor")) and theme_name[:5] in theme_fonts:
                fonts.add(theme_fonts[theme_name[:5]])
    odd = sorted(f for f in fonts if f and f.casefold() not in STANDARD_FONTS)
    if not odd:
        return []
    listed = ", ".join(odd[:4])
    return [AtsWarning("font", (
        f"The resume uses {'an uncommon font' if len(odd) == 1 else 'uncommon fonts'} "
        f"({listed}); a reader without {'it' if len(odd) == 1 else 'them'} sees another font "
        "and a different layout. Use a standard font such as Calibri, Arial or Georgia."))]


def estimate_pages(parts: _Parts, main: dx.Element, w: str) -> float:
    """Pages the body fills, from its text, font size, spacing and page geometry."""
    width, height = 12240, 15840  # US Letter, in twips
    margin = {"left": 1440, "right": 1440, "top": 1440, "bottom": 1440}
    sect = main.find(f".//{{{w}}}body/{{{w}}}sectPr")
    if sect is not None:
        size = sect.find(f"{{{w}}}pgSz")
        if size is not None:
            width = _int(size.get(f"{{{w}}}w"), width)
            height = _int(size.get(f"{{{w}}}h"), height)
        mar = sect.find(f"{{{w}}}pgMar")
        if mar is not None:
            margin = {k: _int(mar.get(f"{{{w}}}{k}"), v) for k, v in margin.items()}
    usable_width = (width - margin["left"] - margin["right"]) / _TWIPS_PER_POINT
    usable_height = (height - margin["top"] - margin["bottom"]) / _TWIPS_PER_POINT
    base = _default_size(parts, w)
    total = 0.0
    for paragraph in dx.paragraphs(main, w):
        if dx.in_fallback(paragraph) or dx.container_kind(paragraph, w) == "textbox":
            continue
        text = "".join(dx.run_text(r, w) for r in dx.text_runs(paragraph, w))
        sizes = [_int(s.get(f"{{{w}}}val"), 0) / 2 for s in paragraph.iter(f"{{{w}}}sz")]
        size = max([s for s in sizes if s] or [base])
        chars_per_line = max(usable_width / (size * _CHAR_WIDTH), 10)
        lines = max(1, math.ceil(len(text) / chars_per_line))
        total += lines * size * 1.2 + size * 0.35  # line height and paragraph spacing
    return total / usable_height * _CALIBRATION


def _default_size(parts: _Parts, w: str) -> float:
    styles = parts.xml("word/styles.xml")
    if styles is None:
        return 11.0
    for path in (f".//{{{w}}}style[@{{{w}}}styleId='Normal']//{{{w}}}sz",
                 f".//{{{w}}}docDefaults//{{{w}}}sz"):
        size = styles.find(path)
        if size is not None:
            return _int(size.get(f"{{{w}}}val"), 22) / 2
    return 11.0


def _pages(parts: _Parts, main: dx.Element, w: str) -> list[AtsWarning]:
    pages = estimate_pages(parts, main, w)
    if pages <= 2.0:
        return []
    return [AtsWarning("pages", (
        f"The resume runs to about {math.ceil(pages)} pages; recruiters and many ATS "
        "rankings favour one or two. Cut older roles and bullets that match nothing the "
        "posting asks for."))]


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
