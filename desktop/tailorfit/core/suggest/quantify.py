"""Quantify: a bullet with no number gets a visible placeholder the user must fill in.

The app never makes up a figure. The placeholder ("[number]", "[number or %]") goes where the
figure belongs, or nowhere: in place of a vague count ("several papers"), before the plural
thing done or served ("Supported [number] customers", "for [number] platform engineers"), or
after the object of a verb of change ("Cut load time by [number or %]"). The export's
placeholder check refuses to export it unfilled unless told to. One bullet per role, in the
latest roles, so the panel asks for the numbers that matter most.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tailorfit.core.suggest.context import Context, Line
from tailorfit.core.suggest.model import Change, Kind, Suggestion
from tailorfit.core.suggest.sentences import sentence_spans
from tailorfit.core.suggest.verbs import (
    is_noun,
    is_noun_or_adjective,
    lemma,
    plural_noun,
    tense_of,
)

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
        place = _claim(ctx, line.text)
        if place is None:
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
        yield _prompt(ctx, line, place)


# Words that stand where a figure belongs: "Published several papers" -> "[number] papers".
_VAGUE_COUNT = re.compile(r"\b(?:several|multiple|numerous|various|many|countless)\b(?=\s+[a-z])",
                          re.IGNORECASE)


def _claim(ctx: Context, text: str) -> tuple[int, int, str] | None:
    """Where a figure belongs in the bullet, as (start, end, placeholder text) to put in place
    of ``text[start:end]``; None when no sentence has such a place.

    A paragraph of several sentences gets the figure on the claim that needs it, not after
    whichever clause happens to come last; a sentence that says "several" or "multiple" is
    preferred, its vague word giving way to the figure."""
    found: list[tuple[int, int, str]] = []
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        if len(sentence.split()) < 5 or not _opens_with_verb(sentence.rstrip(" .;!?")) \
                or _weak_opening(ctx, sentence) or not _countable(ctx, sentence):
            continue
        vague = _VAGUE_COUNT.search(sentence)
        if vague is not None:
            return start + vague.start(), start + vague.end(), ctx.rules.count_placeholder
        place = _place_in(ctx, sentence)
        if place is not None:
            found.append((start + place[0], start + place[1], place[2]))
    return found[0] if found else None


_WORD = re.compile(r"[A-Za-z][\w'/+#.-]*[\w+#]|[A-Za-z]")
# Where the object of a result verb ends: "Improved query time | through caching".
_OBJECT_END = re.compile(r",|;|\s(?:through|using|via|with|by|for|across|in|on|at|thanks to|"
                         r"while|which|resulting|leading|to|from|after|during)(?![\w-])")
_REPLACED = frozenset({"the", "all"})  # "Automated the reports" -> "Automated [number] reports"
_NO_COUNT = frozenset({"a", "an", "one", "each", "every", "this", "that", "my", "its", "his",
                       "her", "their", "our", "your", "both"})
_ENDS_PHRASE = frozenset({"and", "or", "to", "for", "with", "in", "on", "of", "by", "from",
                          "at", "into", "across", "using", "via", "through", "as", "while"})


def _place_in(ctx: Context, sentence: str) -> tuple[int, int, str] | None:
    """Where a figure belongs in one sentence that opens with a verb:
    - after the object of a result verb: "Cut deploy time by [number or %] through caching";
    - as the count of the first plural thing done: "Built [number] dashboards for sales".
    """
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(sentence)]
    at = 1 if len(words) > 2 and _adverb(words[0][0]) else 0  # "Successfully led"
    verb = lemma(words[at][0]) if at < len(words) else None
    at += 1
    # "Developed and maintained ...": both verbs open the sentence.
    while at + 1 < len(words) and words[at][0].lower() in ("and", "or") and \
            tense_of(words[at + 1][0]) in ("past", "present"):
        at += 2
    if at >= len(words):
        return None
    if verb in ctx.rules.amount_verbs:
        if words[at][0].lower() == "by":
            return None  # "Improved by introducing a cache": the way, not the amount
        rest = sentence[words[at][1]:]
        cut = _OBJECT_END.search(rest)
        if cut is not None and cut.group().strip() == "by":
            return None  # "Reduced costs by automating ...": the way, not the amount
        end = words[at][1] + (cut.start() if cut else len(rest.rstrip(" .;!?")))
        return end, end, f" by {ctx.rules.placeholder}"
    first = words[at][0].lower()
    if first not in _NO_COUNT and first not in _ENDS_PHRASE:  # "Worked with teams": no
        found = _counted(ctx, sentence, words, at)
        if found is not None:
            return found
    # "... for the platform engineers", "... across teams": how many it served
    for k in range(at, len(words) - 1):
        following = words[k + 1][0]
        if words[k][0].lower() in _SERVED and following.lower() not in _NO_COUNT and not (
                lemma(following) is not None and not is_noun_or_adjective(following)):
            return _counted(ctx, sentence, words, k + 1)  # not "to discuss budgets"
    return None


_SERVED = frozenset({"for", "across", "to", "among"})


def _counted(ctx: Context, sentence: str, words: list[tuple[str, int, int]],
             at: int) -> tuple[int, int, str] | None:
    """A count before the noun phrase at ``at`` when it ends on a plural noun soon after:
    "[number] nightly billing reports" ("the" gives way to the count)."""
    first = words[at][0].lower()
    if tense_of(words[at][0]) == "gerund" and not is_noun_or_adjective(words[at][0]):
        return None  # "a model for predicting stock prices"; "training sessions" is a noun
    previous_end = words[at][1]
    phrase = words[at:at + 5]
    for k, (word, start, end) in enumerate(phrase):
        if word.lower() in _ENDS_PHRASE or word.lower() in _NO_COUNT or \
                sentence[previous_end:start].strip(" -"):
            return None  # a comma ends the phrase: "Provided direct patient care, ..."
        previous_end = end
        if plural_noun(word) and not _noun_follows(sentence, phrase, k):
            lo, hi = words[at][1], words[at][2]
            if first in _REPLACED:
                return lo, hi, ctx.rules.count_placeholder
            return lo, lo, f"{ctx.rules.count_placeholder} "
    return None


def _noun_follows(sentence: str, phrase: list[tuple[str, int, int]], k: int) -> bool:
    """Is the plural word ``k`` only a modifier of the noun after it ("the sales team")?"""
    if k + 1 >= len(phrase):
        return False
    word, start, _ = phrase[k + 1]
    return not sentence[phrase[k][2]:start].strip() and word.lower() not in _ENDS_PHRASE \
        and is_noun(word)


def _adverb(word: str) -> bool:
    """"Successfully", "Independently": an adverb before the verb ("Supply" is a verb)."""
    return word.endswith("ly") and word[:1].isupper() and lemma(word) is None


def _countable(ctx: Context, text: str) -> bool:
    """A result verb opens it, or it names things one can count (a plural noun)."""
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
    if len(words) > 2 and _adverb(words[0]):
        words = words[1:]  # "Successfully delivered ...": the verb after the adverb
    first = words[0]
    if first.endswith((",", ";", ":")) or _CUT.search(text) or _COLUMN.match(text):
        return False
    return tense_of(first) in ("past", "present") and not first.isupper()


def _prompt(ctx: Context, line: Line, place: tuple[int, int, str]) -> Suggestion:
    lo, hi, added = place
    vague = line.text[lo:hi].strip()
    message = (f'Give the number instead of "{vague}"' if vague.lower() not in ("", *_REPLACED)
               else "Add a number to this bullet")
    return Suggestion(
        kind=Kind.QUANTIFY, rule="no-number", message=message,
        reason=("A figure (how many, how much, how fast) makes the result concrete. Replace the "
                "brackets with your own number, or reject this."),
        block=line.block, target_start=line.start, target_end=line.end, before=line.text,
        after=line.text[:lo] + added + line.text[hi:],
        change=Change(line.start + lo, line.start + hi, added), needs_confirmation=True)
