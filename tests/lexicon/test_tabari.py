"""TABARI/PETRARCH dictionary import: hand-written snippets for each feature, then the shared files."""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path

import pytest

from tidings.errors import DictionaryError
from tidings.lexicon.model import Lexicon
from tidings.lexicon.tabari import classify_file, load_tabari
from tidings.lexicon.tabari_actors import parse_date
from tidings.lexicon.tabari_text import DEFAULT_TARGET, Lemmatizer

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
PETRARCH = SHARED / "gold" / "petrarch"
PHOENIX = SHARED / "dictionaries" / "phoenix"
needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="../shared not present")

D = dt.date


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def tiny_lemmatizer() -> Lemmatizer:
    """Hand-made tables standing in for spaCy's (the model is not the point here)."""
    return Lemmatizer(
        exceptions={"verb": {"said": ["say"], "broke": ["break"], "met": ["meet"]}},
        rules={"verb": [["ed", ""], ["s", ""]], "noun": [["ies", "y"], ["s", ""]]},
        index={
            "verb": frozenset({"say", "break", "meet", "restore", "attend", "kill", "reconsider"}),
            "noun": frozenset(
                {
                    "tie",
                    "relation",
                    "sanction",
                    "embargo",
                    "boycott",
                    "talk",
                    "plan",
                    "treaty",
                    "pact",
                    "border",
                    "police",
                }
            ),
            "adj": frozenset({"diplomatic"}),
        },
    )


# ------------------------------------------------------------------ actors

ACTORS = """<!-- TEST ACTORS
   spanning lines -->
# a comment line
ARNOR_  [ARN]   # trailing comment
GONDOR [GON]
+MINAS_TIRITH
+ANORIEN ; legacy comment

ENT
\t[ENT]
GOLLUM  # dated codes, two-digit years
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB > 990816]
SAM_GAMGEE [HOB]
\t[ORCHOB 20100109-20100112]
\t[HOBMIL 20080120-20121109]
KOFI_ANNAN_\t[IGOUNO 970101-061231] [ELI]
THE_SHIRE  [FRO/BIL/SAM]
NASGUL  [###]
FUTURE_MAN
\t[XXXGOV >300101]
\t[XXXELI <310101]
\t[BAD 20121207-20120802]
BAD_DATE
\t[AAA 95060]
[ZZZ]
CODELESS_
UNBALANCED [ABC
"""


def test_actor_records(tmp_path: Path) -> None:
    p = write(tmp_path, "t.actors.txt", ACTORS)
    lex, bad = load_tabari(actors=[p])
    arn = lex.actors["arnor"]
    assert arn.default == "ARN" and arn.codes == () and arn.kind == "country" and arn.country == "ARN"
    gon = lex.actors["minas tirith"]
    assert lex.actors["anorien"] is gon and lex.actors["gondor"] is gon and gon.default == "GON"
    assert lex.actors["ent"].default == "ENT"
    g = lex.actors["smeagol"]
    assert g.name == "Gollum" and g.default is None and g.kind == "person"
    # two-digit years: 95 -> 1995, 99 -> 1999; limits are inclusive
    assert g.code_on(D(1995, 6, 1)) == "HOB" and g.code_on(D(1995, 6, 2)) == "HOBGOV"
    assert g.code_on(D(1999, 8, 15)) == "HOBGOV" and g.code_on(D(1999, 8, 16)) == "HOBREB"
    s = lex.actors["sam gamgee"]
    # first valid restriction wins; range ends are inclusive; default otherwise
    assert s.code_on(D(2010, 1, 12)) == "ORCHOB" and s.code_on(D(2010, 1, 13)) == "HOBMIL"
    assert s.code_on(D(2014, 1, 1)) == "HOB"
    k = lex.actors["kofi annan"]
    assert k.code_on(D(2000, 1, 1)) == "IGOUNO" and k.code_on(D(2010, 1, 1)) == "ELI"
    assert k.kind == "organization" and k.country is None
    assert lex.actors["the shire"].default == "FRO/BIL/SAM"
    assert lex.actors["nasgul"].default == "###"
    f = lex.actors["future man"]
    assert f.code_on(D(2030, 1, 1)) == "XXXGOV" and f.code_on(D(1931, 1, 1)) == "XXXELI"
    assert "codeless" not in lex.actors and "unbalanced" not in lex.actors
    where: dict[str, str] = {}
    for b in bad:
        where[b.origin.rsplit(":", 1)[1]] = where.get(b.origin.rsplit(":", 1)[1], "") + b.message
    assert all(b.origin.startswith(str(p) + ":") and b.code == "E201" for b in bad)
    lines = ACTORS.splitlines()
    assert "ends before it starts" in where[str(lines.index("\t[BAD 20121207-20120802]") + 1)]
    assert "95060" in where[str(lines.index("\t[AAA 95060]") + 1)]
    assert "has no code" in where[str(lines.index("CODELESS_") + 1)]
    assert "unbalanced" in where[str(lines.index("UNBALANCED [ABC") + 1)]
    assert (
        len(bad) == 5
    )  # unbalanced + no code on the last line; [ZZZ] after BAD_DATE is a valid default code: BAD_DATE loads
    assert lex.actors["bad date"].default == "ZZZ"


