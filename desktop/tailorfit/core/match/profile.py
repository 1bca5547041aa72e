"""What a resume shows, indexed for judging requirements: terms, where they sit, roles."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from tailorfit.core.lexicon import Lexicon, fold_word
from tailorfit.core.lexicon.terms import TermHit, find_terms
from tailorfit.core.match.result import Evidence
from tailorfit.core.parse.resume import Resume, ResumeSection, Role

_ENGLISH = frozenset("the and of to in for with a an on as by at from our my i was were is "
                     "are that this".split())
# Lexicon categories of technical work: a role with them is a technical role.
TECHNICAL_CATEGORIES = frozenset({"language", "framework", "library", "database", "cloud",
                                  "devops", "data", "ml", "os", "protocol"})
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


@dataclass(frozen=True, slots=True)
class Bullet:
    """A role bullet or project line, prepared for finding phrases whatever their word forms."""

    start: int
    end: int
    text: str
    stems: list[str]  # one per word, in order
    spans: list[tuple[int, int]]  # each word's offsets in ``text``
    hits: tuple[TermHit, ...]  # lexicon terms inside
    where: str  # "Experience, Fernhollow Payments"
    technical: bool  # its role shows technical work (languages, databases, cloud...)


class Profile:
    """The resume's terms by entry, with their sections and roles."""

    def __init__(self, resume: Resume, lexicon: Lexicon) -> None:
        self._root_cache: dict[str, frozenset[int]] = {}
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
            if not self._in_employer_name(hit):
                self.by_entry[hit.entry].append(hit)
        # ancestor id -> hits of more specific entries that demonstrate it
        self.specific: dict[str, list[TermHit]] = defaultdict(list)
        for entry_id, hits in self.by_entry.items():
            for ancestor in lexicon.ancestors(entry_id):
                self.specific[ancestor].extend(hits)

    def _in_employer_name(self, hit: TermHit) -> bool:
        """A term inside the name of an employer ("Sunny Meadow Child Care", "Acme Health") on
        its role's first lines: an employer's name is no evidence of the work."""
        role = self.role(hit.start)
        if role is None or not role.employer or hit.text.lower() not in role.employer.lower():
            return False
        text = self.resume.document.text
        header_end = role.start
        for _ in range(3):  # the title, the employer and the dates: at most three lines
            header_end = text.find("\n", header_end + 1)
            if header_end < 0:
                header_end = len(text)
                break
        return hit.start < header_end

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
    def bullets(self) -> tuple[Bullet, ...]:
        """Every use line as a :class:`Bullet` (role bullets, project and volunteer lines)."""
        from tailorfit.core.match.words import WORD, stem

        text = self.resume.document.text
        technical_roles: dict[int, bool] = {}
        found: list[Bullet] = []
        for start, end, _lower in self.use_lines:
            piece = text[start:end]
            spans = [m.span() for m in WORD.finditer(piece)]
            role = self.role(start)
            key = id(role)
            if key not in technical_roles:
                scope = (role.start, role.end) if role is not None else (start, end)
                technical_roles[key] = any(
                    self.lexicon[h.entry].category in TECHNICAL_CATEGORIES
                    for h in self.hits_within(*scope))
            found.append(Bullet(start, end, piece, [stem(piece[a:b]) for a, b in spans], spans,
                                self.hits_within(start, end), self.where(start),
                                technical_roles[key]))
        return tuple(found)

    @cached_property
    def stem_index(self) -> dict[str, list[tuple[int, int]]]:
        """Stem -> (bullet number, word number) of every word in the bullets."""
        index: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for number, bullet in enumerate(self.bullets):
            for position, value in enumerate(bullet.stems):
                index[value].append((number, position))
        return index

    @cached_property
    def stem_sets(self) -> tuple[frozenset[str], ...]:
        """Each bullet's stems as a set, in bullet order."""
        return tuple(frozenset(bullet.stems) for bullet in self.bullets)

    @cached_property
    def _by_opening(self) -> dict[str, list[str]]:
        """Distinct bullet stems of five letters or more, by their first five letters."""
        found: dict[str, list[str]] = defaultdict(list)
        for value in self.stem_index:
            if len(value) >= 5:
                found[value[:5]].append(value)
        return found

    def bullets_sharing_root(self, wanted: str) -> frozenset[int]:
        """Bullets with the stem, or with a word of the same root the stemmer cut differently.

        Snowball stems "delivered" to "deliv" but "delivery" to "deliveri": for a line's
        words in a bullet (a partial at most), a stem of five letters or more that opens the
        other counts.
        """
        cache = self._root_cache
        found = cache.get(wanted)
        if found is None:
            stems = {wanted}
            if len(wanted) >= 5:
                stems.update(s for s in self._by_opening.get(wanted[:5], ())
                             if s.startswith(wanted) or wanted.startswith(s))
            index = self.stem_index
            found = cache[wanted] = frozenset(
                number for value in stems for number, _ in index.get(value, ()))
        return found

    def occurrences(self, phrase: tuple[str, ...]) -> list[tuple[int, int]]:
        """(bullet number, word number) of every place a phrase (as stems) starts."""
        if not phrase:
            return []
        n = len(phrase)
        found = []
        for number, position in self.stem_index.get(phrase[0], ()):
            stems = self.bullets[number].stems
            if n == 1 or tuple(stems[position:position + n]) == phrase:
                found.append((number, position))
        return found

    def word_at(self, number: int, position: int) -> str:
        """The word a stem stands for, as written, lowercased: "organization" where the stem
        "organ" also stands for "organized"."""
        bullet = self.bullets[number]
        start, end = bullet.spans[position]
        return self.resume.document.text[bullet.start + start:bullet.start + end].lower()

    @cached_property
    def resume_language(self) -> str | None:
        """The language the resume is written in, when it can be told."""
        from tailorfit.core.checks import language_of

        other = language_of(self.resume.document.text)
        if other is not None:
            return other
        return "English" if self.written_in_english else None

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
