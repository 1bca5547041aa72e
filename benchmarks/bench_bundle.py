"""The frozen app's figures: size on disk, and start-up time against the venv.

Usage: python benchmarks/bench_bundle.py [--bundle DIR] [--runs N] [--build]

- size: `du -sh` of the unpacked one-folder app (target: at most 200 MB), and its archive;
- start-up: `tailorfit gui --screenshot ... --timing` started as a fresh process, alternately
  from the bundle and from the venv (`python -m tailorfit`), N runs each after one warm-up
  run each; the median time from launch until the sample's analysis is on screen (target:
  the bundle within 10% of the venv), and the app's own figure from inside the process.

DIR defaults to dist/tailorfit (`make package`), built there first when missing or with --build.
The venv run imports this checkout's code (PYTHONPATH=desktop), as the bundle was built from it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def size(bundle: Path) -> None:
    du = subprocess.run(["du", "-sh", str(bundle)], capture_output=True, text=True).stdout.split()
    apparent = sum(p.lstat().st_size for p in bundle.rglob("*") if p.is_file() or p.is_symlink())
    files = sum(1 for p in bundle.rglob("*") if p.is_file())
    print(f"Bundle size: du -sh {du[0] if du else '?'} ({apparent / 2**20:.0f} MiB in {files} "
          f"files); target 200 MB")
    for archive in sorted(bundle.parent.glob("tailorfit-*.tar.gz")):
        print(f"Archive {archive.name}: {archive.stat().st_size / 2**20:.1f} MiB")


def one_start(command: list[str]) -> tuple[float, float]:
    """(ms from launch, ms the app reports) until the analysis is shown."""
    with tempfile.TemporaryDirectory() as folder:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TAILORFIT_", "PYTHON"))}
        env.update(QT_QPA_PLATFORM="offscreen", TAILORFIT_HOME=folder)
        if command[0] == sys.executable:
            env["PYTHONPATH"] = str(ROOT / "desktop")
        start = time.perf_counter()
        process = subprocess.Popen(
            [*command, "gui", "--timing", "--screenshot", str(Path(folder) / "shot.png")],
            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
        assert process.stderr is not None
        outside = inside = float("nan")
        for line in process.stderr:
            if "analysis shown" in line:
                outside = (time.perf_counter() - start) * 1000
                inside = float(line.split("shown")[1].split("ms")[0])
                break
        process.stderr.read()
        if process.wait(120) != 0 or outside != outside:
            raise SystemExit(f"bench_bundle: {command[0]} did not show the analysis")
        return outside, inside


def startup(bundle: Path, runs: int) -> None:
    commands = {"bundle": [str(bundle / "tailorfit")],
                "venv": [sys.executable, "-m", "tailorfit"]}
    for command in commands.values():
        one_start(command)  # warm the file cache for both
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():  # alternate, so drift hits both alike
            results[name].append(one_start(command))
    medians = {}
    for name, values in results.items():
        outside = statistics.median(v[0] for v in values)
        inside = statistics.median(v[1] for v in values)
        medians[name] = outside
        spread = f"{min(v[0] for v in values):.0f}-{max(v[0] for v in values):.0f}"
        print(f"Start-up, {name}: p50 {outside:.0f} ms from launch (range {spread}, {runs} runs; "
              f"{inside:.0f} ms inside the process)")
    ratio = medians["bundle"] / medians["venv"]
    print(f"Bundle / venv start-up: {ratio:.2f} ({(ratio - 1) * 100:+.0f}%); target within 10%")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "tailorfit")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--build", action="store_true", help="rebuild the bundle first")
    args = parser.parse_args()
    if args.build or not (args.bundle / "tailorfit").is_file():
        subprocess.run([sys.executable, str(ROOT / "packaging" / "build_bundle.py"), "--dist",
                        str(args.bundle.parent)], check=True)
    if not (args.bundle / "tailorfit").is_file():
        raise SystemExit(f"bench_bundle: no bundle at {args.bundle}; run `make package` or "
                         "pass --build")
    size(args.bundle)
    startup(args.bundle, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
