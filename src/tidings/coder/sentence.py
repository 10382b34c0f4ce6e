"""What the candidate events of one sentence say about each other.

The coder codes each candidate of a sentence on its own, then these rules look
at them together: a clause attached to a located event happened there, a
meeting's purpose is not a second event, a definite nominal event takes the
target of the event the article named before, statements and means frame the
events they report or serve, and venues proposed in a sentence of their own
go to the meetings before it.  Each takes and returns a list of
``(candidate, events)`` pairs, or the sentence's frames.
"""

from __future__ import annotations

from dataclasses import replace

from ..types import Actor, Event
from .candidate import Candidate

#: CAMEO roots of meetings a proposed venue can belong to
MEETING_ROOTS = ("03", "04")
#: purpose verbs that say what a meeting is for ("met to *discuss* trade")
PURPOSE_OF_MEETING = frozenset({"discuss", "talk", "negotiate", "consult", "confer"})
#: roots of a deployment, supply or operation that can be the means of a use of force
MEANS_ROOTS = frozenset({"07", "15", "19"})
#: coercion and force, the purposes such means serve
FORCE_ROOTS = frozenset({"17", "18", "19", "20"})


def inherit_locations(coded: list) -> list:
    """An event of a clause attached to a located event's verb happened there too
    ("drones struck Kharkiv, *killing* four civilians")."""
    located = {c.trigger.i: ev.location for c, evs in coded for ev in evs if ev.location is not None}
    if not located:
        return coded
    out = []
    for cand, evs in coded:
        trig = cand.trigger
        where = located.get(trig.head.i) if trig.dep_ in ("advcl", "conj", "xcomp") else None
        if where is not None:
            evs = [ev if ev.location is not None else replace(ev, location=where) for ev in evs]
        out.append((cand, evs))
    return out


def add_venues(events: list, s_index: int, venues: tuple) -> None:
    """Venues proposed in a sentence of their own go to the meetings of the sentence before."""
    for i in range(len(events) - 1, -1, -1):
        key, ev = events[i]
        if key[0] < s_index - 1:
            break
        if key[0] == s_index - 1 and ev.cameo[:2] in MEETING_ROOTS:
            events[i] = (key, replace(ev, candidate_locations=ev.candidate_locations + venues))


def targets_from_earlier(
    coded: list[tuple[Candidate, list[Event]]], before: list[Event]
) -> list[tuple[Candidate, list[Event]]]:
    """"... shortly before *the* Russian invasion": a definite nominal event with a source and
    no target names the event the article named before with the same word and the same
    source country ("the Russian invasion of Ukraine"), and takes its target."""
    out = []
    for c, evs in coded:
        t = c.trigger
        if (c.method == "noun" and evs and all(e.target is None and e.source is not None for e in evs)
                and any(k.lower_ == "the" for k in t.children if k.dep_ == "det")):
            evs = [with_earlier_target(e, before) for e in evs]
        out.append((c, evs))
    return out


def with_earlier_target(ev: Event, before: list[Event]) -> Event:
    def country(a: Actor) -> str:
        return a.country or (a.code or "")[:3]

    for b in reversed(before):
        if (b.target is not None and b.source is not None and b.cameo[:2] == ev.cameo[:2]
                and b.evidence.trigger.lower() == ev.evidence.trigger.lower()
                and ev.source is not None and country(b.source) == country(ev.source) and country(b.source)):
            return replace(ev, target=b.target, confidence=round(ev.confidence - 0.1, 2))
    return ev


def without_meeting_purposes(coded: list[tuple[Candidate, list[Event]]]) -> list[tuple[Candidate, list[Event]]]:
    """"Met in Beijing *to discuss* trade", "interest in meeting *to discuss* ...": the
    discussion is what the meeting is for, one real-world event, not a second one."""
    meetings: dict[int, int] = {}  # a meeting trigger, or the verb that governs it -> the trigger
    for c, evs in coded:
        if not evs or c.code[:2] not in ("03", "04"):
            continue
        for t in (c.trigger, c.consumed):
            if t is None:
                continue
            meetings[t.i] = t.i
            up = t  # "expressed interest in *meeting* to discuss": the verb above the noun
            for _ in range(3):
                if up.dep_ not in ("pobj", "prep", "dobj", "xcomp") or up.head.i == up.i:
                    break
                up = up.head
                meetings.setdefault(up.i, t.i)
    out = []
    for c, evs in coded:
        t = c.trigger
        if (evs and c.code[:2] == "04" and t.lemma_.lower() in PURPOSE_OF_MEETING
                and t.dep_ in ("xcomp", "advcl", "acl", "relcl") and meetings.get(t.head.i, t.i) < t.i):
            continue
        out.append((c, evs))
    return out


def speech_frames(cands: list[Candidate]) -> set[int]:
    """Triggers that frame another event of the sentence, ordered after it.

    "X said Y attacked Z": the attack is the event and "said" its frame; "X
    called Y to congratulate him": the congratulation is what the call was for.
    Otherwise the main clause comes first.
    """
    frames = set()
    triggers = {o.trigger.i: o for o in cands}
    for c in cands:
        if c.code.startswith("01"):
            # "*according to* the ministry, jets struck ...": the prepositional frame covers its clause
            scope = c.trigger.head if c.trigger.dep_ == "prep" else c.trigger
            inner = {t.i for t in scope.subtree} - {c.trigger.i}
            if any(o.trigger.i in inner and not o.code.startswith("01") for o in cands):
                frames.add(c.trigger.i)
        elif c.code.startswith("04"):
            # "called Erdogan on Friday *to congratulate* him": the call frames its purpose
            for x in c.trigger.children:
                purpose = triggers.get(x.i)
                if (x.dep_ in ("advcl", "xcomp") and purpose is not None and purpose.code[:2] not in ("01", "04")
                        and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children)):
                    frames.add(c.trigger.i)
        elif c.method == "verb" and c.code[:2] in MEANS_ROOTS:
            # "sent fighter jets *to destroy* the reactor", "launched operations *to detain*
            # 110 people": the force used is the event, the sending its means
            for x in c.trigger.children:
                purpose = triggers.get(x.i)
                if (x.dep_ in ("advcl", "xcomp") and purpose is not None and purpose.code[:2] in FORCE_ROOTS
                        and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children)):
                    frames.add(c.trigger.i)
    return frames


def statements_about_earlier(
    coded: list[tuple[Candidate, list[Event]]], frames: set[int]
) -> tuple[list[tuple[Candidate, list[Event]]], set[int]]:
    """"Slutsky said preparations for *the meeting* were under way": when all a speaker's
    statement reports is an event the article named before (a nominal event whose
    participants come from earlier sentences, ``method == "anaphora"``), the new report
    is the speaker's statement (010, kept), not another mention of that event (dropped)."""
    if not frames:
        return coded, frames
    framed = [ev for c, evs in coded if c.trigger.i not in frames for ev in evs]
    if not framed or any(ev.method != "anaphora" for ev in framed):
        return coded, frames
    return [(c, evs if c.trigger.i in frames else []) for c, evs in coded], set()


def speech_without_speech(c: Candidate, clause_only: frozenset[str]) -> bool:
    """"with Trump's involvement *adding* a unique dynamic", "*posted* a video": a verb that
    reports speech only with a clause ("added that ...") is no statement with an object and no
    clause or quote."""
    t = c.trigger
    if c.method != "verb" or not c.code.startswith("01") or t.lemma_.lower() not in clause_only:
        return False
    kids = {x.dep_ for x in t.children}
    return "dobj" in kids and not kids & {"ccomp", "parataxis"}
