"""The writing rules of ``resources/writing/rules.json``, loaded once."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from tailorfit.core.resources import resource_path


@dataclass(frozen=True, slots=True)
class WeakOpener:
    phrase: str  # lower case, "responsible for"
    verb: str  # the default action verb, base form: "manage", "contribute to"
    then_gerund: bool  # "helped build" -> "contributed to building"


@dataclass(frozen=True, slots=True)
class WritingRules:
    weak_openers: tuple[WeakOpener, ...]  # longest phrase first
    posting_verbs: dict[str, frozenset[str]]
    verb_alternatives: dict[str, tuple[str, ...]]
    buzzwords: tuple[str, ...]
    pronouns: frozenset[str]
    long_bullet_chars: int
    same_opener_limit: int
    stuffing_min_count: int
    stuffing_share: float
    quantify_per_role: int
    quantify_roles: int
    placeholder: str
    count_placeholder: str  # stands for "several" / "multiple": a count, never a percentage
    max_questions: int
    weak_fit_score: int
    past_tense_overrides: dict[str, str]
    result_verbs: frozenset[str]
    # verbs that change an amount: their figure is "by how much" ("Cut load time by [X%]")
    amount_verbs: frozenset[str]


@cache
def writing_rules() -> WritingRules:
    data = json.loads(resource_path("writing", "rules.json").read_text(encoding="utf-8"))
    openers = sorted((WeakOpener(o["phrase"], o["verb"], o.get("then") == "gerund")
                      for o in data["weak_openers"]), key=lambda o: -len(o.phrase))
    return WritingRules(
        weak_openers=tuple(openers),
        posting_verbs={k: frozenset(v) for k, v in data["posting_verbs"].items()},
        verb_alternatives={k: tuple(v) for k, v in data["verb_alternatives"].items()},
        buzzwords=tuple(sorted(data["buzzwords"], key=len, reverse=True)),
        pronouns=frozenset(data["pronouns"]),
        long_bullet_chars=int(data["long_bullet_chars"]),
        same_opener_limit=int(data["same_opener_limit"]),
        stuffing_min_count=int(data["stuffing"]["min_count"]),
        stuffing_share=float(data["stuffing"]["share_of_words"]),
        quantify_per_role=int(data["quantify_per_role"]),
        quantify_roles=int(data["quantify_roles"]),
        placeholder=str(data["placeholder"]),
        count_placeholder=str(data["count_placeholder"]),
        max_questions=int(data["max_questions"]),
        weak_fit_score=int(data["weak_fit_score"]),
        past_tense_overrides=dict(data.get("past_tense_overrides", {})),
        result_verbs=frozenset(data["result_verbs"]),
        amount_verbs=frozenset(data["amount_verbs"]),
    )
