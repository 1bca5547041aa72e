"""Style rules: clichés and buzzwords, pronouns, passive voice, tense, long bullets, the same
opening verb again and again, and keyword stuffing.

Clichés, hedges and weasel words come from proselint's checks (Garner, write-good, GNU
diction); resume buzzwords ("team player", "results-driven") are data in
``resources/writing/rules.json``. Where a fix is mechanical (a pronoun opener, a tense, a
repeated verb) the suggestion carries it; otherwise it is advisory and the user rewrites.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache
from typing import Any

from tailorfit.core.parse.resume import ResumeSection
from tailorfit.core.suggest.context import Context, Line
from tailorfit.core.suggest.model import Change, Kind, Suggestion
from tailorfit.core.suggest.sentences import sentence_spans
from tailorfit.core.suggest.verbs import inflect, is_noun_or_adjective, lemma, tense_of

_FIRST = re.compile(r"[A-Za-z][A-Za-z'-]*")
# Passive voice that hides the writer's own work: "was implemented by the team", or a bullet
# that opens with it ("Was given ownership of ..."). "Two engineers I mentored were promoted"
# is a fact about others and reads fine, so a passive without an agent mid-line is left alone.
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?([a-z]+(?:ed|en|wn|lt))"
                      r"\s+by\b|^(?:was|were)\s+([a-z]+(?:ed|en|wn|lt))\b", re.IGNORECASE)
_PROSELINT_CHECKS = ("cliches", "hedging", "weasel_words")


def style_suggestions(ctx: Context) -> Iterator[Suggestion]:
    yield from _phrases(ctx)
    for line in _style_lines(ctx):
        yield from _pronoun(ctx, line)
    for line in ctx.lines:
        yield from _passive(line)
        yield from _tense(ctx, line)
        if len(line.text) > ctx.rules.long_bullet_chars or (
                len(line.text) > 120 and _sentences(line.text) >= 3):
            yield _long(line)
    yield from _repeated_openers(ctx)
    yield from _stuffing(ctx)


def _sentences(text: str) -> int:
    return len(sentence_spans(text))


def _long(line: Line) -> Suggestion:
    sentences = _sentences(line.text)
    if sentences >= 2:  # two results in one block (often lines a PDF ran together)
        return _advisory(line, "long-bullet", "Split this paragraph into bullets",
                         f"It holds {sentences} sentences in one block; one bullet per result is "
                         "easier to skim.")
    return _advisory(line, "long-bullet", "Trim this bullet to two lines",
                     f"It runs to {len(line.text)} characters, over two lines on a page; "
                     "readers skim the first line. Cut what the posting does not ask about.")


def _advisory(line: Line, rule: str, message: str, reason: str, start: int | None = None,
              end: int | None = None) -> Suggestion:
    return Suggestion(kind=Kind.STYLE, rule=rule, message=message, reason=reason,
                      block=line.block, target_start=line.start if start is None else start,
                      target_end=line.end if end is None else end, before=line.text,
                      after=line.text, change=None)


def _style_lines(ctx: Context) -> list[Line]:
    """Role bullets and the summary's paragraphs."""
    lines = list(ctx.lines)
    document = ctx.document
    for section in ctx.analysis.resume.sections:
        if section.kind is not ResumeSection.SUMMARY:
            continue
        for index in range(document.block_at(section.start),
                           document.block_at(max(section.start, section.end - 1)) + 1):
            lo, hi = ctx.content_range(index)
            if (section.heading and lo < section.heading[1]) or hi - lo < 20:
                continue
            lines.append(Line(index, lo, hi, document.text[lo:hi], None, True))
    return lines


@cache
def _proselint_checks() -> tuple[Any, ...]:
    """proselint's cliché, hedge and weasel-word checks, chosen once (choosing them per line
    costs more than running them)."""
    from proselint.checks import __register__
    from proselint.config import DEFAULT
    from proselint.registry import CheckRegistry

    registry = CheckRegistry()
    if not registry.checks:
        registry.register_many(__register__)
    enabled = {name: name in _PROSELINT_CHECKS for name in DEFAULT["checks"]}
    return tuple(registry.get_all_enabled(enabled))


