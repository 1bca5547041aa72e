"""Name the posting's term in a bullet that already shows it.

Two cases, both keeping every fact of the bullet:

- **instance**: the bullet names a more specific skill the lexicon says implies the asked one
  ("Istio" implies "service mesh"): "Istio" becomes "Istio (service mesh)". Safe: the lexicon,
  not a guess, links them.
- **shown**: the requirement asks for a concept (performance optimization, caching) and the
  judge found it in what the bullet describes. Where several signals made it met, the naming
  is offered as is; where one weak sign or shared words made it partial, the user confirms
  that the bullet really shows it.

A close alternative (MySQL for PostgreSQL) is never named: that would claim a tool the person
did not use. Those become questions (see :mod:`tailorfit.core.suggest.ask`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tailorfit.core.kinds import Status, Strength
from tailorfit.core.match.result import Evidence, Verdict
from tailorfit.core.suggest.context import Context, Line
from tailorfit.core.suggest.model import Change, Kind, Suggestion
from tailorfit.core.suggest.score import score_if_met
from tailorfit.core.suggest.verbs import tense_of

CONCEPT_CATEGORIES = frozenset({"concept", "methodology", "security", "data", "devops",
                                "management", "design", "operations"})
# Naming a class beside a member helps only where the reader may not know the member belongs
# to it (Istio is a service mesh); "PostgreSQL (relational databases)" or "B.S. (Bachelor's
# degree)" tells nobody anything.
_NAMED_CLASSES = frozenset({"concept", "methodology", "devops", "security", "ml", "data"})
# A bullet that only shares a line's words ("related-words") does not show the concept: a
# label naming it there overclaims ("Quality assurance: fixed 5 bugs" for an intern's fixes).
_SHOWN_RULES = {"shown-through-work": False, "one-sign": True}


def term_form(ctx: Context, verdict: Verdict, term: str) -> str:
    """How the posting writes the term in this requirement (else the lexicon's name)."""
    requirement = verdict.requirement
    form = next((h.text for h in ctx.analysis.posting_hits
                 if h.entry == term and requirement.start <= h.start < requirement.end), None)
    form = form or next((h.text for h in ctx.analysis.posting_hits if h.entry == term), None)
    form = form or ctx.lexicon[term].name
    if len(form) > 1 and form[0].isupper() and not any(c.isupper() for c in form[1:]) and \
            ctx.lexicon[term].category in CONCEPT_CATEGORIES | {"soft"}:
        form = form[0].lower() + form[1:]
    return form


def _named_anywhere(ctx: Context, term: str) -> bool:
    return any(h.entry == term for h in ctx.analysis.resume_hits)


def naming_suggestions(ctx: Context) -> Iterator[Suggestion]:
    lines = {line.block: line for line in ctx.lines}
    done: set[tuple[int, str]] = set()
    for verdict in ctx.analysis.verdicts:
        for term in verdict.terms:
            if term not in ctx.lexicon.entries or _named_anywhere(ctx, term):
                continue
            entry = ctx.lexicon[term]
            found = None
            # Naming the class beside a member ("Selenium (software testing)") was dropped by
            # every reading of the suggestions: it is offered only where the class is a must
            # and the member is a product name a reader may not place ("Istio").
            if entry.category in _NAMED_CLASSES and not entry.broad and \
                    verdict.status is not Status.MET and \
                    verdict.requirement.strength is Strength.MUST:
                found = _instance(ctx, verdict, term, lines, done)
            if found is None and entry.category in CONCEPT_CATEGORIES:
                found = _shown(ctx, verdict, term, lines, done)
            if found is not None:
                done.add((found.block, term))
                yield found
                break


def _instance(ctx: Context, verdict: Verdict, term: str, lines: dict[int, Line],
              done: set[tuple[int, str]]) -> Suggestion | None:
    # Prefer a bullet (use) over a skills list: naming it there reads as experience.
    # Only a direct parent ("Istio (service mesh)"); a distant ancestor says something the
    # member is not ("Apache Kafka (software architecture)").
    hits = [h for h in ctx.analysis.resume_hits
            if h.entry != term and term in ctx.lexicon[h.entry].implies
            and (h.block, term) not in done]
    # Only in a bullet, where the label tells what the work was ("Deployed Istio (service
    # mesh)"); in a skills list "Git (source control)" tells a reader nothing.
    hits = [h for h in hits if h.block in lines and _obscure(h.text)]
    hits.sort(key=lambda h: h.start)
    for hit in hits:
        lo, hi = ctx.content_range(hit.block)
        if not lo <= hit.start < hit.end <= hi:
            continue
        form = term_form(ctx, verdict, term)
        before = ctx.document.text[lo:hi]
        if form.lower() in before.lower() or \
                set(re.findall(r"[a-z]+", form.lower())) & \
                set(re.findall(r"[a-z]+", hit.text.lower())):
            continue  # "RESTful services (web services)" says one word twice
        words = f"{hit.text} ({form})"
        after = before[:hit.start - lo] + words + before[hit.end - lo:]
        return Suggestion(
            kind=Kind.NAME, rule="implied-term",
            message=f'Name "{form}" beside {hit.text}',
            reason=(f"The posting asks for {form} ({verdict.requirement.id}); {hit.text} is "
                    f"{_article(form)} {form}, so saying so keeps to the facts."),
            block=hit.block, target_start=hit.start, target_end=hit.end, before=before,
            after=after, change=Change(hit.start, hit.end, words),
            requirement_id=verdict.requirement.id,
            score_delta=_delta(ctx, verdict), term=term)
    return None


def _shown(ctx: Context, verdict: Verdict, term: str, lines: dict[int, Line],
           done: set[tuple[int, str]]) -> Suggestion | None:
    if verdict.rule not in _SHOWN_RULES:
        return None
    confirm = _SHOWN_RULES[verdict.rule]
    # A bullet that names part of the concept ("a Varnish cache" for caching) comes first; one
    # that only carries a metric or an action the judge counted needs the user's word.
    # A bullet that names part of the concept ("a Varnish cache" for caching strategies)
    # comes first; one that only carries a metric the judge counted needs the user's word.
    candidates: list[tuple[Evidence, bool]] = [
        (e, confirm or not _shares_root(ctx, term, e.text)) for e in verdict.evidence]
    candidates.sort(key=lambda c: c[1])
    candidates += [(e, True) for e in verdict.related]
    for evidence, needs_confirmation in candidates:
        line = lines.get(ctx.document.block_at(evidence.start))
        if line is None or any(block == line.block for block, _ in done):
            continue  # one label per bullet: "Software QA: Quality assurance: ..." is none
        form = term_form(ctx, verdict, term)
        if form.lower() in line.text.lower() or _shares_root_with(form.split()[-1], line.text):
            continue  # "Performance optimization: ... optimized ..." says it twice
        labelled = _with_label(line, form)
        if labelled is None:
            continue
        after, change = labelled
        question = " Does this bullet show it?" if needs_confirmation else ""
        return Suggestion(
            kind=Kind.NAME, rule="shown-concept",
            message=f'Name "{form}" in this bullet',
            reason=(f"The posting asks for {form} ({verdict.requirement.id}); this bullet "
                    f"describes it without naming it.{question}"),
            block=line.block, target_start=line.start, target_end=line.end,
            before=line.text, after=after, change=change,
            requirement_id=verdict.requirement.id, needs_confirmation=needs_confirmation,
            score_delta=_delta(ctx, verdict), term=term)
    return None


def _with_label(line: Line, form: str) -> tuple[str, Change] | None:
    """ "Performance optimization: added an index ..." for a bullet that opens with a past
    verb (a labelled achievement). Any other bullet is left alone: a term tacked on at the
    end of a sentence reads as stuffing, far from what proves it."""
    text = line.text
    first = text.split(" ", 1)[0]
    if tense_of(first) != "past" or not first[1:].islower() or len(text) > 220 or \
            ":" in text[:80]:
        return None  # a colon already there would make "Label: rebuilt pages: compressed"
    label = form[0].upper() + form[1:] + ": "
    after = label + first[0].lower() + text[1:]
    return after, Change(line.start, line.start + 1, label + first[0].lower())


def _shares_root(ctx: Context, term: str, text: str) -> bool:
    from tailorfit.core.match.words import WORD, stem

    entry = ctx.lexicon[term]
    names = [entry.name, *entry.aliases]
    wanted = {stem(w.group()) for n in names for w in WORD.finditer(n.lower()) if len(w.group()) > 3}
    return any(stem(w.group()) in wanted for w in WORD.finditer(text.lower()))


def _obscure(name: str) -> bool:
    """A product name ("Istio", "Varnish") rather than words that say what it is already
    ("RESTful services", "time-series forecasting")."""
    from tailorfit.core.suggest.verbs import is_common_word

    words = re.findall(r"[A-Za-z]+", name)
    return bool(words) and not all(is_common_word(w) for w in words)


def _shares_root_with(word: str, text: str) -> bool:
    from tailorfit.core.match.words import WORD, stem

    wanted = stem(word.lower())
    return len(word) > 3 and any(stem(w.group()) == wanted for w in WORD.finditer(text.lower()))


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _delta(ctx: Context, verdict: Verdict) -> int:
    if verdict.status is Status.MET:
        return 0
    return score_if_met(ctx.analysis, verdict) - ctx.analysis.score
