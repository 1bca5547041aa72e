"""Type into the real window for a long while, as a person does, and report what happened.

Run by tests/ui/test_soak.py in a child process (a binding that breaks the interpreter
kills the child, not the test run): python -m tests.ui.soak_typing CHARS BURST
Prints one JSON line: analyses run, whether the last analysis matches the pane's text.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile


def main(chars: int, burst: int) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["TAILORFIT_HOME"] = tempfile.mkdtemp(prefix="tailorfit-soak-")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from tailorfit.core.readers import read_pasted
    from tailorfit.ui.controller import Controller
    from tailorfit.ui.settings import load_settings
    from tailorfit.ui.window import MainWindow

    app = QApplication.instance() or QApplication([])
    settings = load_settings()
    # A short pause before each analysis, so that every burst gets its own analysis.
    controller = Controller(settings, debounce_ms=5, autosave_ms=500)
    window = MainWindow(controller, settings)
    window.resize(1280, 800)
    window.show()
    shown: list[object] = []
    window.shown_analysis.connect(shown.append)

    def wait_for_analysis(count: int) -> bool:
        """Wait on the signal (no sleeping): until the ``count``-th analysis is shown."""
        if len(shown) >= count:
            return True
        loop = QEventLoop()
        window.shown_analysis.connect(lambda _v: loop.quit() if len(shown) >= count else None)
        QTimer.singleShot(20000, loop.quit)  # a hang is a failure, reported below
        loop.exec()
        return len(shown) >= count

    controller.open_samples()
    if not wait_for_analysis(1):
        print(json.dumps({"error": "the first analysis never came"}))
        return 1
    cursor = window.resume.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    window.resume.setTextCursor(cursor)
    window.resume.setFocus()
    text = "Built Kafka pipelines in Go and GraphQL APIs on Kubernetes for the payments team. "
    typed = 0
    while typed < chars:
        piece = "".join(text[(typed + i) % len(text)] for i in range(burst))
        expected = len(shown) + 1
        QTest.keyClicks(window.resume, piece)
        typed += burst
        if not wait_for_analysis(expected):
            print(json.dumps({"error": f"no analysis after {typed} characters"}))
            return 1
    # Let any analysis still on its way arrive, then compare the last one with the pane.
    app.processEvents()
    final = controller.view
    pane = window.resume.toPlainText()
    matches = final is not None and (
        final.analysis.resume.document.text == read_pasted(pane).text)
    window.close()
    print(json.dumps({"analyses": len(shown), "typed": typed, "matches": bool(matches),
                      "alive": True}))
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]), int(sys.argv[2])))
