"""PDF text layers, laid out in reading order from pdfium's per-glyph boxes.

pypdfium2 (PDFium, the engine in Chromium) gives every glyph with its box in a few
milliseconds per page. From the boxes we rebuild rows, detect a column gutter so two-column
resumes read one column after the other, and join wrapped lines into paragraphs.
"""

from __future__ import annotations

import ctypes
import dataclasses
import itertools
import re
import statistics
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from tailorfit.core.errors import (
    CorruptFileError,
    EncryptedFileError,
    FileTooLargeError,
    ScannedPdfError,
    display_name,
)
from tailorfit.core.model import (
    Block,
    BlockKind,
    Document,
    PdfPiece,
    Region,
    SourceFormat,
    SourceInfo,
    Style,
)
from tailorfit.core.readers.builder import BlockBuilder

MAX_PAGES = 500
# PDFium is not thread-safe; readers may run on a worker thread.
_PDFIUM_LOCK = threading.Lock()
_BULLETS = frozenset("•·\u25aa\u25cf\u25e6\u2013\u2014-*\u27a2\u2794\u25ba\u2023\u2043")
_FPDF_ERR_PASSWORD = 4
# A line opening with a date starts an entry ("2016 – 2018 Master of ...").
_DATE_START = re.compile(r"^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)?"
                         r"(?:19|20)\d\d\b", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(r"(?:^|\s)(?:page\s*)?\d{1,3}\s*(?:/|of)\s*\d{1,3}\s*$|^\s*(?:page\s*)?\d{1,3}\s*$",
                          re.IGNORECASE)
_DATE_WORD = re.compile(r"\b(?:19|20)\d\d\b|\bpresent\b|\bcurrent\b", re.IGNORECASE)
_ENUMERATOR = re.compile(r"^\(?(?:\d{1,2}|[a-z])[.)]\s")


@dataclass(slots=True)
class _Segment:
    """Glyphs of one line that sit together (no wide gap between them)."""

    chars: list[int]
    text: str
    xs: list[tuple[float, float]]
    x0: float
    x1: float
    bottom: float
    top: float
    size: float
    bold: bool = False

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, 0.1)


@dataclass(slots=True)
class _Row:
    """Segments sharing a baseline, left to right."""

    segments: list[_Segment] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return min(s.x0 for s in self.segments)

    @property
    def x1(self) -> float:
        return max(s.x1 for s in self.segments)

    @property
    def top(self) -> float:
        return max(s.top for s in self.segments)

    @property
    def bottom(self) -> float:
        return min(s.bottom for s in self.segments)

    @property
    def size(self) -> float:
        return max(s.size for s in self.segments)

    @property
    def text(self) -> str:
        return " ".join(s.text.strip() for s in self.segments)

    @property
    def bold(self) -> bool:
        return all(s.bold for s in self.segments)

    @property
    def spread(self) -> bool:
        """True when text sits apart on the row (title and dates, label columns)."""
        return sum(1 for s in self.segments if s.text.strip() not in _BULLETS) > 1


def read_pdf_file(data: bytes, path: Path) -> Document:
    """A PDF's text layer as blocks in reading order."""
    name = display_name(path)
    with _PDFIUM_LOCK:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if getattr(exc, "err_code", None) == _FPDF_ERR_PASSWORD or "password" in str(exc).lower():
                raise EncryptedFileError(
                    f"{name} is password-protected. Open it in your PDF viewer, save or print a "
                    "copy without the password, and open that copy.", path=path) from exc
            raise CorruptFileError(
                f"{name} is damaged or incomplete and cannot be opened as a PDF. If you "
                "downloaded it, download it again; otherwise export it again from the program "
                "you made it with.", path=path) from exc
        try:
            count = len(pdf)
            if count > MAX_PAGES:
                raise FileTooLargeError(
                    f"{name} has {count} pages; Tailorfit reads documents of up to {MAX_PAGES} "
                    "pages. Save the pages with the resume or posting as a separate PDF.",
                    path=path)
            pages = [_read_page(pdf, index) for index in range(count)]
            heights = [pdf[index].get_size()[1] for index in range(count)]
        finally:
            pdf.close()
    segments = [seg for page in pages for seg in page]
    if not any(seg.text.strip() for seg in segments):
        if count == 0:
            raise CorruptFileError(f"{name} has no pages. Export the PDF again and open it.",
                                   path=path)
        raise ScannedPdfError(
            f"{name} has no text layer: it looks scanned or made of images, so there is no text "
            "to analyse. Export a text PDF or a DOCX from the program you wrote it in, and "
            "open that.", path=path)
    body = _body_size(segments)
    blocks: list[Block] = []
    warnings: list[str] = []
    for index, page in enumerate(pages):
        if not page and count > 1:
            warnings.append(f"Page {index + 1} has no text layer (scanned?); it was skipped.")
        blocks.extend(_page_blocks(page, index, body))
    blocks = _mark_margins(blocks, heights)
    return Document(blocks, SourceInfo(SourceFormat.PDF, path, pages=count,
                                       warnings=tuple(warnings)))


