"""Which time expression belongs to an event: attachment by the parse.

A time expression belongs to an event trigger when the dependency head chain
of the expression's tokens reaches the trigger (or the verb governing a
nominal or ``xcomp`` trigger) without passing through another verb's clause.
In "X, who met Y last week, said on Monday that ...", "last week" reaches
"said" only through "met" (a relative clause), so it belongs to "met"; "on
Monday" belongs to "said".  A conjoined verb shares a date said before it
("met Xi on Monday and signed ...").  The one exception is a subordinate clause
introduced by "after"/"since"/"following" ("had talks ... after leaving office
in 2021"): the expression then dates the start of an open range that
:func:`tidings.resolve.dates.event_date` closes.

Works on any object with the spaCy Token/Span attributes used here
(``idx``, ``text``, ``head``, ``dep_``, ``pos_``, ``tag_``, ``lower_``,
``children``, ``i``, ``morph``), so tests can build inputs by hand.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from types import MappingProxyType
from typing import Any

from tidings.types import Timex

__all__ = ["attach_timexes", "range_from", "timex_tokens", "trigger_tense"]

_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "parataxis", "csubj", "pcomp", "ROOT"})
_RANGE_MARKERS = MappingProxyType({"after": "after", "since": "since", "following": "after"})
_FUTURE_AUX = frozenset({"will", "'ll", "’ll", "shall", "wo", "would"})


def timex_tokens(sent: Any, timex: Timex, *, doc_offset: int = 0) -> list[Any]:
    """The tokens of ``sent`` overlapping ``timex`` (article offsets minus
    ``doc_offset`` are doc offsets)."""
    s, e = timex.char_start - doc_offset, timex.char_end - doc_offset
    return [t for t in sent if t.idx < e and t.idx + len(t.text) > s]


def _is_verb(tok: Any) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ in _CLAUSE_DEPS


def _range_marker(verb: Any) -> str | None:
    """"after"/"since" when ``verb`` heads a clause introduced by one."""
    if verb.dep_ == "pcomp" and verb.head.lower_ in _RANGE_MARKERS:
        return _RANGE_MARKERS[verb.head.lower_]
    for ch in verb.children:
        if ch.dep_ == "mark" and ch.lower_ in _RANGE_MARKERS:
            return _RANGE_MARKERS[ch.lower_]
    return None


def _participle_complement(tok: Any) -> bool:
    """A bare participle completing its verb ("reported *stolen*", "found *dead*")."""
    return tok.dep_ in ("oprd", "xcomp", "acomp") and tok.tag_ == "VBN" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark", "aux", "auxpass") for c in tok.children
    )


def _shares_head_date(trigger: Any) -> bool:
    """A conjoined verb ("met Xi on Monday and *signed*") or a participial adjunct
    without its own subject ("conducted an autopsy yesterday, *identifying* the body")
    happens when its head verb does."""
    if trigger.head.pos_ not in ("VERB", "AUX") or trigger.head.i == trigger.i:
        return False
    if trigger.dep_ == "conj":
        return True
    return trigger.dep_ == "advcl" and trigger.tag_ in ("VBG", "VBN") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark") for c in trigger.children
    )


def _pre_modifier_of_participant(tok: Any) -> bool:
    """A year or date before a noun that is the verb's subject or object ("a *2005*
    Ford truck was about to turn") describes the thing, not the event."""
    return tok.dep_ in ("nummod", "compound", "amod", "poss") and tok.head.dep_ in (
        "nsubj", "nsubjpass", "dobj", "attr"
    ) and tok.head.pos_ in ("NOUN", "PROPN")


def _clause_on_date(trigger: Any, ids: set[int]) -> bool:
    """The trigger's clause modifies the expression itself ("through Wednesday,
    when the new government is to be *sworn* in")."""
    tok, steps = trigger, 0
    while tok.head.i != tok.i and steps < 3:
        if tok.dep_ in ("relcl", "acl", "advcl") and tok.head.i in ids:
            return True
        tok, steps = tok.head, steps + 1
    return False


