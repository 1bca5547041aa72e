"""Resumes: contact block, sections, roles with dates, education, skills and certificates."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from tailorfit.core.model import Block, BlockKind, Document, Region
from tailorfit.core.parse.dates import (
    DateRange,
    find_ranges,
    find_single_dates,
    join_split_range,
    merged_months,
    opens_split_range,
)
from tailorfit.core.parse.details import DegreeLevel, claimed_years, parse_degree
from tailorfit.core.parse.headings import classify_heading, looks_like_heading
from tailorfit.core.parse.vocab import EMAIL, FIELD_WORD, JOB_TITLE, LOCATION, PHONE, SCHOOL, URL


class ResumeSection(StrEnum):
    CONTACT = "contact"
    SUMMARY = "summary"
    EXPERIENCE = "experience"
    EDUCATION = "education"
    SKILLS = "skills"
    CERTIFICATIONS = "certifications"
    PROJECTS = "projects"
    AWARDS = "awards"
    PUBLICATIONS = "publications"
    VOLUNTEER = "volunteer"
    LANGUAGES = "languages"
    INTERESTS = "interests"
    REFERENCES = "references"
    OTHER = "other"


_CUES: list[tuple[ResumeSection, re.Pattern[str]]] = [
    (ResumeSection.VOLUNTEER, re.compile(r"volunteer\w*|community (?:service|involvement)|"
                                         r"campus involvement|extracurricular|activities|"
                                         r"leadership (?:&|and) activities|involvement")),
    (ResumeSection.CERTIFICATIONS, re.compile(r"certifications?|certificates?|licen[sc]es?|"
                                              r"credentials|accreditations?")),
    (ResumeSection.EXPERIENCE, re.compile(r"experience|employment(?: history)?|work history|career history|"
                                          r"professional history|positions held|"
                                          r"relevant experience|internships?|work|"
                                          # academic CVs: "Appointments", "Academic positions"
                                          r"appointments|positions")),
    (ResumeSection.EDUCATION, re.compile(r"education|academic|qualifications|degrees?|"
                                         r"training|schooling|studies")),
    (ResumeSection.SKILLS, re.compile(r"skills?|competenc(?:y|ies)|expertise|technologies|"
                                      r"tech stack|technical|tools|proficienc(?:y|ies)|strengths|"
                                      r"capabilities|toolbox|stack|"
                                      # laboratory CVs: "Techniques", "Methods"
                                      r"techniques|methods")),
    (ResumeSection.SUMMARY, re.compile(r"summary|profile|objective|about me|overview|"
                                       r"introduction|personal statement|career goal|welcome")),
    (ResumeSection.PROJECTS, re.compile(r"projects?|portfolio")),
    (ResumeSection.AWARDS, re.compile(r"awards?|honou?rs?|achievements?|accomplishments|"
                                      r"recognition|distinctions|scholarships?|patents?")),
    (ResumeSection.PUBLICATIONS, re.compile(r"publications?|papers|research|presentations|"
                                            r"invited talks|talks|conferences")),
    (ResumeSection.LANGUAGES, re.compile(r"languages?")),
    (ResumeSection.INTERESTS, re.compile(r"interests|hobbies")),
    (ResumeSection.REFERENCES, re.compile(r"references?")),
    (ResumeSection.CONTACT, re.compile(r"contact|personal (?:details|information)|links")),
]
_SPLIT_ROLE = re.compile(r"\s*(?:\||\u2022|\t|,|\s-\s|\s@\s|\bat\b|/(?=\s))\s*")
_SKILL_SPLIT = re.compile(r"\s*(?:[,;|\u2022\u00b7]|\s{2,}|\t|\band\b(?=\s))\s*")
_SKILL_LABEL = re.compile(r"^([A-Z][\w &/+.-]{1,40}):\s*(.+)$")
_CONTACT_NOISE = re.compile(r"^[\W\d]*$")
_NAME = re.compile(r"^[A-Z][A-Za-z'\u00c0-\u024f.-]+(?:\s+[A-Z][A-Za-z'\u00c0-\u024f.-]*){1,3}$")
_LOCATION_IN_TEXT = re.compile(
    r"(?<![\w])(?:[A-Z][a-zA-Z.'\u00c0-\u024f-]+\s){0,2}[A-Z][a-zA-Z.'\u00c0-\u024f-]+,\s*"
    r"(?:[A-Z]{2}|USA|UK|India|Canada|Germany|France|Spain|Netherlands|Australia|Ireland|"
    r"T\u00fcrkiye|Turkey|Singapore|Japan|China|Israel|Estonia|Denmark|Sweden|Norway|Poland|"
    r"Colorado|California|Texas|Washington|New York|Oregon|Georgia|Alabama|Florida|Illinois|"
    r"Massachusetts|Virginia)\b(?:,\s*(?:USA|US|United States|UK))?(?:\s*\(remote\))?")
_DURATION = re.compile(r"\b\d+\s+(?:years?|yrs?)(?:\s+\d+\s+months?)?\b|\b\d+\s+months?\b")
_MARGINS = (Region.HEADER, Region.FOOTER)
_MONTH_WORDS = r"jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*"
_SINGLE_NAME = re.compile(r"^[A-Z][A-Za-z'\u00c0-\u024f-]{2,}$")


@dataclass(frozen=True, slots=True)
class Section:
    kind: ResumeSection
    title: str
    start: int
    end: int
    heading: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class Contact:
    name: str | None
    email: str | None
    phone: str | None
    links: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Role:
    """A job: its header text, dates and bullet lines (offsets in the analysed text)."""

    title: str | None
    employer: str | None
    dates: DateRange | None
    start: int
    end: int
    bullets: tuple[tuple[int, int], ...]
    section: ResumeSection


@dataclass(frozen=True, slots=True)
class Education:
    level: DegreeLevel
    degree: str
    fields: tuple[str, ...]
    school: str | None
    year: int | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SkillItem:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Certificate:
    text: str
    start: int
    end: int
    year: int | None


@dataclass(frozen=True, slots=True)
class Resume:
    """The structure of a resume."""

    document: Document
    contact: Contact
    sections: tuple[Section, ...]
    roles: tuple[Role, ...]
    education: tuple[Education, ...]
    skills: tuple[SkillItem, ...]
    certificates: tuple[Certificate, ...]
    total_months: int
    claimed_years: int | None
    today: date
    section_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    @property
    def total_years(self) -> float:
        return round(self.total_months / 12, 1)

    @property
    def highest_degree(self) -> DegreeLevel:
        levels = [e.level for e in self.education if e.level >= DegreeLevel.ASSOCIATE]
        return max(levels, default=DegreeLevel.NONE)

    def section_at(self, offset: int) -> ResumeSection | None:
        # Sections are in document order and do not overlap: bisect on their starts.
        index = bisect.bisect_right(self.section_starts, offset) - 1
        if index >= 0 and offset < self.sections[index].end:
            return self.sections[index].kind
        return None



def parse_resume(document: Document, *, today: date | None = None) -> Resume:
    """Find the resume's structure. ``today`` is what "Present" means (default: today)."""
    today = today or date.today()
    blocks = document.blocks
    headings = _find_headings(document)
    sections = _sections(document, headings)
    roles: list[Role] = []
    education: list[Education] = []
    skills: list[SkillItem] = []
    certificates: list[Certificate] = []
    for section in sections:
        indexes = [i for i in _blocks_within(document, section.start, section.end)
                   if i not in headings and blocks[i].region not in _MARGINS]
        if section.kind in (ResumeSection.EXPERIENCE, ResumeSection.VOLUNTEER):
            roles.extend(_roles(document, indexes, section.kind, today))
        elif section.kind is ResumeSection.EDUCATION:
            education.extend(_education(document, indexes))
        elif section.kind is ResumeSection.SKILLS:
            skills.extend(_skills(document, indexes))
        elif section.kind is ResumeSection.CERTIFICATIONS:
            certificates.extend(_certificates(document, indexes))
    if not education:  # degrees written outside an Education section (one-page resumes)
        education.extend(e for e in _education(document, [i for i in range(len(blocks))
                                                          if i not in headings])
                         if e.level >= DegreeLevel.ASSOCIATE)
    work = [r.dates for r in roles if r.dates is not None and r.section is ResumeSection.EXPERIENCE]
    claimed = claimed_years(_summary_text(document, sections))
    return Resume(
        document=document,
        contact=_contact(document, sections),
        sections=tuple(sections),
        roles=tuple(roles),
        education=tuple(education),
        skills=tuple(skills),
        certificates=tuple(certificates),
        total_months=merged_months(work),
        claimed_years=claimed,
        today=today,
        section_starts=tuple(s.start for s in sections),
    )


