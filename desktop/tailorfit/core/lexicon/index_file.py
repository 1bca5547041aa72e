"""The lexicon's prebuilt index, shipped in ``resources/lexicon/index.bin``.

Building the lexicon from its JSON sources (tokenising some 16,000 surface forms, then the
typo tables) takes a few hundred milliseconds at every start. The index stores the result
with :mod:`marshal`, which loads plain tuples, strings and dicts in a few milliseconds. It
records a digest of the sources it was built from: when a source file changes and nobody
regenerated the index (``python tools/build_lexicon_index.py``), it is ignored and the
lexicon is built from the sources, so a stale index can never change a verdict. Nothing is
written at run time.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import astuple, fields
from pathlib import Path
from typing import Any, TypeVar

from tailorfit.core.lexicon import Form, FuzzyBuckets, Lexicon
from tailorfit.core.lexicon.entry import Entry

V = TypeVar("V")

INDEX_FILE = "index.bin"
FORMAT = 3  # bump when the stored layout changes
_ENTRY_FIELDS = tuple(f.name for f in fields(Entry))


def source_digest(folder: Path) -> str:
    """A digest of every lexicon source file (names and bytes) in ``folder``."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.json")):
        digest.update(path.name.encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def write_index(lexicon: Lexicon, folder: Path) -> Path:
    """Store ``lexicon`` (built from the sources in ``folder``) as the prebuilt index.

    Each entry and each group of forms (by first word) is marshalled on its own, so reading
    the index decodes only the outer table; a scan decodes the groups of the words it meets.
    """
    dump = marshal.dumps
    data: dict[str, Any] = {
        "format": FORMAT,
        "digest": source_digest(folder),
        "fields": _ENTRY_FIELDS,
        "entries": {e.id: dump(astuple(e)) for e in lexicon.entries.values()},
        "groups": {first: dump(tuple(tuple(f) for f in forms))
                   for first, forms in lexicon.index.items()},
        "children": {k: tuple(sorted(v)) for k, v in lexicon._children.items()},
        "related_to": {k: tuple(sorted(v)) for k, v in lexicon._related_to.items()},
        "vocabulary": dump(lexicon.vocabulary),
        "near_misses": dump(lexicon.near_misses),
        "fuzzy": {_bucket_name(key): dump((tuple(strings), tuple(tuple(f) for f in targets)))
                  for key, (strings, targets) in lexicon.fuzzy.items()},
        "first_words": dump(lexicon.first_word_categories),
    }
    target = folder / INDEX_FILE
    handle, temp = tempfile.mkstemp(prefix=INDEX_FILE, dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(marshal.dumps(data))
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target


class _Decoded(dict[str, V]):
    """A read-only table whose values are decoded from marshal bytes on first access.

    A dict, so a lookup of a decoded value costs what a dict lookup costs (scans make tens of
    thousands); ``__missing__`` decodes the rest. Membership, iteration and the views cover
    every stored key, decoded or not.
    """

    def __init__(self, blobs: dict[str, bytes], decode: Callable[[bytes], V]) -> None:
        super().__init__()
        self._blobs = blobs
        self._decode = decode

    def __missing__(self, key: str) -> V:
        value = self._decode(self._blobs[key])  # KeyError for a key never stored
        dict.__setitem__(self, key, value)
        return value

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self._blobs else default

    def __contains__(self, key: object) -> bool:
        return key in self._blobs

    def __iter__(self) -> Iterator[str]:
        return iter(self._blobs)

    def __len__(self) -> int:
        return len(self._blobs)

    def keys(self) -> Any:
        return self._blobs.keys()

    def values(self) -> Any:
        return [self[key] for key in self._blobs]

    def items(self) -> Any:
        return [(key, self[key]) for key in self._blobs]

    @property
    def stored(self) -> dict[str, bytes]:
        """Every key, as a plain dict (for fast membership tests)."""
        return self._blobs


def _entry(blob: bytes) -> Entry:
    return Entry(*marshal.loads(blob))


def _forms(blob: bytes) -> list[Form]:
    make = tuple.__new__
    return [make(Form, f) for f in marshal.loads(blob)]


def _bucket_name(key: tuple[int, str, str]) -> str:
    return f"{key[0]}|{key[1]}|{key[2]}"


class _FuzzyBuckets:
    """The typo-tolerant buckets, each decoded when a misspelt window first needs it."""

    def __init__(self, blobs: dict[str, bytes]) -> None:
        self._blobs = blobs
        # Decoded buckets, and None for keys with no bucket (asked again and again).
        self._done: dict[tuple[int, str, str], tuple[list[str], list[Form]] | None] = {}

    def get(self, key: tuple[int, str, str]) -> tuple[list[str], list[Form]] | None:
        if key in self._done:
            return self._done[key]
        blob = self._blobs.get(_bucket_name(key))
        found: tuple[list[str], list[Form]] | None = None
        if blob is not None:
            strings, targets = marshal.loads(blob)
            make = tuple.__new__
            found = (list(strings), [make(Form, f) for f in targets])
        self._done[key] = found
        return found

    def items(self) -> Iterator[tuple[tuple[int, str, str], tuple[list[str], list[Form]]]]:
        for name in self._blobs:
            n, first, last = name.split("|")
            key = (int(n), first, last)
            found = self.get(key)
            assert found is not None
            yield key, found


class Prebuilt:
    """What the index stores beyond entries and forms, decoded when first asked for."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data
        self.children = {k: frozenset(v) for k, v in data["children"].items()}
        self.related_to = {k: frozenset(v) for k, v in data["related_to"].items()}

    def vocabulary(self) -> frozenset[str]:
        return frozenset(marshal.loads(self._data["vocabulary"]))

    def near_misses(self) -> frozenset[str]:
        return frozenset(marshal.loads(self._data["near_misses"]))

    def fuzzy(self) -> FuzzyBuckets:
        return _FuzzyBuckets(self._data["fuzzy"])

    def first_word_categories(self) -> dict[str, frozenset[str]]:
        return dict(marshal.loads(self._data["first_words"]))


def read_index(folder: Path) -> Lexicon | None:
    """The lexicon from the prebuilt index, or None when it is absent, unreadable or stale."""
    path = folder / INDEX_FILE
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or \
            data.get("fields") != _ENTRY_FIELDS:
        return None
    if data.get("digest") != source_digest(folder):
        return None
    entries: _Decoded[Entry] = _Decoded(data["entries"], _entry)
    index: _Decoded[list[Form]] = _Decoded(data["groups"], _forms)
    return Lexicon(entries, index, prebuilt=Prebuilt(data))
