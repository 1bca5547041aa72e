"""Refusing a Qt binding that is known to crash the app.

PySide6 6.12.0 on CPython 3.11 drops one reference to ``None`` on every Qt call that returns
nothing. ``None`` starts with a few thousand references, so after some minutes of typing the
interpreter aborts with "none_dealloc" and unsaved work is gone. We check twice at start:
by version (a release we know is bad) and by behaviour (a few hundred void calls must leave
``None``'s reference count alone), so a future release with the same bug is caught too.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

# (PySide6 version, first affected Python, first unaffected Python)
KNOWN_BAD: tuple[tuple[str, tuple[int, int], tuple[int, int]], ...] = (
    ("6.12.0", (3, 11), (3, 12)),
)
FIX = "pip install 'PySide6-Essentials<6.12'"
PROBE_CALLS = 300


def known_bad(pyside: str, python: tuple[int, int]) -> bool:
    """Is this PySide6 release known to break this Python?"""
    return any(pyside == version and low <= python < high for version, low, high in KNOWN_BAD)


def drops_none_references(probe: Callable[[], object], calls: int = PROBE_CALLS) -> bool:
    """Does calling ``probe`` (a Qt call returning nothing) take references from ``None``?"""
    before = sys.getrefcount(None)
    for _ in range(calls):
        probe()
    # Unrelated code may free a few references meanwhile; a broken binding loses one per call.
    return before - sys.getrefcount(None) >= calls // 2


def problem(pyside: str, python: tuple[int, int], probe: Callable[[], object] | None) -> str | None:
    """A message naming the bad binding, or None when it is safe to go on."""
    bad = known_bad(pyside, python) or (probe is not None and drops_none_references(probe))
    if not bad:
        return None
    return (f"Tailorfit cannot run safely with PySide6 {pyside} on Python {python[0]}.{python[1]}, "
            "whose known bug crashes the app while you type. "
            f"Install a fixed release with: {FIX} (make run does this).")


def check_running_binding() -> str | None:
    """Check the PySide6 this process uses (call once a QApplication exists)."""
    import PySide6
    from PySide6.QtCore import QCoreApplication

    return problem(PySide6.__version__, sys.version_info[:2], QCoreApplication.processEvents)
