"""How a pane shows each paragraph, as short codes the session can store.

A pane's text is exactly the analysed text, so formatting is the only place a document's
look survives: bold headings, Word bullets, muted page headers. The codes are computed
from a freshly read document's blocks, read back from the pane when the session is saved,
and applied again when it is restored, so a restored working copy looks as it did.
"""

from __future__ import annotations

from tailorfit.core.model import Block, BlockKind, Region

PLAIN = "p"
HEADING = "h"  # bold with space above
BOLD = "b"  # a short bold line (a name, a job title)
MUTED = "m"  # page header or footer, in italics
HANGING = "H"  # a list item whose bullet is part of the text ("- Built ...")
LIST = "L"  # a Word list item shown with a bullet, followed by its level ("L0", "L1")


def look_of(block: Block) -> str:
    """The look code of one block of a freshly read document."""
    if block.kind is BlockKind.LIST_ITEM:
        if block.content_start == 0:
            return f"{LIST}{min(block.style.list_level or 0, 8)}"
        return HANGING
    if block.region in (Region.HEADER, Region.FOOTER):
        return MUTED
    if block.kind is BlockKind.HEADING:
        return HEADING
    if block.style.bold and len(block.text) < 60 and block.kind in (BlockKind.PARAGRAPH,
                                                                     BlockKind.TABLE_CELL):
        return BOLD
    return PLAIN


def looks_of(blocks: tuple[Block, ...]) -> tuple[str, ...]:
    return tuple(look_of(b) for b in blocks)


def list_level(code: str) -> int | None:
    """The list level of a ``LIST`` code, else None."""
    if code.startswith(LIST) and code[1:].isdigit():
        return int(code[1:])
    return None
