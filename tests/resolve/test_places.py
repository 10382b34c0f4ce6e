"""Place disambiguation on a hand-built gazetteer; event location and metonyms on spaCy parses."""

from __future__ import annotations

import pytest

from tidings.resolve.gazetteer import Candidate, FakeGazetteer
from tidings.resolve.places import (
    event_location,
    hypothetical_venues,
    is_government_metonym,
    resolve_places,
    score_candidates,
)
from tidings.types import Place

PARIS_FR = Candidate(
    "Paris", "FRA", "Ile-de-France", 48.853, 2.349, 2988507, 2_138_551, capital=True
)
PARIS_TX = Candidate("Paris", "USA", "Texas", 33.661, -95.556, 4717560, 24_782)
PARIS_TN = Candidate("Paris", "USA", "Tennessee", 36.302, -88.326, 4646571, 10_156)
TEXAS = Candidate("Texas", "USA", "Texas", 31.25, -99.25, 4736286, 22_000_000, "admin1")
TENNESSEE = Candidate("Tennessee", "USA", "Tennessee", 35.75, -86.25, 4662168, 6_000_000, "admin1")
FRANCE = Candidate("France", "FRA", None, 46.0, 2.0, 3017382, 66_000_000, "country")
GEORGIA_GEO = Candidate("Georgia", "GEO", None, 42.0, 43.5, 614540, 3_700_000, "country")
GEORGIA_US = Candidate("Georgia", "USA", "Georgia", 32.75, -83.5, 4197000, 4_800_000, "admin1")
ATLANTA = Candidate("Atlanta", "USA", "Georgia", 33.749, -84.388, 4180439, 463_878)
TBILISI = Candidate("Tbilisi", "GEO", None, 41.691, 44.834, 611717, 1_049_498, capital=True)
RUSSIA = Candidate("Russia", "RUS", None, 60.0, 100.0, 2017370, 144_000_000, "country")
ATHENS_GR = Candidate("Athens", "GRC", "Attica", 37.984, 23.728, 264371, 664_046, capital=True)
ATHENS_GA = Candidate("Athens", "USA", "Georgia", 33.961, -83.378, 4180386, 115_452)
SPRINGFIELD_MO = Candidate("Springfield", "USA", "Missouri", 37.215, -93.298, 4409896, 166_810)
SPRINGFIELD_IL = Candidate("Springfield", "USA", "Illinois", 39.802, -89.644, 4250542, 116_250)
PEORIA = Candidate("Peoria", "USA", "Illinois", 40.694, -89.589, 4905687, 113_532)
MOSCOW = Candidate("Moscow", "RUS", "Moscow", 55.752, 37.618, 524901, 10_381_222, capital=True)
PARIS_ALIAS = Candidate("Swainsboro", "USA", "Georgia", 32.597, -82.334, None, 7_000, alias=True)

GAZ = FakeGazetteer(
    {
        "Paris": [PARIS_FR, PARIS_TX, PARIS_TN, PARIS_ALIAS],
        "Texas": [TEXAS],
        "TX": [TEXAS],
        "Tex.": [TEXAS],
        "Tennessee": [TENNESSEE],
        "Tenn.": [TENNESSEE],
        "France": [FRANCE],
        "Georgia": [GEORGIA_GEO, GEORGIA_US],
        "GA": [GEORGIA_US],
        "Ga.": [GEORGIA_US],
        "Atlanta": [ATLANTA],
        "Tbilisi": [TBILISI],
        "Russia": [RUSSIA],
        "Athens": [ATHENS_GR, ATHENS_GA],
        "Springfield": [SPRINGFIELD_MO, SPRINGFIELD_IL],
        "Peoria": [PEORIA],
        "Moscow": [MOSCOW],
    },
    neighbours={"GEO": ["RUS", "ARM", "AZE", "TUR"], "RUS": ["GEO", "UKR"]},
)


def mentions_in(text: str, *names: str) -> list[tuple[str, int, int]]:
    """(name, start, end) of every occurrence of each name, in text order."""
    out = []
    for name in names:
        start = 0
        while (i := text.find(name, start)) >= 0:
            out.append((name, i, i + len(name)))
            start = i + len(name)
    return sorted(out, key=lambda m: m[1])


