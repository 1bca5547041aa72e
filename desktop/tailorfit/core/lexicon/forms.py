"""Every word form of an evidence verb, from lemminflect (a well-kept English inflection
library), so "led" also finds "lead", "leads" and "leading", and "wrote" finds "writes".

Used when the lexicon is built (the prebuilt index stores the result), never per analysis:
lemminflect and numpy take about 0.15 s to import.
"""

from __future__ import annotations

from functools import lru_cache

from tailorfit.core.lemmas import lemminflect as lemminflect_module


@lru_cache(maxsize=8192)
def verb_forms(phrase: str) -> tuple[str, ...]:
    """``phrase`` with its first word in every verb form (the phrase itself first)."""
    first, _, rest = phrase.partition(" ")
    if not first.isalpha():
        return (phrase,)
    lemminflect = lemminflect_module()
    lemmas = set(lemminflect.getAllLemmas(first, upos="VERB").get("VERB", ()))
    if not lemmas:
        return (phrase,)
    forms: list[str] = [first]
    for lemma in sorted(lemmas):
        forms.append(lemma)
        for inflected in lemminflect.getAllInflections(lemma, upos="VERB").values():
            forms.extend(inflected)
    tail = f" {rest}" if rest else ""
    return tuple(dict.fromkeys(f"{form.lower()}{tail}" for form in forms))


def expand(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """Every phrase in every verb form of its first word, each once."""
    return tuple(dict.fromkeys(form for phrase in phrases for form in verb_forms(phrase)))
