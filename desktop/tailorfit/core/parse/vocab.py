"""Small shared vocabularies for structure parsing (not skills: those live in the lexicon)."""

from __future__ import annotations

import re


class Folded:
    """A case-insensitive pattern run on lowercased text.

    Python's IGNORECASE matching of long alternations is about three times slower than
    matching lowercased text; these predicates run on every line of every posting. Match
    offsets refer to the lowercased text (the same as the original's for ASCII).
    """

    __slots__ = ("_pattern",)

    def __init__(self, pattern: str) -> None:
        self._pattern = re.compile(_lower_literals(pattern))

    def search(self, text: str) -> re.Match[str] | None:
        return self._pattern.search(text.lower())


def _lower_literals(pattern: str) -> str:
    """Lowercase a pattern's literals, keeping escapes such as \\W and \\S as they are."""
    out: list[str] = []
    escaped = False
    for char in pattern:
        out.append(char if escaped else char.lower())
        escaped = char == "\\" and not escaped
    return "".join(out)

# Words that make a line a job title ("Senior Backend Engineer", "Registered Nurse").
JOB_TITLE = re.compile(
    r"\b(?:engineer|developer|programmer|architect|scientist|analyst|manager|director|lead|"
    r"head|chief|officer|president|vp|cto|ceo|cfo|coo|founder|co-founder|consultant|"
    r"specialist|technician|administrator|admin|coordinator|assistant|associate|intern|"
    r"trainee|apprentice|nurse|rn|lpn|physician|surgeon|therapist|pharmacist|teacher|"
    r"instructor|educator|professor|lecturer|tutor|coach|accountant|auditor|bookkeeper|"
    r"controller|clerk|cashier|representative|rep|agent|advisor|adviser|planner|designer|"
    r"writer|editor|producer|researcher|fellow|owner|partner|supervisor|executive|"
    r"strategist|marketer|recruiter|generalist|operator|mechanic|electrician|driver|"
    r"receptionist|secretary|paralegal|attorney|lawyer|counsel|sre|devops|volunteer|member|"
    r"facilitator|expert|member of technical staff|staff|principal|dentist|hygienist|"
    r"medic|paramedic|caregiver|aide|chef|cook|buyer|merchandiser|photographer|artist|"
    r"animator|illustrator|copywriter|journalist|librarian|counselor|social worker|"
    # hands-on, care and shop-floor work, and medical grades
    r"leader|foreman|forewoman|worker|operative|handler|packer|picker|carrier|courier|"
    r"dispatcher|installer|fitter|welder|plumber|carpenter|machinist|assembler|inspector|"
    r"crew|barista|waiter|waitress|bartender|server|housekeeper|janitor|custodian|guard|"
    r"midwife|dietitian|nutritionist|psychologist|veterinarian|doctor|registrar|resident|"
    r"salesperson|salesman|saleswoman|storekeeper|warehouseman|steward|stewardess|"
    r"cleaner|babysitter|nanny|dishwasher|porter|labou?rer|helper|floater|counsell?or|"
    # research careers
    r"postdoc|postdoctoral researcher|postdoctoral fellow|phd student|phd candidate|"
    r"doctoral (?:student|candidate|researcher)|graduate student|research student)s?\b",
    re.IGNORECASE,
)

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w/])(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?|\d{2,4}[\s.-])\d{3,4}[\s.-]?"
                   r"\d{3,4}(?![\w/])")
URL = re.compile(r"(?:https?://|www\.)\S+|\b(?:linkedin\.com|github\.com|gitlab\.com|"
                 r"behance\.net|dribbble\.com)/\S+", re.IGNORECASE)
LOCATION = re.compile(
    r"^(?:[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){0,3},\s*(?:[A-Z]{2}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)"
    r"(?:,\s*[A-Z][\w ]+)?|remote|hybrid|on-?site|usa|united states|uk|india)$",
    re.IGNORECASE,
)
SCHOOL = re.compile(r"\b(?:university|college|institute|school|academy|polytechnic|"
                    r"conservatory|iit|mit|ucla|uc berkeley|nyu)\b", re.IGNORECASE)

# Words that occur in names of fields of study ("Computer Science", "Nursing").
FIELD_WORD = re.compile(
    r"\b(?:science|sciences|engineering|studies|administration|arts|management|nursing|"
    r"education|mathematics|math|economics|finance|accounting|marketing|design|psychology|"
    r"biology|chemistry|physics|communications?|journalism|law|medicine|pharmacy|statistics|"
    r"informatics|information|technology|systems|computing|business|history|english|"
    r"languages?|literature|health|analytics|commerce|philosophy|sociology|ai|learning|"
    r"development|childhood|logistics|hospitality|agriculture|architecture)\b",
    re.IGNORECASE)

# A clause that prefers a kind or an extra after the main ask: "5+ years of experience,
# preferably with E&P companies", "lean tools and preferably also with using Tableau". The ask
# stays a must, and the extra is no part of it.
PREFERRED_EXTRA = re.compile(r"(?<=\w)[,;]?\s+(?:and\s+)?(?:(?:also|most)\s+)?(?:preferably|"
                             r"ideally)\b", re.IGNORECASE)
