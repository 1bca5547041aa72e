"""Finding lexicon terms in documents: longest match, case rules, and context for ambiguity.

Ambiguous short names (Go, R, C, Swift, Excel, Chef...) count only with context: a skills
section, a known technology within a few words, a confirming phrase ("written in Go"), or a
pattern such as "in Go" / "Go developer". Negative phrases ("go-to", "C-level", "excel at")
reject them outright. Results are cached per block text, so re-analysis while typing only
rescans the blocks that changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from tailorfit.core.lexicon import Form, Lexicon, Token, tokenize
from tailorfit.core.lexicon.entry import US_STATE_CODES
from tailorfit.core.model import Document

# Categories whose terms vouch for an ambiguous technology term next to them.
_TECH = frozenset({"language", "framework", "library", "database", "cloud", "devops", "security",
                   "data", "ml", "os", "protocol", "tool", "concept", "methodology"})
_NEARBY = 8  # tokens
# Words no lexicon form starts with: windows starting with them are never fuzzy-matched.
_NOT_FIRST = frozenset("""the and for with our you your are will can who has have this that
from into their they them its was were been being all any each other such both more most
very well also not but per via than then when where which while what how able must should
would could may might""".split())
# Lexicon files whose terms keep company: they break ties between same-spelled entries.
_TECH_FILES = frozenset({"software", "data_cloud", "devops_security", "project_product",
                         "design_creative"})
_BUSINESS_FILES = frozenset({"accounting_finance", "sales_marketing_pr", "operations_admin",
                             "project_product"})
_FAMILY: dict[str, frozenset[str]] = {name: _TECH_FILES for name in _TECH_FILES}
_FAMILY.update({name: _FAMILY.get(name, frozenset()) | _BUSINESS_FILES for name in _BUSINESS_FILES})
_BEFORE = frozenset({"in", "using", "with", "of", "and", "or"})
_AFTER = re.compile(r"^(?:developers?|engineers?|engineering|programmers?|programming|code|"
                    r"codebases?|services?|microservices|backends?|sdks?|apis?|stack|frameworks?|"
                    r"librar(?:y|ies)|language|scripts?|scripting|applications?|modules?)$")


@dataclass(frozen=True, slots=True)
class TermHit:
    """A lexicon entry found at ``start:end`` of a document's text, in block ``block``."""

    entry: str
    start: int
    end: int
    block: int
    text: str


def find_terms(document: Document, lexicon: Lexicon,
               tech_blocks: frozenset[int] = frozenset()) -> list[TermHit]:
    """Every term in the document, in order. ``tech_blocks`` are skills-list blocks."""
    hits: list[TermHit] = []
    pending: list[TermHit] = []
    for index, block in enumerate(document.blocks):
        base = document.block_start(index)
        accepted, unsure = scan(lexicon, block.text, index in tech_blocks)
        for entry, start, end in accepted:
            hits.append(TermHit(entry, base + start, base + end, index, block.text[start:end]))
        for entry, start, end in unsure:
            pending.append(TermHit(entry, base + start, base + end, index, block.text[start:end]))
    if pending:
        # One sense per document: "Kafka" listed under Skills vouches for "Kafka-based" in a bullet.
        known = {hit.entry for hit in hits}
        hits.extend(hit for hit in pending if hit.entry in known)
        hits.sort(key=lambda hit: hit.start)
    return hits


_Span = tuple[str, int, int]


