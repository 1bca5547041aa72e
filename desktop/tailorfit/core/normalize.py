"""Text normalisation that remembers where every output character came from.

Readers hand over raw text exactly as the source has it; :func:`normalize` returns the text
the parsers and the matcher see, plus for each output character the raw range it came from.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

# Characters mapped one to one (or deleted, with "") before NFKC. An arrow stays an arrow: it
# is a list marker only at the start of a line ("(D\u2192E)" is a phosphotransfer, not a bullet).
_CHAR_MAP: dict[str, str] = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
    "\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "",
    "\ufffe": "", "\ufffd": "",
    "\u2022": "\u2022", "\u25cf": "\u2022", "\u25aa": "\u2022", "\u25a0": "\u2022",
    "\u25e6": "\u2022", "\u2023": "\u2022", "\u2043": "\u2022", "\u25b8": "\u2022",
    "\u25ba": "\u2022", "\u27a2": "\u2022", "\u2794": "\u2022", "\u2713": "\u2022",
    "\u2714": "\u2022", "\u00b7": "\u2022", "\u2219": "\u2022", "\u25cb": "\u2022",
    "\u2666": "\u2022", "\u2756": "\u2022", "\u25c6": "\u2022",
    "\u261e": "\u2022", "\u261b": "\u2022", "\u27a4": "\u2022", "\u25b6": "\u2022",
}
_SPACES = frozenset(" \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\x0b\x1c\x1d\x1e\x1f")
_FAST_ASCII = re.compile(r"^[\x21-\x7e]+(?: [\x21-\x7e]+)*$")
# Printable ASCII words with single spaces between them map to themselves one to one.
_PLAIN_RUN = re.compile(r"[\x21-\x7e]+(?: [\x21-\x7e]+)*")

# A word broken across lines: "devel-\nopment". Kept hyphenated after common prefixes.
_LINE_END_HYPHEN = re.compile(r"(?<=[a-z])(-)([ \t]*\r?\n[ \t]*)(?=[a-z])")
_KEEP_HYPHEN_PREFIXES = frozenset(
    {"self", "non", "co", "multi", "cross", "well", "high", "full", "part", "long", "short",
     "real", "low", "pre", "post", "anti", "semi", "cost", "user", "data", "cloud", "client",
     "end", "team", "fast", "hands"})

_DOUBLED_HYPHEN = re.compile("[-\u2010\u2011]\u00ad+[-\u2010\u2011]")

# Letter-spaced capitals: "J A R E D" or "JA R E D"; two or more spaces separate words.
_LETTER_SPACED = re.compile(r"(?<![^\s])(?:[A-Z]{1,2} ){2,}[A-Z]{1,2}(?![^\s])")


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalised text and, per character, the raw range ``starts[i]:ends[i]`` it came from."""

    text: str
    starts: array[int]
    ends: array[int]


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    mapped = _CHAR_MAP.get(char)
    if mapped is not None:
        return mapped
    code = ord(char)
    if 0xE000 <= code <= 0xF8FF:  # private-use glyphs from symbol fonts are bullets
        return "\u2022"
    if 0x80 <= code <= 0x9F:
        # Windows-1252 text read as Latin-1 (common in scraped postings): U+0092 was a right
        # quote ("Master\x92s degree"), U+0096 a dash, U+0095 a bullet.
        try:
            return _fold_char(bytes([code]).decode("cp1252"))
        except UnicodeDecodeError:
            return " "
    if unicodedata.category(char) == "Cc":
        return " "
    folded = unicodedata.normalize("NFKC", char)
    return "".join(_CHAR_MAP.get(c, c) for c in folded)


