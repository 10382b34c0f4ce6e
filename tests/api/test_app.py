"""The workbench API through the app's test client, on a hand-built in-memory store."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from tests.api.seed import S2, S3, TEXT_A, FakeCoder, seed_articles, seed_store
from tidings.api.app import create_app
from tidings.store.memory import MemoryStore


@pytest.fixture(scope="module")
def store() -> MemoryStore:
    return seed_store()


@pytest.fixture(scope="module")
def client(store: MemoryStore) -> TestClient:
    return TestClient(create_app(store))


def events(client: TestClient, **params: str) -> dict:
    r = client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_store_is_not_written(store: MemoryStore) -> None:
    assert store.read_only


def test_all_events_newest_first(client: TestClient) -> None:
    page = events(client)
    assert page["total"] == 5
    dates = [h["event"]["date_start"] for h in page["items"]]
    assert dates == sorted(dates, reverse=True)
    assert {a for h in page["items"] for a in h["article_ids"]} == {"seed-a", "seed-b"}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"actor": "RUS"}, {("RUSGOV", "CHNGOV"), ("USAGOV", "RUSGOV"), ("USAELI", "RUSGOV"), ("RUSMIL", "UKR")}),
        ({"actor": "rusgov"}, {("RUSGOV", "CHNGOV"), ("USAGOV", "RUSGOV"), ("USAELI", "RUSGOV")}),
        ({"dyad": "USA:RUS"}, {("USAGOV", "RUSGOV"), ("USAELI", "RUSGOV")}),
        ({"dyad": "RUS:USA"}, {("USAGOV", "RUSGOV"), ("USAELI", "RUSGOV")}),
        ({"dyad": "RUS:USA", "directed": "true"}, set()),
        ({"code": "19"}, {("RUSMIL", "UKR")}),
        ({"plover": "AGREE"}, {("USAGOV", "UKRGOV")}),
        ({"modality": "future"}, {("USAGOV", "UKRGOV")}),
        ({"since": "2025-02-10", "until": "2025-03-01"}, {("USAGOV", "RUSGOV"), ("USAGOV", "UKRGOV")}),
        ({"q": "kremlin DENIED"}, {("USAELI", "RUSGOV")}),
        ({"q": "kremlin", "code": "19"}, set()),
        ({"country": "chn"}, {("RUSGOV", "CHNGOV")}),
        ({"country": "SAU"}, {("USAGOV", "UKRGOV")}),
    ],
)
def test_filters(client: TestClient, params: dict[str, str], expected: set[tuple[str, str]]) -> None:
    page = events(client, **params)
    got = {(h["event"]["source_code"], h["event"]["target_code"]) for h in page["items"]}
    assert got == expected
    assert page["total"] == len(expected)


@pytest.mark.parametrize("post_filter", [{}, {"q": "putin"}])
def test_pagination_is_complete_and_disjoint(client: TestClient, post_filter: dict[str, str]) -> None:
    total = events(client, **post_filter)["total"]
    seen: list[str] = []
    for offset in range(0, total + 2, 2):
        page = events(client, limit="2", offset=str(offset), order="date", **post_filter)
        assert page["total"] == total
        seen += [h["event"]["event_id"] for h in page["items"]]
    assert len(seen) == len(set(seen)) == total


@pytest.mark.parametrize(
    "params",
    [
        {"actor": "RUS'; DROP TABLE events; --"},
        {"dyad": "USA"},
        {"dyad": "USA:RUS:UKR"},
        {"code": "4"},
        {"code": "04x"},
        {"plover": "HUG"},
        {"modality": "probably"},
        {"since": "yesterday"},
        {"limit": "0"},
        {"limit": "501"},
        {"offset": "-1"},
        {"order": "random"},
        {"q": "x" * 201},
        {"country": "RUSSIA"},
    ],
)
def test_bad_parameters_are_refused(client: TestClient, params: dict[str, str]) -> None:
    r = client.get("/api/events", params=params)
    assert r.status_code == 422
    assert "detail" in r.json()


def test_event_detail_has_all_mentions(client: TestClient) -> None:
    hit = events(client, q="woodward")["items"][0]
    r = client.get(f"/api/events/{hit['event']['event_id']}")
    assert r.status_code == 200
    d = r.json()
    assert d["event"]["claim_status"] == "contested"
    mods = sorted(m["modality"] for m in d["mentions"])
    assert mods == ["denied", "reported"]
    speakers = {m["speaker_text"] for m in d["mentions"]}
    assert speakers == {"Bob Woodward", "Kremlin"}
    for m in d["mentions"]:
        assert TEXT_A[m["trigger_start"] : m["trigger_end"]] == m["trigger"]
        assert TEXT_A[m["evidence_start"] : m["evidence_end"]] == m["sentence"] == S2


def test_unknown_ids_are_404(client: TestClient) -> None:
    assert client.get("/api/events/ev0000").status_code == 404
    assert client.get("/api/articles/nope").status_code == 404
    assert client.get("/api/actors/XYZ").status_code == 404


def test_article_spans_point_at_their_text(client: TestClient) -> None:
    r = client.get("/api/articles/seed-a")
    assert r.status_code == 200
    d = r.json()
    text = d["article"]["text"]
    assert text == TEXT_A
    by_kind: dict[str, set[str]] = {}
    for s in d["spans"]:
        by_kind.setdefault(s["kind"], set()).add(text[s["start"] : s["end"]])
    assert by_kind["trigger"] == {"talks", "spoke", "denied", "attacked", "meet"}
    assert {"Donald Trump", "Vladimir Putin", "Bob Woodward", "Kremlin", "Russian troops"} <= by_kind["actor"]
    assert by_kind["date"] == {"2021", "Sunday", "next week"}
    assert by_kind["place"] == {"Kharkiv", "Riyadh"}
    assert len(d["mentions"]) == 5


def test_article_shows_its_contested_claim_side_by_side(client: TestClient) -> None:
    d = client.get("/api/articles/seed-a").json()
    contested = [c for c in d["claims"] if c["claim"]["status"] == "contested"]
    assert len(contested) == 1
    sides = {e["side"]: e for e in contested[0]["evidence"]}
    assert sides["for"]["speaker"] == "Bob Woodward (USAMED)"
    assert sides["against"]["speaker"] == "Kremlin (RUSGOV)"
    assert sides["for"]["sentence"] == S2


def test_article_ids_with_odd_characters(store: MemoryStore) -> None:
    odd = MemoryStore()
    (a, evs), _ = seed_articles()
    from dataclasses import replace

    from tidings.ingestion import store_coded

    a2 = replace(a, id="news/2025 02/ä?#1")
    store_coded(odd, [(a2, [replace(e, article_id=a2.id) for e in evs])])
    c = TestClient(create_app(odd))
    from urllib.parse import quote

    r = c.get("/api/articles/" + quote(a2.id, safe=""))
    assert r.status_code == 200
    assert r.json()["article"]["id"] == a2.id


def test_actor_summary_with_partners(client: TestClient) -> None:
    r = client.get("/api/actors/rusgov")
    assert r.status_code == 200
    d = r.json()
    assert d["code"] == "RUSGOV"
    assert d["summary"]["num_events"] == 3
    partners = {p["code"]: p["num_events"] for p in d["summary"]["top_partners"]}
    assert partners == {"CHNGOV": 1, "USAGOV": 1, "USAELI": 1}
    assert "Vladimir Putin" in d["names"]


def test_actor_dated_roles_from_the_dictionaries(store: MemoryStore) -> None:
    from tidings.lexicon.model import ActorEntry, DatedCode, Lexicon

    lex = Lexicon()
    lex.add_actor(
        ActorEntry(
            name="Donald Trump",
            aliases=("Trump",),
            codes=(
                DatedCode("USAGOV", dt.date(2017, 1, 20), dt.date(2021, 1, 20), "president"),
                DatedCode("USAELI", dt.date(2021, 1, 20), dt.date(2025, 1, 20), "former president"),
                DatedCode("USAGOV", dt.date(2025, 1, 20), None, "president"),
            ),
            default="USAELI",
            kind="person",
            country="USA",
        )
    )
    d = TestClient(create_app(store, lexicon=lex)).get("/api/actors/USAELI").json()
    (ident,) = d["identities"]
    assert ident["name"] == "Donald Trump"
    assert [(r["code"], r["start"], r["end"]) for r in ident["roles"]] == [
        ("USAGOV", "2017-01-20", "2021-01-20"),
        ("USAELI", "2021-01-20", "2025-01-20"),
        ("USAGOV", "2025-01-20", None),
    ]


def test_dyad_series_by_week_and_month(client: TestClient) -> None:
    d = client.get("/api/dyads/usa/rus/series", params={"by": "week"}).json()
    assert d["by"] == "week"
    assert [(p["period"], p["quad1"], p["num_events"]) for p in d["points"]] == [
        ("2020-12-28", 1, 1),
        ("2025-02-10", 1, 1),
    ]
    m = client.get("/api/dyads/USA/RUS/series", params={"by": "month"}).json()
    assert [p["period"] for p in m["points"]] == ["2021-01-01", "2025-02-01"]
    assert client.get("/api/dyads/USA/RUS/series", params={"by": "fortnight"}).status_code == 422


def test_filtered_series_sums_goldstein(client: TestClient) -> None:
    d = client.get("/api/series", params={"actor": "RUS", "by": "year"}).json()
    got = {p["period"]: (p["num_events"], p["quad1"], p["quad4"], p["goldstein_sum"]) for p in d["points"]}
    assert got == {"2021-01-01": (1, 1, 0, 1.0), "2025-01-01": (3, 2, 1, -8.0)}


def test_network_and_places(client: TestClient) -> None:
    net = client.get("/api/network").json()
    edges = {(e["source"], e["target"]): (e["count"], e["goldstein"]) for e in net["edges"]}
    assert edges[("RUSMIL", "UKR")] == (1, -10.0)
    assert edges[("USAGOV", "RUSGOV")] == (1, 1.0)
    assert {n["id"] for n in net["nodes"]} == {c for e in edges for c in e}
    pts = client.get("/api/places", params={"actor": "RUS"}).json()["points"]
    assert {(p["name"], p["country"]) for p in pts} == {("Kharkiv", "UKR"), ("Beijing", "CHN")}


def test_claims_by_status(client: TestClient) -> None:
    contested = client.get("/api/claims").json()["items"]
    assert [c["claim"]["status"] for c in contested] == ["contested"]
    assert {e["side"] for e in contested[0]["evidence"]} == {"for", "against"}
    everything = client.get("/api/claims", params={"status": "all"}).json()["items"]
    assert sorted(c["claim"]["status"] for c in everything) == ["contested", "reported"]
    assert client.get("/api/claims", params={"status": "corroborated"}).json()["items"] == []
    assert client.get("/api/claims", params={"status": "maybe"}).status_code == 422


def test_meta_counts(client: TestClient) -> None:
    d = client.get("/api/meta").json()
    assert (d["articles"], d["events"], d["mentions"]) == (2, 5, 6)
    assert "CONSULT" in d["plover"] and "denied" in d["modalities"]
    assert d["coder_available"] is False


def test_code_text_without_storing() -> None:
    store = seed_store()
    before = store.counts()
    fake = FakeCoder()
    built: list[FakeCoder] = []

    def factory() -> FakeCoder:
        built.append(fake)
        return fake

    c = TestClient(create_app(store, coder_factory=factory))
    text = "Intro. " + S3
    r = c.post("/api/code", json={"text": text, "date": "2025-02-10"})
    assert r.status_code == 200, r.text
    d = r.json()
    assert d["text"] == text
    (m,) = d["mentions"]
    assert m["cameo"] == "190" and m["source_code"] == "RUSMIL"
    spans = {(s["kind"], text[s["start"] : s["end"]]) for s in d["spans"]}
    assert ("trigger", "attacked") in spans and ("actor", "Russian troops") in spans
    assert fake.calls == [(text, dt.date(2025, 2, 10))]
    c.post("/api/code", json={"text": "Nothing happened."})
    assert len(built) == 1  # the coder is built once
    assert store.counts() == before


@pytest.mark.parametrize(
    "body",
    [{}, {"text": ""}, {"text": "x" * 20_001}, {"text": "ok", "date": "soon"}, {"text": "ok", "extra": 1}, {"text": 5}],
)
def test_code_text_validates_its_body(body: dict) -> None:
    c = TestClient(create_app(seed_store(), coder_factory=FakeCoder))
    assert c.post("/api/code", json=body).status_code == 422


def test_request_body_size_limit() -> None:
    c = TestClient(create_app(seed_store(), coder_factory=FakeCoder, max_body=2048))
    r = c.post("/api/code", json={"text": "y" * 3000})
    assert r.status_code == 413
    assert "2048" in r.json()["detail"]

    def chunks():
        for _ in range(10):
            yield b"z" * 500

    r = c.post("/api/code", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413
    ok = c.post("/api/code", json={"text": S3})
    assert ok.status_code == 200


def test_code_text_without_a_coder_is_503(client: TestClient) -> None:
    r = client.post("/api/code", json={"text": S3})
    assert r.status_code == 503
    assert "coder" in r.json()["detail"]


def test_ui_is_served_with_a_strict_policy(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe" not in csp
    assert "http" not in r.text.replace("http-equiv", "")  # nothing from elsewhere
    js = client.get("/assets/app.js")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"]


def test_ui_missing_says_how_to_build(store: MemoryStore, tmp_path) -> None:
    r = TestClient(create_app(store, ui_dir=tmp_path)).get("/")
    assert r.status_code == 503
    assert "npm run build" in r.text


def test_openapi_lists_every_route(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for p in [
        "/api/events",
        "/api/events/{event_id}",
        "/api/articles/{article_id}",
        "/api/actors/{code}",
        "/api/dyads/{a}/{b}/series",
        "/api/claims",
        "/api/code",
    ]:
        assert p in paths


def test_dyad_timeline_comes_from_the_store_and_agrees(client: TestClient) -> None:
    exact = client.get("/api/series", params={"dyad": "USA:RUS", "by": "week"}).json()
    # quad_class=1 keeps every USA-RUS event of the seed but is not a dyad-only query: computed here
    computed = client.get("/api/series", params={"dyad": "USA:RUS", "by": "week", "quad_class": "1"}).json()
    assert exact["points"] == computed["points"]
    assert len(exact["points"]) == 2
    assert not exact["truncated"] and not computed["truncated"]


def test_aggregations_and_scans_say_when_they_are_cut_short(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from tidings.api import routes

    monkeypatch.setattr(routes, "MAX_AGGREGATE", 2)
    net = client.get("/api/network").json()
    assert net["truncated"]
    assert sum(e["count"] for e in net["edges"]) <= 2
    series = client.get("/api/series", params={"by": "year"}).json()
    assert series["truncated"]
    assert [p["period"] for p in series["points"]] == ["2025-01-01"]  # the latest events are kept
    assert not client.get("/api/places", params={"actor": "CHN"}).json()["truncated"]
    monkeypatch.setattr(routes, "MAX_SCAN", 3)
    page = client.get("/api/events", params={"q": "putin"}).json()
    assert page["truncated"]
    assert not client.get("/api/events", params={"q": "putin", "actor": "CHN"}).json()["truncated"]
