"""Trigger and pattern matching over hand-built parses."""

from tidings.coder.match import verb_candidates
from tidings.lexicon.model import Lexicon, VerbPattern

from .handparse import parse

# "Pyongyang fired two artillery shells at Seoul"
FIRED = parse([
    ("Pyongyang", "PROPN", "nsubj", 1, "Pyongyang"),
    ("fired", "VERB", "ROOT", 1, "fire"),
    ("two", "NUM", "nummod", 4, "two"),
    ("artillery", "NOUN", "compound", 4, "artillery"),
    ("shells", "NOUN", "dobj", 1, "shell"),
    ("at", "ADP", "prep", 1, "at"),
    ("Seoul", "PROPN", "pobj", 5, "Seoul"),
])


def test_object_word_matches_a_noun_modifier_of_the_object():
    lex = Lexicon()
    lex.verbs["fire"] = [
        VerbPattern(code="071", verb="fire"),
        VerbPattern(code="194", verb="fire", objects=frozenset({"artillery"}), target=("at",)),
    ]
    (cand,) = verb_candidates(FIRED[1], lex)
    assert cand.code == "194"
    assert [t.text for t in cand.targets] == ["Seoul"]
