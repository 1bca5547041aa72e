"""What a resume shows, indexed for judging requirements: terms, where they sit, roles."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from functools import cached_property

from tailorfit.core.lexicon import Lexicon, fold_word
from tailorfit.core.lexicon.terms import TermHit, find_terms
from tailorfit.core.match.result import Evidence
from tailorfit.core.parse.resume import Resume, ResumeSection, Role

_ENGLISH = frozenset("the and of to in for with a an on as by at from our my i was were is "
                     "are that this".split())
EVIDENCE_KEPT = 6  # pieces of evidence a verdict keeps
_SCAN_LIMIT = 400  # hits looked at to find those in use

# Sections where a skill is shown in use rather than only listed.
USE_SECTIONS = frozenset({ResumeSection.EXPERIENCE, ResumeSection.PROJECTS,
                          ResumeSection.VOLUNTEER, ResumeSection.PUBLICATIONS})
_SECTION_LABEL = {
    ResumeSection.CONTACT: "Header", ResumeSection.SUMMARY: "Summary",
    ResumeSection.EXPERIENCE: "Experience", ResumeSection.EDUCATION: "Education",
    ResumeSection.SKILLS: "Skills", ResumeSection.CERTIFICATIONS: "Certifications",
    ResumeSection.PROJECTS: "Projects", ResumeSection.AWARDS: "Awards",
    ResumeSection.PUBLICATIONS: "Publications", ResumeSection.VOLUNTEER: "Volunteering",
    ResumeSection.LANGUAGES: "Languages", ResumeSection.INTERESTS: "Interests",
    ResumeSection.REFERENCES: "References", ResumeSection.OTHER: "Resume",
}


class Profile:
    """The resume's terms by entry, with their sections and roles."""

    def __init__(self, resume: Resume, lexicon: Lexicon) -> None:
        self.resume = resume
        self.lexicon = lexicon
        document = resume.document
        tech_blocks = frozenset(
            i for i in range(len(document.blocks))
            if resume.section_at(document.block_start(i)) is ResumeSection.SKILLS)
        self.hits: tuple[TermHit, ...] = tuple(sorted(find_terms(document, lexicon, tech_blocks),
                                                      key=lambda h: (h.start, h.end)))
        self._hit_starts = [h.start for h in self.hits]
        # Roles are in document order and do not overlap: lookups bisect on their starts.
        self._roles = sorted(resume.roles, key=lambda r: r.start)
        self._role_starts = [r.start for r in self._roles]
        self.by_entry: dict[str, list[TermHit]] = defaultdict(list)
        for hit in self.hits:
            self.by_entry[hit.entry].append(hit)
        # ancestor id -> hits of more specific entries that demonstrate it
        self.specific: dict[str, list[TermHit]] = defaultdict(list)
        for entry_id, hits in self.by_entry.items():
            for ancestor in lexicon.ancestors(entry_id):
                self.specific[ancestor].extend(hits)

    def section(self, offset: int) -> ResumeSection | None:
        return self.resume.section_at(offset)

    def role(self, offset: int) -> Role | None:
        index = bisect.bisect_right(self._role_starts, offset) - 1
        if index >= 0 and offset < self._roles[index].end:
            return self._roles[index]
        return None

    def hits_within(self, start: int, end: int) -> tuple[TermHit, ...]:
        """The resume's terms that start in ``start:end``."""
        low = bisect.bisect_left(self._hit_starts, start)
        high = bisect.bisect_left(self._hit_starts, end, low)
        return self.hits[low:high]

    def in_use(self, hit: TermHit) -> bool:
        """Shown in a role, project or publication rather than only listed."""
        return self.section(hit.start) in USE_SECTIONS or self.role(hit.start) is not None

    def where(self, start: int) -> str:
        """'Experience, Fernhollow Payments' or 'Skills': where a span sits, for explanations."""
        section = self.section(start)
        label = _SECTION_LABEL.get(section, "Resume") if section else "Resume"
        role = self.role(start)
        if role is not None and (role.employer or role.title):
            return f"{label}, {role.employer or role.title}"
        return label

    def evidence_of(self, hits: list[TermHit] | tuple[TermHit, ...],
                    bonus: int = 0) -> tuple[Evidence, ...]:
        """Evidence for the best few of ``hits``: those shown in use first, in document order.

        A verdict keeps only a handful, so a term named thousands of times in a long resume
        costs no more than one named a few times.
        """
        used = [h for h in hits[:_SCAN_LIMIT] if self.in_use(h)][:EVIDENCE_KEPT]
        rest = [h for h in hits[:EVIDENCE_KEPT] if h not in used]
        return tuple(self.evidence(h, bonus) for h in (used + rest)[:EVIDENCE_KEPT])

    def evidence(self, hit: TermHit, bonus: int = 0) -> Evidence:
        strength = bonus + (3 if self.in_use(hit) else 1)
        return Evidence(hit.start, hit.end, hit.text, self.where(hit.start), strength)

    @cached_property
    def use_lines(self) -> tuple[tuple[int, int, str], ...]:
        """Role bullets and project lines, lowercased, for demonstrated soft skills."""
        text = self.resume.document.text
        lines: list[tuple[int, int, str]] = []
        for role in self.resume.roles:
            spans = role.bullets or ((role.start, role.end),)
            lines.extend((a, b, text[a:b].lower()) for a, b in spans)
        for section in self.resume.sections:
            if section.kind in (ResumeSection.PROJECTS, ResumeSection.VOLUNTEER):
                lines.append((section.start, section.end, text[section.start:section.end].lower()))
        return tuple(lines)

    @cached_property
    def written_in_english(self) -> bool:
        """Is the resume English prose (its own text shows the language)?"""
        words = re.findall(r"[a-z]+", self.resume.document.text.lower())
        common = sum(1 for w in words if w in _ENGLISH)
        return len(words) >= 80 and common >= 0.12 * len(words)

    @cached_property
    def stems(self) -> frozenset[str]:
        """Five-letter stems of the resume's words, for requirements without lexicon terms."""
        words = (fold_word(w) for w in set(re.findall(r"[A-Za-z][A-Za-z+#]*",
                                                      self.resume.document.text)))
        return frozenset(w[:5] if len(w) > 5 else w for w in words)
