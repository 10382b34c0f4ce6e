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

from tidings.resolve.gazetteer import Candidate, Gazetteer, normalize_name
from tidings.resolve.venues import LOCATIVE_PREPS, event_location, is_government_metonym
from tidings.types import Place

__all__ = [
    "LOCATIVE_PREPS",
    "Mention",
    "distance_km",
    "event_location",
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
    choice = {k: (v[0][1] if v else None) for k, v in base.items()}
    dists = {k: _soft(v[:_TOP]) for k, v in base.items()}
    for _ in range(_ROUNDS):
        changed = False
        for g in glist:
            scored = _rescore(g, base[g.key][:_TOP], glist, choice, dists, gazetteer.neighbours)
            best = scored[0][1] if scored else None
            changed |= best != choice[g.key]
            choice[g.key] = best
            dists[g.key] = _soft(scored)
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


def _soft(scored: list[tuple[float, Candidate]]) -> list[tuple[float, Candidate]]:
    """Scores -> probabilities (softmax), keeping only candidates with coordinates."""
    if not scored:
        return []
    top = scored[0][0]
    weights = [(math.exp(s - top), c) for s, c in scored]
    total = sum(w for w, _ in weights)
    return [(w / total, c) for w, c in weights if c.lat is not None and c.lon is not None]


def _support(c: Candidate, dist: list[tuple[float, Candidate]]) -> float:
    """How strongly another name's likely readings sit next to (or contain) ``c``."""
    best = 0.0
    for p, o in dist:
        if o.kind not in _LOCAL or o.lat is None or o.lon is None:
            continue
        if c.admin2 and o.kind == "admin2" and o.name == c.admin2 and o.admin1 == c.admin1:
            near = 1.0  # a town and its county
        elif o.admin2 and c.kind == "admin2" and c.name == o.admin2 and o.admin1 == c.admin1:
            near = 1.0
        else:
            assert c.lat is not None and c.lon is not None
            near = math.exp(-distance_km(c.lat, c.lon, o.lat, o.lon) / _NEAR_KM)
        best = max(best, p * near)
    return best


def _rescore(
    g: _Group,
    scored: list[tuple[float, Candidate]],
    groups: Sequence[_Group],
    choice: dict[str, Candidate | None],
    dists: dict[str, list[tuple[float, Candidate]]],
    neighbours: Callable[[str], frozenset[str]],
) -> list[tuple[float, Candidate]]:
    """Candidates rescored with what the article's *other* names resolve to, best first.

    Country and admin1 evidence counts the other names' current choices
    (weighted by mentions); nearness is soft: each other name supports a
    candidate by its likeliest reading close to it (noisy-or over names).
    """
    if len(scored) <= 1:
        return scored
    others = [
        o for o in groups if o.key != g.key and choice[o.key] is not None and o.name != g.name
    ]
    total = sum(len(o.mentions) for o in others)
    if not total:
        return scored
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
        if c.lat is not None and c.lon is not None and c.kind in _LOCAL:
            miss = 1.0
            for o in others:
                miss *= 1.0 - _support(c, dists.get(o.key, []))
            s += _NEAR * (1.0 - miss)
        out.append((s, c))
    out.sort(key=lambda sc: -sc[0])
    return out
