"""Calendar arithmetic for time expressions (datetime only).

Every function here is pure: it takes dates and returns dates/values.  The
units are ``day``, ``week`` (ISO, Monday-Sunday), ``weekend`` (Saturday-Sunday),
``month``, ``quarter``, ``half``, ``year``, ``decade``, ``century`` and the four
northern-hemisphere seasons (spring = March-May, summer = June-August,
fall = September-November, winter = December-February, named by the year of
its December).  Holidays are read from ``data/timex/holidays.tsv`` by
:func:`load_holidays` (an explicit call, never at import).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from tidings.errors import DictionaryError

__all__ = [
    "Holiday",
    "Span",
    "add_months",
    "easter",
    "fiscal_year_span",
    "holiday_date",
    "load_holidays",
    "month_end",
    "partial",
    "season_span",
    "shift",
    "unit_span",
]

_DAY = dt.timedelta(days=1)
SEASONS = MappingProxyType({"spring": ("SP", 3), "summer": ("SU", 6), "fall": ("FA", 9), "autumn": ("FA", 9), "winter": ("WI", 12)})


@dataclass(frozen=True, slots=True)
class Span:
    """A normalised calendar unit: TIMEX3 value and inclusive interval."""

    value: str | None
    start: dt.date | None
    end: dt.date | None
    granularity: str


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, k: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + k
    return idx // 12, idx % 12 + 1


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def unit_span(unit: str, d: dt.date) -> Span:
    """The calendar ``unit`` containing ``d``."""
    if unit == "day":
        return Span(d.isoformat(), d, d, "day")
    if unit == "week":
        mon = d - dt.timedelta(days=d.weekday())
        y, w, _ = mon.isocalendar()
        return Span(f"{y}-W{w:02d}", mon, mon + 6 * _DAY, "week")
    if unit == "weekend":
        mon = d - dt.timedelta(days=d.weekday())
        y, w, _ = mon.isocalendar()
        return Span(f"{y}-W{w:02d}-WE", mon + 5 * _DAY, mon + 6 * _DAY, "range")
    if unit == "month":
        return Span(f"{d.year}-{d.month:02d}", d.replace(day=1), month_end(d.year, d.month), "month")
    if unit == "quarter":
        q = (d.month - 1) // 3 + 1
        return Span(f"{d.year}-Q{q}", dt.date(d.year, 3 * q - 2, 1), month_end(d.year, 3 * q), "quarter")
    if unit == "half":
        h = 1 if d.month <= 6 else 2
        return Span(f"{d.year}-H{h}", dt.date(d.year, 6 * h - 5, 1), month_end(d.year, 6 * h), "range")
    if unit == "year":
        return Span(str(d.year), dt.date(d.year, 1, 1), dt.date(d.year, 12, 31), "year")
    if unit == "decade":
        y0 = d.year - d.year % 10
        return Span(str(y0 // 10), dt.date(y0, 1, 1), dt.date(y0 + 9, 12, 31), "range")
    if unit == "century":
        y0 = d.year - d.year % 100
        return Span(str(y0 // 100), dt.date(y0, 1, 1), dt.date(y0 + 99, 12, 31), "range")
    if unit in SEASONS:
        year = d.year if not (unit == "winter" and d.month <= 2) else d.year - 1
        return season_span(unit, year)
    raise ValueError(f"unknown unit {unit!r}")


def season_span(season: str, year: int) -> Span:
    code, m0 = SEASONS[season]
    y2, m2 = add_months(year, m0, 2)
    return Span(f"{year}-{code}", dt.date(year, m0, 1), month_end(y2, m2), "range")


def shift(unit: str, d: dt.date, k: int) -> dt.date:
    """``d`` moved by ``k`` units (month arithmetic clamps the day)."""
    if unit == "day":
        return d + k * _DAY
    if unit in ("week", "weekend"):
        return d + 7 * k * _DAY
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}
    if unit in SEASONS:
        months_k = 12 * k
    elif unit in months:
        months_k = months[unit] * k
    else:
        raise ValueError(f"unknown unit {unit!r}")
    y, m = add_months(d.year, d.month, months_k)
    return min(d.replace(day=1).replace(year=y, month=m) + (d.day - 1) * _DAY, month_end(y, m))


#: parts of a calendar year (months) and of a month (days)
_YEAR_PARTS = MappingProxyType({"early": (1, 4), "mid": (5, 8), "late": (9, 12), "beginning": (1, 2), "start": (1, 2), "end": (11, 12),
               "first half": (1, 6), "second half": (7, 12)})
_DECADE_PARTS = MappingProxyType({"early": (0, 3), "mid": (3, 6), "late": (7, 9)})
_MONTH_PARTS = MappingProxyType({"early": (1, 10), "mid": (11, 20), "late": (21, 31), "beginning": (1, 5), "start": (1, 5), "end": (25, 31)})


def partial(span: Span, mod: str, ref: dt.date | None = None) -> Span:
    """A part of ``span``: early/mid/late thirds, beginning/end sixths, the
    first/second half, or (with ``ref``) the part before/after ``ref``
    ("earlier this month", "later this year").  Granularity becomes ``range``;
    the value stays the enclosing unit's."""
    assert span.start and span.end
    n = (span.end - span.start).days + 1
    s, e = span.start, span.end
    whole_year = (s.month, s.day, e.month, e.day) == (1, 1, 12, 31) and s.year == e.year
    whole_month = s.day == 1 and e == month_end(s.year, s.month)
    if whole_year and mod in _YEAR_PARTS:
        m0, m1 = _YEAR_PARTS[mod]
        return Span(span.value, dt.date(s.year, m0, 1), month_end(s.year, m1), "range")
    if (e.year - s.year == 9 and s.year % 10 == 0) and mod in _DECADE_PARTS:
        y0, y1 = _DECADE_PARTS[mod]
        return Span(span.value, dt.date(s.year + y0, 1, 1), dt.date(s.year + y1, 12, 31), "range")
    if whole_month and mod in _MONTH_PARTS:
        d0, d1 = _MONTH_PARTS[mod]
        return Span(span.value, s.replace(day=d0), min(e, s.replace(day=min(d1, e.day))), "range")
    if mod in ("early", "late", "mid"):
        third = n // 3
        if mod == "early":
            e = s + (third - 1) * _DAY
        elif mod == "mid":
            s, e = s + third * _DAY, s + (2 * third - 1) * _DAY
        else:
            s = s + 2 * third * _DAY
    elif mod in ("beginning", "start"):
        e = s + (max(n // 6, 1) - 1) * _DAY
    elif mod == "end":
        s = e - (max(n // 6, 1) - 1) * _DAY
    elif mod == "first half":
        e = s + (n // 2 - 1) * _DAY
    elif mod == "second half":
        s = s + (n // 2) * _DAY
    elif mod == "earlier" and ref is not None:
        e = max(min(e, ref), s)  # a reference before the span leaves its first day
    elif mod in ("later", "rest") and ref is not None:
        s = min(max(s, ref), e)  # "later March" said in April: the span's last day, never an empty interval
    return Span(span.value, s, e, "range")


def fiscal_year_span(fy: int, start_month: int) -> Span:
    """Fiscal year ``fy`` (named by the calendar year it ends in)."""
    if start_month == 1:
        return Span(f"FY{fy}", dt.date(fy, 1, 1), dt.date(fy, 12, 31), "year")
    y2, m2 = add_months(fy, start_month, -1)
    return Span(f"FY{fy}", dt.date(fy - 1, start_month, 1), month_end(y2, m2), "year")


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


@dataclass(frozen=True, slots=True)
class Holiday:
    """A named day: ``rule`` is ``fixed:MM-DD``, ``nth:MONTH:WEEKDAY:N[+DAYS]``
    (WEEKDAY 0 = Monday, N=-1 for the last), or ``easter:OFFSET``."""

    names: tuple[str, ...]
    rule: str


def load_holidays(path: Path | None = None) -> tuple[Holiday, ...]:
    """Read ``holidays.tsv`` (columns ``names`` and ``rule``)."""
    if path is None:
        text = resources.files("tidings").joinpath("data/timex/holidays.tsv").read_text(encoding="utf-8")
        origin = "data/timex/holidays.tsv"
    else:
        text = path.read_text(encoding="utf-8")
        origin = str(path)
    out: list[Holiday] = []
    header_seen = False
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if not header_seen:
            if cols[:2] != ["names", "rule"]:
                raise DictionaryError(f"{origin}:{lineno}: header must be 'names<TAB>rule'", code="E201")
            header_seen = True
            continue
        if len(cols) != 2 or holiday_date(Holiday((), cols[1]), 2000) is None:
            raise DictionaryError(f"{origin}:{lineno}: bad holiday line {line!r}", code="E201")
        out.append(Holiday(tuple(n.strip() for n in cols[0].split("|")), cols[1].strip()))
    return tuple(out)


def holiday_date(h: Holiday, year: int) -> dt.date | None:
    kind, _, arg = h.rule.partition(":")
    try:
        if kind == "fixed":
            mm, dd = arg.split("-")
            return _safe_date(year, int(mm), int(dd))
        if kind == "easter":
            return easter(year) + int(arg) * _DAY
        if kind == "nth":
            base, _, extra = arg.partition("+")
            month, weekday, n = (int(x) for x in base.split(":"))
            offset = int(extra or 0) * _DAY
            if n > 0:
                first = dt.date(year, month, 1)
                return first + ((weekday - first.weekday()) % 7 + 7 * (n - 1)) * _DAY + offset
            last = month_end(year, month)
            return last - ((last.weekday() - weekday) % 7) * _DAY + offset
    except ValueError:
        return None
    return None
