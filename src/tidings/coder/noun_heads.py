"""Noun-phrase heads for actor resolution: what a quantity, group or relational noun stands for.

Pure functions over spaCy tokens, used by :mod:`tidings.coder.actors`.
"""

from __future__ import annotations

from spacy.tokens import Token

from .syntax import of_object


#: "tens of thousands *of students*", "members *of the opposition*": the group is in the PP
QUANTITY_HEADS = frozenset({
    "ten", "tens", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "dozen",
    "dozens", "score", "scores", "group", "groups", "number", "members", "member", "some", "many",
    "most", "all", "several", "crowd", "crowds", "band", "unit", "units", "team", "delegation",
})


#: nouns for people defined by whom they stand against or deal with: "*Erdogan's* critics",
#: "Indonesia's donors", "Kremlin rivals" are not Erdogan, Indonesia or the Kremlin
RELATIONAL_NOUNS = frozenset({
    "critic", "opponent", "rival", "enemy", "foe", "adversary", "detractor", "challenger", "accuser",
    "attacker", "assailant", "killer", "captor", "kidnapper", "donor", "creditor", "lender", "ally",
    "neighbour", "neighbor", "victim",
})


def relational(head: Token) -> bool:
    """A relational noun whose possessor or name modifier is the other party ("Erdogan's critics")."""
    return head.pos_ == "NOUN" and head.lemma_.lower() in RELATIONAL_NOUNS and any(
        c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN") for c in head.children
    )


def two(noun: Token) -> bool:
    """"the *two* men", "*both* leaders", "the leaders *of the two countries*"."""
    def counted_two(tok: Token) -> bool:
        return any(c.lower_ in ("two", "both") for c in tok.children if c.dep_ in ("nummod", "det", "predet"))

    inner = of_object(noun)
    return counted_two(noun) or (inner is not None and inner.tag_ == "NNS" and counted_two(inner))


def quantity_head(head: Token) -> Token:
    """The noun a quantity or group word stands for ("thousands of students" -> students)."""
    for _ in range(3):
        if head.lower_ not in QUANTITY_HEADS and head.pos_ != "NUM":
            return head
        nxt = of_object(head)
        if nxt is None:
            return head
        head = nxt
    return head