# -- sections ---------------------------------------------------------------------------------

def _blocks_within(document: Document, start: int, end: int) -> range:
    """Indexes of the blocks that start in ``start:end`` (found by bisection, not a scan:
    a long resume has thousands of blocks and a dozen sections)."""
    first = document.block_at(start)
    if first < len(document.blocks) and document.block_start(first) < start:
        first += 1
    last = first
    while last < len(document.blocks) and document.block_start(last) < end:
        last += 1
    return range(first, last)


def _find_headings(document: Document) -> dict[int, ResumeSection]:
    """Block index -> section kind for blocks that are section headings."""
    found: dict[int, ResumeSection] = {}
    looks: dict[int, tuple[object, ...]] = {}
    for index, block in enumerate(document.blocks):
        text = block.content.strip()
        if block.region is Region.FOOTER or not text:
            continue
        words = len(text.split())
        if words > 6:
            continue  # headings are short; skip the cue scan for bullets
        match = classify_heading(text.rstrip(":"), _CUES)
        if match is None:
            continue
        if block.kind is BlockKind.TABLE_CELL and not block.style.all_caps:
            continue  # "Languages | Go, Python" in a skills table is a label
        formatted = looks_like_heading(block, text)
        if (formatted and match.coverage >= 0.5) or (words <= 4 and match.coverage >= 0.8
                                                      and block.kind is not BlockKind.LIST_ITEM):
            found[index] = match.kind
            looks[index] = _look(block)
    # "Skills" straight followed by "Languages" (a skills table pasted as lines: "Languages",
    # "Go, Python", "Infrastructure", ...): the second is a label inside Skills, not the
    # spoken-languages section, which would leave Skills empty.
    ordered = sorted(found)
    for first, second in itertools.pairwise(ordered):
        if first in found and found[first] is ResumeSection.SKILLS \
                and found.get(second) is ResumeSection.LANGUAGES \
                and not any(document.blocks[i].content.strip() for i in range(first + 1, second)):
            del found[second]
            looks.pop(second, None)
    # Headings without a cue word ("Welcome to RenderCV") that look like the others.
    signatures = set(looks.values())
    if len(found) >= 2:
        for index, block in enumerate(document.blocks):
            text = block.content.strip()
            if (index not in found and _look(block) in signatures and 0 < len(text.split()) <= 5
                    and looks_like_heading(block, text) and not find_ranges(text, date.max)
                    and index > min(found)):
                found[index] = ResumeSection.OTHER
    return found


