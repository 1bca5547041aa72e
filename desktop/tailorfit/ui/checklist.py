"""The requirement checklist: must-haves and nice-to-haves, filters, and a detail area."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tailorfit.core.kinds import Status, Strength
from tailorfit.core.match.result import Verdict
from tailorfit.ui.controller import AnalysisView
from tailorfit.ui.highlights import STATUS_WORDS
from tailorfit.ui.theme import status_icon

ID_ROLE = Qt.ItemDataRole.UserRole
FILTERS = ("all", "missing", "partial", "met")


class _WrapDelegate(QStyledItemDelegate):
    """Rows show their whole requirement, wrapped to the list's width."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        self.initStyleOption(option, index)
        indent = self.tree.indentation() * (2 if index.parent().isValid() else 1)
        icon = option.decorationSize.width() + 8 if not option.icon.isNull() else 0
        width = max(80, self.tree.viewport().width() - indent - icon - 12)
        rect = option.fontMetrics.boundingRect(QRect(0, 0, width, 10_000),
                                               Qt.TextFlag.TextWordWrap, option.text)
        return QSize(width, max(rect.height() + 6, option.decorationSize.height() + 6))


class Checklist(QWidget):
    """Every requirement with its verdict; selecting one links to the documents."""

    requirement_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklist")
        self._theme = "system"
        self._view: AnalysisView | None = None
        self._filter = "all"
        self._updating = False

        self.buttons: dict[str, QToolButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        bar = QHBoxLayout()
        bar.setSpacing(4)
        for index, name in enumerate(FILTERS, start=1):
            button = QToolButton(self)
            button.setCheckable(True)
            button.setObjectName(f"filter-{name}")
            button.setToolTip(f"Show {name if name != 'all' else 'all'} requirements (Ctrl+{index})")
            button.setAccessibleName(f"Filter: {name}")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.clicked.connect(lambda _=False, n=name: self.set_filter(n))
            self._group.addButton(button)
            bar.addWidget(button)
            self.buttons[name] = button
        bar.addStretch(1)
        self.buttons["all"].setChecked(True)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("requirements")
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(12)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.header().setStretchLastSection(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.setAccessibleName("Requirements of the posting")
        self.tree.setAccessibleDescription(
            "Each requirement with its verdict: met, partly met or missing. Select one to see "
            "its evidence in the resume.")
        self.tree.setItemDelegate(_WrapDelegate(self.tree))
        self.tree.currentItemChanged.connect(self._current_changed)

        self.detail = QTextBrowser(self)
        self.detail.setObjectName("detail")
        self.detail.setAccessibleName("Requirement detail")
        self.detail.setOpenLinks(False)
        self.detail.setMinimumHeight(110)
        self.detail.setPlaceholderText("Select a requirement to see why.")

        title = QLabel("<b>Requirements</b>", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 3)
        layout.addWidget(self.detail, 1)
        self._refresh_buttons()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.tree.scheduleDelayedItemsLayout()  # rows re-wrap to the new width

    def set_theme(self, theme: str) -> None:
        self._theme = theme
        self._refresh_buttons()
        if self._view is not None:
            self.set_view(self._view)

    # -- content ------------------------------------------------------------------------------
    def set_view(self, view: AnalysisView) -> None:
        selected = self.current_id()
        self._view = view
        self._updating = True
        try:
            self.tree.clear()
            for strength, label in ((Strength.MUST, "Must have"), (Strength.NICE, "Nice to have")):
                verdicts = [v for v in view.analysis.verdicts
                            if v.requirement.strength is strength and self._shown(v)]
                total = sum(1 for v in view.analysis.verdicts if v.requirement.strength is strength)
                if not total:
                    continue
                group = QTreeWidgetItem(self.tree, [_group_title(label, view, strength,
                                                                 len(verdicts), total)])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                for verdict in verdicts:
                    self._row(group, verdict)
                group.setExpanded(True)
        finally:
            self._updating = False
        self._refresh_buttons()
        if selected:
            self.select(selected, emit=False)

    def clear_selection(self) -> None:
        """Forget the selected requirement and its explanation (a new document came in)."""
        self._updating = True
        try:
            self.tree.setCurrentIndex(QModelIndex())
            self.tree.clearSelection()
        finally:
            self._updating = False
        self.detail.clear()

    def set_text_font(self, font: QFont) -> None:
        """Zoom and font size apply to the list and its detail as to the documents."""
        self.tree.setFont(font)
        self.detail.setFont(font)
        self.tree.scheduleDelayedItemsLayout()

    def _row(self, parent: QTreeWidgetItem, verdict: Verdict) -> None:
        requirement = verdict.requirement
        word = STATUS_WORDS[verdict.status]
        item = QTreeWidgetItem(parent, [requirement.text])
        item.setIcon(0, status_icon(verdict.status, self._theme))
        item.setData(0, ID_ROLE, requirement.id)
        item.setToolTip(0, f"{word}: {verdict.explanation}")
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole,
                     f"{word}. {requirement.text}. {verdict.explanation}")

    def _shown(self, verdict: Verdict) -> bool:
        return self._filter == "all" or verdict.status.value == self._filter

    def set_filter(self, name: str) -> None:
        self._filter = name
        self.buttons[name].setChecked(True)
        if self._view is not None:
            self.set_view(self._view)

    def _refresh_buttons(self) -> None:
        counts = self._view.analysis.counts() if self._view else {s: 0 for s in Status}
        total = sum(counts.values())
        labels = {"all": f"All {total}", "missing": f"Missing {counts[Status.MISSING]}",
                  "partial": f"Partial {counts[Status.PARTIAL]}", "met": f"Met {counts[Status.MET]}"}
        for name, button in self.buttons.items():
            button.setText(labels[name])
            if name != "all":
                button.setIcon(status_icon(Status(name), self._theme))
        # The checked filter must stand out in both themes (Fusion's dark "checked" is faint).
        self.setStyleSheet(
            "QToolButton:checked { background: palette(highlight); "
            "color: palette(highlighted-text); border: 1px solid palette(highlight); "
            "border-radius: 3px; }")

    # -- selection ---------------------------------------------------------------------------
    def current_id(self) -> str | None:
        item = self.tree.currentItem()
        value = item.data(0, ID_ROLE) if item is not None else None
        return str(value) if value else None

    def items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            if group is not None:
                found.extend(c for i in range(group.childCount())
                             if (c := group.child(i)) is not None)
        return found

    def select(self, requirement_id: str, emit: bool = True) -> bool:
        for item in self.items():
            if item.data(0, ID_ROLE) == requirement_id:
                self._updating = not emit
                try:
                    self.tree.setCurrentItem(item)
                    self.tree.scrollToItem(item)
                finally:
                    self._updating = False
                self._show_detail(requirement_id)
                return True
        return False

    def step(self, forward: bool, status: Status | None = Status.MISSING) -> str | None:
        """Select the next (or previous) requirement, of ``status`` when given; wraps around."""
        if self._view is None:
            return None
        verdicts = [v for v in self._view.analysis.verdicts
                    if (status is None or v.status is status) and self._shown(v)]
        if not verdicts:
            return None
        ids = [v.requirement.id for v in verdicts]
        order = [v.requirement.id for v in self._view.analysis.verdicts]
        current = self.current_id()
        position = order.index(current) if current in order else -1
        if forward:
            later = [i for i in ids if order.index(i) > position]
            target = later[0] if later else ids[0]
        else:
            earlier = [i for i in ids if order.index(i) < position] if position >= 0 else []
            target = earlier[-1] if earlier else ids[-1]
        self.select(target)
        self.requirement_selected.emit(target)
        return target

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        value = current.data(0, ID_ROLE)
        if not value:
            return
        self._show_detail(str(value))
        if not self._updating:
            self.requirement_selected.emit(str(value))

    def _show_detail(self, requirement_id: str) -> None:
        if self._view is None:
            return
        verdict = self._view.verdict(requirement_id)
        if verdict is None:
            return
        requirement = verdict.requirement
        parts = [f"<p><b>{STATUS_WORDS[verdict.status]}</b> &middot; "
                 f"{'must have' if requirement.strength is Strength.MUST else 'nice to have'} "
                 f"&middot; {requirement.kind.value}</p>",
                 f"<p>{html.escape(requirement.text)}</p>",
                 f"<p><i>{html.escape(verdict.explanation)}</i></p>"]
        if verdict.rule:
            parts.append(f"<p><small>Rule: {html.escape(verdict.rule)}</small></p>")
        if verdict.evidence:
            items = "".join(f"<li>{html.escape(e.text[:160])} <small>({html.escape(e.where)})"
                            "</small></li>" for e in verdict.evidence)
            parts.append(f"<p>Evidence in the resume:</p><ul>{items}</ul>")
        if verdict.related:
            items = "".join(f"<li>{html.escape(e.text[:160])} <small>({html.escape(e.where)})"
                            "</small></li>" for e in verdict.related)
            parts.append(f"<p>Related, not counted:</p><ul>{items}</ul>")
        self.detail.setHtml("".join(parts))


def _group_title(label: str, view: AnalysisView, strength: Strength, shown: int,
                 total: int) -> str:
    """"Must have · 9: 6 met, 2 partly met, 1 missing" (and how many a filter shows)."""
    verdicts = [v for v in view.analysis.verdicts if v.requirement.strength is strength]
    counts = {status: sum(1 for v in verdicts if v.status is status) for status in Status}
    parts = ", ".join(f"{counts[s]} {STATUS_WORDS[s].lower()}" for s in
                      (Status.MET, Status.PARTIAL, Status.MISSING) if counts[s])
    title = f"{label} · {total}: {parts}"
    return title if shown == total else f"{title} ({shown} shown)"