@lru_cache(maxsize=50_000)
def scan(lexicon: Lexicon, text: str, tech: bool) -> tuple[tuple[_Span, ...], tuple[_Span, ...]]:
    """Terms in one block of text as (entry id, start, end): accepted ones, and ambiguous ones
    that lacked context here (the document may still vouch for them)."""
    tokens = tokenize(text)
    lower = text.lower()
    # Longest match; when several entries share the longest form ("TPM": technical program
    # management or total productive maintenance), keep them all and choose below.
    spots: list[tuple[int, int, list[Form]]] = []
    starts = lexicon.starts
    places = _place_tokens(tokens) if "," in text else set()
    # Most words start no lexicon form: only the positions of those that do are tried.
    openers = [k for k, token in enumerate(tokens) if token[1] in starts and k not in places]
    reached = 0
    for i in openers:
        if i < reached:
            continue  # inside a longer form found before
        longest = 0
        choices: list[Form] = []
        following = tokens[i + 1].fold if i + 1 < len(tokens) else ""
        candidates = lexicon.candidates(tokens[i].fold, following)
        for form in candidates:
            n = len(form.folds)
            if n < longest:
                break
            # A one-word form without case rules matches by construction of the index.
            fits = (n == 1 and form.exact is None) or _matches(tokens, i, form)
            if fits and n == 1 and len(tokens[i].text) == 1 and _initialism(tokens, i):
                fits = False  # the C of "D.C." or the R of "R.N." is no language
            if fits and _negative(lexicon, form, lower, tokens, i, n) and not _positive(
                    lexicon[form.entry].positive, lower, tokens, i, n, here_only=True):
                fits = False  # "excel at" vetoes, "Excel at an advanced level" confirms
            if fits:
                if all(c.entry != form.entry for c in choices):
                    choices.append(form)
                longest = n
        if choices:
            spots.append((i, longest, choices))
            reached = i + longest
    spots.extend(_fuzzy_spots(lexicon, tokens, spots))
    spots.sort(key=lambda spot: spot[0])
    fields: dict[str, int] = {}
    for _, _, choices in spots:
        if len(choices) == 1 and not lexicon[choices[0].entry].ambiguous:
            domain = lexicon[choices[0].entry].domain
            fields[domain] = fields.get(domain, 0) + 1
    found: list[tuple[int, int, Form]] = []
    for i, n, choices in spots:
        if len(choices) > 1:
            choices = sorted(choices, key=lambda f: (
                -_positive(lexicon[f.entry].positive, lower, tokens, i, n),
                -fields.get(lexicon[f.entry].domain, 0),
                -sum(c for d, c in fields.items() if d in _FAMILY.get(lexicon[f.entry].domain, ()))))
        found.append((i, n, choices[0]))
    # Round one: unambiguous terms, and ambiguous ones with their own strong signal.
    strong: set[int] = set()
    for i, n, form in found:
        entry = lexicon[form.entry]
        if not entry.ambiguous or tech or _positive(entry.positive, lower, tokens, i, n) or (
                _pattern(entry.category, tokens, i, n)):
            strong.add(i)
    anchors = [i for i, _, f in found if i in strong and lexicon[f.entry].category in _TECH]
    # Round two: the rest count only beside a known technology.
    result: list[_Span] = []
    unsure: list[_Span] = []
    for i, n, form in found:
        span = (form.entry, tokens[i].start, tokens[i + n - 1].end)
        # One- and two-letter names (Go, R, C) need the technology within a few words; longer
        # ones (Kafka, Spark, Excel) anywhere in the same bullet or line.
        reach = _NEARBY if len(form.text) <= 2 else len(tokens)
        if i in strong or any(abs(a - i) <= reach for a in anchors if a != i):
            result.append(span)
        elif len(form.text) > 2:
            unsure.append(span)
    return tuple(result), tuple(unsure)


