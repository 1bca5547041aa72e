"""Word documents (.docx, .docm, .dotx) read straight from the package XML.

We parse the parts ourselves with a locked-down XML parser: it is faster than loading the
whole python-docx object model, it reads macro-enabled files without running anything, and
it sees runs python-docx's ``paragraph.runs`` skips (hyperlinks, content controls).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from tailorfit.core import docx_xml as dx
from tailorfit.core.errors import (
    CorruptFileError,
    FileTooLargeError,
    UnsafeFileError,
    display_name,
)
from tailorfit.core.model import (
    Block,
    BlockKind,
    Document,
    DocxPiece,
    ParagraphProps,
    Region,
    SourceFormat,
    SourceInfo,
    Style,
)
from tailorfit.core.readers.builder import BlockBuilder

MAX_PART_BYTES = 32 * 1024 * 1024
MAX_TOTAL_BYTES = 96 * 1024 * 1024
MAX_ENTRIES = 5000
MAX_PACKAGE_BYTES = 256 * 1024 * 1024  # every part, images included
MAX_RATIO = 100  # real parts (XML, images) compress far less than a hundredfold
_MAIN_TYPES = (
    "wordprocessingml.document.main+xml", "document.macroenabled.main+xml",
    "wordprocessingml.template.main+xml", "template.macroenabledtemplate.main+xml",
)
_DOCTYPE = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_HEADING_NAME = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _StyleInfo:
    name: str
    based_on: str | None
    bold: bool | None
    caps: bool | None
    size: float | None
    outline: int | None
    numbered: bool
    num_id: int | None = None
    level: int | None = None


class _Package:
    """Bounded, safe access to the parts of a Word package."""

    def __init__(self, data: bytes, path: Path) -> None:
        self.path = path
        self.name = display_name(path)
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except zipfile.BadZipFile as exc:
            raise self._corrupt() from exc
        if len(infos) > MAX_ENTRIES:
            raise UnsafeFileError(
                f"{self.name} holds {len(infos)} files inside, far more than any Word "
                "document. Re-save it from Word and open it again.", path=path)
        # Every part counts, not only the XML we read: an export copies images and other
        # parts, and a part that inflates a thousandfold is a ZIP bomb wherever it sits.
        unpacked = sum(info.file_size for info in infos)
        bomb = next((info for info in infos if info.file_size > MAX_PART_BYTES
                     and info.file_size > MAX_RATIO * max(info.compress_size, 1)), None)
        if unpacked > MAX_PACKAGE_BYTES or bomb is not None:
            raise FileTooLargeError(
                f"{self.name} unpacks to {unpacked / 1_048_576:.0f} MB, which no resume or "
                "posting needs; it may be a ZIP bomb. Open the document in Word, save a copy "
                "without large embedded files, and open that.", path=path)
        self.sizes = {info.filename: info.file_size for info in infos}
        self.read_total = 0

    def _corrupt(self) -> CorruptFileError:
        return CorruptFileError(
            f"{self.name} is damaged or incomplete, so Word's XML inside cannot be read. If you "
            "downloaded it, download it again; otherwise open it in Word and save it again.",
            path=self.path)

    def has(self, part: str) -> bool:
        return part in self.sizes

    def xml(self, part: str) -> dx.Element:
        size = self.sizes.get(part)
        if size is None:
            raise self._corrupt()
        self.read_total += size
        if size > MAX_PART_BYTES or self.read_total > MAX_TOTAL_BYTES:
            raise FileTooLargeError(
                f"{self.name} unpacks to more than {MAX_TOTAL_BYTES // (1024 * 1024)} MB of "
                "text, which no resume needs; it may be a ZIP bomb. Save a copy with only the "
                "resume or posting text and open that.", path=self.path)
        try:
            data = self.zip.read(part)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as exc:
            # zlib.error: the directory is intact but a part's compressed data is damaged.
            raise self._corrupt() from exc
        if _DOCTYPE.search(data[:4096].replace(b"\x00", b"")):
            raise UnsafeFileError(
                f"{self.name} contains XML entity declarations, which Word never writes and "
                "which can be used to attack readers. Open it in Word, save it again, and "
                "open the new file.", path=self.path)
        try:
            return etree.fromstring(data, parser=dx.safe_parser())
        except etree.XMLSyntaxError as exc:
            raise self._corrupt() from exc

    def main_part(self) -> str:
        types = self.xml("[Content_Types].xml")
        for override in types:
            content_type = (override.get("ContentType") or "").lower()
            if any(content_type.endswith(t) for t in _MAIN_TYPES):
                return (override.get("PartName") or "").lstrip("/")
        if self.has("word/document.xml"):
            return "word/document.xml"
        raise self._corrupt()

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """rId -> (relationship type suffix, target part name) for ``part``."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if not self.has(rels_name):
            return {}
        rels: dict[str, tuple[str, str]] = {}
        for rel in self.xml(rels_name):
            if (rel.get("TargetMode") or "").lower() == "external":
                continue
            target = rel.get("Target") or ""
            full = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(folder, target))
            rels[rel.get("Id") or ""] = ((rel.get("Type") or "").rsplit("/", 1)[-1], full)
        return rels


