"""lemminflect, with its look-up tables read on demand.

On first use lemminflect decodes its two look-up tables (about 120,000 lines) into
dictionaries: about half a second, which every session paid before its first suggestions.
Both tables are sorted by word, so here each is kept as its lines, a word's lines are found
by bisection and decoded when asked, and loading takes about 25 ms. The answers are
lemminflect's own: ``tests/core/test_lemmas.py`` compares every word of both tables.

If a later lemminflect stops keeping its tables where this expects them, it loads them
itself as before: slower, never wrong.
"""

from __future__ import annotations

import gzip
import importlib.util
import os
from bisect import bisect_left
from collections.abc import Callable
from functools import cache
from types import ModuleType
from typing import Any


def _word(line: str) -> str:
    return line[:line.find(",")]


class SortedTable:
    """A lemminflect look-up table, word -> decoded entry, read lazily from its sorted lines.

    Offers the ``get`` that lemminflect calls on its own dictionaries.
    """

    def __init__(self, path: str, merge: Callable[[dict[str, Any], str], None],
                 fixed: dict[str, dict[str, Any]] | None = None) -> None:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            self._lines = handle.read().splitlines()
        self._merge = merge
        self._fixed = fixed or {}
        self._decoded: dict[str, dict[str, Any] | None] = {}

    def get(self, word: str, default: Any = None) -> Any:
        if word in self._fixed:
            return self._fixed[word]
        if word not in self._decoded:
            self._decoded[word] = self._decode(word)
        found = self._decoded[word]
        return default if found is None else found

    def words(self) -> list[str]:
        """Every word of the table, in order (for the test that compares the tables)."""
        return list(dict.fromkeys(_word(line) for line in self._lines))

    def _decode(self, word: str) -> dict[str, Any] | None:
        index = bisect_left(self._lines, word, key=_word)
        entry: dict[str, Any] = {}
        found = False
        while index < len(self._lines) and _word(self._lines[index]) == word:
            self._merge(entry, self._lines[index])
            found = True
            index += 1
        return entry if found else None


@cache
def lemminflect() -> ModuleType:
    """The lemminflect module, its look-up tables set to load lazily (once per process)."""
    import lemminflect as module
    from lemminflect.codecs.InflectionLUCodec import InflectionLUCodec
    from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec
    from lemminflect.core.Inflections import Inflections
    from lemminflect.core.Lemmatizer import Lemmatizer
    from lemminflect.core.LexicalUtils import categoryToUPos

    def merge_lemmas(entry: dict[str, Any], line: str) -> None:
        _, category, forms = LemmaLUCodec.fromString(line)
        entry[categoryToUPos(category)] = forms

    def merge_inflections(entry: dict[str, Any], line: str) -> None:
        entry.update(InflectionLUCodec.fromString(line)[2])

    lemmatizer, inflections = Lemmatizer(), Inflections()
    lemma_path = getattr(lemmatizer, "lemma_lu_fn", None)
    if isinstance(lemma_path, str) and not hasattr(lemmatizer, "lemma_dict"):
        lemmatizer.lemma_dict = SortedTable(lemma_path, merge_lemmas)
    inflection_path = getattr(inflections, "infl_lu_fn", None)
    if isinstance(inflection_path, str) and not hasattr(inflections, "infl_dict"):
        # lemminflect replaces the table's auxiliaries and modals by fixed forms on load.
        inflections.infl_dict = SortedTable(inflection_path, merge_inflections,
                                            fixed=InflectionLUCodec.updateForAuxMod({}))
    loaded: ModuleType = module
    return loaded


@cache
def _verb_table() -> SortedTable | None:
    """lemminflect's lemma table, found without importing lemminflect (which imports numpy
    for its out-of-vocabulary models: 0.1-0.15 s the posting parser need not pay)."""
    spec = importlib.util.find_spec("lemminflect")
    folders = list(spec.submodule_search_locations or ()) if spec is not None else []
    path = os.path.join(folders[0], "resources", "lemma_lu.csv.gz") if folders else ""
    if not os.path.isfile(path):
        return None

    def merge(entry: dict[str, Any], line: str) -> None:
        _, category, forms = line.strip().split(",")
        if category == "verb":
            entry["VERB"] = tuple(forms.split("/"))

    return SortedTable(path, merge)


def verb_lemmas(word: str) -> tuple[str, ...]:
    """The verb lemmas of a known word, in lower case, as ``lemminflect.getAllLemmas`` gives
    them for the lowercased word ("Speaks" -> ("speak",); "the" -> ())."""
    table = _verb_table()
    if table is None:  # a lemminflect that keeps its table elsewhere answers itself
        return tuple(lemminflect().getAllLemmas(word.lower(), "VERB").get("VERB", ()))
    found: tuple[str, ...] = table.get(word.lower(), {}).get("VERB", ())
    return found
