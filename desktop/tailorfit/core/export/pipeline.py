"""One export, start to finish: check, build, write atomically, read back, warn.

Pure functions with an optional progress callback, so the window can run an export on its
worker thread and show where it is. Nothing is written unless every step before the final
rename succeeded: edits checked, placeholders filled, the source unchanged on disk, the file
built, and the written file read back with every edit in it.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tailorfit.core.edits import Edit, apply_edits, check_edits
from tailorfit.core.errors import (
    ExportCheckError,
    ExportError,
    FileMissingError,
    ReadError,
    SourceChangedError,
    display_name,
)
from tailorfit.core.export.ats import AtsWarning, ats_warnings
from tailorfit.core.export.checks import EditCheck, check_edits_present, check_placeholders
from tailorfit.core.export.clean import DEFAULT_TEMPLATE, outline, template_path, write_clean
from tailorfit.core.export.in_place import write_in_place
from tailorfit.core.export.save import check_target, write_atomically
from tailorfit.core.model import Document, SourceFormat

if TYPE_CHECKING:
    from tailorfit.core.parse.posting import Posting
    from tailorfit.core.parse.resume import Resume

Progress = Callable[[str, float], None]
"""Called with what the export is doing and how far it is (0 to 1), on the calling thread."""

IN_PLACE = "in-place"
CLEAN = "clean"


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """How to export.

    ``template`` None edits a Word source in place (its own look); a name builds a clean
    copy in that look, which is also what every PDF, text or pasted source gets (in
    ``DEFAULT_TEMPLATE`` unless named). ``overwrite`` allows replacing an existing file the
    user confirmed; the source itself is never replaced.
    """

    overwrite: bool = False
    template: str | None = None
    tracked: bool = False
    allow_placeholders: bool = False
    today: date | None = None


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What was written and what the read-back found."""

    path: Path
    mode: str  # IN_PLACE or CLEAN
    template: str | None
    edits: tuple[Edit, ...]
    checks: tuple[EditCheck, ...]
    score_before: int | None
    score_after: int | None
    warnings: tuple[AtsWarning, ...]
    notes: tuple[str, ...] = ()
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict, compare=False)

    @property
    def score_matches(self) -> bool:
        return self.score_before is None or self.score_before == self.score_after


def export_mode(source: Document, options: ExportOptions) -> tuple[str, str | None]:
    """In place for a Word source without a chosen look; otherwise clean, in a look."""
    if source.source.format is SourceFormat.DOCX and options.template is None:
        return IN_PLACE, None
    return CLEAN, options.template or DEFAULT_TEMPLATE


