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
from dataclasses import astuple, fields
from pathlib import Path
from typing import Any

from tailorfit.core.lexicon import Form, Lexicon
from tailorfit.core.lexicon.entry import Entry

INDEX_FILE = "index.bin"
FORMAT = 1  # bump when the stored layout changes
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
    """Store ``lexicon`` (built from the sources in ``folder``) as the prebuilt index."""
    forms: list[Form] = []
    number: dict[Form, int] = {}
    for group in lexicon.index.values():
        for form in group:
            if form not in number:
                number[form] = len(forms)
                forms.append(form)
    fuzzy = {key: (tuple(strings), tuple(number[f] for f in targets))
             for key, (strings, targets) in lexicon.fuzzy.items()}
    data: dict[str, Any] = {
        "format": FORMAT,
        "digest": source_digest(folder),
        "fields": _ENTRY_FIELDS,
        "entries": tuple(astuple(e) for e in lexicon.entries.values()),
        "forms": tuple(tuple(f) for f in forms),
        "index": {first: tuple(number[f] for f in group) for first, group in lexicon.index.items()},
        "vocabulary": lexicon.vocabulary,
        "near_misses": lexicon.near_misses,
        "fuzzy": fuzzy,
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
    make = tuple.__new__
    forms = [make(Form, f) for f in data["forms"]]
    entries = [Entry(*values) for values in data["entries"]]
    index = {first: [forms[n] for n in group] for first, group in data["index"].items()}
    lexicon = Lexicon(entries, index)
    # cached_property values, precomputed: the typo tables cost most of a cold first scan.
    lexicon.__dict__["vocabulary"] = data["vocabulary"]
    lexicon.__dict__["near_misses"] = data["near_misses"]
    lexicon.__dict__["fuzzy"] = {key: (list(strings), [forms[n] for n in targets])
                                 for key, (strings, targets) in data["fuzzy"].items()}
    return lexicon
