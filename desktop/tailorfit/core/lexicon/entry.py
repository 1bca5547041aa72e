"""Lexicon entries as written in resources/lexicon/*.json, and their validation."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from tailorfit.core.normalize import fold_for_matching

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_]*$")
CATEGORIES = frozenset({
    "language", "framework", "library", "database", "cloud", "devops", "security", "data", "ml",
    "os", "protocol", "methodology", "concept", "tool", "clinical", "finance", "sales",
    "marketing", "education", "design", "operations", "management", "soft", "human_language",
    "certificate", "license", "degree", "degree_field",
})
FIELDS = frozenset({
    "id", "name", "category", "type", "aliases", "abbreviations", "case_sensitive", "implies",
    "related", "ambiguous", "negative", "positive", "evidence", "degree_level", "field", "note",
    "signals", "requires", "broad", "titles", "years_by_title", "not_asked_with", "not_asked",
    "from_roles", "core_of_titles",
})
SIGNAL_KINDS = frozenset({"actions", "objects", "tools", "metrics", "together"})
REQUIREMENTS = frozenset({"technical_role"})
DEGREE_LEVELS = frozenset({"associate", "bachelor", "master", "doctorate"})

# An alias (or name, or abbreviation) is a name people use for the skill, not a sentence.
MAX_FORM_WORDS = 5
_WORD = re.compile(r"\S*[^\W_]\S*")  # a whitespace-separated token with a letter or digit
_DISPLAY_QUALIFIER = re.compile(r"\s*\([^()]*\)$")  # "Nursing (field of study)"
SENTENCE_PHRASES = (
    "issued by", "recognized by", "recognised by", "accredited by", "awarded by", "granted by",
    "administered by", "to practice before", "to practise before", "in good standing",
    "from an accredited", "graduation from", "certified to teach in",
)
_SENTENCE = re.compile(
    r"\b(?:" + "|".join(re.escape(p) for p in SENTENCE_PHRASES) + r")\b"
    # a past-tense verb with its object, as a resume line: "deployed the model", "managed a team"
    r"|^[a-z]+ed (?:the|a|an|our|their|this)\b"
    # a full stop after a word: "Maintained the data warehouse."
    r"|\s[a-z]{3,}\.$",
    re.IGNORECASE)

# Place names never belong in the lexicon: a term next to a place is told apart by a general
# rule in the term finder ("Boston, MA"), not by listing cities. Small but real: the US states
# and DC, the larger countries and the world's large cities (US ones included).
PLACE_NAMES = frozenset({
    # US states and DC
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
    "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas",
    "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota",
    "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey",
    "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon",
    "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas",
    "Utah", "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming",
    "District of Columbia",
    # countries
    "United States", "United States of America", "Canada", "Mexico", "Brazil", "Argentina",
    "Chile", "Colombia", "Peru", "Venezuela", "Cuba", "Jamaica", "United Kingdom",
    "Great Britain", "England", "Scotland", "Wales", "Ireland", "France", "Germany", "Spain",
    "Portugal", "Italy", "Netherlands", "Belgium", "Switzerland", "Austria", "Sweden", "Norway",
    "Denmark", "Finland", "Poland", "Czech Republic", "Hungary", "Romania", "Greece", "Turkey",
    "Russia", "Ukraine", "Israel", "Egypt", "Saudi Arabia", "United Arab Emirates", "Qatar",
    "Iran", "Iraq", "Pakistan", "India", "Bangladesh", "Sri Lanka", "Nepal", "China", "Japan",
    "South Korea", "North Korea", "Taiwan", "Vietnam", "Thailand", "Malaysia", "Singapore",
    "Indonesia", "Philippines", "Australia", "New Zealand", "South Africa", "Nigeria", "Kenya",
    "Ethiopia", "Ghana", "Morocco",
    # large cities, US
    "New York City", "Los Angeles", "Chicago", "Houston", "Phoenix", "Philadelphia",
    "San Antonio", "San Diego", "Dallas", "San Jose", "Austin", "Jacksonville", "Fort Worth",
    "Columbus", "Charlotte", "San Francisco", "Indianapolis", "Seattle", "Denver", "Boston",
    "Nashville", "Detroit", "Portland", "Las Vegas", "Baltimore", "Milwaukee", "Sacramento",
    "Atlanta", "Miami", "Minneapolis", "Pittsburgh", "St. Louis", "Salt Lake City",
    "New Orleans",
    # large cities, elsewhere
    "Tokyo", "Delhi", "New Delhi", "Shanghai", "Beijing", "Mumbai", "Bangalore", "Bengaluru",
    "Hyderabad", "Chennai", "Kolkata", "Karachi", "Lahore", "Dhaka", "Cairo", "Lagos",
    "Nairobi", "Johannesburg", "Cape Town", "Istanbul", "Moscow", "London", "Paris", "Berlin",
    "Madrid", "Barcelona", "Rome", "Milan", "Amsterdam", "Brussels", "Vienna", "Zurich",
    "Stockholm", "Copenhagen", "Dublin", "Lisbon", "Warsaw", "Prague", "Munich", "Frankfurt",
    "Manchester", "Toronto", "Montreal", "Vancouver", "Mexico City", "Sao Paulo", "São Paulo",
    "Rio de Janeiro", "Buenos Aires", "Bogota", "Sydney", "Melbourne", "Hong Kong", "Seoul",
    "Taipei", "Bangkok", "Jakarta", "Manila", "Kuala Lumpur", "Ho Chi Minh City", "Dubai",
    "Riyadh", "Tel Aviv",
})
US_STATE_CODES = frozenset(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ "
    "NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC".split())
# Skills named after a place, and the entries that may use that word: the Phoenix framework,
# Jakarta EE, the Chicago Manual of Style, Bahasa Indonesia and Bahasa Malaysia.
PLACE_NAMED_SKILLS: dict[str, frozenset[str]] = {
    "phoenix": frozenset({"phoenix", "elixir"}),
    "jakarta": frozenset({"jakarta_ee", "jpa"}),
    "chicago": frozenset({"chicago_manual_of_style"}),
    "indonesia": frozenset({"indonesian"}),
    "malaysia": frozenset({"malay"}),
}
_PLACE_CASE = {p.lower(): p for p in PLACE_NAMES}
@cache
def _place_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The place-name patterns, compiled when the lexicon is first validated (a long
    alternation: compiling it at import would slow every start of the app)."""
    place = re.compile(r"(?<![\w.])(?:" + "|".join(
        re.escape(p) for p in sorted(_PLACE_CASE, key=len, reverse=True)) + r")(?![\w])",
        re.IGNORECASE)
    # "Boston, MA", "palo alto, ca", "Washington, D.C.": a place, then a state code.
    city_state = re.compile(
        r"\b[a-z][\w.'-]*(?: [a-z][\w.'-]*){0,2},\s*(?:"
        + "|".join(sorted(US_STATE_CODES)) + r"|d\.c\.)(?![\w])", re.IGNORECASE)
    return place, city_state


