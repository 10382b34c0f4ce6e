"""Where an event happened, proposed venues, and place names that stand for governments.

* :func:`event_location` picks, for one event, the place its clause says it
  happened in, and the proposed venues (``role="candidate"``).
* :func:`is_government_metonym` tells "Moscow said" (a government) from
  "in Moscow" (a place).

Rules: docs/places.md.  Re-exported by :mod:`tidings.resolve.places`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from tidings.types import Place

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "GOVERNMENT_VERBS",
    "LOCATIVE_PREPS",
    "event_location",
    "hypothetical_venues",
    "is_government_metonym",
]

# ------------------------------------------------------------------ event location

#: prepositions that say where something happened
LOCATIVE_PREPS = frozenset(
    """
    in at near outside across inside within throughout around off along
    """.split()
)

#: "the city of X": nouns between a locative preposition and the name
_PLACE_NOUNS = frozenset(
    """
    city town village region province state area district capital outskirts suburbs suburb port
    coast border streets centre center heart north south east west part parts country territory
    county governorate oblast island islands
    """.split()
)
_VENUE_NOUNS = frozenset(
    """
    venue venues location locations site sites host hosts option options
    """.split()
)
_HEDGES = frozenset(
    """
    potential possible likely proposed prospective candidate suggested mooted
    """.split()
)
_MODALS = frozenset(["could", "might", "may", "would"])
_HOLD_VERBS = frozenset(["hold", "host", "take", "happen", "meet", "convene", "stage", "place"])


def _place_root(sent: Span, place: Place, offset: int) -> Token | None:
    span = sent.doc.char_span(
        place.char_start - offset, place.char_end - offset, alignment_mode="expand"
    )
    if span is None or span.start < sent.start or span.end > sent.end:
        return None
    return span.root


def _governor(tok: Token) -> tuple[Token | None, str | None]:
    """The word a place attaches to through a locative preposition, and the preposition."""
    while tok.dep_ in ("conj", "appos", "compound") and tok.head.i != tok.i:
        tok = tok.head
    via_place_noun = False
    for _ in range(3):
        if tok.dep_ != "pobj":
            return None, None
        prep = tok.head
        word = prep.lower_
        if word == "of" and {prep.head.lemma_.lower(), prep.head.lower_} & _PLACE_NOUNS:
            tok = prep.head
            via_place_noun = True
            continue
        if word in LOCATIVE_PREPS or (via_place_noun and word == "on"):
            return prep.head, word
        return None, None
    return None, None


def _attached_to(gov: Token, trigger: Token) -> bool:
    """Does ``gov`` (what a locative phrase modifies) belong to the trigger's clause?"""
    tok = gov
    for _ in range(5):
        if tok == trigger:
            return True
        if tok.pos_ in ("VERB", "AUX"):
            # "agreed to meet in Riyadh": the xcomp chain shares the place
            return (tok.dep_ == "xcomp" and tok.head == trigger) or (
                trigger.dep_ == "xcomp" and trigger.head == tok
            )
        if tok.head == tok:
            return False
        tok = tok.head
    return False


def _is_hypothetical_venue(tok: Token) -> bool:
    """'X and Y are potential venues', 'could be held in X', 'a possible venue, X'."""
    head = tok
    while head.dep_ in ("conj", "compound") and head.head.i != head.i:
        head = head.head
    # appositive or predicate of a hedged venue noun
    if head.dep_ in ("appos", "attr") and head.head.lemma_.lower() in _VENUE_NOUNS:
        return _hedged_noun(head.head)
    clause = head.head
    if head.dep_ in ("nsubj", "nsubjpass"):
        for ch in clause.children:
            if ch.dep_ in ("attr", "dobj", "acomp") and ch.lemma_.lower() in _VENUE_NOUNS:
                return _hedged_noun(ch) or _modal(clause)
            if ch.lemma_.lower() in _HEDGES and ch.dep_ == "acomp":
                return True
        if clause.lemma_.lower() in ("host", "offer") and _modal(clause):
            return True
    if head.dep_ == "pobj":
        verb = head.head.head
        if verb.lemma_.lower() in _HOLD_VERBS and _modal(verb):
            return True
        if verb.lemma_.lower() in _VENUE_NOUNS and _hedged_noun(verb):
            return True
    return False


