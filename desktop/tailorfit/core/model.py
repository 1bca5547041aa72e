"""The document model: ordered blocks of normalised text, each mapped back to its source.

Every reader produces a :class:`Document`. Its analysed text is the blocks' texts joined by
newlines; any character range of it maps back to places in the original file through
:meth:`Document.anchors`. Highlights in the window and in-place DOCX edits both rely on it.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Protocol


class BlockKind(StrEnum):
    """What a block is in its document."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_CELL = "table_cell"


class Position(StrEnum):
    """Where an insertion goes relative to a block.

    ``before`` and ``after`` add a new paragraph next to the block (it copies the block's
    paragraph properties, style and numbering); ``inside`` adds text within the block.
    """

    BEFORE = "before"
    AFTER = "after"
    INSIDE = "inside"


class Region(StrEnum):
    """Where a block sits on the page."""

    BODY = "body"
    HEADER = "header"
    FOOTER = "footer"
    TEXTBOX = "textbox"


class SourceFormat(StrEnum):
    """The kind of file a document was read from."""

    DOCX = "docx"
    PDF = "pdf"
    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"
    PASTE = "paste"


@dataclass(frozen=True, slots=True)
class Style:
    """Formatting hints a parser can use to find structure."""

    bold: bool = False
    all_caps: bool = False
    heading_level: int = 0
    list_level: int | None = None
    font_size: float | None = None


