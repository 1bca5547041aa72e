"""Two versions side by side: which lines changed, and what the change did to the score.

Rows are ready for a two-column view: a changed line sits beside the line it replaced, a
removed line has nothing on the right and an added line nothing on the left.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from tailorfit.core.library.models import Version

RowKind = Literal["same", "changed", "removed", "added"]


@dataclass(frozen=True, slots=True)
class DiffRow:
    kind: RowKind
    before: str | None  # the line on the left, None for an added line
    after: str | None  # the line on the right, None for a removed line
    before_line: int | None  # 1-based line numbers
    after_line: int | None


@dataclass(frozen=True, slots=True)
class Comparison:
    rows: tuple[DiffRow, ...]
    score_before: int | None
    score_after: int | None

    @property
    def score_delta(self) -> int | None:
        """after - before; None when either version has no score yet."""
        if self.score_before is None or self.score_after is None:
            return None
        return self.score_after - self.score_before

    @property
    def changed(self) -> int:
        """How many rows differ (changed, removed or added)."""
        return sum(1 for row in self.rows if row.kind != "same")


def line_diff(before: str, after: str) -> list[DiffRow]:
    """Side-by-side rows of a line diff of two texts."""
    left, right = before.splitlines(), after.splitlines()
    rows: list[DiffRow] = []
    matcher = difflib.SequenceMatcher(None, left, right, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows.extend(DiffRow("same", left[i], right[j], i + 1, j + 1)
                        for i, j in zip(range(i1, i2), range(j1, j2), strict=True))
            continue
        paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        rows.extend(DiffRow("changed", left[i1 + k], right[j1 + k], i1 + k + 1, j1 + k + 1)
                    for k in range(paired))
        rows.extend(DiffRow("removed", left[i], None, i + 1, None) for i in range(i1 + paired, i2))
        rows.extend(DiffRow("added", None, right[j], None, j + 1) for j in range(j1 + paired, j2))
    return rows


def compare(before: Version, after: Version) -> Comparison:
    """The line diff of two versions' resume texts and their scores."""
    return Comparison(tuple(line_diff(before.resume_text, after.resume_text)),
                      before.score, after.score)
