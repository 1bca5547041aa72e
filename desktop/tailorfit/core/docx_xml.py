"""WordprocessingML walking shared by the DOCX reader and the in-place exporter.

Both must agree on which runs a paragraph has and on the text of each run, because source
anchors count paragraphs and runs. That agreement lives here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lxml import etree

W_MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
R_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships"

# Containers inside a paragraph whose runs are visible text of that paragraph.
_RUN_CONTAINERS = frozenset({
    "hyperlink", "ins", "smartTag", "sdt", "sdtContent", "fldSimple", "customXml", "moveTo",
    "dir", "bdo", "subDoc",
})

Element = Any  # lxml's _Element; lxml ships no type information we can rely on


def safe_parser() -> etree.XMLParser:
    """An XML parser that never expands entities, loads DTDs or touches the network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, remove_blank_text=False)


def namespace_of(root: Element) -> str:
    """The WordprocessingML namespace a part uses (transitional or strict)."""
    tag = root.tag
    if isinstance(tag, str) and tag.startswith("{"):
        ns = tag[1:].split("}", 1)[0]
        if ns in (W_MAIN, W_STRICT):
            return ns
    return W_MAIN


def local(element: Element) -> str:
    """The local name of an element (comments and PIs give '')."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def paragraphs(root: Element, w: str) -> Iterator[Element]:
    """Every ``w:p`` of a part in document order; anchors count paragraphs in this order."""
    return root.iter(f"{{{w}}}p")  # type: ignore[no-any-return]


def text_runs(paragraph: Element, w: str) -> Iterator[Element]:
    """The ``w:r`` runs whose text the paragraph shows, in order, hyperlinks included.

    Deleted text, text boxes (their paragraphs are counted on their own) and the fallback
    copies in ``mc:AlternateContent`` are left out.
    """
    stack = list(reversed(paragraph))
    while stack:
        element = stack.pop()
        name = local(element)
        if name == "r" and element.tag == f"{{{w}}}r":
            yield element
        elif name in _RUN_CONTAINERS:
            stack.extend(reversed(element))


def run_text(run: Element, w: str) -> str:
    """The characters a run shows: text, tabs, breaks and special hyphens."""
    parts: list[str] = []
    for child in run:
        name = local(child)
        if name == "t":
            parts.append(child.text or "")
        elif name in ("tab", "ptab"):
            parts.append("\t")
        elif name in ("br", "cr"):
            parts.append("\n")
        elif name == "noBreakHyphen":
            parts.append("-")
        elif name == "softHyphen":
            parts.append("\u00ad")
        elif name == "sym":
            code = child.get(f"{{{w}}}char") or ""
            try:
                parts.append(chr(int(code, 16)))
            except ValueError:
                continue
    return "".join(parts)


def in_fallback(element: Element) -> bool:
    """True inside ``mc:Fallback``: Word's duplicate of a text box for old readers."""
    parent = element.getparent()
    while parent is not None:
        if parent.tag == f"{{{MC}}}Fallback":
            return True
        parent = parent.getparent()
    return False


def container_kind(paragraph: Element, w: str) -> str:
    """Where a paragraph lives: 'textbox', 'table' or 'body'."""
    parent = paragraph.getparent()
    while parent is not None:
        name = local(parent)
        if name == "txbxContent":
            return "textbox"
        if name == "tc":
            return "table"
        parent = parent.getparent()
    return "body"
