"""link_claims on hand-built events and statements (no spaCy)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from tidings.claims.link import Statement, compatible, link_claims
from tidings.types import Actor, Attribution, DateInterval, Event, Evidence

D = dt.date
TRUMP = Actor("Trump", "Donald Trump", "USAGOV", start=0, end=5)
PUTIN = Actor("Putin", "Vladimir Putin", "RUSGOV", start=20, end=25)
KREMLIN = Actor("the Kremlin", "Kremlin", "RUSGOV", start=0, end=11)
PUB = D(2025, 2, 10)
WOODWARD = Actor("Bob Woodward", "Bob Woodward", "USAMED", start=0, end=12)


def ev(
    article,
    si,
    trig_start,
    *,
    src=TRUMP,
    tgt=PUTIN,
    cameo="040",
    modality="reported",
    start=None,
    end=None,
    date_source="text",
    attribution=None,
    hedged=False,
) -> Event:
    sentence = f"sentence {si} of {article}"
    return Event(
        article_id=article,
        sentence_index=si,
        source=src,
        target=tgt,
        cameo=cameo,
        cameo_label="x",
        plover_event=None,
        plover_mode=None,
        goldstein=1.0,
        quad_class=1,
        date=DateInterval(start or PUB, end or start or PUB, source=date_source),
        evidence=Evidence(sentence, "talks", 0, 100, trig_start, trig_start + 5),
        confidence=0.8,
        modality=modality,
        hedged=hedged,
        attribution=attribution,
    )


def stmt(
    article,
    si,
    kind,
    cue_start,
    *,
    speaker=KREMLIN,
    content=None,
    anaphoric=False,
    topics=(),
    negated=False,
    cue="deny",
    outlet=None,
) -> Statement:
    c0, c1 = content if content else (None, None)
    return Statement(
        article,
        si,
        kind,
        cue,
        speaker,
        negated,
        cue_start,
        cue_start + 6,
        c0,
        c1,
        f"sentence {si} of {article}",
        outlet=outlet,
        anaphoric=anaphoric,
        topics=frozenset(topics),
    )


def test_anaphoric_denial_contests_the_claim_of_its_sentence():
    claim = ev("a", 14, 200, attribution=Attribution(WOODWARD, "reveal", "War"))
    other = ev(
        "a",
        10,
        50,
        cameo="190",
        src=Actor("Russia", "Russia", "RUS"),
        tgt=Actor("Ukraine", "Ukraine", "UKR"),
        modality="asserted",
    )
    deny = stmt("a", 14, "deny", 300, content=(310, 322), anaphoric=True)
    res = link_claims([claim, other], [deny])
    c = next(c for c in res.claims if claim.event_id in c.event_ids)
    assert c.status == "contested"
    assert [p.name for p in c.asserted_by] == ["Bob Woodward"]
    assert [p.code for p in c.denied_by] == ["RUSGOV"]
    assert (
        res.events[0].modality == "denied" and res.events[0].claim_status == "contested"
    )
    assert (
        res.events[1].claim_status == "single-source"
        and res.events[1].modality == "asserted"
    )


def test_topical_confirmation_corroborates_an_earlier_claim():
    claim = ev("a", 0, 40, hedged=True, attribution=Attribution(TRUMP, "admit"))
    confirm = stmt(
        "a", 3, "confirm", 600, content=(610, 650), topics={"04"}, cue="confirm"
    )
    res = link_claims([claim], [confirm])
    assert res.claims[0].status == "corroborated"
    assert res.events[0].modality == "confirmed"
    assert res.events[0].claim_status == "corroborated"


def test_confirmation_of_another_topic_does_not_attach():
    claim = ev("a", 0, 40, attribution=Attribution(TRUMP, "say"))
    confirm = stmt(
        "a", 1, "confirm", 600, content=(610, 650), topics={"19"}, cue="confirm"
    )
    res = link_claims([claim], [confirm])
    assert res.claims[0].status == "single-source"
    assert res.events[0].modality == "reported"


def test_negated_denial_is_ignored():
    claim = ev("a", 2, 40, attribution=Attribution(TRUMP, "say"))
    deny = stmt("a", 2, "deny", 100, content=(110, 130), anaphoric=True, negated=True)
    assert link_claims([claim], [deny]).claims[0].status == "single-source"


def test_denial_does_not_reach_later_or_distant_sentences():
    later = ev("a", 7, 700, attribution=Attribution(TRUMP, "say"))
    distant = ev("a", 0, 10, cameo="042", attribution=Attribution(TRUMP, "say"))
    deny = stmt("a", 6, "deny", 600, content=(610, 620), anaphoric=True)
    res = link_claims([later, distant], [deny])
    assert all(c.status == "single-source" for c in res.claims)


def test_a_party_does_not_confirm_itself():
    claim = ev("a", 0, 40, attribution=Attribution(KREMLIN, "say"))
    confirm = stmt(
        "a", 1, "confirm", 300, content=(310, 320), topics={"04"}, cue="confirm"
    )
    assert link_claims([claim], [confirm]).claims[0].status == "single-source"


def test_denial_of_a_clause_attaches_to_the_event_inside_it():
    claim = ev("a", 0, 20, attribution=Attribution(WOODWARD, "write"))
    inside = ev(
        "a", 1, 120, modality="denied", attribution=Attribution(KREMLIN, "deny")
    )
    deny = stmt("a", 1, "deny", 100, content=(110, 160))
    res = link_claims([claim, inside], [deny])
    assert len(res.claims) == 1 and res.claims[0].status == "contested"
    assert [p.name for p in res.claims[0].asserted_by] == ["Bob Woodward"]


def test_a_denial_with_nobody_claiming_is_not_contested():
    inside = ev(
        "a", 1, 120, modality="denied", attribution=Attribution(KREMLIN, "deny")
    )
    deny = stmt("a", 1, "deny", 100, content=(110, 160))
    assert link_claims([inside], [deny]).claims[0].status == "single-source"
    # ... but dismissing *reports* that it happened contests those reports
    about = replace(deny, about_claim=True)
    assert link_claims([inside], [about]).claims[0].status == "contested"


def test_cross_article_claims_merge_and_are_contested():
    a = ev(
        "post",
        0,
        10,
        start=D(2024, 3, 1),
        end=D(2024, 3, 31),
        attribution=Attribution(WOODWARD, "write", "War"),
    )
    b = ev("tass", 2, 80, start=D(2024, 3, 15), attribution=Attribution(KREMLIN, "say"))
    deny = stmt("tass", 2, "deny", 60, content=(70, 120))
    res = link_claims([a, b], [deny])
    assert len(res.claims) == 1
    c = res.claims[0]
    assert c.status == "contested"
    assert {m[0] for m in c.mentions} == {"post", "tass"}
    assert all(e.claim_status == "contested" for e in res.events)


def test_cross_article_needs_overlapping_dates_and_same_root():
    a = ev("x", 0, 10, start=D(2024, 3, 1))
    b = ev("y", 0, 10, start=D(2024, 6, 1))
    c = ev("y", 1, 90, start=D(2024, 3, 1), cameo="190")
    assert not compatible(a, b) and not compatible(a, c)
    assert compatible(
        a, ev("z", 4, 10, start=D(2024, 3, 1), src=PUTIN, tgt=TRUMP)
    )  # reciprocal 04


def test_publication_dates_only_merge_nearby_sentences():
    a = ev("x", 0, 10, date_source="publication")
    b = ev("x", 9, 900, date_source="publication")
    assert not compatible(a, b)
    assert compatible(a, ev("x", 2, 200, date_source="publication"))


def test_two_parties_asserting_corroborate():
    a = ev("x", 0, 10, attribution=Attribution(TRUMP, "say"))
    b = ev("y", 3, 10, attribution=Attribution(KREMLIN, "say"))
    assert link_claims([a, b]).claims[0].status == "corroborated"


def test_hedged_report_takes_the_speakers_outlet():
    claim = ev("a", 0, 40, hedged=True, attribution=Attribution(TRUMP, "admit"))
    told = stmt(
        "a",
        2,
        "report",
        450,
        speaker=TRUMP,
        content=(500, 540),
        cue="share",
        outlet="New York Post",
    )
    res = link_claims([claim], [told])
    assert res.events[0].attribution.outlet == "New York Post"
    unhedged = ev("a", 1, 40, attribution=Attribution(TRUMP, "say"))
    assert link_claims([unhedged], [told]).events[0].attribution.outlet is None


def test_statement_events_are_not_claims():
    speech = ev("a", 0, 10, cameo="010", tgt=None, modality="asserted")
    res = link_claims([speech], [])
    assert res.claims == [] and res.events[0].claim_status is None


def test_check_reports_a_failing_article_and_goes_on():
    from types import SimpleNamespace

    import spacy

    from tidings.claims.check import check_articles
    from tidings.types import Article, BadRecord

    class FakeCoder:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        lexicon = SimpleNamespace(nouns={}, verbs={}, actors={})

        def code_doc(self, article, doc, *, link=True):
            if "boom" in article.text:
                raise ValueError("parser exploded")
            return [ev(article.id, 0, 0, attribution=Attribution(TRUMP, "say"))]

    arts = [
        Article("ok-1", "Trump spoke with Putin.", PUB),
        Article("bad", "boom", PUB, origin="in.jsonl:2"),
        BadRecord("in.jsonl:3", "E104", "malformed JSON"),
        Article("ok-2", "Putin spoke with Trump.", PUB),
    ]
    r = check_articles(
        arts,
        coder=FakeCoder(),
        known=(),
        roles=lambda name: (),
        speakers=lambda c, d, a: lambda span: None,
        timexes=lambda text, day: [],
    )
    assert r.articles == 3
    assert sorted(b.origin for b in r.bad) == ["in.jsonl:2", "in.jsonl:3"]
    assert any("parser exploded" in b.message and b.code == "E120" for b in r.bad)
    assert {e.article_id for e in r.events} == {"ok-1", "ok-2"}
    # one claim across the two articles, but one speaker (Trump) in both: not corroborated
    assert len(r.claims) == 1 and r.claims[0].status == "single-source"


def test_a_topical_stance_about_other_named_actors_does_not_attach():
    interfax = Actor("Interfax", "Interfax", "RUSMED")
    claim = ev("a", 7, 40, cameo="036", attribution=Attribution(interfax, "report"))
    georgia = Actor("Georgian officials", None, "GEOGOV")
    deny = stmt("a", 9, "deny", 300, content=(310, 360), topics={"03"}, speaker=georgia)
    deny = replace(deny, agents=("ossetians",))
    assert link_claims([claim], [deny]).claims[0].status == "single-source"
    named = replace(deny, agents=("putin",))
    assert link_claims([claim], [named]).claims[0].status == "contested"
