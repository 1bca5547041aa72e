"""Changing text inside WordprocessingML runs without touching their formatting.

Anchor offsets count the characters :func:`tailorfit.core.docx_xml.run_text` gives a run:
``w:t`` text plus one character per tab, break, special hyphen or symbol. They are not
positions in any one ``w:t`` node, so an edit first *isolates* the characters it changes in a
run of their own (a copy of the run, with the same ``w:rPr``, split off where the edit starts
or ends inside it) and then replaces or removes that run's text. The left part of a split
keeps the original element, so anchors resolved to elements further left stay valid while
edits are applied right to left.

Optionally changes are written as Word tracked changes (``w:ins``/``w:del``) by "Tailorfit".
"""

from __future__ import annotations

import copy
import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime

from lxml import etree

from tailorfit.core import docx_xml as dx

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
AUTHOR = "Tailorfit"

# Children of a run that are characters of its text (see docx_xml.run_text).
_ONE_CHAR = frozenset({"tab", "ptab", "br", "cr", "noBreakHyphen", "softHyphen", "sym"})
# Revision marks a copied w:rPr or w:pPr must not carry into new content.
_REVISION_MARKS = frozenset({"ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange"})


def child_length(child: dx.Element, w: str) -> int:
    """How many characters of the run's text a child stands for."""
    name = dx.local(child)
    if name == "t" and child.tag == f"{{{w}}}t":
        return len(child.text or "")
    if name in _ONE_CHAR:
        return 1
    return 0


def _is_text(child: dx.Element, w: str) -> bool:
    name = dx.local(child)
    return (name == "t" and child.tag == f"{{{w}}}t") or name in _ONE_CHAR


def run_length(run: dx.Element, w: str) -> int:
    return sum(child_length(child, w) for child in run)


def split_run(run: dx.Element, offset: int, w: str) -> dx.Element:
    """Split ``run`` at text ``offset`` (0 < offset < length): ``run`` keeps the characters
    before it and the returned copy, placed right after, holds the rest."""
    right = copy.deepcopy(run)
    position = 0
    drop_left: list[dx.Element] = []
    drop_right: list[dx.Element] = []
    for left_child, right_child in zip(list(run), list(right), strict=True):
        if dx.local(left_child) == "rPr":
            continue
        length = child_length(left_child, w)
        if length == 0:
            (drop_right if position < offset else drop_left).append(
                right_child if position < offset else left_child)
        elif position + length <= offset:
            drop_right.append(right_child)
        elif position >= offset:
            drop_left.append(left_child)
        else:  # a w:t that straddles the offset
            cut = offset - position
            text = left_child.text or ""
            left_child.text, right_child.text = text[:cut], text[cut:]
            left_child.set(XML_SPACE, "preserve")
            right_child.set(XML_SPACE, "preserve")
        position += length
    for child in drop_left:
        run.remove(child)
    for child in drop_right:
        right.remove(child)
    run.addnext(right)
    return right


def isolate(run: dx.Element, start: int, end: int, w: str) -> dx.Element:
    """The run holding exactly characters ``start:end`` of ``run`` (splitting as needed)."""
    length = run_length(run, w)
    if end < length:
        split_run(run, end, w)
    if start > 0:
        return split_run(run, start, w)
    return run


def text_children(text: str, w: str) -> list[dx.Element]:
    """``w:t``, ``w:tab`` and ``w:br`` elements spelling ``text``."""
    children: list[dx.Element] = []
    buffer = ""

    def flush() -> None:
        nonlocal buffer
        if buffer:
            t = etree.Element(f"{{{w}}}t")
            t.text = buffer
            if buffer != buffer.strip():
                t.set(XML_SPACE, "preserve")
            children.append(t)
            buffer = ""

    for char in text:
        if char in "\t\n":
            flush()
            children.append(etree.Element(f"{{{w}}}{'tab' if char == chr(9) else 'br'}"))
        else:
            buffer += char
    flush()
    return children


def set_text(run: dx.Element, text: str, w: str) -> None:
    """Replace the run's text, keeping its properties and any non-text content."""
    children = list(run)
    texts = [c for c in children if _is_text(c, w)]
    has_properties = bool(children) and dx.local(children[0]) == "rPr"
    at = children.index(texts[0]) if texts else int(has_properties)
    for child in texts:
        run.remove(child)
    for offset, child in enumerate(text_children(text, w)):
        run.insert(at + offset, child)