def _lint(text: str) -> Iterator[tuple[str, int, int]]:
    """(check path, start, end) of every proselint finding in ``text``."""
    for check in _proselint_checks():
        for result in check.check_with_flags(text):
            yield result.check_path, result.span[0], result.span[1]


def _phrases(ctx: Context) -> Iterator[Suggestion]:
    buzz = re.compile(r"\b(?:" + "|".join(re.escape(b) for b in ctx.rules.buzzwords) + r")\b",
                      re.IGNORECASE)
    for line in _style_lines(ctx):
        seen: set[str] = set()
        for match in buzz.finditer(line.text):
            phrase = match.group()
            if phrase.lower() in seen:
                continue
            seen.add(phrase.lower())
            yield _advisory(line, "buzzword", f'Show, do not claim: "{phrase}"',
                            f'"{phrase}" is a claim every applicant makes. Replace it with '
                            "something you did that shows it.",
                            line.start + match.start(), line.start + match.end())
        for path, start, end in sorted(_lint(line.text), key=lambda f: f[1]):
            # proselint's spans take in a padding character
            phrase = line.text[start:end]
            start += len(phrase) - len(phrase.lstrip(" ,.;:!?-"))
            end -= len(phrase) - len(phrase.rstrip(" ,.;:!?-"))
            phrase = line.text[start:end]
            if phrase.lower() in seen or not phrase.strip():
                continue
            seen.add(phrase.lower())
            kind = path.split(".")[0]
            what = {"cliches": "a cliché", "hedging": "a hedge",
                    "weasel_words": "a weasel word"}.get(kind, "weak wording")
            yield _advisory(line, kind.replace("_", "-"), f'Cut "{phrase}"',
                            f'"{phrase}" is {what}; it weakens the line. Say it plainly or '
                            "drop it.", line.start + start, line.start + end)


def _pronoun(ctx: Context, line: Line) -> Iterator[Suggestion]:
    words = line.text.split(" ", 2)
    if len(words) >= 2 and words[0] in ("I", "We") and lemma(words[1]) is not None:
        rest = words[1][0].upper() + words[1][1:]
        after = rest + (" " + words[2] if len(words) > 2 else "")
        cut = len(words[0]) + 1
        yield Suggestion(
            kind=Kind.STYLE, rule="first-person", message=f'Drop "{words[0]}" at the start',
            reason="Resume bullets leave out the first person: the verb leads.",
            block=line.block, target_start=line.start, target_end=line.start + cut,
            before=line.text, after=after,
            change=Change(line.start, line.start + cut + 1, rest[0]))
        return
    found = [m for m in re.finditer(r"(?<![\w&/.-])\w+(?![\w&/])", line.text)
             if m.group().lower() in ctx.rules.pronouns and m.group() not in ("US", "IT")
             and (m.group() != "I" or _verb_follows(line.text, m.end()))]
    if found:
        first = found[0]
        yield _advisory(line, "first-person", f'Leave out "{first.group()}"',
                        "Resumes are written without I, me or my; name the work instead.",
                        line.start + first.start(), line.start + first.end())


def _verb_follows(text: str, at: int) -> bool:
    """ "I led" is the pronoun; "Algebra I (honours)" is a numeral."""
    match = re.match(r"\s+([a-z]+)", text[at:])
    return match is not None and lemma(match.group(1)) is not None


def _passive(line: Line) -> Iterator[Suggestion]:
    match = _PASSIVE.search(line.text)
    if match is None or lemma(match.group(1) or match.group(2)) is None:
        return
    if line.text.lower().startswith(("was responsible", "were responsible")):
        return  # the weak opener rule rewrites it
    yield _advisory(line, "passive-voice", "Say who did it (passive voice)",
                    f'"{match.group()}" hides who did the work. Start with what you did.',
                    line.start + match.start(), line.start + match.end())


