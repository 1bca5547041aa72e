"""Details inside a requirement: years of experience and degrees."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from tailorfit.core.kinds import DegreeLevel as DegreeLevel
from tailorfit.core.parse.vocab import FIELD_WORD, JOB_TITLE, Folded

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "a": 1, "an": 1,
}
_NUM = r"(?:\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
_YEARS = re.compile(
    rf"(?P<lead>at least|minimum(?: of)?|min\.?|over|more than|a minimum of|up to)?\s*"
    rf"(?P<min>{_NUM})(?:\s*\((?P<paren>\d{{1,2}})\))?\s*(?:-\s*(?=plus))?(?P<plus>\+|plus)?\s*"
    rf"(?:(?:-|to|or)\s*(?P<max>{_NUM})\s*(?:\+|plus)?\s*)?"
    rf"(?:or more\s+|\+\s*)?"
    rf"(?:full[- ]time\s+|paid\s+|professional\s+|relevant\s+|progressive(?:ly)?\s+|hands-on\s+)*"
    rf"(?P<unit>years?|yrs?|months?)\b(?:'|’)?",
    re.IGNORECASE,
)
_DOMAIN_AFTER = re.compile(
    r"^\s*(?:or more\s+)?(?:'s\s+|s'\s+)?(?:of\s+)?(?:full[- ]time\s+|paid\s+|professional\s+|"
    r"relevant\s+|"
    r"progressive(?:ly)?\s+|hands-on\s+|responsible\s+|industry\s+|work\s+|practical\s+|"
    r"related\s+|proven\s+|demonstrated\s+|direct\s+|total\s+|previous\s+|prior\s+)*"
    r"(?:(?P<pre>[\w/+#.\- ]{1,40}?)\s+)?(?:(?:experience|background|expertise)\b|exp\b\.?)"
    r"(?:\s+(?:in|with|as|of|doing|on|using|working (?:in|with|on|as)|building|developing)\s+"
    # "managing teams", "leading nurses": the verb stays, it is what the years are in
    r"(?P<post>[^.;:()]{2,120})|\s+(?P<gerund>[a-z]+ing\b[^.;:()]{2,120}))?",
    re.IGNORECASE,
)
_AGE = re.compile(r"^\s*(?:of\s+age|old|or\s+older)\b", re.IGNORECASE)
_EXPERIENCE_WORD = re.compile(r"experience|experienced|\bexp\b|background|work(?:ing)?\b|"
                              r"professional|employment|\byears?\s+as\s+an?\s+(?!company\b)",
                              re.IGNORECASE)
_DOMAIN_STOP = re.compile(r",?\s+(?:and|or|including|such as|preferably|ideally|with|which|"
                          r"that|where|who|in addition)\b.*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class YearsDetail:
    """"8+ years of experience in backend development".

    ``field`` is a broader area named before "experience" when a narrower domain follows
    ("5 years of product management experience leading hardware products").
    """

    minimum: float
    maximum: float | None
    domain: str | None
    start: int
    end: int
    field: str | None = None


@dataclass(frozen=True, slots=True)
class DegreeDetail:
    """"Bachelor's degree in CS or a related field, or equivalent experience"."""

    level: DegreeLevel
    fields: tuple[str, ...]
    related_fields: bool
    equivalent_experience: bool
    start: int
    end: int


def _number(text: str) -> float:
    text = text.lower()
    return float(_NUMBER_WORDS.get(text, 0)) if text in _NUMBER_WORDS else float(text)


# A summary's own count of years: "7+ years", "eight years", "over a decade".
_CLAIM = re.compile(r"(?<![\d.])\b(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|"
                    r"ten|eleven|twelve|fifteen|twenty)\+?\s*(?:-\s*)?(?:years|yrs)\b|"
                    r"\b(?P<decades>a|one|two|three)\s+decades?\b", re.IGNORECASE)


def claimed_years(text: str) -> int | None:
    """The years a summary claims ("Nurse with 7+ years of experience"), or None."""
    match = _CLAIM.search(text)
    if match is None:
        return None
    if match.group("decades"):
        return 10 * int(_number(match.group("decades")))
    return int(_number(match.group("n")))


# "Warehouse: 1 year (Required)", "CSS: 3 years (Preferred)": a job board's years of one kind
# of work, the kind before the colon and nothing after the years but the strength.
_BOARD_YEARS = re.compile(r"^\W*([A-Za-z][\w/+#.&' -]{1,40}):\s*$")
_BOARD_END = re.compile(r"^\s*\((?:required|preferred)\)\s*\.?\s*$", re.IGNORECASE)
_YEARS_HINT = re.compile(r"\byears?\b|\byrs?\b|\bmonths?\b", re.IGNORECASE)
# A quick test before the level patterns, which are costly and rarely match. Words are looked
# for in lowercased text, where every branch opens with a letter (so the regex engine skips
# most positions); abbreviations in the original case, since lowercased "be", "me" and "ma"
# are in nearly every line. Lowercase forms the level patterns also take ("msc", "b.tech")
# are among the words.
_DEGREE_WORDS = Folded(r"degree|bachelor|master|ph\.?\s?d|doctor|associate|graduat|diploma|"
                       r"college|universit|school|baccalaureate|mba|msc|bsc|bsn|msn|bba|"
                       r"mbbs|mbchb|mca\b|mph\b|dnp\b|b\.?\s?tech|m\.?\s?tech|b\.?eng|m\.?eng|"
                       r"b\.s|m\.s|b\.a\.|m\.a\.|b\.e\.|m\.d\.|j\.d\.|ed\.d|pharm|b\.?com\b")
_DEGREE_CAPITALS = re.compile(r"\b(?:[BM]\.?[ASE]|B\.?S|M\.?S|MD|JD|EdD|MEd|GED|MB\s?B?Ch|A\.A\.(?:S\.)?|AAS|"
                              r"[BM]\.?\s?(?:Des|Arch|Pharm|Com|Sc))\b")


def parse_years(text: str) -> YearsDetail | None:
    """The first years-of-experience requirement in ``text``, with its domain."""
    if not _YEARS_HINT.search(text):
        return None  # the full pattern is costly; most lines never mention years
    for match in _YEARS.finditer(text):
        raw_min = match.group("paren") or match.group("min")
        if raw_min.lower() in ("a", "an"):
            continue
        minimum = _number(raw_min)
        if not 0 < minimum <= (40 if not match.group("unit").lower().startswith("mo") else 60):
            continue
        maximum = _number(match.group("max")) if match.group("max") else None
        if match.group("unit").lower().startswith("mo"):  # "6 months of experience"
            minimum = round(minimum / 12, 2)
            maximum = round(maximum / 12, 2) if maximum is not None else None
        if maximum is not None and maximum < minimum:
            maximum = None
        lead = (match.group("lead") or "").lower()
        if lead == "up to":
            minimum, maximum = 0.0, minimum
        after = text[match.end():]
        if _AGE.match(after):
            continue  # "18 years of age", "21 years old": an age, not experience
        # "8+ years", "at least 5 years", "3-5 years" are experience asks on their own;
        # a bare "2 years" needs the word experience (or similar) nearby.
        confident = bool(match.group("plus") or lead or match.group("max"))
        near = text[max(0, match.start() - 40):match.end() + 60]
        board = _BOARD_YEARS.match(text[:match.start()]) if _BOARD_END.match(after) else None
        if board is not None:
            # a job board's "Warehouse: 1 year (Required)": years of the work before the colon
            named = board.group(1).strip()
            domain = None if named.lower() in ("total work", "work", "experience") else named
            return YearsDetail(minimum, maximum, domain, match.start(), match.end())
        if not confident and not _EXPERIENCE_WORD.search(near):
            continue
        domain = _domain(after)
        if domain is None:
            gerund = re.match(r"^\s*(?:of\s+)?([a-z]+ing\b[^.;:()]{2,80})", after, re.I)
            domain = _DOMAIN_STOP.sub("", gerund.group(1)).strip() if gerund else None
        area = _DOMAIN_AFTER.match(after)
        field = area.group("pre").strip() if area and area.group("pre") else None
        if field and (field == domain or len(field.split()) > 4):
            field = None
        return YearsDetail(minimum, maximum, domain, match.start(), match.end(), field)
    return None


def parse_all_years(text: str) -> list[YearsDetail]:
    """Every years-of-experience ask in ``text`` ("6-10 years of IT, with 5+ years of X")."""
    found: list[YearsDetail] = []
    offset = 0
    while offset < len(text):
        detail = parse_years(text[offset:])
        if detail is None:
            break
        found.append(YearsDetail(detail.minimum, detail.maximum, detail.domain,
                                 detail.start + offset, detail.end + offset, detail.field))
        offset += detail.end
    return found


def _domain(after: str) -> str | None:
    match = _DOMAIN_AFTER.match(after)
    if not match:
        simple = re.match(r"^\s*(?:or more\s+)?(of|in|with|as(?:\s+an?)?)\s+([A-Za-z][\w/+#.\- ]{1,60}?)"
                          r"(?:[,.;:(]|$| and )", after)
        if simple is None:
            return None
        if simple.group(1).startswith("as") and not JOB_TITLE.search(simple.group(2)):
            return None  # "as part of a team", "as well as": no job title
        return simple.group(2).strip()
    candidate = match.group("post") or match.group("gerund") or match.group("pre")
    if not candidate:
        return None
    candidate = _DOMAIN_STOP.sub("", candidate).strip(" ,-")
    candidate = re.sub(r"^(?:the|a|an)\s+", "", candidate, flags=re.IGNORECASE)
    if not candidate or candidate.lower() in ("work", "industry", "relevant", "the field"):
        return None
    return candidate


_LEVEL_PATTERNS: list[tuple[DegreeLevel, re.Pattern[str]]] = [
    (DegreeLevel.DOCTORATE, re.compile(
        r"\b(?:ph\.?\s?d\.?|doctorate|doctoral|doctor of|d\.?n\.?p\.?|ed\.?d\.?|"
        r"pharm\.?d\.?|m\.d\.|j\.d\.)(?!\w)", re.IGNORECASE)),
    (DegreeLevel.MASTER, re.compile(
        r"\b(?:master's|masters|master(?= of | in | degree)|m\.?s\.?c?\.?(?= in | of |,| degree)|"
        r"m\.s\.|msc|m\.\s?sc\.?|mba|m\.b\.a\.|"
        r"msn|m\.?eng|m\.?\s?tech|mca|mph|m\.?ed\.?|m\.a\.(?=[\s,])|graduate degree|"
        r"m\.?\s?des\.?|m\.?\s?arch\.?|m\.?\s?pharm\.?|m\.?\s?com\.?|"
        # "an advanced degree", "an advanced business or technical degree"
        r"advanced (?:[a-z-]+ (?:or [a-z-]+ )?)?degree|postgraduate|post-graduate)(?!\w)",
        re.IGNORECASE)),
    (DegreeLevel.BACHELOR, re.compile(
        r"\b(?:bachelor'?s?|baccalaureate|b\.?s\.?c?\.?(?= in | of |,| degree)|b\.s\.|bsc|b\.\s?sc\.?|"
        r"b\.?\s?tech|b\.?e\.(?=\s)|b\.?eng|bba|b\.b\.a\.|bsn|b\.s\.n\.|b\.a\.(?=[\s,])|b\.?com|bfa|"
        r"b\.?\s?des\.?|b\.?\s?arch\.?|b\.?\s?pharm\.?|"
        # medical degrees, a first degree in the UK, Ireland and India: MBBS, MB BCh BAO, MBChB
        r"mbbs|m\.b\.b\.s\.|mb\s?b?ch(?:\s?bao)?|mbchb|"
        r"undergraduate degree|four-year (?:college )?degree|4-year (?:college )?degree|"
        r"graduation from an accredited four-year college|college degree|university degree|"
        r"university graduate|college graduate|degree(?= in )|graduation from an? (?:business |"
        r"accredited )?(?:school|college|university))(?!\w)", re.IGNORECASE)),
    (DegreeLevel.ASSOCIATE, re.compile(
        # "Associate of Arts", not "Front End Associate of the Month"
        r"\b(?:associate'?s? degree|associate of (?:applied |fine |occupational |general )?"
        r"(?:arts?|science|studies|business|nursing|technology)|associates degree|"
        r"a\.a\.s?\.|a\.s\.(?= in )|"
        r"two-year (?:college )?degree|2-year degree|associate'?s?(?=\s*(?:,|or|/)\s*"
        r"(?:a\s+)?bachelor))(?!\w)", re.IGNORECASE)),
    (DegreeLevel.HIGH_SCHOOL, re.compile(
        r"\b(?:high school diploma|high school|ged|secondary school)(?!\w)", re.IGNORECASE)),
]
# Plain uppercase abbreviations: "BS in Computer Science", "MS, Statistics", "PhD".
_ABBREVIATIONS = re.compile(r"\b(?P<abbr>BS|BA|BE|BTech|MS|MA|ME|MTech|PhD|BSN|MSN|MBA)\b"
                            r"(?=\s+(?:in|of)\b|\s*,|\s*\(|\s+degree|$)")
# ... and one written straight before its field ("BS Computer Science", "MSc Data Science"):
# capitalised words, one of them a field word (not "MS Excel").
_ABBREVIATION_FIELD = re.compile(
    r"\b(?P<abbr>BS|BA|BSc|MS|MSc|MA|PhD|BE|BEng|MEng)(?=\s+(?P<field>(?:[A-Z][a-z]+\s*){1,3}))")
_ABBR_LEVEL = {"BS": DegreeLevel.BACHELOR, "BA": DegreeLevel.BACHELOR, "BE": DegreeLevel.BACHELOR,
               "BTECH": DegreeLevel.BACHELOR, "BSN": DegreeLevel.BACHELOR,
               "BSC": DegreeLevel.BACHELOR, "BENG": DegreeLevel.BACHELOR,
               "MSC": DegreeLevel.MASTER, "MENG": DegreeLevel.MASTER,
               "MS": DegreeLevel.MASTER, "MA": DegreeLevel.MASTER, "ME": DegreeLevel.MASTER,
               "MTECH": DegreeLevel.MASTER, "MSN": DegreeLevel.MASTER, "MBA": DegreeLevel.MASTER,
               "PHD": DegreeLevel.DOCTORATE}
_IMPLIED_FIELD = {"bsn": "Nursing", "msn": "Nursing", "b.s.n.": "Nursing", "mba": "Business Administration",
                  "m.b.a.": "Business Administration", "bba": "Business Administration",
                  "b.b.a.": "Business Administration", "mph": "Public Health", "mca": "Computer Applications"}
_EQUIVALENT = re.compile(
    r"equivalent (?:practical |work |professional |relevant )?(?:experience|combination)|"
    r"or equivalent\b|may be substituted|in lieu of|or the equivalent|equivalent thereof",
    re.IGNORECASE)
# Where the fields start after a degree: "in X", "of Science in X", ", X", "with a major in X".
_FIELDS_START = re.compile(
    r"^(?:'s|s)?\s*(?:degree\s*)?(?:\([^)]*\)\s*)?(?:of (?:science|arts|engineering|technology|"
    r"applied science|fine arts)\s*)?(?:degree\s*)?(?:,\s*|\s+in\s+|\s+on\s+|\s+within\s+)",
    re.IGNORECASE)
_DEGREE_CHAIN = re.compile(r"^(?:\s*/\s*[A-Za-z.]{1,7})+\s*[-\u2013]\s*(\S.*)$", re.DOTALL)
_FIELDS_LATER = re.compile(r"\b(?:major(?:ing)? in|concentration in|focus in|units in|"
                           r"degree in|in the field of|in)\s+(?!progress\b)",  # a degree "in progress"
                           re.IGNORECASE)
_FIELD_END = re.compile(r"\s*(?:,?\s*(?:or|and)\s+(?:a\s+)?(?:closely\s+)?related (?:technical |"
                        r"quantitative |scientific )?(?:field|discipline|area|major)s?|,?\s*or "
                        r"equivalent.*|\s+from\b.*|\s+and (?:\d+|one|two|three|four|five) .*|"
                        r",?\s+with\b.*|,?\s+(?:preferred|required)\b.*|\s+or higher.*)",
                        re.IGNORECASE)
_RELATED = re.compile(r"related (?:technical |quantitative |scientific )?(?:field|discipline|area|"
                      r"major)|similar field|relevant field", re.IGNORECASE)


def parse_degree(text: str) -> DegreeDetail | None:
    """The degree requirement (or degree held) in ``text``: level, fields, equivalence."""
    if not _DEGREE_WORDS.search(text) and not _DEGREE_CAPITALS.search(text):
        return None
    best: tuple[DegreeLevel, int, int] | None = None
    found: list[tuple[int, int, DegreeLevel]] = []
    for level, pattern in _LEVEL_PATTERNS:
        match = pattern.search(text)
        if match:
            found.append((match.start(), match.end(), level))
            if best is None or match.start() < best[1]:
                best = (level, match.start(), match.end())
    # "an associate or a bachelor's degree": alternatives, so the lower level is what is asked.
    found.sort()
    for (a_start, a_end, a_level), (_b_start, b_end, b_level) in itertools.pairwise(found):
        between = text[a_end:_b_start]
        if re.fullmatch(r"\W*(?:degree\s*)?(?:,\s*)?(?:or|/)\s*(?:an?\s+)?", between, re.I):
            low = min(a_level, b_level)
            if best is not None and best[1] == a_start and low < best[0]:
                best = (low, a_start, b_end)
    abbreviation = _ABBREVIATIONS.search(text) or next(
        (m for m in _ABBREVIATION_FIELD.finditer(text) if FIELD_WORD.search(m.group("field"))),
        None)
    if abbreviation and (best is None or abbreviation.start() < best[1]):
        best = (_ABBR_LEVEL[abbreviation.group("abbr").upper()], abbreviation.start(),
                abbreviation.end())
    if best is None:
        return None
    level, start, end = best
    fields = _fields(text[end:])
    implied = _IMPLIED_FIELD.get(text[start:end].lower())
    if implied and implied not in fields:
        fields = (implied, *fields)
    return DegreeDetail(
        level=level,
        fields=fields,
        related_fields=bool(_RELATED.search(text)),
        equivalent_experience=bool(_EQUIVALENT.search(text)),
        start=start,
        end=end,
    )


def _fields(after: str) -> tuple[str, ...]:
    chained = _DEGREE_CHAIN.match(after[:160])
    if chained:  # "B.E/B.Tech/MCA/M.E-IT/Computer Science": degrees, then their fields
        if not FIELD_WORD.search(chained.group(1)):
            return ()  # "Bachelor/Master - required"
        after = " in " + chained.group(1)
    # A full stop ends the fields, but not one inside an abbreviation ("B.Sc. or M.Sc. in ...")
    # nor the one closing the degree's own ("B.Eng. Electrical Engineering").
    after = after[1:] if after.startswith(".") else after
    # "Master of Science (M.Sc.), Chemistry", "Bachelor of Engineering (Hons) in ...": the
    # degree's own abbreviation or honours in brackets is no end of the fields.
    after = re.sub(r"\s*\((?:[A-Za-z]{1,6}\.?){1,3}\)", "", after, count=1)
    window = re.split(r"[;:()\n]| - | \| |\.(?=\s+[A-Z][a-z]|\s*$)|(?<=[a-z]{4})\.",
                      after[:220], maxsplit=1)[0]
    named = re.match(r"^\s+of\s+(?!(?i:science|arts|applied science|fine arts|engineering)\b)"
                     r"((?:[A-Z][\w&-]*\s?){1,4})", window)
    if named:  # "Master of Business Administration", maybe "... in Accounting" after it
        rest = _fields(window[named.end():]) if re.match(r"\s*in\s", window[named.end():]) else ()
        return (named.group(1).strip(), *rest)
    match = _FIELDS_START.match(window) or _FIELDS_LATER.search(window[:150])
    if not match:
        # "B.S. Computer Science University of Georgia": capitalised words up to the school.
        bare = re.match(r"^\s+((?:[A-Z][\w&-]*\s?){1,5}?)\s*(?=(?:University|College|Institute|"
                        r"School|Academy)\b|\d|$)", window)
        if bare is None:  # "MSc Molecular Biology, University of ...": a field, then a comma
            bare = re.match(r"^\s+((?:[A-Z][\w&-]*\s?){1,5}?)\s*(?=,)", window)
            if bare is not None and not FIELD_WORD.search(bare.group(1)):
                bare = None
        return (bare.group(1).strip(),) if bare and bare.group(1).strip() else ()
    raw = _FIELD_END.sub("", window[match.end():])
    parts = re.split(r",\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+|\s*/\s*", raw)
    # "Civil, Mechanical or Structural Engineering": lone modifiers share the last one's head.
    head = _SHARED_HEAD.search(parts[-1].strip()) if len(parts) > 1 else None
    if head:
        parts = [f"{p.strip()} {head.group(1)}" if _MODIFIER.fullmatch(p.strip())
                 and not FIELD_WORD.search(p) else p for p in parts]
    fields: list[str] = []
    for part in parts:
        if re.search(r"university|college|institute|school|academy", part, re.IGNORECASE):
            break  # the school and its place follow the fields
        part = re.sub(r"^(?:a|an|the|in|of)\s+", "", part.strip(" -"), flags=re.IGNORECASE)
        part = re.sub(r"\s*\(?(?:19|20)\d\d\b.*$", "", part)  # "Computer Science 2019"
        part = re.sub(r"\s+(?:degree|preferred|required|field)$", "", part, flags=re.IGNORECASE)
        if not part or len(part) > 60 or len(part.split()) > 6:
            continue
        if fields and not FIELD_WORD.search(part):
            break  # "Computer Science, CalTech, Pasadena": the fields ended
        if re.search(r"\d|years?|experience|equivalent|accredited|college|university|related|"
                     r"institute|school|academy|semester|quarter|units",
                     part, re.IGNORECASE):
            continue
        if re.match(r"(?:science|arts|required|preferred|desired|progress)$", part, re.IGNORECASE):
            continue
        fields.append(part[:1].upper() + part[1:])
    return tuple(dict.fromkeys(fields))


# A word that qualifies a field rather than names one: "Mechanical", "Civil", "Computer".
_MODIFIER = re.compile(r"[A-Za-z-]+(?:al|ic|ive|ary)|civil|computer|data|software",
                       re.IGNORECASE)
_SHARED_HEAD = re.compile(r"\s((?:engineering|sciences?|studies|technology|management|"
                          r"administration)(?:\s.*)?)$", re.IGNORECASE)