def _look(block: Block) -> tuple[object, ...]:
    return (block.kind, block.style.bold, block.style.all_caps, block.style.heading_level,
            round(block.style.font_size or 0))


def _sections(document: Document, headings: dict[int, ResumeSection]) -> list[Section]:
    sections: list[Section] = []
    order = sorted(headings)
    first = order[0] if order else len(document.blocks)
    if first > 0:
        end = document.block_start(first) if order else len(document.text)
        sections.append(Section(ResumeSection.CONTACT, "", 0, end, None))
    for position, index in enumerate(order):
        start = document.block_start(index)
        end = (document.block_start(order[position + 1]) if position + 1 < len(order)
               else len(document.text))
        block = document.blocks[index]
        heading = (start + block.content_start, start + len(block.text))
        sections.append(Section(headings[index], block.content.rstrip(": "), start, end, heading))
    # Footer and header parts hold contact details, wherever they fall.
    return sections


def _summary_text(document: Document, sections: list[Section]) -> str:
    parts = [document.text[s.start:s.end] for s in sections
             if s.kind in (ResumeSection.SUMMARY, ResumeSection.CONTACT)]
    return " ".join(parts)[:3000]


# -- contact ------------------------------------------------------------------------------------

def _contact(document: Document, sections: list[Section]) -> Contact:
    head_end = next((s.end for s in sections if s.kind is ResumeSection.CONTACT), 0)
    scope = [document.text[:max(head_end, 0)]]
    scope += [document.text[s.start:s.end] for s in sections
              if s.kind is ResumeSection.CONTACT and s.start > 0]
    scope += [b.text for b in document.blocks if b.region in (Region.HEADER, Region.FOOTER)]
    text = "\n".join(scope) or document.text[:600]
    whole = document.text[:4000]
    email = EMAIL.search(text) or EMAIL.search(whole)
    phone = PHONE.search(text) or PHONE.search(whole)
    links = tuple(dict.fromkeys(m.group(0).rstrip(".,;)") for m in URL.finditer(text)))
    return Contact(_name(document, head_end), email.group(0) if email else None,
                   phone.group(0).strip() if phone else None, links)


