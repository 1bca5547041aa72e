"""A Word file opened with python-docx, addressed the way the reader's anchors address it.

The reader counts paragraphs per part (every ``w:p`` in document order) and runs per
paragraph (:func:`tailorfit.core.docx_xml.text_runs`: hyperlink runs included, unlike
python-docx's ``paragraph.runs``). Here the same counting runs over the lxml trees python-docx
holds for each part, so an anchor finds exactly the run it was made from. Every anchor of an
export is resolved to its element before anything changes: indices shift after the first edit.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from tailorfit.core import docx_xml as dx
from tailorfit.core.errors import ExportError, display_name
from tailorfit.core.model import DocxAnchor


@dataclass
class TreePart:
    """One XML part python-docx loaded, with its paragraphs and their text runs counted."""

    name: str
    root: dx.Element
    w: str
    _paragraphs: list[dx.Element] | None = None
    _runs: dict[int, list[dx.Element]] = field(default_factory=dict)

    @property
    def paragraphs(self) -> list[dx.Element]:
        if self._paragraphs is None:
            self._paragraphs = list(dx.paragraphs(self.root, self.w))
        return self._paragraphs

    def runs(self, paragraph: int) -> list[dx.Element]:
        found = self._runs.get(paragraph)
        if found is None:
            found = self._runs[paragraph] = list(dx.text_runs(self.paragraphs[paragraph], self.w))
        return found


@dataclass(frozen=True, slots=True)
class RunSpan:
    """Characters ``start:end`` of one run element (an anchor, resolved)."""

    part: TreePart
    paragraph: dx.Element
    run: dx.Element
    start: int
    end: int


class DocxTree:
    """python-docx's object model of a package plus anchor resolution over its XML parts."""

    def __init__(self, data: bytes, path: Path | None) -> None:
        import docx
        from docx.opc.part import XmlPart

        self.path = path
        self.name = display_name(path)
        try:
            self.document = docx.Document(io.BytesIO(data))
        except ValueError as exc:  # python-docx refuses .docm and .dotx main parts
            raise ExportError(
                f"{self.name} is a macro-enabled document or a template, which Tailorfit does "
                "not write into. Save it as a .docx in Word, open that and export again, or "
                "choose a look (--template) for a new document.", path=path) from exc
        self.package = self.document.part.package
        self.parts: dict[str, TreePart] = {}
        for part in self.package.iter_parts():
            if isinstance(part, XmlPart):
                name = str(part.partname).lstrip("/")
                root = part.element
                self.parts[name] = TreePart(name, root, dx.namespace_of(root))

    def part(self, name: str) -> TreePart:
        found = self.parts.get(name)
        if found is None:
            raise self._mismatch()
        return found

    def paragraph(self, anchor: DocxAnchor) -> tuple[TreePart, dx.Element]:
        part = self.part(anchor.part)
        if not 0 <= anchor.paragraph < len(part.paragraphs):
            raise self._mismatch()
        return part, part.paragraphs[anchor.paragraph]

    def resolve(self, anchor: DocxAnchor) -> RunSpan:
        """The run element and character range an anchor names, checked against its text."""
        part, paragraph = self.paragraph(anchor)
        runs = part.runs(anchor.paragraph)
        if not 0 <= anchor.run < len(runs):
            raise self._mismatch()
        run = runs[anchor.run]
        length = len(dx.run_text(run, part.w))
        if not 0 <= anchor.start <= anchor.end <= length:
            raise self._mismatch()
        return RunSpan(part, paragraph, run, anchor.start, anchor.end)

    def _mismatch(self) -> ExportError:
        return ExportError(
            f"{self.name} does not hold the text Tailorfit read from it. Open the file again "
            "and export from the fresh copy.", path=self.path)

    def save(self) -> bytes:
        """The package as python-docx writes it."""
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()

    def has_core_properties(self) -> bool:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        return any(rel.reltype == RT.CORE_PROPERTIES for rel in self.package.rels.values())
