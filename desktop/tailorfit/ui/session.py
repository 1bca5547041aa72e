"""The working session on disk: what was open, the working copies, and whether the app died.

The session is saved a few seconds after each change while the user works (not only on
quit), so a crash loses seconds of typing at most. A small marker file says the app is
running; it is removed on a clean exit. Finding it at start, left by a process that no longer
runs, means the last run ended in a crash: the session is then offered, not reopened,
because reopening the document that was open when the app died may kill it again.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tailorfit.ui.settings import write_atomic

SESSION_FILE = "session.json"
MARKER_FILE = "running.json"
VERSION = 2


@dataclass(frozen=True, slots=True)
class SavedPane:
    """One pane of a saved session."""

    kind: str  # "posting" or "resume"
    path: str | None  # the file it came from, if any
    text: str | None  # the working copy when edited or pasted, else None (reread the file)
    looks: tuple[str, ...]  # per paragraph: how the pane showed it (see ui.looks)
    label: str

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "text": self.text, "looks": list(self.looks),
                "label": self.label}

    @staticmethod
    def from_json(kind: str, raw: object) -> SavedPane | None:
        if not isinstance(raw, dict):
            return None
        path, text, label = raw.get("path"), raw.get("text"), raw.get("label")
        looks = raw.get("looks")
        return SavedPane(
            kind,
            path if isinstance(path, str) and path else None,
            text if isinstance(text, str) and text.strip() else None,
            tuple(x for x in looks if isinstance(x, str)) if isinstance(looks, list) else (),
            label if isinstance(label, str) else "")


@dataclass(frozen=True, slots=True)
class SavedSession:
    panes: tuple[SavedPane, ...]
    saved_at: float

    def describe(self) -> str:
        """"your edited resume.docx and the pasted posting", for the recovery banner."""
        names = []
        for pane in self.panes:
            name = Path(pane.path).name if pane.path else f"the pasted {pane.kind}"
            if pane.text is not None and pane.path:
                name = f"your edited {name}"
            names.append(name)
        return " and ".join(names)


class SessionStore:
    """Reads and writes the session and the running marker in one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @property
    def session_path(self) -> Path:
        return self.folder / SESSION_FILE

    @property
    def marker_path(self) -> Path:
        return self.folder / MARKER_FILE

    def load(self, path: Path | None = None) -> SavedSession | None:
        """The saved session (or the one in ``path``); None when absent or unreadable."""
        try:
            raw = json.loads((path or self.session_path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(raw, dict):
            return None
        panes = tuple(p for kind in ("posting", "resume")
                      if (p := SavedPane.from_json(kind, raw.get(kind))) is not None
                      and (p.path or p.text))
        if not panes:
            return None
        saved = raw.get("saved_at")
        return SavedSession(panes, float(saved) if isinstance(saved, (int, float)) else 0.0)

    def encode(self, panes: list[SavedPane]) -> str:
        """The session file's text (built on the main thread, written elsewhere)."""
        data: dict[str, Any] = {"version": VERSION, "saved_at": time.time()}
        for pane in panes:
            data[pane.kind] = pane.to_json()
        return json.dumps(data)

    def write(self, text: str) -> None:
        write_atomic(self.session_path, text)

    def clear(self) -> None:
        with contextlib.suppress(OSError):
            self.session_path.unlink()

    # -- the running marker -------------------------------------------------------------------
    def last_run_crashed(self) -> bool:
        """Did the last run end without a clean exit? (Another live instance is no crash.)"""
        try:
            raw = json.loads(self.marker_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return False
        except (OSError, ValueError):
            return True  # a half-written marker: that run died while starting
        pid = raw.get("pid") if isinstance(raw, dict) else None
        return not (isinstance(pid, int) and pid != os.getpid() and _alive(pid))

    def mark_running(self) -> None:
        write_atomic(self.marker_path, json.dumps({"pid": os.getpid(), "started": time.time()}))

    def mark_stopped(self) -> None:
        with contextlib.suppress(OSError):
            self.marker_path.unlink()


def _alive(pid: int) -> bool:
    if os.name == "nt":  # pragma: no cover - Windows has no signal 0
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # type: ignore[attr-defined]
        if handle:
            ctypes.windll.kernel32.CloseHandle(handle)  # type: ignore[attr-defined]
        return bool(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    return True
