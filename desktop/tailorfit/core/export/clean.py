"""A clean, ATS-friendly Word file built from a resume's parsed structure.

Used for resumes read from a PDF, a text file or pasted text (nothing to edit in place), and
for a Word resume when a look is chosen. The look comes from a style template in
``resources/templates`` (made by ``tools/make_export_templates.py``): the name in the Title
style, contact lines in the body (many applicant tracking systems skip page headers), real
Heading styles for sections, real list numbering for bullets, one column, no tables or text
boxes. Every block of the resume is written, in reading order, so every role, date, bullet,
skill and degree is there; page headers and footers that only repeat page numbers are not.
"""

from __future__ import annotations

import io
import itertools
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tailorfit.core.errors import ExportError
from tailorfit.core.model import Block, BlockKind, Document, Region
from tailorfit.core.parse.resume import Resume
from tailorfit.core.resources import resource_path

DEFAULT_TEMPLATE = "classic"
_PAGE_FURNITURE = re.compile(r"\bpage\s*\d+\b|\b\d+\s*(?:/|of)\s*\d+\s*$|^\W*\d+\W*$",
                             re.IGNORECASE)
_ENUMERATOR = re.compile(r"^\(?(\d{1,2})[.)]\s*$")
_BULLET_GLYPHS = frozenset("•*-+>")


@dataclass(frozen=True, slots=True)
class Line:
    """One paragraph of the clean document: its role (which style) and its text."""

    role: str  # name, contact, heading, subheading, entry, bullet, number, para
    text: str
    bold: bool = False
    level: int = 0
    start: int | None = None  # the first item of a numbered list: its number


def template_names() -> list[str]:
    """The looks a clean export can use (templates in resources/templates)."""
    return sorted(p.stem for p in resource_path("templates").glob("*.docx"))


def template_path(name: str) -> Path:
    names = template_names()
    if name not in names:
        raise ExportError(f"There is no look called '{name}'. Choose one of: "
                          f"{', '.join(names)}.")
    return resource_path("templates", f"{name}.docx")


def outline(document: Document, resume: Resume) -> list[Line]:
    """The clean document's paragraphs, in reading order."""
    blocks = document.blocks
    sections = {document.block_at(s.heading[0]) for s in resume.sections if s.heading}
    first_heading = min((i for i in sections if blocks[i].region is Region.BODY),
                        default=len(blocks))
    entries = _entry_blocks(document, resume)
    lines = _contact_lines(document, resume, first_heading)
    body = [i for i in range(first_heading, len(blocks)) if blocks[i].region is Region.BODY]
    position = 0
    while position < len(body):
        index = body[position]
        block = blocks[index]
        if index in sections:
            lines.append(Line("heading", block.content))
        elif block.kind is BlockKind.HEADING:
            lines.append(Line("subheading", block.content))
        elif block.kind is BlockKind.LIST_ITEM:
            run = _list_run(blocks, body, position)
            lines.extend(_list_lines([blocks[i] for i in run]))
            position += len(run)
            continue
        elif block.kind is BlockKind.TABLE_CELL and position + 1 < len(body) and \
                _label_and_value(block, blocks[body[position + 1]]):
            value = blocks[body[position + 1]]
            lines.append(Line("para", f"{block.content.rstrip(': ')}: {value.content}"))
            position += 2
            continue
        else:
            role = "entry" if index in entries else "para"
            lines.append(Line(role, block.text, bold=block.style.bold))
        position += 1
    return lines


def _entry_blocks(document: Document, resume: Resume) -> set[int]:
    """Blocks that head a role or a degree (title, employer, dates, school)."""
    found: set[int] = set()
    for role in resume.roles:
        bullets = {document.block_at(start) for start, _ in role.bullets}
        first = document.block_at(role.start)
        last = min(bullets, default=document.block_at(max(role.end - 1, role.start)) + 1)
        found.update(i for i in range(first, max(last, first + 1)) if i not in bullets)
    found.update(document.block_at(e.start) for e in resume.education)
    return found