def test_parse_date_conventions() -> None:
    assert parse_date("090120") == D(2009, 1, 20)
    assert parse_date("300101") == D(2030, 1, 1)
    assert parse_date("310101") == D(1931, 1, 1)
    assert parse_date("19411207") == D(1941, 12, 7)
    with pytest.raises(ValueError):
        parse_date("12ab56")
    with pytest.raises(ValueError):
        parse_date("950231")


# ------------------------------------------------------------------ agents

AGENTS = """!PERSON! = MAN, MEN, WOMAN
CONGRESS!PERSON! [~LEG]
PARLIAMENTARY_OPPOSITION {} [~OPP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
PRESIDENT [~GOV] # regular plural
AUTHORITY  [~GOV]
CONGRESS [~LEG]
HUMAN_RIGHTS_BODY  [NGO~]
POLICE {} [ ~COP]
NO_CODE_HERE
STRANGE [GOV]
!UNDEFINED!_THING [~XXX]
"""


def test_agent_records(tmp_path: Path) -> None:
    p = write(tmp_path, "t.agents.txt", AGENTS)
    lex, bad = load_tabari(agents=[p])
    a = lex.agents
    assert {k for k in a if k.startswith("congress")} == {
        "congressman",
        "congressmen",
        "congresswoman",
        "congress",
        "congresses",
    }
    assert a["congressmen"].sector == "LEG"
    assert "parliamentary oppositions" not in a and a["parliamentary opposition"].sector == "OPP"
    assert a["attorneys general"].sector == "GOV" and "attorney generals" not in a
    assert a["presidents"].sector == "GOV" and a["authorities"].sector == "GOV"
    assert a["human rights body"].sector == "NGO~"  # code put before the actor's code
    assert a["police"].sector == "COP" and "polices" not in a
    assert a["police"].origin == "t.agents.txt:9"
    lines = {int(b.origin.rsplit(":", 1)[1]): b.message for b in bad}
    assert set(lines) == {10, 11, 12}
    assert "without [code]" in lines[10] and "no '~'" in lines[11] and "substitution" in lines[12]
    assert a["strange"].sector == "GOV"  # still read, as a suffix code
    # imported agents combine the TABARI way (every agent, each code once, "former" ELI)
    assert lex.agent_rule == "tabari" and load_tabari()[0].agent_rule == "rank"


# ------------------------------------------------------------------ verbs

VERBS = """<!-- TEST VERBS -->
&TIES_
+MILITARY
+ECONOMIC

&SANCT
+ECONOMIC SANCTIONS
+EMBARGO
+&LATER

--- RESTORE  [064]  ---
RESTORE    # the block's code
- * DIPLOMATIC TIES [901]
- * DIPLOMATIC_TIES [905]
- * &TIES RELATIONS [902]
- NOT * RELATIONS  [112]
- * (WITH +) [065]
- % *  [030]
- * DIPLOMATIC [064:064]

--- BREAK [171] ---
BREAK { BROKE BROKEN  }
+BREAK_DOWN {+BROKE_DOWN +BROKEN_DOWN }
WIRE_+TAP [1711]
- * OFF_  [195]
- + * IN $  [075]

--- MEET  [031:032]  ---
MEET
- SAID * TO ATTEND  [082]
- * AT ^ WITH + [043]
- * IFTAR IN ^ + [045]
- * FOR [096]
- * {PEACE PLAN} [037]
- * &SANCT [172]
- * NO_CODE
- * TO RECONSIDER [102]
- * THEIR ^ ABOUT + [162]

--- KILL [---] ---
KILLED
- * POLICE [---]
- * (IN {ACCIDENTAL BLAST}) [---]

&LATER
+BOYCOTT

~ a (a b ATTACK) SAY = a b 015
- * ORPHAN [010]
"""


