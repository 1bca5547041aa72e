"""Check the lexicon JSON files against resources/lexicon/README.md.

Usage: python tools/validate_lexicon.py [FILE ...]   (default: every file in resources/lexicon)
Prints one line per problem and exits 1 if any were found.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parents[1] / "resources" / "lexicon"
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_]*$")
CATEGORIES = {
    "language", "framework", "library", "database", "cloud", "devops", "security", "data",
    "ml", "os", "protocol", "methodology", "concept", "tool", "clinical", "finance", "sales",
    "marketing", "education", "design", "operations", "management", "soft", "human_language",
    "certificate", "license", "degree", "degree_field",
}
FIELDS = {
    "id", "name", "category", "type", "aliases", "abbreviations", "case_sensitive", "implies",
    "related", "ambiguous", "negative", "positive", "evidence", "degree_level", "field", "note",
}
LEVELS = {"associate", "bachelor", "master", "doctorate"}


def fold(form: str) -> str:
    form = form.replace("\u2019", "'").replace("\u2018", "'")
    form = re.sub("[\u2010-\u2015\u2212]", "-", form)
    return " ".join(form.split())


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or sorted(LEXICON_DIR.glob("*.json"))
    all_files = sorted(LEXICON_DIR.glob("*.json"))
    problems: list[str] = []
    entries: dict[str, tuple[Path, dict]] = {}
    for path in all_files:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            problems.append(f"{path.name}: invalid JSON: {exc}")
            continue
        for entry in data.get("entries", []):
            eid = entry.get("id", "?")
            if eid in entries:
                problems.append(f"{path.name}: duplicate id {eid!r} (also in {entries[eid][0].name})")
            entries[eid] = (path, entry)
    checked = {p.resolve() for p in files}
    forms: dict[str, list[str]] = defaultdict(list)
    for eid, (path, e) in entries.items():
        for form in [e.get("name", ""), *e.get("aliases", [])]:
            key = fold(form) if form in e.get("case_sensitive", []) else fold(form).lower()
            forms[key].append(eid)
        for form in e.get("abbreviations", []):
            forms[fold(form)].append(eid)
        if path.resolve() not in checked:
            continue
        where = f"{path.name}:{eid}"
        unknown = set(e) - FIELDS
        if unknown:
            problems.append(f"{where}: unknown fields {sorted(unknown)}")
        if not ID_RE.match(eid):
            problems.append(f"{where}: id must match {ID_RE.pattern}")
        if not e.get("name"):
            problems.append(f"{where}: missing name")
        if e.get("category") not in CATEGORIES:
            problems.append(f"{where}: unknown category {e.get('category')!r}")
        if e.get("type") not in {"hard", "soft"}:
            problems.append(f"{where}: type must be hard or soft")
        for key in ("implies", "related"):
            for target in e.get(key, []):
                if target not in entries:
                    problems.append(f"{where}: {key} target {target!r} does not exist")
                if target == eid:
                    problems.append(f"{where}: {key} itself")
        if e.get("field") and e["field"] not in entries:
            problems.append(f"{where}: field {e['field']!r} does not exist")
        if e.get("degree_level") and e["degree_level"] not in LEVELS:
            problems.append(f"{where}: degree_level must be one of {sorted(LEVELS)}")
        names = [e.get("name", ""), *e.get("aliases", [])]
        for cs in e.get("case_sensitive", []):
            if cs not in names:
                problems.append(f"{where}: case_sensitive form {cs!r} is not its name or an alias")
        for phrase in e.get("negative", []) + e.get("positive", []) + e.get("evidence", []):
            if phrase != phrase.lower():
                problems.append(f"{where}: pattern {phrase!r} must be lowercase")
    for form, owners in forms.items():
        distinct = sorted(set(owners))
        clash = len(distinct) > 1 and not all(entries[o][1].get("ambiguous") for o in distinct)
        if clash and any(entries[o][0].resolve() in checked for o in distinct):
            problems.append(f"surface form {form!r} belongs to {distinct}; "
                            "mark all ambiguous or keep one")
    # implies cycles
    state: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in entries[node][1].get("implies", []):
            if nxt not in entries:
                continue
            if state.get(nxt) == 1:
                problems.append(f"implies cycle: {' -> '.join([*stack, node, nxt])}")
            elif nxt not in state:
                visit(nxt, [*stack, node])
        state[node] = 2

    for eid in entries:
        if eid not in state:
            visit(eid, [])
    for p in problems:
        print(p)
    counts = defaultdict(int)
    for path, _ in entries.values():
        counts[path.name] += 1
    print(f"{len(entries)} entries: " + ", ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
