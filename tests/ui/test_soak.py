"""A soak test of the real window: about 250 analyses while typing 1,000 characters."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import REPO


@pytest.mark.slow
def test_typing_a_thousand_characters_in_bursts_keeps_the_app_alive() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run([sys.executable, "-m", "tests.ui.soak_typing", "1000", "4"],
                            cwd=REPO, capture_output=True, text=True, timeout=600, env=env)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["alive"] and report["typed"] == 1000
    assert report["analyses"] >= 250  # one per burst, and the first on opening
    assert report["matches"], "the last analysis is not of the text in the pane"