def _fuzzy_spots(lexicon: Lexicon, tokens: list[Token],
                 spots: list[tuple[int, int, list[Form]]]) -> list[tuple[int, int, list[Form]]]:
    """Typos in long multi-word forms ("continous integration") between exact matches."""
    misspelt = lexicon.typo_words({t.fold for t in tokens})
    if not misspelt:
        return []  # every word is spelled like a lexicon word or like no lexicon word at all
    typos = [t.fold in misspelt for t in tokens]
    taken = [False] * (len(tokens) + 1)
    for i, n, _ in spots:
        for k in range(i, i + n):
            taken[k] = True
    fuzzy = lexicon.fuzzy
    found: list[tuple[int, int, list[Form]]] = []
    # Windows of up to four words that hold a misspelt word: jump from one such word to the next.
    next_typo = [len(tokens)] * (len(tokens) + 1)
    for k in range(len(tokens) - 1, -1, -1):
        next_typo[k] = k if typos[k] else next_typo[k + 1]
    i = 0
    while i < len(tokens):
        if next_typo[i] - i > 3:
            i = next_typo[i] - 3
            continue
        first = tokens[i].fold
        if taken[i] or len(first) < 3 or first in _NOT_FIRST or not first.isalpha():
            i += 1
            continue
        best: tuple[float, int, Form] | None = None
        for n in (4, 3, 2):
            if i + n > len(tokens) or any(taken[i:i + n]):
                continue
            if not any(typos[i:i + n]):
                continue  # no misspelt word in this window: the exact pass already judged it
            words = [t.fold for t in tokens[i:i + n]]
            window = " ".join(words)
            if len(window) < 12 or not all(w.isalpha() for w in words):
                continue
            bucket = fuzzy.get((n, window[:2], window[-1]))
            if bucket is None:
                continue
            strings, forms = bucket
            match = process.extractOne(window, strings, scorer=fuzz.ratio, score_cutoff=90)
            if match is None:
                continue
            form = forms[match[2]]
            # A typo keeps each word's length and last letter: "designing" is no "design".
            if any(abs(len(a) - len(b)) > 2 or a[-1] != b[-1]
                   for a, b in zip(words, form.folds, strict=True)):
                continue
            if best is None or match[1] > best[0]:
                best = (match[1], n, form)
        if best is not None:
            found.append((i, best[1], [best[2]]))
            for k in range(i, i + best[1]):
                taken[k] = True
            i += best[1]
        else:
            i += 1
    return found


def _place_tokens(tokens: list[Token]) -> set[int]:
    """Tokens that are part of a place written "City, ST" or "Washington, D.C.": the MA of
    "Boston, MA" is no master's degree and the C of "D.C." no programming language."""
    found: set[int] = set()
    for i in range(2, len(tokens)):
        token = tokens[i]
        if tokens[i - 1].text != "," or not tokens[i - 2].text[:1].isupper():
            continue
        if token.text in US_STATE_CODES and token.spaced:
            found.add(i)
        elif token.text in ("D", "DC") and i + 1 < len(tokens):
            # "D.C." tokenises as D . C .
            found.update(range(i, min(len(tokens), i + 4)))
        else:
            continue
        # The city's own words ("Phoenix" of "Phoenix, AZ") are the place too.
        k = i - 2
        while k >= 0 and i - 2 - k < 3 and tokens[k].text[:1].isupper() and tokens[k].text.isalpha():
            found.add(k)
            if tokens[k].spaced and k and not tokens[k - 1].text[:1].isupper():
                break
            k -= 1
    return found


def _initialism(tokens: list[Token], i: int) -> bool:
    """Is token ``i`` one letter of a dotted initialism such as "D.C." or "U.S."?"""
    def joined(a: int, b: int) -> bool:
        return a >= 0 and b < len(tokens) and not tokens[b].spaced
    before = i >= 2 and tokens[i - 1].text == "." and len(tokens[i - 2].text) == 1 and (
        joined(i - 2, i - 1) and joined(i - 1, i))
    after = i + 2 < len(tokens) and tokens[i + 1].text == "." and len(tokens[i + 2].text) == 1 and (
        joined(i, i + 1) and joined(i + 1, i + 2))
    return before or after


def _matches(tokens: list[Token], i: int, form: Form) -> bool:
    n = len(form.folds)
    if i + n > len(tokens):
        return False
    for k in range(n):
        token = tokens[i + k]
        if token.fold != form.folds[k]:
            return False
        if form.exact is not None and token.text != form.exact[k]:
            return False
        # "Node.js" must not match "node . js": joined punctuation stays joined.
        if k and form.joined[k - 1] and token.spaced and (
                not token.text.isalnum() or not tokens[i + k - 1].text.isalnum()):
            return False
    return True


@lru_cache(maxsize=8192)
def _variants(phrase: str) -> tuple[str, ...]:
    """A phrase as written, with hyphens as spaces and with spaces as hyphens (no repeats)."""
    return tuple(dict.fromkeys((phrase, phrase.replace("-", " "), phrase.replace(" ", "-"))))


@lru_cache(maxsize=8192)
def _spaced(phrase: str) -> str:
    return phrase.replace("-", " ")


