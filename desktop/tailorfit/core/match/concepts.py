"""Concepts shown through what the person did, not by their name.

"Performance optimization" is rarely written in a resume; "cut page load from 4 s to 900 ms"
is. A concept entry of the lexicon lists its signals (``signals`` in resources/lexicon):
- ``objects``: what such work is about ("page load", "latency", "query") - a strong sign, except
  one word that also opens names in another field of work ("load" is freight and server
  traffic): alone it is weak, beside a second object strong;
- ``tools``: lexicon entries whose use shows it (a cache, a profiler) - a strong sign;
- ``together``: groups of two or more sides, each a list of words; one word of every side in
  one bullet shows it ("screens" with "API" for work joining front end and back end) - a
  strong sign worth two;
- ``actions``: what people do in such work ("optimized", "sped up", "cut") - a weak sign;
- ``metrics``: units of a measured result ("ms", "%") after a number - a weak sign.
Rule shown-through-work: a bullet with a strong sign and at least one more sign of another
kind shows the concept (met). Rule one-sign: a strong sign alone, or an action with a measured
result, is one sign of it (partial). A weak sign alone counts for nothing: "reduced costs" is
no performance work.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from tailorfit.core.lexicon import Lexicon, fold_word
from tailorfit.core.lexicon.entry import Entry
from tailorfit.core.match.parts import Part, Rule, nothing
from tailorfit.core.match.profile import TECHNICAL_CATEGORIES, Bullet, Profile
from tailorfit.core.match.result import Evidence, Status
from tailorfit.core.match.words import first_words, stems_of_phrase

_NUMBER = r"(?<![\w.])\d+(?:[.,]\d+)?\s*"


@dataclass(frozen=True, slots=True)
class Signals:
    """An entry's signals, prepared for matching (stems, patterns)."""

    actions: tuple[tuple[str, ...], ...]
    objects: tuple[tuple[str, ...], ...]
    object_texts: tuple[str, ...]  # the objects as written, beside their stems
    category: str
    tools: frozenset[str]
    metrics: re.Pattern[str] | None
    together: tuple[tuple[tuple[tuple[str, ...], ...], ...], ...]  # groups of sides of phrases
    technical: bool  # only in a role that shows technical work
    action_words: frozenset[str] = frozenset()  # the actions' first words, in every verb form

    @property
    def empty(self) -> bool:
        return not (self.actions or self.objects or self.tools or self.together)


_PREPARED: dict[tuple[str, int], Signals] = {}


def signals_of(entry: Entry) -> Signals:
    """An entry's signals as stems and patterns (prepared once per entry)."""
    key = (entry.id, id(entry))
    prepared = _PREPARED.get(key)
    if prepared is None:
        prepared = _PREPARED[key] = _prepare(entry)
    return prepared


def _prepare(entry: Entry) -> Signals:
    raw = entry.signals or {}

    def texts(kind: str) -> list[str]:
        return [str(v) for v in raw.get(kind, ())]

    units = [re.escape(u) for u in texts("metrics")]
    metrics = re.compile(_NUMBER + r"(?:" + "|".join(units) + r")(?![a-z])", re.IGNORECASE) \
        if units else None
    return Signals(
        actions=tuple(stems_of_phrase(p) for p in texts("actions")),
        objects=tuple(stems_of_phrase(p) for p in texts("objects")),
        object_texts=tuple(texts("objects")),
        category=entry.category,
        tools=frozenset(texts("tools")),
        metrics=metrics,
        together=tuple(tuple(tuple(stems_of_phrase(str(p)) for p in _items(side))
                             for side in _items(group))
                       for group in raw.get("together", ())),
        technical=entry.requires == "technical_role",
        action_words=first_words(texts("actions")),
    )


def _items(value: object) -> tuple[object, ...]:
    return tuple(value) if isinstance(value, (tuple, list)) else (value,)


