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
        if line.role is None or id(line.role) in counted or len(line.text.split()) < 5 \
                or not _opens_with_verb(line.text) or _weak_opening(ctx, line.text) \
                or not _countable(ctx, line.text):
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
        yield _prompt(ctx, line)


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


_CUT = re.compile(r"\b(?:the|a|an|of|in|and|or|to|with|for|on|at|by|from)\W*$", re.IGNORECASE)


def _opens_with_verb(text: str) -> bool:
    """An action ("Reduced ...", "Train ..."), not a list of duties ("Welding, pipe fitting")
    and not a line cut at a wrap ("... scenarios in the")."""
    first = text.split(" ", 1)[0]
    if first.endswith((",", ";", ":")) or _CUT.search(text):
        return False
    return tense_of(first) in ("past", "present") and not first.isupper()


def _prompt(ctx: Context, line: Line) -> Suggestion:
    body = line.text.rstrip(" .;")
    added = f", {ctx.rules.placeholder}"
    at = line.start + len(body)
    return Suggestion(
        kind=Kind.QUANTIFY, rule="no-number",
        message="Add a number to this bullet",
        reason=("A figure (how many, how much, how fast) makes the result concrete. Replace the "
                "brackets with your own number, or reject this."),
        block=line.block, target_start=line.start, target_end=line.end, before=line.text,
        after=body + added + line.text[len(body):], change=Change(at, at, added),
        needs_confirmation=True)
