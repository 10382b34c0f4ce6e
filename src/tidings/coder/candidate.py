"""The unit the matcher hands the coder: a coded trigger with its source and target heads."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token


@dataclass(frozen=True, slots=True)
class Candidate:
    """A coded trigger with the heads of its source and target phrases."""

    trigger: Token
    code: str
    #: alternative source heads, best first; the coder takes the first that resolves
    sources: tuple[tuple[Token, ...], ...]
    targets: tuple[Token, ...]
    method: str  # "verb" | "noun"
    specificity: int
    #: the pattern consumed this complement verb or object noun (not a separate event)
    consumed: Token | None = None
    consumed_object: Token | None = None
    #: further target phrases, in sentence order, for when ``targets`` names no coded actor
    #: (TABARI's "first actor after the verb")
    alt_targets: tuple[tuple[Token, ...], ...] = ()
    #: the source and target are members of one coordination ("X and Y met")
    reciprocal: bool = False
    #: the pattern is for a compound actor (TABARI ``%``: "X and Y have delayed ..."):
    #: without a target, its members act on each other
    joint: bool = False
    #: the victims are named and the doer is not ("died after torture"): kept with no source
    agentless: bool = False
