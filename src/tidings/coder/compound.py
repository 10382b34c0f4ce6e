"""Noun phrases that name several actors: "Fornost and Gondor", "lawmakers in Fornost and Gondor".

Each member of a coordination is an actor of its own (PETRARCH codes one event
per member).  The parser does not always show the coordination as ``conj``
links between heads: "Fornost and the evil Gondor" often comes out as one noun
phrase headed by "Gondor", with "Fornost" a modifier.  These functions find the
members inside such a phrase, in a prepositional phrase that gives the
country ("the ambassadors *of Arnor, Osgiliath and Gondor*"), and pass a
shared modifier on to the members that lack one ("*Danish* media and
government").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from spacy.tokens import Token

from ..lexicon.codes import with_agent
from ..types import Actor
from .actors import UNKNOWN_COUNTRY, ActorResolver
from .syntax import NP_STOP, PRONOUNS, conjuncts, np_tokens

#: words that join the members of a coordination
COORDINATORS = frozenset({"and", "or", "nor", ",", "&"})
#: kinds of dictionary entries that can be members on their own
MEMBER_KINDS = frozenset({"country", "organization", "person", "capital", "metonym"})


def resolve_all(resolver: ActorResolver, head: Token, *, on: dt.date | None, code: str | None) -> list[Actor]:
    """The actors named by the noun phrase of ``head``: one, or one per coordinated member."""
    pair = resolver.resolve_pair(head, on=on)
    if pair:
        return pair  # "the two men", "both leaders", "they" after two people
    if head.lower_ in PRONOUNS:
        found = resolver.resolve(head, on=on, code=code)
        return [found] if found is not None else []
    members = _hidden_members(resolver, head, on, code)
    if members:
        return members
    actor = resolver.resolve(head, on=on, code=code)
    if actor is None:
        return []
    if actor.kind == "group" and actor.country and actor.sector:
        # "lawmakers in Fornost and Gondor": one group per country
        countries = pp_countries(resolver, head)
        if len(countries) > 1 and actor.country in countries:
            return [replace(actor, code=with_agent(c, actor.sector), country=c) for c in countries]
    return [actor]


def share_countries(actors: list[Actor], heads: list[Token]) -> list[Actor]:
    """"Danish media and government": a bare member takes the country of the member before it.

    Only a member without any modifier of its own ("government", not "the
    rebels" or "Hamas militants"), and only from a member whose country is a
    name before its head ("*Danish* media", "*Gondor's* police").
    """
    out = list(actors)
    for k in range(1, min(len(out), len(heads))):
        a, prev, h, ph = out[k], out[k - 1], heads[k], heads[k - 1]
        if a.kind == "country" and not a.sector and prev.kind == "group" and prev.sector and _ends_pp(ph, h):
            # "lawmakers in Fornost and Gondor" with Gondor parsed as a second subject: the
            # coordination is inside the prepositional phrase
            out[k] = replace(a, code=with_agent(a.country or UNKNOWN_COUNTRY, prev.sector), sector=prev.sector,
                             kind="group")
            continue
        if not (a.code and a.code.startswith(UNKNOWN_COUNTRY) and a.kind == "group" and a.sector):
            continue
        if not prev.country or any(c.dep_ not in ("cc", "punct", "conj") for c in h.children):
            continue
        named_before = any(
            c.dep_ in ("amod", "compound", "nmod", "poss") and c.i < ph.i and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE"))
            for c in ph.children
        )
        if named_before:
            out[k] = replace(a, code=with_agent(prev.country, a.sector), country=prev.country)
    return out


def _ends_pp(head: Token, member: Token) -> bool:
    """Whether ``member`` follows an "in/of/from" phrase of ``head`` with only "and" or a comma between."""
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "of", "from") and c.i < member.i:
            last = max(t.i for t in c.subtree)
            between = head.doc[last + 1 : member.i]
            if all(t.dep_ in ("cc", "punct") for t in between):
                return True
    return False


def pp_countries(resolver: ActorResolver, head: Token) -> list[str]:
    """The countries of the coordinated objects of an "in/of/from" PP on ``head``."""
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "of", "from"):
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                out = []
                for member in conjuncts(p):
                    country = resolver.country_in(np_tokens(member))
                    if country is None:
                        return []
                    out.append(country)
                return out
    return []


def _phrase_tokens(head: Token) -> list[Token]:
    """The head and the whole subtrees of its modifiers (coordinations inside them included)."""
    out = [head]
    for c in head.children:
        if c.dep_ not in NP_STOP:
            out.extend(c.subtree)
    return sorted(out, key=lambda t: t.i)


def _hidden_members(resolver: ActorResolver, head: Token, on: dt.date | None, code: str | None) -> list[Actor]:
    """Members of a coordination the parser folded into one noun phrase ("Fornost and the evil Gondor")."""
    toks = _phrase_tokens(head)
    matches = [m for m in resolver.matches_in(toks) if m.entry.kind in MEMBER_KINDS]
    if len(matches) < 2:
        return []
    matches.sort(key=lambda m: m.start)
    by_i = {t.i: t for t in toks}
    for a, b in zip(matches, matches[1:]):
        between = [by_i[i] for i in range(a.end, b.start) if i in by_i]
        if not any(t.lower_ in COORDINATORS or t.dep_ == "cc" for t in between):
            return []  # "the Gondor Osgiliath commission": not a coordination
    last = matches[-1].end
    shared = [t for t in toks if t.i >= last]
    agent = resolver.index.agent(shared) if shared else None
    out: list[Actor] = []
    for m in matches:
        actor = resolver.member(m, on=on, code=code, sector=agent[0] if agent else None)
        if actor is not None:
            out.append(actor)
    return out if len(out) >= 2 else []

