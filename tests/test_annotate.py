import datetime as dt
import json

import pytest
from click.testing import CliRunner

from tidings.annotate import annotate_articles
from tidings.cli import main
from tidings.types import Article

pytestmark = pytest.mark.slow

TEXT = ("Russian President Vladimir Putin met Chinese leader Xi Jinping in Beijing last week. "
        "Moscow said the two would meet again in February or March.")


def test_sentences_carry_actors_times_places_with_article_offsets(coder):
    art = Article(id="a", text=TEXT, date=dt.date(2025, 2, 10))
    items = list(annotate_articles(coder, [art]))
    assert [i.sentence_index for i in items] == [0, 1]
    first, second = items
    assert {a.code for a in first.actors} >= {"RUSGOV", "CHNGOV"}
    assert [(t.text, t.value) for t in first.timex] == [("last week", "2025-W06")]
    assert [(p.name, p.country) for p in first.places] == [("Beijing", "CHN")]
    assert any(a.code == "RUSGOV" and a.text == "Moscow" for a in second.actors)
    assert (second.timex[0].interval_start, second.timex[0].interval_end) == (dt.date(2025, 2, 1), dt.date(2025, 3, 31))
    for item in items:
        for x in (*item.actors, *item.places):
            start = x.start if hasattr(x, "start") and x.start is not None else x.char_start
            assert TEXT[start : start + len(x.text)] == x.text
        for t in item.timex:
            assert TEXT[t.char_start : t.char_end] == t.text


def test_cli_jsonl_shape():
    res = CliRunner().invoke(main, ["annotate", "-", "--date", "2025-02-10"], input=TEXT)
    assert res.exit_code == 0, res.output
    rec = json.loads(res.stdout.splitlines()[0])
    assert set(rec) >= {"article_id", "sentence_index", "text", "actors", "timex", "places"}
    assert set(rec["timex"][0]) >= {"text", "char_start", "char_end", "value", "interval_start", "interval_end", "granularity"}
    assert set(rec["places"][0]) >= {"text", "char_start", "char_end", "name", "country", "admin1", "lat", "lon", "geonameid"}
