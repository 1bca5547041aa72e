"""What goes into the frozen app, and what stays out; imported by tailorfit.spec and the tests.

Pure Python, no PyInstaller import: the tests check these rules without building anything.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import PurePosixPath

from packaging.requirements import Requirement

APP_ID = "io.github.tailorfit.Tailorfit"  # reverse-DNS id: desktop file, AppStream, macOS
APP_NAME = "Tailorfit"
EXE_NAME = "tailorfit"
DIST_NAME = "tailorfit"

# Never needed at run time; several of them are installed beside the app in a developer's
# venv and would be pulled in by optional imports. The app is offline: no ssl, no QtNetwork.
EXCLUDED_MODULES = [
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "lib2to3", "pydoc_data",
    "ensurepip", "venv", "distutils", "setuptools", "pkg_resources", "pip",
    "pytest", "_pytest", "pytestqt", "hypothesis", "pypdf", "mypy", "mypyc", "ruff",
    "importlinter", "grimp", "hatchling", "build", "PyInstaller",
    "ssl", "_ssl", "_hashlib", "readline",
    "PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2", "PySide6.QtQuickTest", "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets", "PySide6.QtWebEngineQuick", "PySide6.QtWebChannel",
    "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtPrintSupport", "PySide6.QtSql",
    "PySide6.QtTest", "PySide6.QtDesigner", "PySide6.QtHelp", "PySide6.QtUiTools",
    "PySide6.QtConcurrent", "PySide6.QtSvg", "PySide6.QtSvgWidgets", "PySide6.QtXml",
]
# Big optional imports of our dependencies (rapidfuzz's process_cpp, pypdfium2's to_numpy):
# left out unless a runtime dependency really requires them.
OPTIONAL_HEAVY = ["numpy"]
# Dependencies used only at build time (distribution: import name). The bundle ships the
# prebuilt lexicon index (resources/lexicon/index.bin) and the spec refuses to build while it
# is stale. lemminflect used to be listed here; the suggestions engine now inflects verbs with
# it at run time, so it ships, and numpy (about 40 MB, which lemminflect imports) with it.
BUILD_TIME_ONLY: dict[str, str] = {}

# Qt plugin folders the app never loads (it draws widgets; no QML, SQL, network, printing,
# embedded-device input or designer).
_DROP_PLUGIN_DIRS = {
    "designer", "qmltooling", "qmllint", "sqldrivers", "tls", "networkinformation",
    "vectorimageformats", "egldeviceintegrations", "generic", "printsupport",
    "wayland-graphics-integration-server", "scenegraph", "position", "multimedia",
    "canbus", "sensors", "texttospeech", "webview", "renderers", "assetimporters",
    "qmlls", "help",
}
# Single plugins: embedded platforms (KMS/EGL full-screen, framebuffer, VNC, Vulkan display),
# the QML virtual keyboard, Windows' Direct2D platform, image formats no document needs, and
# the GTK 3 theme, which would load the build machine's Pango and Cairo next to the user's
# GTK (the XDG portal theme gives native file dialogs instead).
# The SVG image and icon plugins stay: desktop icon themes are SVG.
_DROP_PLUGIN = re.compile(
    r"(qeglfs|qlinuxfb|qvnc|qvkkhrdisplay|qminimalegl|qtvirtualkeyboardplugin|qdirect2d|qgtk3"
    r"|qtga|qwbmp|qtiff|qpdf|qwebp)")
# Qt libraries that only the dropped plugins or modules use.
_DROP_QT_LIB = re.compile(
    r"(Qt6?(Network|Qml|QmlModels|QmlMeta|QmlWorkerScript|Quick|QuickWidgets|Pdf|OpenGLWidgets"
    r"|EglFSDeviceIntegration|EglFsKmsSupport|EglFsKmsGbmSupport|VirtualKeyboard|Sql|Test"
    r"|Designer|UiTools|Help|PrintSupport|SvgWidgets|WaylandCompositor|Concurrent|Xml)\b)")


def app_version() -> str:
    """The version from the installed package's metadata (what pip and the wheel say)."""
    return metadata.version(DIST_NAME)


def runtime_distributions(root: str = DIST_NAME) -> set[str]:
    """Normalised names of the distributions the frozen app needs, transitively (extras and
    BUILD_TIME_ONLY left out; environment markers evaluated for this interpreter)."""
    seen: set[str] = set()
    pending = [root]
    skip = {_normal(name) for name in BUILD_TIME_ONLY}
    while pending:
        name = _normal(pending.pop())
        if name in seen or name in skip:
            continue
        seen.add(name)
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        for line in requires:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                pending.append(requirement.name)
    seen.discard(_normal(root))
    return seen


