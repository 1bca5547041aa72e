"""Answering the modal message boxes a dialog opens, from a test (no sleeps: Qt timers)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


def answer_boxes(*buttons: str) -> list[tuple[str, str]]:
    """Click ``buttons[i]`` in the i-th modal message box that opens; returns each box's
    (title, text and informative text) as it is answered."""
    seen: list[tuple[str, str]] = []
    answered: list[QMessageBox] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or (answered and box is answered[-1]):
            QTimer.singleShot(10, click)  # not open yet: look again when Qt is idle
            return
        answered.append(box)
        seen.append((box.windowTitle(), f"{box.text()}\n{box.informativeText()}"))
        wanted = buttons[len(answered) - 1]
        button = next((b for b in box.buttons() if b.text().replace("&", "") == wanted), None)
        assert button is not None, f"no {wanted!r} in {[b.text() for b in box.buttons()]}"
        button.click()
        if len(answered) < len(buttons):
            QTimer.singleShot(0, click)

    QTimer.singleShot(0, click)
    return seen
