"""Whole-process wall times of two commands on the bundled sample (issue 8 targets).

Usage: python benchmarks/bench_startup.py [--runs N]
- `tailorfit analyze sample-posting.docx sample-resume.docx` (target: at most 0.35 s);
- `tailorfit gui --screenshot FILE` offscreen, from launch until the process has written the
  picture (both documents, the checklist and the suggestions on screen) and exited (target:
  at most 1.0 s).

Each command runs once first, unmeasured, so Python's bytecode caches exist as they do in an
installed wheel or a frozen app (a checkout's first run compiles the sources). The caches go
to a temporary folder, so the run works even where PYTHONDONTWRITEBYTECODE is set.
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
SAMPLES = ROOT / "resources" / "samples"


def _time(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def _report(name: str, times: list[float], target: float) -> None:
    print(f"{name}: p50 {statistics.median(times):.2f} s, range {min(times):.2f}-"
          f"{max(times):.2f} s over {len(times)} runs; target {target:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        env = {key: value for key, value in os.environ.items()
               if key != "PYTHONDONTWRITEBYTECODE"}
        env.update(QT_QPA_PLATFORM="offscreen", TAILORFIT_HOME=str(Path(folder) / "home"),
                   PYTHONPYCACHEPREFIX=str(Path(folder) / "pycache"))
        analyze = [sys.executable, "-m", "tailorfit", "analyze",
                   str(SAMPLES / "sample-posting.docx"), str(SAMPLES / "sample-resume.docx")]
        shot = [sys.executable, "-m", "tailorfit", "gui", "--screenshot",
                str(Path(folder) / "shot.png")]
        for command in (analyze, shot):
            _time(command, env)  # writes the bytecode caches
        _report("tailorfit analyze (sample)", [_time(analyze, env) for _ in range(runs)], 0.35)
        _report("tailorfit gui --screenshot (whole process)",
                [_time(shot, env) for _ in range(runs)], 1.0)


if __name__ == "__main__":
    main()