def _by(lex: Lexicon, verb: str, code: str) -> list:
    return [p for p in lex.verbs.get(verb, []) if p.code == code]


def test_verb_patterns(tmp_path: Path) -> None:
    p = write(tmp_path, "t.verbs.txt", VERBS)
    lex, bad = load_tabari(verbs=[p], lemmatizer=tiny_lemmatizer())
    base = _by(lex, "restore", "064")
    assert len(base) == 1 and base[0].target == DEFAULT_TARGET and not base[0].requires
    (p901,) = _by(lex, "restore", "901")
    # an object is its lemma or the word as written (the parser's lemma may differ)
    assert p901.objects == {"tie", "ties"} and p901.requires == ("diplomatic",) and "dobj" not in p901.target
    assert p901.origin == "t.verbs.txt:13"
    p902 = _by(lex, "restore", "902")
    assert {p.requires for p in p902} == {("military",), ("economic",)}
    assert all(p.objects == {"relation", "relations"} for p in p902)
    (p112,) = _by(lex, "restore", "112")
    # a word before the verb must come before it ("<not")
    assert p112.requires == ("<not",) and p112.objects == {"relation", "relations"}
    # words joined by "_" must follow each other: the pair is required as well (each word
    # as its lemma or as written)
    (p905,) = _by(lex, "restore", "905")
    assert p905.objects == {"tie", "ties"} and p905.requires == ("diplomatic", "diplomatic tie/ties")
    assert p905.specificity == p901.specificity
    (p065,) = _by(lex, "restore", "065")
    assert p065.target == ("with",)
    # % (a compound actor) before the verb: its "and" is required
    assert [p.requires for p in _by(lex, "restore", "030")] == [("<and",)]
    # multi-word verbs and a verb with its own code
    assert {
        (p.particle, p.code) for p in lex.verbs["break"] if not p.requires and p.target[0] != "nsubj"
    } >= {(None, "171"), ("down", "171"), ("off", "195")}
    (tap,) = [p for p in lex.verbs["tap"] if p.code == "1711"]
    assert tap.requires == ("wire",)
    assert all(p.target == ("nsubj",) for p in _by(lex, "break", "075"))
    # patterns of MEET
    assert _by(lex, "meet", "031:032")[0].target == DEFAULT_TARGET  # compound code kept
    (p082,) = _by(lex, "meet", "082")
    assert p082.xcomp == "attend" and p082.requires == ("<say|<said",)  # the lemma, or as written
    (p043,) = _by(lex, "meet", "043")
    # a preposition that marks the target is a word of the pattern too: TABARI matches it
    assert p043.target == ("with",) and p043.requires == ("at", "with")
    assert _by(lex, "meet", "096")[0].target == ("for",) and _by(lex, "meet", "096")[0].requires == ("for",)
    (p045,) = _by(lex, "meet", "045")  # the target follows the phrase ^ skips after IN
    assert "in" not in p045.target and "with" in p045.target and "dobj" not in p045.target
    (p037,) = _by(lex, "meet", "037")
    assert p037.objects == {"plan"} and p037.requires == ("peace",)
    assert _by(lex, "meet", "082")[0].objects == frozenset()
    sanct = _by(lex, "meet", "172")
    # a synset in object position gives the set of one-word heads, and one pattern per phrase
    # member with its other words required; a synset defined later is resolved
    assert {(tuple(sorted(p.objects)), p.requires) for p in sanct} == {
        (("boycott", "embargo"), ()),
        (("sanction", "sanctions"), ("economic",)),
    }
    assert _by(lex, "meet", "102")[0].xcomp == "reconsider"
    # a possessive is not the object noun: "warned their populations about X"
    (p162,) = _by(lex, "meet", "162")
    assert p162.objects == frozenset() and p162.requires == ("their", "about") and p162.target == ("about",)
    # KILLED -> kill, the form itself required; a null-coded bare verb adds nothing,
    # null-coded patterns are kept
    assert {p.code for p in lex.verbs["kill"]} == {"---"}
    assert {tuple(sorted(p.objects)) for p in lex.verbs["kill"]} == {("police",), ()}
    assert {p.requires for p in lex.verbs["kill"]} == {
        ("killed",),
        ("killed", "in", "accidental", "blast"),
    }
    # an adjective after the verb is required, not an object ("restore diplomatic ties")
    (dipl,) = _by(lex, "restore", "064:064")
    assert dipl.requires == ("diplomatic",) and not dipl.objects
    msgs = {int(b.origin.rsplit(":", 1)[1]): b.message for b in bad}
    lines = VERBS.splitlines()
    assert "without [code]" in msgs[lines.index("- * NO_CODE") + 1]
    assert "transformation" in msgs[lines.index("~ a (a b ATTACK) SAY = a b 015") + 1]
    assert "outside" in msgs[lines.index("- * ORPHAN [010]") + 1]
    assert len(bad) == 3


