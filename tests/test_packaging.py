"""The wheel, the Linux desktop files, the icons and the Windows installer script.

- Slow: `python -m build` gives an sdist and a wheel built from it; the wheel carries the
  resources, and installed with its dependencies into a fresh venv (from PyPI, as pipx does),
  `tailorfit analyze` runs on the bundled samples from site-packages.
- Fast: the desktop entry and AppStream metadata pass Debian's validators (skipped, saying
  so, when desktop-file-utils or appstream is not installed); the generated icons match the
  SVG; the Inno Setup script names what the PyInstaller spec builds.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "packaging" / "pyinstaller"))
import bundle_rules as rules

LINUX_DIR = REPO / "packaging" / "linux"
DESKTOP = LINUX_DIR / f"{rules.APP_ID}.desktop"
METAINFO = LINUX_DIR / f"{rules.APP_ID}.metainfo.xml"
ICONS = REPO / "resources" / "icons"
BIN = "Scripts" if sys.platform == "win32" else "bin"


# ---- wheel and sdist ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """`python -m build` (sdist, then the wheel from the sdist) into a temporary folder."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out),
                    str(REPO)], check=True, capture_output=True, timeout=300)
    (wheel,) = out.glob("tailorfit-*.whl")
    (sdist,) = out.glob("tailorfit-*.tar.gz")
    return {"wheel": wheel, "sdist": sdist}


@pytest.mark.slow
def test_wheel_contains_resources(built: dict[str, Path]) -> None:
    names = zipfile.ZipFile(built["wheel"]).namelist()
    for name in ("samples/sample-resume.docx", "samples/sample-posting.docx",
                 "lexicon/README.md", "lexicon/index.bin", "lexicon/software.json",
                 "icons/tailorfit.svg", "icons/tailorfit-256.png"):
        assert f"tailorfit/resources/{name}" in names
    assert not any(name.startswith("tailorfit/resources/") and "corpus" in name for name in names)
    with tarfile.open(built["sdist"]) as sdist:
        assert any(n.endswith("/resources/lexicon/index.bin") for n in sdist.getnames())


