"""Validation of the built-in event lexicon data (src/tidings/data).

Checks the CAMEO table (cameo.tsv), the verb and noun lexicons, light verbs and the
intent/threat mapping for internal consistency, coverage and the decisions documented in
docs/dictionaries.md and docs/lexicon-coverage.md.  Run with ``-s`` to print the coverage
summary quoted in docs/lexicon-coverage.md.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest

from tidings.lexicon.loader import LoadReport, load_cameo, load_nouns, load_verbs
from tidings.lexicon.model import Lexicon

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "tidings" / "data"
LEX = DATA / "lexicon"
SHARED = ROOT / ".." / "shared"

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
#: CAMEO codes with no PLOVER 2021 counterpart (plain statements), see tools/make_cameo_table.py
NO_PLOVER = {"01", "010", "011", "012", "013", "014", "017"}
ROOTS = [f"{i:02d}" for i in range(1, 21)]
LEMMA = re.compile(r"^[a-zé][a-zé'.-]*$")
#: a noun row may be keyed by a modifier or preposition too ("hunger strike", "on strike")
NOUN_KEY = re.compile(r"^([a-zé][a-zé'.-]* )?[a-zé][a-zé'.-]*$")
PREPS = re.compile(r"^[a-z]+$")
SOURCE_PREP = re.compile(r"^<[a-z]+$")  # "<from": the PP holds the source
#: an object may be a compound and its head as the coder keys them ("hunger strike")
OBJECT = re.compile(r"^[a-zé][a-zé'.-]*( [a-zé][a-zé'.-]*)?$")


@dataclass(frozen=True)
class Rec:
    line: int
    fields: dict[str, str]


def read_table(path: Path) -> tuple[tuple[str, ...], list[Rec]]:
    """Header and records of a documented TSV file (comments and blank lines skipped)."""
    header: tuple[str, ...] = ()
    recs: list[Rec] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if not header:
            header = tuple(cols)
            continue
        assert len(cols) == len(header), (
            f"{path.name}:{lineno}: {len(cols)} fields, want {len(header)}"
        )
        recs.append(Rec(lineno, dict(zip(header, cols))))
    return header, recs


def items(field: str) -> list[str]:
    return [] if field in ("", "-") else field.split("|")


def quad_of(code: str) -> int:
    root = int(code[:2])
    return 1 if root <= 4 else 2 if root <= 8 else 3 if root <= 13 else 4


@pytest.fixture(scope="module")
def cameo() -> dict[str, dict[str, str]]:
    header, recs = read_table(DATA / "cameo.tsv")
    assert header == (
        "code",
        "name",
        "goldstein",
        "quad_class",
        "plover_event",
        "plover_mode",
    )
    out = {}
    for r in recs:
        assert r.fields["code"] not in out, f"cameo.tsv:{r.line}: duplicate code"
        out[r.fields["code"]] = r.fields
    return out


@pytest.fixture(scope="module")
def verbs() -> list[Rec]:
    header, recs = read_table(LEX / "verbs.tsv")
    assert header == ("code", "verb", "particle", "object", "target", "xcomp")
    return recs


@pytest.fixture(scope="module")
def nouns() -> list[Rec]:
    header, recs = read_table(LEX / "nouns.tsv")
    assert header == ("code", "noun", "target")
    return recs


@pytest.fixture(scope="module")
def intent_codes(cameo) -> dict[str, tuple[str, str]]:
    header, recs = read_table(LEX / "intent_codes.tsv")
    assert header == ("embedded_root", "intent_code", "threat_code")
    return {
        r.fields["embedded_root"]: (r.fields["intent_code"], r.fields["threat_code"])
        for r in recs
    }


def map_intent(code: str, table: dict[str, tuple[str, str]], column: int) -> str | None:
    """The documented rule: the longest prefix with a row wins; '=' keeps the code."""
    for n in range(len(code), 1, -1):
        row = table.get(code[:n])
        if row is not None:
            return code if row[column] == "=" else row[column]
    return None


# --- cameo.tsv -------------------------------------------------------------


def test_cameo_table_sane(cameo):
    assert set(ROOTS) <= set(cameo)
    for code, f in cameo.items():
        assert re.fullmatch(r"\d{2,4}", code), code
        assert code[:2] in ROOTS, code
        assert len(code) == 2 or code[:-1] in cameo, f"{code}: parent missing"
        g = float(f["goldstein"])
        assert -10.0 <= g <= 10.0, code
        assert int(f["quad_class"]) == quad_of(code), code
        assert f["name"].strip(), code
        if code in NO_PLOVER:
            assert f["plover_event"] == "-", code
        else:
            assert f["plover_event"] in PLOVER_TYPES, (code, f["plover_event"])
    assert len(cameo) >= 300


@pytest.mark.parametrize(
    "code,plover,goldstein",
    [
        ("040", "CONSULT", 1.0),
        ("041", "CONSULT", 1.0),
        ("036", "AGREE", 4.0),
        ("057", "SUPPORT", 8.0),
        ("0841", "RETREAT", 7.0),
        ("112", "ACCUSE", -2.0),
        (
            "163",
            "COERCE",
            -8.0,
        ),  # the 2021 crosswalk files 163 under COERCE, not SANCTION
        ("173", "COERCE", -5.0),
        ("190", "ASSAULT", -10.0),
        ("192", "ASSAULT", -9.5),  # team decision: occupation is force (EVENT_FIXES)
        ("191", "ASSAULT", -9.5),
        ("2042", "ASSAULT", -10.0),
        (
            "0211",
            "REQUEST",
            3.4,
        ),  # team supplement: appeals take the matching demand row
    ],
)
def test_cameo_spot_facts(cameo, code, plover, goldstein):
    assert cameo[code]["plover_event"] == plover
    assert float(cameo[code]["goldstein"]) == goldstein


@pytest.fixture(scope="module")
def tool():
    """tools/make_cameo_table.py loaded as a module (it is a script, not package code)."""
    name = "tidings_tools_make_cameo_table"
    spec = importlib.util.spec_from_file_location(
        name, ROOT / "tools" / "make_cameo_table.py"
    )
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod  # dataclasses need the module registered
    try:
        spec.loader.exec_module(mod)
        yield mod
    finally:
        sys.modules.pop(name, None)


@pytest.mark.skipif(not (SHARED / "ontology").exists(), reason="../shared not present")
def test_cameo_table_is_regenerated_from_shared(tmp_path, tool):
    mod = tool
    out = tmp_path / "cameo.tsv"
    assert mod.main(["--shared", str(SHARED), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == (DATA / "cameo.tsv").read_text(
        encoding="utf-8"
    )


def test_cameo_inheritance_rule(tool):
    mod = tool
    xwalk = {
        "03": ("AGREE", None),
        "035": ("AGREE", "x"),
        "10": ("REQUEST", None),
        "105": ("REQUEST", "change"),
    }
    assert mod.resolve_plover("0352", xwalk) == ("AGREE", "x")
    assert mod.resolve_plover("034", xwalk) == ("AGREE", None)
    assert mod.resolve_plover("025", xwalk) == (
        "REQUEST",
        "change",
    )  # via the 02x -> 10x supplement
    assert mod.resolve_plover("011", xwalk) == (None, None)
    assert [mod.quad_class(c) for c in ("04", "05", "13", "14", "20")] == [
        1,
        2,
        3,
        4,
        4,
    ]


# --- verbs.tsv ----------------------------------------------------------------


def test_verb_rows_well_formed(verbs, cameo):
    assert len(verbs) >= 800
    for r in verbs:
        f, where = r.fields, f"verbs.tsv:{r.line}"
        assert f["code"] in cameo, where
        assert LEMMA.match(f["verb"]) and " " not in f["verb"], where
        assert f["particle"] == "-" or PREPS.match(f["particle"]), where
        assert all(OBJECT.match(o) for o in items(f["object"])), where
        assert f["xcomp"] == "-" or LEMMA.match(f["xcomp"]), where
        targets = items(f["target"])
        # dobj and/or prepositions; dobj with prepositions only on complement rows
        assert all(PREPS.match(t) or SOURCE_PREP.match(t) for t in targets) and len(set(targets)) == len(
            targets
        ), where
        assert "dobj" not in targets or targets == ["dobj"] or f["xcomp"] != "-", where


def test_verbs_cover_all_roots_and_150_subcodes(verbs):
    codes = {r.fields["code"] for r in verbs}
    assert {c[:2] for c in codes} == set(ROOTS)
    assert len({c for c in codes if len(c) > 2}) >= 150


def test_verbs_no_duplicates(verbs):
    rows = Counter(tuple(r.fields.values()) for r in verbs)
    dups = [k for k, n in rows.items() if n > 1]
    assert not dups, dups


def test_verbs_no_conflicting_codes(verbs):
    """No (verb, particle, object lemma, target, xcomp) may lead to two codes."""
    seen: dict[tuple[str, ...], dict[str, int]] = defaultdict(dict)
    for r in verbs:
        f = r.fields
        for obj in items(f["object"]) or ["-"]:
            for tgt in items(f["target"]) or ["-"]:
                seen[(f["verb"], f["particle"], obj, tgt, f["xcomp"])][f["code"]] = (
                    r.line
                )
    conflicts = {k: v for k, v in seen.items() if len(v) > 1}
    for k, v in sorted(conflicts.items()):
        print("CONFLICT", k, v)
    assert not conflicts


@pytest.mark.parametrize(
    "verb,particle,obj,target,xcomp,code",
    [
        ("say", "-", "-", "-", "-", "010"),
        ("decline", "-", "-", "-", "comment", "011"),
        ("deny", "-", "-", "-", "-", "016"),
        ("call", "-", "-", "on", "-", "020"),
        ("agree", "-", "-", "with", "meet", "036"),
        ("plan", "-", "-", "to", "visit", "036"),
        ("meet", "-", "-", "with", "-", "040"),
        ("call", "-", "-", "dobj", "-", "041"),
        ("visit", "-", "-", "dobj", "-", "042"),
        ("host", "-", "-", "dobj", "-", "043"),
        ("mediate", "-", "-", "between", "-", "045"),
        ("negotiate", "-", "-", "with", "-", "046"),
        ("praise", "-", "-", "dobj", "-", "051"),
        ("apologize", "-", "-", "to", "-", "055"),
        ("sign", "-", "agreement", "with", "-", "057"),
        ("release", "-", "-", "dobj", "-", "0841"),
        ("exchange", "-", "prisoner", "with", "-", "0841"),
        ("lift", "-", "sanction", "on", "-", "085"),
        ("declare", "-", "ceasefire", "with", "-", "0871"),
        ("investigate", "-", "-", "dobj", "-", "090"),
        ("accuse", "-", "-", "dobj", "-", "112"),
        ("condemn", "-", "-", "dobj", "-", "111"),
        ("veto", "-", "-", "dobj", "-", "129"),
        ("threaten", "-", "-", "on", "invade", "1382"),
        ("demonstrate", "-", "-", "against", "-", "141"),
        ("call", "off", "talk", "with", "-", "164"),
        ("impose", "-", "sanction", "on", "-", "163"),
        ("arrest", "-", "-", "dobj", "-", "173"),
        ("crack", "down", "-", "on", "-", "175"),
        ("kidnap", "-", "-", "dobj", "-", "181"),
        ("assassinate", "-", "-", "dobj", "-", "186"),
        ("invade", "-", "-", "dobj", "-", "192"),
        ("shell", "-", "-", "dobj", "-", "194"),
        ("fire", "-", "missile", "at", "-", "195"),
        ("massacre", "-", "-", "dobj", "-", "202"),
    ],
)
def test_documented_verb_decisions(verbs, verb, particle, obj, target, xcomp, code):
    hits = {
        r.fields["code"]
        for r in verbs
        if r.fields["verb"] == verb
        and r.fields["particle"] == particle
        and (
            obj in items(r.fields["object"])
            if obj != "-"
            else r.fields["object"] == "-"
        )
        and (
            target in items(r.fields["target"])
            if target != "-"
            else r.fields["target"] == "-"
        )
        and r.fields["xcomp"] == xcomp
    }
    assert hits == {code}


# --- nouns.tsv ----------------------------------------------------------------


def test_noun_rows(nouns, cameo):
    assert len(nouns) >= 150
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    exact = Counter()
    for r in nouns:
        f, where = r.fields, f"nouns.tsv:{r.line}"
        assert f["code"] in cameo, where
        assert NOUN_KEY.match(f["noun"]), where
        assert all(PREPS.match(t) or t == "<be" for t in items(f["target"])), where  # <be: docs/dictionaries.md
        exact[tuple(f.values())] += 1
        for t in items(f["target"]) or ["-"]:
            seen[(f["noun"], t)].add(f["code"])
    assert not [k for k, n in exact.items() if n > 1]
    conflicts = {k: v for k, v in seen.items() if len(v) > 1}
    for k, v in sorted(conflicts.items()):
        print("CONFLICT", k, sorted(v))
    assert not conflicts
    assert {r.fields["code"][:2] for r in nouns} == set(ROOTS)


@pytest.mark.parametrize(
    "noun,prep,root",
    [
        ("invasion", "of", "19"),
        ("talk", "with", "04"),
        ("conversation", "with", "04"),
        ("summit", "with", "04"),
        ("call", "with", "04"),
        ("visit", "to", "04"),
        ("attack", "on", "19"),
        ("airstrike", "on", "19"),
        ("sanction", "on", "16"),
        ("protest", "against", "14"),
        ("ceasefire", "with", "08"),
        ("agreement", "with", "05"),
        ("aid", "to", "07"),
        ("arrest", "of", "17"),
        ("accusation", "against", "11"),
        ("criticism", "of", "11"),
        ("threat", "against", "13"),
    ],
)
def test_key_nominal_events(nouns, noun, prep, root):
    codes = {
        r.fields["code"]
        for r in nouns
        if r.fields["noun"] == noun and prep in items(r.fields["target"])
    }
    assert len(codes) == 1 and next(iter(codes)).startswith(root), codes


# --- light verbs, intent verbs, intent codes --------------------------------------


def test_light_verbs():
    words = [
        ln.strip() for ln in (LEX / "light_verbs.txt").read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.lstrip().startswith("#")
    ]  # fmt: skip
    assert len(words) == len(set(words))
    assert all(LEMMA.match(w) for w in words)
    assert {"have", "hold", "conduct", "launch", "wage"} <= set(words)


def test_intent_verbs():
    header, recs = read_table(LEX / "intent_verbs.tsv")
    assert header == ("verb", "code_map")
    maps = {r.fields["verb"]: r.fields["code_map"] for r in recs}
    assert len(maps) == len(recs)
    assert set(maps.values()) == {"intent", "threat"}
    assert maps["threaten"] == "threat" and maps["plan"] == "intent"


def test_intent_codes_table(intent_codes, cameo):
    assert set(ROOTS) <= set(intent_codes)
    for prefix, (intent, threat) in intent_codes.items():
        assert prefix in cameo, prefix
        for c in (intent, threat):
            assert c == "=" or c in cameo, (prefix, c)
        if threat != "=":
            assert threat[:2] == "13", prefix
        if "04" <= prefix[:2] <= "08":
            assert intent[:2] in ("03",), prefix
        if prefix[:2] >= "14":
            assert intent == threat and intent[:2] == "13", prefix
    assert map_intent("042", intent_codes, 0) == "036"
    assert map_intent("0841", intent_codes, 0) == "0353"
    assert map_intent("163", intent_codes, 1) == "1312"
    assert map_intent("192", intent_codes, 1) == "1382"
    assert map_intent("091", intent_codes, 0) == "091"


def test_directive_words():
    header, recs = read_table(LEX / "directive_words.tsv")
    assert header == ("word", "kind")
    kinds = {r.fields["word"]: r.fields["kind"] for r in recs}
    assert len(kinds) == len(recs), "a word is listed twice"
    assert set(kinds.values()) == {"appeal", "want", "permit"}
    assert all(LEMMA.match(w) for w in kinds)
    assert kinds["urge"] == "appeal" and kinds["want"] == "want" and kinds["allow"] == "permit"


def test_appeal_codes_are_parallel_appeals_and_demands(cameo):
    header, recs = read_table(LEX / "appeal_codes.tsv")
    assert header == ("embedded_root", "appeal_code", "demand_code")
    seen = set()
    for r in recs:
        f = r.fields
        assert f["embedded_root"] in cameo and f["embedded_root"] not in seen, f["embedded_root"]
        seen.add(f["embedded_root"])
        appeal, demand = f["appeal_code"], f["demand_code"]
        assert appeal in cameo and demand in cameo, f
        # 02x and 10x name the same things asked for: 0253 appeal / 1053 demand release
        assert appeal[:2] == "02" and demand[:2] == "10" and appeal[2:] == demand[2:], f


#: complements read in another sense than the verb alone: "agreed to *concede*" is yielding
#: (035), plain "concede" is admitting (015); "agreed to *admit* inspectors" is allowing
#: entry (0355), plain "admit" is acknowledging (015).
OTHER_SENSE_AS_XCOMP = {"concede", "admit"}


def test_xcomp_rows_agree_with_intent_mapping(verbs, intent_codes):
    """An intent-verb row with an xcomp must land in the root the mapping gives."""
    _, recs = read_table(LEX / "intent_verbs.tsv")
    column = {
        r.fields["verb"]: (0 if r.fields["code_map"] == "intent" else 1) for r in recs
    }
    plain: dict[str, set[str]] = defaultdict(set)  # verb -> codes of its plain senses
    for r in verbs:
        if r.fields["particle"] == r.fields["object"] == r.fields["xcomp"] == "-":
            plain[r.fields["verb"]].add(r.fields["code"])
    checked, bad = 0, []
    for r in verbs:
        f = r.fields
        if (
            f["verb"] in column
            and f["xcomp"] in plain
            and f["xcomp"] not in OTHER_SENSE_AS_XCOMP
        ):
            wants = {
                map_intent(c, intent_codes, column[f["verb"]])
                for c in plain[f["xcomp"]]
            }
            checked += 1
            if not any(w and w[:2] == f["code"][:2] for w in wants):
                bad.append(
                    (
                        r.line,
                        f["verb"],
                        f["xcomp"],
                        f["code"],
                        sorted(w or "-" for w in wants),
                    )
                )
    assert checked >= 100
    assert not bad, bad


# --- the real loader reads everything ------------------------------------------


def test_loader_reads_event_files_without_bad_records():
    lex, report = Lexicon(), LoadReport()
    load_cameo(DATA / "cameo.tsv", lex, report)
    load_verbs(LEX / "verbs.tsv", lex, report)
    load_nouns(LEX / "nouns.tsv", lex, report)
    assert not report.bad, report.bad[:5]
    assert set(lex.cameo) >= set(ROOTS)
    assert sum(len(v) for v in lex.verbs.values()) >= 800
    assert sum(len(v) for v in lex.nouns.values()) >= 150


def test_coverage_summary(verbs, nouns, cameo):
    """Prints the table quoted in docs/lexicon-coverage.md (run with -s)."""
    vroot, nroot = Counter(), Counter()
    vsub, nsub = defaultdict(set), defaultdict(set)
    for r in verbs:
        vroot[r.fields["code"][:2]] += 1
        vsub[r.fields["code"][:2]].add(r.fields["code"])
    for r in nouns:
        nroot[r.fields["code"][:2]] += 1
        nsub[r.fields["code"][:2]].add(r.fields["code"])
    allsub = defaultdict(set)
    for c in cameo:
        if len(c) > 2:
            allsub[c[:2]].add(c)
    print("\n| root | name | verb rows | noun rows | sub-codes covered / in codebook |")
    print("|---|---|---|---|---|")
    for root in ROOTS:
        covered = {c for c in vsub[root] | nsub[root] if len(c) > 2}
        print(
            f"| {root} | {cameo[root]['name']} | {vroot[root]} | {nroot[root]} "
            f"| {len(covered)} / {len(allsub[root])} |"
        )
    subs = {c for r in verbs + nouns if len(c := r.fields["code"]) > 2}
    total = sum(len(v) for v in allsub.values())
    print(f"| all | | {len(verbs)} | {len(nouns)} | {len(subs)} / {total} |")
    missing = sorted(set().union(*allsub.values()) - subs)
    print("uncovered:", " ".join(missing))
    assert len(subs) >= 150


# --- through the coder (spaCy model): the lexicon's lemmas and targets meet real parses ---


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence,code",
    [
        ("China imposed sanctions on Lithuania.", "163"),
        ("The European Union lifted sanctions on Syria.", "085"),
        ("The United Nations called on Israel to release the prisoners.", "0253"),
        ("The United States pledged $500 million in aid to Ukraine.", "0331"),
        ("Germany sent tanks to Ukraine.", "072"),
        ("Beijing accused Washington of interference.", "112"),
        ("Hungary vetoed the EU statement.", "129"),
        ("The Kremlin declined to comment.", "011"),
        ("The Kremlin declined to provide direct comment on the report.", "011"),
        ("Qatar mediated between Israel and Hamas.", "045"),
        ("Russia called off the talks with Ukraine.", "164"),
        ("Pakistan launched airstrikes on Afghanistan.", "195"),
        ("Israel's invasion of Lebanon drew criticism.", "192"),
        ("North Korea threatened to attack South Korea.", "1384"),
        ("Russia wants a ceasefire with Ukraine.", "0356"),
        ("Trump had direct conversations with Putin.", "040"),
        ("Turkey apologized to Russia.", "055"),
        ("Israel shelled Lebanon.", "194"),
        ("Egypt negotiated with Hamas.", "046"),
    ],
)
def test_sentences_code_through_the_coder(coder, sentence, code):
    got = [e.cameo for e in coder.code_text(sentence, date=dt.date(2025, 6, 1))]
    assert code in got, got
