"""Lexicon entries as written in resources/lexicon/*.json, and their validation."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tailorfit.core.normalize import fold_for_matching

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_]*$")
CATEGORIES = frozenset({
    "language", "framework", "library", "database", "cloud", "devops", "security", "data", "ml",
    "os", "protocol", "methodology", "concept", "tool", "clinical", "finance", "sales",
    "marketing", "education", "design", "operations", "management", "soft", "human_language",
    "certificate", "license", "degree", "degree_field",
})
FIELDS = frozenset({
    "id", "name", "category", "type", "aliases", "abbreviations", "case_sensitive", "implies",
    "related", "ambiguous", "negative", "positive", "evidence", "degree_level", "field", "note",
})
DEGREE_LEVELS = frozenset({"associate", "bachelor", "master", "doctorate"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One skill, tool, certificate, degree or field of study."""

    id: str
    name: str
    category: str
    type: str
    domain: str
    aliases: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    case_sensitive: frozenset[str] = frozenset()
    implies: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    ambiguous: bool = False
    negative: tuple[str, ...] = ()
    positive: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    degree_level: str | None = None
    field: str | None = None

    @property
    def soft(self) -> bool:
        return self.type == "soft"

    def surface_forms(self) -> list[tuple[str, bool]]:
        """Every form with whether it must match with exact case."""
        forms = [(f, f in self.case_sensitive) for f in (self.name, *self.aliases)]
        forms += [(f, True) for f in self.abbreviations]
        return forms


@dataclass
class LoadedFile:
    path: Path
    entries: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None


def read_files(folder: Path) -> list[LoadedFile]:
    """Raw entries of every lexicon file in ``folder``, in file name order."""
    loaded: list[LoadedFile] = []
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            loaded.append(LoadedFile(path, list(data.get("entries", []))))
        except (OSError, ValueError) as exc:
            loaded.append(LoadedFile(path, error=str(exc)))
    return loaded


def to_entry(raw: dict[str, Any], domain: str) -> Entry:
    return Entry(
        id=raw["id"], name=raw["name"], category=raw["category"], type=raw["type"],
        domain=domain,
        aliases=tuple(raw.get("aliases", ())),
        abbreviations=tuple(raw.get("abbreviations", ())),
        case_sensitive=frozenset(raw.get("case_sensitive", ())),
        implies=tuple(raw.get("implies", ())),
        related=tuple(raw.get("related", ())),
        ambiguous=bool(raw.get("ambiguous", False)),
        negative=tuple(raw.get("negative", ())),
        positive=tuple(raw.get("positive", ())),
        evidence=tuple(raw.get("evidence", ())),
        degree_level=raw.get("degree_level"),
        field=raw.get("field"),
    )


def validate(files: list[LoadedFile]) -> list[str]:
    """Problems with the lexicon, one line each; an empty list means it is sound."""
    problems: list[str] = []
    entries: dict[str, tuple[str, dict[str, Any]]] = {}
    every: list[tuple[str, dict[str, Any]]] = []
    for loaded in files:
        if loaded.error:
            problems.append(f"{loaded.path.name}: invalid JSON: {loaded.error}")
        for raw in loaded.entries:
            eid = str(raw.get("id", "?"))
            if eid in entries:
                problems.append(f"{loaded.path.name}: duplicate id {eid!r} "
                                f"(also in {entries[eid][0]})")
            entries.setdefault(eid, (loaded.path.name, raw))
            every.append((loaded.path.name, raw))
    forms: dict[str, set[str]] = defaultdict(set)
    for name, raw in every:
        eid = str(raw.get("id", "?"))
        where = f"{name}:{eid}"
        for key in set(raw) - FIELDS:
            problems.append(f"{where}: unknown field {key!r}")
        if not ID_PATTERN.match(eid):
            problems.append(f"{where}: id must match {ID_PATTERN.pattern}")
        if not raw.get("name"):
            problems.append(f"{where}: missing name")
        if raw.get("category") not in CATEGORIES:
            problems.append(f"{where}: unknown category {raw.get('category')!r}")
        if raw.get("type") not in ("hard", "soft"):
            problems.append(f"{where}: type must be hard or soft")
        for key in ("implies", "related"):
            for target in raw.get(key, ()):
                if target not in entries:
                    problems.append(f"{where}: {key} target {target!r} does not exist")
                elif target == eid:
                    problems.append(f"{where}: {key} itself")
        if raw.get("field") and raw["field"] not in entries:
            problems.append(f"{where}: field {raw['field']!r} does not exist")
        if raw.get("degree_level") and raw["degree_level"] not in DEGREE_LEVELS:
            problems.append(f"{where}: degree_level must be one of {sorted(DEGREE_LEVELS)}")
        names = [raw.get("name", ""), *raw.get("aliases", ())]
        for form in raw.get("case_sensitive", ()):
            if form not in names:
                problems.append(f"{where}: case_sensitive form {form!r} is not its name or an alias")
        for phrase in (*raw.get("negative", ()), *raw.get("positive", ()), *raw.get("evidence", ())):
            if phrase != phrase.lower():
                problems.append(f"{where}: pattern {phrase!r} must be lowercase")
        sensitive = set(raw.get("case_sensitive", ()))
        for form in names:
            folded = fold_for_matching(form)
            forms[folded if form in sensitive else folded.lower()].add(eid)
        for form in raw.get("abbreviations", ()):
            forms[fold_for_matching(form)].add(eid)
    for form, owners in sorted(forms.items()):
        if len(owners) > 1 and not all(entries[o][1].get("ambiguous") for o in owners):
            problems.append(f"surface form {form!r} belongs to {sorted(owners)}; "
                            "mark every owner ambiguous or keep one")
    problems.extend(_cycles({eid: raw.get("implies", ()) for eid, (_, raw) in entries.items()}))
    return problems


def _cycles(graph: dict[str, Any]) -> list[str]:
    found: list[str] = []
    state: dict[str, int] = {}
    for root in graph:
        if root in state:
            continue
        stack: list[tuple[str, int]] = [(root, 0)]
        path: list[str] = []
        while stack:
            node, index = stack.pop()
            if index == 0:
                state[node] = 1
                path.append(node)
            targets = [t for t in graph.get(node, ()) if t in graph]
            if index < len(targets):
                stack.append((node, index + 1))
                nxt = targets[index]
                if state.get(nxt) == 1:
                    found.append("implies cycle: " + " -> ".join([*path[path.index(nxt):], nxt]))
                elif nxt not in state:
                    stack.append((nxt, 0))
            else:
                state[node] = 2
                path.pop()
    return found