def resolve(text: str, *names: str, **kw) -> dict[str, Place]:
    places = resolve_places(mentions_in(text, *names), gazetteer=GAZ, text=text, **kw)
    return {p.text: p for p in places}


# ------------------------------------------------------------------ disambiguation


def test_bare_paris_is_the_french_capital():
    p = resolve("Talks opened in Paris on Monday.", "Paris")["Paris"]
    assert (p.country, p.admin1, p.geonameid) == ("FRA", "Ile-de-France", 2988507)
    assert p.lat == pytest.approx(48.853)


def test_paris_texas_by_city_state_pattern():
    text = "The rally in Paris, Texas drew hundreds."
    places = resolve(text, "Paris", "Texas")
    assert places["Paris"].country == "USA"
    assert places["Paris"].admin1 == "Texas"
    assert places["Texas"].admin1 == "Texas"


def test_city_state_pattern_reads_ap_abbreviations_and_postal_codes():
    assert resolve("A plant in Paris, Tenn. closed.", "Paris")["Paris"].admin1 == "Tennessee"
    assert resolve("Born in Athens, GA in 1970.", "Athens")["Athens"].admin1 == "Georgia"


def test_city_state_pattern_takes_the_longest_state_and_skips_possessives():
    assert resolve("Paris, Texas Governor spoke.", "Paris")["Paris"].admin1 == "Texas"
    assert resolve("In Paris, Texas's governor spoke.", "Paris")["Paris"].country == "FRA"


def test_city_state_inside_one_mention():
    places = resolve_places([("Paris, Texas", 10, 22)], gazetteer=GAZ)
    assert (places[0].name, places[0].admin1) == ("Paris", "Texas")
    assert places[0].text == "Paris, Texas"


def test_georgia_by_context_atlanta_or_tbilisi():
    us = resolve("Storms hit Georgia overnight. Atlanta lost power.", "Georgia", "Atlanta")
    assert us["Georgia"].country == "USA"
    geo = resolve("Tanks entered Georgia. Tbilisi appealed for help.", "Georgia", "Tbilisi")
    assert geo["Georgia"].country == "GEO"


def test_georgia_by_caller_context_countries_and_actor_countries():
    assert resolve("Georgia voted.", "Georgia")["Georgia"].country == "GEO"  # country prior
    ctx = resolve("Georgia voted.", "Georgia", context_countries=["USA"])
    assert ctx["Georgia"].country == "USA"
    act = resolve("Georgia voted.", "Georgia", actor_countries=["USA"], context_countries=["USA"])
    assert act["Georgia"].country == "USA"


def test_athens_follows_the_article_state():
    text = "Athens police said. The Georgia Bureau of Investigation joined, and Atlanta sent help."
    places = resolve(text, "Athens", "Georgia", "Atlanta")
    assert places["Athens"].country == "USA" and places["Athens"].admin1 == "Georgia"
    assert resolve("Athens hosted the summit.", "Athens")["Athens"].country == "GRC"


def test_nearness_picks_the_springfield_next_to_peoria():
    places = resolve("From Springfield the team drove to Peoria.", "Springfield", "Peoria")
    assert places["Springfield"].admin1 == "Illinois"
    assert resolve("Springfield won.", "Springfield")["Springfield"].admin1 == "Missouri"


