"""The sentences of a bullet, for the rules that look at one claim at a time.

A paragraph-style role is one block of several sentences: the number prompt puts its figure
on one of them, and the style rule counts them.
"""

from __future__ import annotations

import re

# A sentence ends at . ! or ? before a space or the end. A semicolon joins the parts of one
# sentence ("Built X; replaced Y with Z"); "Node.js" and "15.5%" end nothing.
_END = re.compile(r"[.!?](?=\s|$)")

# A full stop after these ends no sentence: "E. coli", "P. putida", "approx. 40", "e.g. Kafka".
_NOT_AN_END = frozenset({"e.g", "i.e", "etc", "vs", "approx", "incl", "no", "dr", "mr", "ms",
                         "mrs", "st", "jr", "sr", "inc", "co", "ltd", "fig", "ca", "cf", "al",
                         "sp", "spp", "dept", "univ"})


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Where each sentence of ``text`` starts and ends, its final stop included."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        if match.group() == ".":
            before = text[:match.start()].split()
            word = before[-1] if before else ""
            if (len(word) == 1 and word.isupper()) or word.lower() in _NOT_AN_END:
                continue  # an initial or an abbreviation
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    found = []
    for lo, hi in spans:
        piece = text[lo:hi]
        if piece.strip():
            lo += len(piece) - len(piece.lstrip())
            found.append((lo, lo + len(piece.strip())))
    return found
