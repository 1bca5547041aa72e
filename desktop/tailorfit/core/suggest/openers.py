"""Weak openers ("Responsible for", "Worked on", "Helped") become action verbs.

The verb comes from the bullet itself when it has one ("Responsible for managing payroll" ->
"Managed payroll"); otherwise from the posting, when the posting opens a line with a verb
that may stand in for the default and that line shares a skill with the bullet; otherwise the
default of ``resources/writing/rules.json``. Past roles take the past tense, the current role
the present.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tailorfit.core.suggest.context import Context, Line
from tailorfit.core.suggest.model import Change, Kind, Suggestion
from tailorfit.core.suggest.rules import WeakOpener
from tailorfit.core.suggest.verbs import Tense, inflect, lemma, tense_of

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def opener_suggestions(ctx: Context) -> Iterator[Suggestion]:
    posting_verbs = _posting_verbs(ctx)
    for line in ctx.lines:
        low = line.text.lower()
        opener = next((o for o in ctx.rules.weak_openers
                       if low.startswith(o.phrase + " ")), None)
        if opener is None or line.text[0].islower():
            continue  # a lower-case start is a wrapped line, not a bullet's opener
        found = _rewrite(ctx, line, opener, posting_verbs)
        if found is None:
            if opener.then_gerund or opener.verb in ("contribute to", "support"):
                yield _ask_what_you_did(line, opener)
            continue
        replaced_end, words = found
        after = words + line.text[replaced_end - line.start:]
        yield Suggestion(
            kind=Kind.OPENER, rule="weak-opener",
            message=f'Open with "{words.split(" ")[0]}" instead of "{line.text[:len(opener.phrase)]}"',
            reason=(f'"{opener.phrase.capitalize()}" says what you were meant to do, not what '
                    "you did; an action verb leads with the work."),
            block=line.block, target_start=line.start,
            target_end=line.start + len(opener.phrase), before=line.text, after=after,
            change=Change(line.start, replaced_end, words))


def _rewrite(ctx: Context, line: Line, opener: WeakOpener,
             posting_verbs: dict[frozenset[str], set[str]]) -> tuple[int, str] | None:
    """Where the replaced words end, and the words that replace them (None: leave it).

    The tense follows the opener when it has one ("Helped" is past), else the role.
    """
    opening = line.text[:len(opener.phrase)]
    own = tense_of(opening.split(" ", 1)[0])
    tense: Tense = "past" if own == "past" or (own is None and not line.current) else "present"
    rest_at = line.start + len(opener.phrase) + 1
    rest = ctx.document.text[rest_at:line.end]
    word = _WORD.match(rest)
    if word is None:
        return None
    next_word = word.group()
    follows = rest[word.end():word.end() + 1]
    next_tense = tense_of(next_word)
    if opener.then_gerund:
        # "Helped troubleshoot printers" -> "Troubleshot printers": the verb that was
        # helped is the work. "Helped the team finish ..." has no such verb: ask instead.
        if next_tense != "present" or not next_word.islower() or lemma(next_word) is None:
            return None
        return rest_at + word.end(), inflect(lemma(next_word) or next_word, tense, opening)
    if next_tense == "gerund" and follows == " ":
        verb = lemma(next_word)  # "Responsible for managing payroll" -> "Managed payroll"
        if verb is not None:
            return rest_at + word.end(), inflect(verb, tense, opening)
    if opener.verb in ("contribute to", "support"):
        # "Participated in the migration": swapping one vague verb for another helps
        # nobody; what the person did is theirs to say.
        verb = _posting_choice(ctx, line, opener.verb, posting_verbs)
        return (rest_at, inflect(verb, tense, opening) + " ") if verb else None
    verb = _posting_choice(ctx, line, opener.verb, posting_verbs) or opener.verb
    return rest_at, inflect(verb, tense, opening) + " "


def _ask_what_you_did(line: Line, opener: WeakOpener) -> Suggestion:
    phrase = line.text[:len(opener.phrase)]
    return Suggestion(
        kind=Kind.OPENER, rule="weak-opener",
        message=f'Say what you did instead of "{phrase}"',
        reason=(f'"{phrase}" says you were there, not what you did. Start with your own '
                "action: designed, ran, fixed, wrote, trained."),
        block=line.block, target_start=line.start, target_end=line.start + len(phrase),
        before=line.text, after=line.text, change=None)


def _posting_verbs(ctx: Context) -> dict[frozenset[str], set[str]]:
    """Posting lines that open with a verb: the skills they name -> their opening verbs."""
    posting = ctx.analysis.posting
    found: dict[frozenset[str], set[str]] = {}
    lines: list[tuple[str, int, int]] = [(r.text, r.start, r.end) for r in posting.requirements]
    lines += [(d.text, d.start, d.end) for d in posting.duties]
    for text, start, end in lines:
        first = _WORD.match(text.strip())
        if first is None:
            continue
        verb = lemma(first.group())
        if verb is None or tense_of(first.group()) != "present":
            continue
        terms = frozenset(h.entry for h in ctx.analysis.posting_hits
                          if start <= h.start < end)
        if terms:
            found.setdefault(terms, set()).add(verb)
    return found


def _posting_choice(ctx: Context, line: Line, default: str,
                    posting_verbs: dict[frozenset[str], set[str]]) -> str | None:
    allowed = ctx.rules.posting_verbs.get(default, frozenset())
    terms = {h.entry for h in ctx.resume_hits_by_block.get(line.block, ())}
    if not terms:
        return None
    for posting_terms, verbs in posting_verbs.items():
        if terms & posting_terms:
            for verb in sorted(verbs):
                if verb in allowed:
                    return verb
    return None