def test_a_town_and_its_county_pull_each_other_home():
    """'Paris and Henry County': the Tennessee pair, though Paris, Texas and Henry County,
    Georgia are each the bigger namesake and there are many Henry Counties."""
    paris_tn = Candidate(
        "Paris", "USA", "Tennessee", 36.302, -88.326, 4646571, 10_150, admin2="Henry County"
    )
    counties = [
        Candidate("Henry County", "USA", st, lat, lon, None, pop, "admin2")
        for st, lat, lon, pop in [
            ("Georgia", 33.43, -84.17, 64_781),
            ("Illinois", 41.35, -90.13, 33_596),
            ("Indiana", 39.93, -85.39, 22_001),
            ("Virginia", 36.70, -79.87, 16_809),
            ("Ohio", 41.32, -84.07, 12_626),
            ("Tennessee", 36.30, -88.33, 10_150),
            ("Alabama", 31.46, -85.24, 7_356),
            ("Iowa", 41.00, -91.55, 11_457),
            ("Kentucky", 38.40, -85.12, 3_461),
            ("Missouri", 38.45, -93.79, 11_707),
        ]
    ]
    paris_ky = Candidate("Paris", "USA", "Kentucky", 38.21, -84.25, 4303602, 9_870)
    paris_il = Candidate("Paris", "USA", "Illinois", 39.61, -87.70, 4247317, 8_432)
    gaz = FakeGazetteer(
        {"Paris": [PARIS_FR, PARIS_TX, paris_tn, paris_ky, paris_il], "Henry County": counties}
    )
    text = "Paris and Henry County is rich in history."
    places = resolve_places(mentions_in(text, "Paris", "Henry County"), gazetteer=gaz, text=text)
    assert [(p.name, p.admin1) for p in places] == [
        ("Paris", "Tennessee"),
        ("Henry County", "Tennessee"),
    ]
    alone = resolve_places([("Henry County", 0, 12)], gazetteer=gaz)
    assert alone[0].admin1 == "Georgia"


def test_one_sense_per_article():
    text = "Paris, Texas is small. Paris has a tower. Paris again."
    places = resolve_places(mentions_in(text, "Paris", "Texas"), gazetteer=GAZ, text=text)
    paris = [p for p in places if p.text == "Paris"]
    assert paris[0].admin1 == "Texas"
    # the bare mentions are their own name group, resolved once for all of them
    assert len({(p.country, p.admin1) for p in paris[1:]}) == 1


def test_alias_never_beats_a_main_name_in_the_same_country():
    places = resolve("Paris, Ga. is not a town.", "Paris")
    assert places["Paris"].name == "Paris"  # not Swainsboro, whose alternate name is Paris


def test_bare_postal_code_is_not_a_state():
    places = resolve("GA officials met.", "GA")
    assert places["GA"].name is None and places["GA"].country is None


def test_unresolved_mentions_keep_offsets():
    places = resolve_places([("Kelleyland", 5, 15)], gazetteer=GAZ)
    assert places == [Place("Kelleyland", 5, 15, None, None)]


def test_score_candidates_neighbours_and_actors():
    ranked = score_candidates([GEORGIA_US, GEORGIA_GEO], context_countries=["USA"])
    assert ranked[0][1] is GEORGIA_US
    ranked = score_candidates(
        [ATHENS_GA, ATHENS_GR], actor_countries=["USA"], context_countries=["USA"]
    )
    assert ranked[0][1] is ATHENS_GA
    base = {c.country: s for s, c in score_candidates([GEORGIA_GEO])}
    nb = {c.country: s for s, c in score_candidates([GEORGIA_GEO], neighbours=["GEO"])}
    assert nb["GEO"] > base["GEO"]


def test_places_are_frozen_records_with_article_offsets():
    text = "Officials in Moscow and Paris spoke."
    places = resolve_places(mentions_in(text, "Moscow", "Paris"), gazetteer=GAZ, text=text)
    for p in places:
        assert text[p.char_start : p.char_end] == p.text
        assert p.role == "asserted"


# ------------------------------------------------------------------ event location (spaCy)


def _doc_places(doc) -> list[Place]:
    mentions = [
        (e.text, e.start_char, e.end_char) for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")
    ]
    return resolve_places(mentions, gazetteer=GAZ, text=doc.text)


