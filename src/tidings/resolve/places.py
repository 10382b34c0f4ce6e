"""Place names -> places, an event's location, and government metonyms.

* :func:`resolve_places` resolves the place mentions of one article (the
  coder passes spaCy's GPE/LOC/FAC entities) against a :class:`Gazetteer`.
* :func:`event_location` and :func:`is_government_metonym` live in
  :mod:`tidings.resolve.venues` and are re-exported here.

Disambiguation rules are documented in docs/places.md.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from tidings.resolve.gazetteer import Candidate, Gazetteer, normalize_name
from tidings.resolve.venues import (
    LOCATIVE_PREPS,
    event_location,
    hypothetical_venues,
    is_government_metonym,
)
from tidings.types import Place

__all__ = [
    "LOCATIVE_PREPS",
    "Mention",
    "distance_km",
    "event_location",
    "hypothetical_venues",
    "is_government_metonym",
    "resolve_places",
    "score_candidates",
]

#: (text, char_start, char_end) of a place mention in the article
Mention = tuple[str, int, int]

# ------------------------------------------------------------------ weights
#: prior bonus by kind: a bare name that is a country usually means the country
_KIND_BONUS = {
    "country": 3.0,
    "continent": 2.5,
    "admin1": 0.5,
    "region": 1.0,
    "water": 1.0,
    "admin2": 0.0,
    "city": 0.0,
}
#: log10 population assumed for team-table regions and seas (no population)
_WELL_KNOWN = 6.0
_CAPITAL = 1.5
_ALIAS = -3.0
_NO_COORDS = -0.5
_CONTEXT_COUNTRY = 2.5  # a country the article names
_ACTOR_COUNTRY = 1.5  # a country of the event's actors
_NEIGHBOUR = 0.5  # borders such a country
_HOME = 1.0  # the caller's home country (off by default)
_DOC_COUNTRY = 4.0  # x share of the article's other places in that country
_DOC_NEIGHBOUR = 1.0  # x share of them in bordering countries
_DOC_ADMIN1 = 3.0  # x share of the article's other places in that admin1
_NEAR = 3.0  # x closeness to the article's other places
_NEAR_KM = 150.0
_CONTAINER = 6.0  # "Paris, Texas": inside the named state or country
_ROUNDS = 4
#: candidates per name kept for article-level rescoring
_TOP = 12
_LOCAL = ("city", "admin2")

_US_POSTAL = re.compile(r"^[A-Z]{2}$")
_CAP_WORDS = re.compile(r"[A-Z][A-Za-z]*\.?(?:[ ]?[A-Z][A-Za-z]*\.?){0,2}")
_POSSESSIVE = ("'s", "’s")
_TRAILING = re.compile(r"(?:'s|’s|[.,;:])+$")


@dataclass(frozen=True, slots=True)
class _Group:
    """Mentions sharing a name (and container): one sense per article."""

    key: str
    name: str
    container: tuple[Candidate, ...]
    mentions: tuple[int, ...]


def _clean(text: str) -> str:
    text = text.strip()
    if text.lower().startswith("the "):
        text = text[4:]
    out = _TRAILING.sub("", text)
    # keep the dot of abbreviations such as "Ga." or "D.C."
    return out if not text.endswith(".") or len(out) > 4 else text


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius 6,371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def _prior(c: Candidate) -> float:
    pop = c.population
    base = (
        math.log10(pop + 1) if pop > 0 else (_WELL_KNOWN if c.kind in ("region", "water") else 3.0)
    )
    s = base + _KIND_BONUS.get(c.kind, 0.0)
    if c.capital:
        s += _CAPITAL
    if c.alias:
        s += _ALIAS
    if c.lat is None:
        s += _NO_COORDS
    return s


def _inside(c: Candidate, container: Candidate) -> bool:
    if container.kind == "country" or container.admin1 is None:
        return c.country == container.country and c != container
    return c.country == container.country and c.admin1 == container.admin1 and c != container


def _container_of(
    i: int, mentions: Sequence[Mention], text: str | None, gazetteer: Gazetteer
) -> tuple[str, tuple[Candidate, ...]]:
    """The state/country named right after a mention ("Paris, Texas"), if any.

    Tries the following mention, else the next one to three capitalised words
    (longest first); "in Washington, Georgia's president" is no container.
    """
    mtext, _, end = mentions[i]
    tails: list[str] = []
    if "," in mtext:
        tails = [mtext.split(",", 1)[1]]
    elif text is not None and text[end : end + 2] == ", ":
        nxt = next((m for m in mentions if m[1] == end + 2), None)
        if nxt is not None:
            if text[nxt[2] : nxt[2] + 2] not in _POSSESSIVE:
                tails = [nxt[0]]
        else:
            words = _CAP_WORDS.match(text, end + 2)
            if words and text[words.end() : words.end() + 2] not in _POSSESSIVE:
                toks = words.group(0).split()
                tails = [" ".join(toks[:k]) for k in range(len(toks), 0, -1)]
    for tail in tails:
        tail = _clean(tail)
        found = tuple(c for c in gazetteer.lookup(tail) if c.kind in ("admin1", "country"))
        if found:
            return normalize_name(tail), found
    return "", ()


def _drop_weak_aliases(cands: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """Drop readings a news reader would not take.

    An alternate name loses to a place of that country that bears the name;
    a region loses to its own big namesake city ("Istanbul", "Aleppo",
    "Moscow": the city, not the province), when the city holds at least a
    tenth of the region's people.
    """
    main = {c.country for c in cands if not c.alias}
    cities = {
        (c.country, c.admin1): c.population for c in cands if c.kind == "city" and not c.alias
    }
    return tuple(
        c
        for c in cands
        if (not c.alias or c.country not in main)
        and not (
            c.kind == "admin1"
            and cities.get((c.country, c.admin1), -1) >= 0.1 * c.population
            and normalize_name(c.name) == normalize_name(c.admin1 or "")
        )
    )


def score_candidates(
    cands: Iterable[Candidate],
    *,
    context_countries: Iterable[str] = (),
    actor_countries: Iterable[str] = (),
    neighbours: Iterable[str] = (),
    home_country: str | None = None,
) -> list[tuple[float, Candidate]]:
    """Prior plus caller-given context, best first (no article evidence)."""
    ctx, actors, nb = set(context_countries), set(actor_countries), set(neighbours)
    out = []
    for c in cands:
        s = _prior(c)
        if c.country in ctx:
            s += _CONTEXT_COUNTRY
        elif c.country in nb:
            s += _NEIGHBOUR
        if c.country in actors:
            s += _ACTOR_COUNTRY
        if home_country and c.country == home_country:
            s += _HOME
        out.append((s, c))
    out.sort(key=lambda sc: -sc[0])
    return out


def resolve_places(
    mentions: Sequence[Mention],
    *,
    gazetteer: Gazetteer,
    context_countries: Iterable[str] = (),
    actor_countries: Iterable[str] = (),
    text: str | None = None,
    home_country: str | None = None,
) -> list[Place]:
    """Resolve every mention of one article; one :class:`Place` per mention.

    ``context_countries`` are ISO3 codes of countries the article mentions,
    ``actor_countries`` those of the event's actors; ``text`` (the article)
    lets "City, ST" patterns be read; ``home_country`` is an optional ISO3
    prior for local news.  Unresolved mentions come back with ``name=None``.
    """
    ctx = tuple(context_countries)
    actors = tuple(actor_countries)
    nb: set[str] = set()
    for cc in ctx + actors:
        nb |= gazetteer.neighbours(cc)

    groups: dict[str, list[int]] = defaultdict(list)
    containers: dict[str, tuple[str, tuple[Candidate, ...]]] = {}
    names: dict[str, str] = {}
    for i, (mtext, _, _) in enumerate(mentions):
        ckey, cont = _container_of(i, mentions, text, gazetteer)
        name = _clean(mtext.split(",", 1)[0] if "," in mtext and cont else mtext)
        key = normalize_name(name) + "|" + ckey
        groups[key].append(i)
        containers[key] = (ckey, cont)
        names[key] = name
    glist = [_Group(k, names[k], containers[k][1], tuple(v)) for k, v in groups.items()]

    base: dict[str, list[tuple[float, Candidate]]] = {}
    for g in glist:
        cands = _drop_weak_aliases(gazetteer.lookup(g.name))
        if _US_POSTAL.match(g.name):
            # bare "GA", "IN": a state only after a comma (see _container_of)
            cands = tuple(c for c in cands if c.kind not in ("admin1", "admin2", "city"))
        scored = score_candidates(
            cands,
            context_countries=ctx,
            actor_countries=actors,
            neighbours=nb,
            home_country=home_country,
        )
        if g.container:
            scored = [
                (
                    s + (_CONTAINER if any(_inside(c, k) for k in g.container) else 0.0),
                    c,
                )
                for s, c in scored
            ]
            scored.sort(key=lambda sc: -sc[0])
        base[g.key] = scored

    # names are re-read one after another, each seeing the others' latest
    # readings (updating all at once lets pairs such as a town and its
    # county flip together forever)
    tops = {k: v[:_TOP] for k, v in base.items()}
    choice = {k: (v[0][1] if v else None) for k, v in tops.items()}
    near = _Nearness(glist, tops)
    for _ in range(_ROUNDS):
        changed = False
        for gi, g in enumerate(glist):
            scores = _rescore(g, tops[g.key], glist, choice, gazetteer.neighbours)
            scores = [s + _NEAR * n for s, n in zip(scores, near.support(gi), strict=True)]
            best = (
                tops[g.key][max(range(len(scores)), key=scores.__getitem__)][1] if scores else None
            )
            changed |= best != choice[g.key]
            choice[g.key] = best
            near.update(gi, scores)
        if not changed:
            break

    out: list[Place] = [Place(m[0], m[1], m[2], None, None) for m in mentions]
    for g in glist:
        c = choice[g.key]
        if c is None:
            continue
        for i in g.mentions:
            t, s, e = mentions[i]
            out[i] = Place(
                text=t,
                char_start=s,
                char_end=e,
                name=c.name,
                country=c.country,
                admin1=c.admin1,
                lat=c.lat,
                lon=c.lon,
                geonameid=c.geonameid,
            )
    return out


class _Nearness:
    """Soft nearness between the local readings (towns, counties) of an article's names.

    Each name's likely readings (a softmax of its scores) support the readings
    of the *other* names lying within about ``_NEAR_KM`` (a town and its own
    county count as adjacent); support from different names combines as a
    noisy-or.  Distances are computed once per article, vectorised.
    """

    def __init__(self, groups: Sequence[_Group], tops: dict[str, list[tuple[float, Candidate]]]):
        self.rows: list[list[int | None]] = []  # per group: column of each top candidate
        cols: list[Candidate] = []
        owner: list[int] = []
        starts: list[int] = []
        for gi, g in enumerate(groups):
            row: list[int | None] = []
            first = len(cols)
            for _, c in tops[g.key]:
                if c.kind in _LOCAL and c.lat is not None and c.lon is not None:
                    row.append(len(cols))
                    cols.append(c)
                    owner.append(gi)
                else:
                    row.append(None)
            if len(cols) > first:
                starts.append(first)
            self.rows.append(row)
        self.starts = np.array(starts, dtype=np.intp)
        self.p = np.zeros(len(cols))
        if not cols:
            self.close = np.zeros((0, 0))
            return
        lat = np.radians([c.lat for c in cols])
        lon = np.radians([c.lon for c in cols])
        dlat = lat[:, None] - lat[None, :]
        dlon = lon[:, None] - lon[None, :]
        a = (
            np.sin(dlat / 2) ** 2
            + np.cos(lat)[:, None] * np.cos(lat)[None, :] * np.sin(dlon / 2) ** 2
        )
        km = 12742.0 * np.arcsin(np.minimum(1.0, np.sqrt(a)))
        close = np.exp(-km / _NEAR_KM)
        for i, c in enumerate(cols):  # a town and its county
            if c.kind == "city" and c.admin2:
                for j, o in enumerate(cols):
                    if o.kind == "admin2" and o.name == c.admin2 and o.admin1 == c.admin1:
                        close[i, j] = close[j, i] = 1.0
        name_ids: dict[str, int] = {}
        ids = np.array([name_ids.setdefault(groups[gi].name, len(name_ids)) for gi in owner])
        close[ids[:, None] == ids[None, :]] = 0.0  # a name never supports itself
        self.close = close
        for gi, g in enumerate(groups):
            self.update(gi, [s for s, _ in tops[g.key]])

    def update(self, gi: int, scores: Sequence[float]) -> None:
        """Set group ``gi``'s reading weights from its scores.

        A reading's weight is its likelihood relative to the name's best
        reading (1 for the best), not a share of all readings: a county name
        with ten namesakes still fully backs the town next to its likeliest
        few (max-product rather than sum-product).
        """
        if not scores:
            return
        top = max(scores)
        for col, s in zip(self.rows[gi], scores, strict=True):
            if col is not None:
                self.p[col] = math.exp(s - top)

    def support(self, gi: int) -> list[float]:
        """Nearness support (0..1) for each top candidate of group ``gi``."""
        row = self.rows[gi]
        idx = [c for c in row if c is not None]
        if not idx or len(self.starts) < 2:
            return [0.0] * len(row)
        weighted = self.close[idx] * self.p[None, :]
        per_name = np.maximum.reduceat(weighted, self.starts, axis=1)
        near = 1.0 - np.prod(1.0 - per_name, axis=1)
        it = iter(near.tolist())
        return [next(it) if c is not None else 0.0 for c in row]


def _rescore(
    g: _Group,
    scored: list[tuple[float, Candidate]],
    groups: Sequence[_Group],
    choice: dict[str, Candidate | None],
    neighbours: Callable[[str], frozenset[str]],
) -> list[float]:
    """Scores of ``scored`` (same order) with what the article's *other* names read as.

    Country and admin1 evidence counts the other names' current choices,
    weighted by their mentions (nearness is added by :class:`_Nearness`).
    """
    others = [
        o for o in groups if o.key != g.key and choice[o.key] is not None and o.name != g.name
    ]
    total = sum(len(o.mentions) for o in others)
    if len(scored) <= 1 or not total:
        return [s for s, _ in scored]
    countries: Counter[str] = Counter()
    admin1s: Counter[tuple[str, str]] = Counter()
    for o in others:
        c = choice[o.key]
        assert c is not None
        if c.country:
            countries[c.country] += len(o.mentions)
        if c.admin1 and c.kind != "country":
            admin1s[(c.country or "", c.admin1)] += len(o.mentions)
    out = []
    for s, c in scored:
        s += _DOC_COUNTRY * countries.get(c.country or "", 0) / total
        if c.country:
            nb = neighbours(c.country)
            s += _DOC_NEIGHBOUR * sum(v for k, v in countries.items() if k in nb) / total
        if c.admin1 and c.kind != "country":
            s += _DOC_ADMIN1 * admin1s.get((c.country or "", c.admin1), 0) / total
        out.append(s)
    return out