def _contact_lines(document: Document, resume: Resume, first_heading: int) -> list[Line]:
    """The name, then what the page shows above the first section: the page header's lines,
    the body's top lines, and contact details from the footer."""
    blocks = document.blocks
    order = [i for i, b in enumerate(blocks) if b.region is Region.HEADER]
    order += [i for i in range(first_heading) if blocks[i].region is Region.BODY]
    order += [i for i, b in enumerate(blocks) if b.region is Region.FOOTER]
    name = (resume.contact.name or "").lower()
    name_at = next((i for i in order if name and name in blocks[i].text.lower()
                    and len(blocks[i].text.split()) <= 6), None)
    lines: list[Line] = []
    seen: set[str] = set()
    if name_at is not None:
        lines.append(Line("name", blocks[name_at].text))
        seen.add(blocks[name_at].text)
    for i in order:
        text = blocks[i].text
        if i == name_at or text in seen:
            continue
        if blocks[i].region is not Region.BODY and (_PAGE_FURNITURE.search(text)
                                                    or (name and text.lower() == name)):
            continue  # "Page 2", "John Doe - 1/2": the page's furniture, not content
        seen.add(text)
        lines.append(Line("contact", text))
    return lines


def _list_run(blocks: tuple[Block, ...], body: list[int], position: int) -> list[int]:
    run = [body[position]]
    for index in body[position + 1:]:
        if blocks[index].kind is not BlockKind.LIST_ITEM:
            break
        run.append(index)
    return run


def _list_lines(items: list[Block]) -> list[Line]:
    """Bullets with real numbering; numbered items too when they count up from a number,
    otherwise (4, 3, 2, 1) they keep their numbers as text."""
    lines: list[Line] = []
    group: list[tuple[int, Block]] = []

    def flush() -> None:
        numbers = [n for n, _ in group]
        ascending = all(b == a + 1 for a, b in itertools.pairwise(numbers))
        for offset, (number, block) in enumerate(group):
            if ascending:
                lines.append(Line("number", block.content, start=number if offset == 0 else None))
            else:
                lines.append(Line("para", block.text))
        group.clear()

    for block in items:
        marker = block.text[:block.content_start].strip()
        numbered = _ENUMERATOR.match(marker)
        if numbered:
            group.append((int(numbered.group(1)), block))
            continue
        if group:
            flush()
        if marker and marker[0] not in _BULLET_GLYPHS:  # "a)" or "iv." as written
            lines.append(Line("para", block.text))
        elif block.props is not None and "number" in (block.props.style_id or "").lower():
            lines.append(Line("number", block.content))
        else:
            lines.append(Line("bullet", block.content, level=min(block.style.list_level or 0, 1)))
    if group:
        flush()
    return lines


def _label_and_value(label: Block, value: Block) -> bool:
    """A two-cell table row like "Languages | Go, Python": written as one line."""
    words = label.content.rstrip(": ").split()
    return (value.kind is BlockKind.TABLE_CELL and 0 < len(words) <= 4
            and not re.search(r"[\d,;.]", label.content) and len(value.content) > len(label.content))


_STYLES = {"name": "Title", "contact": "Contact", "heading": "Heading 1",
           "subheading": "Heading 2", "entry": "Entry", "para": "Normal",
           "bullet": "List Bullet", "number": "List Number"}


