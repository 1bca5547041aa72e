"""Build the one-folder app with PyInstaller, add the desktop files, and archive it.

Usage: python packaging/build_bundle.py [--dist DIR] [--work DIR] [--no-archive]

- Linux: DIST/tailorfit/ (run ./tailorfit; ./install.sh adds it to the applications menu)
  and DIST/tailorfit-VERSION-linux-ARCH.tar.gz.
- macOS: DIST/Tailorfit.app and DIST/tailorfit-VERSION-macos-ARCH.tar.gz of it.
- Windows: DIST/tailorfit/, DIST/tailorfit-VERSION-windows-ARCH.zip and, when Inno Setup 6
  is installed, the per-user installer DIST/tailorfit-VERSION-windows-setup.exe
  (packaging/windows/tailorfit.iss).

Run it with the interpreter whose environment has Tailorfit and the `package` extra
installed (`make package` does: `pip install -e '.[package]'`).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE / "pyinstaller"))

import bundle_rules as rules  # noqa: E402

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller; returns the one-folder app (the .app on macOS)."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit("build_bundle: PyInstaller is missing; install it with "
                         "pip install -e '.[package]' (make package does this).") from None
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work), str(HERE / "tailorfit.spec")]
    if subprocess.run(command, cwd=ROOT).returncode != 0:
        raise SystemExit("build_bundle: PyInstaller failed (its messages are above).")
    if sys.platform == "darwin":
        return dist / f"{rules.APP_NAME}.app"
    folder = dist / rules.EXE_NAME
    if sys.platform.startswith("linux"):
        strip_libraries(folder)
        add_linux_files(folder)
    return folder


# Libraries stripping breaks: OpenBLAS (numpy's, through lemminflect) is linked with aligned
# load segments that strip rewrites, and it then fails to load.
_NEVER_STRIP = ("openblas", "numpy", "gfortran", "quadmath")


def strip_libraries(folder: Path) -> None:
    """Strip debug symbols from the bundle's shared libraries, except those listed above."""
    tool = shutil.which("strip")
    if tool is None:
        print("build_bundle: strip not found; the bundle keeps its debug symbols")
        return
    for path in folder.rglob("*"):
        name = path.name
        if path.is_symlink() or not path.is_file() or not (name.endswith(".so") or ".so." in name):
            continue
        if any(part in str(path.relative_to(folder)).lower() for part in _NEVER_STRIP):
            continue
        subprocess.run([tool, "--strip-unneeded", str(path)], check=False,
                       capture_output=True)


def add_linux_files(folder: Path) -> None:
    """The desktop entry, AppStream metadata, hicolor icons and install.sh, beside the
    executable: share/ is laid out as under ~/.local/share, for install.sh to copy."""
    share = folder / "share"
    shutil.rmtree(share, ignore_errors=True)
    (share / "applications").mkdir(parents=True)
    (share / "metainfo").mkdir()
    linux = HERE / "linux"
    shutil.copy2(linux / f"{rules.APP_ID}.desktop", share / "applications")
    shutil.copy2(linux / f"{rules.APP_ID}.metainfo.xml", share / "metainfo")
    icons = ROOT / "resources" / "icons"
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(icons / "tailorfit.svg", scalable / f"{rules.APP_ID}.svg")
    for size in ICON_SIZES:
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True)
        shutil.copy2(icons / f"tailorfit-{size}.png", target / f"{rules.APP_ID}.png")
    shutil.copy2(linux / "install.sh", folder / "install.sh")
    (folder / "install.sh").chmod(0o755)


def archive(app: Path, dist: Path) -> Path:
    """A tar.gz (a zip on Windows) holding the app under a versioned top folder."""
    stem = f"{rules.EXE_NAME}-{rules.app_version()}-{rules.platform_tag()}"
    top = app.name if app.suffix == ".app" else stem
    if sys.platform == "win32":
        path = dist / f"{stem}.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
            for file in sorted(app.rglob("*")):
                out.write(file, Path(top) / file.relative_to(app))
        return path
    path = dist / f"{stem}.tar.gz"
    with tarfile.open(path, "w:gz", compresslevel=6) as out:
        out.add(app, arcname=top, filter=_normalise)  # symlinks stay symlinks
    return path


def _normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--no-archive", action="store_true")
    args = parser.parse_args(argv)
    started = time.monotonic()
    app = build(args.dist.resolve(), args.work.resolve())
    print(f"built {app} in {time.monotonic() - started:.0f} s")
    if not args.no_archive:
        path = archive(app, args.dist.resolve())
        print(f"archived {path} ({path.stat().st_size / 2**20:.1f} MB)")
    if sys.platform == "win32":
        windows_installer(app, args.dist.resolve())
    return 0


def windows_installer(app: Path, dist: Path) -> None:
    """Compile packaging/windows/tailorfit.iss with Inno Setup 6, when it is installed."""
    iscc = shutil.which("iscc") or next(
        (str(p) for p in (Path(r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe"),
                          Path(r"C:\Program Files\Inno Setup 6\ISCC.exe")) if p.is_file()), None)
    if iscc is None:
        print("Inno Setup 6 not found: no installer built (https://jrsoftware.org/isinfo.php)")
        return
    subprocess.run([iscc, f"/DAppVersion={rules.app_version()}", f"/DBundleDir={app}",
                    f"/O{dist}", str(HERE / "windows" / "tailorfit.iss")], check=True)


if __name__ == "__main__":
    sys.exit(main())
