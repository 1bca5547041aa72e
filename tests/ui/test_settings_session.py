"""Settings and the last session survive a restart; bad files never stop the app."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tailorfit.core.resources import sample_posting, sample_resume
from tailorfit.ui.settings import Settings, load_settings, save_settings, settings_path
from tests.ui.conftest import open_pair


def test_settings_round_trip(home: Path) -> None:
    settings = Settings(theme="dark", font_size=14, highlight_style="underline", zoom=2)
    settings.add_recent("resume", Path("/tmp/a.docx"))
    settings.add_recent("resume", Path("/tmp/b.docx"))
    settings.add_recent("resume", Path("/tmp/a.docx"))
    save_settings(settings)
    loaded = load_settings()
    assert (loaded.theme, loaded.font_size, loaded.highlight_style, loaded.zoom) == (
        "dark", 14, "underline", 2)
    assert loaded.recent_resumes == ["/tmp/a.docx", "/tmp/b.docx"]
    assert settings_path().is_relative_to(home)


def test_damaged_settings_fall_back_to_defaults(home: Path) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    assert load_settings() == Settings()
    assert path.with_suffix(".damaged.json").exists()
    path.write_text(json.dumps({"theme": "neon", "font_size": "big", "zoom": 99}),
                    encoding="utf-8")
    loaded = load_settings()
    assert (loaded.theme, loaded.font_size, loaded.zoom) == ("system", 11, 12)


def test_settings_dialog_values_persist_and_apply(qtbot, window) -> None:
    from tailorfit.ui.settings_dialog import SettingsDialog

    open_pair(qtbot, window)
    dialog = SettingsDialog(window.settings, window)
    qtbot.addWidget(dialog)
    dialog.theme.setCurrentIndex(2)  # dark
    dialog.font_size.setValue(15)
    dialog.highlight_style.setCurrentIndex(0)  # underline
    dialog.apply_to(window.settings)
    window.apply_settings()
    window.controller.save_now(wait=True)
    assert window.resume.font().pointSize() == 15
    stored = load_settings()
    assert (stored.theme, stored.font_size, stored.highlight_style) == ("dark", 15, "underline")


def test_geometry_and_last_session_are_restored(qtbot, home: Path, tmp_path: Path) -> None:
    from tailorfit.ui.controller import Controller
    from tailorfit.ui.window import MainWindow

    resume = tmp_path / "mine.docx"
    shutil.copy(sample_resume(), resume)
    settings = load_settings()
    first = MainWindow(Controller(settings, today=date(2026, 11, 27)), settings)
    qtbot.addWidget(first)
    # The offscreen screen is 800x800 and Qt clamps restored geometry to the screen.
    first.resize(760, 620)
    first.show()
    open_pair(qtbot, first, resume=resume)
    qtbot.waitUntil(lambda: not first.resume.is_styling())
    looks_before = first.resume.looks()
    with qtbot.waitSignal(first.shown_analysis, timeout=15000):
        qtbot.keyClicks(first.resume, "Working copy note ")
    closed_size = first.size()
    first.close()

    settings = load_settings()
    assert settings.recent_resumes == [str(resume)]  # the bundled samples are not "recent"
    second = MainWindow(Controller(settings, today=date(2026, 11, 27)), settings)
    qtbot.addWidget(second)
    second.show()
    with qtbot.waitSignal(second.shown_analysis, timeout=15000):
        assert second.controller.restore_session()
    assert second.size() == closed_size
    assert abs(second.height() - 620) <= 4
    assert second.resume.toPlainText().startswith("Working copy note ")
    # The restored working copy still shows its section headings in bold.
    from PySide6.QtGui import QFont, QTextCursor

    at = second.resume.toPlainText().index("\nExperience\n") + 2
    cursor = QTextCursor(second.resume.document())
    cursor.setPosition(at)
    assert cursor.charFormat().fontWeight() == QFont.Weight.Bold
    assert second.resume_label.full_text() == "Resume — mine.docx (edited)"
    assert second.posting_label.full_text() == "Posting — sample-posting.docx"
    # Bullets, the bold name and every other paragraph's look come back as they were.
    qtbot.waitUntil(lambda: not second.resume.is_styling())
    assert second.resume.looks() == looks_before
    lines = second.resume.toPlainText().split("\n")
    assert looks_before[lines.index("Maya Okafor")] == "h"  # the bold name
    assert looks_before[0] == "m"  # the page header, in italics
    assert any(look.startswith("L") for look in looks_before)  # Word bullets


def test_no_session_on_first_start(home: Path, qtbot) -> None:
    from tailorfit.ui.controller import Controller

    assert Controller(load_settings()).restore_session() is False


def _run_cli(*args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "tailorfit", *args], capture_output=True,
                          text=True, timeout=120, env=env)


@pytest.mark.slow
def test_screenshot_mode_writes_a_png_of_the_analysed_window(tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    result = _run_cli("gui", "--screenshot", str(shot), "--size", "1100x700", "--theme", "dark",
                      "--posting", str(sample_posting()), "--resume", str(sample_resume()),
                      env_extra={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1100, 700)
    assert image.pixelColor(550, 350).lightness() < 128  # dark theme


def test_gui_without_a_display_says_what_to_do(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "tailorfit", "gui"], capture_output=True,
                            text=True, timeout=60, env=env)
    if sys.platform.startswith("linux"):
        assert result.returncode == 2
        assert "--screenshot" in result.stderr


def test_gui_with_a_missing_file_exits_2(tmp_path: Path) -> None:
    result = _run_cli("gui", "--posting", str(tmp_path / "nope.txt"),
                      env_extra={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 2
    assert "nope.txt" in result.stderr