@dataclass(frozen=True, slots=True)
class _Sign:
    kind: str  # "object", "word" (a one-word object alone), "tool", "together", "action", "metric"
    strong: bool
    start: int  # offsets in the bullet's text
    end: int


def _phrase_signs(kind: str, phrases: tuple[tuple[str, ...], ...], strong: bool,
                  profile: Profile, found: dict[int, list[_Sign]],
                  written: frozenset[str] = frozenset()) -> None:
    """The first occurrence of any of ``phrases`` in each bullet, as a sign of ``kind``;
    with ``written``, only where the first word is one of those forms (a verb's, not a noun's
    of the same stem: "managed", not "management")."""
    done: set[int] = set()
    for phrase in phrases:
        for number, position in profile.occurrences(phrase):
            if number in done or (written and profile.word_at(number, position) not in written):
                continue
            done.add(number)
            spans = profile.bullets[number].spans
            found.setdefault(number, []).append(
                _Sign(kind, strong, spans[position][0], spans[position + len(phrase) - 1][1]))


def _together_signs(signals: Signals, profile: Profile, found: dict[int, list[_Sign]]) -> None:
    for group in signals.together:
        sides: list[dict[int, tuple[int, int]]] = []
        for alternatives in group:
            places: dict[int, tuple[int, int]] = {}
            for phrase in alternatives:
                for number, position in profile.occurrences(phrase):
                    spans = profile.bullets[number].spans
                    places.setdefault(number, (spans[position][0],
                                               spans[position + len(phrase) - 1][1]))
            sides.append(places)
        if not sides:
            continue
        for number in set(sides[0]).intersection(*sides[1:]):
            if any(s.kind == "together" for s in found.get(number, ())):
                continue
            spots = [side[number] for side in sides]
            found.setdefault(number, []).append(
                _Sign("together", True, min(a for a, _ in spots), max(b for _, b in spots)))


# Broad fields of work, to tell a word's senses apart. Tools, credentials and soft skills
# belong to no field: Excel or a licence says nothing about which sense a word has.
_FIELDS: dict[str, str] = {
    **dict.fromkeys(TECHNICAL_CATEGORIES | {"concept", "security", "methodology"}, "technical"),
    **dict.fromkeys(("operations", "finance", "management", "sales", "marketing"), "business"),
    "clinical": "health", "education": "education", "design": "design",
}
_CLEAR: dict[tuple[int, int], tuple[tuple[str, ...], ...]] = {}


def _clear_objects(signals: Signals, lexicon: Lexicon) -> tuple[tuple[str, ...], ...]:
    """The objects that are a strong sign on their own (worked out once per lexicon)."""
    key = (id(signals), id(lexicon))
    clear = _CLEAR.get(key)
    if clear is None:
        shared = lexicon.first_word_categories
        clear = _CLEAR[key] = tuple(
            o for o, raw in zip(signals.objects, signals.object_texts, strict=True)
            if not _is_shared(raw, signals.category, shared))
    return clear


def _is_shared(text: str, category: str, shared: Mapping[str, frozenset[str]]) -> bool:
    """A one-word object that opens a lexicon name in another field of work.

    "load" opens "load balancing" (technical) and is freight in logistics; "budget" opens only
    business names, so for budgeting it stays a clear sign.
    """
    words = text.split()
    if len(words) != 1:
        return False
    folded = fold_word(words[0])
    forms = {folded, folded[:-1] if folded.endswith("s") else folded + "s"}
    own = _FIELDS.get(category)
    return own is not None and any(
        _FIELDS.get(c, own) != own for f in forms for c in shared.get(f, frozenset()))


