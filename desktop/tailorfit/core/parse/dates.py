"""Dates and date ranges as resumes write them, and total experience from them.

Months are counted inclusively: "Jan 2019 - Mar 2019" is three months. A year without a
month counts as January of that year; "Present" is the month of the injectable ``today``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
# Season -> (month when it starts a range, month when it ends one)
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11),
            "winter": (12, 2)}
_MONTH_RE = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
             r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_YEAR_RE = r"(?:19[5-9]\d|20\d\d)"
_DATE_RE = (
    rf"(?:(?P<{{p}}month>{_MONTH_RE})[ ,]*(?P<{{p}}myear>{_YEAR_RE}|'\d\d)"
    rf"|(?P<{{p}}season>spring|summer|fall|autumn|winter)[ ,]*(?P<{{p}}syear>{_YEAR_RE})"
    rf"|(?P<{{p}}num>0?[1-9]|1[0-2])\s*[/.-]\s*(?P<{{p}}nyear>{_YEAR_RE})"
    # year first, as in "2017/03" and "2017.03" (not "2009-10", a span of two years)
    rf"|(?P<{{p}}ryear>{_YEAR_RE})[/.](?P<{{p}}rnum>0?[1-9]|1[0-2])(?!\d)"
    rf"|(?P<{{p}}year>{_YEAR_RE}))"
)
_PRESENT_RE = (r"(?P<present>present|current(?:ly)?|now|today|ongoing|till date|to date"
               r"|date)")
_RANGE = re.compile(
    rf"(?<![\w/])(?:from\s+)?{_DATE_RE.format(p='s_')}\s*(?:\|\s*)?"
    rf"(?:-+|to|until|till|through|thru|~|>)\s*(?:\|\s*)?"
    rf"(?:{_DATE_RE.format(p='e_')}|{_PRESENT_RE})(?![\w/])",
    re.IGNORECASE,
)
_LONE_SEASON = re.compile(rf"(?<![\w/])(spring|summer|fall|autumn|winter)[ ,]*({_YEAR_RE})(?![\w/])",
                          re.IGNORECASE)
_SINCE = re.compile(rf"(?<![\w/])since\s+{_DATE_RE.format(p='s_')}(?![\w/])", re.IGNORECASE)
_SINGLE = re.compile(rf"(?<![\w/]){_DATE_RE.format(p='s_')}(?![\w/])", re.IGNORECASE)


@dataclass(frozen=True, slots=True, order=True)
class YearMonth:
    """A calendar month."""

    year: int
    month: int

    @property
    def index(self) -> int:
        return self.year * 12 + self.month - 1

    @classmethod
    def of(cls, day: date) -> YearMonth:
        return cls(day.year, day.month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True, slots=True)
class DateRange:
    """A start and an end month found at ``start_offset:end_offset`` of some text."""

    start: YearMonth
    end: YearMonth
    present: bool
    start_offset: int
    end_offset: int
    year_only: bool = False

    @property
    def months(self) -> int:
        """Inclusive length in months (0 when the end precedes the start)."""
        return max(0, self.end.index - self.start.index + 1)

    def label(self) -> str:
        end = "present" if self.present else str(self.end)
        return f"{self.start} - {end}"


def _year(text: str) -> int:
    if text.startswith("'"):
        short = int(text[1:])
        return 2000 + short if short < 50 else 1900 + short
    return int(text)


def _month_from(match: re.Match[str], prefix: str, role: str) -> tuple[YearMonth, bool] | None:
    """The month a date group denotes; ``role`` is 'start' or 'end' (seasons differ)."""
    group = match.group
    if group(f"{prefix}month"):
        key = group(f"{prefix}month").lower().rstrip(".")
        return YearMonth(_year(group(f"{prefix}myear")), _MONTHS[key]), False
    if group(f"{prefix}season"):
        first, last = _SEASONS[group(f"{prefix}season").lower()]
        return YearMonth(int(group(f"{prefix}syear")), first if role == "start" else last), False
    if group(f"{prefix}num"):
        return YearMonth(int(group(f"{prefix}nyear")), int(group(f"{prefix}num"))), False
    if group(f"{prefix}rnum"):
        return YearMonth(int(group(f"{prefix}ryear")), int(group(f"{prefix}rnum"))), False
    if group(f"{prefix}year"):
        return YearMonth(int(group(f"{prefix}year")), 1), True
    return None


_HAS_DIGIT = re.compile(r"\d\d")


def find_ranges(text: str, today: date) -> list[DateRange]:
    """Every date range in ``text``: "Jan 2019 – Present", "01/2019 - 03/2021", "2015–2018"."""
    found: list[DateRange] = []
    if not _HAS_DIGIT.search(text):  # every range has a year: two digits at least
        return found
    now = YearMonth.of(today)
    for match in _RANGE.finditer(text):
        start = _month_from(match, "s_", "start")
        if start is None:
            continue
        if match.group("present"):
            if match.group("present").lower() == "date" and not re.search(
                    r"(?:to|till)\s+date$", match.group(0), re.IGNORECASE):
                continue
            end, end_year_only, present = now, False, True
        else:
            parsed = _month_from(match, "e_", "end")
            if parsed is None:
                continue
            end, end_year_only = parsed
            present = False
            if end_year_only and start[1] and end.year == start[0].year:
                end = YearMonth(end.year, 12)  # "2019 - 2019" spans that year
        if end < start[0]:
            continue
        found.append(DateRange(start[0], min(end, max(now, start[0])), present, match.start(),
                               match.end(), start[1] and (present or end_year_only)))
    for match in _SINCE.finditer(text):  # "since 2020", "since March 2021": until now
        if any(r.start_offset <= match.start() < r.end_offset for r in found):
            continue
        since = _month_from(match, "s_", "start")
        if since is not None and since[0] <= now:
            found.append(DateRange(since[0], now, True, match.start(), match.end(), since[1]))
    for match in _LONE_SEASON.finditer(text):  # "Summer 2020" is a range of its own
        if any(r.start_offset <= match.start() < r.end_offset for r in found):
            continue
        first, last = _SEASONS[match.group(1).lower()]
        year = int(match.group(2))
        end = YearMonth(year + 1 if last < first else year, last)
        found.append(DateRange(YearMonth(year, first), min(end, max(now, YearMonth(year, first))),
                               False, match.start(), match.end()))
    found.sort(key=lambda r: r.start_offset)
    return found


def find_single_dates(text: str) -> list[tuple[YearMonth, int, int]]:
    """Dates that are not part of a range, with their offsets (graduation years, say)."""
    taken = [(r.start_offset, r.end_offset) for r in find_ranges(text, date.max)]
    result: list[tuple[YearMonth, int, int]] = []
    for match in _SINGLE.finditer(text):
        if any(a <= match.start() < b for a, b in taken):
            continue
        parsed = _month_from(match, "s_", "end")
        if parsed:
            result.append((parsed[0], match.start(), match.end()))
    return result


def merged_months(ranges: Iterable[DateRange]) -> int:
    """Months covered by the ranges with overlaps counted once."""
    spans = sorted((r.start.index, r.end.index) for r in ranges if r.months > 0)
    total = 0
    current: list[int] | None = None
    for start, end in spans:
        if current is not None and start <= current[1] + 1:
            current[1] = max(current[1], end)
            continue
        if current is not None:
            total += current[1] - current[0] + 1
        current = [start, end]
    if current is not None:
        total += current[1] - current[0] + 1
    return total


_OPEN_START = re.compile(rf"^\s*{_DATE_RE.format(p='s_')}\s*(?:-+|to)\s*(?:\|\s*)?(?:$|(?=[A-Za-z]))",
                         re.IGNORECASE)
_END_ONLY = re.compile(rf"^\s*(?:{_DATE_RE.format(p='e_')}|{_PRESENT_RE})(?=\s*(?:\||$)|\s+[A-Z])",
                       re.IGNORECASE)


def opens_split_range(text: str) -> bool:
    """True when ``text`` starts with the first half of a broken range ("2017 – | Product ...")."""
    return _OPEN_START.match(text) is not None


def join_split_range(start_text: str, end_text: str, today: date) -> DateRange | None:
    """A range broken over two lines: "2017 –" on one and "Present" on the next.

    Offsets of the result refer to ``start_text``.
    """
    opening = _OPEN_START.match(start_text)
    closing = _END_ONLY.match(end_text)
    if not opening or not closing:
        return None
    start = _month_from(opening, "s_", "start")
    if start is None:
        return None
    if closing.group("present"):
        end, present = YearMonth.of(today), True
    else:
        parsed = _month_from(closing, "e_", "end")
        if parsed is None:
            return None
        end, present = parsed[0], False
    if end < start[0]:
        return None
    return DateRange(start[0], end, present, opening.start(), opening.end(), start[1])