def read_docx_file(data: bytes, path: Path) -> Document:
    """A Word document: header parts, then the body, then footer parts."""
    package = _Package(data, path)
    main = package.main_part()
    root = package.xml(main)
    w = dx.namespace_of(root)
    rels = package.relationships(main)
    styles = _load_styles(package, rels, w)
    headers, footers = _header_footer_parts(root, rels, w)
    blocks: list[Block] = []
    for part in headers:
        blocks.extend(_part_blocks(package.xml(part), part, w, styles, Region.HEADER))
    blocks.extend(_part_blocks(root, main, w, styles, Region.BODY))
    for part in footers:
        blocks.extend(_part_blocks(package.xml(part), part, w, styles, Region.FOOTER))
    return Document(blocks, SourceInfo(SourceFormat.DOCX, path))


def _header_footer_parts(root: dx.Element, rels: dict[str, tuple[str, str]],
                         w: str) -> tuple[list[str], list[str]]:
    """Header and footer parts in section order, each once; the first-page kind first."""
    r_ids: dict[str, list[str]] = {"header": [], "footer": []}
    order = {"first": 0, "default": 1, "even": 2}
    for kind in ("header", "footer"):
        refs = []
        for ref in root.iter(f"{{{w}}}{kind}Reference"):
            r_id = ref.get(f"{{{dx.R_NS}}}id") or ref.get(f"{{{dx.R_STRICT}}}id") or ""
            refs.append((order.get(ref.get(f"{{{w}}}type") or "default", 3), r_id))
        for _, r_id in sorted(refs, key=lambda item: item[0]):
            target = rels.get(r_id)
            if target and target[0] == kind and target[1] not in r_ids[kind]:
                r_ids[kind].append(target[1])
    return r_ids["header"], r_ids["footer"]


class _Styles:
    """The document's styles by id, each read from its ``w:style`` only when a paragraph or
    run uses it: Word's and python-docx's ``styles.xml`` define hundreds that a resume never
    uses, and reading them all cost more than reading the text."""

    def __init__(self, elements: dict[str, dx.Element], w: str) -> None:
        self._elements = elements
        self._w = w
        self._read: dict[str, _StyleInfo] = {}

    def __contains__(self, style_id: str) -> bool:
        return style_id in self._elements

    def __getitem__(self, style_id: str) -> _StyleInfo:
        info = self._read.get(style_id)
        if info is None:
            info = self._read[style_id] = _style_info(self._elements[style_id], style_id,
                                                      self._w)
        return info


def _load_styles(package: _Package, rels: dict[str, tuple[str, str]], w: str) -> _Styles:
    part = next((target for kind, target in rels.values() if kind == "styles"), None)
    if part is None or not package.has(part):
        return _Styles({}, w)
    elements = {style.get(f"{{{w}}}styleId") or "": style
                for style in package.xml(part).iter(f"{{{w}}}style")}
    return _Styles(elements, w)


