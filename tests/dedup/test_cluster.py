"""Clustering of hand-built mentions into events: the rules and their order independence."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from tidings.dedup import cluster_mentions, plan_update, summarize
from tidings.dedup.rules import actors_compatible, dyad_compatible, root_class, specifics_of
from tidings.ingestion import store_coded
from tidings.store.base import EventQuery, MentionRow
from tidings.store.memory import MemoryStore
from tidings.store.synthetic import make_article, make_event

D = dt.date(2025, 3, 4)


def row(
    article: str, src: str | None, tgt: str | None, code: str, sentence: str, *, outlet: str | None = None, **kw
) -> MentionRow:
    kw.setdefault("day", D)
    ev = make_event(article, src, tgt, code, sentence=sentence, **kw)
    art = make_article(article, sentence, date=D, source=outlet or f"outlet-{article}")
    return MentionRow.from_event(ev, article=art)


def partition(rows: list[MentionRow]) -> set[frozenset[str]]:
    return {frozenset(m.mention_id for m in c) for c in cluster_mentions(rows)}


def test_rules_basics() -> None:
    assert root_class("190") == root_class("183") == root_class("202") == "V"
    assert root_class("036") == root_class("042") == "04"
    assert root_class("030") == "03"
    assert actors_compatible("RUS", "RUSGOV") and actors_compatible("RUSGOV", "RUS")
    assert not actors_compatible("RUSGOV", "RUSMIL")
    assert not actors_compatible("RUS", None) and actors_compatible(None, None)
    s = specifics_of(row("a", "USA", "RUS", "040", "Officials said 12 people met in Geneva on 3 March 2025."))
    assert "12" in s.numbers and "2025" not in s.numbers and "geneva" in s.words and "said" not in s.words


def test_same_event_in_other_words_is_one_event_with_three_sources() -> None:
    rows = [
        row(
            "a1",
            "USAGOV",
            "RUSGOV",
            "040",
            "President Trump held talks with Vladimir Putin about ending the war in Ukraine.",
        ),
        row(
            "a2",
            "RUSGOV",
            "USAGOV",
            "041",
            "Putin spoke by phone with Trump on ending the Ukraine war, the Kremlin said.",
        ),
        row("a3", "USA", "RUSGOV", "040", "Trump and Putin discussed an end to the war in Ukraine."),
    ]
    clusters = cluster_mentions(rows)
    assert len(clusters) == 1
    ev = summarize(clusters[0])
    assert (ev.num_mentions, ev.num_sources, ev.num_articles) == (3, 3, 3)
    assert ev.cameo == "041"  # most specific code wins over 040
    assert ev.source_code == "RUSGOV"


def test_two_strikes_same_day_in_different_towns_stay_apart() -> None:
    rows = [
        row(
            "a1",
            "RUSMIL",
            "UKR",
            "195",
            "Russian drones struck Kharkiv overnight, killing four people.",
            place="Kharkiv",
            geonameid=706483,
        ),
        row(
            "a2",
            "RUSMIL",
            "UKR",
            "190",
            "A Russian drone attack on Kharkiv killed four civilians.",
            place="Kharkiv",
            geonameid=706483,
        ),
        row(
            "a3",
            "RUSMIL",
            "UKR",
            "195",
            "Russian drones struck Odesa overnight, killing two people.",
            place="Odesa",
            geonameid=698740,
        ),
    ]
    p = partition(rows)
    assert p == {frozenset({rows[0].mention_id, rows[1].mention_id}), frozenset({rows[2].mention_id})}


def test_a_placeless_mention_does_not_chain_two_towns_together() -> None:
    x = row(
        "a1",
        "RUSMIL",
        "UKR",
        "195",
        "Russian drones struck the city of Kharkiv overnight.",
        place="Kharkiv",
        geonameid=1,
    )
    y = row("a2", "RUSMIL", "UKR", "195", "Russian drones struck the city overnight.")
    z = row(
        "a3", "RUSMIL", "UKR", "195", "Russian drones struck the city of Odesa overnight.", place="Odesa", geonameid=2
    )
    p = partition([x, y, z])
    assert len(p) == 2
    assert not any(x.mention_id in c and z.mention_id in c for c in p)


def test_reversed_dyad_only_for_reciprocal_codes() -> None:
    a = row("a1", "USA", "CHN", "173", "US police arrested Chinese nationals in Boston.")
    b = row("a2", "CHN", "USA", "173", "Chinese police arrested US nationals in Boston.")
    assert not dyad_compatible(a, b)
    assert len(partition([a, b])) == 2
    c = row("a1", "USA", "CHN", "046", "US and Chinese envoys negotiated trade in Geneva.")
    d = row("a2", "CHN", "USA", "046", "Chinese and US envoys negotiated trade in Geneva.")
    assert len(partition([c, d])) == 1


def test_dates_must_meet_and_future_is_not_past() -> None:
    a = row("a1", "USA", "RUS", "040", "Trump and Putin held talks on Ukraine.", day="2025-02-10")
    b = row("a2", "USA", "RUS", "040", "Trump and Putin held talks on Ukraine.", day="2022-02-10")
    c = row("a3", "USA", "RUS", "040", "Trump and Putin will hold talks on Ukraine.", modality="future")
    assert len(partition([a, b, c])) == 3


def test_denial_joins_the_event_and_makes_it_contested() -> None:
    a = row(
        "a1",
        "USAELI",
        "RUSGOV",
        "040",
        "Trump spoke with Putin as many as seven times after leaving office.",
        modality="reported",
        speaker="USAMED",
    )
    b = row(
        "a2",
        "USAELI",
        "RUSGOV",
        "040",
        "The Kremlin denied that Trump spoke with Putin seven times.",
        modality="denied",
        speaker="RUSGOV",
    )
    clusters = cluster_mentions([a, b])
    assert len(clusters) == 1
    assert summarize(clusters[0]).claim_status == "contested"


def _corpus() -> list[MentionRow]:
    s1 = "Protesters marched through Lagos against fuel prices."
    s2 = "Thousands protested in Lagos over the fuel price rise."
    s3 = "Police fired tear gas at protesters in Abuja."
    s4 = "Nigerian police used tear gas on demonstrators in Abuja."
    s5 = "Nigeria and Ghana signed a trade agreement in Accra."
    s6 = "Ghana and Nigeria signed a trade deal in Accra on Monday."
    return [
        row("p1", "NGAOPP", "NGAGOV", "141", s1, place="Lagos", geonameid=1),
        row("p2", "NGAOPP", "NGAGOV", "140", s2, place="Lagos", geonameid=1),
        row("p3", "NGACOP", "NGAOPP", "175", s3, place="Abuja", geonameid=2),
        row("p4", "NGACOP", "NGAOPP", "175", s4, place="Abuja", geonameid=2),
        row("p1", "NGA", "GHA", "057", s5, sentence_index=3),
        row("p5", "GHA", "NGA", "057", s6),
        row(
            "p6",
            "NGAOPP",
            "NGAGOV",
            "141",
            "Protesters marched in Lagos again.",
            day="2025-03-09",
            place="Lagos",
            geonameid=1,
        ),
    ]


@settings(max_examples=40, deadline=None)
@given(st.permutations(range(6)), st.integers(min_value=1, max_value=6))
def test_incremental_batches_in_any_order_equal_one_pass(order: list[int], batch: int) -> None:
    rows = _corpus()
    expected = partition(rows)
    assert len(expected) == 4
    by_article: dict[str, list[MentionRow]] = {}
    for m in rows:
        by_article.setdefault(m.article_id, []).append(m)
    articles = sorted(by_article)
    store = MemoryStore()
    ordered = [articles[i] for i in order]
    for k in range(0, len(ordered), batch):
        coded = []
        for aid in ordered[k : k + batch]:
            ms = by_article[aid]
            evs = [
                make_event(
                    m.article_id,
                    m.source_code,
                    m.target_code,
                    m.cameo,
                    sentence=m.sentence,
                    day=m.date_start,
                    sentence_index=m.sentence_index,
                    place=m.place_name,
                    geonameid=m.geonameid,
                )
                for m in ms
            ]
            coded.append((make_article(aid, " ".join(m.sentence for m in ms), date=D, source=f"outlet-{aid}"), evs))
        store_coded(store, coded)
    got = {
        frozenset(m.mention_id for m in store.iter_mentions() if m.event_id == e.event_id)
        for e in store.iter_events(EventQuery())
    }
    assert got == expected
    assert {e.event_id for e in store.iter_events(EventQuery())} == {
        summarize(c).event_id for c in cluster_mentions(rows)
    }


def test_plan_update_with_nothing_new_changes_nothing() -> None:
    u = plan_update(MemoryStore(), [])
    assert (u.mentions, u.events, u.deleted_events) == ((), (), ())


def test_a_country_level_place_does_not_conflict_with_a_town_in_it() -> None:
    x = row("a1", "RUSMIL", "UKR", "195", "Russian drones struck Kharkiv overnight.", place="Kharkiv", geonameid=1)
    y = row(
        "a2", "RUSMIL", "UKR", "195", "Russian drones struck eastern Ukraine overnight.", place="Ukraine", geonameid=9
    )
    z = row("a3", "RUSMIL", "UKR", "195", "Russian drones struck a city overnight.", place="Georgia", geonameid=8)
    x = replace(x, place_country="UKR", place_admin1="Kharkiv Oblast")
    y = replace(y, place_country="UKR")
    z = replace(z, place_country="GEO")
    p = partition([x, y, z])
    assert frozenset({x.mention_id, y.mention_id}) in p and frozenset({z.mention_id}) in p


def test_missing_target_goes_with_a_countryless_one_only() -> None:
    assert actors_compatible(None, "---CVL") and actors_compatible("---CVL", None)
    assert not actors_compatible(None, "UKR") and not actors_compatible("---CVL", "---COP")
    s = "Russian forces hit the town with drones on Tuesday, killing two civilians."
    a = row("a1", "RUSMIL", None, "190", s)
    b = row("a1", "RUSMIL", "---CVL", "190", s, trigger="killing")
    assert len(partition([a, b])) == 1


def test_anonymous_reports_need_the_same_place() -> None:
    s1 = "Police fired tear gas at protesters on Tuesday."
    s2 = "Police used tear gas on demonstrators on Tuesday."
    a, b = row("a1", "---COP", "---OPP", "175", s1), row("a2", "---COP", "---OPP", "175", s2)
    assert len(partition([a, b])) == 2  # framed, same code and day, but nothing says it is one event
    a2 = row("a1", "---COP", "---OPP", "175", s1, place="Abuja", geonameid=2)
    b2 = row("a2", "---COP", "---OPP", "175", s2, place="Abuja", geonameid=2)
    assert len(partition([a2, b2])) == 1


def test_two_statements_of_one_sentence_stay_apart_by_code() -> None:
    # "confirmed that talks took place but declined to comment": two acts of one speaker, one sentence
    s = "The Kremlin confirmed that several contacts had taken place but declined to comment on the report."
    confirm = row("a", "RUSGOV", None, "010", s, trigger="confirmed")
    decline = row("a", "RUSGOV", None, "011", s, trigger="declined")
    other = "Kremlin spokesman Dmitry Peskov confirmed there had been contacts but would not comment on the report."
    confirm_b = row("b", "RUSGOV", None, "010", other, trigger="confirmed")
    decline_b = row("b", "RUSGOV", None, "011", other, trigger="comment", modality="negated")
    got = partition([confirm, decline, confirm_b, decline_b])
    assert got == {
        frozenset({confirm.mention_id, confirm_b.mention_id}),
        frozenset({decline.mention_id, decline_b.mention_id}),
    }


def test_a_statement_quoted_in_full_and_in_a_clause_is_one_statement() -> None:
    # one outlet adds a clause the other leaves out: the share of the shorter report's words counts
    long = ("The Kremlin, through spokesman Dmitry Peskov, confirmed that multiple communications have taken place, "
            "citing gaps in what officials knew about the calls and the preparations behind them.")
    short = "Kremlin spokesman Dmitry Peskov confirmed that contacts had taken place."
    a = row("a", "RUSGOV", None, "010", long, trigger="confirmed", source_name="The Kremlin")
    b = row("b", "RUSGOV", None, "010", short, trigger="confirmed", source_name="Kremlin spokesman Dmitry Peskov")
    assert len(partition([a, b])) == 1
    # a different statement of the same speaker the same day stays apart
    c = row("c", "RUSGOV", None, "010", "Kremlin spokesman Dmitry Peskov said sanctions would hurt European farmers.",
            trigger="said", source_name="Kremlin spokesman Dmitry Peskov")
    assert len(partition([a, b, c])) == 2


def test_actor_names_count_on_neither_side() -> None:
    from tidings.dedup.rules import similarity

    ma = row("a", "RUSGOV", None, "010", "Dmitry Peskov confirmed the contacts.", source_name="The Kremlin")
    mb = row("b", "RUSGOV", None, "010", "The Kremlin confirmed the contacts.", source_name="Dmitry Peskov")
    a, b = specifics_of(ma), specifics_of(mb)
    assert "kremlin" in a.names and "kremlin" in b.words  # each keeps the words the other's names cover ...
    assert similarity(ma, mb, a, b) == 1.0  # ... but similarity leaves both sides' names out


def test_statements_sharing_a_word_or_two_do_not_chain() -> None:
    # short reports of one speaker share "killed" or "cases": not the same statement
    a = row("a", "IGOUNOHLH", None, "010", "According to the WHO, at least 263 people have died from the virus worldwide.",
            trigger="According", source_name="the WHO")
    b = row("b", "IGOUNOHLH", None, "010", "According to the WHO, H5N1 has killed 109 people since 2003.",
            trigger="According", source_name="the WHO")
    assert len(partition([a, b])) == 2


def test_undated_statements_of_two_articles_stay_apart() -> None:
    text = "The WHO said that 214 countries have confirmed cases of the new flu."
    a = row("a", "IGOUNOHLH", None, "010", text, day=None, date_source="publication")
    b = row("b", "IGOUNOHLH", None, "010", text, day=None, date_source="publication")
    a, b = replace(a, article_date=None), replace(b, article_date=None)
    assert len(partition([a, b])) == 2
    dated = [replace(m, date_start=D, date_end=D) for m in (a, b)]
    assert len(partition(dated)) == 1


def test_undated_mentions_link_only_within_their_article() -> None:
    text = "Russia and China held talks on trade."
    a = replace(row("a", "RUS", "CHN", "040", text, day=None, date_source="publication"), article_date=None)
    b = replace(row("b", "RUS", "CHN", "040", text, day=None, date_source="publication"), article_date=None)
    c = replace(row("a", "RUS", "CHN", "040", "The talks between Russia and China went well.", day=None,
                    date_source="publication", sentence_index=1), article_date=None)
    assert partition([a, b, c]) == {frozenset({a.mention_id, c.mention_id}), frozenset({b.mention_id})}
