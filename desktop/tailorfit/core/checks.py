"""Checks that a pair can be matched at all, before a score is shown for it.

A posting in which no requirement is found, or a document in another language, would get a
score that means nothing. The command line and the window refuse such a pair with a message
that says what to do; the evaluation (which measures the parser) does not call these.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from tailorfit.core.errors import NoRequirementsError, UnsupportedLanguageError, display_name
from tailorfit.core.model import Document
from tailorfit.core.parse.posting import Posting

# The most frequent short words of each language (function words, no content): a text's
# language is the one whose words it uses most. English must clearly lose to be refused.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "English": frozenset("the and of to in for with a on as by at from is are was were that "
                         "this be or an our we you your have has will".split()),
    "German": frozenset("und der die das ist nicht mit für auf ein eine den dem des im zu von "
                        "bei als wir sie ich sind oder auch".split()),
    "French": frozenset("le la les et des du un une est pour dans avec sur au aux en ce qui "
                        "que nous vous pas par".split()),
    "Spanish": frozenset("el la los las y de del en con por para una un es que se su al como "
                         "más sus lo".split()),
    "Portuguese": frozenset("o os as e de do da dos das em com por para uma um é que se no na "
                            "não ao".split()),
    "Italian": frozenset("il lo la gli le e di del della in con per una un è che si non al "
                         "nel sono".split()),
    "Dutch": frozenset("de het een en van in met voor op is dat niet zijn ook als bij aan "
                       "naar wij".split()),
    "Danish": frozenset("og at det er en til på med for af som har du vi ikke den jeg kan "
                        "fra".split()),
    "Swedish": frozenset("och att det är en till på med för av som har du vi inte den jag "
                         "kan från".split()),
    "Polish": frozenset("i w na z do się nie jest że o od po dla jak przez oraz".split()),
}
_WORD = re.compile(r"[^\W\d_]+")
_NON_LATIN = re.compile(r"[\u0370-\u03ff\u0400-\u052f\u0590-\u06ff\u0900-\u0dff\u0e00-\u0e7f"
                        r"\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def language_of(text: str) -> str | None:
    """The language a document is written in when it is clearly not English, else None."""
    sample = text[:6_000]  # some 900 words tell the language; ranking reads thousands
    words = _WORD.findall(sample.lower())
    non_latin = len(_NON_LATIN.findall(sample))
    # Letters are counted only when a non-Latin script shows at all (the usual case skips it:
    # ranking reads a thousand postings through here).
    if non_latin >= 100:
        letters = sum(len(w) for w in words)
        if letters >= 200 and non_latin > letters / 2:
            return "a non-Latin script"
    if len(words) < 60:
        return None  # too little prose to judge (a bare list of skills is no sentence)
    counts = Counter(words)
    hits = {language: sum(counts[w] for w in vocabulary)
            for language, vocabulary in _FUNCTION_WORDS.items()}
    best = max(hits, key=hits.__getitem__)
    if best != "English" and hits[best] >= 12 and hits[best] >= 2 * hits["English"]:
        return best
    return None


def check_language(document: Document, role: str) -> None:
    """Refuse a resume or posting written in another language than English."""
    language = language_of(document.text)
    if language is None:
        return
    name = _name(document.source.path, role)
    raise UnsupportedLanguageError(
        f"{name} seems to be written in {language}, and Tailorfit reads English only, so its "
        f"verdicts would be wrong. Open an English version of the {role}.",
        path=document.source.path)


def check_posting(posting: Posting) -> None:
    """Refuse a posting in which no requirement was found."""
    if posting.requirements:
        return
    name = _name(posting.document.source.path, "posting")
    raise NoRequirementsError(
        f"No requirements were found in {name}, so there is nothing to match the resume "
        "against. Check that it is the job posting, or paste the part that lists what the job "
        "asks for (requirements or qualifications).", path=posting.document.source.path)


def _name(path: Path | None, role: str) -> str:
    return display_name(path) if path is not None else f"the pasted {role}"
