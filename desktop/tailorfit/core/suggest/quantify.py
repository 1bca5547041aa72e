"""Quantify: a bullet with no number gets a visible placeholder the user must fill in.

The app never makes up a figure. The placeholder (``[X% / number / time saved]``) is found by
the export's placeholder check, which refuses to export it unfilled unless told to. One
bullet per role, in the latest roles, so the panel asks for the numbers that matter most.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tailorfit.core.suggest.context import Context, Line
from tailorfit.core.suggest.model import Change, Kind, Suggestion
from tailorfit.core.suggest.verbs import tense_of

_NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"dozens?|hundreds?|thousands?|millions?|billions?|half|double[ds]?|"
                     r"triple[ds]?)\b|%|\[", re.IGNORECASE)


def quantify_suggestions(ctx: Context) -> Iterator[Suggestion]:
    rules = ctx.rules
    # A role whose bullets already give figures needs no prompt; one with none does.
    counted = {id(line.role) for line in ctx.lines if line.role is not None
               and _NUMBER.search(line.text)}
    per_role: dict[int, int] = {}
    roles: list[int] = []
    for line in ctx.lines:
        if line.role is None or id(line.role) in counted:
            continue
        sentence = _claim(ctx, line.text)
        if sentence is None:
            continue  # a place line, a fragment, a line the opener rule rewrites, or a duty
            # where a number means nothing ("Cleaned and sanitized toys")
        key = id(line.role)
        if key not in per_role:
            if len(roles) >= rules.quantify_roles:
                continue
            roles.append(key)
            per_role[key] = 0
        if per_role[key] >= rules.quantify_per_role:
            continue
        per_role[key] += 1
        yield _prompt(ctx, line, sentence)


# A sentence ends at . ! or ? before a capital: "Node.js" and "15.5%" do not end one.
_SENTENCE_END = re.compile(r"[.!?]+\s+(?=[A-Z(])")
# Words that stand where a figure belongs: "Published several papers" -> "[number] papers".
_VAGUE_COUNT = re.compile(r"\b(?:several|multiple|numerous|various|many|countless)\b(?=\s+[a-z])",
                          re.IGNORECASE)


def _sentences(text: str) -> list[tuple[int, int]]:
    """Where each sentence of a bullet starts and ends (a paragraph-style role is one block)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.start() + len(match.group().rstrip())))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _claim(ctx: Context, text: str) -> tuple[int, int] | None:
    """The sentence to ask a figure for: an action with something countable in it, preferably
    one that says "several" or "multiple" where the figure belongs; None when there is none.

    A paragraph of several sentences gets the figure on the claim that needs it, not after
    whichever clause happens to come last."""
    candidates = []
    for start, end in _sentences(text):
        sentence = text[start:end]
        if len(sentence.split()) < 5 or not _opens_with_verb(sentence.rstrip(" .;!?")) \
                or _weak_opening(ctx, sentence) or not _countable(ctx, sentence):
            continue
        candidates.append((start, end))
    if not candidates:
        return None
    return next((c for c in candidates if _VAGUE_COUNT.search(text, c[0], c[1])), candidates[0])


def _countable(ctx: Context, text: str) -> bool:
    """A result verb opens it, or it names things one can count (a plural noun)."""
    from tailorfit.core.suggest.verbs import lemma, plural_noun

    words = re.findall(r"[A-Za-z][a-z]+", text)
    if words and lemma(words[0]) in ctx.rules.result_verbs:
        return True
    return any(plural_noun(w) for w in words[1:])


def _weak_opening(ctx: Context, text: str) -> bool:
    low = text.lower()
    return any(low.startswith(o.phrase + " ") for o in ctx.rules.weak_openers)


# "Present | Leading a team ...": a date column read into the line, no verb.
_COLUMN = re.compile(r"^\S+\s*\|")
_CUT = re.compile(r"\b(?:the|a|an|of|in|and|or|to|with|for|on|at|by|from)\W*$", re.IGNORECASE)


def _opens_with_verb(text: str) -> bool:
    """An action ("Reduced ...", "Train ..."), not a list of duties ("Welding, pipe fitting")
    and not a line cut at a wrap ("... scenarios in the")."""
    words = text.split(" ", 2)
    if len(words) > 2 and words[0].endswith("ly") and words[0][:1].isupper():
        words = words[1:]  # "Successfully delivered ...": the verb after the adverb
    first = words[0]
    if first.endswith((",", ";", ":")) or _CUT.search(text) or _COLUMN.match(text):
        return False
    return tense_of(first) in ("past", "present") and not first.isupper()


def _prompt(ctx: Context, line: Line, sentence: tuple[int, int]) -> Suggestion:
    start, end = sentence
    vague = _VAGUE_COUNT.search(line.text, start, end)
    if vague is not None:
        lo, hi = vague.span()
        added = ctx.rules.count_placeholder
        message = f'Give the number instead of "{vague.group()}"'
    else:
        lo = hi = start + len(line.text[start:end].rstrip(" .;!?"))
        added = f", {ctx.rules.placeholder}"
        message = "Add a number to this bullet"
    return Suggestion(
        kind=Kind.QUANTIFY, rule="no-number", message=message,
        reason=("A figure (how many, how much, how fast) makes the result concrete. Replace the "
                "brackets with your own number, or reject this."),
        block=line.block, target_start=line.start, target_end=line.end, before=line.text,
        after=line.text[:lo] + added + line.text[hi:],
        change=Change(line.start + lo, line.start + hi, added), needs_confirmation=True)