@dataclass(frozen=True, slots=True)
class DocxAnchor:
    """Characters ``start:end`` of one text run of one paragraph of a DOCX part.

    ``paragraph`` counts every ``w:p`` of the part in document order; ``run`` counts the text
    runs of that paragraph as :func:`tailorfit.core.readers.docx_xml.text_runs` yields them.
    """

    part: str
    paragraph: int
    run: int
    start: int
    end: int

    def to_json(self) -> dict[str, object]:
        return {"type": "docx", "part": self.part, "paragraph": self.paragraph,
                "run": self.run, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class PdfAnchor:
    """Characters ``start:end`` of a page's text layer and the box they occupy (PDF points)."""

    page: int
    start: int
    end: int
    bbox: tuple[float, float, float, float]

    def to_json(self) -> dict[str, object]:
        return {"type": "pdf", "page": self.page + 1, "start": self.start, "end": self.end,
                "bbox": [round(v, 1) for v in self.bbox]}


@dataclass(frozen=True, slots=True)
class TextAnchor:
    """Columns ``start:end`` of a 1-based line of the decoded source text."""

    line: int
    start: int
    end: int

    def to_json(self) -> dict[str, object]:
        return {"type": "text", "line": self.line, "start": self.start, "end": self.end}


Anchor = DocxAnchor | PdfAnchor | TextAnchor


@dataclass(frozen=True, slots=True)
class InsertionPoint:
    """A place where text can be added: before, after or inside block ``block``.

    An empty range has no anchor of its own, so an insertion names the block it is next to
    (or in) and, inside a block, the normalised offset the new text goes before (``None``:
    at the end of the block).
    """

    block: int
    position: Position
    offset: int | None = None


@dataclass(frozen=True, slots=True)
class ParagraphProps:
    """What a writer needs to add a paragraph like this one (a DOCX paragraph's look).

    The reader keeps the style id, the list numbering (``num_id`` and ``level``, from the
    paragraph or its style) and the paragraph's own ``w:pPr`` as XML, so a new bullet can
    copy its neighbour and continue the same list.
    """

    style_id: str | None = None
    num_id: int | None = None
    level: int | None = None
    xml: bytes = b""


class Piece(Protocol):
    """A stretch of a block's raw text that came from one place in the source."""

    @property
    def raw_start(self) -> int: ...

    @property
    def raw_end(self) -> int: ...

    def anchor(self, start: int, end: int) -> Anchor:
        """The anchor for raw offsets ``start:end`` (relative to the block) inside this piece."""
        ...


@dataclass(frozen=True, slots=True)
class TextPiece:
    """Raw text copied from one line of a text source, starting at column ``column``.

    ``source_width`` is set when the raw text is a decoded form of a longer source spelling
    (an HTML entity): every range of it then anchors to the whole spelling.
    """

    raw_start: int
    raw_end: int
    line: int
    column: int
    source_width: int | None = None

    def anchor(self, start: int, end: int) -> Anchor:
        if self.source_width is not None:
            return TextAnchor(self.line, self.column, self.column + self.source_width)
        shift = self.column - self.raw_start
        return TextAnchor(self.line, start + shift, end + shift)


@dataclass(frozen=True, slots=True)
class DocxPiece:
    """Raw text copied from one DOCX run, starting at character ``offset`` of the run."""

    raw_start: int
    raw_end: int
    part: str
    paragraph: int
    run: int
    offset: int = 0

    def anchor(self, start: int, end: int) -> Anchor:
        shift = self.offset - self.raw_start
        return DocxAnchor(self.part, self.paragraph, self.run, start + shift, end + shift)


@dataclass(frozen=True, slots=True)
class PdfPiece:
    """Raw text of one PDF line segment: per raw character its text-layer index and x extent."""

    raw_start: int
    raw_end: int
    page: int
    chars: tuple[int, ...]
    xs: tuple[tuple[float, float], ...]
    bottom: float
    top: float

    def anchor(self, start: int, end: int) -> Anchor:
        lo, hi = start - self.raw_start, end - self.raw_start
        xs = self.xs[lo:hi] or self.xs[-1:]
        x0 = min(x[0] for x in xs)
        x1 = max(x[1] for x in xs)
        first = self.chars[lo] if lo < len(self.chars) else self.chars[-1]
        last = self.chars[hi - 1] if hi - 1 < len(self.chars) else self.chars[-1]
        return PdfAnchor(self.page, min(first, last), max(first, last) + 1,
                         (x0, self.bottom, x1, self.top))


@dataclass(frozen=True, slots=True)
class Block:
    """One heading, paragraph, list item or table cell of normalised text.

    ``starts[i]``/``ends[i]`` give the raw offsets that normalised character ``i`` came from;
    ``pieces`` map raw offsets to the source. ``content_start`` skips a leading list marker.
    """

    kind: BlockKind
    text: str
    starts: array[int]
    ends: array[int]
    pieces: tuple[Piece, ...]
    style: Style = field(default_factory=Style)
    region: Region = Region.BODY
    content_start: int = 0
    page: int | None = None
    props: ParagraphProps | None = None

    @property
    def content(self) -> str:
        """The text without its list marker."""
        return self.text[self.content_start:]

    def raw_range(self, start: int, end: int) -> tuple[int, int]:
        """Raw offsets covering normalised characters ``start:end`` of this block."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"range {start}:{end} is outside a block of {len(self.text)} chars")
        return self.starts[start], self.ends[end - 1]

    def anchors(self, start: int, end: int) -> list[Anchor]:
        """Source anchors for normalised characters ``start:end`` of this block, in order."""
        raw_start, raw_end = self.raw_range(start, end)
        found: list[Anchor] = []
        index = max(0, bisect.bisect_right([p.raw_start for p in self.pieces], raw_start) - 1)
        for piece in self.pieces[index:]:
            if piece.raw_start >= raw_end:
                break
            lo, hi = max(raw_start, piece.raw_start), min(raw_end, piece.raw_end)
            if lo < hi:
                found.append(piece.anchor(lo, hi))
        return found

    def point_anchor(self, offset: int) -> Anchor | None:
        """The empty source range where text inserted before normalised ``offset`` goes.

        Text typed after a character continues that character's run (as in a word
        processor), so the point sits at the end of the previous character's piece; at
        offset 0 it sits at the start of the first character's piece.
        """
        if not 0 <= offset <= len(self.text) or not self.pieces:
            return None
        if offset > 0:
            raw = self.ends[offset - 1]
            for piece in self.pieces:
                if piece.raw_start < raw <= piece.raw_end:
                    return piece.anchor(raw, raw)
        raw = self.starts[offset] if offset < len(self.text) else self.ends[-1]
        for piece in self.pieces:
            if piece.raw_start <= raw < piece.raw_end:
                return piece.anchor(raw, raw)
        return None


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """Where a document came from.

    ``digest`` is the SHA-256 of the file's bytes as read: an export that writes into the
    source's own structure refuses a file that changed on disk after it was opened.
    """

    format: SourceFormat
    path: Path | None = None
    pages: int | None = None
    warnings: tuple[str, ...] = ()
    digest: str | None = None

    @property
    def label(self) -> str:
        return self.path.name if self.path else "pasted text"


@dataclass(frozen=True, slots=True)
class BlockSpan:
    """A character range ``start:end`` inside block number ``block``."""

    block: int
    start: int
    end: int


class Document:
    """An immutable sequence of blocks plus the analysed text they form."""

    __slots__ = ("_starts", "blocks", "source", "text")

    def __init__(self, blocks: Sequence[Block], source: SourceInfo) -> None:
        self.blocks: tuple[Block, ...] = tuple(blocks)
        self.source = source
        starts: list[int] = []
        offset = 0
        for block in self.blocks:
            starts.append(offset)
            offset += len(block.text) + 1
        self._starts = starts
        self.text = "\n".join(block.text for block in self.blocks)

    def __repr__(self) -> str:
        return f"Document({self.source.label!r}, {len(self.blocks)} blocks)"

    def block_start(self, index: int) -> int:
        """Offset of block ``index`` in :attr:`text`."""
        return self._starts[index]

    def block_at(self, offset: int) -> int:
        """Index of the block containing ``offset`` of :attr:`text` (the separator belongs left)."""
        if not self.blocks:
            raise ValueError("the document has no blocks")
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def split(self, start: int, end: int) -> Iterator[BlockSpan]:
        """The per-block pieces of text range ``start:end``, skipping block separators."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"range {start}:{end} is outside a text of {len(self.text)} chars")
        if start == end:
            return
        for index in range(self.block_at(start), len(self.blocks)):
            base = self._starts[index]
            if base >= end:
                break
            lo = max(start, base) - base
            hi = min(end, base + len(self.blocks[index].text)) - base
            if lo < hi:
                yield BlockSpan(index, lo, hi)

    def anchors(self, start: int, end: int) -> list[Anchor]:
        """Source anchors for characters ``start:end`` of :attr:`text`, in document order."""
        found: list[Anchor] = []
        for span in self.split(start, end):
            found.extend(self.blocks[span.block].anchors(span.start, span.end))
        return found
