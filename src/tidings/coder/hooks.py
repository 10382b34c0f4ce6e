"""The coder's two pluggable stages: dating an event, and judging who says so.

Both are small protocols so tests can pass fakes and users can swap them.
The defaults wrap :mod:`tidings.resolve.dates` and :mod:`tidings.claims`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Protocol

from spacy.tokens import Span, Token

from ..types import Attribution, DateInterval, Timex


class DateFinder(Protocol):
    def find(self, text: str, pub_date: dt.date | None) -> list[Timex]: ...

    def event_date(
        self, sent: Span, trigger: Token, timexes: list[Timex], pub_date: dt.date | None
    ) -> DateInterval: ...


@dataclass(frozen=True, slots=True)
class Judgement:
    """The modality of one event mention and where its attribution sits."""

    modality: str = "asserted"
    hedged: bool = False
    detail: Any = None


class Assessor(Protocol):
    def assess(
        self, sent: Span, trigger: Token, *, pub_date: dt.date | None, event_start: dt.date | None
    ) -> Judgement: ...

    def attribution(self, sent: Span, judgement: Judgement, resolver: Any, *, day: dt.date | None) -> Attribution | None: ...


def publication_interval(pub_date: dt.date | None) -> DateInterval:
    return DateInterval(start=pub_date, end=pub_date, granularity="day", text=None, source="publication")


class TextDates:
    """Dates from time expressions attached to the trigger by the parse (tidings.resolve)."""

    def __init__(self) -> None:
        from ..resolve.dates import TimexFinder

        self.finder = TimexFinder()

    def find(self, text: str, pub_date: dt.date | None) -> list[Timex]:
        return self.finder.find(text, pub_date)

    def event_date(
        self, sent: Span, trigger: Token, timexes: list[Timex], pub_date: dt.date | None
    ) -> DateInterval:
        from ..resolve.dates import date_event

        return date_event(sent, trigger, timexes, pub_date, finder=self.finder)


class ClaimsAssessor:
    """Modality and attribution from the parse (tidings.claims)."""

    def assess(self, sent: Span, trigger: Token, *, pub_date, event_start) -> Judgement:
        from ..claims.modality import assess

        a = assess(sent, trigger, pub_date=pub_date, event_start=event_start)
        return Judgement(modality=a.modality, hedged=a.hedged, detail=a)

    def attribution(self, sent: Span, judgement: Judgement, resolver, *, day) -> Attribution | None:
        from ..claims.attribution import build_attribution

        if judgement.detail is None:
            return None
        return build_attribution(sent, judgement.detail, lambda span: resolver.resolve(span.root, on=day))


def default_date_finder() -> DateFinder:
    return TextDates()


def default_assessor() -> Assessor:
    return ClaimsAssessor()
