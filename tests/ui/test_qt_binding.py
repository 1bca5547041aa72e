"""The Qt binding must not break the interpreter (PySide6 6.12.0 on Python 3.11 did)."""

from __future__ import annotations

import ctypes
import subprocess
import sys
import textwrap

import pytest

from tailorfit.ui import binding_check

VOID_CALLS = textwrap.dedent("""
    import sys
    from PySide6.QtWidgets import QApplication, QTextEdit
    app = QApplication([])
    edit = QTextEdit()
    before = sys.getrefcount(None)
    for i in range(2500):  # four void calls each: 10,000 in all
        app.processEvents()
        edit.setPlainText("line")
        edit.insertPlainText("x")
        edit.clear()
    print(before, sys.getrefcount(None))
""")


def test_ten_thousand_void_qt_calls_leave_none_alone() -> None:
    # In a child process: a broken binding aborts the interpreter, which must fail this
    # test rather than take the whole test run down.
    result = subprocess.run([sys.executable, "-c", VOID_CALLS], capture_output=True, text=True,
                            timeout=120, env={"QT_QPA_PLATFORM": "offscreen",
                                              **_env_without_display()})
    assert result.returncode == 0, result.stderr[-2000:]
    before, after = (int(x) for x in result.stdout.split())
    assert after >= before, f"None lost {before - after} references in 10,000 void Qt calls"


def _env_without_display() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}


def test_the_known_bad_release_is_named_in_one_sentence() -> None:
    message = binding_check.problem("6.12.0", (3, 11), None)
    assert message is not None
    first_sentence = message.split(". ")[0]
    assert "PySide6 6.12.0" in first_sentence and "Python 3.11" in first_sentence
    assert "PySide6-Essentials<6.12" in message
    assert binding_check.problem("6.12.0", (3, 12), None) is None  # None is immortal there
    assert binding_check.problem("6.11.3", (3, 11), None) is None


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_the_probe_catches_a_binding_that_drops_references() -> None:
    """A stand-in for a broken void call: one reference taken from None per call."""
    decref, incref = ctypes.pythonapi.Py_DecRef, ctypes.pythonapi.Py_IncRef
    decref.argtypes = incref.argtypes = [ctypes.py_object]
    calls = 0

    def broken() -> None:
        nonlocal calls
        calls += 1
        decref(None)

    try:
        assert binding_check.drops_none_references(broken)
        assert binding_check.problem("6.13.0", (3, 11), broken) is not None
    finally:
        for _ in range(calls):  # give back what the stand-in took
            incref(None)
    assert not binding_check.drops_none_references(lambda: None)


def test_the_running_binding_passes() -> None:
    assert binding_check.check_running_binding() is None


def test_the_app_refuses_a_bad_binding_at_start(qtbot, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                                tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    from tailorfit.ui import app

    monkeypatch.setenv("TAILORFIT_HOME", str(tmp_path))
    monkeypatch.setattr(binding_check, "check_running_binding",
                        lambda: binding_check.problem("6.12.0", (3, 11), None))
    assert app.run(app.GuiOptions(screenshot=tmp_path / "shot.png")) == 2
    assert "PySide6 6.12.0" in capsys.readouterr().err
    assert not (tmp_path / "shot.png").exists()