def _name(document: Document, head_end: int) -> str | None:
    """The person's name: an early, large, name-shaped line that is no title or place.

    Only the top zone (before the first section heading) and the page header are searched,
    so an employer line further down never wins.
    """
    scored: list[tuple[float, str]] = []
    body = [b for i, b in enumerate(document.blocks) if b.region is Region.HEADER
            or (b.region is Region.BODY and document.block_start(i) < head_end)][:14]
    if not body:
        body = [b for b in document.blocks if b.region is not Region.FOOTER][:6]
    for position, block in enumerate(body):
        for part in re.split(r"\s*[|\u2022,\t]\s*|\s{2,}", block.text):
            part = part.strip()
            if not (_NAME.match(part) and not EMAIL.search(part) and not JOB_TITLE.search(part)
                    and classify_heading(part, _CUES) is None and not LOCATION.match(part)):
                continue
            score = (block.style.font_size or 10) * 2 - position * 1.5
            score += 6 if block.style.bold or block.kind is BlockKind.HEADING else 0
            score += 4 if block.region is Region.HEADER or position == 0 else 0
            scored.append((score, part))
    if not scored and body and _SINGLE_NAME.match(body[0].text.strip()):
        return _titlecase(body[0].text.strip())  # "ANDERSON" alone, set large at the top
    if not scored:
        return None
    return _titlecase(max(scored, key=lambda item: item[0])[1])


def _titlecase(name: str) -> str:
    return name.title() if name.isupper() else name


# -- roles --------------------------------------------------------------------------------------

def _is_description(block: Block) -> bool:
    text = block.content
    if block.kind is BlockKind.LIST_ITEM:
        # "• Registered Nurse" bulleted like the duties under it is still a job title.
        words = text.split()
        title_case = all(w[:1].isupper() or w in ("of", "and", "&", "-", "for") for w in words)
        return not (len(words) <= 5 and title_case and JOB_TITLE.search(text)
                    and not re.search(r"[\d.;]", text))
    words = text.split()
    if len(words) < 10 or find_ranges(text, date.max) or opens_split_range(text):
        return False
    # "James and Spicer Law Group | Tuscaloosa, AL, IT Support Technician" is a role header.
    first = words[0].lower()
    # The long title pattern last: most lines fail a cheaper test first.
    header_like = (len(words) <= 16 and not text.rstrip().endswith(".")
                   and not first.endswith(("ed", "ing")) and words[0][:1].isupper()
                   and len(re.findall(r"[|,\u2022]", text)) >= 2 and JOB_TITLE.search(text))
    return not header_like


def _roles(document: Document, indexes: list[int], kind: ResumeSection,
           today: date) -> list[Role]:
    entries: list[tuple[list[int], list[int]]] = []  # (header blocks, description blocks)
    for index in indexes:
        block = document.blocks[index]
        if _is_description(block):
            if not entries:
                entries.append(([], []))
            entries[-1][1].append(index)
            continue
        has_dates = bool(find_ranges(block.text, today))
        if (not entries or entries[-1][1]
                or (has_dates and any(find_ranges(document.blocks[i].text, today)
                                      for i in entries[-1][0]))):
            entries.append(([index], []))
        else:
            entries[-1][0].append(index)
    roles: list[Role] = []
    for header, description in entries:
        if not header:
            continue
        dates = None
        parts: list[tuple[int, str]] = []
        for index in header:
            block = document.blocks[index]
            text = block.content
            found = find_ranges(text, today)
            if found and dates is None:
                dates = found[0]
                text = text[:found[0].start_offset] + " | " + text[found[0].end_offset:]
            if dates is None:
                following = [*header, *description[:1]]
                for other in following:
                    joined = join_split_range(text, document.blocks[other].content, today)
                    if joined is not None and other != index:
                        dates = joined
                        text = " | " + text[joined.end_offset:]
                        break
            text = _DURATION.sub(" ", _LOCATION_IN_TEXT.sub(" | ", text))
            parts.extend((index, p.strip(" -|,/:;\u2022()")) for p in _SPLIT_ROLE.split(text))
        title, employer = _title_and_employer(parts)
        if title is None and dates is None:
            continue
        first, last = header[0], (description or header)[-1]
        start = document.block_start(first) + document.blocks[first].content_start
        end = document.block_start(last) + len(document.blocks[last].text)
        bullets = tuple((document.block_start(i) + document.blocks[i].content_start,
                         document.block_start(i) + len(document.blocks[i].text))
                        for i in description)
        roles.append(Role(title, employer, dates, start, end, bullets, kind))
    return roles


