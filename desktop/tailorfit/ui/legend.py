"""The key to the window's marks, kept in the status bar where it is always in view."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from tailorfit.core.kinds import Status
from tailorfit.ui.highlights import STATUS_WORDS
from tailorfit.ui.theme import status_icon


class Legend(QWidget):
    """Met, partly met, missing (each with its icon and underline) and asked-for terms."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self.setAccessibleName("Legend")
        self.setAccessibleDescription(
            "Met: solid underline and a check mark. Partly met: dashed underline and a half "
            "circle. Missing: wavy underline and a cross. Dotted underline: a term the posting "
            "asks for.")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 6, 0)
        row.setSpacing(4)
        self.icons: dict[Status, QLabel] = {}
        self.labels: list[QLabel] = []
        lines = {Status.MET: "solid", Status.PARTIAL: "dashed", Status.MISSING: "wavy"}
        for status in (Status.MET, Status.PARTIAL, Status.MISSING):
            icon = QLabel(self)
            label = QLabel(STATUS_WORDS[status], self)
            label.setToolTip(f"{STATUS_WORDS[status]}: {lines[status]} underline in the "
                             "documents, this icon in the list")
            self.icons[status] = icon
            self.labels.append(label)
            row.addWidget(icon)
            row.addWidget(label)
            row.addSpacing(8)
        term = QLabel("<u>term</u> asked for by the posting", self)
        term.setToolTip("Words the posting asks for have a dotted underline in your resume.")
        self.labels.append(term)
        row.addWidget(term)
        self.set_theme("system")

    def set_theme(self, theme: str) -> None:
        for status, icon in self.icons.items():
            icon.setPixmap(status_icon(status, theme).pixmap(14, 14))
