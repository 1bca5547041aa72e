"""The edits an export carries, from what the window or the command line holds.

The command line has the source and accepted suggestions: those become the edits. The window
has the source, the working text of the resume pane and the suggestions the user accepted
(which the window writes into the working text when they are accepted): the working text is
then the truth, diffed against the source, and each change that produces an accepted
suggestion's text is labelled with it, for the report and the checks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from tailorfit.core.edits import Edit, Origin, final_text, paragraph_text
from tailorfit.core.export.suggestions import AcceptedSuggestion, suggestion_edits
from tailorfit.core.export.typed import typed_edits
from tailorfit.core.model import Document
from tailorfit.core.normalize import normalize


def plan_edits(source: Document, *, working_text: str | None = None,
               accepted: Sequence[AcceptedSuggestion] = ()) -> list[Edit]:
    """Every edit of ``source`` to export.

    Without ``working_text`` the accepted suggestions are applied to the source (they are
    checked against it, see :func:`suggestion_edits`). With it, the differences between the
    source and the working text are the edits, whoever made them.
    """
    if working_text is None:
        return suggestion_edits(source, accepted)
    return label_suggestions(source, typed_edits(source, working_text), accepted)


def label_suggestions(source: Document, edits: list[Edit],
                      accepted: Sequence[AcceptedSuggestion]) -> list[Edit]:
    """Mark the edits that produce an accepted suggestion's text as that suggestion's."""
    def key(text: str) -> str:
        return " ".join(normalize(text).text.split())

    labelled = list(edits)
    for suggestion in accepted:
        wanted = key(suggestion.after)
        for number, edit in enumerate(labelled):
            if edit.is_paragraph:
                made = paragraph_text(source.blocks[edit.block], edit)
            elif edit.block == suggestion.block:
                made = final_text(source, edits, edit.block)
            else:
                continue
            block = source.blocks[edit.block]
            if wanted and (key(made) == wanted or key(made[block.content_start:]) == wanted
                           or (suggestion.is_insertion and wanted in key(made))):
                ids = (*edit.suggestions, suggestion.id)
                labelled[number] = replace(edit, origin=Origin.SUGGESTION,
                                           suggestions=tuple(dict.fromkeys(ids)))
    return labelled
