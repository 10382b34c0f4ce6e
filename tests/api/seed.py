"""A small store built by hand (no model): two articles about the US, Russia and Ukraine,
and a fake coder that knows one of their sentences.

Offsets are computed from the texts, so the spans the API returns can be
checked against the text itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from tidings.ingestion import store_coded
from tidings.store.memory import MemoryStore
from tidings.types import Actor, Article, Attribution, DateInterval, Event, Evidence, Place

PUB = dt.date(2025, 2, 10)

S1 = "Donald Trump said he held talks with Vladimir Putin about ending the war."
S2 = "Bob Woodward revealed in his book that Trump spoke with Putin seven times in 2021, but the Kremlin denied it."
S3 = "Russian troops attacked Kharkiv on Sunday."
S4 = "Trump will meet Volodymyr Zelenskiy next week in Riyadh."
TEXT_A = f"{S1} {S2}\n\n{S3} {S4}"

T1 = "Putin and Xi Jinping met in Beijing on 8 May 2025."
TEXT_B = T1

CODES = {
    "040": ("Consult, not specified", "CONSULT", 1.0, 1),
    "036": ("Express intent to meet or negotiate", "AGREE", 4.0, 1),
    "190": ("Use conventional military force", "ASSAULT", -10.0, 4),
    "042": ("Make a visit", "CONSULT", 1.9, 1),
}


def _actor(text: str, sentence: str, base: int, code: str, name: str, country: str) -> Actor:
    i = sentence.index(text)
    return Actor(text=text, name=name, code=code, country=country, start=base + i, end=base + i + len(text), kind="person")


def _event(
    article: Article,
    sentence: str,
    index: int,
    trigger: str,
    cameo: str,
    source: tuple[str, str, str, str],
    target: tuple[str, str, str, str] | None,
    *,
    date: DateInterval,
    modality: str = "asserted",
    speaker: tuple[str, str, str, str] | None = None,
    place: tuple[str, str, float, float] | None = None,
) -> Event:
    base = article.text.index(sentence)
    t = sentence.index(trigger)
    label, plover, goldstein, quad = CODES[cameo]
    loc = None
    if place:
        p = sentence.index(place[0])
        loc = Place(
            text=place[0], char_start=base + p, char_end=base + p + len(place[0]),
            name=place[0], country=place[1], lat=place[2], lon=place[3],
        )
    return Event(
        article_id=article.id,
        sentence_index=index,
        source=_actor(source[0], sentence, base, *source[1:]),
        target=_actor(target[0], sentence, base, *target[1:]) if target else None,
        cameo=cameo,
        cameo_label=label,
        plover_event=plover,
        plover_mode=None,
        goldstein=goldstein,
        quad_class=quad,
        date=date,
        evidence=Evidence(
            sentence=sentence, trigger=trigger, start=base, end=base + len(sentence),
            trigger_start=base + t, trigger_end=base + t + len(trigger),
        ),
        confidence=0.8,
        modality=modality,
        attribution=Attribution(speaker=_actor(speaker[0], sentence, base, *speaker[1:])) if speaker else None,
        location=loc,
    )


TRUMP = ("Donald Trump", "USAGOV", "Donald Trump", "USA")
PUTIN = ("Vladimir Putin", "RUSGOV", "Vladimir Putin", "RUS")


def seed_articles() -> list[tuple[Article, list[Event]]]:
    a = Article(id="seed-a", text=TEXT_A, date=PUB, title="Trump and Putin", source="Example News")
    b = Article(id="seed-b", text=TEXT_B, date=dt.date(2025, 5, 9), title="Putin in Beijing", source="Other Wire")
    pub = DateInterval(start=PUB, end=PUB, granularity="day", source="publication")
    y2021 = DateInterval(
        start=dt.date(2021, 1, 1), end=dt.date(2021, 12, 31), granularity="year", text="2021", source="text", value="2021"
    )
    sunday = DateInterval(start=dt.date(2025, 2, 9), end=dt.date(2025, 2, 9), text="Sunday", source="text")
    next_week = DateInterval(
        start=dt.date(2025, 2, 17), end=dt.date(2025, 2, 23), granularity="week", text="next week", source="text"
    )
    woodward = ("Bob Woodward", "USAMED", "Bob Woodward", "USA")
    kremlin = ("Kremlin", "RUSGOV", "Kremlin", "RUS")
    events_a = [
        _event(a, S1, 0, "talks", "040", TRUMP, PUTIN, date=pub, modality="reported", speaker=TRUMP),
        _event(a, S2, 1, "spoke", "040", ("Trump", "USAELI", "Donald Trump", "USA"), ("Putin", *PUTIN[1:]),
               date=y2021, modality="reported", speaker=woodward),
        _event(a, S2, 1, "denied", "040", ("Trump", "USAELI", "Donald Trump", "USA"), ("Putin", *PUTIN[1:]),
               date=y2021, modality="denied", speaker=kremlin),
        _event(a, S3, 2, "attacked", "190", ("Russian troops", "RUSMIL", "Russia", "RUS"),
               ("Kharkiv", "UKR", "Ukraine", "UKR"), date=sunday, place=("Kharkiv", "UKR", 49.98, 36.25)),
        _event(a, S4, 3, "meet", "036", ("Trump", "USAGOV", "Donald Trump", "USA"),
               ("Volodymyr Zelenskiy", "UKRGOV", "Volodymyr Zelenskiy", "UKR"), date=next_week, modality="future",
               place=("Riyadh", "SAU", 24.69, 46.72)),
    ]
    may8 = DateInterval(start=dt.date(2025, 5, 8), end=dt.date(2025, 5, 8), text="8 May 2025", source="text")
    events_b = [
        _event(b, T1, 0, "met", "040", ("Putin", *PUTIN[1:]), ("Xi Jinping", "CHNGOV", "Xi Jinping", "CHN"),
               date=may8, place=("Beijing", "CHN", 39.9, 116.4)),
    ]
    return [(a, events_a), (b, events_b)]


def seed_store() -> MemoryStore:
    store = MemoryStore()
    store_coded(store, seed_articles())
    store.read_only = True
    return store


class FakeCoder:
    """Codes the one sentence it knows; records what it was asked."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dt.date | None]] = []
        (_a, evs), _ = seed_articles()
        self.event = next(e for e in evs if e.evidence.sentence == S3)

    def code_text(self, text: str, *, date: dt.date | None = None, article_id: str = "text") -> list[Event]:
        self.calls.append((text, date))
        i = text.find(S3)
        if i < 0:
            return []
        shift = i - self.event.evidence.start
        ev = self.event.evidence
        src = self.event.source
        return [
            replace(
                self.event,
                article_id=article_id,
                evidence=Evidence(ev.sentence, ev.trigger, ev.start + shift, ev.end + shift,
                                  ev.trigger_start + shift, ev.trigger_end + shift),
                source=replace(src, start=src.start + shift, end=src.end + shift) if src else None,
                target=None,
                location=None,
            )
        ]
