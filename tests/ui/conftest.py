"""Window fixtures: settings and session redirected to a temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tailorfit.core.resources import sample_posting, sample_resume


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """TAILORFIT_HOME in a temporary folder: tests never touch real settings."""
    folder = tmp_path / "home"
    monkeypatch.setenv("TAILORFIT_HOME", str(folder))
    return folder


@pytest.fixture
def window(qtbot, home: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from tailorfit.ui.controller import Controller
    from tailorfit.ui.settings import load_settings
    from tailorfit.ui.window import MainWindow

    settings = load_settings()
    controller = Controller(settings, today=date(2026, 11, 27))
    main = MainWindow(controller, settings)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    yield main
    controller.tasks.wait(5000)


def open_pair(qtbot, window, posting: Path | None = None,  # type: ignore[no-untyped-def]
              resume: Path | None = None) -> object:
    """Open a posting and a resume and wait until their analysis is on screen."""
    with qtbot.waitSignal(window.shown_analysis, timeout=15000) as blocker:
        window.controller.open_file("posting", posting or sample_posting())
        window.controller.open_file("resume", resume or sample_resume())
    return blocker.args[0]