@pytest.fixture(scope="module")
def installed(built: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv (no system or checkout packages) with the wheel and its dependencies."""
    venv = tmp_path_factory.mktemp("venv") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    result = subprocess.run([str(venv / BIN / "python"), "-m", "pip", "install", "--quiet",
                             "--disable-pip-version-check", str(built["wheel"])],
                            capture_output=True, text=True, env=env, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    return venv


def _run_installed(venv: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    return subprocess.run([str(venv / BIN / args[0]), *args[1:]], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=300)


@pytest.mark.slow
def test_installed_wheel_loads_a_resource(installed: Path, tmp_path: Path) -> None:
    script = ("import tailorfit.core.resources as r, pathlib; "
              "p = r.sample_resume(); print(p); print(p.stat().st_size)")
    result = _run_installed(installed, "python", "-I", "-c", script, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    path_line, size_line = result.stdout.split()
    assert "site-packages/tailorfit/resources/samples/sample-resume.docx" in \
        path_line.replace("\\", "/")
    assert str(REPO) not in path_line
    assert int(size_line) > 10_000


@pytest.mark.slow
def test_installed_wheel_analyzes_the_bundled_samples(installed: Path, tmp_path: Path) -> None:
    where = _run_installed(installed, "python", "-I", "-c",
                           "import tailorfit.core.resources as r; print(r.sample_posting()); "
                           "print(r.sample_resume())", cwd=tmp_path)
    posting, resume = where.stdout.split()
    assert str(REPO) not in posting
    result = _run_installed(installed, "tailorfit", "analyze", posting, resume, "--format",
                            "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["schema"] == "tailorfit.analysis/1"
    assert report["requirements"] and report["counts"]["met"] > 0
    version = _run_installed(installed, "tailorfit", "--version", cwd=tmp_path)
    assert rules.app_version() in version.stdout + version.stderr


# ---- Linux desktop entry and AppStream metadata ---------------------------------------------


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian package {package}; `make test` installs "
                    "it as root via packaging/linux/ensure-test-tools.sh)")
    return path


def test_desktop_entry_passes_desktop_file_validate() -> None:
    tool = _tool("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo_passes_appstreamcli_validate() -> None:
    tool = _tool("appstreamcli", "appstream")
    result = subprocess.run([tool, "validate", "--no-net", str(METAINFO)], capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_entry_and_metainfo_agree_with_the_app() -> None:
    entry = dict(line.split("=", 1) for line in DESKTOP.read_text(encoding="utf-8").splitlines()
                 if "=" in line)
    assert entry["Exec"].split()[0] == rules.EXE_NAME
    assert entry["Icon"] == rules.APP_ID
    assert entry["Name"] == rules.APP_NAME
    root = ElementTree.parse(METAINFO).getroot()
    assert root.findtext("id") == rules.APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == rules.EXE_NAME
    newest = root.find("releases/release")
    assert newest is not None and newest.get("version") == rules.app_version(), (
        "add a <release> for the package's version to the metainfo file")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", newest.get("date", ""))
    assert newest.find("description") is not None, "each release needs release notes"
    images = [image.text or "" for image in root.iter("image")]
    assert images and all(url.startswith("https://") for url in images)
    assert all(url.endswith("docs/screenshot.png") for url in images)
    assert (REPO / "docs" / "screenshot.png").is_file()


# ---- icons ----------------------------------------------------------------------------------


def test_generated_icons_have_every_size_and_match_the_svg(qapp: object, tmp_path: Path) -> None:
    # qapp first: make_icons would otherwise create a QGuiApplication, and later widget tests
    # in this process need a QApplication.
    sys.path.insert(0, str(REPO / "tools"))
    try:
        import make_icons
    finally:
        sys.path.remove(str(REPO / "tools"))
    from PySide6.QtGui import QImage, QImageReader

    fresh = tmp_path / "icons"
    make_icons.make(fresh)
    for size in make_icons.PNG_SIZES:
        committed = QImage(str(ICONS / f"tailorfit-{size}.png"))
        assert (committed.width(), committed.height()) == (size, size)
        regenerated = QImage(str(fresh / f"tailorfit-{size}.png"))
        assert _difference(committed, regenerated) < 2.0, (
            f"tailorfit-{size}.png is out of date with tailorfit.svg; run "
            "python tools/make_icons.py")
    for name, sizes in (("tailorfit.ico", make_icons.ICO_SIZES),
                        ("tailorfit.icns", sorted({s for _, s in make_icons.ICNS_TYPES}))):
        reader = QImageReader(str(ICONS / name))
        found = set()
        for index in range(reader.imageCount()):
            reader.jumpToImage(index)
            image = reader.read()
            assert not image.isNull(), f"{name} image {index}"
            found.add(image.width())
        assert found == set(sizes), name


def test_window_icon_comes_from_the_icon_files(qapp: object) -> None:
    from tailorfit.ui.theme import app_icon

    sizes = {size.width() for size in app_icon().availableSizes()}
    assert sizes == {16, 24, 32, 48, 64, 128, 256, 512}  # the drawn fallback stops at 256


def _difference(a: object, b: object) -> float:
    """Mean absolute difference per channel (0-255) of two same-size images."""
    from PySide6.QtGui import QImage

    assert isinstance(a, QImage) and isinstance(b, QImage)
    assert a.size() == b.size()
    a = a.convertToFormat(QImage.Format.Format_RGBA8888)
    b = b.convertToFormat(QImage.Format.Format_RGBA8888)
    first, second = bytes(a.constBits()), bytes(b.constBits())
    return sum(abs(x - y) for x, y in zip(first, second, strict=True)) / len(first)


# ---- Windows installer script ---------------------------------------------------------------


def test_inno_setup_script_installs_per_user_with_a_start_menu_entry() -> None:
    text = (REPO / "packaging" / "windows" / "tailorfit.iss").read_text(encoding="utf-8")
    assert re.search(r"^PrivilegesRequired=lowest$", text, re.MULTILINE)
    assert f'#define AppExe "{rules.EXE_NAME}.exe"' in text
    assert re.search(r'^Name: "\{autoprograms\}\\\{#AppName\}"; Filename: "\{app\}\\\{#AppExe\}"',
                     text, re.MULTILINE)
    assert "Uninstallable=no" not in text  # Inno Setup writes an uninstaller by default
    icon = re.search(r"^SetupIconFile=(.+)$", text, re.MULTILINE)
    assert icon is not None
    assert (REPO / "packaging" / "windows" / icon.group(1).replace("\\", "/")).resolve() == \
        (ICONS / "tailorfit.ico").resolve()
    bundle = re.search(r'#define BundleDir "(.+)"', text)
    assert bundle is not None and bundle.group(1).replace("\\", "/") == "../../dist/tailorfit"
