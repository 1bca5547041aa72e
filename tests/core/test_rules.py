"""Every verdict rule the engine uses is stated in the verdict rules of benchmarks/cases."""

from __future__ import annotations

from tailorfit.core.match.parts import Rule
from tests.conftest import REPO


def test_every_rule_is_stated_in_the_verdict_rules() -> None:
    text = (REPO / "benchmarks" / "cases" / "README.md").read_text(encoding="utf-8")
    rules = text.split("## Rule names", 1)[1]
    for rule in Rule:
        assert f"`{rule.value}`" in rules, f"rule {rule.value} is not in the verdict rules"


def test_every_rule_has_a_label_for_explanations() -> None:
    assert all(rule.label for rule in Rule)
