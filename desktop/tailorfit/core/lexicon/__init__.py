"""The skill lexicon: entries, their relations, and a token index for finding them in text."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path

from tailorfit.core.lexicon.entry import Entry, read_files, to_entry
from tailorfit.core.normalize import fold_for_matching

_TOKEN = re.compile(r"[^\W_]+|[^\w\s]|_")


@dataclass(frozen=True, slots=True)
class Token:
    """A word or a punctuation character of normalised text."""

    text: str
    fold: str
    start: int
    end: int
    spaced: bool  # whitespace (or a hyphen) comes before it


@dataclass(frozen=True, slots=True)
class Form:
    """A surface form ready for matching."""

    entry: str
    text: str
    folds: tuple[str, ...]
    exact: tuple[str, ...] | None  # original-case tokens when case matters
    joined: tuple[bool, ...]  # per token after the first: written without a space before it


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """Lowercase with light plural folding: "APIs" -> "api", "technologies" -> "technology"."""
    lower = word.lower()
    if len(lower) > 4 and lower.isalpha():
        if lower.endswith("ies"):
            return lower[:-3] + "y"
        if lower.endswith("s") and not lower.endswith(("ss", "us", "is", "os")):
            return lower[:-1]
    return lower


def tokenize(text: str) -> list[Token]:
    """Tokens of normalised text; hyphens separate words like spaces and are not tokens."""
    tokens: list[Token] = []
    previous_end = 0
    for match in _TOKEN.finditer(text):
        piece = match.group(0)
        if piece == "-":
            continue  # the gap before the next token then includes the hyphen
        spaced = match.start() > previous_end
        tokens.append(Token(piece, fold_word(piece), match.start(), match.end(), spaced))
        previous_end = match.end()
    return tokens


def _form_tokens(text: str) -> tuple[tuple[str, ...], tuple[bool, ...]]:
    """Token texts of a surface form and, after the first, whether each is written joined."""
    if not text.isascii() or "  " in text:
        text = fold_for_matching(text)
    texts: list[str] = []
    joined: list[bool] = []
    previous_end = 0
    for match in _TOKEN.finditer(text):
        if match.group(0) == "-":
            continue
        if texts:
            joined.append(match.start() == previous_end)
        texts.append(match.group(0))
        previous_end = match.end()
    return tuple(texts), tuple(joined)


class Lexicon:
    """All entries, their implied parents and siblings, and the surface-form index."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: dict[str, Entry] = {e.id: e for e in entries}
        self.index: dict[str, list[Form]] = defaultdict(list)
        for entry in self.entries.values():
            seen: set[tuple[tuple[str, ...], bool]] = set()
            for text, exact in entry.surface_forms():
                texts, joined = _form_tokens(text)
                if not texts:
                    continue
                folds = tuple(fold_word(t) for t in texts)
                key = (texts if exact else folds, exact)
                if key in seen:
                    continue
                seen.add(key)
                self.index[folds[0]].append(Form(entry=entry.id, text=text, folds=folds,
                                                 exact=texts if exact else None, joined=joined))
        for forms in self.index.values():
            forms.sort(key=lambda f: -len(f.folds))
        self._children: dict[str, set[str]] = defaultdict(set)
        for entry in self.entries.values():
            for parent in entry.implies:
                self._children[parent].add(entry.id)

    def __len__(self) -> int:
        return len(self.entries)

    @cached_property
    def fuzzy(self) -> dict[tuple[int, str], list[tuple[str, Form]]]:
        """Long multi-word forms for typo-tolerant matching, keyed by (token count, first two
        letters). Short or ambiguous forms never match fuzzily."""
        index: dict[tuple[int, str], list[tuple[str, Form]]] = defaultdict(list)
        for forms in self.index.values():
            for form in forms:
                joined = " ".join(form.folds)
                if (len(form.folds) >= 2 and len(joined) >= 12 and form.exact is None
                        and not self.entries[form.entry].ambiguous
                        and all(f.isalpha() for f in form.folds)):
                    index[(len(form.folds), joined[:2])].append((joined, form))
        return index

    def __getitem__(self, entry_id: str) -> Entry:
        return self.entries[entry_id]

    @cache  # noqa: B019 - the lexicon lives for the whole process
    def ancestors(self, entry_id: str) -> frozenset[str]:
        """Everything ``entry_id`` demonstrates through ``implies``, transitively."""
        found: set[str] = set()
        stack = list(self.entries[entry_id].implies) if entry_id in self.entries else []
        while stack:
            node = stack.pop()
            if node in found or node not in self.entries:
                continue
            found.add(node)
            stack.extend(self.entries[node].implies)
        return frozenset(found)

    @cache  # noqa: B019
    def related(self, entry_id: str) -> frozenset[str]:
        """Siblings worth partial credit, in either direction."""
        entry = self.entries.get(entry_id)
        if entry is None:
            return frozenset()
        found = set(entry.related)
        found.update(other.id for other in self.entries.values() if entry_id in other.related)
        return frozenset(found - {entry_id})

    def descendants(self, entry_id: str) -> frozenset[str]:
        """Everything that demonstrates ``entry_id`` (more specific instances)."""
        found: set[str] = set()
        stack = list(self._children.get(entry_id, ()))
        while stack:
            node = stack.pop()
            if node not in found:
                found.add(node)
                stack.extend(self._children.get(node, ()))
        return frozenset(found)


def lexicon_dir() -> Path:
    from tailorfit.core.resources import resource_path

    return resource_path("lexicon")


@cache
def load_lexicon(folder: Path | None = None) -> Lexicon:
    """The lexicon from ``resources/lexicon`` (loaded once per process)."""
    entries: list[Entry] = []
    for loaded in read_files(folder or lexicon_dir()):
        domain = loaded.path.stem
        entries.extend(to_entry(raw, domain) for raw in loaded.entries)
    return Lexicon(entries)
