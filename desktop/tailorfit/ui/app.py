"""Starting the window, and the headless screenshot mode used by tests and the README."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

STARTED = time.perf_counter()


@dataclass
class GuiOptions:
    posting: Path | None = None
    resume: Path | None = None
    screenshot: Path | None = None
    size: tuple[int, int] | None = None
    theme: str | None = None
    timing: bool = False


def run(options: GuiOptions) -> int:
    """Open the window (or take a screenshot of it) and run until it closes."""
    if options.screenshot is not None:
        # Headless: render offscreen, and never touch the user's settings or session.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        os.environ.setdefault("TAILORFIT_HOME", tempfile.mkdtemp(prefix="tailorfit-shot-"))

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from tailorfit.ui.controller import Controller
    from tailorfit.ui.settings import load_settings
    from tailorfit.ui.window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Tailorfit")
    app.setOrganizationName("Tailorfit")
    app.setDesktopFileName("tailorfit")
    settings = load_settings()
    if options.theme:
        settings.theme = options.theme
    controller = Controller(settings)
    window = MainWindow(controller, settings)
    if options.size:
        window.resize(*options.size)

    def first_shown(_view: object) -> None:
        window.shown_analysis.disconnect(first_shown)
        if options.timing:
            elapsed = (time.perf_counter() - STARTED) * 1000
            print(f"tailorfit: analysis shown {elapsed:.0f} ms after start", file=sys.stderr,
                  flush=True)
        if options.screenshot is not None:
            QTimer.singleShot(150, lambda: _screenshot(window, options.screenshot, app))

    window.shown_analysis.connect(first_shown)
    if options.posting or options.resume:
        if not (options.posting and options.resume) and not controller.restore_session():
            controller.open_samples()
        if options.posting:
            controller.open_file("posting", options.posting)
        if options.resume:
            controller.open_file("resume", options.resume)
    elif not controller.restore_session():
        # First start: the bundled fictional samples, with a short hint.
        controller.open_samples()
        window.show_hint(not settings.hint_dismissed)
    window.show()
    if options.screenshot is not None:
        QTimer.singleShot(30000, lambda: _give_up(app))
    return int(app.exec())


def _screenshot(window: object, path: Path | None, app: object) -> None:
    from PySide6.QtWidgets import QApplication, QWidget

    assert isinstance(window, QWidget) and path is not None and isinstance(app, QApplication)
    app.processEvents()
    image = window.grab()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path), "PNG"):
        print(f"tailorfit: could not write the screenshot to {path}; check the folder is "
              "writable.", file=sys.stderr)
        app.exit(2)
        return
    app.exit(0)


def _give_up(app: object) -> None:
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    print("tailorfit: the analysis did not finish within 30 s; no screenshot was taken.",
          file=sys.stderr)
    app.exit(1)