def _phrase_at(phrase: str, lower: str, tokens: list[Token], i: int, n: int) -> bool:
    """Does ``phrase`` (which contains the matched form) occur around tokens i..i+n?"""
    matched = lower[tokens[i].start:tokens[i + n - 1].end]
    for variant in _variants(phrase):
        offset = variant.find(matched)
        while offset >= 0:
            begin = tokens[i].start - offset
            if begin >= 0 and lower.startswith(variant, begin):
                after = begin + len(variant)
                if after >= len(lower) or not (lower[after].isalnum() and variant[-1].isalnum()):
                    return True
            offset = variant.find(matched, offset + 1)
    return False


def _negative(lexicon: Lexicon, form: Form, lower: str, tokens: list[Token], i: int,
              n: int) -> bool:
    entry = lexicon[form.entry]
    # A cheap substring test first: most negative phrases are nowhere in the block.
    return bool(entry.negative) and any(
        _phrase_at(p, lower, tokens, i, n) for p in entry.negative
        if any(v in lower for v in _variants(p)))


def _positive(phrases: tuple[str, ...], lower: str, tokens: list[Token], i: int, n: int,
              *, here_only: bool = False) -> bool:
    """A positive phrase confirms the form: one that holds it at this place, or (unless
    ``here_only``, as when outweighing a negative phrase there) one anywhere in the block."""
    matched = lower[tokens[i].start:tokens[i + n - 1].end]
    for phrase in phrases:
        variants = _variants(phrase)
        if matched in phrase or matched in _spaced(phrase):
            # Only where the phrase could be: most blocks hold none of its words.
            if any(v in lower for v in variants) and _phrase_at(phrase, lower, tokens, i, n):
                return True
        elif not here_only and phrase in lower and _whole_phrase(phrase).search(lower):
            return True
    return False


@lru_cache(maxsize=8192)
def _whole_phrase(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")


def _pattern(category: str, tokens: list[Token], i: int, n: int) -> bool:
    """'in Go', 'Go developer', 'Swift code': how people write about a technology."""
    after = tokens[i + n].fold if i + n < len(tokens) else ""
    if _AFTER.match(after):
        return True
    before = tokens[i - 1].fold if i else ""
    return category == "language" and before in _BEFORE and before != "and" and before != "or"


# Words that may stand between a verb and its object in a loose form: "analyzing large, complex
# data sets" for "analyzing data", "managing the end-to-end lifecycle of technical projects" for
# "managing projects". A sentence's end, a colon, a parenthesis or another verb ends the reach.
_LOOSE_GAP = 7
_LOOSE_STOP = frozenset(".;:!?()[]")


def loose_terms(document: Document, lexicon: Lexicon, start: int, end: int) -> list[TermHit]:
    """Verb-led forms with a few words between the verb and the rest, in ``start:end``.

    For a requirement in which no form was found as written: "managing the end-to-end
    lifecycle of technical projects" names project management ("managing projects"). Only
    forms whose first word is a gerund, with no case rule and no ambiguity, are stretched.
    """
    index = document.block_at(start)
    text = document.text[start:end]
    tokens = tokenize(text)
    hits: list[TermHit] = []
    for i, token in enumerate(tokens):
        if not token.fold.endswith("ing") or token.fold not in lexicon.starts:
            continue
        for form in lexicon.index.get(token.fold, ()):
            if len(form.folds) < 2 or form.exact is not None or lexicon[form.entry].ambiguous:
                continue
            rest = form.folds[1:]
            for j in range(i + 2, min(len(tokens) - len(rest), i + 1 + _LOOSE_GAP) + 1):
                between = tokens[j - 1]
                if between.text in _LOOSE_STOP or (j - 1 > i and between.fold.endswith("ing")
                                                   and len(between.fold) > 5):
                    break  # a new sentence or a second verb: "managing staff and running projects"
                if tuple(t.fold for t in tokens[j:j + len(rest)]) == rest:
                    last = tokens[j + len(rest) - 1]
                    hits.append(TermHit(form.entry, start + token.start, start + last.end, index,
                                        document.text[start + token.start:start + last.end]))
                    break
            if hits and hits[-1].start == start + token.start:
                break  # the longest form that fits, as in the exact scan
    return hits