def export_resume(source: Document, target: Path, *, edits: Sequence[Edit] = (),
                  options: ExportOptions | None = None, posting: Posting | None = None,
                  expected_score: int | None = None,
                  progress: Progress | None = None) -> ExportResult:
    """Write the tailored resume to ``target`` and check it.

    ``source`` is the resume as read from its file (or pasted); ``edits`` are edits of it
    (accepted suggestions and typed changes, see :mod:`tailorfit.core.export.typed`).
    With ``posting``, the written file is analysed again and its score compared with
    ``expected_score`` (by default the score of the tailored resume before writing).
    Raises :class:`~tailorfit.core.errors.ExportError` subclasses; then nothing is written.
    """
    options = options or ExportOptions()
    started = time.perf_counter()
    timings: dict[str, float] = {}
    report = progress or (lambda _stage, _fraction: None)
    mode, template = export_mode(source, options)
    if options.tracked and mode is not IN_PLACE:
        raise ExportError("Tracked changes can only be written into a Word resume edited in "
                          "place. Leave out tracked changes, or open the .docx resume "
                          "without choosing a look.")
    if template is not None:
        template_path(template)  # an unknown look stops here
    report("Checking your edits", 0.05)
    check_target(target, source=source.source.path, overwrite=options.overwrite)
    check_edits(source, edits)
    check_placeholders(edits, allow=options.allow_placeholders)

    tailored = apply_edits(source, edits)
    tailored_resume = _parse(tailored, options.today)
    if posting is not None and expected_score is None:
        expected_score = _score(posting, tailored_resume)
    timings["prepare"] = time.perf_counter() - started

    report("Writing the document", 0.25)
    if mode is IN_PLACE:
        data = write_in_place(_source_bytes(source), source, edits, tracked=options.tracked)
    else:
        assert template is not None
        lines = outline(tailored, tailored_resume)
        data = write_clean(lines, template, person=tailored_resume.contact.name)
    timings["build"] = time.perf_counter() - started - sum(timings.values())

    found: list[_ReadBack] = []

    def check(temp: Path) -> None:
        report("Reading the file back", 0.6)
        back = _read_back(temp, target, source, edits, posting, options.today)
        missing = [c for c in back.checks if not c.present]
        if missing:
            listed = "; ".join(f'"{_short(c.expected or c.edit.text)}"' for c in missing[:3])
            raise ExportCheckError(
                f"{display_name(target)} was not saved: reading it back did not find "
                f"{len(missing)} of the edits ({listed}). Report this with the file you "
                "opened; the file you opened is unchanged.", path=target)
        report("Checking for applicant tracking systems", 0.8)
        back.warnings = ats_warnings(data, back.document, back.resume)
        found.append(back)

    report("Saving", 0.5)
    write_atomically(target, data, overwrite=options.overwrite, check=check,
                     source=source.source.path)
    timings["write_and_check"] = time.perf_counter() - started - sum(timings.values())
    back = found[0]
    score_after = back.score
    notes: list[str] = []
    if expected_score is not None and score_after != expected_score:
        notes.append(
            f"The exported resume scores {score_after} against the posting, not "
            f"{expected_score} as before the export: Tailorfit reads the new file's structure "
            "a little differently. Open it in Tailorfit to see which requirement changed.")
    report("Done", 1.0)
    return ExportResult(
        path=target, mode=mode, template=template, edits=tuple(edits),
        checks=tuple(back.checks), score_before=expected_score, score_after=score_after,
        warnings=tuple(back.warnings), notes=tuple(notes),
        seconds=time.perf_counter() - started, timings=timings)


def _parse(document: Document, today: date | None) -> Resume:
    from tailorfit.core.parse.resume import parse_resume

    return parse_resume(document, today=today)


def _score(posting: Posting, resume: Resume) -> int:
    from tailorfit.core.match import analyze

    return analyze(posting, resume).score


def _source_bytes(source: Document) -> bytes:
    """The source file's bytes, refused if they are not the ones that were read."""
    path = source.source.path
    name = display_name(path)
    if path is None:
        raise ExportError("This resume has no file to edit in place. Choose a look for a new "
                          "document instead.")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileMissingError(f"{name} cannot be read any more ({exc.strerror or exc}). Put it "
                               "back where it was, or open it again.", path=path) from exc
    if source.source.digest is None or hashlib.sha256(data).hexdigest() != source.source.digest:
        raise SourceChangedError(
            f"{name} changed on disk after Tailorfit opened it, so the edits may no longer fit "
            "it. Open the file again and export from the current version.", path=path)
    return data


@dataclass
class _ReadBack:
    """The written file as Tailorfit reads it."""

    document: Document
    resume: Resume
    checks: list[EditCheck]
    score: int | None
    warnings: list[AtsWarning] = field(default_factory=list)


def _read_back(temp: Path, target: Path, source: Document, edits: Sequence[Edit],
               posting: Posting | None, today: date | None) -> _ReadBack:
    from tailorfit.core.readers import read_document

    try:
        written = read_document(temp)
    except ReadError as exc:
        raise ExportCheckError(
            f"{display_name(target)} was not saved: the file built could not be read back "
            f"({exc.message}) Report this with the file you opened.", path=target) from exc
    resume = _parse(written, today)
    return _ReadBack(written, resume, check_edits_present(source, edits, written),
                     _score(posting, resume) if posting is not None else None)


def _short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