def excluded_modules() -> list[str]:
    needed = runtime_distributions()
    return EXCLUDED_MODULES + list(BUILD_TIME_ONLY.values()) + [
        name for name in OPTIONAL_HEAVY if _normal(name) not in needed]


def data_packages() -> list[str]:
    """Import names of runtime dependencies whose package data the bundle must carry
    (dictionaries, models, templates); Qt's own files are collected by PyInstaller's hooks."""
    top_levels = metadata.packages_distributions()
    wanted = runtime_distributions() - {"pyside6-essentials", "shiboken6"}
    return sorted(package for package, dists in top_levels.items()
                  if any(_normal(d) in wanted for d in dists)
                  and package.isidentifier() and not package.startswith("_"))


DATA_EXCLUDES = ["**/*.pyi", "**/py.typed", "**/*.h", "**/*.c", "**/*.cpp", "**/*.pyx",
                 "**/*.pxd", "**/*.pxi", "**/*.so", "**/*.so.*", "**/*.pyd", "**/*.dll",
                 "**/*.dylib", "**/*.lib", "**/*.a", "**/__pycache__/**", "**/tests/**"]


def keep_qt_file(destination: str) -> bool:
    """Whether a file PyInstaller collected for PySide6 belongs in the bundle.

    ``destination`` is the path inside the bundle, such as
    ``PySide6/Qt/plugins/platforms/libqeglfs.so``.
    """
    parts = PurePosixPath(destination.replace("\\", "/")).parts
    if not parts or parts[0] != "PySide6":
        return True
    if "translations" in parts:
        return False  # English-only app; it installs no Qt translator
    if "plugins" in parts:
        index = parts.index("plugins")
        if len(parts) > index + 1 and parts[index + 1] in _DROP_PLUGIN_DIRS:
            return False
        return not _DROP_PLUGIN.search(parts[-1])
    return not _DROP_QT_LIB.search(parts[-1])


def keep_file(destination: str) -> bool:
    """Whether any collected file belongs in the bundle: the Qt rules above, also for the
    links to Qt libraries that PyInstaller puts beside the executable."""
    if PurePosixPath(destination.replace("\\", "/")).name.startswith("libQt6"):
        return not _DROP_QT_LIB.search(destination)
    return keep_qt_file(destination)


Entry = tuple[str, str, str]  # PyInstaller TOC entry: (destination, source, type code)


def prune_unreferenced(binaries: list[Entry], imports_of: Callable[[str], Iterable[str]]
                       ) -> list[Entry]:
    """Drop the shared libraries that no kept binary needs any more (Linux).

    PyInstaller resolves each plugin's libraries before our rules drop plugins, so their
    libraries (GTK and Pango for the GTK theme, Kerberos for QtNetwork, ...) would remain.
    Roots are every Python extension, Qt plugin and library outside the two shared-library
    folders (the top level and PySide6/Qt/lib); ``imports_of(source)`` gives a binary's
    needed libraries, transitively (as ``ldd`` does).
    """
    def prunable(entry: Entry) -> bool:
        parent = str(PurePosixPath(entry[0]).parent)
        return entry[2] == "BINARY" and parent in {".", "PySide6/Qt/lib"} and not (
            PurePosixPath(entry[0]).name.startswith("libpython"))

    needed: set[str] = set()
    for entry in binaries:
        if entry[2] != "SYMLINK" and not prunable(entry):
            needed.update(PurePosixPath(name).name for name in imports_of(entry[1]))
    kept = [entry for entry in binaries if not prunable(entry)
            or PurePosixPath(entry[0]).name in needed]
    present = {PurePosixPath(entry[0]).as_posix() for entry in kept if entry[2] != "SYMLINK"}
    return [entry for entry in kept if entry[2] != "SYMLINK" or _link_target(entry) in present]


def _link_target(entry: Entry) -> str:
    """Bundle path a SYMLINK entry points at (its source is relative to its own folder)."""
    folder = PurePosixPath(entry[0]).parent
    parts: list[str] = [] if str(folder) == "." else list(folder.parts)
    for part in PurePosixPath(entry[1]).parts:
        if part == "..":
            parts.pop()
        elif part != ".":
            parts.append(part)
    return PurePosixPath(*parts).as_posix() if parts else ""


def platform_tag() -> str:
    machine = {"amd64": "x86_64", "x86_64": "x86_64", "arm64": "arm64",
               "aarch64": "aarch64"}.get(_machine().lower(), _machine().lower())
    system = {"linux": "linux", "win32": "windows", "darwin": "macos"}.get(sys.platform,
                                                                           sys.platform)
    return f"{system}-{machine}"


def _machine() -> str:
    import platform

    return platform.machine() or "unknown"


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()
