"""Runtime data (lexicon, samples, icons) found the same way from a checkout, a wheel or a bundle.

- PyInstaller bundle: ``<sys._MEIPASS>/tailorfit/resources``.
- Installed wheel: the ``resources`` folder is packaged as ``tailorfit/resources``.
- Source checkout (editable install): the repository's top-level ``resources`` folder.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_MARKER = "lexicon"


@cache
def resources_dir() -> Path:
    """The folder holding the app's runtime data."""
    package = Path(__file__).resolve().parent.parent
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "tailorfit" / "resources")
    candidates.append(package / "resources")
    candidates.append(package.parent.parent / "resources")
    for candidate in candidates:
        if (candidate / _MARKER).is_dir():
            return candidate
    searched = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(
        f"Tailorfit's resources folder is missing (looked in {searched}). Reinstall Tailorfit.")


def resource_path(*parts: str) -> Path:
    """Path of a file or folder inside the resources folder."""
    return resources_dir().joinpath(*parts)


def sample_posting() -> Path:
    """The bundled fictional posting opened on first start."""
    return resource_path("samples", "sample-posting.docx")


def sample_resume() -> Path:
    """The bundled fictional resume opened on first start."""
    return resource_path("samples", "sample-resume.docx")
