"""Words joined by "_" in TABARI patterns, synset members among them."""

from __future__ import annotations

from pathlib import Path

from tidings.lexicon.tabari import load_tabari
from tidings.lexicon.tabari_joined import chain_condition, joined_chains

from .test_tabari import tiny_lemmatizer, write

NEG = {"&NEG": (("did", "n't"), ("will", "not"))}


def test_joined_runs_keep_synsets_and_end_at_markers():
    assert joined_chains("MOST_CERTAINLY_&NEG_EVER * OVER EFFORTS", set(NEG)) == (("most", "certainly", "&NEG", "ever"),)
    assert joined_chains("SUGGESTED_+ * (WITH REAL_PLEASANT)", set()) == (("real", "pleasant"),)
    # a synset name holding "_" is one element; a lone word joined to "*" is no run
    assert joined_chains("IN_* &FIGHT_OF_WORDS_NOW", {"&FIGHT_OF_WORDS"}) == (("&FIGHT_OF_WORDS", "now"),)


def test_a_run_with_a_synset_is_one_condition_per_member():
    def lemma(w: str) -> str:
        return {"did": "do", "n't": "not"}.get(w, w)

    assert chain_condition(("most", "certainly", "&NEG", "ever"), NEG, lemma) == (
        "most certainly do/did not/n't ever|most certainly will not ever"
    )


VERBS = """&NEG
+DID N'T
+REALLY DID NOT

&TIES
+MILITARY
+ECONOMIC

--- CLASH [223] ---
CLASH
- MOST_CERTAINLY_&NEG_EVER * OVER EFFORTS [907]
- &NEG * OVER EFFORTS [904]
- * NEW_&TIES_RELATIONS [903]
"""


def test_reader_requires_synset_members_in_a_row(tmp_path: Path) -> None:
    lex, bad = load_tabari(verbs=[write(tmp_path, "v.verbs.txt", VERBS)], lemmatizer=tiny_lemmatizer())
    assert not bad
    p907 = [p for p in lex.verbs["clash"] if p.code == "907"]
    assert p907 and all(
        "most certainly do/did not/n't ever|most certainly really do/did not ever" in p.requires for p in p907
    )
    # a member of several words is a phrase even where nothing joins it
    p904 = {p.requires for p in lex.verbs["clash"] if p.code == "904"}
    assert any("really do/did not" in r for r in p904)
    (p903,) = {p.requires[-1] for p in lex.verbs["clash"] if p.code == "903"}
    assert p903 == "new military relation/relations|new economic relation/relations"