def _style_info(style: dx.Element, style_id: str, w: str) -> _StyleInfo:
    name_el = style.find(f"{{{w}}}name")
    based = style.find(f"{{{w}}}basedOn")
    ppr = style.find(f"{{{w}}}pPr")
    rpr = style.find(f"{{{w}}}rPr")
    outline = ppr.find(f"{{{w}}}outlineLvl") if ppr is not None else None
    num_id, level = _numbering(ppr, w)
    return _StyleInfo(
        name=(name_el.get(f"{{{w}}}val") if name_el is not None else style_id) or style_id,
        based_on=based.get(f"{{{w}}}val") if based is not None else None,
        bold=_toggle(rpr, "b", w),
        caps=_toggle(rpr, "caps", w),
        size=_size(rpr, w),
        outline=_int(outline.get(f"{{{w}}}val")) if outline is not None else None,
        numbered=ppr is not None and ppr.find(f"{{{w}}}numPr") is not None,
        num_id=num_id,
        level=level,
    )


def _numbering(ppr: dx.Element | None, w: str) -> tuple[int | None, int | None]:
    """The list (``w:numId``) and level (``w:ilvl``) a ``w:pPr`` sets, each None if unset."""
    numpr = ppr.find(f"{{{w}}}numPr") if ppr is not None else None
    if numpr is None:
        return None, None
    num_id = numpr.find(f"{{{w}}}numId")
    ilvl = numpr.find(f"{{{w}}}ilvl")
    return (_int(num_id.get(f"{{{w}}}val")) if num_id is not None else None,
            _int(ilvl.get(f"{{{w}}}val")) if ilvl is not None else None)


def _props(ppr: dx.Element | None, style_id: str | None, chain: list[_StyleInfo],
           w: str, xml: _PropsXml) -> ParagraphProps:
    """The paragraph's style, numbering (its own or its style's) and ``w:pPr`` XML."""
    num_id, level = _numbering(ppr, w)
    if num_id is None:
        num_id = next((s.num_id for s in chain if s.num_id is not None), None)
    if level is None:
        level = next((s.level for s in chain if s.level is not None), None)
        if level is None and num_id:
            level = 0
    return ParagraphProps(style_id, num_id, level, xml(ppr))


class _PropsXml:
    """Serialises ``w:pPr`` elements as small, self-contained XML.

    Exclusive canonical form declares only the namespaces a subtree uses (plain
    serialisation repeats all two dozen of a Word part's root, 2.7 kB per paragraph), and
    paragraphs formatted alike share one bytes object.
    """

    __slots__ = ("cache",)

    def __init__(self) -> None:
        self.cache: dict[bytes, bytes] = {}

    def __call__(self, ppr: dx.Element | None) -> bytes:
        if ppr is None or not len(ppr):
            return b""
        xml: bytes = etree.tostring(ppr, method="c14n", exclusive=True)
        return self.cache.setdefault(xml, xml)


def _toggle(rpr: dx.Element | None, name: str, w: str) -> bool | None:
    if rpr is None:
        return None
    element = rpr.find(f"{{{w}}}{name}")
    if element is None:
        return None
    return (element.get(f"{{{w}}}val") or "true").lower() not in ("0", "false", "off")


def _size(rpr: dx.Element | None, w: str) -> float | None:
    if rpr is None:
        return None
    element = rpr.find(f"{{{w}}}sz")
    value = _int(element.get(f"{{{w}}}val")) if element is not None else None
    return value / 2 if value else None


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _style_chain(styles: _Styles, style_id: str | None) -> list[_StyleInfo]:
    chain: list[_StyleInfo] = []
    seen: set[str] = set()
    while style_id and style_id in styles and style_id not in seen:
        seen.add(style_id)
        chain.append(styles[style_id])
        style_id = styles[style_id].based_on
    return chain


