"""Plain text, Markdown and pasted text: one block per line or per hard-wrapped paragraph."""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from tailorfit.core.errors import (
    CorruptFileError,
    FileTooLargeError,
    UnsupportedFormatError,
    display_name,
)
from tailorfit.core.model import (
    Block,
    BlockKind,
    Document,
    SourceFormat,
    SourceInfo,
    Style,
    TextPiece,
)
from tailorfit.core.readers.builder import BlockBuilder
from tailorfit.core.readers.sniff import utf16_without_bom

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_MD_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_MD_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_MD_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
# Inline Markdown syntax that is not part of the visible text.
_MD_INLINE = re.compile(r"\*\*|__|`+|!?\[|\]\([^)\s]*\)|\]")
_MD_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(.+)\1\s*:?\s*$")
_STARTS_ITEM = re.compile(r"^\s*(?:[•*\-+>\u2022\u25cf\u25aa\uf0b7\u2192]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s")
_WRAP_WIDTH = 60


def decode_text(data: bytes, path: Path | None) -> str:
    """Decode text bytes: BOMs, UTF-16 without BOM, UTF-8, then Windows-1252."""
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                          (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                          (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise CorruptFileError(
                    f"{display_name(path)} says it is {encoding.upper()} text but is damaged. "
                    "Re-save it as UTF-8 text and open it again.", path=path) from exc
    head = data[:400]
    if b"\x00" in head and utf16_without_bom(head):
        encoding = "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"
        decoded = data.decode(encoding, errors="replace")
        # UTF-16 without a byte-order mark is only guessed from zero bytes, which binary
        # files have too: the guess holds when the text is mostly plain Latin letters.
        sample = decoded[:4000]
        if sum(1 for c in sample if c < "\u0250") >= 0.9 * len(sample):
            return decoded
        raise UnsupportedFormatError(
            f"{display_name(path)} is not a text document: most of it is binary data. Open "
            "a .docx, .pdf, .txt, .md or .html file that holds your text.", path=path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def split_lines(text: str) -> list[str]:
    """Lines as anchors number them: split on CRLF, CR or LF only."""
    return _LINE_BREAK.split(text)


MAX_TEXT_CHARS = 1_500_000
"""The most text one document may hold: what the analysis gets through in a few seconds.
A long resume has 10,000 characters; a posting rarely more than 20,000."""


def check_text_size(length: int, path: Path | None) -> None:
    """Refuse a document with more text than the analysis can take in a few seconds."""
    if length > MAX_TEXT_CHARS:
        what = display_name(path) if path is not None else "The pasted text"
        raise FileTooLargeError(
            f"{what[0].upper()}{what[1:]} holds {length / 1_000_000:.1f} million characters of "
            f"text; Tailorfit analyses up to {MAX_TEXT_CHARS / 1_000_000:.1f} million, and a "
            "resume or posting is rarely over 50,000. Open a file with only the resume or "
            "posting in it.", path=path)


def check_is_text(text: str, path: Path | None) -> None:
    """Refuse binary data that decoded into characters (an executable named resume.txt)."""
    sample = text[:20_000]
    if not sample:
        return
    # Control characters by one regex; only the (usually few) non-ASCII characters one by one.
    bad = len(_CONTROL.findall(sample)) + sum(1 for match in _NON_ASCII.finditer(sample)
                                              if _unprintable(match.group()))
    if bad > max(3, len(sample) // 100):
        raise UnsupportedFormatError(
            f"{display_name(path)} is not a text document: most of it is binary data. Open "
            "a .docx, .pdf, .txt, .md or .html file that holds your text.", path=path)


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_NON_ASCII = re.compile(r"[^\x00-\x7e]")


def _unprintable(char: str) -> bool:
    if char < " ":
        return char not in "\t\n\r\f\v"
    if char < "\x7f" or char in "\u00a0\u2028\u2029":
        return False
    if char == "\ufffd" or "\ue000" <= char <= "\uf8ff":
        return True
    return unicodedata.category(char) in ("Cc", "Cn", "Cs", "Co")


def read_text(text: str, source: SourceInfo, *, markdown: bool = False) -> Document:
    """Blocks for decoded ``text``; Markdown syntax is left out of the analysed text."""
    check_text_size(len(text), source.path)
    lines = split_lines(text)
    blocks = [block for block in _blocks(lines, markdown) if block is not None]
    return Document(blocks, source)


def read_text_file(data: bytes, path: Path, *, markdown: bool) -> Document:
    """A .txt or .md file."""
    fmt = SourceFormat.MARKDOWN if markdown else SourceFormat.TEXT
    text = decode_text(data, path)
    check_is_text(text, path)
    return read_text(text, SourceInfo(fmt, path), markdown=markdown)


def read_pasted(text: str) -> Document:
    """Text pasted by the user."""
    return read_text(text, SourceInfo(SourceFormat.PASTE))


def _visible(line: str, markdown: bool) -> list[tuple[int, int]]:
    """Column ranges of ``line`` that are visible text (Markdown syntax removed)."""
    if not markdown:
        return [(0, len(line))]
    ranges: list[tuple[int, int]] = []
    pos = 0
    for match in _MD_INLINE.finditer(line):
        if match.start() > pos:
            ranges.append((pos, match.start()))
        pos = match.end()
    if pos < len(line):
        ranges.append((pos, len(line)))
    return ranges


def _blocks(lines: list[str], markdown: bool) -> Iterator[Block | None]:
    builder: BlockBuilder | None = None
    kind = BlockKind.PARAGRAPH
    style = Style()
    previous = ""
    hang = -1  # the column where the current list item's text starts, after its marker
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if markdown and builder is not None and _MD_SETEXT.match(line) and kind is BlockKind.PARAGRAPH:
            level = 1 if stripped.startswith("=") else 2
            yield builder.build(BlockKind.HEADING, Style(bold=True, heading_level=level))
            builder, previous = None, ""
            continue
        if not stripped or (markdown and _MD_RULE.match(line)):
            if builder is not None:
                yield builder.build(kind, style)
            builder, previous = None, ""
            continue
        start_col = len(line) - len(line.lstrip())
        end_col = len(line.rstrip())
        heading = _MD_HEADING.match(line) if markdown else None
        if heading:
            if builder is not None:
                yield builder.build(kind, style)
            builder = BlockBuilder()
            _add_columns(builder, line, number, heading.start(2), heading.end(2), markdown)
            yield builder.build(BlockKind.HEADING,
                                Style(bold=True, heading_level=len(heading.group(1))))
            builder, previous = None, ""
            continue
        # A hanging indent: a line indented to the text of a long list item above continues
        # it ("- Built 30+ constructs (Gibson, Golden\n   Gate) and mutants"). Under a short
        # item the indented line is a line of its own ("- Sales Representative\n  XYZ Corp").
        hanging = (builder is not None and hang > 0 and start_col == hang
                   and len(previous) >= _WRAP_WIDTH and not _STARTS_ITEM.match(stripped))
        if builder is not None and (hanging or _continues(previous, stripped)):
            builder.add_separator("\n")
        else:
            if builder is not None:
                yield builder.build(kind, style)
            builder = BlockBuilder()
            bold_line = markdown and _MD_BOLD_LINE.match(line)
            kind = BlockKind.PARAGRAPH
            style = Style(bold=bool(bold_line))
            column = _text_column(stripped)
            hang = start_col + column if column else -1
        _add_columns(builder, line, number, start_col, end_col, markdown)
        previous = stripped
    if builder is not None:
        yield builder.build(kind, style)


def _add_columns(builder: BlockBuilder, line: str, number: int, start: int, end: int,
                 markdown: bool) -> None:
    for lo, hi in _visible(line, markdown):
        lo, hi = max(lo, start), min(hi, end)
        if lo < hi:
            builder.add(line[lo:hi], _text_piece(number, lo))


def _text_piece(line: int, column: int, width: int | None = None) -> PieceAt:
    return PieceAt(line, column, width)


class PieceAt:
    """Factory for a piece of source ``line`` starting at ``column``."""

    __slots__ = ("column", "line", "width")

    def __init__(self, line: int, column: int, width: int | None = None) -> None:
        self.line = line
        self.column = column
        self.width = width

    def __call__(self, raw_start: int, raw_end: int) -> TextPiece:
        return TextPiece(raw_start, raw_end, self.line, self.column, self.width)


_ENDS_ON_INITIAL = re.compile(r"(?:^|\s)[A-Z] ?\.$")
_ENDS_ON_ARTICLE = re.compile(r"\s(?:the|a|an)$", re.IGNORECASE)
# An abbreviation that never ends a sentence; a sentence splitter may still cut after it.
_ENDS_ON_ABBREVIATION = re.compile(r"(?:^|\s)(?:e\.g|i\.e|approx|incl|cf|viz|Prof|Dr|Mr|Mrs|Ms) ?\.$")


def _text_column(item: str) -> int:
    """Where the text of a list item starts after its marker ("- ", "12. ", "\u2022  ")."""
    match = _STARTS_ITEM.match(item)
    if match is None:
        return 0
    end = match.end()
    while end < len(item) and item[end] == " ":
        end += 1
    return end


def _continues(previous: str, current: str) -> bool:
    """A hard-wrapped paragraph: a long line without final punctuation, then lowercase.

    A line that ends on an initial ("E. coli", tokenised as "E .") is cut inside a name, so
    a lowercase line after it continues the sentence whatever the first line's length.
    """
    if _ENDS_ON_INITIAL.search(previous) and current[:1].islower():
        return True
    if _ENDS_ON_ABBREVIATION.search(previous) and not _STARTS_ITEM.match(current):
        return True  # "Supervision experience of e.g ." / "MSc students": cut after "e.g."
    if _ENDS_ON_ARTICLE.search(previous) and not _STARTS_ITEM.match(current):
        return True  # "Knowledge of the" / "Danish Data Protection Act": no line ends on "the"
    if previous.count("(") > previous.count(")") and not _STARTS_ITEM.match(current):
        return True  # "a Master's degree ( i.e ." / "Business Engineering ) ...": one sentence
    return (len(previous) >= _WRAP_WIDTH and previous[-1] not in ".:;!?"
            and (current[:1].islower() or current[:1] == "(") and not _STARTS_ITEM.match(current))
