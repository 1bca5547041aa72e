"""Scoring the engine against hand-labelled cases (benchmarks/cases/*.json).

Each case names a posting and a resume and lists the posting's requirements with the verdict a
careful reader gave them. We report requirement-extraction recall, verdict agreement over the
requirements found, and severe errors (met labelled missing, or the reverse).
"""

from __future__ import annotations

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
from tailorfit.core.normalize import fold_for_matching
from tailorfit.core.readers import read_document


@dataclass
class CaseResult:
    case: str
    domain: str
    labels: int = 0
    found: int = 0
    agree: int = 0
    severe: int = 0
    mistakes: list[str] = field(default_factory=list)


@dataclass
class Totals:
    cases: list[CaseResult]

    def row(self, results: list[CaseResult]) -> dict[str, float]:
        labels = sum(r.labels for r in results)
        found = sum(r.found for r in results)
        return {
            "cases": len(results),
            "labels": labels,
            "recall": found / labels if labels else 0.0,
            "agreement": sum(r.agree for r in results) / found if found else 0.0,
            "severe": sum(r.severe for r in results) / found if found else 0.0,
        }

    def overall(self) -> dict[str, float]:
        return self.row(self.cases)

    def by_domain(self) -> dict[str, dict[str, float]]:
        groups: dict[str, list[CaseResult]] = defaultdict(list)
        for result in self.cases:
            groups[result.domain].append(result)
        return {domain: self.row(results) for domain, results in sorted(groups.items())}


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9+#]+", " ", fold_for_matching(text).lower()).split())


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
    posting = read_document(_resolve(data["posting"], case_file))
    resume = read_document(_resolve(data["resume"], case_file))
    today = date.fromisoformat(data.get("as_of", date.today().isoformat()))
    analysis = analyze_documents(posting, resume, today=today)
    verdicts = list(analysis.verdicts)
    result = CaseResult(data.get("id", case_file.stem), data.get("domain", "other"))
    for label in data["requirements"]:
        result.labels += 1
        verdict = match_label(label["text"], verdicts)
        if verdict is None:
            result.mistakes.append(f"not extracted: {label['text'][:80]}")
            continue
        result.found += 1
        got, want = verdict.status.value, label["status"]
        if got == want:
            result.agree += 1
        else:
            if {got, want} == {"met", "missing"}:
                result.severe += 1
            result.mistakes.append(f"{want} labelled, {got} given: {label['text'][:70]} "
                                   f"-- {verdict.explanation[:90]}")
    return result


def evaluate(cases_dir: Path) -> Totals:
    """Run every case in ``cases_dir``."""
    files = sorted(cases_dir.glob("*.json"))
    if not files:
        raise UsageError(f"No case files (*.json) in {cases_dir}. Pass the folder of labelled "
                         "cases, such as benchmarks/cases.")
    return Totals([evaluate_case(f) for f in files])


def report(totals: Totals, verbose: bool = False) -> str:
    lines = [f"{'domain':<12}{'cases':>6}{'labels':>8}{'recall':>9}{'agree':>8}{'severe':>8}"]
    for domain, row in totals.by_domain().items():
        lines.append(f"{domain:<12}{row['cases']:>6.0f}{row['labels']:>8.0f}{row['recall']:>9.1%}"
                     f"{row['agreement']:>8.1%}{row['severe']:>8.1%}")
    row = totals.overall()
    lines.append(f"{'all':<12}{row['cases']:>6.0f}{row['labels']:>8.0f}{row['recall']:>9.1%}"
                 f"{row['agreement']:>8.1%}{row['severe']:>8.1%}")
    if verbose:
        for result in totals.cases:
            for mistake in result.mistakes:
                lines.append(f"  {result.case}: {mistake}")
    return "\n".join(lines)