def _dropped_positions(raw: str) -> set[int]:
    """Raw indexes to delete: line-end hyphenation and the gaps inside letter-spaced words."""
    drop: set[int] = set()
    if "\u00ad" in raw:  # Word's PDF export writes "on-\u00ad\u2010campus" for "on-campus"
        for match in _DOUBLED_HYPHEN.finditer(raw):
            drop.update(range(match.start() + 1, match.end()))
    if "-" in raw and "\n" in raw:
        for match in _LINE_END_HYPHEN.finditer(raw):
            start = match.start(1)
            word_start = start
            while word_start > 0 and raw[word_start - 1].isalpha():
                word_start -= 1
            if raw[word_start:start].lower() in _KEEP_HYPHEN_PREFIXES:
                drop.update(range(match.start(2), match.end(2)))
            else:
                drop.update(range(start, match.end(2)))
    for match in _LETTER_SPACED.finditer(raw):
        text = match.group(0)
        singles = sum(1 for token in text.split(" ") if len(token) == 1)
        if singles >= 3:
            drop.update(match.start() + i for i, c in enumerate(text) if c == " ")
    return drop


_COUNT = array("i", range(4096))


def _counting(start: int, stop: int) -> array[int]:
    """array("i", range(start, stop)), cut from a prepared array (building one from a range
    costs a microsecond per hundred numbers, and a long resume has thousands of lines)."""
    global _COUNT
    if stop > len(_COUNT):
        _COUNT = array("i", range(max(stop, 2 * len(_COUNT))))
    return _COUNT[start:stop]


def normalize(raw: str) -> Normalized:
    """Normalise ``raw`` for analysis and keep the offset map back to it.

    NFKC (ligatures), private-use bullets, curly quotes and dashes, tabs and odd spaces,
    soft hyphens, words hyphenated at line ends and letter-spaced capitals are all folded;
    whitespace runs become one space and the ends are trimmed.
    """
    if _FAST_ASCII.match(raw) and not _LETTER_SPACED.search(raw):
        n = len(raw)
        return Normalized(raw, _counting(0, n), _counting(1, n + 1))
    drop = _dropped_positions(raw)
    drops = sorted(drop)
    out: list[str] = []
    starts = array("i")
    ends = array("i")
    pending_space = -1  # raw index where an uncommitted whitespace run began
    pending_end = -1
    index = 0
    length = len(raw)
    while index < length:
        # Printable ASCII maps to itself: take whole runs at once (a long resume has a
        # million characters, and a loop per character costs most of the reading time).
        run = _PLAIN_RUN.match(raw, index)
        stop = _plain_stop(raw, drops, index, run.end()) if run is not None else index
        if stop > index:
            if pending_space >= 0:
                if out:
                    out.append(" ")
                    starts.append(pending_space)
                    ends.append(pending_end)
                pending_space = -1
            out.append(raw[index:stop])
            starts.extend(_counting(index, stop))
            ends.extend(_counting(index + 1, stop + 1))
            index = stop
            continue
        char = raw[index]
        index += 1
        if index - 1 in drop:
            continue
        if char in _SPACES:
            folded = " "
        elif char < "\x7f" and char >= " ":
            folded = char
        else:
            folded = _fold_char(char)
            if not folded:
                continue
        at = index - 1
        if folded == " " or (len(folded) == 1 and folded in _SPACES):
            if pending_space < 0:
                pending_space = at
            pending_end = at + 1
            continue
        if pending_space >= 0:
            if out:
                out.append(" ")
                starts.append(pending_space)
                ends.append(pending_end)
            pending_space = -1
        for piece in folded:
            if piece in _SPACES:
                piece = " "
            out.append(piece)
            starts.append(at)
            ends.append(at + 1)
    return Normalized("".join(out), starts, ends)


def _plain_stop(raw: str, drops: list[int], start: int, end: int) -> int:
    """Where the plain run ``raw[start:end]`` must stop: before the first dropped character,
    and never on a space (a space before a dropped character is folded with its neighbours)."""
    at = bisect_left(drops, start)
    if at < len(drops) and drops[at] < end:
        end = drops[at]
        while end > start and raw[end - 1] == " ":
            end -= 1
    return end


def fold_for_matching(text: str) -> str:
    """Normalise a short string (a lexicon form or a query) the same way, without the map."""
    return normalize(text).text
