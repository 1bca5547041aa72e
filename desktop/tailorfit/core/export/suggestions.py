"""Accepted suggestions (schema ``tailorfit.suggestions/1``) turned into edits.

A suggestion names a resume block and gives its whole text before and after the change, so
it can be checked against the resume as it is now: one whose "before" no longer matches is
refused rather than applied to the wrong words. An insertion has an empty "before" and a
``position``: a new paragraph before or after the block, or text inside it (a skill added to
the skills line goes at its end, after the separator the line already uses).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tailorfit.core.edits import Edit, Origin, insert_text, word_edits
from tailorfit.core.errors import EditsFileError, StaleSuggestionError, display_name
from tailorfit.core.model import Document, InsertionPoint, Position
from tailorfit.core.normalize import normalize

SCHEMA = "tailorfit.suggestions/1"
MAX_FILE_BYTES = 5 * 1024 * 1024
_SEPARATORS = (", ", "; ", " | ", " • ", " · ", " / ")


@dataclass(frozen=True, slots=True)
class AcceptedSuggestion:
    """One suggestion the user accepted, as the suggestions file describes it."""

    id: str
    kind: str
    message: str
    block: int
    before: str
    after: str
    position: Position | None = None  # insertions only
    target_text: str = ""
    anchors: tuple[dict[str, Any], ...] = ()
    reason: str = ""
    requirement_id: str | None = None
    needs_confirmation: bool = False
    score_delta: float | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def is_insertion(self) -> bool:
        return not self.before

    @classmethod
    def from_json(cls, data: Any, where: str) -> AcceptedSuggestion:
        """One entry of a suggestions file; ``where`` names it in messages."""
        if not isinstance(data, dict):
            raise _bad(where, "is not an object")
        target = data.get("target")
        if not isinstance(target, dict) or not isinstance(target.get("block"), int) or \
                isinstance(target.get("block"), bool):
            raise _bad(where, 'has no "target" with a block number')
        before, after = data.get("before", ""), data.get("after")
        if not isinstance(before, str) or not isinstance(after, str):
            raise _bad(where, 'needs "before" and "after" texts')
        position = None
        if not before:
            try:
                position = Position(target.get("position", ""))
            except ValueError:
                raise _bad(where, 'is an insertion (empty "before") without a "position" of '
                                  '"before", "after" or "inside"') from None
            if not after.strip():
                raise _bad(where, 'inserts nothing (empty "after")')
        anchors = target.get("anchors") or []
        delta = data.get("score_delta")
        return cls(
            id=str(data.get("id") or where), kind=str(data.get("kind") or ""),
            message=str(data.get("message") or ""), block=int(target["block"]),
            before=before, after=after, position=position,
            target_text=str(target.get("text") or ""),
            anchors=tuple(a for a in anchors if isinstance(a, dict)),
            reason=str(data.get("reason") or ""),
            requirement_id=str(data["requirement_id"]) if data.get("requirement_id") else None,
            needs_confirmation=bool(data.get("needs_confirmation", False)),
            score_delta=float(delta) if isinstance(delta, int | float) else None,
            extra={k: v for k, v in data.items() if k not in _KNOWN})


_KNOWN = frozenset({"id", "kind", "message", "target", "before", "after", "reason",
                    "requirement_id", "needs_confirmation", "score_delta"})


def _bad(where: str, what: str) -> EditsFileError:
    return EditsFileError(f"Suggestion {where} {what}. Export the suggestions from Tailorfit "
                          "again, or fix that entry.")


def load_suggestions(path: Path) -> list[AcceptedSuggestion]:
    """The suggestions of an edits file, checked against the schema."""
    name = display_name(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise EditsFileError(f"{name} is larger than any suggestions file. Choose the "
                                 "edits file Tailorfit wrote.", path=path)
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EditsFileError(f"{name} does not exist. Check the name of the edits file.",
                             path=path) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EditsFileError(f"{name} is not a readable JSON file ({exc}). Choose the edits "
                             "file Tailorfit wrote.", path=path) from exc
    return parse_suggestions(data, name)


def parse_suggestions(data: Any, name: str = "the edits file") -> list[AcceptedSuggestion]:
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise EditsFileError(f'{name} is not a suggestions file: it needs "schema": '
                             f'"{SCHEMA}". Choose the edits file Tailorfit wrote.')
    items = data.get("suggestions")
    if not isinstance(items, list):
        raise EditsFileError(f'{name} has no "suggestions" list. Choose the edits file '
                             "Tailorfit wrote.")
    found = [AcceptedSuggestion.from_json(item, f"#{n}") for n, item in enumerate(items, 1)]
    ids = [s.id for s in found]
    duplicate = next((i for i in ids if ids.count(i) > 1), None)
    if duplicate is not None:
        raise EditsFileError(f'{name} lists suggestion "{duplicate}" twice. Keep one of them.')
    return found


def _same(a: str, b: str) -> bool:
    return " ".join(normalize(a).text.split()) == " ".join(normalize(b).text.split())


def suggestion_edits(document: Document, suggestions: Sequence[AcceptedSuggestion]) -> list[Edit]:
    """Edits of ``document`` carrying the suggestions, in order.

    A suggestion's "before" must match its block as earlier suggestions left it; otherwise
    it is refused with :class:`StaleSuggestionError`.
    """
    current: dict[int, str] = {}
    owners: dict[int, list[str]] = {}
    edits: list[Edit] = []
    for suggestion in suggestions:
        index = suggestion.block
        if not 0 <= index < len(document.blocks):
            raise StaleSuggestionError(
                f'Suggestion "{suggestion.id}" points at block {index}, but the resume has '
                f"{len(document.blocks)}. Run the analysis again and pick the suggestion anew.")
        block = document.blocks[index]
        _check_anchors(document, suggestion)
        if suggestion.is_insertion:
            edits.extend(_insertion(document, suggestion))
            continue
        text = current.get(index, block.text)
        marker = block.text[:block.content_start] if text == block.text else ""
        if _same(suggestion.before, text):
            current[index] = suggestion.after
        elif marker and _same(suggestion.before, text[len(marker):]):
            current[index] = marker + suggestion.after
        else:
            raise StaleSuggestionError(
                f'Suggestion "{suggestion.id}" no longer matches the resume: it expects '
                f'"{_short(suggestion.before)}" but the resume has "{_short(text)}". Run the '
                "analysis again and pick the suggestion anew.")
        owners.setdefault(index, []).append(suggestion.id)
    for index, text in current.items():
        edits.extend(e.labelled(Origin.SUGGESTION, owners[index])
                     for e in word_edits(document, index, text.strip()))
    return edits


def _insertion(document: Document, suggestion: AcceptedSuggestion) -> list[Edit]:
    block = document.blocks[suggestion.block]
    position = suggestion.position or Position.AFTER
    if position is not Position.INSIDE:
        point = InsertionPoint(suggestion.block, position)
        return [insert_text(document, point, suggestion.after.strip())
                .labelled(Origin.SUGGESTION, [suggestion.id])]
    after = suggestion.after.strip()
    if normalize(after).text.startswith(block.text):
        # The whole new line was given: the difference is what goes in.
        return [e.labelled(Origin.SUGGESTION, [suggestion.id])
                for e in word_edits(document, suggestion.block, after)]
    if re.search(rf"(?<![\w.+#-]){re.escape(after)}(?![\w+#-]|\.\w)", block.text,
                 re.IGNORECASE):
        return []  # already there as an item ("Java" is not in "JavaScript")
    text = block.text
    end = len(text.rstrip(" .;,"))
    separator = list_separator(block.content)
    point = InsertionPoint(suggestion.block, Position.INSIDE, end)
    return [insert_text(document, point, separator + after)
            .labelled(Origin.SUGGESTION, [suggestion.id])]


def list_separator(text: str) -> str:
    """The separator a list line uses between its items (", " when none is clear)."""
    counts = {sep: text.count(sep) for sep in _SEPARATORS}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else ", "


def _check_anchors(document: Document, suggestion: AcceptedSuggestion) -> None:
    """Anchors given with a suggestion must point into its block (a stale file's do not)."""
    if not suggestion.anchors:
        return
    pieces = document.blocks[suggestion.block].pieces
    places = {(getattr(p, "part", None), getattr(p, "paragraph", None)) for p in pieces}
    for anchor in suggestion.anchors:
        if anchor.get("type") == "docx" and (anchor.get("part"), anchor.get("paragraph")) \
                not in places:
            raise StaleSuggestionError(
                f'Suggestion "{suggestion.id}" points at a paragraph that is not block '
                f"{suggestion.block} of this resume. Run the analysis again and pick the "
                "suggestion anew.")


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"

