"""The settings dialog: theme, font size, highlight style."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from tailorfit.ui.settings import HIGHLIGHT_STYLES, THEMES, Settings

_THEME_NAMES = {"system": "Follow the system", "light": "Light", "dark": "Dark"}
_STYLE_NAMES = {"underline": "Underline only", "background": "Background tint only",
                "both": "Underline and tint"}


class SettingsDialog(QDialog):
    """Edits a copy of the settings; the caller applies them when accepted."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Tailorfit settings")
        self.setObjectName("settings-dialog")
        self.theme = QComboBox(self)
        self.theme.setAccessibleName("Theme")
        for key in THEMES:
            self.theme.addItem(_THEME_NAMES[key], key)
        self.theme.setCurrentIndex(THEMES.index(settings.theme))
        self.font_size = QSpinBox(self)
        self.font_size.setAccessibleName("Text size in points")
        self.font_size.setRange(7, 32)
        self.font_size.setValue(settings.font_size)
        self.font_size.setSuffix(" pt")
        self.highlight_style = QComboBox(self)
        self.highlight_style.setAccessibleName("Highlight style")
        for key in HIGHLIGHT_STYLES:
            self.highlight_style.addItem(_STYLE_NAMES[key], key)
        self.highlight_style.setCurrentIndex(HIGHLIGHT_STYLES.index(settings.highlight_style))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, parent=self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("&Theme:", self.theme)
        form.addRow("Text &size:", self.font_size)
        form.addRow("&Highlights:", self.highlight_style)
        form.addRow(buttons)

    def apply_to(self, settings: Settings) -> None:
        settings.theme = str(self.theme.currentData())
        settings.font_size = self.font_size.value()
        settings.highlight_style = str(self.highlight_style.currentData())
