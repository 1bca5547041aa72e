"""Saved job pages (.html): the posting's text without scripts, navigation and footers."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

from tailorfit.core.model import Block, BlockKind, Document, SourceFormat, SourceInfo, Style
from tailorfit.core.readers.builder import BlockBuilder
from tailorfit.core.readers.text import PieceAt, decode_text

_SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "nav", "footer", "aside", "form",
    "button", "select", "iframe", "dialog", "head", "canvas", "object", "math",
})
_SKIP_ROLES = frozenset({"navigation", "banner", "contentinfo", "dialog", "search", "menu",
                         "menubar", "alertdialog"})
_SKIP_CLASS_TOKENS = frozenset({
    "cookie", "cookies", "consent", "gdpr", "nav", "navbar", "navigation", "menu", "breadcrumb",
    "breadcrumbs", "footer", "share", "sharing", "social", "newsletter", "modal", "popup",
    "skip", "sr-only", "visually-hidden", "hidden",
})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})
_BLOCK_TAGS = frozenset({
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "td",
    "th", "tr", "table", "blockquote", "pre", "section", "article", "main", "header", "br",
    "hr", "address", "figcaption", "caption", "summary", "details",
})
_BOLD_TAGS = frozenset({"b", "strong"})
_TOKEN_SPLIT = re.compile(r"[\s_]+")


def read_html_file(data: bytes, path: Path) -> Document:
    """A saved web page."""
    text = decode_text(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parser = _PageParser()
    parser.feed(text)
    parser.close()
    return Document(parser.blocks, SourceInfo(SourceFormat.HTML, path))


class _PageParser(HTMLParser):
    """Collects visible text into blocks with line/column anchors into the HTML source."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.blocks: list[Block] = []
        self._stack: list[tuple[str, bool]] = []  # (tag, starts a skipped subtree)
        self._skip = 0
        self._builder = BlockBuilder()
        self._kind = BlockKind.PARAGRAPH
        self._style = Style()
        self._bold_depth = 0
        self._list_depth = 0
        self._bold_chars = 0
        self._chars = 0

    # -- tags -----------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag in ("br", "hr") and not self._skip:
                self._flush()
            return
        skip = self._skip > 0 or _is_noise(tag, attrs)
        self._stack.append((tag, skip and self._skip == 0))
        if skip:
            self._skip += 1
            return
        if tag in _BLOCK_TAGS:
            self._flush()
            if tag in ("ul", "ol"):
                self._list_depth += 1
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                self._kind = BlockKind.HEADING
                self._style = Style(bold=True, heading_level=int(tag[1]))
            elif tag == "li":
                self._kind = BlockKind.LIST_ITEM
                self._style = Style(list_level=max(0, self._list_depth - 1))
            elif tag in ("td", "th"):
                self._kind = BlockKind.TABLE_CELL
        if tag in _BOLD_TAGS:
            self._bold_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "hr") and not self._skip:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not any(open_tag == tag for open_tag, _ in self._stack):
            return
        while self._stack:
            open_tag, _started_skip = self._stack.pop()
            if self._skip:
                self._skip -= 1
            else:
                self._close(open_tag)
            if open_tag == tag:
                break

    def _close(self, tag: str) -> None:
        if tag in _BOLD_TAGS:
            self._bold_depth = max(0, self._bold_depth - 1)
        if tag in _BLOCK_TAGS:
            self._flush()
            if tag in ("ul", "ol"):
                self._list_depth = max(0, self._list_depth - 1)

    # -- text -----------------------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        if self._skip or not data:
            return
        line, column = self.getpos()
        start = 0
        for index, char in enumerate(data):
            if char == "\n":
                self._add(data[start:index], line, column)
                self._builder.add_separator(" ")
                line, column, start = line + 1, 0, index + 1
        self._add(data[start:], line, column)

    def _add(self, text: str, line: int, column: int) -> None:
        if not text:
            return
        self._builder.add(text, PieceAt(line, column))
        visible = len(text.strip())
        self._chars += visible
        if self._bold_depth:
            self._bold_chars += visible

    def handle_entityref(self, name: str) -> None:
        self._entity(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._entity(f"&#{name};")

    def _entity(self, spelling: str) -> None:
        if self._skip:
            return
        decoded = html.unescape(spelling)
        line, column = self.getpos()
        self._builder.add(decoded, PieceAt(line, column, len(spelling)))
        self._chars += 1

    def close(self) -> None:
        super().close()
        self._flush()

    def _flush(self) -> None:
        if self._builder.length:
            style = self._style
            if self._chars and self._bold_chars >= self._chars * 0.9 and not style.bold:
                style = Style(bold=True, heading_level=style.heading_level,
                              list_level=style.list_level)
            block = self._builder.build(self._kind, style)
            if block is not None:
                self.blocks.append(block)
        self._builder = BlockBuilder()
        self._kind = BlockKind.PARAGRAPH
        self._style = Style()
        self._bold_chars = self._chars = 0


def _is_noise(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """Page furniture: navigation, footers, cookie banners, share buttons, hidden text."""
    if tag in _SKIP_TAGS:
        return True
    values = dict(attrs)
    if (values.get("role") or "").lower() in _SKIP_ROLES:
        return True
    if "hidden" in values or (values.get("aria-hidden") or "").lower() == "true":
        return True
    style = (values.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    names = f"{values.get('class') or ''} {values.get('id') or ''}".lower()
    tokens = set(_TOKEN_SPLIT.split(names))
    tokens.update(part for token in list(tokens) for part in token.split("-"))
    return bool(tokens & _SKIP_CLASS_TOKENS)
