""""Forget me on this computer" in the window: list what goes, confirm, delete, say what went.

The deleting is :func:`tailorfit.core.privacy.forget_me`; this module only asks and tells.
The caller must stop everything that would write the data back (autosave, an open library)
first: pass that as ``before_delete``, which runs after the user confirmed and before
anything is deleted.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from tailorfit.core import privacy

CONFIRM_TITLE = "Forget me on this computer?"
DONE_TITLE = "Your Tailorfit data was deleted"


def confirm_and_forget(parent: QWidget | None, *,
                       before_delete: Callable[[], None] | None = None) -> str | None:
    """Ask, then delete the user's Tailorfit data; returns the sentence shown afterwards.

    Returns None when nothing was deleted: the user declined, or the deleting was refused
    (another Tailorfit window is open; the folder is not Tailorfit's alone) — the message
    box has said why. Files the user exported are never touched.
    """
    try:
        items = privacy.planned()
    except privacy.ForgetError as exc:
        _tell(parent, QMessageBox.Icon.Warning, "Nothing was deleted", exc.message)
        return None
    if not items:
        nothing = privacy.describe([])
        _tell(parent, QMessageBox.Icon.Information, "Nothing to forget", nothing)
        return nothing
    listed = "\n".join(f"•  {item.what[:1].upper()}{item.what[1:]}" for item in items)
    if not _confirm(parent, listed):
        return None
    if before_delete is not None:
        before_delete()
    try:
        removed = privacy.forget_me()
    except privacy.ForgetError as exc:
        partly = privacy.describe(exc.removed) if exc.removed else None
        text = exc.message if partly is None else f"{partly}\n\n{exc.message}"
        _tell(parent, QMessageBox.Icon.Warning,
              "Nothing was deleted" if partly is None else "Not everything was deleted", text)
        return partly
    sentence = privacy.describe(removed)
    _tell(parent, QMessageBox.Icon.Information, DONE_TITLE,
          f"{sentence}\n\nFiles you exported were not touched.")
    return sentence


def _confirm(parent: QWidget | None, listed: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, CONFIRM_TITLE,
                      "This deletes from this computer:", QMessageBox.StandardButton.Cancel,
                      parent)
    box.setObjectName("forget-confirm")
    box.setInformativeText(f"{listed}\n\nFiles you exported are not touched. This cannot be "
                           "undone.")
    box.setTextFormat(Qt.TextFormat.PlainText)
    delete = box.addButton("Delete my data", QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # the default keeps the data
    box.exec()
    return box.clickedButton() is delete


def _tell(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("forget-result")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