def _signs(signals: Signals, profile: Profile) -> dict[int, list[_Sign]]:
    """Signs per bullet number."""
    found: dict[int, list[_Sign]] = {}
    # A word that other fields use too is a weak object ("load" is freight in a warehouse and
    # traffic on a server); two different objects in a bullet, or a phrase ("page load"),
    # say what the work is about.
    clear = _clear_objects(signals, profile.lexicon)
    _phrase_signs("object", clear, True, profile, found)
    words: dict[int, list[_Sign]] = {}
    for phrase in signals.objects:
        if phrase not in clear:
            _phrase_signs("word", (phrase,), False, profile, words)
    for number, signs in words.items():
        pair = len({(s.start, s.end) for s in signs}) >= 2
        found.setdefault(number, []).extend(
            _Sign("object" if pair else "word", pair, s.start, s.end) for s in signs)
    _phrase_signs("action", signals.actions, False, profile, found, signals.action_words)
    _together_signs(signals, profile, found)
    if signals.tools:
        lexicon = profile.lexicon
        for number, bullet in enumerate(profile.bullets):
            for hit in bullet.hits:
                if ({hit.entry} | lexicon.ancestors(hit.entry)) & signals.tools:
                    found.setdefault(number, []).append(
                        _Sign("tool", True, hit.start - bullet.start, hit.end - bullet.start))
                    break
    if signals.metrics is not None:
        for number, signs in found.items():  # a measured result matters beside another sign
            measured = signals.metrics.search(profile.bullets[number].text)
            if measured:
                signs.append(_Sign("metric", False, measured.start(), measured.end()))
    return found


def shown_through_work(entry: Entry, profile: Profile) -> Part:
    """Rules shown-through-work and one-sign for a concept the resume does not name."""
    signals = signals_of(entry)
    if signals.empty:
        return nothing(f"No {entry.name} in the resume")
    best: tuple[int, Bullet, list[_Sign]] | None = None
    weak: list[tuple[Bullet, list[_Sign]]] = []
    for number, signs in sorted(_signs(signals, profile).items()):
        bullet = profile.bullets[number]
        if signals.technical and not bullet.technical:
            continue
        kinds = {s.kind for s in signs}
        strong = any(s.strong for s in signs)
        score = (3 if "together" in kinds else 0) + (2 if strong else 0) + len(kinds)
        if strong and (len(kinds) >= 2 or "together" in kinds):
            if best is None or score > best[0]:
                best = (score, bullet, signs)
        elif strong or {"action", "metric"} <= kinds:
            weak.append((bullet, signs))
    if best is not None:
        _, bullet, signs = best
        evidence = _evidence(bullet, signs, profile)
        others = [_evidence(b, s, profile) for b, s in weak[:2]]
        return Part(Status.MET, (evidence, *others),
                    f'"{evidence.text}" ({evidence.where}) shows {entry.name.lower()}: '
                    f"{Rule.SHOWN_THROUGH_WORK.label}", Rule.SHOWN_THROUGH_WORK)
    if weak:
        bullet, signs = weak[0]
        evidence = _evidence(bullet, signs, profile)
        return Part(Status.PARTIAL, tuple(_evidence(b, s, profile) for b, s in weak[:3]),
                    f'"{evidence.text}" ({evidence.where}) is {Rule.ONE_SIGN.label} '
                    f"({entry.name.lower()})", Rule.ONE_SIGN)
    return nothing(f"No {entry.name} in the resume, and no bullet shows it")


def _evidence(bullet: Bullet, signs: list[_Sign], profile: Profile) -> Evidence:
    """The bullet's clause that holds the signs (the whole bullet when it is short)."""
    lo = min(s.start for s in signs)
    hi = max(s.end for s in signs)
    text = bullet.text
    if len(text) > 140:
        # Widen to the clause around the signs: from the previous to the next comma/semicolon.
        left = max(text.rfind(sep, 0, lo) for sep in (",", ";", ". ", " and "))
        right_candidates = [i for sep in (",", ";", ". ") if (i := text.find(sep, hi)) >= 0]
        lo = left + 1 if left >= 0 else 0
        hi = min(right_candidates) if right_candidates else len(text)
    while lo < hi and text[lo] in " ,;-":
        lo += 1
    start, end = bullet.start + lo, bullet.start + hi
    return Evidence(start, end, profile.resume.document.text[start:end], bullet.where, 5)