def _part_blocks(root: dx.Element, part: str, w: str, styles: _Styles,
                 region: Region) -> list[Block]:
    blocks: list[Block] = []
    props_xml = _PropsXml()
    for index, paragraph in enumerate(dx.paragraphs(root, w)):
        if dx.in_fallback(paragraph):
            continue
        container = dx.container_kind(paragraph, w)
        builder = BlockBuilder(region=Region.TEXTBOX if container == "textbox" else region)
        bold_chars = total_chars = 0
        caps_chars = 0
        sizes: list[float] = []
        ppr = paragraph.find(f"{{{w}}}pPr")
        pstyle_el = ppr.find(f"{{{w}}}pStyle") if ppr is not None else None
        style_id = pstyle_el.get(f"{{{w}}}val") if pstyle_el is not None else None
        chain = _style_chain(styles, style_id or "Normal")
        para_bold = next((s.bold for s in chain if s.bold is not None), False)
        para_caps = next((s.caps for s in chain if s.caps is not None), False)
        para_size = next((s.size for s in chain if s.size is not None), None)
        for run_index, run in enumerate(dx.text_runs(paragraph, w)):
            text = dx.run_text(run, w)
            if not text:
                continue
            builder.add(text, _RunPiece(part, index, run_index))
            rpr = run.find(f"{{{w}}}rPr")
            rstyle_el = rpr.find(f"{{{w}}}rStyle") if rpr is not None else None
            rchain = _style_chain(styles, rstyle_el.get(f"{{{w}}}val")
                                  if rstyle_el is not None else None)
            bold = _toggle(rpr, "b", w)
            if bold is None:
                bold = next((s.bold for s in rchain if s.bold is not None), para_bold)
            caps = _toggle(rpr, "caps", w)
            if caps is None:
                caps = next((s.caps for s in rchain if s.caps is not None), para_caps)
            size = _size(rpr, w) or next((s.size for s in rchain if s.size), None) or para_size
            visible = len(text.strip())
            total_chars += visible
            bold_chars += visible if bold else 0
            caps_chars += visible if caps else 0
            if size and visible:
                sizes.append(size)
        if not builder.length:
            continue
        kind, style = _classify(ppr, chain, w, container)
        style = Style(
            bold=bool(total_chars) and bold_chars >= 0.9 * total_chars,
            all_caps=bool(total_chars) and caps_chars >= 0.9 * total_chars,
            heading_level=style.heading_level,
            list_level=style.list_level,
            font_size=max(sizes) if sizes else None,
        )
        block = builder.build(kind, style, _props(ppr, style_id, chain, w, props_xml))
        if block is not None:
            blocks.append(block)
    return blocks


def _classify(ppr: dx.Element | None, chain: list[_StyleInfo], w: str,
              container: str) -> tuple[BlockKind, Style]:
    heading = 0
    for style in chain:
        match = _HEADING_NAME.match(style.name)
        if match:
            heading = int(match.group(1))
            break
        if style.name.lower() in ("title", "subtitle"):
            heading = 1 if style.name.lower() == "title" else 2
            break
        if style.outline is not None and style.outline < 9:
            heading = style.outline + 1
            break
    outline = ppr.find(f"{{{w}}}outlineLvl") if ppr is not None else None
    if outline is not None:
        level = _int(outline.get(f"{{{w}}}val"))
        if level is not None and level < 9:
            heading = level + 1
    if heading:
        return BlockKind.HEADING, Style(heading_level=heading)
    numpr = ppr.find(f"{{{w}}}numPr") if ppr is not None else None
    if numpr is not None:
        num_id = numpr.find(f"{{{w}}}numId")
        if num_id is None or num_id.get(f"{{{w}}}val") != "0":
            ilvl = numpr.find(f"{{{w}}}ilvl")
            level = _int(ilvl.get(f"{{{w}}}val")) if ilvl is not None else 0
            return BlockKind.LIST_ITEM, Style(list_level=level or 0)
    elif any(style.numbered for style in chain) or any(
            style.name.lower().startswith("list bullet") or
            style.name.lower().startswith("list number") for style in chain):
        return BlockKind.LIST_ITEM, Style(list_level=0)
    if container == "table":
        return BlockKind.TABLE_CELL, Style()
    return BlockKind.PARAGRAPH, Style()


class _RunPiece:
    """Factory for the piece of run ``run`` of paragraph ``paragraph`` in ``part``."""

    __slots__ = ("paragraph", "part", "run")

    def __init__(self, part: str, paragraph: int, run: int) -> None:
        self.part = part
        self.paragraph = paragraph
        self.run = run

    def __call__(self, raw_start: int, raw_end: int) -> DocxPiece:
        return DocxPiece(raw_start, raw_end, self.part, self.paragraph, self.run)
