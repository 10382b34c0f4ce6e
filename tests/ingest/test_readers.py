import datetime as dt
import io
import json

from tidings.errors import E_BINARY, E_EMPTY, E_ENCODING, E_FIELD, E_JSON
from tidings.ingest import read_inputs, read_stdin
from tidings.types import Article, BadRecord


def split(records):
    good = [r for r in records if isinstance(r, Article)]
    bad = [r for r in records if isinstance(r, BadRecord)]
    return good, bad


def test_txt_file_with_meta(tmp_path):
    (tmp_path / "a.txt").write_text("Putin met Xi.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"date": "2025-05-08", "title": "T"}))
    good, bad = split(list(read_inputs([tmp_path])))
    assert not bad
    assert good[0].id == "a" and good[0].date == dt.date(2025, 5, 8) and good[0].title == "T"


def test_default_date_applies_only_without_one(tmp_path):
    p = tmp_path / "x.jsonl"
    p.write_text('{"id": "1", "text": "A.", "date": "2024-01-02"}\n{"id": "2", "text": "B."}\n')
    good, _ = split(list(read_inputs([p], default_date=dt.date(2020, 1, 1))))
    assert [a.date for a in good] == [dt.date(2024, 1, 2), dt.date(2020, 1, 1)]


def test_bad_files_are_reported_and_others_read(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 talks".encode("latin-1"))
    (tmp_path / "good.txt").write_text("Egypt mediated between Israel and Hamas.")
    good, bad = split(list(read_inputs([tmp_path])))
    assert [a.id for a in good] == ["good"]
    codes = {b.origin.rsplit("/", 1)[-1]: b.code for b in bad}
    assert codes == {"binary.txt": E_BINARY, "empty.txt": E_EMPTY, "latin1.txt": E_ENCODING}


def test_malformed_jsonl_line_names_file_and_line(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text('{"id": "1", "text": "One."}\n{"id": "2", "text": \n{"id": "3"}\n["list"]\n{"id": "5", "text": "Five."}\n')
    good, bad = split(list(read_inputs([p])))
    assert [a.id for a in good] == ["1", "5"]
    assert [(b.origin, b.code) for b in bad] == [
        (f"{p}:2", E_JSON),
        (f"{p}:3", E_FIELD),
        (f"{p}:4", E_FIELD),
    ]


def test_bad_date_is_reported(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text('{"id": "1", "text": "One.", "date": "last Tuesday"}\n')
    good, bad = split(list(read_inputs([p])))
    assert not good and bad[0].code == "E111" and bad[0].origin.endswith(":1")


def test_invalid_utf8_line_in_jsonl(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_bytes(b'{"id": "1", "text": "caf\xe9"}\n{"id": "2", "text": "ok"}\n')
    good, bad = split(list(read_inputs([p])))
    assert [a.id for a in good] == ["2"] and bad[0].code == E_ENCODING


def test_missing_path_and_unknown_type(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    good, bad = split(list(read_inputs([tmp_path / "nope.txt", tmp_path / "x.pdf"])))
    assert not good and len(bad) == 2


def test_stdin_text_and_jsonl():
    arts = list(read_stdin(stream=io.BytesIO(b"Putin met Xi."), default_date=dt.date(2025, 1, 1)))
    assert arts[0].id == "stdin" and arts[0].date == dt.date(2025, 1, 1)
    arts = list(read_stdin(stream=io.BytesIO(b'{"id": "a", "text": "T."}\n{"id": "b", "text": "U."}\n')))
    assert [a.id for a in arts] == ["a", "b"]


def test_json_record_file(tmp_path):
    p = tmp_path / "one.json"
    p.write_text(json.dumps({"id": "seed", "text": "Hello.", "date": "2025-02-10"}))
    good, bad = split(list(read_inputs([p])))
    assert good[0].id == "seed" and good[0].date == dt.date(2025, 2, 10) and not bad


def test_huge_record_is_reported(tmp_path, monkeypatch):
    from tidings.ingest import readers

    monkeypatch.setattr(readers, "MAX_RECORD_CHARS", 100)
    (tmp_path / "big.txt").write_text("Putin met Xi. " * 20)
    p = tmp_path / "big.jsonl"
    p.write_text(json.dumps({"id": "b", "text": "x " * 80}) + "\n" + json.dumps({"id": "s", "text": "Short."}) + "\n")
    good, bad = split(list(read_inputs([tmp_path])))
    assert [a.id for a in good] == ["s"]
    assert sorted(b.code for b in bad) == ["E107", "E107"]
