"""One edit type for every change an export carries: accepted suggestions, typed changes, --apply.

An :class:`Edit` replaces, inserts or deletes text of the *source* document, the one read
from the file. It names the block and the normalised character range it changes and, taken
from that document when the edit is made, the source anchors of that range: a DOCX export
writes through those anchors into the runs they came from, and a clean export builds on the
block texts. Anchors are resolved while the source is still the document they were made
from: once the window re-reads its working copy as pasted text, they are gone (see
:mod:`tailorfit.core.export.typed`, which recovers them by diffing).

Edits are small: a suggestion that rewrites a bullet becomes the word-level differences
between the old and the new bullet, so every unchanged word keeps its run and formatting.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from tailorfit.core.errors import EditConflictError
from tailorfit.core.model import (
    Anchor,
    Block,
    BlockKind,
    Document,
    InsertionPoint,
    Position,
)
from tailorfit.core.normalize import normalize
from tailorfit.core.readers.builder import list_marker_end


class EditKind(StrEnum):
    REPLACE = "replace"
    INSERT = "insert"
    DELETE = "delete"


class Origin(StrEnum):
    """Where an edit came from: an accepted suggestion or the user's own typing."""

    SUGGESTION = "suggestion"
    TYPED = "typed"


@dataclass(frozen=True, slots=True)
class Edit:
    """A change to block ``block`` of the source document.

    - replace/delete: normalised characters ``start:end`` of the block become ``text``
      (empty for a delete); ``anchors`` are their source places.
    - insert inside: ``text`` goes before character ``start`` (== ``end``); ``anchors`` hold
      the one empty source range where it goes.
    - insert before/after: ``text`` is a new paragraph next to the block, which it copies
      (paragraph properties, style, numbering); ``anchors`` hold the block's first anchor.
    """

    kind: EditKind
    block: int
    start: int
    end: int
    text: str = ""
    position: Position = Position.INSIDE
    anchors: tuple[Anchor, ...] = ()
    origin: Origin = Origin.TYPED
    suggestions: tuple[str, ...] = ()  # ids of the accepted suggestions it carries

    @property
    def is_paragraph(self) -> bool:
        """A new paragraph before or after the block (not text within it)."""
        return self.kind is EditKind.INSERT and self.position is not Position.INSIDE

    def whole_block(self, document: Document) -> bool:
        """A delete of every character of its block: the paragraph itself goes."""
        return (self.kind is EditKind.DELETE and self.start == 0
                and self.end == len(document.blocks[self.block].text))

    def labelled(self, origin: Origin, suggestions: Sequence[str] = ()) -> Edit:
        return replace(self, origin=origin, suggestions=tuple(suggestions))


def replace_text(document: Document, block: int, start: int, end: int, text: str) -> Edit:
    """Characters ``start:end`` of a block become ``text`` (empty: a delete)."""
    target = _block(document, block)
    if not 0 <= start < end <= len(target.text):
        raise ValueError(f"range {start}:{end} is outside block {block} of {len(target.text)} chars")
    kind = EditKind.REPLACE if text else EditKind.DELETE
    return Edit(kind, block, start, end, text, Position.INSIDE, tuple(target.anchors(start, end)))


def delete_text(document: Document, block: int, start: int, end: int) -> Edit:
    return replace_text(document, block, start, end, "")


def insert_text(document: Document, point: InsertionPoint, text: str) -> Edit:
    """``text`` inserted at ``point``: within a block, or as a new paragraph next to it."""
    target = _block(document, point.block)
    if not text:
        raise ValueError("an insertion needs text")
    if point.position is Position.INSIDE:
        offset = len(target.text) if point.offset is None else point.offset
        if not 0 <= offset <= len(target.text):
            raise ValueError(f"offset {offset} is outside block {point.block}")
        anchor = target.point_anchor(offset)
        return Edit(EditKind.INSERT, point.block, offset, offset, text, Position.INSIDE,
                    (anchor,) if anchor is not None else ())
    anchors = target.anchors(0, len(target.text))
    return Edit(EditKind.INSERT, point.block, 0, 0, text, point.position, tuple(anchors[:1]))


def _block(document: Document, index: int) -> Block:
    if not 0 <= index < len(document.blocks):
        raise ValueError(f"block {index} is outside a document of {len(document.blocks)} blocks")
    return document.blocks[index]


# -- word-level differences ---------------------------------------------------------------------

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


def word_edits(document: Document, block: int, new_text: str, *, base: int = 0) -> list[Edit]:
    """The smallest word-level edits turning the block's text from ``base`` on into ``new_text``.

    Unchanged words stay where they are, so each keeps its run (and bold, links, fields).
    """
    old = document.blocks[block].text[base:]
    edits: list[Edit] = []
    for tag, lo, hi, new_lo, new_hi in _token_opcodes(old, new_text):
        if tag == "equal":
            continue
        piece = new_text[new_lo:new_hi]
        if lo == hi:
            edits.append(insert_text(document, InsertionPoint(block, Position.INSIDE, base + lo),
                                     piece))
        else:
            edits.append(replace_text(document, block, base + lo, base + hi, piece))
    return edits


