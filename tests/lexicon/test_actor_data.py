"""Validation of the built-in actor data files (src/tidings/data/actors/*.tsv).

These tests read the files directly (not through the loader) so that a data
error is reported with its file and line even when the loader is broken.
Format: docs/dictionaries.md.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pycountry
import pytest

ACTORS = Path(__file__).resolve().parents[2] / "src" / "tidings" / "data" / "actors"

HEADERS = {
    "countries.tsv": ("code", "name", "aliases", "demonyms", "capital", "seats"),
    "organizations.tsv": ("code", "name", "aliases", "country"),
    "agents.tsv": ("word", "sector"),
    "people.tsv": ("name", "aliases", "country", "code", "start", "end", "role"),
}

#: CAMEO sector / group chunks allowed in agents.tsv (docs/dictionaries.md plus
#: the CAMEO sectors CRM, UAF, AGR, ENV documented under "Actor data conventions")
SECTORS = frozenset(
    "GOV MIL LEG JUD OPP REB ELI MED BUS CVL EDU REL NGO COP SPY LAB REF HLH CRM UAF AGR ENV".split()
)
#: codes that start an actor code without being a country
NON_STATE_PREFIXES = frozenset({"IGO", "NGO", "IMG", "MNC"})
CODE_RE = re.compile(r"^(?:[A-Z]{3})+$")

#: pycountry entries that are not UN members (territories and non-member states)
NON_MEMBERS = frozenset(
    "ABW AIA ALA ASM ATA ATF BES BLM BMU BVT CCK COK CUW CXR CYM ESH FLK FRO GGY GIB GLP GRL GUF GUM "
    "HKG HMD IMN IOT JEY MAC MAF MNP MSR MTQ MYT NCL NFK NIU PCN PRI PSE PYF REU SGS SHN SJM SPM SXM "
    "TCA TKL TWN UMI VAT VGB VIR WLF".split()
)
#: ISO 3166 code -> the CAMEO/Phoenix code used in countries.tsv
CAMEO_FOR_ISO = {"TLS": "TMP"}

#: phrases deliberately shared by two entries, with the reason
ALLOWED_COLLISIONS: dict[str, str] = {}


@dataclass(frozen=True)
class Line:
    file: str
    lineno: int
    fields: dict[str, str]

    def list(self, key: str) -> list[str]:
        v = self.fields[key].strip()
        return [] if v in ("", "-") else [x.strip() for x in v.split("|") if x.strip()]

    def where(self) -> str:
        return f"{self.file}:{self.lineno}"


def read(name: str) -> list[Line]:
    """The data lines of one file; asserts header and field counts."""
    header = HEADERS[name]
    out: list[Line] = []
    seen_header = False
    problems = []
    for lineno, raw in enumerate((ACTORS / name).read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cols = raw.split("\t")
        if not seen_header:
            assert tuple(cols) == header, f"{name}:{lineno}: header {cols}"
            seen_header = True
            continue
        if len(cols) != len(header):
            problems.append(f"{name}:{lineno}: {len(cols)} fields, expected {len(header)}")
            continue
        out.append(Line(name, lineno, dict(zip(header, cols))))
    assert not problems, "\n".join(problems)
    return out


@pytest.fixture(scope="module")
def countries() -> list[Line]:
    return read("countries.tsv")


@pytest.fixture(scope="module")
def organizations() -> list[Line]:
    return read("organizations.tsv")


@pytest.fixture(scope="module")
def agents() -> list[Line]:
    return read("agents.tsv")


@pytest.fixture(scope="module")
def people() -> list[Line]:
    return read("people.tsv")


@pytest.fixture(scope="module")
def country_codes(countries: list[Line]) -> frozenset[str]:
    return frozenset(r.fields["code"] for r in countries)


def norm(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def date(s: str) -> dt.date | None:
    s = s.strip()
    return dt.date.fromisoformat(s) if s else None


def check_code(code: str, country_codes: frozenset[str]) -> str | None:
    """Why ``code`` is malformed, or None."""
    if not CODE_RE.match(code):
        return "not a sequence of 3-letter upper-case chunks"
    if code[:3] not in country_codes and code[:3] not in NON_STATE_PREFIXES:
        return f"{code[:3]} is neither a country of countries.tsv nor IGO/NGO/IMG/MNC"
    return None


# --------------------------------------------------------------------------- countries


def test_countries_cover_all_un_members(country_codes: frozenset[str]) -> None:
    members = {c.alpha_3 for c in pycountry.countries} - NON_MEMBERS
    assert len(members) == 193, f"the non-member list is out of date: {len(members)} members"
    missing = sorted(m for m in members if CAMEO_FOR_ISO.get(m, m) not in country_codes)
    assert not missing, f"UN members missing from countries.tsv: {missing}"
    for extra in ("VAT", "PSE", "TWN", "KSV", "HKG", "MAC", "PRI", "GRL", "ESH"):
        assert extra in country_codes, extra


def test_country_codes_unique_and_wellformed(countries: list[Line]) -> None:
    seen: dict[str, str] = {}
    for r in countries:
        code = r.fields["code"]
        assert re.fullmatch(r"[A-Z]{3}", code), f"{r.where()}: bad code {code!r}"
        assert code not in seen, f"{r.where()}: {code} already at {seen[code]}"
        seen[code] = r.where()
        assert r.fields["name"].strip() not in ("", "-"), r.where()


def test_seats_of_power_present(countries: list[Line]) -> None:
    by_code = {r.fields["code"]: r for r in countries}
    expect = {
        "RUS": "Kremlin", "USA": "White House", "GBR": "Downing Street", "FRA": "Elysee",
        "CHN": "Zhongnanhai", "KOR": "Blue House",
    }
    for code, seat in expect.items():
        assert seat in by_code[code].list("seats"), f"{code} lacks seat {seat}"
    assert "Beijing" in by_code["CHN"].list("capital")
    assert {"U.S.", "US", "USA", "America"} <= set(by_code["USA"].list("aliases"))
    assert {"Britain", "UK"} <= set(by_code["GBR"].list("aliases"))


# --------------------------------------------------------------------------- organisations, agents


def test_organization_codes(organizations: list[Line], country_codes: frozenset[str]) -> None:
    bad = []
    for r in organizations:
        why = check_code(r.fields["code"], country_codes)
        if why:
            bad.append(f"{r.where()}: {r.fields['code']}: {why}")
        country = r.fields["country"].strip()
        if country not in ("", "-") and country not in country_codes:
            bad.append(f"{r.where()}: unknown country {country}")
    assert not bad, "\n".join(bad)


def test_key_organizations(organizations: list[Line]) -> None:
    code_of = {}
    for r in organizations:
        for p in (r.fields["name"], *r.list("aliases")):
            code_of[norm(p)] = r.fields["code"]
    expect = {
        "un": "IGOUNO", "nato": "IGOWSTNAT", "eu": "IGOEUREEC", "pentagon": "USAMIL",
        "cia": "USASPY", "fbi": "USACOP", "duma": "RUSLEG", "idf": "ISRMIL", "pla": "CHNMIL",
        "hamas": "PSEREBHMS", "hezbollah": "LBNREBHEZ", "houthis": "YEMREBHTH",
        # UN and AU peace operations are their organisation
        "undof": "IGOUNO", "unifil": "IGOUNO", "unama": "IGOUNO", "amisom": "IGOAFRAFU",
    }
    for phrase, code in expect.items():
        assert code_of.get(phrase) == code, (phrase, code_of.get(phrase))


def test_agents(agents: list[Line]) -> None:
    assert len(agents) >= 200
    bad, seen = [], {}
    for r in agents:
        word, sector = norm(r.fields["word"]), r.fields["sector"].strip()
        chunks = [sector[i : i + 3] for i in range(0, len(sector), 3)]
        if not CODE_RE.match(sector) or not set(chunks) <= SECTORS:
            bad.append(f"{r.where()}: sector {sector!r}")
        if word in seen:
            bad.append(f"{r.where()}: {word!r} repeats {seen[word]}")
        seen[word] = r.where()
    assert not bad, "\n".join(bad)
    sector_of = {norm(r.fields["word"]): r.fields["sector"] for r in agents}
    for word, sector in {"troops": "MIL", "police": "COP", "rebels": "REB", "union": "LAB",
                         "politician": "ELI", "diplomat": "GOV", "officials": "GOV"}.items():
        assert sector_of[word] == sector, word


# --------------------------------------------------------------------------- people


def people_by_name(people: list[Line]) -> dict[str, list[Line]]:
    out: dict[str, list[Line]] = defaultdict(list)
    for r in people:
        out[r.fields["name"]].append(r)
    return out


def test_people_rows(people: list[Line], country_codes: frozenset[str]) -> None:
    assert len(people) >= 1200
    bad = []
    for r in people:
        f = r.fields
        why = check_code(f["code"], country_codes)
        if why:
            bad.append(f"{r.where()}: {f['code']}: {why}")
        if f["country"] not in country_codes:
            bad.append(f"{r.where()}: unknown country {f['country']}")
        try:
            start, end = date(f["start"]), date(f["end"])
        except ValueError as exc:
            bad.append(f"{r.where()}: {exc}")
            continue
        if start and end and not start < end:
            bad.append(f"{r.where()}: start {start} is not before end {end}")
        if not f["role"].strip() or f["role"].strip() == "-":
            bad.append(f"{r.where()}: no role")
    assert not bad, "\n".join(bad)


def test_people_country_consistent(people: list[Line]) -> None:
    bad = []
    for name, rows in people_by_name(people).items():
        countries = {r.fields["country"] for r in rows}
        if len(countries) > 1:
            bad.append(f"{name}: countries {sorted(countries)} at {rows[0].where()}")
    assert not bad, "\n".join(bad)


def compatible(a: str, b: str) -> bool:
    """Two codes that may be valid on the same day: equal, or refinements of one government."""
    return a == b or (a[:6] == b[:6] and a[3:6] == "GOV")


def test_no_contradicting_overlaps(people: list[Line]) -> None:
    bad = []
    for name, rows in people_by_name(people).items():
        spans = [(date(r.fields["start"]) or dt.date.min, date(r.fields["end"]) or dt.date.max, r) for r in rows]
        for i, (s1, e1, r1) in enumerate(spans):
            for s2, e2, r2 in spans[i + 1 :]:
                if s1 < e2 and s2 < e1 and not compatible(r1.fields["code"], r2.fields["code"]):
                    bad.append(f"{name}: {r1.fields['code']} ({r1.where()}) overlaps {r2.fields['code']} ({r2.where()})")
    assert not bad, "\n".join(bad)


def code_on(rows: list[Line], day: dt.date) -> str:
    """The code of a person on ``day`` as docs/dictionaries.md defines it."""
    valid = [
        r for r in rows
        if (not r.fields["start"] or date(r.fields["start"]) <= day)
        and (not r.fields["end"] or day < date(r.fields["end"]))
    ]
    if not valid:
        return rows[0].fields["country"] + "ELI"
    return max(valid, key=lambda r: date(r.fields["start"]) or dt.date.min).fields["code"]


def person(people: list[Line], phrase: str) -> list[Line]:
    """Rows of the person whose name or alias is ``phrase``."""
    by_name = people_by_name(people)
    for name, rows in by_name.items():
        phrases = {norm(name)} | {norm(a) for r in rows for a in r.list("aliases")}
        if norm(phrase) in phrases:
            return rows
    raise AssertionError(f"no person called {phrase!r}")


@pytest.mark.parametrize(
    ("phrase", "day", "code"),
    [
        ("Donald Trump", "2017-01-19", "USAELI"),
        ("Trump", "2017-01-20", "USAGOV"),
        ("Trump", "2020-12-31", "USAGOV"),
        ("Trump", "2021-01-20", "USAELI"),
        ("Trump", "2023-06-01", "USAELI"),
        ("Trump", "2025-01-20", "USAGOV"),
        ("Trump", "2026-06-01", "USAGOV"),
        ("Joe Biden", "2021-01-20", "USAGOV"),
        ("Biden", "2024-12-31", "USAGOV"),
        ("Biden", "2025-01-20", "USAELI"),
        ("Putin", "2005-01-01", "RUSGOV"),
        ("Putin", "2010-01-01", "RUSGOV"),
        ("Vladimir Putin", "2024-03-01", "RUSGOV"),
        ("Zelenskiy", "2019-05-19", "UKRELI"),
        ("Zelensky", "2019-05-20", "UKRGOV"),
        ("Zelenskyy", "2025-02-10", "UKRGOV"),
        ("Sergei Shoigu", "2020-01-01", "RUSGOVMIL"),
        ("Ahmed al-Sharaa", "2020-01-01", "SYRREBHTS"),
        ("al-Jolani", "2025-02-10", "SYRGOV"),
        ("Haibatullah Akhundzada", "2020-01-01", "AFGREB"),
        ("Akhundzada", "2022-01-01", "AFGGOV"),
        ("Antonio Guterres", "2020-01-01", "IGOUNO"),
        ("Mark Rutte", "2025-01-01", "IGOWSTNAT"),
        ("Leonid Slutsky", "2025-02-10", "RUSLEG"),
        ("Dmitry Peskov", "2025-02-10", "RUSGOV"),
        ("Karoline Leavitt", "2025-02-10", "USAGOV"),
    ],
)
def test_dated_codes(people: list[Line], phrase: str, day: str, code: str) -> None:
    assert code_on(person(people, phrase), dt.date.fromisoformat(day)) == code


# --------------------------------------------------------------------------- collisions


def phrases_by_entry(
    countries: list[Line], organizations: list[Line], people: list[Line]
) -> dict[str, set[str]]:
    """Normalised phrase -> the entries (file:line or person) that claim it."""
    claims: dict[str, set[str]] = defaultdict(set)
    for r in countries:
        # name+aliases, demonyms, capitals and seats become separate lexicon entries
        for col in ("name", "aliases", "demonyms", "capital", "seats"):
            values = [r.fields["name"]] if col == "name" else r.list(col)
            for p in values:
                key = f"{r.where()}:{'name' if col == 'aliases' else col}"
                claims[norm(p)].add(key)
    for r in organizations:
        for p in (r.fields["name"], *r.list("aliases")):
            claims[norm(p)].add(r.where())
    for name, rows in people_by_name(people).items():
        for p in {name, *(a for r in rows for a in r.list("aliases"))}:
            claims[norm(p)].add(f"person {name}")
    return claims


def test_aliases_do_not_collide(
    countries: list[Line], organizations: list[Line], people: list[Line]
) -> None:
    claims = phrases_by_entry(countries, organizations, people)
    collisions = {p: sorted(c) for p, c in claims.items() if len(c) > 1 and p not in ALLOWED_COLLISIONS}
    for p, c in sorted(collisions.items()):
        print(f"collision {p!r}: {c}")
    assert not collisions, f"{len(collisions)} colliding phrases: {sorted(collisions)[:20]}"


def test_no_duplicate_lines() -> None:
    for name in HEADERS:
        lines = [
            ln for ln in (ACTORS / name).read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")
        ]
        dupes = {ln for ln in lines if lines.count(ln) > 1}
        assert not dupes, f"{name}: duplicate lines {sorted(dupes)[:5]}"


def test_agents_are_not_actor_names(
    agents: list[Line], countries: list[Line], organizations: list[Line], people: list[Line]
) -> None:
    """A generic sector word must not also name one actor ("Foreign Office" is the UK's)."""
    claims = phrases_by_entry(countries, organizations, people)
    both = sorted(f"{r.where()}: {r.fields['word']!r} is also {sorted(claims[norm(r.fields['word'])])}"
                  for r in agents if norm(r.fields["word"]) in claims)
    assert not both, "\n".join(both)


# --------------------------------------------------------------------------- against gold data

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
GSR = SHARED / "gold" / "petrarch" / "PETR2_GSR_validation.xml"


def phrase_codes(
    countries: list[Line], organizations: list[Line], people: list[Line], day: dt.date
) -> dict[str, str]:
    """Every phrase of the actor files with the code it has on ``day``."""
    out: dict[str, str] = {}
    for r in countries:
        code = r.fields["code"]
        for p in (r.fields["name"], *r.list("aliases"), *r.list("demonyms")):
            out[norm(p)] = code
        for p in (*r.list("capital"), *r.list("seats")):
            out[norm(p)] = code + "GOV"
    for r in organizations:
        for p in (r.fields["name"], *r.list("aliases")):
            out[norm(p)] = r.fields["code"]
    for name, rows in people_by_name(people).items():
        for p in {name, *(a for r in rows for a in r.list("aliases"))}:
            out[norm(p)] = code_on(rows, day)
    return out


@pytest.mark.shared
@pytest.mark.skipif(not GSR.exists(), reason="../shared not present")
def test_gold_actors_are_named(countries: list[Line], organizations: list[Line], people: list[Line]) -> None:
    """Share of the gold actor codes of PETR2_GSR_validation whose country (or IGO) a phrase
    of the actor files names in the sentence; codes without a country ("---REB") cannot be."""
    raw = GSR.read_text(encoding="utf-8", errors="replace")
    total = named = 0
    by_day: dict[dt.date, dict[str, str]] = {}
    for m in re.finditer(r"<Sentence\b([^>]*)>(.*?)</Sentence>", raw, re.S):
        d = re.search(r'date="(\d{4})(\d{2})(\d{2})"', m.group(1))
        day = dt.date(*map(int, d.groups())) if d else dt.date(2008, 1, 1)
        text = re.search(r"<Text>(.*?)</Text>", m.group(2), re.S)
        words = re.findall(r"[\w.'&-]+", html.unescape(text.group(1)).replace("'s ", " 's ")) if text else []
        padded = " " + " ".join(w.rstrip(".").lower() if w.count(".") == 1 else w.lower() for w in words) + " "
        if day not in by_day:
            by_day[day] = phrase_codes(countries, organizations, people, day)
        codes = {c for p, c in by_day[day].items() if f" {p} " in padded}
        for e in re.finditer(r'(?:sourcecode|targetcode)="([A-Z]{3}[A-Z]*)"', m.group(2)):
            total += 1
            named += any(c[:3] == e.group(1)[:3] for c in codes)
    print(f"gold actor codes with a country: {total}; named by the actor files: {named} ({named / total:.1%})")
    assert total > 100 and named / total >= 0.9
