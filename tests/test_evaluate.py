"""Scoring against gold: hand-made gold files, and agreement with the shared scorer."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from tidings.evaluate import (
    EvalReport,
    SystemEvent,
    evaluate,
    gold_articles,
    miss_category,
    read_gold,
    score_file,
)
from tidings.types import Actor, Article, DateInterval, Event, Evidence

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SCORER = SHARED / "tools" / "score_events.py"
GOLD = SHARED / "gold"
needs_shared = pytest.mark.skipif(not SCORER.exists(), reason="../shared not present")


def make_event(
    article_id: str,
    cameo: str,
    source: str | None,
    target: str | None,
    *,
    plover: str | None = None,
    source_text: str = "",
    target_text: str = "",
) -> Event:
    def actor(code: str | None, text: str) -> Actor | None:
        if code is None and not text:
            return None
        return Actor(text=text or (code or ""), name=None, code=code)

    return Event(
        article_id=article_id,
        sentence_index=0,
        source=actor(source, source_text),
        target=actor(target, target_text),
        cameo=cameo,
        cameo_label="",
        plover_event=plover,
        plover_mode=None,
        goldstein=0.0,
        quad_class=1,
        date=DateInterval(None, None),
        evidence=Evidence("s", "t", 0, 1, 0, 1),
        confidence=1.0,
    )


class ScriptedCoder:
    """A fake coder: returns the events a function gives for each article."""

    def __init__(self, script):
        self.script = script
        self.seen: list[Article] = []

    def code_articles(
        self, articles: Iterable[Article], *, batch_size: int = 64
    ) -> Iterator[tuple[Article, list[Event]]]:
        for k, a in enumerate(articles):
            self.seen.append(a)
            yield a, self.script(k, a)


XML = """<Sentences>
<!-- <Sentence id="commented-out" date="20000101"> -->
<Sentence date="19950101" id="A-1" category="DEMO">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>Arnor restored &amp; ties
 with Gondor.</Text>
