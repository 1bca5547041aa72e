"""Property tests: arbitrary text never breaks parsing, and anchors stay inside their blocks."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tailorfit.core.errors import TailorfitError
from tailorfit.core.model import TextAnchor
from tailorfit.core.normalize import normalize
from tailorfit.core.parse.posting import parse_posting
from tailorfit.core.parse.resume import parse_resume
from tailorfit.core.readers import read_pasted
from tailorfit.core.readers.text import split_lines

# Text with the characters that stress the pipeline: bullets, dashes, ligatures, odd spaces.
ALPHABET = st.sampled_from(list(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:-()/+#&'\"\n\t"
    "•\uf0b7–—“”’ﬁ\u00ad\u00a0\ufffe\r|@"))
WORDS = st.sampled_from(["Requirements", "Experience", "Jan 2019 - Present", "5+ years",
                         "Bachelor's degree in Computer Science", "Python", "Go", "• ", "1. ",
                         "; or", "Skills:", "Nice to have", "EDUCATION", "\n", "\n\n", " "])
TEXTS = st.lists(st.one_of(st.text(ALPHABET, max_size=30), WORDS), max_size=40).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_parsing_never_raises_anything_but_our_errors(text: str) -> None:
    try:
        document = read_pasted(text)
    except TailorfitError:
        return
    posting = parse_posting(document)
    resume = parse_resume(document)
    for item in posting.requirements:
        assert document.text[item.start:item.end] == item.text
    for role in resume.roles:
        assert 0 <= role.start <= role.end <= len(document.text)


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_anchors_stay_inside_their_blocks(text: str) -> None:
    try:
        document = read_pasted(text)
    except TailorfitError:
        return
    lines = split_lines(text)
    for index, block in enumerate(document.blocks):
        start = document.block_start(index)
        anchors = document.anchors(start, start + len(block.text))
        assert anchors
        covered = []
        for anchor in anchors:
            assert isinstance(anchor, TextAnchor)
            line = lines[anchor.line - 1]
            assert 0 <= anchor.start < anchor.end <= len(line)
            covered.append(line[anchor.start:anchor.end])
        # What the anchors point at normalises back to the block's text.
        assert normalize("\n".join(covered)).text.replace(" ", "") == block.text.replace(" ", "")


@given(st.text(max_size=200))
def test_normalize_map_is_monotonic_and_in_range(text: str) -> None:
    result = normalize(text)
    assert len(result.starts) == len(result.text)
    previous = -1
    for start, end in zip(result.starts, result.ends, strict=True):
        assert 0 <= start < end <= len(text)
        assert start >= previous
        previous = start
