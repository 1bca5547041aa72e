"""Assembling blocks from raw text pieces: the one place readers turn sources into blocks."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from tailorfit.core.model import Block, BlockKind, ParagraphProps, Piece, Region, Style
from tailorfit.core.normalize import normalize

PieceFactory = Callable[[int, int], Piece]
"""Builds the piece for raw offsets ``start:end`` of the block being assembled."""

# A leading bullet glyph (already folded to "•" or a dash/asterisk) or an enumerator. A round
# bullet may touch its first word ("•Strong communication skills").
_MARKER = re.compile(r"^(?:(?:[•*\-+>\u2192]|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)])(?: |$)|•(?=[A-Z]))")


def list_marker_end(text: str) -> int:
    """Length of a leading list marker plus its space, or 0."""
    match = _MARKER.match(text)
    if not match:
        return 0
    end = match.end()
    while end < len(text) and text[end] == " ":
        end += 1
    return end


def is_all_caps(text: str) -> bool:
    """True when the text has at least two letters and none of them is lowercase."""
    if not text.isupper():  # quick refusal: most lines have a lowercase letter
        return False
    return sum(1 for c in text if c.isalpha()) >= 2


@dataclass
class BlockBuilder:
    """Collects raw text with the pieces it came from, then yields a normalised block."""

    region: Region = Region.BODY
    page: int | None = None
    raw: list[str] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    length: int = 0

    def add(self, text: str, make_piece: PieceFactory | None) -> None:
        """Append ``text``; ``make_piece(start, end)`` records where it came from."""
        if not text:
            return
        start = self.length
        self.raw.append(text)
        self.length += len(text)
        if make_piece is not None:
            self.pieces.append(make_piece(start, self.length))

    def add_separator(self, text: str = " ") -> None:
        """Append text that exists in no source place (a space between PDF segments)."""
        self.add(text, None)

    def build(self, kind: BlockKind, style: Style,
              props: ParagraphProps | None = None) -> Block | None:
        """The normalised block, or None when it holds no visible text."""
        normalized = normalize("".join(self.raw))
        if not normalized.text:
            return None
        marker = list_marker_end(normalized.text)
        if marker and marker == len(normalized.text):
            return None  # a bare bullet with nothing after it
        if marker and kind is BlockKind.PARAGRAPH:
            kind = BlockKind.LIST_ITEM
        if not style.all_caps and is_all_caps(normalized.text):
            style = replace(style, all_caps=True)
        return Block(
            kind=kind,
            text=normalized.text,
            starts=normalized.starts,
            ends=normalized.ends,
            pieces=tuple(self.pieces),
            style=style,
            region=self.region,
            content_start=marker,
            page=self.page,
            props=props,
        )

