"""Regular-expression rules that find and normalise time expressions.

Each rule is ``(name, compiled pattern, handler)``.  A pattern's named group
``t`` (when present) is the reported span: a leading preposition that only
serves as a cue ("in" of "in March") is matched but not reported; a signal that
changes the value ("since", "early", "last") is reported.  A handler gets the
match and a :class:`Ctx` and returns a :class:`Norm` or ``None`` (reject).
Patterns are immutable module constants; nothing here holds mutable state.
See docs/dates.md for the supported expressions and the interval rules.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from types import MappingProxyType

from tidings.resolve.timex_calendar import (
    SEASONS,
    Holiday,
    Span,
    fiscal_year_span,
    holiday_date,
    month_end,
    season_span,
    shift,
    unit_span,
)
from tidings.resolve.timex_lexicon import (
    _PREP_CUES,
    CUE,
    DAYNUM,
    MON,
    NUM,
    PARTMOD,
    UNITS,
    WD,
    WEEKDAYS,
    YEAR,
    Ctx,
    Norm,
    W,
    _apply_mod,
    _day_span,
    _month_num,
    _qty,
    _unit,
    duration_value,
    number_value,
    pick_by_tense,
    pick_day,
)

__all__ = ["RULES", "Ctx", "Norm", "Rule", "holiday_rule", "number_value", "pick_by_tense"]

_DAY = dt.timedelta(days=1)


def _to_norm(span: Span, kind: str = "date") -> Norm:
    return Norm(span.value, span.start, span.end, span.granularity, kind)


Handler = Callable[[re.Match[str], Ctx], "Norm | None"]
Rule = tuple[str, "re.Pattern[str]", Handler]

def _range(a: Span, b: Span) -> Norm:
    return Norm(f"{a.value}/{b.value}", a.start, b.end, "range")


# ---------------------------------------------------------------- handlers


def h_month_day(m: re.Match[str], c: Ctx) -> Norm | None:
    mo = _month_num(m["mon"])
    d1 = int(re.sub(r"\D", "", m["d1"]))
    d2 = int(re.sub(r"\D", "", m["d2"])) if m["d2"] else None
    if m["y"]:
        years = [int(m["y"])]
    elif c.ref is None:
        return Norm(f"XXXX-{mo:02d}-{d1:02d}", None, None, "day")
    else:
        years = [c.ref.year - 1, c.ref.year, c.ref.year + 1]
    cands = [s for y in years if (s := _day_span(y, mo, d1)) is not None]
    if m.groupdict().get("wd") and len(cands) > 1:  # "Sunday, April 5": the year where it is a Sunday
        wd = WEEKDAYS[m["wd"].lower()]
        cands = [s for s in cands if s.start and s.start.weekday() == wd] or cands
    if not cands:
        return None
    first = cands[0] if len(cands) == 1 or c.ref is None else pick_day(cands, c.ref, c.tense)
    if d2 is None:
        return _to_norm(first)
    assert first.start
    second = _day_span(first.start.year, mo, d2)
    return _range(first, second) if second and d2 > d1 else None


def h_iso(m: re.Match[str], c: Ctx) -> Norm | None:
    s = _day_span(int(m["y"]), int(m["mo"]), int(m["d"]))
    return _to_norm(s) if s else None


def h_numeric(m: re.Match[str], c: Ctx) -> Norm | None:
    y = int(m["y"])
    if y < 100:
        y += 2000 if y < 50 else 1900
    s = _day_span(y, int(m["mo"]), int(m["d"]))
    return _to_norm(s) if s else None


def h_month_year(m: re.Match[str], c: Ctx) -> Norm:
    y, mo = int(m["y"]), _month_num(m["mon"])
    return _to_norm(_apply_mod(unit_span("month", dt.date(y, mo, 1)), m["mod"], c.ref))


def h_month(m: re.Match[str], c: Ctx) -> Norm | None:
    word = m["mon"]
    after = m.string[m.end(): m.end() + 20]
    paired = re.match(r"\s*(?:or|and|to|through|-|–)\s*" + MON, after) is not None
    cue = m["cue"] or ""
    if not (cue or m["rel"] or m["mod"] or paired):
        return None
    if word in ("May", "March") and not (m["rel"] or m["mod"] or cue.lower() in ("in", "since", "until", "by", "during", "through", "till", "either", "or", "and", "to", "from")):
        return None
    mo = _month_num(word)
    if c.ref is None:
        return Norm(f"XXXX-{mo:02d}", None, None, "month")
    rel = (m["rel"] or "").lower()
    this = dt.date(c.ref.year, mo, 1)
    if rel == "last":
        y = c.ref.year if mo < c.ref.month else c.ref.year - 1
    elif rel == "next":
        y = c.ref.year if mo > c.ref.month else c.ref.year + 1
    elif rel == "this":
        y = c.ref.year
    else:
        cands = [unit_span("month", this.replace(year=c.ref.year + k)) for k in (-1, 0, 1)]
        picked = pick_by_tense(cands, c.ref, c.tense).start
        assert picked is not None
        y = picked.year
    return _to_norm(_apply_mod(unit_span("month", dt.date(y, mo, 1)), m["mod"], c.ref))


_NOT_YEAR_AFTER = re.compile(
    r"\s*(?:%|percent|people|residents|students|acres|feet|square|miles|pounds|tons|dollars|votes"
    r"|jobs|homes|units|members|cases|deaths|copies|signatures|calls|sq\b)"
    r"|\s+[A-Z][a-z]+\.?\s+(?:St|Street|Road|Rd|Ave|Avenue|Drive|Dr|Lane|Ln|Blvd|Boulevard|Highway|Hwy"
    r"|Court|Ct|Way|Place|Pl|Circle|Parkway|Pkwy|Trail|Loop)\b"
)


def h_year(m: re.Match[str], c: Ctx) -> Norm | None:
    after = m.string[m.end(): m.end() + 40]
    if _NOT_YEAR_AFTER.match(after):
        return None
    y = int(m["y"])
    if c.ref is not None and y > c.ref.year + 30:
        return None
    if y < 1800 and (m["cue"] or "").lower() not in _PREP_CUES:
        return None
    has_cue = bool(m["cue"] or m["mod"] or m["poss"] or m["paren"])
    if not has_cue and not re.match(r"\s*(?:[,.;:!?)\"”]|$|and\b|to\b|through\b)", after):
        return None
    return _to_norm(_apply_mod(unit_span("year", dt.date(y, 1, 1)), m["mod"], c.ref))


def h_year_range(m: re.Match[str], c: Ctx) -> Norm | None:
    y1, s2 = int(m["y1"]), m["y2"]
    y2 = int(s2) if len(s2) == 4 else (y1 // 100) * 100 + int(s2)
    if not y1 < y2 <= y1 + 30:
        return None
    window = m.string[max(0, m.start() - 40): m.end() + 40].lower()
    if y2 == y1 + 1 and re.search(r"budget|fiscal", window):
        return _to_norm(fiscal_year_span(y2, c.fiscal_start))
    return _range(unit_span("year", dt.date(y1, 1, 1)), unit_span("year", dt.date(y2, 1, 1)))


def h_decade(m: re.Match[str], c: Ctx) -> Norm | None:
    if m["dec"]:
        y0 = int(m["dec"])
    else:
        d2 = int(m["d2"])
        y0 = (1900 if d2 >= 30 else 2000) + d2
    return _to_norm(_apply_mod(unit_span("decade", dt.date(y0, 1, 1)), m["mod"], c.ref))


def _weekend(ref: dt.date, rel: str, tense: str | None) -> Span:
    if rel in ("last", "this past", "past", "previous") or (rel == "this" and tense == "past" and ref.weekday() < 5):
        return unit_span("weekend", ref - 7 * _DAY)
    if rel in ("next", "this coming", "coming"):
        return unit_span("weekend", ref + 7 * _DAY if ref.weekday() >= 5 else ref)
    return unit_span("weekend", ref)


def _relative_unit(unit: str, rel: str, c: Ctx) -> Span | None:
    assert c.ref is not None
    k = {"last": -1, "past": -1, "previous": -1, "this past": -1, "next": 1, "coming": 1, "this coming": 1,
         "this": 0, "current": 0, "the current": 0}.get(rel)
    if k is None:
        return None
    if unit == "weekend":
        return _weekend(c.ref, rel, c.tense)
    if unit in SEASONS:
        cands = [season_span(unit, c.ref.year + j) for j in (-2, -1, 0, 1)]
        if k < 0:
            return max((s for s in cands if s.end and s.end < c.ref), key=lambda s: s.end or c.ref)
        if k > 0:
            return min((s for s in cands if s.start and s.start > c.ref), key=lambda s: s.start or c.ref)
        current = [s for s in cands if s.start and s.end and s.start <= c.ref <= s.end]
        return current[0] if current else next(s for s in cands if s.start and s.start.year == c.ref.year)
    if unit == "fiscal year":
        fy = c.ref.year + (1 if c.fiscal_start > 1 and c.ref.month >= c.fiscal_start else 0)
        return fiscal_year_span(fy + k, c.fiscal_start)
    return unit_span(unit, shift(unit, c.ref, k))


def h_the_weekend(m: re.Match[str], c: Ctx) -> Norm | None:
    """"over the weekend": the coming one in the future tense, else the last one."""
    if c.ref is None:
        return Norm(None, None, None, "range")
    return _to_norm(_weekend(c.ref, "next" if c.tense == "future" and c.ref.weekday() < 5 else "this", c.tense or "past"))


def h_rel_unit(m: re.Match[str], c: Ctx) -> Norm | None:
    unit = re.sub(r"\s+", " ", m["unit"].lower()).replace("autumn", "fall")
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    if m["the"] and not m["mod"] and rel in ("past", "last", "next", "coming"):
        return _anchored_duration(rel, 1, "1", unit, c)
    if rel in ("previous", "following", "preceding") and m["the"]:
        base = c.anchor or c.ref
        if base is None or unit in SEASONS or unit == "fiscal year":
            return None
        return _to_norm(_apply_mod(unit_span(unit, shift(unit, base, -1 if rel != "following" else 1)), m["mod"], c.ref))
    if c.ref is None:
        return Norm(None, None, None, "range")
    span = _relative_unit(unit, rel, c)
    return _to_norm(_apply_mod(span, m["mod"], c.ref)) if span else None


_SUBDAY = MappingProxyType({"second": 1, "minute": 60, "hour": 3600})


def _anchored_duration(rel: str, size: int, qty: str, unit: str, c: Ctx) -> Norm | None:
    if unit in SEASONS or unit in ("weekend", "fiscal year", "quarter"):
        return None
    value = duration_value(qty, unit)
    if c.ref is None:
        return Norm(value, None, None, "range", "duration")
    if unit in _SUBDAY:  # "the past 24 hours": whole days
        unit, size = "day", max(1, -(-size * _SUBDAY[unit] // 86400))
    if rel in ("past", "last", "previous", "recent"):
        return Norm(value, shift(unit, c.ref, -size), c.ref, "range", "duration")
    return Norm(value, c.ref + _DAY, shift(unit, c.ref, size), "range", "duration")


def h_rel_n(m: re.Match[str], c: Ctx) -> Norm | None:
    rel = m["rel"].lower()
    if m["n"] is None and not m["unit"].lower().endswith(("s", "centuries")):
        return None
    unit, mult = _unit(m["unit"])
    qty, size = _qty(m["n"], default=1)
    if rel == "following":
        rel = "next"
    if m["n"] is None and rel in ("coming", "recent"):
        size = {"day": 7, "week": 6, "month": 6, "year": 5}.get(unit, 3)
        if c.ref is None:
            return Norm("FUTURE_REF" if rel == "coming" else "PAST_REF", None, None, "range")
        if unit in _SUBDAY:  # "in the coming hours": within a day of the reference date
            if rel == "coming":
                return Norm("FUTURE_REF", c.ref, c.ref + _DAY, "range")
            return Norm("PAST_REF", c.ref - _DAY, c.ref, "range")
        if rel == "coming":
            return Norm("FUTURE_REF", c.ref + _DAY, shift(unit, c.ref, size), "range")
        return Norm("PAST_REF", shift(unit, c.ref, -size), c.ref, "range")
    if qty != "X" and mult > 1:
        qty, size = str(int(qty) * mult), size * mult
    return _anchored_duration(rel, size, qty, unit, c)


def h_ago(m: re.Match[str], c: Ctx) -> Norm | None:
    unit, mult = _unit(m["unit"])
    qty, size = _qty(m["n"])
    size *= mult
    d = m["dir"].lower()
    sign = 1 if d in ("later", "after", "from now", "hence") else -1
    anchor = c.anchor if unit in ("day", "week") else (c.anchor_any or c.anchor)
    base = c.ref if d in ("ago", "back", "from now", "hence") else (anchor or c.ref)
    if base is None or unit in ("second", "minute", "hour"):
        return Norm(None, None, None, None) if unit not in ("second", "minute", "hour") else None
    if qty == "X":
        ref_word = "PAST_REF" if sign < 0 else "FUTURE_REF"
        end = shift(unit, base, sign)
        return Norm(ref_word, None, end, "range") if sign < 0 else Norm(ref_word, end, None, "range")
    gran_unit = unit if unit in ("day", "week", "month", "year") else "year"
    return _to_norm(unit_span(gran_unit, shift(unit, base, sign * size)))


def h_in_n(m: re.Match[str], c: Ctx) -> Norm | None:
    unit, mult = _unit(m["unit"])
    qty, size = _qty(m["n"])
    if qty != "X":
        qty, size = str(int(float(qty)) * mult), size * mult
    counted = (m["n"] or "").lower() not in ("a", "an")
    if m["cue"].lower() == "in" and counted and c.tense == "future" and c.ref and qty != "X" and unit in ("day", "week", "month", "year"):
        return _to_norm(unit_span(unit, shift(unit, c.ref, size)))
    return Norm(duration_value(qty, unit), None, None, None, "duration")


def h_duration(m: re.Match[str], c: Ctx) -> Norm | None:
    after = m.string[m.end(): m.end() + 12]
    if re.match(r"(?:-|\s+)(?:olds?|of\s+age)\b", after):
        return None
    if m["unit"].lower() == "second" and (m["n"] or "").lower() in ("a", "") and re.match(r"\s+[a-z]", after):
        return None
    unit, mult = _unit(m["unit"])
    if (m["n"] or "").lower() == "some" and not m["unit"].lower().endswith("s"):
        return None  # "some day" is a future reference, not a duration
    qty = _qty(m["n"])[0] if m["n"] else "X"
    if qty != "X" and mult > 1:
        qty = str(int(float(qty)) * mult)
    return Norm(duration_value(qty, unit), None, None, None, "duration")


def h_duration_range(m: re.Match[str], c: Ctx) -> Norm | None:
    """"30 to 45 minutes", "ten or fifteen years": both ends, ``PT30M/PT45M``."""
    unit, mult = _unit(m["unit"])
    a, b = number_value(m["n1"]), number_value(m["n"])
    if a is None or b is None or a >= b:
        return None
    return Norm(f"{duration_value(str(int(a * mult)), unit)}/{duration_value(str(int(b * mult)), unit)}", None, None, None, "duration")


def h_unit_long(m: re.Match[str], c: Ctx) -> Norm:
    """"hour-long", "week-long"."""
    return Norm(duration_value("1", _unit(m["unit"])[0]), None, None, None, "duration")


def h_set(m: re.Match[str], c: Ctx) -> Norm:
    txt = (m["t"] or m.group(0)).lower()
    wd = re.search(WD.lower(), txt)
    if wd:
        return Norm(f"XXXX-WXX-{WEEKDAYS[wd.group(0)] + 1}", None, None, None, "set")
    for word, unit in (("hour", "hour"), ("night", "day"), ("dai", "day"), ("day", "day"), ("week", "week"),
                       ("month", "month"), ("annual", "year"), ("year", "year"), ("quarter", "quarter")):
        if word in txt:
            break
    else:
        unit = "day"
    if unit == "quarter":
        return Norm("P3M", None, None, None, "set")
    n = "2" if ("other" in txt or "biweekly" in txt) else "1"
    return Norm(duration_value(n, unit), None, None, None, "set")


def h_weekday_set(m: re.Match[str], c: Ctx) -> Norm:
    """Opening hours: "Monday-Thursday", "Friday 10-6"."""
    first = f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()] + 1}"
    if m["wd2"]:
        return Norm(f"{first}/XXXX-WXX-{WEEKDAYS[m['wd2'].lower()] + 1}", None, None, None, "set")
    return Norm(first, None, None, None, "set")


def h_count(m: re.Match[str], c: Ctx) -> Norm | None:
    word = m["n"] or m["once"] or re.sub(r".*\s", "", m["t"])
    qty, _ = _qty(word)
    return Norm(qty, None, None, None, "count")


def h_dayword(m: re.Match[str], c: Ctx) -> Norm | None:
    w = (m["w"] or m["w2"]).lower()
    if m["w"] == "Today":
        before = m.string[max(0, m.start() - 3): m.start()]
        if before and not re.search(r"[.!?\"“\n]\s*$", before):
            return None
    k = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(w, 0)
    if c.ref is None:
        return Norm(None, None, None, "day")
    return _to_norm(unit_span("day", c.ref + k * _DAY))


def h_anaphoric(m: re.Match[str], c: Ctx) -> Norm | None:
    txt = re.sub(r"\s+", " ", m.group(0).lower())
    unit = next((u for u in ("week", "month", "year") if u in txt), "day")
    base = (c.anchor if unit in ("day", "week") else (c.anchor_any or c.anchor)) or c.ref
    if base is None:
        return Norm(None, None, None, None)
    k = 0
    if re.search(r"next|following|after", txt):
        k = 1
    elif re.search(r"previous|preceding|before", txt):
        k = -1
    return _to_norm(unit_span(unit, shift(unit, base, k)))


def h_refword(m: re.Match[str], c: Ctx) -> Norm | None:
    raw = m["t"] or m.group(0)
    w = raw.lower()
    if raw.startswith("Now") and not re.search(r"(?:^|[.!?\"“‘(]\s*)$", m.string[: m.start("t")]):
        return None  # "the First Amendment Now Campaign"
    if w == "soon" and c.tense == "past":
        return None  # "she soon learned English": a relative "soon after", not the future
    if re.search(r"recent|lately|past", w):  # "in years past" too
        return Norm("PAST_REF", None, c.ref, "range")
    if re.search(r"soon|future|some\s*day", w):
        return Norm("FUTURE_REF", c.ref + _DAY if c.ref else None, None, "range")
    return Norm("PRESENT_REF", c.ref, c.ref, "day")


_UNTIL_BEFORE = re.compile(r"\b(?:through|until|till|by)\s+$")


def h_weekday(m: re.Match[str], c: Ctx) -> Norm | None:
    wd = WEEKDAYS[m["wd"].lower()]
    if c.ref is None:
        return Norm(f"XXXX-WXX-{wd + 1}", None, None, "day")
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    back = (c.ref.weekday() - wd) % 7
    fwd = (wd - c.ref.weekday()) % 7
    if rel in ("last", "this past", "past"):
        d = c.ref - (back or 7) * _DAY
    elif rel in ("next", "this coming", "coming"):
        d = c.ref + (fwd or 7) * _DAY
    elif rel == "this":
        d = c.ref + (wd - c.ref.weekday()) * _DAY
    elif c.tense == "future" or (c.tense is None and (fwd < back or _UNTIL_BEFORE.search(m.string, 0, m.start()))):
        d = c.ref + fwd * _DAY
    else:
        d = c.ref - back * _DAY
    return _to_norm(unit_span("day", d))


def h_season(m: re.Match[str], c: Ctx) -> Norm | None:
    s = m["s"].lower().replace("autumn", "fall")
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    if not (rel or m["y"] or m["mod"] or m["cue"]):
        return None
    if s == "fall" and not (rel or m["y"] or (m["cue"] or "").lower().endswith("the")):
        return None
    if s == "fall" and not (rel or m["y"]) and re.match(r"\s+(?!of\b|semester|term|season|session)[a-z]", m.string[m.end():]):
        return None  # "the fall run", "the fall guy"
    if m["y"]:
        span = season_span(s, int(m["y"]))
    elif c.ref is None:
        return Norm(None, None, None, "range")
    elif rel:
        span = _relative_unit(s, rel, c)  # type: ignore[assignment]
        if span is None:
            return None
    else:
        span = pick_by_tense([season_span(s, c.ref.year + k) for k in (-1, 0, 1)], c.ref, c.tense)
    return _to_norm(_apply_mod(span, m["mod"], c.ref))


def _year_of(m: re.Match[str], c: Ctx) -> int | None:
    y = m["y"] or m.groupdict().get("y_")
    if y:
        return int(y)
    rel = (m["rel"] or "").lower()
    if c.ref is None:
        return None
    return c.ref.year + {"last": -1, "next": 1}.get(rel, 0)


def h_quarter(m: re.Match[str], c: Ctx) -> Norm | None:
    q = m["q"] or str({"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}[m["ord"].lower()])
    y = _year_of(m, c)
    if y is None:
        return Norm(f"XXXX-Q{q}", None, None, "quarter")
    return _to_norm(unit_span("quarter", dt.date(y, 3 * int(q) - 2, 1)))


def h_half(m: re.Match[str], c: Ctx) -> Norm | None:
    y = _year_of(m, c)
    h = 1 if m["h"].lower() == "first" else 2
    if y is None:
        return Norm(f"XXXX-H{h}", None, None, "range")
    return _to_norm(unit_span("half", dt.date(y, 6 * h - 5, 1)))


def h_fiscal(m: re.Match[str], c: Ctx) -> Norm | None:
    y = m["y"] or m["y2"]
    if y:
        fy = int(y) if len(y) == 4 else 2000 + int(y.lstrip("'"))
        return _to_norm(fiscal_year_span(fy, c.fiscal_start))
    y3, y4 = int(m["y3"]), m["y4"]
    y4n = int(y4) if len(y4) == 4 else (y3 // 100) * 100 + int(y4)
    if y4n != y3 + 1:
        return None
    kind = m["kind"].lower()
    if "fiscal" in kind or "budget" in kind:
        return _to_norm(fiscal_year_span(y4n, c.fiscal_start))
    start_month = 8 if ("school" in kind or "academic" in kind) else 9
    return Norm(f"{y3}/{y4n}", dt.date(y3, start_month, 1), month_end(y4n, 6 if start_month == 8 else 5), "range")


def h_rel_fiscal(m: re.Match[str], c: Ctx) -> Norm | None:
    if c.ref is None:
        return Norm(None, None, None, "year")
    rel = re.sub(r"\s+", " ", m["rel"].lower()).removeprefix("the ")
    span = _relative_unit("fiscal year", {"upcoming": "next", "coming": "next", "previous": "last"}.get(rel, rel), c)
    return _to_norm(span) if span else None


def make_holiday_handler(holidays: tuple[Holiday, ...]) -> Handler:
    def h_holiday(m: re.Match[str], c: Ctx) -> Norm | None:
        name = re.sub(r"\s+", " ", m["h"]).lower().replace("’", "'")
        hol = next((h for h in holidays if name in (n.lower() for n in h.names)), None)
        if hol is None:
            return None
        rel = (m["rel"] or "").lower()
        if m["y"]:
            d = holiday_date(hol, int(m["y"]))
            return _to_norm(unit_span("day", d)) if d else None
        if c.ref is None:
            return Norm(None, None, None, "day")
        cands = [unit_span("day", d) for k in (-1, 0, 1) if (d := holiday_date(hol, c.ref.year + k))]
        tense = {"last": "past", "next": "future", "this": c.tense}.get(rel, c.tense)
        return _to_norm(pick_day(cands, c.ref, tense))
    return h_holiday


def holiday_rule(holidays: tuple[Holiday, ...]) -> Rule | None:
    """The rule for named days (built from the loaded holiday list)."""
    names = sorted({n for h in holidays for n in h.names}, key=len, reverse=True)
    if not names:
        return None
    alt = "|".join(re.escape(n).replace(r"\ ", r"\s+").replace("'", "['’]") for n in names)
    pat = re.compile(rf"{W}(?P<t>(?:(?P<rel>last|next|this)\s+)?(?P<h>{alt})(?:,?\s+(?P<y>{YEAR}))?)(?![\w'])")
    return ("holiday", pat, make_holiday_handler(holidays))


def _rx(p: str) -> re.Pattern[str]:
    return re.compile(p)


_REL = r"(?P<rel>(?i:this\s+past|this\s+coming|last|next|this|past|previous|preceding|following|coming|current))"
_SEASON = r"(?i:spring|summer|fall|autumn|winter)"
_RELUNIT = r"(?P<unit>(?i:week|weekend|month|year|quarter|decade|century|fiscal\s+year)|" + _SEASON + r")"

_COUNT_Q = r"(?i:as\s+many\s+as|as\s+few\s+as|at\s+least|at\s+most|more\s+than|fewer\s+than|up\s+to|about|nearly|only|just)"

RULES: tuple[Rule, ...] = (
    ("quarter", _rx(rf"{W}(?P<t>(?:the\s+)?(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))\s+quarter\s+of\s+(?:(?P<y>{YEAR})|(?:(?i:the)\s+)?(?P<rel>last|next|this|the)?\s*(?i:year|fiscal\s+year))"
                    rf"|Q(?P<q>[1-4])\s+(?P<y_>{YEAR}))"), h_quarter),
    ("half", _rx(rf"{W}(?P<t>the\s+(?P<h>first|second)\s+half\s+of\s+(?:(?P<y>{YEAR})|(?P<rel>last|next|this|the)\s+year))"), h_half),
    ("fiscal", _rx(rf"{W}(?P<t>(?i:fiscal)\s+(?:year\s+)?(?P<y>{YEAR})|FY\s?-?(?P<y2>\d{{4}}|\d\d)(?!\d)"
                   rf"|(?:the\s+)?(?P<y3>{YEAR})\s*[-–/]\s*(?P<y4>\d\d(?!\d)|{YEAR})\s+(?P<kind>(?i:fiscal\s+year|budget\s+year|budget|school\s+year|academic\s+year|season)))"),
     h_fiscal),
    ("rel_fiscal", _rx(rf"{W}(?P<t>(?P<rel>(?i:the\s+current|the\s+next|the\s+previous|the\s+coming|the\s+upcoming|last|next|this|current|previous|upcoming|coming))\s+(?i:fiscal\s+year|budget\s+year))(?!\w)"),
     h_rel_fiscal),
    ("month_day", _rx(rf"{W}(?P<t>(?:(?P<wd>{WD}),?\s+)?(?:the\s+)?(?P<mon>{MON})\s+(?P<d1>{DAYNUM})"
                     rf"(?:\s*(?:-|–|to|through)\s*(?P<d2>{DAYNUM}))?(?:,?\s+(?P<y>{YEAR}))?)"), h_month_day),
    ("day_month", _rx(rf"{W}(?P<t>(?:(?P<wd>{WD}),?\s+)?(?:the\s+)?(?P<d1>{DAYNUM})(?P<d2>)\s+(?:of\s+)?(?P<mon>{MON})(?:,?\s+(?P<y>{YEAR}))?)"),
     h_month_day),
    ("iso", _rx(r"(?<![\d-])(?P<y>(?:19|20)\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?!\d)"), h_iso),
    ("numeric", _rx(r"(?<![\d/])(?P<mo>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>(?:19|20)\d\d|\d\d)(?![\d/])"), h_numeric),
    ("month_year", _rx(rf"{W}(?P<t>(?:(?P<mod>{PARTMOD})[\s-]+)?(?P<mon>{MON}),?\s+(?:of\s+)?(?P<y>{YEAR}))"), h_month_year),
    ("month", _rx(rf"{W}(?:(?P<cue>{CUE}|the)\s+)?(?P<t>(?:(?P<mod>{PARTMOD})[\s-]+)?(?:(?P<rel>last|next|this)\s+)?(?P<mon>{MON}))"),
     h_month),
    ("year_range", _rx(rf"{W}(?P<t>(?P<y1>{YEAR})\s*(?:-|–|/)\s*(?P<y2>\d\d(?!\d)|{YEAR}))"), h_year_range),
    ("year", _rx(rf"{W}(?:(?P<cue>{CUE}|the|The|a|an|A|An|its|his|her|their|this|that|[Ss]ummer|[Ww]inter|[Ss]pring|[Ff]all)[\s-]+|(?P<paren>\())?"
                 rf"(?P<t>(?:(?P<mod>{PARTMOD})[\s-]+)?(?P<y>{YEAR})(?P<poss>['’]s)?)(?!\s*(?:-|–)\s*\d)"), h_year),
    ("decade", _rx(rf"{W}(?P<t>(?:(?P<mod>(?i:early|mid|late))[\s-]+)?(?:(?P<dec>(?:1[89]|20)\d0)['’]?s|['’](?P<d2>\d0)s))(?!\w)"), h_decade),
    ("rel_unit", _rx(rf"{W}(?P<t>(?:(?P<mod>{PARTMOD})[\s-]+)?(?P<the>(?i:the)\s+)?{_REL}\s+{_RELUNIT})(?![\w-])"), h_rel_unit),
    ("rel_n", _rx(rf"{W}(?P<t>(?:(?i:the)\s+)?(?P<rel>(?i:past|last|next|coming|previous|recent|following))\s+(?:(?P<n>{NUM})\s+)?(?P<unit>{UNITS}))(?!\w)"),
     h_rel_n),
    ("ago", _rx(rf"{W}(?P<t>(?P<n>{NUM})\s+(?P<unit>{UNITS})\s+(?P<dir>ago|back|from\s+now|hence|earlier|later|(?:before|after)(?=\s*[,.;:]|\s*$)))"),
     h_ago),
    ("in_n", _rx(rf"{W}(?P<cue>[Ii]n|[Ww]ithin)\s+(?P<t>(?P<n>{NUM})\s+(?P<unit>{UNITS}))(?![\w-])"), h_in_n),
    ("duration", _rx(rf"{W}(?P<t>(?:(?P<n>{NUM})(?:\s+|-)|(?P<bare>)(?:(?<=\b[Ff]or\s)|(?<=\bover\s)|(?<=\bin\s)|(?<=\bafter\s)|(?<=\bjust\s)|(?<=\bonly\s)))(?P<unit>{UNITS})(?:-long)?)(?![\w])"),
     h_duration),
    ("duration_range", _rx(rf"{W}(?P<t>(?P<n1>{NUM})\s*(?:to|or|-|–)\s*(?P<n>{NUM})[\s-](?P<unit>{UNITS}))(?![\w-])"), h_duration_range),
    ("unit_long", _rx(rf"{W}(?P<t>(?P<n>)(?P<bare>)(?P<unit>hour|day|week|month|year|decade)-long)(?!\w)"), h_unit_long),
    ("set_rate", _rx(r"(?:\d|million|billion|thousand|percent|cents?|dollars?|pounds?|euros?)\s+(?P<t>(?:a|an|per)\s+(?:hour|day|week|month|year))(?!\w)"), h_set),
    ("set", _rx(rf"{W}(?P<t>(?i:every|each|per)\s+(?:other\s+)?(?:{UNITS}|{WD}|(?i:quarter))|(?:{NUM}\s+times|once|twice|thrice)\s+(?:a|an|per|each|every)\s+(?:{UNITS}|quarter)"
                rf"|(?:[Dd]aily|[Ww]eekly|[Bb]iweekly|[Mm]onthly|[Qq]uarterly|[Aa]nnually|[Yy]early|[Nn]ightly|[Hh]ourly)(?!\s+[A-Z])|{WD}s)(?![\w])"), h_set),
    ("set_to", _rx(rf"{W}(?P<t>(?P<u>(?i:year|month|week|day))\s+to\s+(?P=u))(?!\w)"), h_set),
    ("weekday_set", _rx(rf"{W}(?P<t>(?P<wd>{WD})(?:\s*[-–]\s*(?P<wd2>{WD})|(?=,?\s+\d{{1,2}}(?::\d\d)?\s*(?:[ap]\.?m\.?)?\s*[-–]\s*\d)))(?!\w)"),
     h_weekday_set),
    ("count", _rx(rf"{W}(?P<t>(?:{_COUNT_Q}\s+)?(?:(?P<n>{NUM}|\d+)\s+times|twice|thrice)|{_COUNT_Q}\s+(?P<once>once))(?!\s+(?:a|an|per|each|every)\b)(?!\w)"),
     h_count),
    ("dayword", _rx(rf"{W}(?P<t>(?:(?i:earlier|later|early|late)\s+)?(?P<w>today|Today|tonight|Tonight|yesterday|Yesterday|tomorrow|Tomorrow)(?:\s+(?:morning|afternoon|evening|night))?"
                    r"|(?P<w2>(?i:this|last))\s+(?:morning|afternoon|evening|night))(?![\w])"), h_dayword),
    ("the_weekend", _rx(rf"{W}(?:[Oo]ver|[Dd]uring|[Oo]n|[Tt]hrough|[Aa]ll|[Uu]ntil|[Bb]y|[Ff]or)\s+(?P<t>the\s+weekend)(?![\w-])"), h_the_weekend),
    ("anaphoric", _rx(rf"{W}(?P<t>(?i:that|the\s+same|the\s+next|the\s+following|the\s+previous|the\s+preceding|later\s+that|earlier\s+that)\s+(?:day|morning|afternoon|evening|night|week|month|year)"
                      r"|(?i:the\s+day|the\s+night)\s+(?:before|after)(?=\s*[,.;:]))(?![\w])"), h_anaphoric),
    ("refword", _rx(rf"{W}(?P<t>(?i:now|currently|right\s+now|at\s+present|nowadays|at\s+the\s+moment|these\s+days|recently|lately"
                    r"|(?<=\b[Ii]n\s)the\s+(?:recent\s+|distant\s+)?past|(?<=\b[Ii]n\s)years\s+past|some\s*day)|the\s+(?:near\s+)?future"
                    r"|(?<!as\s)soon(?!\s+(?:as|after|before|afterwards?)\b|er|est))(?![\w-])"), h_refword),
    ("weekday", _rx(rf"{W}(?P<t>(?:(?P<rel>(?i:this\s+past|this\s+coming|last|next|this|early|late))\s+)?(?P<wd>{WD})(?:\s+(?:morning|afternoon|evening|night))?)(?!\w|['’](?!s\b))"), h_weekday),
    ("season", _rx(rf"{W}(?:(?P<cue>(?i:in\s+the|during\s+the|by\s+the|over\s+the|through\s+the|until\s+the|since\s+the|of\s+the|the))\s+)?"
                   rf"(?P<t>(?:(?P<mod>{PARTMOD})[\s-]+)?(?:(?P<rel>(?i:this\s+past|this\s+coming|last|next|this|past|coming))\s+)?(?P<s>{_SEASON})(?:\s+(?:of\s+)?(?P<y>{YEAR}))?)(?![\w])"),
     h_season),
)
