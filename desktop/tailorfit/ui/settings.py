"""User settings, declared once, stored as JSON in the per-user config folder.

Where the folders are is decided in :mod:`tailorfit.core.paths` (a private session,
``TAILORFIT_HOME`` for tests and scripted use, portable mode, else the platform's folders).
Writes are atomic; a damaged settings file is set aside and defaults are used, so a bad file
never stops the app.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from tailorfit.core import paths

APP = paths.APP
THEMES = ("system", "light", "dark")
HIGHLIGHT_STYLES = ("underline", "background", "both")
MAX_RECENT = 8


@dataclass
class Settings:
    """Every setting with its default; unknown or malformed values fall back to these."""

    theme: str = "system"
    font_size: int = 11
    highlight_style: str = "both"
    zoom: int = 0
    geometry: str = ""  # base64 QWidget.saveGeometry()
    splitter: str = ""
    recent_postings: list[str] = field(default_factory=list)
    recent_resumes: list[str] = field(default_factory=list)
    last_posting: str = ""  # a path, or "" when the posting was pasted (see pasted_posting.txt)
    last_resume: str = ""
    hint_dismissed: bool = False

    def add_recent(self, kind: str, path: Path) -> None:
        """Remember ``path`` at the top of the recent postings or resumes."""
        items = self.recent_postings if kind == "posting" else self.recent_resumes
        text = str(path)
        if text in items:
            items.remove(text)
        items.insert(0, text)
        del items[MAX_RECENT:]


def config_dir() -> Path:
    return paths.config_dir()


def data_dir() -> Path:
    return paths.data_dir()


def settings_path() -> Path:
    return config_dir() / "settings.json"


def load_settings() -> Settings:
    """Settings from disk; defaults for anything missing or invalid."""
    path = settings_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("not an object")
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError):
        _set_aside(path)
        return Settings()
    defaults = Settings()
    values: dict[str, Any] = {}
    for item in fields(Settings):
        value = raw.get(item.name, getattr(defaults, item.name))
        default = getattr(defaults, item.name)
        if isinstance(default, bool):
            ok = isinstance(value, bool)
        elif isinstance(default, int):
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif isinstance(default, list):
            ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        else:
            ok = isinstance(value, str)
        values[item.name] = value if ok else default
    settings = Settings(**values)
    if settings.theme not in THEMES:
        settings.theme = "system"
    if settings.highlight_style not in HIGHLIGHT_STYLES:
        settings.highlight_style = "both"
    settings.font_size = min(max(settings.font_size, 7), 32)
    settings.zoom = min(max(settings.zoom, -6), 12)
    return settings


def save_settings(settings: Settings) -> None:
    """Write settings atomically (a crash mid-write never leaves a half file)."""
    write_atomic(settings_path(), json.dumps(asdict(settings), indent=2))


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one step (see :func:`tailorfit.core.paths.write_text_atomic`)."""
    paths.write_text_atomic(path, text)


def _set_aside(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.replace(path.with_suffix(".damaged.json"))
