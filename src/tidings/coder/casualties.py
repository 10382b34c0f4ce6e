"""Casualties of a named attack: "four children were killed *in an Israeli air strike*".

News reports the victims with an agentless verb and the attacker in the attack's noun
phrase. Read apart they are two events, a killing by nobody and an air strike on nobody; a
careful coder reads one: Israel's air strike on the four children. The attack noun takes the
victims as its targets and the agentless verb is dropped. The same holds for "three soldiers
*died* in a Taliban attack" and "two people were wounded in Russian shelling". A death caused
by a harm with no doer named ("died in prison *after torture*") keeps the victim as the target
of the harm, with no source.
"""

from __future__ import annotations

from dataclasses import replace

from .candidate import Candidate
from .syntax import agent_of, children, conjuncts, is_passive, passive_subjects

#: event roots that harm people (assault, fight, mass violence)
HARM_ROOTS = ("18", "19", "20")
#: verbs of dying that report victims as their subject and carry no event of their own
DEATH_VERBS = frozenset({"die", "perish"})
#: prepositions that give a death its cause ("after torture", "due to", "as a result of")
CAUSES = frozenset({"after", "from", "of", "following", "due", "to", "as", "because", "under"})
#: nouns that stand between a death and its cause ("as a *result* of")
CAUSE_NOUNS = frozenset({"result", "consequence", "effect"})
#: prepositions that put the victims' harm inside the attack
WITHIN = frozenset({"in", "during"})


def _victims(verb) -> list:
    """Who was harmed: the subject of "were killed" or of "died"."""
    if is_passive(verb):
        return passive_subjects(verb)
    subj = children(verb, {"nsubj"})
    return conjuncts(subj[0]) if subj else []


def _cause_of_death(noun):
    """The death verb a harm noun is given as the cause of: "died *after* torture", "died *as a
    result of* the torture", "died *due to* continued torture"; else None."""
    tok = noun
    for _ in range(4):
        if tok.dep_ not in ("pobj", "pcomp", "prep") or tok.head.i == tok.i:
            return None
        if tok.dep_ == "prep" and tok.lower_ not in CAUSES:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok if tok.lemma_.lower() in DEATH_VERBS else None
        if tok.pos_ == "NOUN" and tok.lemma_.lower() not in CAUSE_NOUNS:
            return None
    return None


def merge_casualties(cands: list[Candidate]) -> list[Candidate]:
    """The candidates with an agentless harm verb folded into the attack noun it happened in."""
    by_trigger = {c.trigger.i: c for c in cands}
    drop: set[int] = set()
    replaced: dict[int, Candidate] = {}
    for c in cands:
        if c.method != "noun" or not c.code.startswith(HARM_ROOTS) or c.targets:
            continue
        noun = c.trigger
        if not c.sources:
            # "died in prison after torture": the victim is known, the torturer is not
            verb = _cause_of_death(noun)
            victims = _victims(verb) if verb is not None else []
            if victims:
                replaced[noun.i] = replace(c, targets=tuple(victims), agentless=True)
            continue
        if noun.dep_ != "pobj" or noun.head.lower_ not in WITHIN:
            continue
        verb = noun.head.head
        own = by_trigger.get(verb.i)
        if own is not None:
            agentless = own.code.startswith(HARM_ROOTS) and is_passive(verb) and agent_of(verb) is None
            if not agentless:
                continue
        elif verb.lemma_.lower() not in DEATH_VERBS:
            continue
        victims = _victims(verb)
        if not victims:
            continue
        replaced[noun.i] = replace(c, targets=tuple(victims))
        if own is not None:
            drop.add(verb.i)
    if not replaced:
        return cands
    return [replaced.get(c.trigger.i, c) for c in cands if c.trigger.i not in drop]