def remove_text(run: dx.Element, w: str) -> None:
    """Remove the run's text; the run itself goes when nothing else is left in it."""
    for child in [c for c in run if _is_text(c, w)]:
        run.remove(child)
    if all(dx.local(c) == "rPr" for c in run):
        parent = run.getparent()
        if parent is not None:
            parent.remove(run)
            _drop_if_empty(parent, w)


def _drop_if_empty(container: dx.Element, w: str) -> None:
    """A hyperlink or smart tag left without runs goes too (a paragraph never does)."""
    if dx.local(container) in ("hyperlink", "smartTag") and not len(container):
        parent = container.getparent()
        if parent is not None:
            parent.remove(container)


def clean_properties(properties: dx.Element | None) -> dx.Element | None:
    """A copy of a ``w:rPr``/``w:pPr`` without revision marks and section breaks."""
    if properties is None:
        return None
    duplicate = copy.deepcopy(properties)
    for element in list(duplicate.iter()):
        if dx.local(element) in _REVISION_MARKS or dx.local(element) == "sectPr":
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)
    w = dx.namespace_of(duplicate)
    rpr = duplicate.find(f"{{{w}}}rPr")
    if rpr is not None and dx.local(duplicate) == "pPr" and not len(rpr):
        duplicate.remove(rpr)
    return duplicate


def new_run(like: dx.Element | None, text: str, w: str) -> dx.Element:
    """A run with ``like``'s properties holding ``text``."""
    run = etree.Element(f"{{{w}}}r")
    rpr = clean_properties(like.find(f"{{{w}}}rPr")) if like is not None else None
    if rpr is not None:
        run.append(rpr)
    for child in text_children(text, w):
        run.append(child)
    return run


@dataclass
class Revisions:
    """Writes changes plainly, or as tracked changes with unique revision ids."""

    tracked: bool
    next_id: int = 1
    date: str = field(default_factory=lambda: datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))

    @classmethod
    def for_parts(cls, tracked: bool, roots: list[dx.Element], w: str) -> Revisions:
        """Revision ids above every id already used in the parts."""
        key = f"{{{w}}}id"
        used = (int(value) for root in roots for element in root.iter()
                if (value := element.get(key)) is not None and value.lstrip("-").isdigit())
        return cls(tracked, max(itertools.chain(used, [0])) + 1)

    def _mark(self, name: str, w: str) -> dx.Element:
        mark = etree.Element(f"{{{w}}}{name}")
        mark.set(f"{{{w}}}id", str(self.next_id))
        mark.set(f"{{{w}}}author", AUTHOR)
        mark.set(f"{{{w}}}date", self.date)
        self.next_id += 1
        return mark

    def delete(self, run: dx.Element, w: str) -> None:
        """Remove a run's text: plainly, or as a tracked deletion."""
        if not self.tracked:
            remove_text(run, w)
            return
        for child in run:
            if dx.local(child) == "t":
                child.tag = f"{{{w}}}delText"
            elif dx.local(child) == "instrText":
                child.tag = f"{{{w}}}delInstrText"
        self._wrap(run, "del", w)

    def inserted(self, run: dx.Element, w: str) -> dx.Element:
        """The element to place for a new run: the run, or the run inside a w:ins."""
        if not self.tracked:
            return run
        wrapper = self._mark("ins", w)
        wrapper.append(run)
        return wrapper

    def _wrap(self, run: dx.Element, name: str, w: str) -> None:
        parent = run.getparent()
        wrapper = self._mark(name, w)
        parent.replace(run, wrapper)
        wrapper.append(run)

    def mark_paragraph(self, paragraph: dx.Element, name: str, w: str) -> None:
        """Mark a paragraph's own mark as inserted or deleted (tracked changes only)."""
        if not self.tracked:
            return
        ppr = paragraph.find(f"{{{w}}}pPr")
        if ppr is None:
            ppr = etree.Element(f"{{{w}}}pPr")
            paragraph.insert(0, ppr)
        rpr = ppr.find(f"{{{w}}}rPr")
        if rpr is None:
            rpr = etree.SubElement(ppr, f"{{{w}}}rPr")
            # w:rPr must precede w:sectPr and w:pPrChange inside w:pPr.
            for tail in (ppr.find(f"{{{w}}}sectPr"), ppr.find(f"{{{w}}}pPrChange")):
                if tail is not None:
                    tail.addprevious(rpr)
                    break
        rpr.insert(0, self._mark(name, w))
