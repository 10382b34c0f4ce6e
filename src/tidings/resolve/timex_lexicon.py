"""Word tables, regular-expression fragments and numeral helpers for time
expressions (immutable constants; see docs/dates.md)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from tidings.resolve.timex_calendar import Holiday, Span, partial

_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Ctx:
    """What a handler may use: the reference (publication) date, the tense of
    the clause around the expression, the last day-level date mentioned before
    it (for "the next day"), and the fiscal-year start month."""

    ref: dt.date | None
    tense: str | None = None
    anchor: dt.date | None = None
    #: the start of the last date of any granularity ("three years earlier", "that year")
    anchor_any: dt.date | None = None
    fiscal_start: int = 10
    holidays: tuple[Holiday, ...] = ()


@dataclass(frozen=True, slots=True)
class Norm:
    value: str | None
    start: dt.date | None
    end: dt.date | None
    granularity: str | None
    kind: str = "date"


MONTHS = MappingProxyType({
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
})
WEEKDAYS = MappingProxyType({"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6})
NUMBERS = MappingProxyType({
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "once": 1, "twice": 2, "thrice": 3, "couple": 2, "a couple of": 2, "a couple": 2,
})
#: vague quantities: value uses ``X``; intervals use this size
VAGUE = MappingProxyType({"few": 3, "a few": 3, "several": 5, "some": 5, "many": 10, "numerous": 10, "dozens of": 24, "hundreds of": 200})
UNIT_CODES = MappingProxyType({"second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W", "month": "M",
              "year": "Y", "decade": "DE", "century": "CE"})

MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
       r"|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)(?![A-Za-z])")
WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
YEAR = r"(?<![\d$.,#/-])(?:1\d\d\d|20\d\d)(?![\d,]\d|%)"
_SMALL = r"one|two|three|four|five|six|seven|eight|nine"
NUM = (r"(?:\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\s](?:" + _SMALL + r")(?!\w)"
       r"|a\s+couple\s+of|a\s+couple|a\s+few|a|an|" + _SMALL + r"|ten|eleven|twelve|thirteen|fourteen|fifteen"
       r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred"
       r"|several|few|many|some|numerous|dozens\s+of|hundreds\s+of)")
UNITS = r"(?i:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|century|centuries)(?![a-z])"
PARTMOD = (r"(?i:early|earlier|mid|middle|late|later|the\s+(?:end|beginning|start|middle|rest)\s+of"
           r"|the\s+(?:first|second)\s+half\s+of|end\s+of|beginning\s+of|start\s+of)")
_PREP_CUES = frozenset({"in", "during", "since", "by", "until", "till", "through", "throughout", "before", "after", "from", "of",
              "to", "and", "or", "between", "around"})
CUE = r"(?:in|In|during|since|Since|by|until|till|through|throughout|before|after|from|From|of|to|and|or|either|between|around|for)"
W = r"(?<![\w'])"  # word start

# ---------------------------------------------------------------- helpers


def number_value(word: str | None) -> float | None:
    """The number a numeral stands for; ``None`` for a vague quantity."""
    if word is None:
        return None
    w = re.sub(r"\s+", " ", word.lower())
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w)
    if "-" in w or " " in w:
        a, _, b = w.replace("-", " ").partition(" ")
        if a in NUMBERS and b in NUMBERS:
            return float(NUMBERS[a] + NUMBERS[b])
    return float(NUMBERS[w]) if w in NUMBERS else None


def _qty(word: str | None, *, default: int = 1) -> tuple[str, int]:
    """(value text, size for intervals) of a numeral: ``("2", 2)``, ``("X", 3)``."""
    if word is None:
        return str(default), default
    n = number_value(word)
    if n is None:
        return "X", VAGUE.get(re.sub(r"\s+", " ", word.lower()), 3)
    return (str(int(n)) if n == int(n) else str(n)), max(int(n), 1)


def _unit(word: str) -> tuple[str, int]:
    """Canonical unit and multiplier of a unit word ("fortnights" -> week, 2)."""
    w = word.lower()
    if w.startswith("centur"):
        return "century", 1
    w = w.removesuffix("s")
    if w == "night":
        return "day", 1
    if w == "fortnight":
        return "week", 2
    return w, 1


def duration_value(qty: str, unit: str) -> str:
    code = UNIT_CODES.get(unit, "D")
    if code.startswith("T"):
        return f"PT{qty}{code[1]}"
    return f"P{qty}{code}"


def pick_by_tense(cands: list[Span], ref: dt.date, tense: str | None, *, slack_days: int = 0) -> Span:
    """Choose among candidate readings of a year-less expression: the latest
    one starting on/before ``ref`` in the past tense, the earliest one ending
    on/after ``ref`` in the future tense, else the nearest (ties go to the past).
    ``slack_days`` lets a day-level date a few days ahead still count as past."""
    def dist(s: Span) -> int:
        assert s.start and s.end
        if s.start <= ref <= s.end:
            return 0
        return (s.start - ref).days if s.start > ref else (ref - s.end).days
    if tense == "past":
        past = [s for s in cands if s.start and s.start <= ref + slack_days * _DAY]
        if past:
            return max(past, key=lambda s: s.start or ref)
    if tense == "future":
        fut = [s for s in cands if s.end and s.end >= ref]
        if fut:
            return min(fut, key=lambda s: s.end or ref)
    return min(cands, key=lambda s: (dist(s), (s.start or ref) > ref))


def pick_day(cands: list[Span], ref: dt.date, tense: str | None, *, window_days: int = 90) -> Span:
    """A year-less day ("May 9", "Christmas"): news style names the year only
    when it is not the publication year, so the publication year's reading
    wins unless the tense contradicts it by more than ``window_days`` (a past
    event on a date months ahead is last year's); without a tense, the nearest."""
    if tense is None:
        return pick_by_tense(cands, ref, None)
    cur = next((c for c in cands if c.start and c.start.year == ref.year), None)
    if cur is None or cur.start is None:
        return pick_by_tense(cands, ref, tense)
    if tense == "past" and cur.start > ref + window_days * _DAY:
        return pick_by_tense([c for c in cands if c is not cur], ref, "past")
    if tense == "future" and cur.start < ref - window_days * _DAY:
        return pick_by_tense([c for c in cands if c is not cur], ref, "future")
    return cur


def _month_num(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _day_span(y: int, mo: int, d: int) -> Span | None:
    try:
        x = dt.date(y, mo, d)
    except ValueError:
        return None
    return Span(x.isoformat(), x, x, "day")


def _mod_key(mod: str | None) -> str | None:
    if not mod:
        return None
    m = re.sub(r"\s+", " ", mod.lower().strip(" -"))
    m = m.removeprefix("the ").removesuffix(" of")
    return {"middle": "mid"}.get(m, m)


def _apply_mod(span: Span, mod: str | None, ref: dt.date | None) -> Span:
    key = _mod_key(mod)
    return partial(span, key, ref) if key else span

_MONTH_GATE = r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
_UNIT_GATE = r"(?i:second|minute|hour|day|night|week|month|year|decade|centur)"
_WD_GATE = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
#: A cheap test per rule: a rule whose gate finds nothing in the text is not run (speed only;
#: every gate matches whatever its rule can match).
GATES: Mapping[str, re.Pattern[str]] = MappingProxyType({
    name: re.compile(g)
    for name, g in {
        "quarter": r"quarter|Q[1-4]",
        "half": r"half",
        "fiscal": r"(?i:fiscal|budget|school|academic|season)|FY",
        "rel_fiscal": r"(?i:fiscal|budget)",
        "month_day": _MONTH_GATE,
        "day_month": _MONTH_GATE,
        "iso": r"\d-\d",
        "numeric": r"\d/\d",
        "month_year": _MONTH_GATE,
        "month": _MONTH_GATE,
        "year_range": r"\d\d\d\d",
        "year": r"\d\d\d\d",
        "decade": r"0['’]?s",
        "rel_unit": r"(?i:week|month|year|quarter|decade|century|spring|summer|fall|autumn|winter)",
        "rel_n": _UNIT_GATE,
        "ago": _UNIT_GATE,
        "in_n": _UNIT_GATE,
        "duration": _UNIT_GATE,
        "unit_long": r"-long",
        "duration_range": _UNIT_GATE,
        "set_rate": r"(?i:hour|day|week|month|year)",
        "set": r"(?i:every|each|per|daily|weekly|monthly|quarterly|annually|yearly|nightly|hourly|times|once|twice|thrice)|" + _WD_GATE,
        "set_to": r"(?i:\bto\b)",
        "weekday_set": _WD_GATE,
        "count": r"(?i:times|once|twice|thrice)",
        "dayword": r"(?i:today|tonight|yesterday|tomorrow|morning|afternoon|evening|night)",
        "the_weekend": r"weekend",
        "anaphoric": r"(?i:day|night|morning|afternoon|evening|week|month|year)",
        "refword": r"(?i:now|current|present|moment|these\s+days|recent|lately|past|future|soon|some\s*day)",
        "weekday": _WD_GATE,
        "season": r"(?i:spring|summer|fall|autumn|winter)",
    }.items()
})
