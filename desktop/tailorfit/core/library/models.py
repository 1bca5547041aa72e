"""What the library holds, as immutable values the window can pass between threads.

JSON-valued fields (accepted edits, suggestion decisions, window state) are opaque here: the
editing and window code own their shape; the library stores and returns them unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

Json = Any  # anything json.dumps accepts: dicts, lists, strings, numbers, booleans, None


class AppStatus(StrEnum):
    """Where an application stands, in the order it usually moves."""

    SAVED = "saved"
    APPLIED = "applied"
    INTERVIEW = "interview"
    OFFER = "offer"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class BaseResume:
    """A resume the user keeps as a starting point; applications never change it."""

    id: int
    name: str
    file_name: str
    text: str
    created_at: datetime
    has_file: bool  # the original file's bytes are stored (to export keeping its look)


@dataclass(frozen=True, slots=True)
class StatusChange:
    status: AppStatus
    day: date


@dataclass(frozen=True, slots=True)
class ApplicationSummary:
    """One row of the library list: what it shows, sorts and searches by, nothing heavier."""

    id: int
    company: str
    title: str
    posting_file_name: str
    posting_date: date | None
    status: AppStatus
    status_day: date
    score: int | None  # the latest score of the latest version
    versions: int
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Application:
    id: int
    company: str
    title: str
    posting_text: str
    posting_file_name: str
    posting_date: date | None
    status: AppStatus
    status_day: date
    history: tuple[StatusChange, ...]  # oldest first; the last is the current status
    notes: str
    base_resume_id: int | None  # None once that base resume was deleted
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class VersionSummary:
    id: int
    application_id: int
    number: int  # 1, 2, ... within its application
    label: str
    score: int | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Version:
    """A tailored resume for one application, exactly as the window left it."""

    id: int
    application_id: int
    number: int
    label: str
    base_resume_id: int | None
    resume_text: str  # the working resume text
    accepted_edits: Json
    decisions: Json  # the suggestions' accept/reject decisions
    window_state: Json  # anything else the window needs to look the same (paragraph looks)
    score: int | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class ScorePoint:
    score: int
    must_missing: int | None
    at: datetime


@dataclass(frozen=True, slots=True)
class ExportRecord:
    """A file exported from a version; its bytes are kept when given (see export_content)."""

    id: int
    version_id: int
    file_name: str
    path: str
    format: str
    size: int | None
    at: datetime


@dataclass(frozen=True, slots=True)
class Workspace:
    """Everything the window needs to reopen an application as it was left."""

    application: Application
    version: Version

    @property
    def posting_text(self) -> str:
        return self.application.posting_text

    @property
    def resume_text(self) -> str:
        return self.version.resume_text

    @property
    def base_resume_id(self) -> int | None:
        return self.version.base_resume_id


@dataclass(frozen=True, slots=True)
class NewApplication:
    """What the window knows when the user adds the current posting to the library.

    ``resume_text`` is the working resume; when None, the base resume's text is copied.
    """

    posting_text: str
    posting_file_name: str = ""
    company: str = ""
    title: str = ""
    posting_date: date | None = None
    notes: str = ""
    base_resume_id: int | None = None
    resume_text: str | None = None
    status: AppStatus = AppStatus.SAVED
    status_day: date | None = None  # default: today
