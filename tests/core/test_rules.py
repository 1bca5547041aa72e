"""Every verdict rule the engine uses is stated in the verdict rules of benchmarks/cases."""

from __future__ import annotations

from pathlib import Path

from tailorfit.core.match.parts import Rule
from tests.conftest import REPO


def test_every_rule_is_stated_in_the_verdict_rules() -> None:
    text = (REPO / "benchmarks" / "cases" / "README.md").read_text(encoding="utf-8")
    rules = text.split("## Rule names", 1)[1]
    for rule in Rule:
        assert f"`{rule.value}`" in rules, f"rule {rule.value} is not in the verdict rules"


def test_every_rule_has_a_label_for_explanations() -> None:
    assert all(rule.label for rule in Rule)


def test_the_same_pair_gives_the_same_reasons_whatever_the_hash_seed(tmp_path: Path) -> None:
    """Sets iterate in a different order in every process: a reason must not depend on it."""
    import os
    import subprocess
    import sys

    posting = tmp_path / "posting.txt"
    posting.write_text("Database Engineer\n\nRequirements\n- 3+ years with PostgreSQL\n"
                       "- Experience with PostgreSQL replication\n", encoding="utf-8")
    cv = tmp_path / "cv.txt"
    cv.write_text("Sam Okafor\nsam@example.com\n\nEXPERIENCE\nDBA | Norrow | Jan 2020 - Present\n"
                  "- Ran MySQL, SQL Server, MariaDB and SQLite databases for 40 teams\n",
                  encoding="utf-8")
    outputs = set()
    for seed in ("1", "2", "3"):
        run = subprocess.run(
            [sys.executable, "-m", "tailorfit", "analyze", "--format", "json", "--today",
             "2026-12-01", str(posting), str(cv)], capture_output=True, text=True, check=True,
            env={**os.environ, "PYTHONHASHSEED": seed})
        outputs.add(run.stdout)
    assert len(outputs) == 1
