"""Try the real window on an X server as a newcomer would, and keep screenshots.

Usage: python tools/check_on_x11.py CHECKOUT OUT_DIR [--type-seconds 120] [--long FILE]
       [--corrupt FILE]

Starts Xvfb (unless DISPLAY is set), runs `make run` in CHECKOUT with a fresh TAILORFIT_HOME,
types into the resume pane with xdotool in bursts, opens a long text and a corrupt DOCX through
the Open dialog, and saves a screenshot after each step in OUT_DIR. Prints what it saw: whether
the app stayed up, and the session file's size. Needs Debian's xvfb, xdotool and imagemagick.
This is a manual check (it takes minutes); the test suite covers the same ground offscreen.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def sh(*args: str, env: dict[str, str]) -> str:
    return subprocess.run(args, capture_output=True, text=True, env=env).stdout.strip()


def shot(out: Path, name: str, env: dict[str, str]) -> Path:
    path = out / f"{name}.png"
    subprocess.run(["import", "-window", "root", str(path)], env=env, check=True)
    print(f"screenshot: {path}")
    return path


def wait_for_window(env: dict[str, str], title: str, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = sh("xdotool", "search", "--onlyvisible", "--name", title, env=env).split()
        if found:
            return found[-1]
        time.sleep(0.5)
    raise SystemExit(f"no window named {title!r} after {timeout:.0f} s")


def open_file(window: str, path: Path, env: dict[str, str], edited: bool = False) -> None:
    # Xvfb has no window manager to activate windows: a click on the header gives focus.
    subprocess.run(["xdotool", "mousemove", "--window", window, "600", "80", "click", "1"],
                   env=env)
    subprocess.run(["xdotool", "key", "ctrl+o"], env=env)
    time.sleep(1.5)
    if edited:  # the app asks before dropping typed changes: move to "Discard changes"
        shot(Path(env["X11_OUT"]), "4-asked-before-discarding", env)
        subprocess.run(["xdotool", "key", "Tab", "Return"], env=env)
        time.sleep(1)
    wait_for_window(env, "Open a resume", 20)
    time.sleep(1)
    subprocess.run(["xdotool", "type", "--delay", "20", str(path)], env=env)
    subprocess.run(["xdotool", "key", "Return"], env=env)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkout", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--type-seconds", type=float, default=120)
    parser.add_argument("--long", type=Path)
    parser.add_argument("--corrupt", type=Path)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    home = Path(tempfile.mkdtemp(prefix="tailorfit-x11-"))
    env["TAILORFIT_HOME"] = str(home)
    env["X11_OUT"] = str(args.out)
    xvfb = None
    if "DISPLAY" not in os.environ:
        env["DISPLAY"] = ":77"
        xvfb = subprocess.Popen(["Xvfb", ":77", "-screen", "0", "1440x900x24"],
                                stderr=subprocess.DEVNULL)
        time.sleep(1.5)
    log = (args.out / "make-run.log").open("w")
    app = subprocess.Popen(["make", "run"], cwd=args.checkout, env=env, stdout=log,
                           stderr=subprocess.STDOUT)
    try:
        window = wait_for_window(env, "Tailorfit", 600)
        time.sleep(3)  # the sample's analysis
        shot(args.out, "1-started", env)
        if args.corrupt:
            open_file(window, args.corrupt, env)
            time.sleep(3)
            shot(args.out, "2-corrupt", env)
            subprocess.run(["xdotool", "key", "Return"], env=env)
            time.sleep(1)
        # Click into the resume pane (the middle of the window) and type in bursts.
        geometry = sh("xdotool", "getwindowgeometry", window, env=env)
        print(geometry.replace("\n", "; "))
        subprocess.run(["xdotool", "mousemove", "--window", window, "660", "500", "click", "1"],
                       env=env)
        subprocess.run(["xdotool", "key", "ctrl+End"], env=env)
        words = ("Built Kafka pipelines in Go and GraphQL APIs on Kubernetes for the payments "
                 "team; cut p99 latency from 820 ms to 190 ms. ")
        start, typed, bursts = time.monotonic(), 0, 0
        while time.monotonic() - start < args.type_seconds:
            piece = words[typed % len(words):][:6] or words[:6]
            subprocess.run(["xdotool", "type", "--delay", "60", piece], env=env)
            typed += len(piece)
            bursts += 1
            time.sleep(0.35)  # a pause in the typing, long enough for a live analysis
            if app.poll() is not None:
                print(f"the app exited after {typed} characters (code {app.returncode})")
                return 1
        print(f"typed {typed} characters in {bursts} bursts over {args.type_seconds:.0f} s; "
              "the app is still running")
        time.sleep(3)
        shot(args.out, "3-after-typing", env)
        session = home / "data" / "session.json"
        print(f"session file while running: {session.stat().st_size if session.exists() else 0} "
              "bytes")
        if args.long:
            open_file(window, args.long, env, edited=True)
            time.sleep(0.5)
            shot(args.out, "4-long-opening", env)
            time.sleep(8)
            shot(args.out, "5-long-opened", env)
        alive = app.poll() is None
        print(f"app alive at the end: {alive}")
        subprocess.run(["xdotool", "mousemove", "--window", window, "600", "80", "click", "1"],
                       env=env)
        subprocess.run(["xdotool", "key", "ctrl+q"], env=env)
        try:
            app.wait(30)
        except subprocess.TimeoutExpired:
            print("the app did not quit on Ctrl+Q within 30 s")
        print(f"app exit code: {app.returncode}; clean-exit marker left: "
              f"{(home / 'data' / 'running.json').exists()}")
        return 0 if alive else 1
    finally:
        if app.poll() is None:
            app.kill()
        if xvfb is not None:
            xvfb.terminate()
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