@dataclass(frozen=True, slots=True)
class Entry:
    """One skill, tool, certificate, degree or field of study."""

    id: str
    name: str
    category: str
    type: str
    domain: str
    aliases: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    case_sensitive: frozenset[str] = frozenset()
    implies: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    ambiguous: bool = False
    negative: tuple[str, ...] = ()
    positive: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    degree_level: str | None = None
    field: str | None = None
    # How work shows the skill without naming it (see concepts.py): actions, objects, tools,
    # metrics, together. Stored as a tuple of (kind, values) pairs so entries stay hashable.
    signal_items: tuple[tuple[str, tuple[object, ...]], ...] = ()
    requires: str | None = None  # "technical_role": only roles that show technical work count
    broad: bool = False  # too broad to make two skills "of the same kind" (programming)
    titles: tuple[str, ...] = ()  # job-title words of roles that show it (supervisor, lead)
    # Years of it count only in roles whose title says so: managing people shows in the title,
    # not in a bullet about running a meeting.
    years_by_title: bool = False
    # Skills whose use makes a question about this one pointless ("Have you used HTML?" to a
    # React developer); the verdict is unchanged: React is no HTML for a recruiter.
    not_asked_with: tuple[str, ...] = ()
    # A discipline, a property or a duty ("DevOps", "high availability", "on-call rotations"):
    # a yes to "Have you used it?" adds nothing a reader can check, so it is never asked.
    not_asked: bool = False
    # A work-style trait (communication, working independently, time management) that any
    # work history shows indirectly: with dated roles and no bullet showing it, it is partial.
    # Not for skills that need their own evidence (leadership, mentoring, negotiation).
    from_roles: bool = False
    # Job-title words of roles whose everyday work is the entry: a Mathematics Teacher
    # instructs, a Software Engineer writes and debugs code. A dated role with such a title
    # meets a plain ask for it (rule role-title); unlike ``titles``, never a loose word.
    core_of_titles: tuple[str, ...] = ()

    @property
    def signals(self) -> dict[str, tuple[object, ...]]:
        return dict(self.signal_items)

    @property
    def soft(self) -> bool:
        return self.type == "soft"

    @property
    def display_name(self) -> str:
        """The name without its display qualifier: "Nursing", not "Nursing (field)"."""
        return _DISPLAY_QUALIFIER.sub("", self.name)

    def casing_of(self, form: str) -> str:
        """``form`` as this entry writes it ("PostGRESQL" -> "PostgreSQL", "GIT" -> "Git"),
        or ``form`` itself when no name, alias or abbreviation spells it."""
        key = _casing_key(form)
        return next((known for known in (self.name, *self.aliases, *self.abbreviations)
                     if _casing_key(known) == key), form)

    def surface_forms(self) -> list[tuple[str, bool]]:
        """Every form with whether it must match with exact case."""
        forms = [(f, f in self.case_sensitive) for f in (self.name, *self.aliases)]
        forms += [(f, True) for f in self.abbreviations]
        return forms


