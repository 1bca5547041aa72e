"""Score the lexicon against public labelled sets in ../shared/corpus/labeled.

Usage: python benchmarks/bench_public_sets.py [--corpus PATH]
- SkillSpan (Zhang et al. 2022), test split: share of gold *knowledge* spans (tools,
  technologies, certifications, languages) that the term finder hits, overall and for the
  tech postings; also how many of our hits fall outside any gold span (skills we name that
  the annotators did not mark, which includes real skills phrased as competences).
- Sayfullina et al. 2018 soft skills (job ads): on phrases labelled *not* a soft skill in
  context, how often we still report a soft skill (false positives); and recall on the
  positives.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

from tailorfit.core.lexicon import load_lexicon
from tailorfit.core.lexicon.terms import scan
from tailorfit.core.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]


def spans(tags: list[str]) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    start = None
    for index, tag in enumerate([*tags, "O"]):
        if tag.startswith("B") or tag == "O":
            if start is not None:
                found.append((start, index))
                start = None
            if tag.startswith("B"):
                start = index
    return found


def skillspan(corpus: Path) -> None:
    lexicon = load_lexicon()
    path = corpus / "labeled" / "skillspan" / "skillspan_test.json"
    totals = {"all": [0, 0], "tech": [0, 0]}
    hits_total = hits_outside = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        tokens = row["tokens"]
        offsets = []
        text = ""
        for token in tokens:
            offsets.append((len(text), len(text) + len(token)))
            text += token + " "
        norm = normalize(text)
        found = []
        for entry, a, b in scan(lexicon, norm.text, False)[0]:
            if lexicon[entry].soft:
                continue
            found.append((norm.starts[a], norm.ends[b - 1]))
        gold = [(offsets[s][0], offsets[e - 1][1]) for s, e in spans(row["tags_knowledge"])]
        for g0, g1 in gold:
            hit = any(a < g1 and g0 < b for a, b in found)
            for key in ("all", row["source"]) if row["source"] == "tech" else ("all",):
                totals[key][0] += 1
                totals[key][1] += hit
        gold_all = gold + [(offsets[s][0], offsets[e - 1][1]) for s, e in spans(row["tags_skill"])]
        for a, b in found:
            hits_total += 1
            hits_outside += not any(a < g1 and g0 < b for g0, g1 in gold_all)
    for key, (count, hit) in totals.items():
        print(f"SkillSpan knowledge spans found ({key}): {hit}/{count} = {hit / count:.1%}")
    print(f"SkillSpan: {hits_outside}/{hits_total} of our hard-skill hits lie outside any gold "
          f"span ({hits_outside / hits_total:.1%})")


def sayfullina(corpus: Path) -> None:
    lexicon = load_lexicon()
    path = corpus / "labeled" / "sayfullina-soft-skills" / "job_test.csv"
    counts = {0: [0, 0], 1: [0, 0]}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            label = int(row["is_soft_skill"])
            phrase = row["soft_skill"].strip()
            context = row["context"]
            run = re.search(r"xxx(?: xxx)*", context)
            if not run:
                continue
            sentence = context[:run.start()] + phrase + context[run.end():]
            lo, hi = run.start(), run.start() + len(phrase)
            norm = normalize(sentence)
            flagged = any(
                lexicon[e].soft and norm.starts[a] < hi and lo < norm.ends[b - 1]
                for e, a, b in scan(lexicon, norm.text, False)[0])
            counts[label][0] += 1
            counts[label][1] += flagged
    negatives, false_pos = counts[0]
    positives, true_pos = counts[1]
    print(f"Sayfullina soft skills: false positives {false_pos}/{negatives} = "
          f"{false_pos / negatives:.1%} of phrases that are not soft skills in context")
    print(f"Sayfullina soft skills: recall {true_pos}/{positives} = {true_pos / positives:.1%} "
          "(the lexicon names soft skills as skills, not every adjective)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    if not (args.corpus / "labeled").is_dir():
        print(f"labelled sets not found under {args.corpus}", file=sys.stderr)
        return 2
    skillspan(args.corpus)
    sayfullina(args.corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main())