def _token_opcodes(old: str, new: str) -> list[tuple[str, int, int, int, int]]:
    """difflib opcodes over words, spaces and punctuation, in character offsets."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    a_at, b_at = _offsets(a), _offsets(b)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return [(tag, a_at[i1], a_at[i2], b_at[j1], b_at[j2])
            for tag, i1, i2, j1, j2 in matcher.get_opcodes()]


def _offsets(tokens: list[str]) -> list[int]:
    at = [0]
    for token in tokens:
        at.append(at[-1] + len(token))
    return at


# -- checks and the tailored document -----------------------------------------------------------

def check_edits(document: Document, edits: Iterable[Edit]) -> None:
    """Refuse edits outside their block or overlapping one another."""
    spans: dict[int, list[tuple[int, int, Edit]]] = {}
    for edit in edits:
        block = _block(document, edit.block)
        if not 0 <= edit.start <= edit.end <= len(block.text):
            raise ValueError(f"edit {edit.start}:{edit.end} is outside block {edit.block}")
        if not edit.is_paragraph:
            spans.setdefault(edit.block, []).append((edit.start, edit.end, edit))
    for block_index, found in spans.items():
        found.sort(key=lambda item: (item[0], item[1]))
        for (_, end, first), (start, _, second) in itertools.pairwise(found):
            if start < end:
                text = document.blocks[block_index].text
                raise EditConflictError(
                    f"Two changes overlap in \"{_short(text)}\" ({_who(first)} and "
                    f"{_who(second)}). Accept only one of them, or make the change by hand.")


def _who(edit: Edit) -> str:
    if edit.suggestions:
        return "suggestion " + ", ".join(edit.suggestions)
    return "your typing"


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def tailored_texts(document: Document, edits: Sequence[Edit]) -> dict[int, str]:
    """Block index -> the block's raw text after its in-block edits (changed blocks only)."""
    by_block: dict[int, list[Edit]] = {}
    for edit in edits:
        if not edit.is_paragraph:
            by_block.setdefault(edit.block, []).append(edit)
    texts: dict[int, str] = {}
    for index, found in by_block.items():
        text = document.blocks[index].text
        for edit in right_to_left(found):
            text = text[:edit.start] + edit.text + text[edit.end:]
        texts[index] = text
    return texts


def right_to_left(edits: Sequence[Edit]) -> list[Edit]:
    """In-block edits in the order that keeps every later one's offsets valid.

    Right to left; an insert at the start of a replaced range goes before the replacement;
    inserts at one place end up in the order given.
    """
    order = sorted(range(len(edits)), reverse=True, key=lambda i: (
        edits[i].start, edits[i].end, edits[i].kind is not EditKind.INSERT, i))
    return [edits[i] for i in order]


def apply_edits(document: Document, edits: Sequence[Edit]) -> Document:
    """The tailored document in memory: what the export will hold, as the reader will see it.

    Changed blocks keep their kind, look and region; a new paragraph copies the block it is
    inserted next to. Changed text is normalised as a reader would; changed and new blocks
    have no source anchors (they are not in the source). A block whose text is all
    deleted is left out.
    """
    check_edits(document, edits)
    texts = tailored_texts(document, edits)
    before: dict[int, list[Edit]] = {}
    after: dict[int, list[Edit]] = {}
    for edit in edits:
        if edit.is_paragraph:
            (before if edit.position is Position.BEFORE else after).setdefault(
                edit.block, []).append(edit)
    blocks: list[Block] = []
    for index, block in enumerate(document.blocks):
        blocks.extend(_new_block(block, paragraph_text(block, e))
                      for e in before.get(index, ()))
        if index in texts:
            changed = _new_block(block, texts[index])
            if changed.text:
                blocks.append(changed)
        else:
            blocks.append(block)
        blocks.extend(_new_block(block, paragraph_text(block, e))
                      for e in after.get(index, ()))
    return Document([b for b in blocks if b.text], document.source)


def numbered(block: Block) -> bool:
    """A list item whose bullet or number comes from list numbering, not from its text."""
    return block.kind is BlockKind.LIST_ITEM and not block.content_start and bool(
        block.props is not None and block.props.num_id)


def paragraph_parts(like: Block, edit: Edit) -> tuple[str, str]:
    """The marker and the text of a new paragraph copying ``like``.

    Where the copied paragraph's numbering draws the bullet, a typed bullet glyph is dropped.
    Where the bullet is typed text ("• ", "- "), a suggested line without one gets the same;
    a line the user typed stays as typed (the working text is what they saw).
    """
    text = edit.text.strip()
    if numbered(like):
        return "", text[list_marker_end(text):]
    if like.content_start and not list_marker_end(text) and edit.origin is Origin.SUGGESTION:
        return like.text[:like.content_start], text
    return "", text


def paragraph_text(like: Block, edit: Edit) -> str:
    """The whole text of a new paragraph copying ``like`` (see :func:`paragraph_parts`)."""
    marker, content = paragraph_parts(like, edit)
    return marker + content


def _new_block(like: Block, raw: str) -> Block:
    normal = normalize(raw)
    text = normal.text
    marker = list_marker_end(text)
    return replace(like, text=text, starts=normal.starts, ends=normal.ends, pieces=(),
                   content_start=marker if marker < len(text) else 0)


def final_text(document: Document, edits: Sequence[Edit], block: int) -> str:
    """The normalised text block ``block`` has after the edits ('' when deleted)."""
    texts = tailored_texts(document, [e for e in edits if e.block == block])
    raw = texts.get(block, document.blocks[block].text)
    return normalize(raw).text