def _trigger(doc, word: str):
    return next(t for t in doc if t.text == word)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, trigger, where",
    [
        (
            "Russian and Ukrainian officials met at a summit in Saudi Arabia on Tuesday.",
            "met",
            "Saudi Arabia",
        ),
        ("Russian forces shelled villages near Kharkiv.", "shelled", "Kharkiv"),
        ("Putin arrived in Moscow on Monday.", "arrived", "Moscow"),
        ("Trump and Putin agreed to meet in Riyadh.", "meet", "Riyadh"),
        (
            "Protesters rallied outside the embassy in the city of Tbilisi.",
            "rallied",
            "Tbilisi",
        ),
        ("Fighting raged on the outskirts of Kharkiv.", "raged", "Kharkiv"),
        ("Troops massed along the border of Georgia.", "massed", "Georgia"),
    ],
)
def test_event_location_is_the_locative_attached_to_the_trigger(nlp, text, trigger, where):
    doc = nlp(text)
    sent = next(iter(doc.sents))
    loc, cands = event_location(sent, _trigger(doc, trigger), _doc_places(doc))
    assert loc is not None and loc.text == where and loc.role == "asserted"
    assert cands == ()


@pytest.mark.slow
def test_place_of_a_reported_event_is_not_the_saying(nlp):
    doc = nlp("Officials said troops attacked villages in Kharkiv.")
    sent = next(iter(doc.sents))
    places = _doc_places(doc)
    assert event_location(sent, _trigger(doc, "said"), places)[0] is None
    assert event_location(sent, _trigger(doc, "attacked"), places)[0].text == "Kharkiv"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, trigger, venues",
    [
        (
            "Saudi Arabia and the United Arab Emirates are potential venues for the talks.",
            "talks",
            {"Saudi Arabia", "the United Arab Emirates"},
        ),
        (
            "The talks could be held in Riyadh or Abu Dhabi.",
            "talks",
            {"Riyadh", "Abu Dhabi"},
        ),
    ],
)
def test_hypothetical_venues_are_candidates(nlp, text, trigger, venues):
    doc = nlp(text)
    sent = next(iter(doc.sents))
    loc, cands = event_location(sent, _trigger(doc, trigger), _doc_places(doc))
    assert loc is None
    assert {p.text for p in cands} == venues
    assert all(p.role == "candidate" for p in cands)


@pytest.mark.slow
def test_venues_named_in_a_sentence_of_their_own(nlp):
    doc = nlp(
        "Both leaders expressed interest in a summit. Saudi Arabia and the United Arab Emirates "
        "are potential venues that have been suggested for these summits. Talks were held in Paris."
    )
    first, second, third = list(doc.sents)
    places = _doc_places(doc)
    assert hypothetical_venues(first, places) == ()
    venues = hypothetical_venues(second, places)
    assert [p.text for p in venues] == ["Saudi Arabia", "the United Arab Emirates"]
    assert {p.role for p in venues} == {"candidate"}
    assert hypothetical_venues(third, places) == ()


@pytest.mark.slow
def test_event_location_with_sentence_doc_offset(nlp):
    prefix = "Earlier news. "
    doc = nlp("Leaders met in Moscow.")
    places = [Place("Moscow", len(prefix) + 15, len(prefix) + 21, "Moscow", "RUS")]
    loc, _ = event_location(doc[:], _trigger(doc, "met"), places, offset=len(prefix))
    assert loc is not None and loc.name == "Moscow"


# ------------------------------------------------------------------ metonyms (spaCy)


def _ent(doc, text: str):
    """The entity, or a GPE span over the name when the small model misses it."""
    found = [e for e in doc.ents if e.text == text]
    if found:
        return found[0]
    i = doc.text.index(text)
    return doc.char_span(i, i + len(text), label="GPE")


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Moscow said it would retaliate.", "Moscow", True),
        ("Washington imposed new sanctions on Iran.", "Washington", True),
        ("Moscow and Beijing condemned the strikes.", "Beijing", True),
        ("Sanctions imposed by Washington hurt the economy.", "Washington", True),
        ("Putin arrived in Moscow on Monday.", "Moscow", False),
        ("Washington imposed new sanctions on Iran.", "Iran", False),
        ("Kyiv was shelled overnight.", "Kyiv", False),
        ("Moscow's response was swift.", "Moscow", True),
        ("Moscow's streets were empty.", "Moscow", False),
    ],
)
def test_government_metonym(nlp, text, name, expected):
    assert is_government_metonym(_ent(nlp(text), name)) is expected
