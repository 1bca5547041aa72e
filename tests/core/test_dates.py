"""Date ranges as resumes write them, and total experience with overlaps merged."""

from __future__ import annotations

from datetime import date

import pytest

from tailorfit.core.parse.dates import YearMonth, find_ranges, join_split_range, merged_months

TODAY = date(2026, 11, 27)


@pytest.mark.parametrize(("text", "start", "end", "present"), [
    ("Jan 2019 – Present", YearMonth(2019, 1), YearMonth(2026, 11), True),
    ("01/2019 - 03/2021", YearMonth(2019, 1), YearMonth(2021, 3), False),
    ("2015–2018", YearMonth(2015, 1), YearMonth(2018, 1), False),
    ("Summer 2020", YearMonth(2020, 6), YearMonth(2020, 8), False),
    ("2019 - Current", YearMonth(2019, 1), YearMonth(2026, 11), True),
    ("Aug. 2019 - Current", YearMonth(2019, 8), YearMonth(2026, 11), True),
    ("Sept 2018 to May 2023", YearMonth(2018, 9), YearMonth(2023, 5), False),
    ("Fall 2013 - Spring 2014", YearMonth(2013, 9), YearMonth(2014, 5), False),
    ("Jan '19 - Mar '21", YearMonth(2019, 1), YearMonth(2021, 3), False),
    ("June 2017 | - | Present", YearMonth(2017, 6), YearMonth(2026, 11), True),
    # year first, and "since": until now
    ("2017/03 - 2020/06", YearMonth(2017, 3), YearMonth(2020, 6), False),
    ("2017.03 – 2019.11", YearMonth(2017, 3), YearMonth(2019, 11), False),
    ("since 2020", YearMonth(2020, 1), YearMonth(2026, 11), True),
    ("Since March 2021", YearMonth(2021, 3), YearMonth(2026, 11), True),
])
def test_ranges(text: str, start: YearMonth, end: YearMonth, present: bool) -> None:
    from tailorfit.core.normalize import normalize

    (found,) = find_ranges(normalize(text).text, TODAY)
    assert (found.start, found.end, found.present) == (start, end, present)


def test_months_are_inclusive() -> None:
    (found,) = find_ranges("Jan 2019 - Mar 2019", TODAY)
    assert found.months == 3


def test_a_span_of_two_years_is_no_year_and_month() -> None:
    # "2009-10" is an academic year, never October 2009
    assert find_ranges("B.Sc. 2009-10", TODAY) == []


def test_no_dates_in_phone_numbers_or_salaries() -> None:
    assert find_ranges("Call 206-555-0149 or (415) 555-0142; $120,000 - $150,000", TODAY) == []


def test_present_is_the_injected_today() -> None:
    (found,) = find_ranges("Mar 2020 - Present", date(2021, 2, 1))
    assert found.end == YearMonth(2021, 2)


def test_overlapping_roles_are_merged() -> None:
    ranges = find_ranges("Jan 2018 - Dec 2019; Jun 2019 - Jun 2020; Jan 2022 - Dec 2022", TODAY)
    # 2018-01..2020-06 is 30 months; 2022 is 12 more; the overlap counts once.
    assert merged_months(ranges) == 42


def test_adjacent_roles_do_not_double_count() -> None:
    ranges = find_ranges("Jan 2020 - Jun 2020 and Jul 2020 - Dec 2020", TODAY)
    assert merged_months(ranges) == 12


def test_range_broken_over_two_lines() -> None:
    joined = join_split_range("2017 - | Product Manager, Google", "Present", TODAY)
    assert joined is not None and joined.start == YearMonth(2017, 1) and joined.present
    assert join_split_range("Product Manager", "Present", TODAY) is None
