"""The truth bank: skills and facts the user confirmed or denied, kept for the next posting.

When the suggestions ask "Have you used Kubernetes?", the answer ("Yes" or "Not true for me")
is kept here per user, in ``truth-bank.json`` in the data folder, so the same question is not
asked again and a denied skill is never suggested again. In a private session the bank lives
in memory only and nothing is written.

The file is JSON::

    {"schema": "tailorfit.truth/1",
     "facts": [{"key": "kubernetes", "name": "Kubernetes", "answer": "yes",
                "when": "2026-11-27"}, ...]}

Saving is atomic (a temporary file in the same folder, flushed and synced, then renamed over
the old one). A damaged file is set aside (``truth-bank.json.corrupt-<timestamp>``) and the
bank starts empty, with :attr:`TruthBank.warning` saying so; a file written by a newer
Tailorfit is refused rather than overwritten.
"""

from __future__ import annotations

import json
import threading
import time
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from tailorfit.core import paths
from tailorfit.core.errors import TailorfitError

SCHEMA = "tailorfit.truth/1"
_SCHEMA_PREFIX = "tailorfit.truth/"
_VERSION = 1
FILE_NAME = "truth-bank.json"


class Answer(StrEnum):
    """What the user said about a fact."""

    YES = "yes"
    NO = "no"


@dataclass(frozen=True, slots=True)
class Fact:
    """One answer: ``key`` is the lexicon id ("kubernetes") or a normalised phrase."""

    key: str
    name: str
    answer: Answer
    when: str  # ISO date of the answer


class TruthBankError(TailorfitError):
    """The truth bank could not be read or saved."""


class NewerTruthBankError(TruthBankError):
    """The truth bank was written by a newer Tailorfit and is left as it is."""


def default_path() -> Path:
    """Where the user's truth bank lives: ``truth-bank.json`` in the data folder."""
    return paths.data_dir() / FILE_NAME


def normalise_key(text: str) -> str:
    """The form keys are stored in: NFKC, case-folded, inner spaces collapsed.

    Lexicon ids ("kubernetes", "cpp") are unchanged by it.
    """
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