@dataclass
class LoadedFile:
    path: Path
    entries: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None


def read_files(folder: Path) -> list[LoadedFile]:
    """Raw entries of every lexicon file in ``folder``, in file name order."""
    loaded: list[LoadedFile] = []
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            loaded.append(LoadedFile(path, list(data.get("entries", []))))
        except (OSError, ValueError) as exc:
            loaded.append(LoadedFile(path, error=str(exc)))
    return loaded


def to_entry(raw: dict[str, Any], domain: str) -> Entry:
    return Entry(
        id=raw["id"], name=raw["name"], category=raw["category"], type=raw["type"],
        domain=domain,
        aliases=tuple(raw.get("aliases", ())),
        abbreviations=tuple(raw.get("abbreviations", ())),
        case_sensitive=frozenset(raw.get("case_sensitive", ())),
        implies=tuple(raw.get("implies", ())),
        related=tuple(raw.get("related", ())),
        ambiguous=bool(raw.get("ambiguous", False)),
        negative=tuple(raw.get("negative", ())),
        positive=tuple(raw.get("positive", ())),
        evidence=tuple(raw.get("evidence", ())),
        degree_level=raw.get("degree_level"),
        field=raw.get("field"),
        signal_items=tuple(sorted((kind, _frozen(values))
                                  for kind, values in (raw.get("signals") or {}).items())),
        requires=raw.get("requires"),
        broad=bool(raw.get("broad", False)),
        titles=tuple(raw.get("titles", ())),
        not_asked_with=tuple(raw.get("not_asked_with", ())),
        not_asked=bool(raw.get("not_asked", False)),
        from_roles=bool(raw.get("from_roles", False)),
        years_by_title=bool(raw.get("years_by_title", False)),
        core_of_titles=tuple(raw.get("core_of_titles", ())),
    )


def _frozen(values: Any) -> tuple[object, ...]:
    """Lists inside signals ("together": [[...], [...]]) as tuples, so entries hash."""
    return tuple(_frozen(v) if isinstance(v, list) else v for v in values)


def validate(files: list[LoadedFile]) -> list[str]:
    """Problems with the lexicon, one line each; an empty list means it is sound."""
    problems: list[str] = []
    entries: dict[str, tuple[str, dict[str, Any]]] = {}
    every: list[tuple[str, dict[str, Any]]] = []
    for loaded in files:
        if loaded.error:
            problems.append(f"{loaded.path.name}: invalid JSON: {loaded.error}")
        for raw in loaded.entries:
            eid = str(raw.get("id", "?"))
            if eid in entries:
                problems.append(f"{loaded.path.name}: duplicate id {eid!r} "
                                f"(also in {entries[eid][0]})")
            entries.setdefault(eid, (loaded.path.name, raw))
            every.append((loaded.path.name, raw))
    forms: dict[str, set[str]] = defaultdict(set)
    for name, raw in every:
        eid = str(raw.get("id", "?"))
        where = f"{name}:{eid}"
        for key in set(raw) - FIELDS:
            problems.append(f"{where}: unknown field {key!r}")
        if not ID_PATTERN.match(eid):
            problems.append(f"{where}: id must match {ID_PATTERN.pattern}")
        if not raw.get("name"):
            problems.append(f"{where}: missing name")
        if raw.get("category") not in CATEGORIES:
            problems.append(f"{where}: unknown category {raw.get('category')!r}")
        if raw.get("type") not in ("hard", "soft"):
            problems.append(f"{where}: type must be hard or soft")
        for key in ("implies", "related", "not_asked_with"):
            for target in raw.get(key, ()):
                if target not in entries:
                    problems.append(f"{where}: {key} target {target!r} does not exist")
                elif target == eid:
                    problems.append(f"{where}: {key} itself")
        if raw.get("field") and raw["field"] not in entries:
            problems.append(f"{where}: field {raw['field']!r} does not exist")
        if raw.get("from_roles") and raw.get("type") != "soft":
            problems.append(f"{where}: from_roles is for soft skills only")
        if raw.get("core_of_titles") and raw.get("type") != "hard":
            problems.append(f"{where}: core_of_titles is for hard skills only")
        for title in raw.get("core_of_titles", ()):
            if title != title.lower():
                problems.append(f"{where}: core_of_titles {title!r} must be lowercase")
        if raw.get("years_by_title") and not raw.get("titles"):
            problems.append(f"{where}: years_by_title needs titles")
        if raw.get("degree_level") and raw["degree_level"] not in DEGREE_LEVELS:
            problems.append(f"{where}: degree_level must be one of {sorted(DEGREE_LEVELS)}")
        names = [raw.get("name", ""), *raw.get("aliases", ())]
        for form in raw.get("case_sensitive", ()):
            if form not in names:
                problems.append(f"{where}: case_sensitive form {form!r} is not its name or an alias")
        for phrase in (*raw.get("negative", ()), *raw.get("positive", ()), *raw.get("evidence", ())):
            if phrase != phrase.lower():
                problems.append(f"{where}: pattern {phrase!r} must be lowercase")
        problems.extend(_form_problems(where, eid, raw))
        sensitive = set(raw.get("case_sensitive", ()))
        for form in names:
            folded = fold_for_matching(form)
            forms[folded if form in sensitive else folded.lower()].add(eid)
        for form in raw.get("abbreviations", ()):
            forms[fold_for_matching(form)].add(eid)
    for form, owners in sorted(forms.items()):
        if len(owners) > 1 and not all(entries[o][1].get("ambiguous") for o in owners):
            problems.append(f"surface form {form!r} belongs to {sorted(owners)}; "
                            "mark every owner ambiguous or keep one")
    problems.extend(_cycles({eid: raw.get("implies", ()) for eid, (_, raw) in entries.items()}))
    return problems