def _mark_margins(blocks: list[Block], heights: list[float]) -> list[Block]:
    """Running heads and page footers ("John Doe – 1/3", "Page 2 of 3") are margins."""
    def edge(block: Block) -> Region | None:
        pieces = [p for p in block.pieces if isinstance(p, PdfPiece)]
        if not pieces or block.page is None:
            return None
        height = heights[block.page] or 792.0
        # A bare page number ("1/2") may sit higher: moderncv leaves a deep bottom margin.
        low = 0.15 if _PAGE_NUMBER.fullmatch(block.text.strip()) else 0.1
        if max(p.top for p in pieces) < low * height:
            return Region.FOOTER
        if min(p.bottom for p in pieces) > 0.94 * height:
            return Region.HEADER
        return None

    seen: dict[str, set[int]] = {}
    for block in blocks:
        if edge(block) is not None:
            seen.setdefault(_DIGITS.sub("#", block.text), set()).add(block.page or 0)
    marked: list[Block] = []
    for block in blocks:
        region = edge(block)
        repeated = len(seen.get(_DIGITS.sub("#", block.text), ())) > 1
        if region is not None and (repeated or _PAGE_NUMBER.search(block.text)):
            block = dataclasses.replace(block, region=region)
        marked.append(block)
    return marked


def _read_page(pdf: pdfium.PdfDocument, index: int) -> list[_Segment]:
    page = pdf[index]
    textpage = page.get_textpage()
    try:
        count = pdfium_c.FPDFText_CountChars(textpage)
        if count <= 0:
            return []
        text = textpage.get_text_range(0, count)
        if len(text) != count:  # surrogate pairs: fall back to one call per glyph
            text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i) or 32)
                           for i in range(count))
        return _segments(textpage, _without_icons(textpage, text), count)
    finally:
        textpage.close()
        page.close()


_ICON_FONT = re.compile(r"awesome|icons?\b|icons?[-_]|glyphicon|wingding|dingbat|academicons|"
                        r"octicon|ionicon|materialicon|entypo|fontello|marvosym", re.IGNORECASE)


def _without_icons(textpage: object, text: str) -> str:
    """Blank out glyphs of icon fonts (the phone, mail and GitHub marks of CV templates):
    their text layer maps them to stray letters ("I (123) 456", "ð hdent"). Only lone glyphs
    are checked, so a page costs a few font lookups, not one per character."""
    chars = list(text)
    for i, char in enumerate(text):
        if char.isspace() or (i > 0 and not text[i - 1].isspace()) or \
                (i + 1 < len(text) and not text[i + 1].isspace()):
            continue
        if _ICON_FONT.search(_font_name(textpage, i)):
            chars[i] = " "
    return "".join(chars)


def _font_name(textpage: object, index: int) -> str:
    flags = ctypes.c_int()
    needed = pdfium_c.FPDFText_GetFontInfo(textpage, index, None, 0, flags)
    if needed <= 0:
        return ""
    buffer = ctypes.create_string_buffer(needed)
    pdfium_c.FPDFText_GetFontInfo(textpage, index, buffer, needed, flags)
    return buffer.value.decode("latin-1", "replace")


def _segments(textpage: object, text: str, count: int) -> list[_Segment]:
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    boxes: list[tuple[float, float, float, float]] = []
    get_box = pdfium_c.FPDFText_GetCharBox
    for i in range(count):
        get_box(textpage, i, left, right, bottom, top)
        boxes.append((left.value, right.value, bottom.value, top.value))
    segments: list[_Segment] = []
    start = 0
    i = 0
    while i <= count:
        at_break = i == count or (text[i] == "\r" and i + 1 < count and text[i + 1] == "\n")
        if at_break:
            if i > start:
                segments.extend(_split_line(textpage, text, boxes, start, i))
            start = i + 2
            i += 2
            continue
        i += 1
    return segments