def _hedged_noun(noun: Token) -> bool:
    return any(ch.lemma_.lower() in _HEDGES for ch in noun.children) or _modal(noun.head)


def _modal(verb: Token) -> bool:
    return any(ch.dep_ == "aux" and ch.lower_ in _MODALS for ch in verb.children)


def event_location(
    sent: Span, trigger: Token, places: Sequence[Place], *, offset: int = 0
) -> tuple[Place | None, tuple[Place, ...]]:
    """Where the event of ``trigger`` happened, and the proposed venues.

    ``places`` are resolved places with article offsets; ``offset`` is the
    article offset of ``sent.doc``'s first character (0 when the doc is the
    whole article).  Returns ``(location, candidates)``: the place attached
    to the trigger by a locative preposition (in/at/near/outside/across ...),
    and the places the sentence offers as hypothetical venues, with
    ``role="candidate"``.
    """
    location: Place | None = None
    candidates: list[Place] = []
    for place in places:
        tok = _place_root(sent, place, offset)
        if tok is None:
            continue
        if _is_hypothetical_venue(tok):
            candidates.append(replace(place, role="candidate"))
            continue
        gov, _prep = _governor(tok)
        if location is None and gov is not None and _attached_to(gov, trigger):
            location = replace(place, role="asserted")
    return location, tuple(candidates)


def hypothetical_venues(
    sent: Span, places: Sequence[Place], *, offset: int = 0
) -> tuple[Place, ...]:
    """The places ``sent`` offers as proposed venues, with ``role="candidate"``.

    For venues named in a sentence of their own ("Saudi Arabia and the UAE
    are potential venues that have been suggested for these summits"): the
    coder attaches them to the event the sentence refers back to.
    """
    out = []
    for place in places:
        tok = _place_root(sent, place, offset)
        if tok is not None and _is_hypothetical_venue(tok):
            out.append(replace(place, role="candidate"))
    return tuple(out)


# ------------------------------------------------------------------ metonyms

#: verbs whose subject acts or speaks: a place name there stands for its government
GOVERNMENT_VERBS = frozenset(
    """
    say tell announce state claim deny accuse warn threaten reject respond demand urge insist
    condemn criticize criticise welcome praise propose offer agree refuse sign impose lift
    sanction expel recall summon send deploy launch strike attack invade annex recognize
    recognise support back oppose veto vow pledge promise call ask request protest retaliate
    negotiate host approve ban block halt suspend resume release free arrest detain seize order
    allow permit decide plan want seek intend consider prepare blame confirm
    argue acknowledge admit dismiss appeal file sue push press reiterate hit fire
    shell bomb retake recapture capture withdraw pull join leave boycott accept ratify adopt
    vote reach cut freeze tighten ease extend provide pay fund
    """.split()
)
_GOVERNMENT_NOUNS = frozenset(
    """
    decision response statement position policy refusal offer demand claim move sanctions
    proposal plan stance reaction warning announcement support backing involvement invasion
    annexation
    """.split()
)


def is_government_metonym(ent_span: Span) -> bool:
    """A place name standing for its government: 'Moscow said', 'Washington imposed'.

    True when the name (or the first of a coordination, "Moscow and Beijing
    said") is the subject of a speech or action verb, the agent of a passive
    one ("imposed by Washington"), or the possessor of a policy noun
    ("Moscow's response").  'in Moscow', 'Moscow was shelled' are places.
    """
    if ent_span.label_ not in ("GPE", ""):
        return False
    tok = ent_span.root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    head = tok.head
    if tok.dep_ == "nsubj":
        return head.lemma_.lower() in GOVERNMENT_VERBS
    if tok.dep_ == "pobj" and head.lower_ == "by" and head.dep_ == "agent":
        return head.head.lemma_.lower() in GOVERNMENT_VERBS
    if tok.dep_ == "poss":
        return head.lemma_.lower() in _GOVERNMENT_NOUNS
    return False