def test_light_verb_patterns_give_nouns(tmp_path: Path) -> None:
    text = "--- HOLD [---] ---\nHOLD {HELD}\n- * TALKS [031]\n- * TALKS (WITH) [032]\n"
    lex, bad = load_tabari(verbs=[write(tmp_path, "v.txt", text)], lemmatizer=tiny_lemmatizer())
    assert not bad and not lex.nouns  # only on request
    lex, bad = load_tabari(
        verbs=[write(tmp_path, "v.txt", text)], lemmatizer=tiny_lemmatizer(), light_verb_nouns=True
    )
    assert [(n.noun, n.code) for n in lex.nouns["talk"]] == [("talk", "031")]
    assert [(n.noun, n.code) for n in lex.nouns["talks"]] == [("talks", "031")]
    assert _by(lex, "hold", "032")[0].target == ("with",)


def test_spacy_tables_lemmatize_dictionary_words() -> None:
    lem = Lemmatizer.from_spacy_model()
    if not lem.index:
        pytest.skip("spaCy model not installed")
    assert lem.lemma("SAID", "verb") == "say" and lem.lemma("MET", "verb") == "meet"
    assert lem.noun_lemma("TIES") == "tie" and lem.noun_lemma("RELATIONS") == "relation"
    assert lem.lemma("was") == "be" and lem.lemma("as") == "as"
    assert lem.lemma("EXCHANG", "verb") == "exchange"  # a TABARI stem completed


# ------------------------------------------------------------------ discards, folders, errors


def test_discards_and_directory(tmp_path: Path) -> None:
    d = tmp_path / "dicts"
    d.mkdir()
    write(
        d,
        "My.discards.txt",
        "# story-level with +\nMONTHS LATER\n+World Golf Championships # x\nESPN2_\n",
    )
    write(d, "My.actors.txt", "ARNOR [ARN]\n")
    write(d, "My.agents.txt", "POLICE {} [~COP]\n")
    write(d, "CAMEO.verbs.txt", "--- MEET [031] ---\nMEET\n")
    write(d, "My.records.txt", "not a dictionary\n")
    lex, bad = load_tabari(directory=d, lemmatizer=tiny_lemmatizer())
    assert not bad
    assert lex.discards == {"months later", "world golf championships", "espn2"}
    assert lex.actors["arnor"].default == "ARN" and "police" in lex.agents and "meet" in lex.verbs
    assert classify_file(d / "My.records.txt") is None
    # on top of another lexicon
    merged = Lexicon(actors={"gondor": lex.actors["arnor"]}).merge(lex)
    assert {"gondor", "arnor"} <= set(merged.actors)


def test_missing_files_raise(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError):
        load_tabari(actors=[tmp_path / "nope.txt"])
    with pytest.raises(DictionaryError):
        load_tabari(directory=tmp_path / "nodir")


def test_latin1_file_reported_and_read(tmp_path: Path) -> None:
    p = tmp_path / "l.actors.txt"
    p.write_bytes("ARNOR [ARN]\nS\xc3O_PAULO [BRA]\n".encode("latin-1"))
    lex, bad = load_tabari(actors=[p])
    assert len(bad) == 1 and bad[0].origin == f"{p}:2"
    assert lex.actors["s\xe3o paulo"].default == "BRA"


# ------------------------------------------------------------------ the shared dictionaries

ORIGIN = re.compile(r"^(?P<file>.+):(?P<line>\d+)$")


def _check_bad(bad, folder: Path) -> None:
    for b in bad:
        m = ORIGIN.match(b.origin)
        assert m and Path(m["file"]).parent == folder and int(m["line"]) > 0, b


