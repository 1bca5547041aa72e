"""The header: score, must-haves missing, and the resume's years and degree against the ask."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from tailorfit.core.kinds import DegreeLevel, RequirementKind
from tailorfit.ui.controller import AnalysisView
from tailorfit.ui.labels import ElidedLabel
from tailorfit.ui.theme import colours

_LEVEL = {DegreeLevel.NONE: "no degree", DegreeLevel.HIGH_SCHOOL: "a diploma",
          DegreeLevel.ASSOCIATE: "an associate degree", DegreeLevel.BACHELOR: "a bachelor's",
          DegreeLevel.MASTER: "a master's", DegreeLevel.DOCTORATE: "a doctorate"}


class ScoreHeader(QFrame):
    """Score, must-haves missing, experience and degree at a glance."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._theme = "system"
        self.score = QLabel("–", self)
        self.score.setObjectName("score")
        self.score.setAccessibleName("Match score")
        font = self.score.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.score.setFont(font)
        self.score.setMinimumWidth(70)
        self.score.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 100)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(6)
        self.bar.setAccessibleName("Match score bar")
        self.title = QLabel("Open a posting and a resume", self)
        self.title.setObjectName("posting-title")
        title_font = self.title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        title_font.setBold(True)
        self.title.setFont(title_font)
        # The facts shorten with an ellipsis in a narrow window (the tooltip has them whole)
        # instead of widening it past the screen.
        self.must = QLabel("", self)  # short and the most important: never shortened
        self.must.setObjectName("must-missing")
        self.must.setAccessibleName("Must-haves missing")
        self.years = ElidedLabel("", self, widest=None)
        self.years.setObjectName("years")
        self.degree = ElidedLabel("", self, widest=None)
        self.degree.setObjectName("degree")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setMinimumWidth(60)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bold = self.must.font()
        bold.setBold(True)
        self.must.setFont(bold)

        left = QVBoxLayout()
        left.setSpacing(2)
        left.addWidget(self.score)
        left.addWidget(self.bar)
        facts = QHBoxLayout()
        facts.setSpacing(18)
        facts.addWidget(self.must)
        facts.addWidget(self.years)
        facts.addWidget(self.degree)
        facts.addStretch(1)
        right = QVBoxLayout()
        right.setSpacing(2)
        right.addWidget(self.title)
        right.addLayout(facts)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addLayout(left)
        layout.addSpacing(10)
        layout.addLayout(right, 1)

    def set_theme(self, theme: str) -> None:
        self._theme = theme

    def set_view(self, view: AnalysisView) -> None:
        analysis = view.analysis
        posting, resume = analysis.posting, analysis.resume
        self.score.setText(str(analysis.score))
        self.score.setToolTip("0 to 100: requirements met, partial counts half; must-haves "
                              "weigh three times nice-to-haves")
        self.bar.setValue(analysis.score)
        title = posting.title or "Posting"
        self.title.setText(f"{title} — {posting.company}" if posting.company else title)
        palette = colours(self._theme)
        colour = palette.missing if analysis.must_missing else palette.met
        self.must.setStyleSheet(f"color: {colour.name()}")
        self.must.setText(f"Must-haves missing: {analysis.must_missing}")
        self.years.set_full_text(years_line(view))
        asked = [r.degree for r in posting.requirements
                 if r.degree is not None and r.kind is RequirementKind.DEGREE]
        degree = f"Degree: {_LEVEL[resume.highest_degree]}"
        if asked:
            degree += f" (asked {_LEVEL[min(d.level for d in asked)]})"
        self.degree.set_full_text(degree)


def years_line(view: AnalysisView) -> str:
    """The resume's years against the posting's main years ask, as its verdict counts them.

    "Experience: 5.2 years in backend services (asked 6+) · 9.1 in all" rather than a total
    that disagrees with the checklist's years item.
    """
    resume = view.analysis.resume
    if resume.total_months == 0:
        total = (f"{resume.claimed_years} years claimed, no dated roles" if resume.claimed_years
                 else "no dated roles")
    else:
        total = f"{resume.total_years:g} years"
    asks = [v for v in view.analysis.verdicts
            if v.requirement.years is not None and v.years_shown is not None]
    if not asks:
        return f"Experience: {total}"
    main = max(asks, key=lambda v: v.requirement.years.minimum)  # type: ignore[union-attr]
    detail = main.requirement.years
    assert detail is not None and main.years_shown is not None
    scope = detail.domain or detail.field
    shown = f"{main.years_shown:.1f}".rstrip("0").rstrip(".")
    if not scope or resume.total_months == 0:
        return f"Experience: {total} (asked {detail.minimum:g}+)"
    line = f"Experience: {shown} years in {scope} (asked {detail.minimum:g}+)"
    if abs(main.years_shown - resume.total_years) >= 0.1:
        line += f" · {resume.total_years:g} in all"
    return line