def _tense(ctx: Context, line: Line) -> Iterator[Suggestion]:
    if line.role is None:
        return
    first = _FIRST.match(line.text)
    if first is None or first.start() != 0:
        return
    word = first.group()
    tense = tense_of(word)
    base = lemma(word)
    if tense is None or base is None or inflect(base, "past") == inflect(base, "present"):
        return  # "Cut", "Set", "Led"/"Lead" spelt alike: nothing to say
    # Only past roles: a current role may mix ongoing duties (present) with finished
    # achievements (past), which is correct, so its tense is left to the writer.
    # A gerund opener ("Packing parts, checking ...") is a consistent style of its own.
    if line.current or tense != "present" or (is_noun_or_adjective(word)
                                              and not word.lower().endswith("s")):
        return
    wanted = "past"
    new = inflect(base, wanted, word)  # type: ignore[arg-type]
    if new.lower() == word.lower():
        return
    where = "a past role"
    yield Suggestion(
        kind=Kind.STYLE, rule="tense", message=f'"{new}" instead of "{word}"',
        reason=f"Bullets of {where} read best in the {wanted} tense, like the others.",
        block=line.block, target_start=line.start, target_end=line.start + len(word),
        before=line.text, after=new + line.text[len(word):],
        change=Change(line.start, line.start + len(word), new))


def _repeated_openers(ctx: Context) -> Iterator[Suggestion]:
    limit = ctx.rules.same_opener_limit
    by_role: dict[int, list[Line]] = {}
    for line in ctx.lines:
        if line.role is not None:
            by_role.setdefault(id(line.role), []).append(line)
    for lines in by_role.values():
        openers = [_FIRST.match(line.text) for line in lines]
        lemmas = [lemma(m.group()) if m and m.start() == 0 else None for m in openers]
        used = {x for x in lemmas if x}
        counts: Counter[str] = Counter()
        for line, match, base in zip(lines, openers, lemmas, strict=True):
            if base is None or match is None:
                continue
            counts[base] += 1
            if counts[base] <= limit:
                continue
            options = [v for v in ctx.rules.verb_alternatives.get(base, ())
                       if v.split(" ")[0] not in used]
            if not options:
                continue
            word = match.group()
            tense = tense_of(word)
            if tense not in ("past", "present"):
                continue
            new = inflect(options[0], tense, word)
            used.add(options[0].split(" ")[0])
            yield Suggestion(
                kind=Kind.STYLE, rule="same-opener",
                message=f'"{new}" instead of "{word}" again',
                reason=f'{counts[base]} bullets of this role open with "{base}"; vary the verb.',
                block=line.block, target_start=line.start, target_end=line.start + len(word),
                before=line.text, after=new + line.text[len(word):],
                change=Change(line.start, line.start + len(word), new))


# Repeating a tool or a technique reads as stuffing; an accountant saying "accounting" in the
# company name, the title and the degree does not.
_STUFFABLE = frozenset({"language", "framework", "library", "database", "cloud", "devops",
                        "security", "data", "ml", "os", "protocol", "tool", "methodology",
                        "concept"})


def _stuffing(ctx: Context) -> Iterator[Suggestion]:
    rules = ctx.rules
    words = max(1, len(ctx.document.text.split()))
    lines = {line.block: line for line in ctx.lines}
    for keyword in ctx.analysis.keywords:
        entry = ctx.lexicon.entries.get(keyword.canonical)
        if entry is None or entry.category not in _STUFFABLE:
            continue
        hits = [h for h in ctx.analysis.resume_hits if h.entry == keyword.canonical
                and h.block in lines]
        count = len(hits)
        if count < rules.stuffing_min_count or count / words < rules.stuffing_share:
            continue
        hit = hits[0]
        line = lines.get(hit.block)
        lo, hi = ctx.content_range(hit.block)
        line = line or Line(hit.block, lo, hi, ctx.document.text[lo:hi], None, False)
        yield _advisory(line, "keyword-stuffing", f'"{keyword.term}" appears {count} times',
                        f'Repeating "{keyword.term}" {count} times reads as stuffing and does '
                        "not raise the score: keep it where it shows real use.",
                        hit.start, hit.end)
