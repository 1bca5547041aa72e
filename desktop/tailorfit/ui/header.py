"""The header: score, must-haves missing, and the resume's years and degree against the ask."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from tailorfit.core.parse.details import DegreeLevel
from tailorfit.core.parse.posting import RequirementKind
from tailorfit.ui.controller import AnalysisView
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
        self.must = QLabel("", self)
        self.must.setObjectName("must-missing")
        self.must.setAccessibleName("Must-haves missing")
        self.years = QLabel("", self)
        self.years.setObjectName("years")
        self.years.setAccessibleName("Experience against the posting")
        self.degree = QLabel("", self)
        self.degree.setObjectName("degree")
        self.degree.setAccessibleName("Degree against the posting")
        for label in (self.title, self.must, self.years, self.degree):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

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
        self.must.setText(f"<span style='color:{colour.name()}'><b>Must-haves missing: "
                          f"{analysis.must_missing}</b></span>")
        asked_years = max((r.years.minimum for r in posting.requirements if r.years), default=None)
        if resume.total_months == 0 and resume.claimed_years:
            years = f"Experience: {resume.claimed_years} years claimed, no dated roles"
        elif resume.total_months == 0:
            years = "Experience: no dated roles"
        else:
            years = f"Experience: {resume.total_years:g} years"
        if asked_years:
            years += f" (asked {asked_years:g}+)"
        self.years.setText(years)
        asked = [r.degree for r in posting.requirements
                 if r.degree is not None and r.kind is RequirementKind.DEGREE]
        degree = f"Degree: {_LEVEL[resume.highest_degree]}"
        if asked:
            degree += f" (asked {_LEVEL[min(d.level for d in asked)]})"
        self.degree.setText(degree)
