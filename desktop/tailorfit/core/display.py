"""Where analysed text sits in the text an editor shows.

An opened file is shown as its analysed text, so offsets map one to one. Once the user edits,
the editor's text is read again as pasted text; its blocks are normalised (spaces collapsed,
bullets folded) and their anchors give the editor columns. Highlights use this map, so they
land on the right characters whatever normalisation did.
"""

from __future__ import annotations

from dataclasses import dataclass

from tailorfit.core.model import Document, TextAnchor
from tailorfit.core.readers.text import split_lines


@dataclass(frozen=True, slots=True)
class DisplayMap:
    """Maps ``start:end`` of a document's analysed text to ranges of the shown text."""

    document: Document
    line_starts: tuple[int, ...] | None  # None: the shown text is the analysed text

    @classmethod
    def identity(cls, document: Document) -> DisplayMap:
        return cls(document, None)

    @classmethod
    def for_text(cls, document: Document, shown: str) -> DisplayMap:
        """For a document read from ``shown`` (the editor's text) as pasted text."""
        starts: list[int] = []
        offset = 0
        for line in split_lines(shown):
            starts.append(offset)
            offset += len(line) + 1
        return cls(document, tuple(starts))

    def ranges(self, start: int, end: int) -> list[tuple[int, int]]:
        """Shown-text ranges for analysed ``start:end`` (several when it spans lines)."""
        if start >= end:
            return []
        if self.line_starts is None:
            return [(start, end)]
        found: list[tuple[int, int]] = []
        for anchor in self.document.anchors(start, end):
            if isinstance(anchor, TextAnchor) and 0 < anchor.line <= len(self.line_starts):
                base = self.line_starts[anchor.line - 1]
                if found and found[-1][1] >= base + anchor.start - 1:
                    found[-1] = (found[-1][0], base + anchor.end)  # join pieces of one run
                else:
                    found.append((base + anchor.start, base + anchor.end))
        return found

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """One shown range covering analysed ``start:end`` (for selecting and scrolling)."""
        ranges = self.ranges(start, end)
        if not ranges:
            return None
        return ranges[0][0], ranges[-1][1]