@needs_shared
@pytest.mark.parametrize("suffix", [".", "_", "_2_02"])
def test_validation_suite_dictionaries(suffix: str) -> None:
    if suffix == "_2_02":
        names = {
            k: PETRARCH / f"PETR_Validate_{k}_2_02.txt" for k in ("actors", "agents", "verbs", "discards")
        }
    else:
        names = {k: PETRARCH / f"PETR.Validate.{k}.txt" for k in ("actors", "agents", "verbs", "discards")}
    lex, bad = load_tabari(**{k: [v] for k, v in names.items()})
    _check_bad(bad, PETRARCH)
    assert len(bad) < 10
    # dated codes as the unit tests use them (DATE-02, -04, -09, -11, -12, -14, -19, -20)
    sam, ham, gollum = (
        lex.actors["sam gamgee"],
        lex.actors["hamfast gamgee"],
        lex.actors["slinker"],
    )
    assert sam.code_on(D(2008, 1, 19)) == "HOBCIV" and sam.code_on(D(2010, 1, 9)) == "ORCHOB"
    assert sam.code_on(D(2010, 1, 12)) == "ORCHOB" and sam.code_on(D(2010, 1, 13)) == "HOBMIL"
    assert ham.code_on(D(2012, 11, 9)) == "HOBGOV" and ham.code_on(D(2014, 1, 4)) == "HOB"
    assert gollum.code_on(D(1995, 11, 1)) == "HOBGOV" and gollum.code_on(D(2001, 1, 1)) == "HOBREB"
    assert gollum.code_on(D(1995, 1, 1)) == "HOB"
    zim = lex.actors["zimbabwe"]
    assert zim.code_on(D(1978, 12, 23)) == "RHO" and zim.code_on(D(2001, 1, 1)) == "ZBW"
    assert lex.agents["human rights body"].sector == "NGO~" and lex.agents["troops"].sector == "MIL"
    assert "congresswomen" in lex.agents
    assert any(p.code == ("050" if suffix == "_2_02" else "064") for p in lex.verbs["restore"])
    assert len(lex.verbs) > 100 and lex.discards


@needs_shared
def test_phoenix_dictionaries_load_fast() -> None:
    t0 = time.process_time()  # CPU time: other jobs on the machine do not count
    lex, bad = load_tabari(directory=PHOENIX)
    took = time.process_time() - t0
    assert took < 8, f"Phoenix dictionaries took {took:.1f}s of CPU"
    _check_bad(bad, PHOENIX)
    assert len(bad) < 100
    obama = lex.actors["barack obama"]
    assert obama.code_on(D(2009, 1, 20)) == "USAGOV" and obama.code_on(D(1990, 1, 1)) == "USAELI"
    assert lex.actors["president obama"] is obama
    assert lex.actors["united states of america"].default == "USA"
    assert lex.actors["un"].default == "IGOUNO"
    assert len(lex.actors) > 30000 and len(lex.agents) > 3000
    assert len(lex.verbs) > 1000 and sum(len(v) for v in lex.verbs.values()) > 50000
    assert lex.discards


def test_code_helpers_for_coders() -> None:
    from tidings.lexicon.tabari import actor_codes, event_codes, with_agent

    assert event_codes("031:032") == [("031", False), ("032", True)]
    assert event_codes("064") == [("064", False)]
    assert event_codes(":173") == [("173", True)]
    assert event_codes("---") == [] and event_codes("042:---") == [("042", False)]
    assert actor_codes("FRO/BIL/SAM") == ["FRO", "BIL", "SAM"] and actor_codes("USAGOV") == ["USAGOV"]
    assert with_agent("ARN", "GOV") == "ARNGOV" and with_agent("ARN", "NGO~") == "NGOARN"
    assert with_agent("", "REL") == "---REL"


def test_parser_lemmas_are_keys_too(tmp_path: Path) -> None:
    lem = Lemmatizer.from_spacy_model()
    if not lem.index:
        pytest.skip("spaCy model not installed")
    text = "--- EXCLUDE [1721] ---\n+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF}\n--- LEFT [032:033] ---\nLEFT\n"
    lex, bad = load_tabari(verbs=[write(tmp_path, "v.txt", text)], lemmatizer=lem)
    assert not bad
    # spaCy lemmatizes "cordoned" as "cordone": the pattern is found under both
    assert lex.verbs["cordon"][0].particle == "off" and lex.verbs["cordone"][0].code == "1721"
    # LEFT as a block verb: the verb "leave", only in the form "left"
    assert [(p.code, p.requires) for p in lex.verbs["leave"]] == [("032:033", ("left",))]