def _casing_key(form: str) -> str:
    return re.sub(r"[^0-9a-z+#]", "", form.lower())


def word_count(form: str) -> int:
    """Words in a surface form; a lone dash or ampersand is no word."""
    return len(_WORD.findall(form))


def place_in(form: str, entry_id: str = "", written: bool = True) -> str | None:
    """The place ``form`` names, if any. ``written`` forms (names, aliases) keep their case:
    "Moscow" or "moscow" is the city, "MoSCoW" is the prioritisation method."""
    place_pattern, city_state_pattern = _place_patterns()
    for m in place_pattern.finditer(form):
        text = m.group(0)
        canonical = _PLACE_CASE[text.lower()]
        if written and text not in (canonical, canonical.lower(), canonical.upper()):
            continue
        if entry_id in PLACE_NAMED_SKILLS.get(canonical.lower(), ()):
            continue
        return canonical
    city_state = city_state_pattern.search(form)
    return city_state.group(0) if city_state else None


def _form_problems(where: str, eid: str, raw: dict[str, Any]) -> list[str]:
    """Aliases that are sentences or too long, and place names in any form or phrase."""
    problems: list[str] = []
    name = str(raw.get("name", ""))
    written = [("name", _DISPLAY_QUALIFIER.sub("", name))]
    written += [("alias", a) for a in raw.get("aliases", ())]
    written += [("abbreviation", a) for a in raw.get("abbreviations", ())]
    for kind, form in written:
        if word_count(form) > MAX_FORM_WORDS:
            problems.append(f"{where}: {kind} {form!r} has {word_count(form)} words; "
                            f"a name people use has at most {MAX_FORM_WORDS}")
        if kind == "alias" and (m := _SENTENCE.search(form)):
            problems.append(f"{where}: alias {form!r} reads as a sentence ({m.group(0).strip()!r})")
    phrases = [("name", name)] + [(k, f) for k, f in written[1:] if k == "alias"]
    phrases += [(key, p) for key in ("negative", "positive") for p in raw.get(key, ())]
    for kind, form in phrases:
        place = place_in(form, eid, written=kind in ("name", "alias"))
        if place:
            problems.append(f"{where}: {kind} {form!r} names a place ({place!r})")
    return problems


def _cycles(graph: dict[str, Any]) -> list[str]:
    found: list[str] = []
    state: dict[str, int] = {}
    for root in graph:
        if root in state:
            continue
        stack: list[tuple[str, int]] = [(root, 0)]
        path: list[str] = []
        while stack:
            node, index = stack.pop()
            if index == 0:
                state[node] = 1
                path.append(node)
            targets = [t for t in graph.get(node, ()) if t in graph]
            if index < len(targets):
                stack.append((node, index + 1))
                nxt = targets[index]
                if state.get(nxt) == 1:
                    found.append("implies cycle: " + " -> ".join([*path[path.index(nxt):], nxt]))
                elif nxt not in state:
                    stack.append((nxt, 0))
            else:
                state[node] = 2
                path.pop()
    return found
