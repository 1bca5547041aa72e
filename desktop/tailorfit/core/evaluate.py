"""Scoring the engine against hand-labelled cases (benchmarks/cases/*.json).

Each case names a posting and a resume and lists the posting's requirements with the verdict a
careful reader gave them. We report requirement-extraction recall, verdict agreement over the
requirements found, and severe errors (met labelled missing, or the reverse).
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from tailorfit.core.errors import UsageError
from tailorfit.core.match import analyze_documents
from tailorfit.core.match.result import Verdict
from tailorfit.core.model import Document
from tailorfit.core.normalize import fold_for_matching
from tailorfit.core.readers import read_document, read_pasted


@dataclass
class Tally:
    """Counts for one slice of the labels (a case, a domain or a requirement kind)."""

    labels: int = 0
    found: int = 0
    agree: int = 0
    severe: int = 0

    def add(self, other: Tally) -> None:
        self.labels += other.labels
        self.found += other.found
        self.agree += other.agree
        self.severe += other.severe


@dataclass
class CaseResult:
    case: str
    domain: str
    labels: int = 0
    found: int = 0
    agree: int = 0
    severe: int = 0
    extracted: int = 0  # requirements the engine listed
    unlabelled: int = 0  # ... of which no labeller listed
    by_kind: dict[str, Tally] = field(default_factory=dict)
    mistakes: list[str] = field(default_factory=list)


@dataclass
class Totals:
    cases: list[CaseResult]

    def row(self, results: list[CaseResult]) -> dict[str, float]:
        labels = sum(r.labels for r in results)
        found = sum(r.found for r in results)
        extracted = sum(r.extracted for r in results)
        return {
            "cases": len(results),
            "labels": labels,
            "recall": found / labels if labels else 0.0,
            "precision": (extracted - sum(r.unlabelled for r in results)) / extracted
            if extracted else 1.0,
            "agreement": sum(r.agree for r in results) / found if found else 0.0,
            "severe": sum(r.severe for r in results) / found if found else 0.0,
        }

    def by_kind(self) -> dict[str, dict[str, float]]:
        """Agreement per requirement kind of the labels (skill, years, degree, ...)."""
        totals: dict[str, Tally] = defaultdict(Tally)
        for result in self.cases:
            for kind, tally in result.by_kind.items():
                totals[kind].add(tally)
        return {kind: {"labels": t.labels, "recall": t.found / t.labels if t.labels else 0.0,
                       "agreement": t.agree / t.found if t.found else 0.0,
                       "severe": t.severe / t.found if t.found else 0.0}
                for kind, t in sorted(totals.items())}

    def overall(self) -> dict[str, float]:
        return self.row(self.cases)

    def by_domain(self) -> dict[str, dict[str, float]]:
        groups: dict[str, list[CaseResult]] = defaultdict(list)
        for result in self.cases:
            groups[result.domain].append(result)
        return {domain: self.row(results) for domain, results in sorted(groups.items())}


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9+#]+", " ", fold_for_matching(text).lower()).split())


def read_reference(reference: str, case_file: Path) -> Document:
    """The document a case names: a file, or one posting inside a labelled data set.

    ``set.jsonl#house-54`` is a SkillSpan posting by source and index (in the token files,
    ``skillspan_dev.json#house-41``, its sentences one a line), ``set.tsv#row-2``
    the second data row of the Indeed sample, ``set.csv#id-37`` a row by its id column.
    """
    path, _, fragment = reference.partition("#")
    resolved = _resolve(path, case_file)
    if not fragment:
        return read_document(resolved)
    text = _fragment_text(resolved, fragment)
    if text is None:
        raise UsageError(f"The case {case_file.name} names {reference}, which is not in that "
                         "file. Fix the part after '#'.")
    return read_pasted(text)


def _fragment_text(path: Path, fragment: str) -> str | None:
    kind, _, key = fragment.partition("-")
    if path.suffix == ".json":  # SkillSpan's token files: one sentence a line, by source and idx
        sentences = [" ".join(record["tokens"]) for record in map(
            json.loads, path.read_text(encoding="utf-8").splitlines())
            if record.get("source") == kind and str(record.get("idx")) == key]
        return "\n".join(sentences) or None
    if path.suffix == ".jsonl":
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record.get("source") == kind and str(record.get("idx")) == key:
                return str(record["text"])
        return None
    if path.suffix in (".tsv", ".csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t" if path.suffix == ".tsv" else ","))
        if kind == "row" and key.isdigit() and 0 < int(key) <= len(rows):
            return rows[int(key) - 1].get("description") or None
        if kind == "id":
            row = next((r for r in rows if r.get("id") == key), None)
            return f"{row['job_title']}\n{row['job_description']}" if row else None
    return None


def _resolve(path: str, case_file: Path) -> Path:
    candidate = Path(path)
    if candidate.is_absolute():
        return candidate
    for base in (case_file.parent, *case_file.resolve().parents, Path.cwd()):
        if (base / candidate).exists():
            return (base / candidate).resolve()
    raise UsageError(f"The case {case_file.name} names {path}, which was not found. Run from the "
                     "repository or fix the path.")


def match_label(label: str, verdicts: list[Verdict]) -> Verdict | None:
    """The extracted requirement a labelled requirement corresponds to, if any."""
    wanted = _norm(label)
    best: tuple[float, Verdict] | None = None
    for verdict in verdicts:
        got = _norm(verdict.requirement.text)
        if not got:
            continue
        if wanted == got:
            return verdict
        score = 0.0
        if len(got) >= 12 and (got in wanted or wanted in got):
            score = 95.0
        else:
            score = max(fuzz.ratio(wanted, got), fuzz.partial_ratio(wanted, got)
                        if min(len(wanted), len(got)) >= 20 else 0.0)
        if score >= 88 and (best is None or score > best[0]):
            best = (score, verdict)
    return best[1] if best else None


def evaluate_case(case_file: Path) -> CaseResult:
    data: dict[str, Any] = json.loads(case_file.read_text(encoding="utf-8"))
    posting = read_reference(data["posting"], case_file)
    resume = read_reference(data["resume"], case_file)
    today = date.fromisoformat(data.get("as_of", date.today().isoformat()))
    analysis = analyze_documents(posting, resume, today=today)
    verdicts = list(analysis.verdicts)
    result = CaseResult(data.get("id", case_file.stem), data.get("domain", "other"))
    matched: set[str] = set()
    for label in data["requirements"]:
        tally = result.by_kind.setdefault(label.get("kind", "other"), Tally())
        result.labels += 1
        tally.labels += 1
        verdict = match_label(label["text"], verdicts)
        if verdict is None:
            result.mistakes.append(f"not extracted: {label['text'][:80]}")
            continue
        matched.add(verdict.requirement.id)
        result.found += 1
        tally.found += 1
        got, want = verdict.status.value, label["status"]
        if got == want:
            result.agree += 1
            tally.agree += 1
        else:
            if {got, want} == {"met", "missing"}:
                result.severe += 1
                tally.severe += 1
            result.mistakes.append(f"{want} labelled, {got} given: {label['text'][:70]} "
                                   f"-- {verdict.explanation[:90]}")
    # Precision: an extracted requirement is unlabelled when no label corresponds to it,
    # neither as the best match of a label nor by the same similarity the other way round.
    texts = [label["text"] for label in data["requirements"]]
    result.extracted = len(verdicts)
    for verdict in verdicts:
        if verdict.requirement.id in matched or _similar_to_any(verdict.requirement.text, texts):
            continue
        result.unlabelled += 1
        result.mistakes.append(f"listed but not labelled: {verdict.requirement.text[:80]}")
    return result


def _similar_to_any(text: str, labels: list[str]) -> bool:
    got = _norm(text)
    for label in labels:
        wanted = _norm(label)
        if got == wanted or (len(got) >= 12 and (got in wanted or wanted in got)):
            return True
        if max(fuzz.ratio(wanted, got), fuzz.partial_ratio(wanted, got)
               if min(len(wanted), len(got)) >= 20 else 0.0) >= 88:
            return True
    return False


def evaluate(cases_dir: Path) -> Totals:
    """Run every case in ``cases_dir``."""
    files = sorted(cases_dir.glob("*.json"))
    if not files:
        raise UsageError(f"No case files (*.json) in {cases_dir}. Pass the folder of labelled "
                         "cases, such as benchmarks/cases.")
    return Totals([evaluate_case(f) for f in files])


def report(totals: Totals, verbose: bool = False) -> str:
    head = f"{'cases':>6}{'labels':>8}{'recall':>9}{'prec.':>8}{'agree':>8}{'severe':>8}"
    lines = [f"{'domain':<15}{head}"]

    def line(name: str, row: dict[str, float]) -> str:
        return (f"{name:<15}{row['cases']:>6.0f}{row['labels']:>8.0f}{row['recall']:>9.1%}"
                f"{row['precision']:>8.1%}{row['agreement']:>8.1%}{row['severe']:>8.1%}")

    for domain, row in totals.by_domain().items():
        lines.append(line(domain, row))
    lines.append(line("all", totals.overall()))
    lines.append("")
    lines.append(f"{'kind':<15}{'labels':>14}{'recall':>9}{'agree':>16}{'severe':>8}")
    for kind, row in totals.by_kind().items():
        lines.append(f"{kind:<15}{row['labels']:>14.0f}{row['recall']:>9.1%}"
                     f"{row['agreement']:>16.1%}{row['severe']:>8.1%}")
    if verbose:
        for result in totals.cases:
            for mistake in result.mistakes:
                lines.append(f"  {result.case}: {mistake}")
    return "\n".join(lines)
