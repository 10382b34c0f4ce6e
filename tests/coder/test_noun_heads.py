"""What quantity, pair and relational nouns stand for, over hand-built parses."""

from tidings.coder.noun_heads import quantity_head, relational, two

from .handparse import parse

# "thousands of students"; "both leaders"; "Gondor's critics"; "Gondor's government"
THOUSANDS = parse([
    ("thousands", "NOUN", "ROOT", 0, "thousand"),
    ("of", "ADP", "prep", 0, "of"),
    ("students", "NOUN", "pobj", 1, "student"),
])
BOTH = parse([
    ("both", "DET", "det", 1, "both"),
    ("leaders", "NOUN", "ROOT", 1, "leader"),
])
CRITICS = parse([
    ("Gondor", "PROPN", "poss", 2, "Gondor"),
    ("'s", "PART", "case", 0, "'s"),
    ("critics", "NOUN", "ROOT", 2, "critic"),
])
GOVERNMENT = parse([
    ("Gondor", "PROPN", "poss", 2, "Gondor"),
    ("'s", "PART", "case", 0, "'s"),
    ("government", "NOUN", "ROOT", 2, "government"),
])


def test_a_quantity_stands_for_its_of_phrase():
    assert quantity_head(THOUSANDS[0]).text == "students"
    assert quantity_head(BOTH[1]).text == "leaders"


def test_both_makes_a_pair():
    assert two(BOTH[1])
    assert not two(THOUSANDS[0])


def test_a_possessed_relational_noun_is_someone_else():
    assert relational(CRITICS[2])
    assert not relational(GOVERNMENT[2])
