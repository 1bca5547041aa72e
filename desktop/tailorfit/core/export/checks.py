"""Checks before and after an export: placeholders left to fill, and edits really written.

Suggestions may carry placeholders ("cut latency by [X%]") for a figure only the user knows;
exporting one unfilled would send it to an employer, so the export stops and lists them
unless the user overrides. After writing, the file is read back the way Tailorfit reads any
resume: every edit's text must be found in it, and its analysis should give the score the
user saw before exporting.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tailorfit.core.edits import Edit, EditKind, final_text, paragraph_text
from tailorfit.core.errors import PlaceholderError
from tailorfit.core.model import Document
from tailorfit.core.normalize import normalize

# [X%], [N], [number], [Company], {{metric}}, <tool>, TBD, XX%, $X: text for the user to fill.
_BRACKETED = re.compile(r"\[[^\[\]\n]{1,40}\]|\{\{[^{}\n]{1,40}\}\}|<[^<>\n]{1,30}>")
_PLACEHOLDER_WORDS = re.compile(
    r"\b(?:x+|n|#+|tbd|todo|tk|number|num|metric|amount|percent(?:age)?|value|figure|"
    r"result|impact|company|employer|team|tool|name|date|year|city|client|product|"
    r"project|skill|technology|insert|add|fill|placeholder)\b|[%#?$]", re.IGNORECASE)
_BARE = re.compile(r"(?<![\w$])(?:\$?X{1,3}(?:%|[KkMm]\b)|\$X+\b|\bTBD\b|\bXX+\b)")


def find_placeholders(texts: Iterable[str]) -> list[str]:
    """Placeholders in the texts, each once, in order of appearance."""
    found: list[str] = []
    for text in texts:
        for match in _BRACKETED.finditer(text):
            inner = match.group(0).strip("[]{}<>")
            if _PLACEHOLDER_WORDS.search(inner):
                found.append(match.group(0))
        found.extend(m.group(0) for m in _BARE.finditer(_BRACKETED.sub(" ", text)))
    return list(dict.fromkeys(found))


def check_placeholders(edits: Sequence[Edit], *, allow: bool) -> None:
    """Stop an export whose new text still holds placeholders (unless ``allow``)."""
    if allow:
        return
    found = find_placeholders(e.text for e in edits if e.kind is not EditKind.DELETE)
    if found:
        listed = ", ".join(found[:8]) + (" and more" if len(found) > 8 else "")
        raise PlaceholderError(
            f"The edits still hold placeholders to fill in: {listed}. Replace them with your "
            "real figures, or export anyway (--allow-placeholders).", tuple(found))


def _key(text: str) -> str:
    return " ".join(normalize(text).text.split()).casefold()


@dataclass(frozen=True, slots=True)
class EditCheck:
    """Whether an edit's result was found in the written file."""

    edit: Edit
    expected: str
    present: bool


def check_edits_present(source: Document, edits: Sequence[Edit],
                        written: Document) -> list[EditCheck]:
    """For every edit, is its result in the file as read back?

    A changed block must appear with its whole new text; a new paragraph with its text; a
    deleted paragraph must occur fewer times than in the source.
    """
    blocks = [_key(b.text) for b in written.blocks]
    contents = [_key(b.content) for b in written.blocks]
    joined = "\n".join(blocks)
    counts = Counter(blocks)
    source_counts = Counter(_key(b.text) for b in source.blocks)
    results: list[EditCheck] = []
    for edit in edits:
        if edit.whole_block(source):
            text = _key(source.blocks[edit.block].text)
            results.append(EditCheck(edit, "", counts[text] < source_counts[text]))
            continue
        if edit.is_paragraph:
            expected = paragraph_text(source.blocks[edit.block], edit)
        else:
            expected = final_text(source, edits, edit.block)
        key = _key(expected)
        content = _key(expected[len(expected) - len(expected.lstrip("•*-+>0123456789.) ")):])
        present = key in blocks or content in contents or (bool(content) and content in joined)
        results.append(EditCheck(edit, expected, present))
    return results