def _targets(trigger: Any) -> list[Any]:
    """The trigger and, for a nominal or ``xcomp`` trigger, its governing verb."""
    out = [trigger]
    if trigger.dep_ in ("xcomp", "dobj", "nsubj", "nsubjpass", "attr", "pobj", "compound") or trigger.pos_ in ("NOUN", "PROPN"):
        h = trigger.head
        while h.i != h.head.i and h.pos_ not in ("VERB", "AUX"):
            h = h.head
        if h.pos_ in ("VERB", "AUX"):
            out.append(h)
    return out


def _path(head: Any, targets: Sequence[Any], limit: int = 30) -> tuple[int, str | None] | None:
    """Steps from ``head`` up to a target, and a range marker met on the way;
    ``None`` when the chain crosses another verb's clause first."""
    tok, steps, marker = head, 0, None
    target_ids = {t.i for t in targets}
    while steps < limit:
        if tok.i in target_ids:
            return steps, marker
        if tok.i != head.i and _is_verb(tok) and not _participle_complement(tok):
            m = _range_marker(tok)
            if m is None or marker is not None:
                return None
            marker = m
        if tok.head.i == tok.i:
            return None
        tok, steps = tok.head, steps + 1
    return None


def range_from(timex: Timex, *, marker: str = "after") -> Timex:
    """An open range starting at ``timex``: "after ... in 2021" gives
    ``2021/`` (closed later by ``event_date``); "since" gives ``2021/PRESENT_REF``."""
    if timex.value and "/" in timex.value:
        return timex
    suffix = "/PRESENT_REF" if marker == "since" else "/"
    return dataclasses.replace(timex, value=f"{timex.value}{suffix}", interval_end=None, granularity="range")


def attach_timexes(sent: Any, trigger: Any, timexes: Iterable[Timex], *, doc_offset: int = 0) -> Timex | None:
    """The date expression of ``sent`` syntactically attached to ``trigger``
    (``None`` when none is).  Durations, sets and counts are never returned.
    Among several, the one nearest the trigger in the tree wins."""
    targets = _targets(trigger)
    shared = [trigger.head] if _shares_head_date(trigger) else []
    best: tuple[tuple[int, int], Timex] | None = None
    for tx in timexes:
        if tx.kind != "date":
            continue
        toks = timex_tokens(sent, tx, doc_offset=doc_offset)
        if not toks:
            continue
        ids = {t.i for t in toks}
        heads = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
        if _clause_on_date(trigger, ids):
            key = (0, abs(toks[0].i - trigger.i))
            if best is None or key < best[0]:
                best = (key, tx)
            continue
        heads = [h for h in heads if not (_pre_modifier_of_participant(h) and h.head.i != trigger.i)]
        found = None
        for h in heads:
            p = _path(h, targets)
            if p is not None and (found is None or p[0] < found[0]):
                found = p
        if found is None and shared and toks[-1].i < trigger.i:
            for h in heads:
                p = _path(h, shared)
                if p is not None:
                    found = (p[0] + 10, p[1])  # behind any expression of the trigger's own
                    break
        if found is None:
            continue
        steps, marker = found
        cand = range_from(tx, marker=marker) if marker else tx
        key = (steps, abs(toks[0].i - trigger.i))
        if best is None or key < best[0]:
            best = (key, cand)
    return best[1] if best else None


def trigger_tense(trigger: Any) -> str | None:
    """"future" when the trigger has a future or modal auxiliary (will, 'll,
    shall, would, could, might, may) or is the complement of an intention verb; "past" for past-tense
    morphology or a past auxiliary; "present" for present-tense; else None."""
    aux = [c for c in trigger.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX or a.lower_ in ("could", "might", "may") for a in aux):
        return "future"
    if trigger.dep_ == "xcomp" and trigger.head.lemma_ in ("plan", "expect", "agree", "intend", "go", "schedule", "hope", "want", "promise", "vow", "threaten"):
        return "future"
    if any(a.tag_ in ("VBD",) for a in aux) or trigger.tag_ in ("VBD", "VBN"):
        return "past"
    if "Past" in trigger.morph.get("Tense"):
        return "past"
    if trigger.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in aux):
        return "present"
    return None
