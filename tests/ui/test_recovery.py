"""Nothing lost: the session is saved while typing, and a crash is offered, not replayed."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from tailorfit.ui.session import SessionStore
from tailorfit.ui.settings import data_dir, load_settings
from tests.ui.conftest import open_pair


def make_window(qtbot, **controller_args):  # type: ignore[no-untyped-def]
    from tailorfit.ui.controller import Controller
    from tailorfit.ui.window import MainWindow

    settings = load_settings()
    controller = Controller(settings, today=date(2026, 11, 27), **controller_args)
    window = MainWindow(controller, settings)
    qtbot.addWidget(window)
    window.resize(1100, 760)
    window.show()
    return window


def dead_pid() -> int:
    process = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                             capture_output=True, text=True, check=True)
    return int(process.stdout)


def test_the_session_is_saved_while_the_user_types(qtbot, home: Path) -> None:
    window = make_window(qtbot, autosave_ms=100)
    open_pair(qtbot, window)
    session = data_dir() / "session.json"

    def saved_text() -> str:
        try:
            return json.loads(session.read_text(encoding="utf-8"))["resume"]["text"] or ""
        except (OSError, ValueError, KeyError):
            return ""

    qtbot.keyClicks(window.resume, "Typed before the crash ")
    qtbot.waitUntil(lambda: saved_text().startswith("Typed before the crash "), timeout=15000)
    saved = json.loads(session.read_text(encoding="utf-8"))
    assert saved["resume"]["looks"], "the look of each paragraph is saved with the text"
    # Steady typing does not postpone the save: the timer is not restarted by each key,
    # so a save lands while the keys are still coming.
    from PySide6.QtCore import QTimer

    window.controller._save_timer.setInterval(300)
    typed: list[str] = []
    keys = QTimer()
    keys.setInterval(25)  # a key every 25 ms, faster than anyone types, for 40 keys

    def key() -> None:
        if len(typed) < 40:
            qtbot.keyClicks(window.resume, "x")
            typed.append("x")

    keys.timeout.connect(key)
    keys.start()
    try:
        qtbot.waitUntil(lambda: saved_text().startswith("Typed before the crash x"),
                        timeout=15000)
    finally:
        keys.stop()
    assert len(typed) < 40, "no save happened while the keys were still coming"


def crashed_session(text: str) -> SessionStore:
    """A session file and a running marker left by a process that died."""
    store = SessionStore(data_dir())
    store.folder.mkdir(parents=True, exist_ok=True)
    store.session_path.write_text(json.dumps({
        "version": 2, "saved_at": 1_790_000_000,
        "resume": {"path": None, "text": text, "looks": [], "label": "pasted text"},
    }), encoding="utf-8")
    store.marker_path.write_text(json.dumps({"pid": dead_pid()}), encoding="utf-8")
    return store


def test_after_a_crash_the_work_is_offered_not_reopened(qtbot, home: Path) -> None:
    crashed_session("Jane Crash\nSkills\nGo, Kubernetes, Terraform\n")
    window = make_window(qtbot)
    assert window.controller.restore_session() is False
    assert window.recovery.isVisible()
    assert "closed unexpectedly" in window.recovery_text.text()
    assert "the pasted resume" in window.recovery_text.text()
    assert window.resume.toPlainText() == ""
    # Autosave overwriting session.json must not lose the crashed run's work.
    window.controller.save_now(wait=True)
    with qtbot.waitSignal(window.controller.content_loaded, timeout=15000):
        window.restore_recovered()
    assert window.resume.toPlainText().startswith("Jane Crash")
    assert not window.recovery.isVisible()


def test_discarding_the_recovered_work(qtbot, home: Path) -> None:
    crashed_session("Jane Crash\n")
    window = make_window(qtbot)
    window.controller.restore_session()
    window.discard_recovered()
    assert not window.recovery.isVisible()
    assert not (data_dir() / "session-recovered.json").exists()


def test_a_clean_exit_restores_without_asking(qtbot, home: Path) -> None:
    first = make_window(qtbot)
    open_pair(qtbot, first)
    with qtbot.waitSignal(first.shown_analysis, timeout=15000):
        qtbot.keyClicks(first.resume, "Kept ")
    first.close()
    assert not SessionStore(data_dir()).marker_path.exists()
    second = make_window(qtbot)
    with qtbot.waitSignal(second.shown_analysis, timeout=15000):
        assert second.controller.restore_session()
    assert not second.recovery.isVisible()
    assert second.resume.toPlainText().startswith("Kept ")


def test_a_second_running_instance_is_no_crash(home: Path) -> None:
    store = SessionStore(data_dir())
    store.folder.mkdir(parents=True, exist_ok=True)
    with subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"],
                          stdin=subprocess.PIPE) as other:
        store.marker_path.write_text(json.dumps({"pid": other.pid}), encoding="utf-8")
        assert store.last_run_crashed() is False
        other.communicate("")
    assert store.last_run_crashed() is True