</Sentence>
<Sentence date="19950102" id="A-2">
<EventCoding sourcecode="GON" targetcode="OSG" eventcode="031"/>
<EventCoding sourcecode="OSG" targetcode="GON" eventcode="032"/>
<Text>Gondor met Osgiliath.</Text>
</Sentence>
<Sentence date="bad" id="A-3" evaluate="true"/>
<EventCoding noevents="true"/>
<Text>Nothing happened.</Text>
<Sentence date="19950104" id="A-2">
<EventCoding sourcecode="ARN" targetcode="MOR" eventcode="190"/>
<Text>Arnor attacked Mordor.</Text>
</Sentence>
</Sentences>
"""


def test_read_petrarch_xml(tmp_path: Path) -> None:
    p = tmp_path / "g.xml"
    p.write_text(XML, encoding="utf-8")
    kind, recs = read_gold(p)
    assert kind == "cameo"
    assert [r.id for r in recs] == ["A-1", "A-2", "A-3", "A-2#2"]
    assert recs[0].text == "Arnor restored & ties with Gondor."
    assert recs[0].date == dt.date(1995, 1, 1)
    assert recs[1].events == (("GON", "OSG", "031"), ("OSG", "GON", "032"))
    assert recs[2].noevents and recs[2].date is None and recs[2].events == ()
    arts = gold_articles(recs)
    assert [a.id for a in arts] == [r.id for r in recs] and arts[3].text == "Arnor attacked Mordor."


def test_cameo_scores_by_hand(tmp_path: Path) -> None:
    p = tmp_path / "g.xml"
    p.write_text(XML, encoding="utf-8")

    def script(k: int, a: Article) -> list[Event]:
        if a.id == "A-1":  # right
            return [make_event(a.id, "064", "ARN", "GON")]
        if a.id == "A-2":  # one right, one with the wrong code, one duplicate
            return [
                make_event(a.id, "031", "GON", "OSG"),
                make_event(a.id, "036", "OSG", "GON"),
                make_event(a.id, "031", "GON", "OSG"),
            ]
        if a.id == "A-3":  # spurious
            return [make_event(a.id, "010", "ARN", None)]
        return []  # A-2#2 missed

    errors = tmp_path / "miss.jsonl"
    coder = ScriptedCoder(script)
    rep = evaluate(p, coder, errors_path=errors)
    assert isinstance(rep, EvalReport) and rep.cameo is not None
    c = rep.cameo
    # gold 4 triples, system 5; exact tp = ARN-GON-064 + one GON-OSG-031
    assert (c.exact.tp, c.exact.sys, c.exact.gold) == (2, 5, 4)
    assert c.exact.p == 0.4 and c.exact.r == 0.5 and c.exact.f1 == round(2 * 0.4 * 0.5 / 0.9, 4)
    # root: OSG-GON-03x matches too
    assert c.root.tp == 3
    # codes alone: 064, 031, 031(dup, gold has one) -> 2 ... plus nothing for 036/032/010/190
    assert c.code.tp == 2
    assert c.dyad.tp == 3
    assert (c.records, c.records_right) == (4, 1)
    lines = [json.loads(x) for x in errors.read_text().splitlines()]
    assert [x["id"] for x in lines] == ["A-2", "A-3", "A-2#2"]
    assert lines[0]["missed"] == [["OSG", "GON", "032"]] and lines[0]["category"] == "wrong code"
    assert lines[1]["category"] == "spurious event" and lines[2]["category"] == "missed predicate"
    assert coder.seen[0].date == dt.date(1995, 1, 1)
    text = rep.render()
    assert "exact" in text and "records exactly right: 1/4" in text


def test_miss_category() -> None:
    g = [("A", "B", "010")]
    assert miss_category(g, [("B", "A", "010")]) == "wrong direction"
    assert miss_category(g, [("A", "C", "010")]) == "wrong actor"
    assert miss_category(g, [("A", "B", "020")]) == "wrong code"
    assert miss_category(g, [("C", "D", "020")]) == "mixed"


CSV = """id,text,label,source,target
p1,Russia attacked Ukraine.,ASSAULT,Russia,Ukraine
p2,France agreed to talks.,AGREE,France,
p3,Iran gave in.,YIELD,Iran,the US
p4,Nothing coded here.,REJECT,Japan,China
"""


def test_plover_scores_by_hand(tmp_path: Path) -> None:
    p = tmp_path / "g.csv"
    p.write_text(CSV, encoding="utf-8")

    def script(k: int, a: Article) -> list[Event]:
        if a.id == "p1":
            return [
                make_event(
                    a.id,
                    "190",
                    "RUS",
                    "UKR",
                    plover="ASSAULT",
                    source_text="Russia",
                    target_text="Kyiv",
                )
            ]
        if a.id == "p2":
            return [
                make_event(a.id, "057", "FRA", None, plover="CONSULT", source_text="France"),
                make_event(a.id, "057", "FRA", None, plover="AGREE", source_text="the French"),
            ]
        if a.id == "p3":
            return [
                make_event(
                    a.id,
                    "080",
                    "IRN",
                    "USA",
                    plover="CONCEDE",
                    source_text="Iran",
                    target_text="US",
                )
            ]
        return []

    errors = tmp_path / "miss.jsonl"
    rep = evaluate(p, ScriptedCoder(script), errors_path=errors)
    lines = [json.loads(x) for x in errors.read_text().splitlines()]
    assert [(x["id"], x["category"]) for x in lines] == [("p2", "wrong type"), ("p4", "missed predicate")]
    assert lines[0]["system"] == ["CONSULT", "AGREE"]
    s = rep.plover
    assert s is not None and rep.kind == "plover"
    assert s.records == 4
    assert s.top1_accuracy == 0.5  # p1 and p3 (CONCEDE counts as YIELD)
    assert s.coverage == 0.75
    assert s.label_recall_any == 0.75
    assert s.type_precision == round(3 / 4, 4)
    # matched p1 (source ok, target miss), p2 (source 'the French' misses, no gold target), p3 (both ok)
    assert s.source_match == round(2 / 3, 4) and s.target_match == round(2 / 3, 4)
    f1 = dict(s.per_label_f1)
    assert f1["ASSAULT"] == 1.0 and f1["AGREE"] == 0.0 and f1["REJECT"] == 0.0
    assert s.macro_f1 == round((1.0 + 0.0 + 1.0 + 0.0) / 4, 4)


def test_system_event_from_json_shapes() -> None:
    e = SystemEvent.from_json(
        {
            "article_id": "x",
            "cameo": "042",
            "source": {"code": "USA", "text": "U.S."},
            "target": "CHN",
            "plover": {"event": "consult"},
        }
    )
    assert e.triple == ("USA", "CHN", "042") and e.plover == "CONSULT" and e.source_text == "U.S."
    e = SystemEvent.from_json({"id": "x", "code": "01", "plover": "agree", "source": None})
    assert e.triple == ("", "", "01") and e.plover == "AGREE"


# ------------------------------------------------------------ against the shared scorer

CAMEO_GOLD = [
    "petrarch/PETR.UnitTest.records.xml",
    "petrarch/PETR2_GSR_validation.xml",
    "petrarch/PETR_Validate_records_2_02.xml",
]


def _cameo_script(k: int, a: Article, gold: dict[str, tuple]) -> list[Event]:
    """Deterministic mix: gold triples, reversed dyads, changed codes, nothing, extras."""
    triples = gold[a.id]
    m = k % 5
    if m == 0:
        return [make_event(a.id, c, s or None, t or None) for s, t, c in triples]
    if m == 1:
        return [make_event(a.id, c, t or None, s or None) for s, t, c in triples]
    if m == 2:
        return [make_event(a.id, (c[:2] + "9") if c else "010", s, t) for s, t, c in triples]
    if m == 3:
        return []
    return [make_event(a.id, "042", "ZZZ", None)] + [make_event(a.id, c, s, t) for s, t, c in triples[:1]]


def _plover_script(k: int, a: Article, gold: dict[str, tuple]) -> list[Event]:
    label, src, tgt = gold[a.id]
    m = k % 6
    if m == 0:
        return [make_event(a.id, "010", "A", "B", plover=label, source_text=src, target_text=tgt)]
    if m == 1:
        return [
            make_event(a.id, "010", "A", "B", plover="CONSULT", source_text=src),
            make_event(
                a.id,
                "010",
                "A",
                "B",
                plover=label,
                source_text="someone else",
                target_text=tgt,
            ),
        ]
    if m == 2:
        return []
    if m == 3:
        return [
            make_event(
                a.id,
                "010",
                "A",
                "B",
                plover="CONCEDE" if label == "YIELD" else "AGREE",
                source_text=src[:5],
                target_text="",
            )
        ]
    if m == 4:
        return [make_event(a.id, "010", "A", "B", plover="ACCUSE")]
    return [make_event(a.id, "010", "A", "B", plover=label.lower(), target_text=tgt)]


def _run_both(gold: Path, script, tmp_path: Path) -> tuple[dict, dict, EvalReport]:
    kind, recs = read_gold(gold)
    table = {r.id: (r.events if kind == "cameo" else (r.label, r.source, r.target)) for r in recs}
    coder = ScriptedCoder(lambda k, a: script(k, a, table))
    errors = tmp_path / "ours.jsonl"
    ours = evaluate(gold, coder, errors_path=errors)
    # the same events as JSONL for the shared scorer
    events = tmp_path / "events.jsonl"
    coder2 = ScriptedCoder(lambda k, a: script(k, a, table))
    with open(events, "w", encoding="utf-8") as f:
        for _, evs in coder2.code_articles(gold_articles(recs)):
            f.writelines(e.to_json() + "\n" for e in evs)
    out = tmp_path / "theirs.json"
    their_errors = tmp_path / "theirs-errors.jsonl"
    subprocess.run(
        [
            sys.executable,
            str(SCORER),
            "score",
            str(gold),
            str(events),
            "--json",
            str(out),
            "--errors",
            str(their_errors),
        ],
        check=True,
        capture_output=True,
    )
    theirs = json.loads(out.read_text())
    # scoring the JSONL with our reader gives the same too
    assert score_file(gold, events).to_dict() == ours.to_dict()
    ours_ids = [json.loads(x)["id"] for x in errors.read_text().splitlines()]
    their_ids = [json.loads(x)["id"] for x in their_errors.read_text().splitlines()]
    assert ours_ids == their_ids
    return ours.to_dict(), theirs, ours


@needs_shared
@pytest.mark.parametrize("name", CAMEO_GOLD)
def test_same_numbers_as_shared_scorer_cameo(name: str, tmp_path: Path) -> None:
    ours, theirs, rep = _run_both(GOLD / name, _cameo_script, tmp_path)
    assert ours == theirs
    assert 0 < rep.cameo.exact.f1 < 1  # the mix exercises both hits and misses


@needs_shared
def test_same_numbers_as_shared_scorer_plover(tmp_path: Path) -> None:
    ours, theirs, rep = _run_both(GOLD / "plover-news-dev.csv", _plover_script, tmp_path)
    assert ours == theirs
    assert 0 < rep.plover.top1_accuracy < 1


@needs_shared
def test_inputs_match_shared_scorer() -> None:
    """Our coder input (id, text, date) equals what the shared scorer's `inputs` writes."""
    for name in CAMEO_GOLD + ["plover-news-dev.csv"]:
        gold = GOLD / name
        res = subprocess.run(
            [sys.executable, str(SCORER), "inputs", str(gold)],
            check=True,
            capture_output=True,
            text=True,
        )
        theirs = [json.loads(x) for x in res.stdout.splitlines()]
        _, recs = read_gold(gold)
        ours = [
            {
                "id": a.id,
                "text": a.text,
                **({"date": a.date.isoformat()} if a.date else {}),
            }
            for a in gold_articles(recs)
        ]
        assert ours == theirs, name
