"""Words as the matcher compares them: stems from the Snowball stemmer, not hand-made tables.

"managing", "managed" and "management" share the stem "manag"; "optimized" and
"optimization" share "optim". Stems are cached: a resume has a few thousand distinct words.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

_STEMMER = snowballstemmer.stemmer("english")
WORD = re.compile(r"[A-Za-z][A-Za-z+#'-]*[A-Za-z+#]|[A-Za-z]")

# Words that carry no ask of their own in a requirement line.
STOPWORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "for", "from", "has", "have", "in",
    "into", "is", "it", "its", "of", "on", "or", "our", "the", "their", "this", "to", "with",
    "within", "you", "your", "we", "will", "must", "should", "able", "ability", "experience",
    "experienced", "strong", "excellent", "good", "solid", "working", "knowledge", "understanding",
    "proven", "demonstrated", "skills", "skill", "proficiency", "proficient", "familiarity",
    "familiar", "years", "year", "plus", "preferred", "required", "including", "work", "team",
    "related", "field", "equivalent", "etc", "using", "use", "based", "new", "other", "such",
    "well", "very", "highly", "ideally", "also", "both", "least", "minimum", "any", "all", "who",
    "what", "which", "that", "these", "those", "some", "more", "most", "great", "ideal",
    "candidate", "candidates", "applicant", "applicants", "role", "position", "job",
    "desired", "desirable", "advantage", "bonus", "like", "e.g", "eg", "ie", "i.e",
})
# Words so common in requirements that alone they show nothing ("tools", "systems").
GENERIC = frozenset({
    "tool", "tools", "workflow", "workflows", "service", "services", "system", "systems",
    "teams", "design", "development", "data", "management", "business", "process", "processes",
    "project", "projects", "product", "products", "support", "technical", "technology",
    "solution", "solutions", "environment", "modern", "large", "scale", "complex", "practices",
    "practice", "applications", "application", "platform", "platforms", "quality", "build",
    "building", "performance", "optimization", "areas", "area", "level", "levels", "high",
    "time", "people", "others", "things", "way", "ways", "approach", "needs", "best",
})


@lru_cache(maxsize=131072)
def stem(word: str) -> str:
    """The Snowball stem of a word, lowercased ("Optimizing" -> "optim")."""
    return str(_STEMMER.stemWord(word.lower()))


def words(text: str) -> list[str]:
    """The words of ``text``, as written."""
    return WORD.findall(text)


def content_stems(text: str, *, distinctive: bool = False) -> list[str]:
    """Stems of the words that carry an ask, in order, each once.

    ``distinctive`` also drops the generic words ("systems", "tools", "design").
    """
    found: list[str] = []
    for word in words(text):
        lower = word.lower()
        if lower in STOPWORDS or len(lower) < 3:
            continue
        if distinctive and (lower in GENERIC or len(lower) < 5):
            continue
        stemmed = stem(lower)
        if stemmed not in found:
            found.append(stemmed)
    return found


def stem_set(text: str) -> frozenset[str]:
    """Stems of the words, and of the parts of hyphenated ones: "Front-End" is also front, end."""
    found = {stem(w) for w in words(text)}
    found.update(stem(part) for w in words(text) if "-" in w for part in w.split("-") if part)
    return frozenset(found)


def stems_of_phrase(phrase: str) -> tuple[str, ...]:
    """A phrase as a sequence of stems, to find it whatever the word forms."""
    return tuple(stem(w) for w in words(phrase))


def find_phrase(phrase: tuple[str, ...], sequence: list[str]) -> int:
    """Where the stem sequence ``phrase`` starts in ``sequence``, or -1."""
    n = len(phrase)
    if not n:
        return -1
    first = phrase[0]
    for i, value in enumerate(sequence):
        if value == first and tuple(sequence[i:i + n]) == phrase:
            return i
    return -1


def first_words(phrases: tuple[str, ...] | list[str]) -> frozenset[str]:
    """The phrases' first words as written, lowercased, with or without a plural s. A stem
    finds "organization" for "organized" and "managers" for "managed"; the lexicon lists every
    verb form of its evidence and actions, so only these written words tell the verb apart."""
    found = {p.split()[0].lower() for p in phrases if p.strip()}
    return frozenset(found | {w[:-1] for w in found if w.endswith("s")} | {w + "s" for w in found})
