"""When did an event happen: time expressions and event date intervals.

Public API:

- :func:`find_timexes` finds time expressions in raw text (regular-expression
  rules, no spaCy) and normalises them against a reference (publication) date,
  tense-aware.  ``kind`` is ``date``, ``duration``, ``set`` or ``count``.
- :func:`resolve_with_tense` re-normalises one expression for a known tense.
- :func:`attach_timexes` (from :mod:`tidings.resolve.timex_attach`) picks the
  expression syntactically attached to an event trigger.
- :func:`event_date` turns the attached expression (or none) into the event's
  :class:`~tidings.types.DateInterval`.
- :func:`date_event` does the last two for one trigger, in the trigger's tense.

Supported expressions and interval rules: docs/dates.md.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from tidings.errors import ConfigError
from tidings.resolve.timex_attach import attach_timexes, range_from, trigger_tense
from tidings.resolve.timex_calendar import Holiday, load_holidays, unit_span
from tidings.resolve.timex_lexicon import GATES
from tidings.resolve.timex_rules import RULES, Ctx, Norm, Rule, holiday_rule
from tidings.types import DateInterval, Timex

__all__ = [
    "TimexFinder",
    "attach_timexes",
    "date_event",
    "event_date",
    "find_timexes",
    "guess_tense",
    "range_from",
    "resolve_with_tense",
]

TENSES = ("past", "present", "future")

_FUTURE = re.compile(
    r"\b(?:will|won['’]t|shall|(?:is|are|was|were)\s+(?:going|expected|scheduled|set|slated|due|planning|supposed)\s+to"
    r"|scheduled|slated|set\s+(?:to|for)|plans?\s+to|planning\s+to|intends?\s+to|hopes?\s+to|upcoming"
    r"|would|to\s+be\s+held)\b|['’]ll\b|\b(?:could|might|may)\b(?!\s+(?:not|have|never)\b|n['’]t)"
)
#: irregular past forms (regular ones end in -ed)
_IRREGULAR_PAST = (
    "said|was|were|had|did|told|took|met|spoke|came|went|made|gave|held|left|began|saw|found|got|won|lost|ran"
    "|fell|led|sent|thought|brought|bought|kept|paid|struck|fled|flew|fought|drove|rode|wrote|broke|chose|stood"
    "|understood|sold|shot|became|knew|grew|threw|wore|ate|sat|withdrew|rose|sank|swore|tore|woke|forgave|froze"
    "|hid|bit|lay|sought|taught|caught|meant|felt|heard|built|spent|dealt|slid|stole|sprang|swam|sang|drank|rang"
)
_PAST = re.compile(rf"\b(?:{_IRREGULAR_PAST}|says|ago|has\s+been|have\s+been|[a-z]{{2,}}ed)\b")
_FUTURE_AUX_BEFORE = re.compile(r"\b(?:will|would|shall|to|['’]ll)\s+(?:not\s+)?(?:be|have|have\s+been)\s+$")
_CLAUSE_END = re.compile(r"[;:()]|\s[-–—]\s")
_SENT_END = re.compile(r"[.!?][\"”’)]?\s+(?=[A-Z\"“‘(])|\n")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - 400)
    s = lo
    for m in _SENT_END.finditer(text, lo, start):
        s = m.end()
    m2 = _SENT_END.search(text, end, min(len(text), end + 400))
    return s, (m2.start() + 1 if m2 else min(len(text), end + 400))


def guess_tense(text: str, start: int, end: int) -> str | None:
    """A cheap tense guess for the clause around ``text[start:end]``: the
    nearest future or past marker before it in its sentence (future wins a
    tie), else the first one after it; ``None`` when the sentence has none."""
    s, e = _sentence_bounds(text, start, end)
    best: tuple[int, str] | None = None
    for rx, tense in ((_FUTURE, "future"), (_PAST, "past")):
        for m in rx.finditer(text, s, start):
            t = tense
            if t == "past" and _FUTURE_AUX_BEFORE.search(text, max(0, m.start() - 20), m.start()):
                t = "future"  # "will be featured"
            if best is None or m.end() > best[0] or (m.end() == best[0] and t == "future"):
                best = (m.end(), t)
    if best:
        return best[1]
    clause_end = _CLAUSE_END.search(text, end, e)
    e = clause_end.start() if clause_end else e
    after: tuple[int, str] | None = None
    for rx, tense in ((_FUTURE, "future"), (_PAST, "past")):
        m = rx.search(text, end, e)
        if m and (after is None or m.start() < after[0]):
            after = (m.start(), tense)
    return after[1] if after else None


@dataclass(frozen=True, slots=True)
class _Cand:
    start: int  # whole match
    end: int
    t_start: int  # reported span
    t_end: int
    order: int
    rule: Rule
    match: re.Match[str]


_JOIN = re.compile(r"^\s*(?:or|to|through|until|till|-|–|and)\s*$")
_FROM = re.compile(r"(?:\b(?:from|between|From|Between)\s+(?:either\s+)?)$")
_SINCE = re.compile(r"\b(?:since|Since|ever\s+since)\s+$")


class TimexFinder:
    """Finds time expressions; holds the holiday list and the fiscal-year start
    month (10 = US federal, October-September; 7 for most US states)."""

    def __init__(self, *, holidays: tuple[Holiday, ...] | None = None, fiscal_start_month: int = 10):
        if not 1 <= fiscal_start_month <= 12:
            raise ConfigError(f"fiscal_start_month must be 1-12, not {fiscal_start_month}", hint="10 = October")
        self.holidays = load_holidays() if holidays is None else holidays
        self.fiscal_start_month = fiscal_start_month
        hr = holiday_rule(self.holidays)
        self.rules: tuple[Rule, ...] = RULES + ((hr,) if hr else ())

    def _candidates(self, text: str) -> list[_Cand]:
        out: list[_Cand] = []
        for order, rule in enumerate(self.rules):
            gate = GATES.get(rule[0])
            if gate is not None and gate.search(text) is None:
                continue
            for m in rule[1].finditer(text):
                if m.end() == m.start():
                    continue
                ts, te = (m.start("t"), m.end("t")) if "t" in m.re.groupindex and m["t"] else (m.start(), m.end())
                out.append(_Cand(m.start(), m.end(), ts, te, order, rule, m))
        return out

    def find(self, text: str, ref_date: dt.date | None, *, offset: int = 0, tense: str | None = None) -> list[Timex]:
        if ref_date is not None and not 1000 <= ref_date.year <= 9000:
            ref_date = None  # calendar arithmetic near year 1 or 9999 would overflow
        cands = sorted(self._candidates(text), key=lambda c: (-(c.t_end - c.t_start), -(c.end - c.start), c.order, c.start))
        taken: list[_Cand] = []
        probe = Ctx(ref=ref_date, fiscal_start=self.fiscal_start_month, holidays=self.holidays)
        for c in cands:
            if all(c.t_end <= o.t_start or c.t_start >= o.t_end for o in taken) and c.rule[2](c.match, probe) is not None:
                taken.append(c)
        taken.sort(key=lambda c: c.t_start)
        found: list[tuple[int, int, Norm]] = []
        anchor: dt.date | None = None
        anchor_any: dt.date | None = None
        for c in taken:
            t = tense if tense is not None else guess_tense(text, c.t_start, c.t_end)
            t = None if t == "present" else t  # present tense: the nearest reading
            ctx = Ctx(ref=ref_date, tense=t, anchor=anchor, anchor_any=anchor_any,
                      fiscal_start=self.fiscal_start_month, holidays=self.holidays)
            norm = c.rule[2](c.match, ctx)
            if norm is None:
                continue
            found.append((c.t_start, c.t_end, norm))
            if norm.kind == "date" and norm.start and norm.value and not norm.value.endswith("_REF"):
                anchor_any = norm.start
                if norm.granularity == "day":
                    anchor = norm.start
        found = _merge_durations(text, _merge_ranges(text, found))
        found = _apply_since(text, found, ref_date)
        return [
            Timex(text=text[s:e], char_start=s + offset, char_end=e + offset, value=n.value,
                  interval_start=n.start, interval_end=n.end, granularity=n.granularity, kind=n.kind)
            for s, e, n in found
        ]


def _roll_forward(second_text: str, first: Norm, second: Norm) -> Norm:
    """In "February or March" the year-less second part follows the first:
    move it forward by whole years until it does."""
    if re.search(r"\d{4}", second_text) or not (first.start and second.start and second.end and second.value):
        return second
    if second.granularity not in ("day", "month") or second.start >= first.start:
        return second
    try:
        k = first.start.year - second.start.year + (1 if second.start.replace(year=first.start.year) < first.start else 0)
        start, end = second.start.replace(year=second.start.year + k), second.end.replace(year=second.end.year + k)
    except ValueError:  # 29 February
        return second
    if second.granularity == "month":
        end = unit_span("month", start).end or end
    return Norm(str(start.year) + second.value[4:], start, end, second.granularity, second.kind)


def _merge_ranges(text: str, found: list[tuple[int, int, Norm]]) -> list[tuple[int, int, Norm]]:
    """Join "February or March", "from 2001 to 2005", "between May and June"."""
    out: list[tuple[int, int, Norm]] = []
    i = 0
    while i < len(found):
        s, e, n = found[i]
        if i + 1 < len(found):
            s2, e2, n2 = found[i + 1]
            between = text[e:s2]
            pre = _FROM.search(text, max(0, s - 20), s)
            joiner = _JOIN.match(between)
            n2 = _roll_forward(text[s2:e2], n, n2)
            if joiner and n.kind == n2.kind == "date" and n.start and n2.end and n.start <= n2.end:
                word = between.strip()
                if word != "and" or (pre and "etween" in pre.group(0)):
                    s0 = pre.start() if pre else s
                    out.append((s0, e2, Norm(f"{n.value}/{n2.value}", n.start, n2.end, "range")))
                    i += 2
                    continue
        out.append((s, e, n))
        i += 1
    return out


_DUR_PART = re.compile(r"^P(?:T)?(\d+)([A-Z]+)$")


def _merge_durations(text: str, found: list[tuple[int, int, Norm]]) -> list[tuple[int, int, Norm]]:
    """"five years and eight months" -> P5Y8M."""
    out: list[tuple[int, int, Norm]] = []
    for s, e, n in found:
        if out:
            s0, e0, n0 = out[-1]
            a, b = _DUR_PART.match(n0.value or ""), _DUR_PART.match(n.value or "")
            if (n0.kind == n.kind == "duration" and a and b and re.fullmatch(r",?\s+and\s+|,\s+", text[e0:s])
                    and (n0.value or "").startswith("PT") == (n.value or "").startswith("PT")):
                out[-1] = (s0, e, Norm(f"{n0.value}{b.group(1)}{b.group(2)}", None, None, None, "duration"))
                continue
        out.append((s, e, n))
    return out


def _apply_since(text: str, found: list[tuple[int, int, Norm]], ref: dt.date | None) -> list[tuple[int, int, Norm]]:
    """"since 2022" is the range from 2022 to the reference date."""
    out = []
    for s, e, n in found:
        m = _SINCE.search(text, max(0, s - 14), s)
        if m and n.kind == "date" and n.start and "/" not in (n.value or ""):
            end = ref if ref and ref >= n.start else n.end
            n = Norm(f"{n.value}/PRESENT_REF", n.start, end, "range")
            s = m.start()
        out.append((s, e, n))
    return out


def find_timexes(
    text: str,
    ref_date: dt.date | None,
    *,
    offset: int = 0,
    tense: str | None = None,
    finder: TimexFinder | None = None,
) -> list[Timex]:
    """Time expressions in ``text``, normalised against ``ref_date``.

    ``offset`` is added to every character offset (pass the sentence's start
    to get article offsets).  ``tense`` ("past", "present", "future") forces
    the tense used for year-less expressions; by default it is guessed per
    expression from its sentence (:func:`guess_tense`).  Pass a ``finder`` to
    reuse the loaded holiday list across many calls.
    """
    if tense is not None and tense not in TENSES:
        raise ValueError(f"tense must be one of {TENSES}, not {tense!r}")
    return (finder or TimexFinder()).find(text, ref_date, offset=offset, tense=tense)


#: expressions whose reading depends on tense: weekdays, year-less months and days, seasons, holidays
_TENSE_SENSITIVE = re.compile(
    r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|spring|summer|fall|autumn|winter)"
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|Christmas|Easter|Day\b|Eve\b|Thanksgiving|Halloween"
)
#: ... unless something fixes it (a year, a relative word, an anaphor)
_TENSE_FIXED = re.compile(r"\d{4}|\b(?i:last|next|this|that|following|previous|preceding|ago|later|earlier|since)\b")


def resolve_with_tense(
    timex: Timex, *, tense: str, ref_date: dt.date | None, finder: TimexFinder | None = None
) -> Timex:
    """``timex`` normalised again for a known ``tense`` (e.g. the event
    trigger's): "on Monday" becomes the previous Monday in the past tense and
    the next one in the future; "in March" the nearest past or future March.
    Offsets are kept; an expression whose reading does not depend on tense
    (a year, "last week", "the next day") or that the rules no longer read is
    returned as is."""
    if not _TENSE_SENSITIVE.search(timex.text) or _TENSE_FIXED.search(timex.text):
        return timex
    again = find_timexes(timex.text, ref_date, tense=tense, finder=finder)
    best = next((t for t in again if t.char_start == 0 and t.char_end == len(timex.text)), None)
    if best is None:
        return timex
    return dataclasses.replace(best, text=timex.text, char_start=timex.char_start, char_end=timex.char_end)


def _last_complete(start: dt.date, granularity_of_start: str, bound: dt.date) -> dt.date:
    """The end of the last complete unit (of the start's granularity) before ``bound``."""
    unit = granularity_of_start if granularity_of_start in ("day", "week", "month", "quarter", "year") else "day"
    cur = unit_span(unit, bound)
    assert cur.start is not None
    end = cur.start - dt.timedelta(days=1) if cur.end != bound else bound
    return max(end, start)


def event_date(
    timex: Timex | None,
    pub_date: dt.date | None,
    *,
    until: dt.date | None = None,
    tense: str | None = None,
) -> DateInterval:
    """The date interval of an event.

    No expression (or a duration/set/count, which dates nothing): the
    publication day, ``source="publication"``.  An expression: its interval,
    ``source="text"``.  With ``tense="past"`` the interval is clamped at the
    publication day: a past event "this year" ends on it (value and
    granularity stay the expression's).  Future intervals are left whole
    (a meeting "in February or March" in a February 10 article keeps
    February 1 .. March 31).  An open range made by :func:`range_from` ("after leaving
    office in 2021") closes at the last complete unit before ``until`` (a
    known boundary such as a return to office) or the publication date:
    2021 .. 2024 for an article of 2025-02-10.
    """
    pub = DateInterval(start=pub_date, end=pub_date, granularity="day", text=None, source="publication",
                       value=pub_date.isoformat() if pub_date else None)
    if timex is None or timex.kind != "date" or (timex.interval_start is None and timex.interval_end is None):
        return pub
    iv = timex.as_interval()
    start, end = iv.start, iv.end
    value = timex.value or ""
    if value.endswith("/PRESENT_REF") and pub_date is not None:
        end = pub_date if start is None or pub_date >= start else end
    if end is None and start is not None and value.endswith("/"):
        bound = min(d for d in (until, pub_date) if d is not None) if (until or pub_date) else None
        if bound is not None:
            end = _last_complete(start, _start_granularity(value), bound)
            value = f"{value}{_unit_value(end, _start_granularity(value))}"
    if value == "PAST_REF" and end is None:
        end = pub_date
    if tense == "past" and pub_date is not None and start is not None and end is not None and start <= pub_date < end:
        end = pub_date
    return dataclasses.replace(iv, start=start, end=end, value=value or None)


def _start_granularity(value: str) -> str:
    v = value.rstrip("/")
    if re.fullmatch(r"\d{4}", v):
        return "year"
    if re.fullmatch(r"\d{4}-\d\d", v):
        return "month"
    if re.fullmatch(r"\d{4}-Q\d", v):
        return "quarter"
    if re.fullmatch(r"\d{4}-W\d\d", v):
        return "week"
    return "day"


def _unit_value(d: dt.date, gran: str) -> str:
    return unit_span(gran, d).value or d.isoformat()


def date_event(
    sent: Any,
    trigger: Any,
    timexes: list[Timex],
    pub_date: dt.date | None,
    *,
    finder: TimexFinder | None = None,
    until: dt.date | None = None,
    doc_offset: int = 0,
) -> DateInterval:
    """The whole date step for one event trigger: the expression attached to
    ``trigger`` in the parse, re-read in the trigger's own tense when the
    parse shows one (``trigger_tense``), then :func:`event_date` clamped by
    that tense."""
    tx = attach_timexes(sent, trigger, timexes, doc_offset=doc_offset) if timexes else None
    if tx is not None and tx.kind == "date" and "/" not in (tx.value or ""):
        tense = trigger_tense(trigger)
        if tense in ("past", "future"):
            tx = resolve_with_tense(tx, tense=tense, ref_date=pub_date, finder=finder)
    return event_date(tx, pub_date, until=until, tense=trigger_tense(trigger))
