"""Tailoring a Word file in place: its own styles, numbering, headers, tables and links stay.

The source package is opened with python-docx; every edit is resolved through its anchors to
run elements first, then applied at the lxml level (python-docx's ``paragraph.runs`` skips
hyperlink runs, which anchors count). New paragraphs copy their neighbour's paragraph
properties, style, numbering and first run's formatting, so an added bullet continues its
list. After python-docx saves, every part no edit touched is copied byte for byte from the
source, so only the changed parts and the modified time differ.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from lxml import etree

from tailorfit.core import docx_xml as dx
from tailorfit.core.edits import Edit, EditKind, paragraph_parts, right_to_left
from tailorfit.core.errors import ExportError, display_name
from tailorfit.core.export.docx_runs import (
    Revisions,
    clean_properties,
    isolate,
    new_run,
    set_text,
)
from tailorfit.core.export.docx_tree import DocxTree, RunSpan, TreePart
from tailorfit.core.model import Document, DocxAnchor, Position

CORE_PROPERTIES = "docProps/core.xml"
# A paragraph holding any of these is kept even when all its text is deleted.
_KEEP_PARAGRAPH = frozenset({"drawing", "pict", "object", "bookmarkStart", "bookmarkEnd",
                             "sectPr", "fldChar", "fldSimple", "commentRangeStart",
                             "commentRangeEnd", "footnoteReference", "endnoteReference"})


@dataclass
class _Resolved:
    edit: Edit
    part: TreePart
    paragraph: dx.Element
    spans: list[RunSpan]  # in-text edits: the characters changed; new paragraphs: the marker
    like_run: dx.Element | None = None  # new paragraphs: the run whose look the text takes


def write_in_place(data: bytes, document: Document, edits: Sequence[Edit], *,
                   tracked: bool = False, now: datetime | None = None) -> bytes:
    """The source package ``data`` with ``edits`` applied, as the bytes of a .docx file."""
    tree = DocxTree(data, document.source.path)
    resolved = [_resolve(tree, document, edit) for edit in edits]  # before anything changes
    changed = {item.part.name for item in resolved}
    roots = [tree.parts[name].root for name in changed]
    w = next((tree.parts[name].w for name in changed), dx.W_MAIN)
    revisions = Revisions.for_parts(tracked, roots, w)

    _insert_paragraphs(document, [r for r in resolved if r.edit.is_paragraph], revisions)
    in_text = [r for r in resolved if not r.edit.is_paragraph]
    by_paragraph: dict[int, list[_Resolved]] = {}
    order: dict[int, tuple[str, int]] = {}
    for item in in_text:
        key = id(item.paragraph)
        by_paragraph.setdefault(key, []).append(item)
        order[key] = (item.part.name, item.part.paragraphs.index(item.paragraph))
    # Later paragraphs first: a text box's paragraphs follow the paragraph holding it, and
    # must be edited before a split of that paragraph's runs copies the text box.
    for key in sorted(by_paragraph, key=order.__getitem__, reverse=True):
        items = by_paragraph[key]
        sequence = right_to_left([item.edit for item in items])
        for edit in sequence:
            item = next(i for i in items if i.edit is edit)
            _apply(item, revisions)
        whole = [item for item in items if item.edit.whole_block(document)]
        if whole:
            _drop_paragraph(whole[0], revisions)

    now = now or datetime.now(UTC)
    if tree.has_core_properties():
        tree.document.core_properties.modified = now.replace(tzinfo=None)
        changed.add(CORE_PROPERTIES)
    return repack(data, tree.save(), changed)


def _resolve(tree: DocxTree, document: Document, edit: Edit) -> _Resolved:
    anchors = [a for a in edit.anchors if isinstance(a, DocxAnchor)]
    if not anchors or len(anchors) != len(edit.anchors):
        raise ExportError(
            f"A change to \"{document.blocks[edit.block].text[:50]}\" has no place in "
            f"{display_name(document.source.path)}. Open the file again and redo the change.",
            path=document.source.path)
    part, paragraph = tree.paragraph(anchors[0])
    if edit.is_paragraph:
        # The new text takes the look of the neighbour's first content character (not of a
        # bullet glyph's Symbol-font run); a typed bullet is copied from the neighbour's runs.
        like = document.blocks[edit.block]
        start = min(like.content_start, len(like.text) - 1)
        content = [a for a in like.anchors(start, start + 1) if isinstance(a, DocxAnchor)]
        marker, _ = paragraph_parts(like, edit)
        spans = [tree.resolve(a) for a in like.anchors(0, like.content_start)
                 if isinstance(a, DocxAnchor)] if marker else []
        like_run = tree.resolve(content[0]).run if content else None
        return _Resolved(edit, part, paragraph, spans, like_run)
    if edit.whole_block(document):
        # Every run of the paragraph, spaces the reader trimmed included.
        index = anchors[0].paragraph
        spans = [RunSpan(part, paragraph, run, 0, len(dx.run_text(run, part.w)))
                 for run in part.runs(index)]
        return _Resolved(edit, part, paragraph, [s for s in spans if s.end > 0])
    return _Resolved(edit, part, paragraph, [tree.resolve(a) for a in anchors])


def _apply(item: _Resolved, revisions: Revisions) -> None:
    edit, w = item.edit, item.part.w
    if edit.kind is EditKind.INSERT:
        span = item.spans[0]
        run = new_run(span.run, edit.text, w)
        length = len(dx.run_text(span.run, w))
        if span.start == 0:
            span.run.addprevious(revisions.inserted(run, w))
        else:
            if span.start < length:
                isolate(span.run, 0, span.start, w)  # the original keeps the part before
            span.run.addnext(revisions.inserted(run, w))
        return
    # Right to left across the runs: isolating a later run never moves an earlier one.
    middles = [isolate(span.run, span.start, span.end, w) for span in reversed(item.spans)]
    middles.reverse()
    first = middles[0]
    if edit.kind is EditKind.DELETE:
        for run in middles:
            revisions.delete(run, w)
    elif not revisions.tracked:
        # The new text takes the first run's place and formatting; the other runs lose
        # only the characters replaced, so what remains of them keeps its own look.
        set_text(first, edit.text, w)
        for run in middles[1:]:
            revisions.delete(run, w)
    else:
        replacement = new_run(first, edit.text, w)
        for run in middles:
            revisions.delete(run, w)
        first.getparent().addnext(revisions.inserted(replacement, w))


def _drop_paragraph(item: _Resolved, revisions: Revisions) -> None:
    """After its text is deleted, a paragraph goes unless it holds more than text."""
    paragraph, w = item.paragraph, item.part.w
    if revisions.tracked:
        revisions.mark_paragraph(paragraph, "del", w)
        return
    if any(dx.local(e) in _KEEP_PARAGRAPH for e in paragraph.iter()):
        return
    if any(dx.run_text(run, w) for run in dx.text_runs(paragraph, w)):
        return
    parent = paragraph.getparent()
    if parent is None or sum(1 for c in parent if c.tag == paragraph.tag) < 2:
        return  # a table cell or text box needs at least one paragraph
    parent.remove(paragraph)


def _insert_paragraphs(document: Document, items: list[_Resolved],
                       revisions: Revisions) -> None:
    """New paragraphs copying their neighbour, in the order given at each place."""
    after_cursor: dict[int, dx.Element] = {}
    for item in items:
        edit = item.edit
        _, content = paragraph_parts(document.blocks[edit.block], edit)
        paragraph = _clone_paragraph(item, content, revisions)
        if edit.position is Position.BEFORE:
            item.paragraph.addprevious(paragraph)
        else:
            cursor: dx.Element = after_cursor.get(id(item.paragraph), item.paragraph)
            cursor.addnext(paragraph)
            after_cursor[id(item.paragraph)] = paragraph


def _clone_paragraph(item: _Resolved, text: str, revisions: Revisions) -> dx.Element:
    """A paragraph with the neighbour's properties (style and numbering included), its
    typed bullet if it has one, and ``text`` in the look of its first content run."""
    w = item.part.w
    paragraph = etree.Element(f"{{{w}}}p")
    ppr = clean_properties(item.paragraph.find(f"{{{w}}}pPr"))
    if ppr is not None:
        paragraph.append(ppr)
    like_run = item.like_run
    if like_run is None:
        like_run = next(iter(dx.text_runs(item.paragraph, w)), None)
    runs = [new_run(span.run, dx.run_text(span.run, w)[span.start:span.end], w)
            for span in item.spans]
    runs.append(new_run(like_run, text, w))
    for run in runs:
        paragraph.append(revisions.inserted(run, w))
    revisions.mark_paragraph(paragraph, "ins", w)
    return paragraph


def repack(source: bytes, saved: bytes, changed: set[str]) -> bytes:
    """The source package with the ``changed`` parts taken from python-docx's save.

    Every other entry keeps the source's exact bytes (python-docx re-serialises all parts and
    rebuilds ``[Content_Types].xml``; an untouched part must stay as it was).
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as old, zipfile.ZipFile(io.BytesIO(saved)) as new, \
            zipfile.ZipFile(out, "w") as dst:
        new_names = set(new.namelist())
        for info in old.infolist():
            data = new.read(info.filename) if info.filename in changed and \
                info.filename in new_names else old.read(info.filename)
            entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            entry.compress_type = info.compress_type
            entry.external_attr = info.external_attr
            entry.create_system = info.create_system
            dst.writestr(entry, data)
    return out.getvalue()

