"""The one error hierarchy: every message is meant for the person using the app."""

from __future__ import annotations

from pathlib import Path


class TailorfitError(Exception):
    """Base of every error the app reports to the user."""

    def __init__(self, message: str, *, path: Path | str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None

    def __str__(self) -> str:
        return self.message


class ReadError(TailorfitError):
    """A document could not be read."""


class FileMissingError(ReadError):
    """The file does not exist or is not a regular file."""


class EmptyDocumentError(ReadError):
    """The file or the pasted text holds no text."""


class UnsupportedFormatError(ReadError):
    """The content is a kind of file we cannot read."""


class LegacyFormatError(UnsupportedFormatError):
    """An old binary format that must be re-saved in a modern one."""


class CorruptFileError(ReadError):
    """The file is damaged or truncated."""


class EncryptedFileError(ReadError):
    """The file is password-protected."""


class ScannedPdfError(ReadError):
    """A PDF with pages but no text layer."""


class FileTooLargeError(ReadError):
    """The file, or what it unpacks to, exceeds our size caps."""


class UnsafeFileError(ReadError):
    """The file contains constructs we refuse to process (entity tricks, bombs)."""


class UnsupportedLanguageError(TailorfitError):
    """The document is not written in English, the only language the matcher reads."""


class NoRequirementsError(TailorfitError):
    """The posting names nothing the resume could be matched against."""


class UsageError(TailorfitError):
    """The command line was used wrongly."""


def display_name(path: Path | str | None) -> str:
    """The name used for a file in messages: its base name, or 'the pasted text'."""
    if path is None:
        return "the pasted text"
    return f"'{Path(path).name}'"


class ExportError(TailorfitError):
    """The tailored resume or the report could not be written; nothing was written."""


class SourceChangedError(ExportError):
    """The source file changed on disk after it was opened, so its anchors no longer hold."""


class TargetExistsError(ExportError):
    """The chosen file exists and replacing it was not confirmed."""


class PlaceholderError(ExportError):
    """Edited text still holds placeholders such as [X%] for the user to fill in."""

    def __init__(self, message: str, placeholders: tuple[str, ...], *,
                 path: Path | str | None = None) -> None:
        super().__init__(message, path=path)
        self.placeholders = placeholders


class EditConflictError(ExportError):
    """Two edits change the same characters."""


class StaleSuggestionError(ExportError):
    """A suggestion's "before" text no longer matches the resume."""


class EditsFileError(ExportError):
    """An edits file (tailorfit.suggestions/1) is missing, unreadable or malformed."""


class ExportCheckError(ExportError):
    """Re-reading the written file did not find what the export put in it."""
