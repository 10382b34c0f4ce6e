"""The coder's two pluggable stages: dating an event, and judging who says so.

Both are small protocols so tests can pass fakes and users can swap them.
The defaults wrap :mod:`tidings.resolve.dates` and :mod:`tidings.claims`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Protocol

from spacy.tokens import Span, Token

from ..types import Article, Attribution, DateInterval, Place, Timex


class DateFinder(Protocol):
    def find(self, text: str, pub_date: dt.date | None) -> list[Timex]: ...

    def event_date(
        self, sent: Span, trigger: Token, timexes: list[Timex], pub_date: dt.date | None
    ) -> DateInterval: ...


class PlaceFinder(Protocol):
    def places(
        self,
        doc: Any,
        article: Article,
        *,
        extra: tuple[tuple[str, int, int], ...] = (),
        countries: tuple[str, ...] = (),
    ) -> list[Place]: ...

    def locate(self, sent: Span, trigger: Token, places: list[Place]) -> tuple[Place | None, tuple[Place, ...]]: ...

    def venues(self, sent: Span, places: list[Place]) -> tuple[Place, ...]: ...

    def is_place_name(self, name: str) -> bool: ...


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


#: entity labels that name places
PLACE_LABELS = ("GPE", "LOC", "FAC")
#: gazetteer kinds that are never actors by themselves
PLACE_KINDS = frozenset({"continent", "country", "admin1", "region", "water"})
#: prepositions after which a name is where something happened or what was hit ("an attack on Kharkiv")
PLACE_PREPS = frozenset("in at near outside inside around across on against".split())
#: "the city of Kharkiv", "the port of Odesa": nouns whose "of" names a place
PLACE_NOUNS = frozenset("city town village port region province district capital".split())


def place_slot(tok: Any) -> bool:
    """Whether a name stands where a place goes: after a locative preposition, after
    "the city of", or as the object of a verb ("Russia bombed Odesa")."""
    head = tok.head
    if tok.dep_ == "dobj":
        return True
    if tok.dep_ != "pobj":
        return False
    word = head.lower_
    return word in PLACE_PREPS or (word == "of" and head.head.lemma_.lower() in PLACE_NOUNS)


class GazetteerPlaces:
    """Places from spaCy's place entities, resolved offline (tidings.resolve.places)."""

    def __init__(self, gazetteer: Any = None) -> None:
        if gazetteer is None:
            from ..resolve.gazetteer import OfflineGazetteer

            gazetteer = OfflineGazetteer.load()
        self.gazetteer = gazetteer

    def places(
        self,
        doc: Any,
        article: Article,
        *,
        extra: tuple[tuple[str, int, int], ...] = (),
        countries: tuple[str, ...] = (),
    ) -> list[Place]:
        """Resolved places of place entities, and of ``extra`` mentions (dictionary
        country and capital names the tagger labelled otherwise: "struck Kyiv");
        ``countries`` are those the article names, most mentioned first."""
        from ..resolve.places import resolve_places

        mentions = [(e.text, e.start_char, e.end_char) for e in doc.ents if e.label_ in PLACE_LABELS]
        mentions += [m for m in extra if not any(s <= m[1] < e for _, s, e in mentions)]
        mentions += [m for m in self._named_places(doc) if not any(s <= m[1] < e for _, s, e in mentions)]
        mentions.sort(key=lambda m: m[1])
        if not mentions:
            return []
        found = resolve_places(mentions, gazetteer=self.gazetteer, context_countries=countries, text=article.text)
        return [p for p in found if p.name is not None]

    def _named_places(self, doc: Any) -> list[tuple[str, int, int]]:
        """Well-known places (:meth:`is_place_name`) the tagger missed or took for a
        person ("struck the city of Kharkiv", "bombed Odesa"), where a place goes."""
        out = []
        for tok in doc:
            if tok.pos_ != "PROPN" or tok.dep_ == "compound" or tok.ent_type_ in PLACE_LABELS or not place_slot(tok):
                continue
            first = tok
            while first.i > 0 and doc[first.i - 1].dep_ == "compound" and doc[first.i - 1].head.i == tok.i:
                first = doc[first.i - 1]
            span = doc[first.i : tok.i + 1]
            if self.is_place_name(span.text):
                out.append((span.text, span.start_char, span.end_char))
        return out

    def locate(self, sent: Span, trigger: Token, places: list[Place]) -> tuple[Place | None, tuple[Place, ...]]:
        from ..resolve.venues import event_location

        return event_location(sent, trigger, places)

    def venues(self, sent: Span, places: list[Place]) -> tuple[Place, ...]:
        from ..resolve.venues import hypothetical_venues

        return hypothetical_venues(sent, places)

    def is_place_name(self, name: str) -> bool:
        """A well-known place (a country, region or large city) by this exact name.

        Used to keep unknown names out of actor slots when the tagger took a
        place for an organisation ("annexation of Crimea").
        """
        for c in self.gazetteer.lookup(name):
            if not c.alias and (c.kind in PLACE_KINDS or c.population >= 100_000):
                return True
        return False


class ClaimLinker(Protocol):
    def link(self, doc: Any, article: Article, events: list[Any], resolver: Any) -> list[Any]: ...


class ArticleClaims:
    """The claims stage inside one article (tidings.claims): confirmations and
    denials attach to the events they are about ("the Kremlin denied these
    claims" makes Woodward's report of the calls contested), and events that
    are well-known background ("the Russian invasion of Ukraine") are historical.
    """

    def __init__(self, lexicon: Any) -> None:
        from ..claims.check import _lexicon_topics
        from ..claims.consistency import load_known_events

        self.known = load_known_events()
        self.topics = _lexicon_topics(lexicon)

    def link(self, doc: Any, article: Article, events: list[Any], resolver: Any) -> list[Any]:
        from ..claims.consistency import mark_known_background
        from ..claims.link import find_statements, link_claims

        events = mark_known_background(events, self.known, pub_date=article.date)
        statements = find_statements(
            doc,
            article_id=article.id,
            resolve_actor=lambda span: resolver.resolve(span.root, on=article.date),
            topics=self.topics,
            date=article.date,
        )
        return list(link_claims(events, statements).events)


def default_place_finder() -> PlaceFinder:
    return GazetteerPlaces()


def default_date_finder() -> DateFinder:
    return TextDates()


def default_assessor() -> Assessor:
    return ClaimsAssessor()

