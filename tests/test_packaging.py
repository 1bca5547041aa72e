"""Resources load from an installed wheel exactly as from the checkout."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "--quiet", "--wheel-dir", str(out), str(REPO)], check=True)
    (built,) = out.glob("tailorfit-*.whl")
    return built


def test_wheel_contains_resources(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "tailorfit/resources/samples/sample-resume.docx" in names
    assert "tailorfit/resources/lexicon/README.md" in names
    assert not any(name.startswith("tailorfit/resources/") and "corpus" in name for name in names)


def test_installed_wheel_loads_a_resource(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)],
                   check=True)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                    "--force-reinstall", str(wheel)], check=True)
    script = ("import tailorfit.core.resources as r, pathlib; "
              "p = r.sample_resume(); print(p); print(p.stat().st_size)")
    result = subprocess.run([str(python), "-I", "-c", script], check=True, capture_output=True,
                            text=True, cwd=tmp_path)
    path_line, size_line = result.stdout.split()
    assert "site-packages/tailorfit/resources/samples/sample-resume.docx" in path_line
    assert str(REPO) not in path_line
    assert int(size_line) > 10_000
