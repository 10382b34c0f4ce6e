"""tidings check end to end on the team's written cross-article corpus and on the seed article."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tidings.claims.check import check_articles, write_jsonl, write_report
from tidings.ingest import read_inputs

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).resolve().parents[1] / "data" / "claims"


@pytest.fixture(scope="module")
def corpus_result(coder):
    return check_articles(read_inputs([CORPUS]), coder=coder)


def _kinds(result):
    return sorted(f.kind for f in result.findings)


def test_cross_article_contested_and_corroborated(corpus_result):
    r = corpus_result
    contested = [c for c in r.claims if c.status == "contested"]
    assert len(contested) == 1
    c = contested[0]
    assert set(c.dyad) == {"TURGOV", "RUSGOV"}
    assert {m[0] for m in c.mentions} == {"ankara-1", "moscow-1"}
    assert [p.code for p in c.asserted_by] == ["TURGOV"]
    assert [(p.code, p.article_id) for p in c.denied_by] == [("RUSGOV", "moscow-1")]
    corroborated = [c for c in r.claims if c.status == "corroborated"]
    assert len(corroborated) == 1 and set(corroborated[0].dyad) == {"FRAGOV", "CHNGOV"}
    assert [p.code for p in corroborated[0].confirmed_by] == ["CHNGOV"]


def test_corpus_inconsistencies(corpus_result):
    titles = [f for f in corpus_result.findings if f.kind == "title-role"]
    assert [dict(f.details)["person"] for f in titles] == ["Olaf Scholz"]
    order = [f for f in corpus_result.findings if f.kind == "anachronism"]
    assert [(f.article_id, dict(f.details)["known_event"]) for f in order] == [
        ("moscow-1", "Fall of Bashar al-Assad")
    ]


def test_jsonl_and_report_output(corpus_result):
    buf = io.StringIO()
    write_jsonl(corpus_result, buf)
    rows = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert sorted(r["kind"] for r in rows) == _kinds(corpus_result)
    assert all(r["sentence"] and r["end"] > r["start"] for r in rows)
    text = io.StringIO()
    write_report(corpus_result, text)
    assert "Contested claims" in text.getvalue() and "Dmitry Peskov" in text.getvalue()


@pytest.mark.shared
def test_seed_article_acceptance(coder, shared):
    r = check_articles(
        read_inputs([shared / "examples" / "seed-article.json"]), coder=coder
    )
    contested = [c for c in r.claims if c.status == "contested"]
    assert len(contested) == 1
    woodward = contested[0]
    assert (
        woodward.asserted_by[0].name == "Bob Woodward"
        and woodward.asserted_by[0].outlet == "War"
    )
    assert woodward.denied_by[0].code == "RUSGOV"
    assert all(m[1] == 14 for m in woodward.mentions)
    corroborated = [c for c in r.claims if c.status == "corroborated"]
    assert any(m[1] == 0 for c in corroborated for m in c.mentions)
    assert corroborated[0].confirmed_by[0].code == "RUSGOV"
    e1 = next(
        e
        for e in r.events
        if e.sentence_index == 0 and e.evidence.trigger in {"having", "conversations"}
    )
    assert (
        e1.attribution.speaker.code == "USAGOV"
        and e1.attribution.outlet == "New York Post"
    )
    assert e1.hedged and e1.claim_status == "corroborated"
    titles = [f for f in r.findings if f.kind == "title-role"]
    assert [(f.sentence_index, dict(f.details)["person"]) for f in titles] == [
        (11, "Donald Trump")
    ]
    order = [f for f in r.findings if f.kind == "anachronism"]
    assert [(f.sentence_index, dict(f.details)["known_event"]) for f in order] == [
        (7, "Russian annexation of Crimea")
    ]
    historical = {
        (e.sentence_index, e.evidence.trigger)
        for e in r.events
        if e.modality == "historical"
    }
    assert (
        13,
        "spoke",
    ) in historical  # the Biden-Putin call of February 2022 (event 8)
    assert (13, "invasion") in historical  # the Russian invasion of Ukraine (event 9)
    meet = next(
        e for e in r.events if e.sentence_index == 15 and e.evidence.trigger == "meet"
    )
    assert meet.modality == "intended"


@pytest.mark.parametrize(
    "text,kinds",
    [
        ("The court dismissed the appeal in December.", []),
        ("A judge denied a request by the developer.", []),
        ("Life in the Pale denied these artists a chance to show their work.", []),
        ("Criminal charges have been dismissed against the man.", []),
        ("The council rejected the motion.", []),
        ("The Kremlin denied these claims.", [("deny", True, True)]),
        ("Peskov dismissed reports that Putin met Trump.", [("deny", False, True)]),
        ("Peskov denied it.", [("deny", True, False)]),
        (
            "The Kremlin confirmed that the two leaders spoke.",
            [("confirm", False, False)],
        ),
        (
            "The ministry did not deny that troops crossed the border.",
            [("deny", False, False)],
        ),
        ("Health officials confirmed cases in three towns.", []),
        ("He plans to bring witnesses to contradict the account.", []),
        ("The Kremlin continues to deny the claims.", [("deny", True, True)]),
    ],
)
def test_statements_are_stances_on_claims(nlp, text, kinds):
    from tidings.claims.link import find_statements

    doc = nlp(text)
    found = find_statements(doc, article_id="t", resolve_actor=lambda span: None)
    got = [
        (s.kind, s.anaphoric, s.about_claim)
        for s in found
        if s.kind in {"deny", "confirm"}
    ]
    assert got == kinds


def test_cli_check_jsonl(tmp_path):
    from click.testing import CliRunner

    from tidings.cli.check import check

    out = tmp_path / "findings.jsonl"
    result = CliRunner().invoke(
        check, [str(CORPUS), "--format", "jsonl", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["kind"] for r in rows) == [
        "anachronism",
        "contested",
        "corroborated",
        "title-role",
    ]
    report = CliRunner().invoke(check, [str(CORPUS)])
    assert (
        report.exit_code == 0
        and "Titles that contradict dated roles: 1" in report.output
    )
