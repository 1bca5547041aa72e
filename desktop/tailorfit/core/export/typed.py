"""The user's own typing, recovered as edits with source anchors.

The window re-reads its working copy as pasted text after every change, so a typed word no
longer knows its run. The source document still does: diffing the working text against the
source's analysed text (line by line, then word by word inside changed lines) finds every
changed span in source coordinates, and the source blocks give their anchors.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from tailorfit.core.edits import Edit, Origin, delete_text, insert_text, word_edits
from tailorfit.core.model import BlockKind, Document, InsertionPoint, Position, Region
from tailorfit.core.normalize import normalize
from tailorfit.core.parse.headings import looks_like_heading
from tailorfit.core.readers.builder import list_marker_end

_PAIR_RATIO = 0.4  # lines at least this alike are one line edited, not one removed, one added


def typed_edits(source: Document, working_text: str) -> list[Edit]:
    """Edits turning ``source`` into ``working_text`` (the text the resume pane shows).

    ``working_text`` starts out as ``source.text``; lines are blocks. A changed line becomes
    word-level edits of its block, a removed line a delete of the whole block (its paragraph
    goes), and a new line a new paragraph next to the closest block, copying its look.
    """
    old = [block.text for block in source.blocks]
    new = [line.strip() for line in working_text.replace("\r\n", "\n").replace("\r", "\n")
           .split("\n") if line.strip()]
    edits: list[Edit] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        pairs = _pair(old[i1:i2], new[j1:j2])
        paired_old = {i for i, _ in pairs}
        previous = i1 - 1 if i1 > 0 else None
        next_new = j1
        for i, j in [*pairs, (i2 - i1, j2 - j1)]:
            # New lines before this pair go after the last block seen.
            upcoming = i1 + i if i1 + i < len(old) else None
            for k in range(next_new, j1 + j):
                point = _place(source, previous, upcoming, new[k])
                edits.append(insert_text(source, point, new[k]))
            next_new = j1 + j + 1
            if i1 + i < i2:
                edits.extend(_changed(source, i1 + i, new[j1 + j]))
                previous = i1 + i
        for offset in range(i2 - i1):
            if offset not in paired_old:
                index = i1 + offset
                edits.append(delete_text(source, index, 0, len(old[index])))
    return [edit.labelled(Origin.TYPED) for edit in edits]


def _changed(source: Document, index: int, line: str) -> list[Edit]:
    if normalize(line).text == source.blocks[index].text:
        return []  # only spacing or quote styles the reader folds anyway
    return word_edits(source, index, line)


def _pair(old: Sequence[str], new: Sequence[str]) -> list[tuple[int, int]]:
    """In-order pairs (old index, new index) of lines alike enough to be one line edited."""
    pairs: list[tuple[int, int]] = []
    start = 0
    for i, line in enumerate(old):
        best, best_ratio = None, _PAIR_RATIO
        for j in range(start, len(new)):
            matcher = difflib.SequenceMatcher(None, line, new[j], autojunk=False)
            if matcher.quick_ratio() < best_ratio:
                continue
            ratio = matcher.ratio()
            if ratio >= best_ratio:
                best, best_ratio = j, ratio
        if best is not None:
            pairs.append((i, best))
            start = best + 1
    return pairs


def _place(source: Document, previous: int | None, following: int | None,
           text: str) -> InsertionPoint:
    """Where a new line goes: after the block above it, unless the block below fits better.

    A line under a heading (or a line that looks like one: short, bold or in capitals), at
    the top of a list, or below the page header belongs with the block below it (it copies
    that block's look).
    """
    if previous is None:
        return InsertionPoint(following or 0, Position.BEFORE)
    if following is None:
        return InsertionPoint(previous, Position.AFTER)
    above, below = source.blocks[previous], source.blocks[following]
    if above.region is not Region.BODY and below.region is Region.BODY:
        return InsertionPoint(following, Position.BEFORE)
    if looks_like_heading(above, above.content) and not looks_like_heading(below, below.content):
        return InsertionPoint(following, Position.BEFORE)
    if below.kind is BlockKind.LIST_ITEM and above.kind is not BlockKind.LIST_ITEM and (
            list_marker_end(text) or below.region is above.region):
        return InsertionPoint(following, Position.BEFORE)
    return InsertionPoint(previous, Position.AFTER)
