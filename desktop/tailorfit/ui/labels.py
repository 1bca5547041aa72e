"""A label that shows as much of its text as fits, with an ellipsis in the middle."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    """A one-line label for file names: long names never widen the window or hide behind
    the buttons beside them; the tooltip and the accessible name carry the whole text."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *,
                 widest: int | None = 200) -> None:
        super().__init__(parent)
        self._full = text
        self._widest = widest  # the most width it asks for (None: its whole text)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(40)
        self.set_full_text(text)

    def set_full_text(self, text: str, tip: str | None = None) -> None:
        self._full = text
        self.setAccessibleName(text)
        self.setToolTip(tip or text)
        self._fit()
        self.updateGeometry()

    def full_text(self) -> str:
        return self._full

    def sizeHint(self) -> QSize:
        width = self.fontMetrics().horizontalAdvance(self._full) + 8
        if self._widest is not None:
            width = min(width, self._widest)
        return QSize(width, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.minimumWidth(), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width = max(20, self.contentsRect().width())
        super().setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideMiddle,
                                                      width))
