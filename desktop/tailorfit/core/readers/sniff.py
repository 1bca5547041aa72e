"""Deciding what a file really is from its bytes, not its name."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from enum import StrEnum
from pathlib import Path

from tailorfit.core.errors import (
    CorruptFileError,
    EncryptedFileError,
    LegacyFormatError,
    UnsupportedFormatError,
    display_name,
)


class FileKind(StrEnum):
    """The formats we read."""

    PDF = "pdf"
    DOCX = "docx"
    HTML = "html"
    TEXT = "text"
    MARKDOWN = "markdown"


_WORD_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroenabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroenabledtemplate.main+xml",
}
_OTHER_OFFICE = {
    "spreadsheetml": "an Excel workbook",
    "presentationml": "a PowerPoint presentation",
}
_IMAGE_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
}
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta)\b",
                         re.IGNORECASE | re.DOTALL)
_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown"}
_EXPECTED_BY_SUFFIX = {
    ".pdf": FileKind.PDF, ".docx": FileKind.DOCX, ".docm": FileKind.DOCX,
    ".dotx": FileKind.DOCX, ".html": FileKind.HTML, ".htm": FileKind.HTML,
    ".txt": FileKind.TEXT, ".text": FileKind.TEXT, ".md": FileKind.MARKDOWN,
    ".markdown": FileKind.MARKDOWN,
}
_SCANNED_HINT = "Export a text PDF or a DOCX from the program you wrote it in, and open that."


def expected_kind(path: Path) -> FileKind | None:
    """The kind a file's extension promises, if it is one we know."""
    return _EXPECTED_BY_SUFFIX.get(path.suffix.lower())


def sniff(data: bytes, path: Path) -> FileKind:
    """The kind of ``data``, judged from its content; raises for kinds we cannot read."""
    name = display_name(path)
    head = data[:2048]
    if b"%PDF-" in data[:1024]:
        return FileKind.PDF
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _sniff_zip(data, name)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o" in data:
            raise EncryptedFileError(
                f"{name} is a password-protected Word document. Open it in Word, remove the "
                "password (File > Info > Protect Document), save it and open it again.",
                path=path)
        raise LegacyFormatError(
            f"{name} is an old Word 97-2003 (.doc) file, which Tailorfit cannot read. Open it "
            "in Word or LibreOffice, save it as .docx, and open that file.", path=path)
    if head.startswith(b"{\\rtf"):
        raise UnsupportedFormatError(
            f"{name} is a Rich Text (.rtf) file. Save it as .docx or .txt from your word "
            "processor and open that file.", path=path)
    for magic, what in _IMAGE_MAGIC.items():
        if head.startswith(magic):
            raise UnsupportedFormatError(
                f"{name} is {what}, not a document with text. {_SCANNED_HINT}", path=path)
    if _looks_binary(head):
        raise UnsupportedFormatError(
            f"{name} is not a document Tailorfit can read. Open a .docx, .pdf, .txt, .md or "
            ".html file instead.", path=path)
    if _HTML_START.match(_ascii_view(head)):
        return FileKind.HTML
    if path.suffix.lower() in _MARKDOWN_SUFFIXES:
        return FileKind.MARKDOWN
    return FileKind.TEXT


def _sniff_zip(data: bytes, name: str) -> FileKind:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        if "mimetype" in names:
            mimetype = archive.read("mimetype")[:200].decode("ascii", "replace")
            if "opendocument" in mimetype:
                raise UnsupportedFormatError(
                    f"{name} is an OpenDocument file. Save it as .docx (File > Save As > Word) "
                    "and open that file.")
        if "[Content_Types].xml" not in names:
            raise UnsupportedFormatError(
                f"{name} is a ZIP archive, not a Word document. Unpack it and open the "
                ".docx or .pdf inside.")
        info = archive.getinfo("[Content_Types].xml")
        if info.file_size > 1_000_000:
            raise CorruptFileError(f"{name} has a damaged package index. Re-save it from Word.")
        types = archive.read(info).decode("utf-8", "replace").lower()
    except (zipfile.BadZipFile, zlib.error) as exc:
        raise CorruptFileError(
            f"{name} is damaged or incomplete (its ZIP structure is broken). If you downloaded "
            "it, download it again; otherwise re-save it from Word.") from exc
    except (OSError, EOFError, ValueError) as exc:
        raise CorruptFileError(
            f"{name} is damaged or incomplete. Re-save it from Word and open it again.") from exc
    if any(t in types for t in _WORD_MAIN_TYPES):
        return FileKind.DOCX
    for marker, what in _OTHER_OFFICE.items():
        if marker in types:
            raise UnsupportedFormatError(
                f"{name} is {what}, not a Word document. Copy the text into a .docx or .txt "
                "file and open that.")
    raise UnsupportedFormatError(
        f"{name} is an Office package Tailorfit does not know. Save it as .docx and open it.")


def _looks_binary(head: bytes) -> bool:
    if not head:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return False
    nul = head.count(b"\x00")
    if nul and utf16_without_bom(head):
        return False
    if nul:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control > len(head) * 0.05


def utf16_without_bom(head: bytes) -> bool:
    """UTF-16 text without a byte-order mark: every other byte is NUL for ASCII content."""
    even = head[0::2]
    odd = head[1::2]
    return odd.count(0) > len(odd) * 0.6 or even.count(0) > len(even) * 0.6


def _ascii_view(head: bytes) -> bytes:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16_without_bom(head[:200] or b"x"):
        return head.replace(b"\x00", b"").lstrip(b"\xff\xfe")
    return head.removeprefix(b"\xef\xbb\xbf")
