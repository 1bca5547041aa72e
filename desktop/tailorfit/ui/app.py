"""Starting the window, and the headless screenshot mode used by tests and the README."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
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
    private: bool = False  # a private session (``tailorfit gui --private``)


def run(options: GuiOptions) -> int:
    """Open the window (or take a screenshot of it) and run until it closes."""
    if options.screenshot is not None:
        # Headless: render offscreen, and never touch the user's settings or session.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        os.environ.setdefault("TAILORFIT_HOME", tempfile.mkdtemp(prefix="tailorfit-shot-"))

    if options.private:
        # The command line has started it already (before anything read a setting); this is
        # for callers of run() alone. Its folder is wiped when the process exits.
        from tailorfit.core import paths

        paths.activate_private()

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from tailorfit.ui.binding_check import check_running_binding
    from tailorfit.ui.controller import Controller
    from tailorfit.ui.settings import load_settings
    from tailorfit.ui.window import MainWindow

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Tailorfit")
    app.setOrganizationName("Tailorfit")
    app.setDesktopFileName("io.github.tailorfit.Tailorfit")  # the .desktop file, for the icon
    problem = check_running_binding()
    if problem is not None:
        print(f"tailorfit: {problem}", file=sys.stderr)
        if options.screenshot is None and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(None, "Tailorfit cannot start", problem)
        return 2
    settings = load_settings()
    if options.theme:
        settings.theme = options.theme
    controller = Controller(settings)
    window = MainWindow(controller, settings)
    if options.screenshot is None:
        # Logging out or a signal ends the app without closing the window: save anyway.
        app.aboutToQuit.connect(controller.shut_down)
    if options.size:
        window.resize(*options.size)
    if options.private:
        window.setWindowTitle("Tailorfit (private session: nothing is kept after closing)")

    def first_shown(_view: object) -> None:
        window.shown_analysis.disconnect(first_shown)
        _calm_the_garbage_collector()
        if options.timing:
            elapsed = (time.perf_counter() - STARTED) * 1000
            print(f"tailorfit: analysis shown {elapsed:.0f} ms after start", file=sys.stderr,
                  flush=True)
    def suggestions_shown(_view: object) -> None:
        window.shown_suggestions.disconnect(suggestions_shown)
        if options.screenshot is not None:
            # Grab once both panes are formatted and the suggestions listed: on the analysis,
            # not after a fixed wait.
            _when_styled(window, lambda: _screenshot(window, options.screenshot, app))

    window.shown_analysis.connect(first_shown)
    window.shown_suggestions.connect(suggestions_shown)
    if options.posting or options.resume:
        if not (options.posting and options.resume) and not controller.restore_session():
            controller.open_samples()
        if options.posting:
            controller.open_file("posting", options.posting)
        if options.resume:
            controller.open_file("resume", options.resume)
    elif not controller.restore_session():
        # First start (or a crash, whose work the window offers to restore): the bundled
        # fictional samples, with a short hint the first time.
        controller.open_samples()
        window.show_hint(not settings.hint_dismissed and not window.recovery.isVisible())
    window.show()
    if options.screenshot is not None:
        QTimer.singleShot(30000, lambda: _give_up(app))
    return int(app.exec())


def _calm_the_garbage_collector() -> None:
    """Keep full garbage collections short: they stop the window while they run.

    Everything alive after the first analysis (Qt's wrappers, the lexicon, the modules) lives
    as long as the app, so it is frozen out of every later collection; and collections run
    less often, since analyses make many short-lived objects that reference counting frees
    anyway. Measured on a 1 MB resume: full collections went from 60-75 ms to under 35 ms.
    """
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 20, 20)


def _when_styled(window: object, then: Callable[[], None]) -> None:
    """Call ``then`` once neither document pane is still formatting its text."""
    from tailorfit.ui.window import MainWindow

    assert isinstance(window, MainWindow)
    waiting = [pane for pane in (window.posting, window.resume) if pane.is_styling()]
    if not waiting:
        then()
        return
    for pane in waiting:
        def styled(pane: object = pane) -> None:
            if pane in waiting:
                waiting.remove(pane)
                if not waiting:
                    then()
        pane.styled.connect(styled)


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