def _title_and_employer(parts: list[tuple[int, str]]) -> tuple[str | None, str | None]:
    """Pick the job title and the employer among a role header's parts.

    An employer on a line of its own beats a word after the title on the title's line, which
    then belongs to the title ("Senior Software Engineer, Platform").
    """
    parts = [(b, p) for b, p in parts if p and not LOCATION.match(p) and len(p.split()) <= 7
             and not re.fullmatch(r"[\W\d]*|present|current", p, re.IGNORECASE)]
    at = next((i for i, (_, p) in enumerate(parts) if JOB_TITLE.search(p)), None)
    if at is None:
        return None, parts[0][1] if parts else None
    title_block, title = parts[at]
    others = [(b, p) for i, (b, p) in enumerate(parts) if i != at and not JOB_TITLE.search(p)]
    elsewhere = [p for b, p in others if b != title_block]
    if elsewhere:
        tail = [p for b, p in parts[at + 1:] if b == title_block and not JOB_TITLE.search(p)]
        return ", ".join([title, *tail]), elsewhere[0]
    return title, others[0][1] if others else None


# -- education ------------------------------------------------------------------------------------

def _education(document: Document, indexes: list[int]) -> list[Education]:
    found: list[Education] = []
    texts = {i: document.blocks[i].content for i in indexes}
    for position, index in enumerate(indexes):
        text = texts[index]
        degree = parse_degree(text)
        if degree is None or degree.level < DegreeLevel.ASSOCIATE:
            continue
        neighbours = [texts[i] for i in indexes[max(0, position - 2):position + 3]]
        fields = degree.fields
        after = indexes[position + 1:position + 2]
        if not fields and after and not parse_degree(texts[after[0]]):
            # "B.S." alone with the field on the next line (two-column sidebars)
            joined = parse_degree(text[degree.start:degree.end] + " " + texts[after[0]])
            fields = tuple(f for f in (joined.fields if joined else ()) if FIELD_WORD.search(f))
        school = next((_school(t, fields) for t in [text, *neighbours] if _school(t, fields)), None)
        years: list[int] = []
        for near in [text, *(texts[i] for i in after)]:  # its own line first, then the next
            years = [d.year for d, _, _ in find_single_dates(near)]
            years += [r.end.year for r in find_ranges(near, date.max)]
            if years:
                break
        base = document.block_start(index)
        found.append(Education(degree.level, text[degree.start:degree.end], tuple(fields), school,
                               max(years) if years else None,
                               base + document.blocks[index].content_start, base + len(
                                   document.blocks[index].text)))
    return found


def _school(text: str, fields: tuple[str, ...] = ()) -> str | None:
    for part in re.split(r"\s*[|,\u2022\t]\s*|\s-\s", text):
        if SCHOOL.search(part) and len(part.split()) <= 8 and not parse_degree(part):
            part = re.sub(rf"^.*?\b(?:{_MONTH_WORDS})?\s*(?:19|20)\d\d\s+", "", part.strip())
            for name in fields:  # "Computer Science University of Georgia"
                if part.lower().startswith(name.lower() + " "):
                    part = part[len(name):].strip()
            return part
    return None


# -- skills and certificates --------------------------------------------------------------------

def _skills(document: Document, indexes: list[int]) -> list[SkillItem]:
    items: list[SkillItem] = []
    for index in indexes:
        block = document.blocks[index]
        base = document.block_start(index) + block.content_start
        text = block.content
        label = _SKILL_LABEL.match(text)
        offset = 0
        if label:
            offset = label.start(2)
        pos = offset
        for match in [*_SKILL_SPLIT.finditer(text, offset), None]:
            end = match.start() if match else len(text)
            piece = text[pos:end].strip(" .")
            if piece and len(piece.split()) <= 8:
                lead = text.index(piece, pos)
                items.append(SkillItem(piece, base + lead, base + lead + len(piece)))
            pos = match.end() if match else len(text)
    return items


def _certificates(document: Document, indexes: list[int]) -> list[Certificate]:
    found: list[Certificate] = []
    for index in indexes:
        block = document.blocks[index]
        text = block.content.strip()
        if not text or _CONTACT_NOISE.match(text):
            continue
        base = document.block_start(index) + block.content_start
        years = [d.year for d, _, _ in find_single_dates(text)]
        found.append(Certificate(text, base, base + len(block.content), max(years) if years else None))
    return found
