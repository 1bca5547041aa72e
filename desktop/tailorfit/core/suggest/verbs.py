"""Verb forms through lemminflect: a bullet's opening verb, its tense, and the other tense.

lemminflect knows English inflections (irregular ones too: led, built, ran), so no verb list
is kept here.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from tailorfit.core.lemmas import lemminflect

Tense = Literal["past", "present", "gerund"]


@cache
def _lemmas(word: str) -> dict[str, tuple[str, ...]]:
    return dict(lemminflect().getAllLemmas(word.lower()))


@cache
def _inflect(lemma: str, tag: str) -> str | None:
    forms = lemminflect().getInflection(lemma, tag)
    return forms[0] if forms else None


def lemma(word: str) -> str | None:
    """The verb's base form ("managed" -> "manage"), or None when the word is no verb."""
    found = _lemmas(word).get("VERB")
    return found[0] if found else None


def is_noun_or_adjective(word: str) -> bool:
    lemmas = _lemmas(word)
    return "NOUN" in lemmas or "ADJ" in lemmas or "PROPN" in lemmas


def is_noun(word: str) -> bool:
    """"team", "operations": a noun (whatever else it can be)."""
    return "NOUN" in _lemmas(word.lower())


def plural_noun(word: str) -> bool:
    """ "clients", "tickets", "children": a noun in the plural."""
    low = word.lower()
    nouns = _lemmas(low).get("NOUN") or ()
    return bool(nouns) and low not in nouns and (low.endswith("s") or low.endswith("en"))


def is_common_word(word: str) -> bool:
    """An English dictionary word ("design", "quality"), not a name ("Kafka", "dbt")."""
    return bool(_lemmas(word))


def tense_of(word: str) -> Tense | None:
    """How an opening verb is inflected, when it is clearly a verb form."""
    base = lemma(word)
    if base is None:
        return None
    low = word.lower()
    if low == _inflect(base, "VBD"):
        return "past"
    if low == _inflect(base, "VBG"):
        return "gerund"
    if low in (base, _inflect(base, "VBZ")):
        return "present"
    return None


def inflect(phrase: str, tense: Tense, like: str = "") -> str:
    """``phrase`` ("contribute to", "manage") with its first word in ``tense``.

    ``like`` is the word it replaces: its capitalisation is kept.
    """
    head, _, rest = phrase.partition(" ")
    tag = {"past": "VBD", "present": "VB", "gerund": "VBG"}[tense]
    from tailorfit.core.suggest.rules import writing_rules

    word = (writing_rules().past_tense_overrides.get(head) if tense == "past" else None) or \
        _inflect(head, tag) or head
    if like[:1].isupper():
        word = word[:1].upper() + word[1:]
    return f"{word} {rest}" if rest else word