def _split_line(textpage: object, text: str, boxes: list[tuple[float, float, float, float]],
                start: int, end: int) -> list[_Segment]:
    """Split one pdfium line where text sits far apart (column gutters, tab-stop dates).

    "Far" is relative to the line's own word spacing, so the wide gaps of justified text
    never split a line while a narrow gutter beside normally spaced text does.
    """
    visible = [i for i in range(start, end)
               if not text[i].isspace() and boxes[i][1] > boxes[i][0]]
    if not visible:
        return []
    height = max(boxes[i][3] - boxes[i][2] for i in visible)
    pairs = list(itertools.pairwise(visible))
    gaps = [boxes[b][0] - boxes[a][1] for a, b in pairs]
    # Word gaps are the gaps with a (real or pdfium-generated) space between the glyphs.
    word_gaps = sorted(g for (a, b), g in zip(pairs, gaps, strict=False) if b - a > 1)
    # The typical word gap of this line; with few gaps (or one huge gutter) fall back to a
    # normal space, and never trust more than 0.8 em so a gutter cannot hide itself.
    spacing = word_gaps[len(word_gaps) // 2] if len(word_gaps) >= 3 else 0.3 * height
    spacing = min(spacing, 0.8 * height)
    threshold = max(2.5 * spacing, 1.0 * height)
    cuts = {b for (_, b), gap in zip(pairs, gaps, strict=False) if gap > threshold}
    for a, b in pairs:  # pdfium sometimes runs on into another row: cut at a baseline jump
        if (abs(boxes[b][2] - boxes[a][2]) > 0.6 * height and abs(
                boxes[b][3] - boxes[a][3]) > 0.6 * height) or boxes[b][0] < boxes[a][0] - height:
            cuts.add(b)
    result: list[_Segment] = []
    current: list[int] = []
    for i in range(start, end):
        if i in cuts and current:
            result.append(_make_segment(textpage, text, boxes, current))
            current = []
        current.append(i)
    if current:
        result.append(_make_segment(textpage, text, boxes, current))
    result = [seg for seg in result if seg.text.strip()]
    merged: list[_Segment] = []
    for seg in result:  # a bullet glyph set apart from its text belongs to that text
        if merged and merged[-1].text.strip() in _BULLETS:
            bullet = merged.pop()
            seg = _make_segment(textpage, text, boxes, bullet.chars + seg.chars)
        merged.append(seg)
    return merged


def _make_segment(textpage: object, text: str,
                  boxes: list[tuple[float, float, float, float]], chars: list[int]) -> _Segment:
    visible = [i for i in chars if not text[i].isspace() and boxes[i][1] > boxes[i][0]]
    if not visible:
        visible = chars
    xs: list[tuple[float, float]] = []
    previous = boxes[visible[0]][0]
    for i in chars:
        left, right, _, _ = boxes[i]
        if text[i].isspace() or right <= left:
            xs.append((previous, previous))
        else:
            xs.append((left, right))
            previous = right
    sample = visible[len(visible) // 2]
    glyph_height = max(boxes[i][3] - boxes[i][2] for i in visible)
    size = pdfium_c.FPDFText_GetFontSize(textpage, sample)
    if size < 3:  # text drawn at size 1 and scaled by its matrix: estimate from the glyphs
        size = glyph_height * 1.35
    weight = pdfium_c.FPDFText_GetFontWeight(textpage, sample)
    bold = weight >= 600 if weight > 0 else _font_name_is_bold(textpage, sample)
    return _Segment(
        chars=chars,
        text="".join(text[i] for i in chars),
        xs=xs,
        x0=min(boxes[i][0] for i in visible),
        x1=max(boxes[i][1] for i in visible),
        bottom=min(boxes[i][2] for i in visible),
        top=max(boxes[i][3] for i in visible),
        size=float(size),
        bold=bold,
    )


def _font_name_is_bold(textpage: object, index: int) -> bool:
    name = _font_name(textpage, index).lower()
    return "bold" in name or "black" in name or "heavy" in name or name.endswith(",b")


def _body_size(segments: list[_Segment]) -> float:
    weighted = [seg.size for seg in segments for _ in range(min(len(seg.text), 200))]
    return statistics.median(weighted) if weighted else 10.0


# -- layout -------------------------------------------------------------------------------

def _page_blocks(segments: list[_Segment], page: int, body: float) -> list[Block]:
    blocks: list[Block] = []
    gutter = _find_gutter(segments)
    if gutter is None:
        groups = [_rows(segments)]
    elif _is_label_column([s for s in segments if s.x1 <= gutter]):
        groups = [_rows_with_labels(segments, gutter, left=True)]
    elif _is_label_column([s for s in segments if s.x0 >= gutter]):
        groups = [_rows_with_labels(segments, gutter, left=False)]
    else:
        groups = _column_groups(segments, gutter)
    for rows in groups:
        blocks.extend(_group_blocks(rows, page, body))
    return blocks


def _column_groups(segments: list[_Segment], gutter: float) -> list[list[_Row]]:
    """Rows in reading order: the full-width head, the left column, the right one, the tail.

    The head ends with the last row near the top that crosses the gutter (a contact line
    under the name); the tail starts with the first crossing row near the bottom.
    """
    rows = _rows(segments)
    crossing = [any(s.x0 < gutter < s.x1 for s in row.segments) for row in rows]
    count = len(rows)
    head_end = 0
    for index in range(max(1, int(0.3 * count))):
        if crossing[index]:
            head_end = index + 1
    tail_start = count
    for index in range(count - 1, int(0.7 * count) - 1, -1):
        if index >= head_end and crossing[index]:
            tail_start = index
    left: list[_Segment] = []
    right: list[_Segment] = []
    for row in rows[head_end:tail_start]:
        for seg in row.segments:
            (left if gutter - seg.x0 >= seg.x1 - gutter else right).append(seg)
    groups = [rows[:head_end], _rows(left), _rows(right), rows[tail_start:]]
    return [group for group in groups if group]


def _stacks(side: list[_Segment]) -> list[list[_Segment]]:
    """Runs of vertically adjacent segments, top to bottom ("2017 –" over "Present")."""
    stacks: list[list[_Segment]] = []
    for seg in sorted(side, key=lambda s: -s.top):
        if stacks and stacks[-1][-1].bottom - seg.top < 0.8 * seg.height:
            stacks[-1].append(seg)
        else:
            stacks.append([seg])
    return stacks


def _rows_with_labels(segments: list[_Segment], gutter: float, left: bool) -> list[_Row]:
    """Rows for a date/label column beside entries: each label joins the row it starts at."""
    side = [s for s in segments if (s.x1 <= gutter if left else s.x0 >= gutter)]
    rows = _rows([s for s in segments if s not in side])
    stacks: list[list[_Segment]] = []
    for stack in _stacks(side):
        above = stacks[-1][-1] if stacks else None
        if (above is not None and _OPEN_RANGE.search(above.text)
                and _range_end(stack[0].text) and above.bottom - stack[0].top < 1.5 * above.height):
            # "2021 -" above "Present": a date range wrapped in its narrow column is one label,
            # not a label for the next line of the entry ("Present | Leading a team ...").
            stacks[-1].extend(stack)
        else:
            stacks.append(stack)
    for stack in stacks:
        head = stack[0]
        best: _Row | None = None
        best_overlap = 0.0
        for row in rows:
            overlap = min(row.top, head.top) - max(row.bottom, head.bottom)
            if overlap > best_overlap:
                best, best_overlap = row, overlap
        if best is None:
            rows.append(_Row(list(stack)))
        elif left:
            best.segments[:0] = stack
        else:
            best.segments.extend(stack)
    rows.sort(key=lambda r: -r.top)
    return rows


def _range_end(text: str) -> bool:
    """"Present", "Current", "2021", "Mar 2021": the end of a range, not a range of its own
    ("2018 - 2021" below an ongoing "2021 -" is the next entry's dates)."""
    text = text.strip()
    return len(text) <= 20 and _DATE_WORD.search(text) is not None and \
        _OPEN_RANGE.search(text) is None and not re.search(r"[-\u2013\u2014]|\bto\b", text)


_OPEN_RANGE = re.compile(r"(?:[-\u2013\u2014]|\bto|\buntil)\s*$", re.IGNORECASE)


def _find_gutter(segments: list[_Segment]) -> float | None:
    """The x of a vertical gap between two text columns, or None for one flowing column."""
    if len(segments) < 10:
        return None
    page_left = min(s.x0 for s in segments)
    page_right = max(s.x1 for s in segments)
    width = page_right - page_left
    if width <= 0:
        return None
    best: tuple[int, float] | None = None
    # A right column starts at a left edge shared by many segments; try just left of each.
    candidates = sorted({s.x0 - 1.5 for s in segments})
    for x in candidates:
        if not page_left + 0.15 * width <= x <= page_left + 0.85 * width:
            continue
        left = [s for s in segments if s.x1 <= x]
        right = [s for s in segments if s.x0 >= x]
        if len(left) < 5 or len(right) < 5:
            continue
        top = min(max(s.top for s in left), max(s.top for s in right))
        bottom = max(min(s.bottom for s in left), min(s.bottom for s in right))
        if top - bottom < 0.25 * (max(s.top for s in segments) - min(s.bottom for s in segments)):
            continue
        crossing = [s for s in segments if s.x0 < x < s.x1 and s.bottom < top and s.top > bottom]
        in_band = [s for s in left + right if s.bottom < top and s.top > bottom]
        if len(crossing) > 0.08 * len(in_band):
            continue
        score = min(len(left), len(right))
        if best is None or score > best[0]:
            best = (score, float(x))
    return None if best is None else best[1]


def _is_label_column(side: list[_Segment]) -> bool:
    """Short labels in small stacks beside entries (dates, places), not a flowing sidebar."""
    if not side:
        return False
    short = sum(1 for s in side if len(s.text.strip()) <= 28)
    if short < 0.8 * len(side):
        return False
    stacks = _stacks(side)
    # What sits beside each entry is its dates (and place); a sidebar holds skills and contacts.
    dated = sum(1 for stack in stacks if any(_DATE_WORD.search(s.text) for s in stack))
    return len(stacks) >= 2 and dated >= 0.5 * len(stacks)


def _rows(segments: list[_Segment]) -> list[_Row]:
    """Group segments into rows by vertical overlap, top to bottom, left to right.

    A bullet glyph alone joins the highest row it overlaps: bullets sit on an item's first
    line even when drawn large enough to overlap the second.
    """
    rows: list[_Row] = []
    bullets = [s for s in segments if s.text.strip() in _BULLETS]
    for seg in sorted((s for s in segments if s.text.strip() not in _BULLETS),
                      key=lambda s: (-s.top, s.x0)):
        for row in reversed(rows[-3:]):
            overlap = min(row.top, seg.top) - max(row.bottom, seg.bottom)
            if overlap > 0.5 * max(seg.height, row.top - row.bottom):
                row.segments.append(seg)
                row.segments.sort(key=lambda s: s.x0)
                break
        else:
            rows.append(_Row([seg]))
    for bullet in bullets:
        target = next((row for row in rows if min(row.top, bullet.top)
                       - max(row.bottom, bullet.bottom) >= 0.3 * (row.top - row.bottom)), None)
        if target is not None and target.text[:1].islower():
            index = rows.index(target)
            above = rows[index - 1] if index else None
            if (above is not None and above.text[:1].isupper()
                    and above.bottom - target.top < 1.5 * (target.top - target.bottom)):
                target = above  # the glyph overlaps a continuation line: it marks the one above
        if target is None:
            rows.append(_Row([bullet]))
            rows.sort(key=lambda r: -r.top)
        else:
            target.segments.insert(0, bullet)
    return _join_wrapped_dates(rows)


def _join_wrapped_dates(rows: list[_Row]) -> list[_Row]:
    """"2021 -" above "Present" at the left of two rows: a date range wrapped in a narrow date
    column belongs to the first row, not to the next line of the entry ("Present | Leading")."""
    for above, row in itertools.pairwise(rows):
        if not (above.spread and row.spread):
            continue
        label, rest = row.segments[0], above.segments[0]
        aligned = abs(label.x0 - rest.x0) < 3 or abs(label.x1 - rest.x1) < 3  # left or right
        if (_OPEN_RANGE.search(rest.text) and aligned and label.x1 < row.segments[1].x0
                and _range_end(label.text) and rest.bottom - label.top < 1.5 * label.height):
            row.segments.pop(0)
            above.segments.insert(1, label)
    return [row for row in rows if row.segments]


def _short(row: _Row) -> bool:
    text = row.text.strip()
    return bool(text) and len(text) <= 60 and len(text.split()) <= 7 and text[-1] not in ".,;"


def _heading_like(row: _Row, body: float) -> bool:
    """Short and set apart by capitals or a larger size."""
    if not _short(row):
        return False
    letters = [c for c in row.text if c.isalpha()]
    caps = len(letters) >= 4 and not any(c.islower() for c in letters)
    return caps or row.size >= 1.15 * body


def _group_blocks(rows: list[_Row], page: int, body: float) -> list[Block]:
    if not rows:
        return []
    group_left = min(r.x0 for r in rows)
    group_right = max(r.x1 for r in rows)
    width = max(group_right - group_left, 1.0)
    blocks: list[Block] = []
    current: list[_Row] = []

    def flush() -> None:
        if current:
            block = _build_block(current, page, body)
            if block is not None:
                blocks.append(block)
            current.clear()

    for row in rows:
        if current and _continues(current, row, body, width, group_right):
            current.append(row)
            continue
        flush()
        current.append(row)
    flush()
    return blocks


def _continues(current: list[_Row], row: _Row, body: float, width: float,
               right: float) -> bool:
    """Is ``row`` a wrapped continuation of the paragraph made of ``current``? ``right`` is
    the right edge of the column."""
    previous = current[-1]
    first_text = row.text.lstrip()
    if len(current) == 1 and current[0].text.strip() in _BULLETS:
        return True  # a bullet glyph alone on its row: its text is on the next row
    if row.spread:
        return False
    if previous.spread:
        # A label column's row ("Present | Leading teams ...") wraps under its last segment.
        last = previous.segments[-1]
        if abs(row.x0 - last.x0) > 2 or last.x1 - last.x0 < 0.5 * width:
            return False
    if first_text[:1] in _BULLETS and (len(first_text) < 2 or first_text[1] == " "):
        return False
    if _ENUMERATOR.match(first_text) or _DATE_START.match(first_text):
        return False
    if _heading_like(previous, body) or _heading_like(row, body):
        return False
    if (previous.bold and _short(previous)) != (row.bold and _short(row)):
        return False
    if abs(row.size - previous.size) > 1.0:
        return False
    gap = previous.bottom - row.top
    if gap > 0.8 * max(previous.top - previous.bottom, 1.0):
        return False
    text_x0 = previous.segments[-1].x0 if previous.spread else previous.x0
    if previous.x1 - text_x0 < 0.55 * width:
        return False  # a short line is a line of its own, not part of a wrapped paragraph
    words = first_text.split()
    char_width = (previous.x1 - text_x0) / max(len(previous.segments[-1].text), 1)
    local_right = max(max(r.x1 for r in current), row.x1)
    if not words or local_right - previous.x1 > (len(words[0]) + 2) * char_width:
        return False  # the next line's first word would have fitted: no wrap happened here
    if (previous.text.rstrip().endswith((".", "!", "?")) and first_text[:1].isupper()
            and right - previous.x1 > (len(words[0]) + 2) * char_width):
        # A sentence ended and the next one, which would have fitted after it, starts a line:
        # a bullet whose glyph is drawn, not written ("...uptime by 15%." / "Managed ...").
        return False
    return row.x0 >= (current[0].segments[-1].x0 if current[0].spread else current[0].x0) - 2 * body


def _build_block(rows: list[_Row], page: int, body: float) -> Block | None:
    builder = BlockBuilder(page=page)
    for row_index, row in enumerate(rows):
        if row_index and not rows[row_index - 1].segments[-1].text.rstrip().endswith("\ufffe"):
            builder.add_separator("\n")  # pdfium marks a word hyphenated at the line end with U+FFFE
        for seg_index, seg in enumerate(row.segments):
            if seg_index and _OPEN_RANGE.search(row.segments[seg_index - 1].text) and \
                    _range_end(seg.text):
                builder.add_separator(" ")  # "2021 -" and "Present": one date range
            elif seg_index:  # text set apart on one line: keep it visibly apart
                builder.add_separator(" | ")
            builder.add(seg.text, _SegmentPiece(page, seg))
    first = rows[0]
    heading = len(rows) == 1 and _heading_like(first, body)
    style = Style(bold=all(r.bold for r in rows), font_size=round(max(r.size for r in rows), 1),
                  heading_level=0)
    return builder.build(BlockKind.HEADING if heading else BlockKind.PARAGRAPH, style)


class _SegmentPiece:
    __slots__ = ("page", "segment")

    def __init__(self, page: int, segment: _Segment) -> None:
        self.page = page
        self.segment = segment

    def __call__(self, raw_start: int, raw_end: int) -> PdfPiece:
        seg = self.segment
        return PdfPiece(raw_start, raw_end, self.page, tuple(seg.chars), tuple(seg.xs),
                        seg.bottom, seg.top)
