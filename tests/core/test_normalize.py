"""Normalisation folds what PDF and Word producers leave in text, and keeps the offset map."""

from __future__ import annotations

import pytest

from tailorfit.core.normalize import normalize


@pytest.mark.parametrize(("raw", "expected"), [
    ("ﬁnance and ﬂow", "finance and flow"),                     # ligatures (NFKC)
    ("\uf0b7 Built APIs", "• Built APIs"),                      # private-use bullet glyph
    ("Led\tthe\t\tteam", "Led the team"),                       # tabs between words
    ("devel-\nopment", "development"),                          # hyphenation at a line end
    ("self-\nmotivated", "self-motivated"),                     # a real hyphen survives
    ("“Smart” quotes – and — dashes", '"Smart" quotes - and - dashes'),
    ("J A R E D  R I C H A R D S", "JARED RICHARDS"),            # letter-spaced name
    ("JA R E D", "JARED"),
    ("on-\u00ad\u2010campus", "on-campus"),                     # Word's PDF export hyphen
    ("Devel\ufffeoping", "Developing"),                         # pdfium's soft-hyphen marker
    ("  padded\u00a0 text  ", "padded text"),
    ("plain ascii", "plain ascii"),
    ("phosphotransfer (D\u2192E) assays", "phosphotransfer (D\u2192E) assays"),  # an arrow
])
def test_folds(raw: str, expected: str) -> None:
    assert normalize(raw).text == expected


def test_single_letters_in_prose_are_kept() -> None:
    assert normalize("I am a B A graduate").text == "I am a B A graduate"


@pytest.mark.parametrize("raw", ["ﬁnance  and\tops", "devel-\nopment", "“a” – b", "J A R E D",
                                 "x\u00ad\u00ady", "\uf0b7 item"])
def test_every_character_maps_back_to_raw_text(raw: str) -> None:
    result = normalize(raw)
    assert len(result.starts) == len(result.ends) == len(result.text)
    for index, char in enumerate(result.text):
        start, end = result.starts[index], result.ends[index]
        assert 0 <= start < end <= len(raw)
        source = raw[start:end]
        if char == " ":
            assert source.isspace()
        elif char.isalnum():
            # The normalised character comes from a raw character that folds to it.
            assert char.lower() in normalize(source).text.lower() or source in "ﬁﬂ"
    assert list(result.starts) == sorted(result.starts)


def test_an_arrow_opens_a_list_item_only_at_the_start_of_a_line() -> None:
    from tailorfit.core.model import BlockKind
    from tailorfit.core.readers import read_pasted

    blocks = read_pasted("\u2192 Built the D\u2192E assay\n\nRan the A\u2192B transfer\n").blocks
    assert [b.kind for b in blocks] == [BlockKind.LIST_ITEM, BlockKind.PARAGRAPH]
    assert blocks[0].text == "\u2192 Built the D\u2192E assay"


def test_windows_1252_punctuation_read_as_latin_1_is_repaired() -> None:
    # Scraped postings often carry cp1252 bytes decoded as Latin-1: C1 control characters.
    raw = "A Master\x92s degree \x96 \x93SAP APO\x94 \x95 planning"
    result = normalize(raw)
    assert result.text == 'A Master\'s degree - "SAP APO" \u2022 planning'
    # every character still maps back to its place in the raw text
    assert raw[result.starts[8]:result.ends[8]] == "\x92"