def write_clean(lines: list[Line], template: str, *, person: str | None,
                now: datetime | None = None) -> bytes:
    """The .docx bytes of ``lines`` in the look ``template``."""
    import docx

    doc = docx.Document(str(template_path(template)))
    body = doc.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    numbering = _Numbering(doc)
    # Style ids looked up once: python-docx scans every style on each lookup by name.
    style_ids = {name: doc.styles[name].style_id
                 for name in {*_STYLES.values(), "List Bullet 2"}}
    num_id: int | None = None
    for line in lines:
        style = _STYLES[line.role]
        if line.role == "bullet" and line.level:
            style = "List Bullet 2"
        paragraph = doc.add_paragraph()
        if style != "Normal":
            paragraph._p.get_or_add_pPr().style = style_ids[style]
        head, rest = _entry_head(line) if line.role == "entry" and not line.bold else ("", "")
        if head:
            paragraph.add_run(head).bold = True
            paragraph.add_run(rest)
        else:
            run = paragraph.add_run(line.text)
            if line.bold and line.role in ("para", "entry", "contact"):
                run.bold = True
        if line.role == "number":
            if line.start is not None or num_id is None:
                num_id = numbering.restart(line.start or 1)
            numbering.apply(paragraph, num_id)
        else:
            num_id = None  # any other paragraph ends a numbered list
    props = doc.core_properties
    stamp = (now or datetime.now(UTC)).replace(tzinfo=None, microsecond=0)
    props.title = f"{person} - Resume" if person else "Resume"
    props.author = person or ""
    props.last_modified_by = "Tailorfit"
    props.comments = ""
    props.subject = ""
    props.created = props.modified = stamp
    props.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


_HEAD_SEPARATORS = (" | ", " · ", " • ", " - ", ", ")


def _entry_head(line: Line) -> tuple[str, str]:
    """A role or degree line's first part (the title, the school) to set in bold.

    Only a part well under the whole line is bolded: the line must still read as an
    ordinary paragraph to an ATS (and to Tailorfit, which takes a mostly bold short line for
    a heading), as it did in the source.
    """
    text = line.text
    for separator in _HEAD_SEPARATORS:
        at = text.find(separator)
        if at > 0:
            head = text[:at]
            visible = len(text.replace(" ", ""))
            if len(head.replace(" ", "")) < 0.7 * visible and not any(c.isdigit() for c in head):
                return head, text[at:]
            return "", ""
    return "", ""


class _Numbering:
    """A new list instance of the template's "List Number" numbering per numbered list, so
    each list counts from its own first number."""

    def __init__(self, doc: object) -> None:
        from docx.oxml.ns import qn

        self.qn = qn
        self.doc = doc
        part = doc.part.numbering_part  # type: ignore[attr-defined]
        self.root = part.element
        style = doc.styles["List Number"]  # type: ignore[attr-defined]
        num = style.element.pPr.numPr.numId.val
        self.abstract = next(n.find(qn("w:abstractNumId")).get(qn("w:val"))
                             for n in self.root.findall(qn("w:num"))
                             if n.get(qn("w:numId")) == str(num))
        self.next_id = 1 + max(int(n.get(qn("w:numId"))) for n in self.root.findall(qn("w:num")))

    def restart(self, start: int) -> int:
        from docx.oxml import OxmlElement

        qn = self.qn
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(self.next_id))
        abstract = OxmlElement("w:abstractNumId")
        abstract.set(qn("w:val"), self.abstract)
        num.append(abstract)
        override = OxmlElement("w:lvlOverride")
        override.set(qn("w:ilvl"), "0")
        start_el = OxmlElement("w:startOverride")
        start_el.set(qn("w:val"), str(start))
        override.append(start_el)
        num.append(override)
        self.root.append(num)
        self.next_id += 1
        return self.next_id - 1

    def apply(self, paragraph: object, num_id: int) -> None:
        from docx.oxml import OxmlElement

        qn = self.qn
        ppr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
        numpr = OxmlElement("w:numPr")
        ilvl = OxmlElement("w:ilvl")
        ilvl.set(qn("w:val"), "0")
        num = OxmlElement("w:numId")
        num.set(qn("w:val"), str(num_id))
        numpr.append(ilvl)
        numpr.append(num)
        style = ppr.find(qn("w:pStyle"))
        if style is not None:
            style.addnext(numpr)
        else:
            ppr.insert(0, numpr)
