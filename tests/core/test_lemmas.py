"""The lazily read lemminflect tables give lemminflect's own answers, word for word."""

from __future__ import annotations

from lemminflect.codecs.InflectionLUCodec import InflectionLUCodec
from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec
from lemminflect.core.Inflections import Inflections
from lemminflect.core.Lemmatizer import Lemmatizer

from tailorfit.core.lemmas import SortedTable, lemminflect, verb_lemmas


def test_lemminflect_uses_the_lazy_tables() -> None:
    lemminflect()
    assert isinstance(Lemmatizer().lemma_dict, SortedTable)
    assert isinstance(Inflections().infl_dict, SortedTable)


def test_every_lemma_entry_matches_lemminflects_loader() -> None:
    lemminflect()
    lazy = Lemmatizer().lemma_dict
    assert isinstance(lazy, SortedTable)
    eager = LemmaLUCodec.load(Lemmatizer().lemma_lu_fn)
    assert lazy.words() == list(eager)
    mismatched = [word for word in eager if lazy.get(word, {}) != eager[word]]
    assert mismatched == []
    assert lazy.get("no-such-word-xyz", {}) == {}


def test_every_inflection_entry_matches_lemminflects_loader() -> None:
    lemminflect()
    lazy = Inflections().infl_dict
    assert isinstance(lazy, SortedTable)
    eager = InflectionLUCodec.load(Inflections().infl_lu_fn)
    words = set(lazy.words()) | set(eager)
    mismatched = [word for word in words if lazy.get(word, {}) != eager.get(word, {})]
    assert mismatched == []


def test_answers_through_the_public_api() -> None:
    module = lemminflect()
    assert module.getAllLemmas("led")["VERB"] == ("lead",)
    assert module.getInflection("build", "VBD") == ("built",)
    assert module.getInflection("be", "VBZ") == ("is",)  # a fixed auxiliary form
    assert module.getAllLemmas("Kafkaesque-xyz") == {}


def test_verb_lemmas_read_without_lemminflect_give_its_answers() -> None:
    module = lemminflect()
    words = [*Lemmatizer().lemma_dict.words(), "Speaks", "no-such-word-xyz"]
    mismatched = [w for w in words if verb_lemmas(w) != module.getAllLemmas(
        w.lower(), "VERB").get("VERB", ())]
    assert mismatched == []