class TruthBank:
    """The user's confirmed and denied facts; ``path`` None keeps them in memory only."""

    def __init__(self, path: Path | None) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._facts: dict[str, Fact] = {}
        self._warning: str | None = None
        self._blocked: str | None = None  # why saving would lose data, when it would
        if path is not None:
            self._read(path)

    @classmethod
    def load(cls, path: Path | None = None) -> TruthBank:
        """The user's bank (``path`` defaults to :func:`default_path`).

        In a private session the bank is in memory only: nothing is read or written.
        Raises :class:`NewerTruthBankError` for a file written by a newer Tailorfit.
        """
        if paths.private_root() is not None:
            return cls(None)
        return cls(path if path is not None else default_path())

    # -- reading --------------------------------------------------------------------------
    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def warning(self) -> str | None:
        """Set when the file was unreadable or damaged and the bank started empty."""
        return self._warning

    def get(self, key: str) -> Answer | None:
        with self._lock:
            fact = self._facts.get(normalise_key(key))
        return fact.answer if fact is not None else None

    def confirmed(self) -> frozenset[str]:
        with self._lock:
            return frozenset(k for k, f in self._facts.items() if f.answer is Answer.YES)

    def denied(self) -> frozenset[str]:
        with self._lock:
            return frozenset(k for k, f in self._facts.items() if f.answer is Answer.NO)

    def facts(self) -> list[Fact]:
        """Every answer, sorted by name (case-insensitive)."""
        with self._lock:
            facts = list(self._facts.values())
        return sorted(facts, key=lambda f: (f.name.casefold(), f.key))

    def __len__(self) -> int:
        with self._lock:
            return len(self._facts)

    # -- changing -------------------------------------------------------------------------
    def answer(self, key: str, name: str, answer: Answer, when: date | None = None) -> None:
        """Keep (or replace) the user's answer about ``key``, shown to them as ``name``."""
        normal = normalise_key(key)
        if not normal:
            raise ValueError("a truth-bank key must not be empty")
        fact = Fact(normal, name.strip() or key.strip(), Answer(answer),
                    (when or date.today()).isoformat())
        with self._lock:
            self._facts[normal] = fact

    def forget(self, key: str) -> None:
        """Drop the answer about ``key`` (the question may be asked again)."""
        with self._lock:
            self._facts.pop(normalise_key(key), None)

    def save(self) -> None:
        """Write the bank atomically; nothing is written for an in-memory bank.

        Raises :class:`TruthBankError` when the file cannot be written (the bank in memory
        keeps every answer, so saving can be tried again).
        """
        if self._path is None:
            return
        with self._lock:
            if self._blocked is not None:
                raise TruthBankError(self._blocked, path=self._path)
            document = {"schema": SCHEMA,
                        "facts": [{"key": f.key, "name": f.name, "answer": f.answer.value,
                                   "when": f.when}
                                  for f in sorted(self._facts.values(), key=lambda f: f.key)]}
            self._refuse_newer_on_disk(self._path)
            try:
                paths.write_text_atomic(self._path, json.dumps(document, indent=2, ensure_ascii=False)
                              + "\n")
            except OSError as error:
                raise TruthBankError(
                    f"Your confirmed and denied skills could not be saved ({_reason(error)}). "
                    "Free some disk space or check the folder's permissions, then try again.",
                    path=self._path) from error

    # -- the file -------------------------------------------------------------------------
    def _read(self, path: Path) -> None:
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        except (OSError, ValueError) as error:
            self._set_aside(path, f"could not be read ({_reason(error)})")
            return
        try:
            raw = json.loads(text)
            version = _schema_version(raw)
        except ValueError:
            self._set_aside(path, "was damaged")
            return
        if version > _VERSION:
            raise NewerTruthBankError(
                f"Your truth bank ({path.name}) was saved by a newer version of Tailorfit, so "
                "this version leaves it untouched. Update Tailorfit to use it.", path=path)
        try:
            facts = _parse_facts(raw)
        except ValueError:
            self._set_aside(path, "was damaged")
            return
        self._facts = facts

    def _set_aside(self, path: Path, what: str) -> None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = path.with_name(f"{path.name}.corrupt-{stamp}")
        counter = 1
        while target.exists():
            counter += 1
            target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
        try:
            path.replace(target)
        except OSError as error:
            self._blocked = (f"Your truth bank ({path.name}) {what} and could not be moved "
                             f"aside ({_reason(error)}), so it is not overwritten. Check the "
                             "file's permissions, then restart Tailorfit.")
            self._warning = self._blocked
            return
        self._warning = (f"Your truth bank {what}, so Tailorfit kept it as {target.name} and "
                         "started a new one. Skills you confirmed or denied before will be "
                         "asked about again.")

    def _refuse_newer_on_disk(self, path: Path) -> None:
        """Another (newer) Tailorfit may have written the file since it was read."""
        try:
            version = _schema_version(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return  # missing or damaged: ours to replace
        if version > _VERSION:
            raise NewerTruthBankError(
                f"Your truth bank ({path.name}) was saved by a newer version of Tailorfit in the "
                "meantime, so this version does not overwrite it. Update Tailorfit to use it.",
                path=path)


def _schema_version(raw: Any) -> int:
    """The version in ``tailorfit.truth/N``; ValueError when it is not a truth-bank file."""
    if not isinstance(raw, dict):
        raise ValueError("not an object")
    schema = raw.get("schema")
    if not isinstance(schema, str) or not schema.startswith(_SCHEMA_PREFIX):
        raise ValueError("not a truth bank")
    number = schema.removeprefix(_SCHEMA_PREFIX)
    if not number.isdigit() or not number.isascii():
        raise ValueError("bad schema version")
    version = int(number)
    if version < 1:
        raise ValueError("bad schema version")
    return version


def _parse_facts(raw: dict[str, Any]) -> dict[str, Fact]:
    entries = raw.get("facts")
    if not isinstance(entries, list):
        raise ValueError("facts is not a list")
    facts: dict[str, Fact] = {}
    for entry in entries:
        if not isinstance(entry, dict):
            raise ValueError("a fact is not an object")
        key, name, answer, when = (entry.get(field) for field in ("key", "name", "answer", "when"))
        if not (isinstance(key, str) and isinstance(name, str) and isinstance(answer, str)
                and isinstance(when, str)):
            raise ValueError("a fact misses a field")
        normal = normalise_key(key)
        if not normal:
            raise ValueError("empty key")
        date.fromisoformat(when)  # ValueError when it is no date
        facts[normal] = Fact(normal, name or key, Answer(answer), when)
    return facts


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return type(error).__name__
