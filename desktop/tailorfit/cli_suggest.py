"""``tailorfit suggest POSTING RESUME``: the suggestions, as text or as the JSON file that
``tailorfit export --apply`` takes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tailorfit.core.suggest import Suggestion


def run_suggest(posting_path: Path, resume_path: Path, fmt: str = "text") -> int:
    from tailorfit.core.checks import check_language, check_posting
    from tailorfit.core.match import analyze
    from tailorfit.core.parse.posting import parse_posting
    from tailorfit.core.parse.resume import parse_resume
    from tailorfit.core.readers import read_document
    from tailorfit.core.suggest import suggest, suggestions_json
    from tailorfit.core.truth import TruthBank

    posting_document, resume_document = read_document(posting_path), read_document(resume_path)
    check_language(posting_document, "posting")
    check_language(resume_document, "resume")
    posting = parse_posting(posting_document)
    check_posting(posting)
    analysis = analyze(posting, parse_resume(resume_document))
    bank = TruthBank.load()
    suggestions = suggest(analysis, confirmed=bank.confirmed(), denied=bank.denied())
    if fmt == "json":
        print(json.dumps(suggestions_json(suggestions, resume_document), indent=2,
                         ensure_ascii=False))
        return 0
    print(f"{len(suggestions)} suggestion(s) for {resume_path.name} against "
          f"{posting.title or posting_path.name} (score {analysis.score}/100)")
    for kind_label, group in _grouped(suggestions):
        print(f"\n{kind_label}")
        for s in group:
            gain = f" (+{s.score_delta})" if s.score_delta > 0 else ""
            ask = " [needs your answer]" if s.needs_confirmation else ""
            print(f"  {s.id}: {s.message}{gain}{ask}")
            if s.advisory:
                print(f"      at: {analysis.resume.document.text[s.target_start:s.target_end]}")
            elif s.before:
                print(f"      - {s.before}")
                print(f"      + {s.after}")
            else:
                print(f"      + {s.after}  ({s.position.value if s.position else 'inside'} "
                      f"block {s.block})")
            print(f"      why: {s.reason}")
    return 0


def _grouped(suggestions: tuple[Suggestion, ...]) -> Iterator[tuple[str, list[Suggestion]]]:
    from tailorfit.core.suggest import Kind

    for kind in Kind:
        group = [s for s in suggestions if s.kind is kind]
        if group:
            yield kind.label, group
