"""The frozen app: what PyInstaller may bundle, and the built bundle started as a user would.

The slow tests build the one-folder app once for the module (packaging/build_bundle.py, as
`make package` does, about 40 s) into a temporary folder far from the checkout, then start it
offscreen with --screenshot. That the sample's analysis appears proves the resources, the
lexicon and Qt's plugins load inside the frozen app.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "packaging" / "pyinstaller"))
import bundle_rules as rules

LINUX = sys.platform.startswith("linux")
SIZE_LIMIT_MB = 200


# ---- the rules, without building ---------------------------------------------------------


@pytest.mark.parametrize(("path", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
    ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/lib/libQt6Network.so.6", False),
    ("PySide6/Qt/lib/libQt6Quick.so.6", False),
    ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
    ("PySide6/Qt/lib/libQt6Svg.so.6", True),
    ("libQt6Network.so.6", False),
    ("libQt6Gui.so.6", True),
    ("PySide6\\plugins\\platforms\\qwindows.dll", True),
    ("tailorfit/resources/lexicon/index.bin", True),
])
def test_bundle_rules_keep_what_the_window_needs(path: str, kept: bool) -> None:
    assert rules.keep_file(path) is kept


def test_pruning_drops_libraries_only_dropped_plugins_needed() -> None:
    binaries = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("PySide6/QtCore.abi3.so", "/src/QtCore.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/src/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Network.so.6", "/src/libQt6Network.so.6", "BINARY"),
        ("libxcb-cursor.so.0", "/usr/lib/libxcb-cursor.so.0", "BINARY"),
        ("libpango-1.0.so.0", "/usr/lib/libpango-1.0.so.0", "BINARY"),
        ("libpython3.11.so.1.0", "/py/libpython3.11.so.1.0", "BINARY"),
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
    ]
    needs = {"/src/libqxcb.so": ["libQt6Core.so.6", "libxcb-cursor.so.0", "libc.so.6"],
             "/src/QtCore.abi3.so": ["libQt6Core.so.6"]}
    kept = {entry[0] for entry in rules.prune_unreferenced(binaries, lambda s: needs.get(s, []))}
    assert kept == {"PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/QtCore.abi3.so",
                    "PySide6/Qt/lib/libQt6Core.so.6", "libxcb-cursor.so.0",
                    "libpython3.11.so.1.0", "libQt6Core.so.6"}


def test_dependencies_are_bundled_and_tools_are_not() -> None:
    runtime = rules.runtime_distributions()
    assert {"pyside6-essentials", "python-docx", "pypdfium2", "rapidfuzz", "lxml"} <= runtime
    assert not runtime & {"pytest", "hypothesis", "pypdf", "mypy", "ruff", "pyinstaller"}
    excluded = rules.excluded_modules()
    for name in ("tkinter", "pytest", "hypothesis", "pypdf", "mypy", "ruff", "PySide6.QtNetwork",
                 "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtWebEngineCore", *rules.BUILD_TIME_ONLY):
        assert name in excluded
    # The suggestions engine inflects verbs (lemminflect's dictionaries) and reads proselint's
    # cliché lists at run time: their package data must ship.
    assert {"lemminflect", "proselint"} <= set(rules.data_packages())


# ---- the built bundle ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """dist/ holding the one-folder app and its archive, built once for this module."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        message = "PyInstaller is not installed; pip install -e '.[test]' (make test does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    root = tmp_path_factory.mktemp("bundle")
    dist = root / "dist"
    result = subprocess.run(
        [sys.executable, str(REPO / "packaging" / "build_bundle.py"), "--dist", str(dist),
         "--work", str(root / "work")], capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    yield dist
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def app_dir(built: Path) -> Path:
    return built / rules.EXE_NAME


def _clean_env(home: Path) -> dict[str, str]:
    """What a user's session has: no venv, no PYTHONPATH, nothing pointing at the checkout."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "VIRTUAL_ENV", "QT_", "TAILORFIT_"))}
    env.update(QT_QPA_PLATFORM="offscreen", TAILORFIT_HOME=str(home), HOME=str(home))
    return env


def _executable(app_dir: Path) -> Path:
    return app_dir / (f"{rules.EXE_NAME}.exe" if sys.platform == "win32" else rules.EXE_NAME)


@pytest.mark.slow
def test_bundle_starts_and_shows_the_sample_analysis(app_dir: Path, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    result = subprocess.run(
        [str(_executable(app_dir)), "gui", "--screenshot", str(shot), "--timing",
         "--size", "1280x800", "--theme", "light"],
        capture_output=True, text=True, timeout=120, cwd=tmp_path, env=_clean_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "analysis shown" in result.stderr
    from PySide6.QtGui import QColor, QImage

    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 800)
    # The checklist's "met" icons and the evidence highlights are drawn in the light theme's
    # green: there only once the lexicon has matched the sample's requirements.
    met = QColor("#1b7f3b")
    greens = sum(1 for y in range(0, 800, 2) for x in range(0, 1280, 2)
                 if _close(QColor(image.pixel(x, y)), met))
    assert greens > 100, f"only {greens} sampled pixels in the 'met' colour"


def _close(a: object, b: object) -> bool:
    from PySide6.QtGui import QColor

    assert isinstance(a, QColor) and isinstance(b, QColor)
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 30


@pytest.mark.slow
def test_bundle_command_line_analyses_the_bundled_samples_like_the_venv(
        app_dir: Path, tmp_path: Path) -> None:
    samples = app_dir / "_internal" / "tailorfit" / "resources" / "samples"
    args = ["analyze", str(samples / "sample-posting.docx"), str(samples / "sample-resume.docx"),
            "--format", "json", "--today", "2026-11-27"]
    frozen = subprocess.run([str(_executable(app_dir)), *args], capture_output=True, text=True,
                            timeout=120, cwd=tmp_path, env=_clean_env(tmp_path))
    assert frozen.returncode == 0, frozen.stderr
    env = dict(os.environ, PYTHONPATH=str(REPO / "desktop"))  # this checkout's code
    venv = subprocess.run([sys.executable, "-m", "tailorfit", *args], capture_output=True,
                          text=True, timeout=120, check=True, env=env)
    ours, theirs = json.loads(frozen.stdout), json.loads(venv.stdout)
    assert ours["requirements"], "no requirement found in the sample posting"
    assert (ours["score"], ours["counts"]) == (theirs["score"], theirs["counts"])
    assert [r["status"] for r in ours["requirements"]] == \
        [r["status"] for r in theirs["requirements"]]
    # The suggestions need lemminflect's and proselint's data inside the bundle.
    args = ["suggest", str(samples / "sample-posting.docx"), str(samples / "sample-resume.docx"),
            "--format", "json"]
    frozen = subprocess.run([str(_executable(app_dir)), *args], capture_output=True, text=True,
                            timeout=120, cwd=tmp_path, env=_clean_env(tmp_path))
    assert frozen.returncode == 0, frozen.stderr
    venv = subprocess.run([sys.executable, "-m", "tailorfit", *args], capture_output=True,
                          text=True, timeout=120, check=True,
                          env=dict(env, TAILORFIT_HOME=str(tmp_path / "venv-home")))
    assert [s["id"] for s in json.loads(frozen.stdout)["suggestions"]] == \
        [s["id"] for s in json.loads(venv.stdout)["suggestions"]]


@pytest.mark.slow
def test_bundle_is_small_and_leaves_out_what_the_app_never_uses(app_dir: Path) -> None:
    files = [p for p in app_dir.rglob("*") if p.is_file() and not p.is_symlink()]
    size_mb = sum(p.stat().st_size for p in files) / 2**20
    assert size_mb <= SIZE_LIMIT_MB, f"{size_mb:.0f} MB"
    names = {p.relative_to(app_dir).as_posix() for p in app_dir.rglob("*")}
    internal = app_dir / "_internal"
    for unwanted in ("tkinter", "_tkinter", "pytest", "_pytest", "hypothesis", "pypdf", "mypy",
                     "ruff", "PySide6/Qt/translations",
                     "PySide6/QtNetwork.abi3.so", "PySide6/QtQml.abi3.so"):
        assert not (internal / unwanted).exists(), unwanted
    assert not [n for n in names if "Qt6Quick" in n or "Qt6Qml" in n or "Qt6Network" in n
                or "WebEngine" in n]
    assert (internal / "tailorfit" / "resources" / "lexicon" / "index.bin").is_file()
    assert (internal / "tailorfit" / "resources" / "icons" / "tailorfit-256.png").is_file()


@pytest.mark.slow
@pytest.mark.skipif(not LINUX or shutil.which("ldd") is None, reason="needs Linux and ldd")
def test_every_bundled_library_finds_its_dependencies(app_dir: Path) -> None:
    internal = app_dir / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}")
    missing = {}
    for binary in [p for p in internal.rglob("*.so*") if p.is_file() and not p.is_symlink()]:
        out = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, env=env).stdout
        # Wayland's client libraries come with every Wayland session (and are bundled when
        # the build machine has them); without them Qt uses its xcb plugin instead.
        lost = [line.split()[0] for line in out.splitlines()
                if "not found" in line and not line.split()[0].startswith("libwayland-")]
        if lost:
            missing[binary.relative_to(internal).as_posix()] = lost
    assert not missing


@pytest.mark.slow
@pytest.mark.skipif(not LINUX, reason="the tar.gz and install.sh are the Linux packaging")
def test_archive_unpacks_and_install_sh_adds_a_valid_menu_entry(built: Path,
                                                                 tmp_path: Path) -> None:
    (archive,) = built.glob(f"{rules.EXE_NAME}-{rules.app_version()}-linux-*.tar.gz")
    place = tmp_path / "Apps & $tuff \"x\" 100%"  # install.sh must quote this for Exec=
    place.mkdir()
    with tarfile.open(archive) as tar:
        tar.extractall(place, filter="tar")
    (top,) = place.iterdir()
    assert (top / "tailorfit").is_file() and os.access(top / "tailorfit", os.X_OK)
    data = tmp_path / "xdg"
    env = dict(os.environ, XDG_DATA_HOME=str(data))
    subprocess.run(["sh", str(top / "install.sh")], check=True, env=env, capture_output=True)
    entry = data / "applications" / f"{rules.APP_ID}.desktop"
    text = entry.read_text(encoding="utf-8")
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert exec_line == ('Exec="' + str(top / "tailorfit").replace("$", "\\\\$")
                         .replace('"', '\\\\"').replace("%", "%%") + '"')
    assert (data / "icons" / "hicolor" / "256x256" / "apps" / f"{rules.APP_ID}.png").is_file()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / f"{rules.APP_ID}.svg").is_file()
    assert (data / "metainfo" / f"{rules.APP_ID}.metainfo.xml").is_file()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True,
                               text=True)
        assert check.returncode == 0 and not check.stdout.strip(), check.stdout
    subprocess.run(["sh", str(top / "install.sh"), "--uninstall"], check=True, env=env,
                   capture_output=True)
    assert not entry.exists()
    assert not list(data.rglob(f"{rules.APP_ID}*"))
