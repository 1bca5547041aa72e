"""The set-up script installs every library Qt's X11 (xcb) platform plugin links against."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO


def _qt_dir() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt"


def _script_packages() -> set[str]:
    text = (REPO / "packaging" / "linux" / "ensure-system-deps.sh").read_text(encoding="utf-8")
    found: set[str] = set()
    for name in ("CORE", "XCB"):
        match = re.search(rf'^{name}="([^"]*)"', text, re.MULTILINE)
        assert match, f"{name} list missing from ensure-system-deps.sh"
        found.update(match.group(1).split())
    return found


@pytest.mark.skipif(shutil.which("ldd") is None or shutil.which("dpkg") is None,
                    reason="needs ldd and dpkg (Debian or Ubuntu)")
def test_every_library_of_the_xcb_plugin_comes_from_a_listed_package() -> None:
    qt = _qt_dir()
    binaries = [qt / "plugins" / "platforms" / "libqxcb.so", *qt.glob("lib/libQt6XcbQpa.so*"),
                *qt.glob("plugins/xcbglintegrations/*.so")]
    binaries = [b for b in binaries if b.is_file()]
    assert binaries, "PySide6 ships no xcb plugin"
    libraries: set[str] = set()
    missing: set[str] = set()
    for binary in binaries:
        out = subprocess.run(["ldd", str(binary)], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if "not found" in line:
                missing.add(line.split()[0])
            elif "=>" in line and "/PySide6/" not in line and line.split("=>")[1].split():
                libraries.add(line.split("=>")[1].split()[0])
    assert not missing, f"not installed: {sorted(missing)}; run make setup as root"
    packages: set[str] = set()
    for library in libraries:
        owner = subprocess.run(["dpkg", "-S", str(Path(library).resolve())],
                               capture_output=True, text=True).stdout
        if owner:
            packages.add(owner.split(":")[0])
    wanted = {p for p in packages if p.startswith(("libx", "libgl", "libegl"))}
    assert wanted <= _script_packages() | {"libglvnd0", "libglx0", "libxau6", "libxdmcp6"}, (
        sorted(wanted - _script_packages()))
