"""Reading resumes and postings into :class:`~tailorfit.core.model.Document`.

``read_document`` is the one entry point for files; ``read_pasted`` for pasted text. Both
raise only :class:`~tailorfit.core.errors.ReadError` subclasses with messages for the user.
"""

from __future__ import annotations

import dataclasses
import hashlib
import zlib
from pathlib import Path

from tailorfit.core.errors import (
    CorruptFileError,
    EmptyDocumentError,
    FileMissingError,
    FileTooLargeError,
    ReadError,
    display_name,
)
from tailorfit.core.model import Document
from tailorfit.core.readers.sniff import FileKind, expected_kind, sniff
from tailorfit.core.readers.text import MAX_TEXT_CHARS, check_text_size, read_text_file
from tailorfit.core.readers.text import read_pasted as _read_pasted

MAX_FILE_BYTES = 20 * 1024 * 1024

__all__ = ["MAX_FILE_BYTES", "MAX_TEXT_CHARS", "FileKind", "read_document", "read_pasted"]

_KIND_NAMES = {
    FileKind.PDF: "a PDF", FileKind.DOCX: "a Word document", FileKind.HTML: "a web page",
    FileKind.TEXT: "plain text", FileKind.MARKDOWN: "Markdown text",
}


def read_document(path: Path | str) -> Document:
    """Read a resume or posting file, judging its type by content."""
    path = Path(path)
    name = display_name(path)
    try:
        if path.is_dir():
            raise FileMissingError(
                f"{name} is a folder, not a file. Open the resume or posting file inside it.",
                path=path)
        if not path.is_file():
            raise FileMissingError(
                f"{name} does not exist or is not a file. Check the name and folder and try "
                "again.", path=path)
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise FileTooLargeError(
                f"{name} is {size / 1_048_576:.0f} MB; Tailorfit opens files up to "
                f"{MAX_FILE_BYTES // 1_048_576} MB. Save a copy without images or extra pages "
                "and open that.", path=path)
        data = path.read_bytes()
    except PermissionError as exc:
        raise FileMissingError(
            f"{name} cannot be read: permission denied. Copy it to your Documents folder "
            "and open the copy.", path=path) from exc
    except OSError as exc:
        if isinstance(exc, ReadError):
            raise
        raise FileMissingError(
            f"{name} cannot be read ({exc.strerror or exc}). Check the file and try again.",
            path=path) from exc
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise EmptyDocumentError(f"{name} is empty. Choose the file that holds your text.",
                                 path=path)
    kind = sniff(data, path)
    document = _read(kind, data, path)
    check_text_size(len(document.text), path)
    if not document.blocks:
        raise EmptyDocumentError(
            f"{name} contains no text Tailorfit can read. Check it opens with your text in it, "
            "or paste the text instead.", path=path)
    # The digest identifies the bytes every anchor points into: an in-place export refuses
    # a source that changed on disk since (see tailorfit.core.export).
    warnings = document.source.warnings
    expected = expected_kind(path)
    if expected is not None and expected != kind and {expected, kind} != {
            FileKind.TEXT, FileKind.MARKDOWN}:
        warnings = (*warnings, f"{name} is really {_KIND_NAMES[kind]}, not "
                               f"{_KIND_NAMES[expected]} as its name says; it was read as what it is.")
    source = dataclasses.replace(document.source, warnings=warnings,
                                 digest=hashlib.sha256(data).hexdigest())
    return Document(document.blocks, source)


def _read(kind: FileKind, data: bytes, path: Path) -> Document:
    # Each format's reader is imported when first needed: PDFium and lxml take tens of
    # milliseconds to load, which a command reading two text files should not pay.
    try:
        if kind is FileKind.PDF:
            from tailorfit.core.readers.pdf import read_pdf_file

            return read_pdf_file(data, path)
        if kind is FileKind.DOCX:
            from tailorfit.core.readers.docx import read_docx_file

            return read_docx_file(data, path)
        if kind is FileKind.HTML:
            from tailorfit.core.readers.html import read_html_file

            return read_html_file(data, path)
        return read_text_file(data, path, markdown=kind is FileKind.MARKDOWN)
    except ReadError:
        raise
    except (ValueError, KeyError, IndexError, TypeError, AttributeError, OSError,
            RecursionError, MemoryError, UnicodeError, zlib.error) as exc:
        # A malformed file that slipped past the specific checks still gets a clear message.
        raise CorruptFileError(
            f"{display_name(path)} could not be read; it may be damaged. Open it in the program "
            "that made it, save a fresh copy, and open that.", path=path) from exc


def read_pasted(text: str) -> Document:
    """Text pasted by the user, such as a posting copied from a job board."""
    document = _read_pasted(text)
    if not document.blocks:
        raise EmptyDocumentError("The pasted text is empty. Copy the posting's text and paste "
                                 "it again.")
    return document
