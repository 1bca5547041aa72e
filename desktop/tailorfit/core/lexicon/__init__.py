"""The skill lexicon: entries, their relations, and a token index for finding them in text."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Container, Iterable, Mapping, Sequence
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol

from tailorfit.core.lexicon.entry import Entry, read_files, to_entry
from tailorfit.core.normalize import fold_for_matching

if TYPE_CHECKING:
    from tailorfit.core.lexicon.index_file import Prebuilt

_TOKEN = re.compile(r"[^\W_]+|[^\w\s]|_")
# Every character is whitespace or part of a token, so the gaps hold only whitespace.
_GAP_AND_TOKEN = re.compile(r"(\s*)([^\W_]+|[^\w\s]|_)")


class Token(NamedTuple):
    """A word or a punctuation character of normalised text (a tuple: scans make thousands)."""

    text: str
    fold: str
    start: int
    end: int
    spaced: bool  # whitespace (or a hyphen) comes before it


class Form(NamedTuple):
    """A surface form ready for matching (a tuple: the prebuilt index holds thousands)."""

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
    append = tokens.append
    make = tuple.__new__  # Token(...) goes through a Python-level __new__: twice as slow
    # findall of (gap, token) pairs and offsets by addition: a quarter faster than finditer
    # with a match object per token, and a scan tokenises every new line of every posting.
    position = previous_end = 0
    for gap, piece in _GAP_AND_TOKEN.findall(text):
        start = position + len(gap)
        position = start + len(piece)
        if piece == "-":
            continue  # the gap before the next token then includes the hyphen
        append(make(Token, (piece, fold_word(piece), start, position, start > previous_end)))
        previous_end = position
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


class FuzzyBuckets(Protocol):
    """Long multi-word forms by (token count, first two letters, last letter)."""

    def get(self, key: tuple[int, str, str]) -> tuple[list[str], list[Form]] | None: ...

    def items(self) -> Iterable[tuple[tuple[int, str, str], tuple[list[str], list[Form]]]]: ...


class Lexicon:
    """All entries, their implied parents and siblings, and the surface-form index."""

    def __init__(self, entries: Iterable[Entry] | Mapping[str, Entry],
                 index: Mapping[str, list[Form]] | None = None, *,
                 prebuilt: Prebuilt | None = None) -> None:
        """Build the lexicon; ``index`` and ``prebuilt`` come from the shipped index file.

        A prebuilt lexicon decodes its entries and forms on first use (see index_file), so
        the lexicon is ready without touching the thousands of forms a resume never uses.
        """
        self.entries: Mapping[str, Entry] = (
            entries if isinstance(entries, Mapping) else {e.id: e for e in entries})
        self.index: Mapping[str, list[Form]]
        if index is not None:
            self.index = index
        else:
            self.index = self._build_index()
        # Words that open a form, for the scan's membership test on every word.
        self.starts: Container[str] = getattr(self.index, "stored", self.index)
        self._starting: dict[str, tuple[dict[str, tuple[Form, ...]], tuple[Form, ...]]] = {}
        # Per word, like fold_word's cache: the words already judged, and those found typos.
        self._typo_checked: set[str] = set()
        self._typos: set[str] = set()
        self._prebuilt = prebuilt
        if prebuilt is not None:
            self._children, self._related_to = prebuilt.children, prebuilt.related_to
            return
        children: dict[str, set[str]] = defaultdict(set)
        related_to: dict[str, set[str]] = defaultdict(set)  # who names it as related
        for entry in self.entries.values():
            for parent in entry.implies:
                children[parent].add(entry.id)
            for other in entry.related:
                related_to[other].add(entry.id)
        self._children = {k: frozenset(v) for k, v in children.items()}
        self._related_to = {k: frozenset(v) for k, v in related_to.items()}

    def _build_index(self) -> dict[str, list[Form]]:
        index: dict[str, list[Form]] = defaultdict(list)
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
                index[folds[0]].append(Form(entry=entry.id, text=text, folds=folds,
                                            exact=texts if exact else None, joined=joined))
        for forms in index.values():
            forms.sort(key=lambda f: -len(f.folds))
        return dict(index)

    def candidates(self, first: str, following: str) -> Sequence[Form]:
        """Forms that can start at a word: those whose second word is ``following``, then the
        one-word forms, longest first ("machine learning ..." is not tried at every
        "machine")."""
        split = self._starting.get(first)
        if split is None:
            pairs: dict[str, list[Form]] = defaultdict(list)
            singles: list[Form] = []
            for form in self.index.get(first, ()):
                if len(form.folds) > 1:
                    pairs[form.folds[1]].append(form)
                else:
                    singles.append(form)
            split = self._starting[first] = (
                {k: tuple(v) for k, v in pairs.items()}, tuple(singles))
        longer = split[0].get(following)
        # Most words open no two-word form with the word after them: no list is built then.
        return split[1] if longer is None else [*longer, *split[1]]

    def __len__(self) -> int:
        return len(self.entries)

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every folded word of every surface form: a typo is a word outside it."""
        if self._prebuilt is not None:
            return self._prebuilt.vocabulary()
        return frozenset(fold for forms in self.index.values() for form in forms
                         for fold in form.folds)

    @cached_property
    def near_misses(self) -> frozenset[str]:
        """One-letter deletions of the longer words of the forms that match with typos (the
        SymSpell trick): an unknown word is a likely typo of such a word only if it or one of
        its deletions is in here. Words of no such form are left out: a near miss of them
        ("apply" of "appl") could never start a typo match, only cost the scan a look."""
        if self._prebuilt is not None:
            return self._prebuilt.near_misses()
        variants: set[str] = set()
        typo_words = {word for _, (strings, _) in self.fuzzy.items() for joined in strings
                      for word in joined.split(" ")}
        for word in typo_words:
            if len(word) >= 5 and word.isalpha():
                variants.add(word)
                variants.update(word[:k] + word[k + 1:] for k in range(len(word)))
        return frozenset(variants)

    def typo_words(self, words: set[str]) -> set[str]:
        """Those of ``words`` that could be misspelt lexicon words. Set operations, because
        the scan asks this of every word of every new line and most words were seen before."""
        unchecked = words - self._typo_checked
        if unchecked:
            self._typos.update(word for word in unchecked if self._typo(word))
            self._typo_checked |= unchecked
        return words & self._typos

    def _typo(self, word: str) -> bool:
        if len(word) < 4 or not word.isalpha() or word in self.vocabulary:
            return False
        near = self.near_misses
        return word in near or any(word[:k] + word[k + 1:] in near for k in range(len(word)))

    @cached_property
    def fuzzy(self) -> FuzzyBuckets:
        """Long multi-word forms for typo-tolerant matching, keyed by (token count, first two
        letters, last letter). Short or ambiguous forms never match fuzzily."""
        if self._prebuilt is not None:
            return self._prebuilt.fuzzy()
        index: dict[tuple[int, str, str], tuple[list[str], list[Form]]] = {}
        for forms in self.index.values():
            for form in forms:
                joined = " ".join(form.folds)
                if (len(form.folds) >= 2 and len(joined) >= 12 and form.exact is None
                        and not self.entries[form.entry].ambiguous
                        and all(f.isalpha() for f in form.folds)):
                    strings, targets = index.setdefault(
                        (len(form.folds), joined[:2], joined[-1]), ([], []))
                    strings.append(joined)
                    targets.append(form)
        return index

    @cached_property
    def first_word_categories(self) -> dict[str, frozenset[str]]:
        """Each word that opens a surface form, with the categories of the entries it opens."""
        if self._prebuilt is not None:
            return self._prebuilt.first_word_categories()
        return {first: frozenset(self.entries[f.entry].category for f in forms)
                for first, forms in self.index.items()}

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
        found = set(entry.related) | self._related_to.get(entry_id, frozenset())
        return frozenset(found - {entry_id})

    @cache  # noqa: B019
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
    """The lexicon from ``resources/lexicon`` (loaded once per process).

    The prebuilt index shipped beside the sources is used when it was built from exactly
    these sources (``tools/build_lexicon_index.py``); otherwise the lexicon is built from
    the JSON files. Nothing is written at run time.
    """
    from tailorfit.core.lexicon.index_file import read_index

    folder = folder or lexicon_dir()
    prebuilt = read_index(folder)
    if prebuilt is not None:
        return prebuilt
    return build_lexicon(folder)


def build_lexicon(folder: Path) -> Lexicon:
    """The lexicon built from the JSON sources in ``folder``.

    Evidence verbs are expanded to all their forms here ("led": lead, leads, leading), so the
    matcher compares stems and never needs a table of irregular verbs.
    """
    from dataclasses import replace

    from tailorfit.core.lexicon.forms import expand

    entries: list[Entry] = []
    for loaded in read_files(folder):
        domain = loaded.path.stem
        for raw in loaded.entries:
            entry = to_entry(raw, domain)
            signals = entry.signals
            if entry.evidence or signals.get("actions"):
                actions = tuple(str(a) for a in signals.get("actions", ()))
                items = tuple(sorted({**signals, "actions": expand(actions)}.items())) \
                    if actions else entry.signal_items
                # "wrote unit tests" shows no writing in any form: "writes unit tests" neither
                entry = replace(entry, evidence=expand(entry.evidence), signal_items=items,
                                negative=expand(entry.negative) if entry.evidence
                                else entry.negative)
            entries.append(entry)
    return Lexicon(entries)
