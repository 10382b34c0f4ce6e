"""Actor resolution: a noun phrase to a CAMEO actor code valid on the event date.

Named actors come from the lexicon (people with dated roles, countries,
organisations, capitals and seats of power used as metonyms).  Unknown people
resolve from their description ("Russian politician Leonid Slutsky" -> RUS +
ELI); pronouns and short names resolve to the actor they refer to earlier in
the article (:class:`Discourse`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from ..lexicon.codes import combine_agents, with_agent
from ..types import Actor
from .actor_index import ActorIndex, Match
from .noun_heads import quantity_head as _quantity_head
from .noun_heads import relational as _relational
from .noun_heads import two as _two
from .syntax import PRONOUNS, children, dateline_end, is_pronoun, np_tokens

#: event roots in which a capital as target stands for its government (statements to
#: demands, threats, reduced relations); visits and attacks take places
POLICY_ROOTS = frozenset({"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "16"})
PLACE_CODES = frozenset({"042", "043", "044"})
#: verbs whose subject is a place things happen to ("Kyiv *saw* blackouts", "Kabul *fell*")
PLACE_VERBS = frozenset({
    "be", "become", "remain", "see", "witness", "experience", "suffer", "lie", "sit", "fall", "come",
    "face", "have", "get", "endure", "brace", "wake", "look", "stand", "host", "record", "shake", "burn",
})
#: what a city has as a place ("Kyiv's *streets*", "Moscow's *airport*")
CITY_NOUNS = frozenset({
    "street", "metro", "subway", "airport", "resident", "people", "population", "centre", "center",
    "suburb", "outskirts", "district", "hospital", "skyline", "air", "weather", "river", "square",
    "university", "stadium", "traffic", "port", "station", "neighbourhood", "neighborhood", "mayor",
})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "into", "inside", "outside", "around", "across", "to", "from"})
#: CAMEO's country slot for an actor of unknown country ("---REB")
UNKNOWN_COUNTRY = "---"
#: "a court *in* Guyana", "the mayor *of* Kabul", "officials *from* Iran"
COUNTRY_PREPS = frozenset({"in", "of", "from"})
#: plural noun tags ("the rebels ... they")
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
#: "they" may stand for two people named before
PLURAL_PRONOUNS = frozenset({"they", "them"})
#: "the two men", "both leaders": nouns that stand for two people named before
PAIR_NOUNS = frozenset({"man", "woman", "leader", "president", "counterpart", "side", "head", "minister", "envoy", "diplomat"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
GROUP_PRONOUNS = frozenset({"it", "its", "they", "them", "their"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NOT_ACTOR_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY", "LANGUAGE"})
#: a bare number of people as the one who acts ("*Hundreds* took to the streets")
CROWD_WORDS = frozenset({"thousands", "hundreds", "dozens", "scores", "millions", "tens"})
KIND_RANK = {"person": 6, "organization": 5, "metonym": 4, "capital": 3, "country": 2, "demonym": 1}


def _shared_modifiers(head: Token) -> list[Token]:
    """The adjectives before the first member of a coordination, for a bare common noun
    as a later member ("*Danish Islamist* media and government"); [] for any other phrase
    (TABARI gives every member of a compound its initial adjectives)."""
    if head.dep_ != "conj" or head.pos_ != "NOUN" or any(c.dep_ not in ("cc", "punct", "conj") for c in head.children):
        return []
    first = head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return [c for c in first.children if c.dep_ == "amod" and c.pos_ == "ADJ" and c.i < first.i]


@dataclass
class Discourse:
    """Who has been mentioned so far in one article (pronouns, short names)."""

    #: surname (lower) -> resolved actor of a person first named in full
    surnames: dict[str, Actor] = field(default_factory=dict)
    #: token index -> (actor, is_subject) for every person resolved
    persons: dict[int, tuple[Actor, bool, bool]] = field(default_factory=dict)
    #: the same for countries, organisations and governments ("it", "they"); the last
    #: flag says the mention is one of a coordination ("Britain, France and Germany")
    groups: dict[int, tuple[Actor, bool, bool]] = field(default_factory=dict)

    def note(self, tok: Token, actor: Actor) -> None:
        if (actor.text.lower() in PRONOUNS and not actor.text.isupper()) or not actor.code:
            return
        plural = tok.dep_ == "conj" or any(c.dep_ == "conj" for c in tok.children)
        entry = (actor, tok.dep_ in ("nsubj", "nsubjpass"), plural)
        if actor.kind == "person":
            self.persons[tok.i] = entry
            if actor.name and " " in actor.name:
                self.surnames.setdefault(actor.name.split()[-1].lower(), actor)
        else:
            self.groups[tok.i] = entry

    def pronoun(self, tok: Token) -> Actor | None:
        """The actor a third-person pronoun most likely refers to.

        "he"/"she" look among people, "it"/"they" among countries, governments
        and organisations.  A subject pronoun prefers the subject of its own
        sentence, else the last subject of the sentence before; other pronouns
        take the actor named last.
        """
        pool_all = self.persons if tok.lower_ in PERSON_PRONOUNS else self.groups
        singular = tok.lower_ in ("it", "its")
        plural = tok.lower_ in ("they", "them", "their")
        before = [
            (i, a, s) for i, (a, s, pl) in sorted(pool_all.items())
            if i < tok.i and not (singular and pl)
            # "they" stands for a coordination or a plural group noun ("the rebels"),
            # not a country or "a sitting American president"
            and not (plural and not pl and (a.kind not in ("group", "organization") or tok.doc[i].tag_ not in PLURAL_TAGS))
        ]
        if not before:
            return None
        if tok.dep_ in ("nsubj", "nsubjpass") or tok.head.dep_ in ("nsubj", "nsubjpass"):
            same = [x for x in before if x[0] >= tok.sent.start]
            pool = same or [x for x in before if x[0] >= _prev_sent_start(tok)]
            subjects = [x for x in pool if x[2]]
            if subjects:
                # the matrix subject of the same sentence, else the last subject before
                return (subjects[0] if same else subjects[-1])[1]
            if pool:
                return pool[-1][1]
        return before[-1][1]


    def pair(self, tok: Token, *, window: int = 3) -> tuple[Actor, Actor] | None:
        """The two people a plural phrase stands for ("the two men", "both leaders", "they").

        The nearest sentence, this one (before ``tok``) or one of the ``window - 1``
        before it, that names two different people; its first two.  None when the
        nearest sentence with people names only one or more than two.
        """
        doc, start = tok.doc, tok.sent.start
        for _ in range(window):
            sent = doc[start].sent
            people: list[Actor] = []
            for i, (a, _, _) in sorted(self.persons.items()):
                if sent.start <= i < min(sent.end, tok.i) and a.code:
                    key = a.name or a.text
                    if all((b.name or b.text) != key for b in people):
                        people.append(a)
            if len(people) == 2:
                return people[0], people[1]
            if len(people) > 2 or sent.start == 0:
                return None
            start = doc[sent.start - 1].sent.start
        return None


def _prev_sent_start(tok: Token) -> int:
    sent = tok.sent
    if sent.start == 0:
        return 0
    return tok.doc[sent.start - 1].sent.start


class ActorResolver:
    """Resolve noun-phrase heads of one article to :class:`~tidings.types.Actor`."""

    def __init__(
        self,
        index: ActorIndex,
        doc: Doc,
        *,
        default_date: dt.date | None,
        is_place_name: Callable[[str], bool] | None = None,
    ):
        self.index = index
        self.is_place_name = is_place_name
        self.doc = doc
        self.default_date = default_date
        self.discourse = Discourse()
        self._by_token: dict[int, Match] = {}
        for m in index.find(doc):
            for i in range(m.start, m.end):
                self._by_token[i] = m
        self._prescan()

    def _prescan(self) -> None:
        """Note every person named in the article, so pronouns can find them."""
        heads = {m.end - 1 for m in set(self._by_token.values()) if m.entry.kind != "demonym"}
        heads |= {e.root.i for e in self.doc.ents if e.label_ == "PERSON"}
        for i in sorted(heads):
            tok = self.doc[i]
            if not is_pronoun(tok):
                self.resolve(tok)

    def place_mentions(self) -> tuple[tuple[str, int, int], ...]:
        """(text, start, end) of the dictionary's country and capital names in the article."""
        out = []
        for m in sorted(set(self._by_token.values()), key=lambda m: m.start):
            if m.entry.kind in ("country", "capital"):
                span = self.doc[m.start : m.end]
                out.append((span.text, span.start_char, span.end_char))
        return tuple(out)

    def countries(self) -> tuple[str, ...]:
        """ISO3 codes of the countries the article names, most mentioned first."""
        counts: dict[str, int] = {}
        for m in set(self._by_token.values()):
            if m.entry.country and m.entry.kind in ("country", "demonym", "capital", "metonym"):
                counts[m.entry.country] = counts.get(m.entry.country, 0) + 1
        return tuple(sorted(counts, key=lambda c: -counts[c]))

    def nearest_before(
        self, tok: Token, start: int, *, on: dt.date | None, exclude: list[Actor]
    ) -> Actor | None:
        """The actor named last between token ``start`` and ``tok`` (not one of ``exclude``)."""
        taken = {(a.start, a.end) for a in exclude}
        for i in range(tok.i - 1, start - 1, -1):
            m = self._by_token.get(i)
            if m is None or m.end - 1 != i or m.entry.kind == "demonym":
                continue
            actor = self._from_entry(m, on or self.default_date)
            if (actor.start, actor.end) not in taken and actor.code:
                return actor
        return None

    def mention_at(self, i: int) -> Match | None:
        return self._by_token.get(i)

    def resolve(self, head: Token, *, on: dt.date | None = None, code: str | None = None) -> Actor | None:
        """The actor named by the noun phrase headed by ``head``, coded for date ``on``.

        ``code`` is the event's CAMEO code when ``head`` is its target: a capital
        there stands for its government in a policy event ("sanctions on
        Tehran") but is a place in a visit or an attack ("visited Moscow").
        """
        day = on or self.default_date
        low = head.lower_
        if is_pronoun(head):
            if low in PERSON_PRONOUNS or low in GROUP_PRONOUNS:
                found = self.discourse.pronoun(head)
                return self._recode(found, head, day) if found else None
            return None
        head = _quantity_head(head)
        if _relational(head):
            return None
        toks = _after_dateline(np_tokens(head), head)
        tabari = self.index.rule == "tabari"
        # TABARI: "the Danish Islamist media and government" is the Danish Islamist government too
        shared = _shared_modifiers(head) if tabari else []
        matches = self._matches_in(toks + shared)
        person = self._best(matches, kinds=("person",))
        if person is not None:
            actor = self._from_entry(person, day)
            self.discourse.note(head, actor)
            return actor
        if head.pos_ == "NOUN" and not any(m.entry.kind in ("person", "organization") for m in matches):
            # "the Somali militant group al-Shabab": the name in apposition says who
            for c in head.children:
                if c.dep_ == "appos" and c.pos_ == "PROPN":
                    own = self._best(self._matches_in(np_tokens(c)), kinds=("organization", "person"))
                    if own is not None:
                        actor = self._from_entry(own, day)
                        self.discourse.note(head, actor)
                        return actor
        # "Bree" tagged as a person is still the country the dictionary names
        head_named = any(m.start <= head.i < m.end and m.entry.kind != "demonym" for m in matches)
        if (head.ent_type_ == "PERSON" and not head_named) or (
            head.pos_ == "PROPN" and not matches and self._is_name(toks)
        ):
            return self._person_by_description(head, toks, matches, day)
        named = self._best(matches, kinds=("organization", "metonym", "capital", "country"))
        agent_toks = sorted((t for t in toks + shared if not self._in_match(t, matches)), key=lambda t: t.i)
        agent = self.index.agent(agent_toks)
        country = self._country_of(matches)
        if named is not None and named.entry.kind in ("organization", "metonym", "capital"):
            if named.entry.kind == "capital" and agent is None and not self._metonym(named, code):
                return None  # "visit Brasilia", "the Moscow office": a place, not the government
            if named.entry.kind == "capital" and agent is not None and named.entry.country:
                # "Delhi Police", "Moscow City Court": the country's police, court
                code = (combine_agents(named.entry.country, self.index.tabari_agents(agent_toks)) if tabari
                        else with_agent(named.entry.country, agent[0]))
                actor = self._make(head, toks, None, code, named.entry.country, agent, "group")
                self.discourse.note(head, actor)
                return actor
            actor = self._from_entry(named, day)
            if tabari and agent is not None and actor.code:
                # TABARI: the agents of the phrase join the organisation's code
                # ("West German [GMWGOV] world government [~WGO] activists": GMWGOVWGO)
                actor = replace(actor, code=combine_agents(actor.code, self.index.tabari_agents(agent_toks)))
            self.discourse.note(head, actor)
            return actor
        if named is not None and named.entry.kind == "country":
            possessor = any(t.dep_ == "poss" for t in self.doc[named.start : named.end])
            if head.i >= named.end and agent is None and head.ent_type_ not in ("GPE", "NORP") and not possessor:
                return None  # "the Russia desk"; but "Iran's oil sector" is Iran's
            code = named.entry.code_on(day) or named.entry.default or ""
            if agent and tabari:
                code = combine_agents(code, self.index.tabari_agents(agent_toks))
            elif agent:
                code = with_agent(code[:3], agent[0])
            actor = self._make(head, toks, named.entry.name, code, named.entry.country, agent, "country")
            self.discourse.note(head, actor)
            return actor
        if agent is not None and tabari:
            # TABARI reads "activists of Amnesty International" as one phrase: the
            # actor named in it, whole, with the agents ("NGM" + "OPP")
            country = country or self._pp_country(head)
            owner = self._pp_actor(head, day)
            base = owner.code if owner is not None and owner.code else country or UNKNOWN_COUNTRY
            code = combine_agents(base, self.index.tabari_agents(agent_toks))
            actor = self._make(head, toks, None, code, country, agent, "group")
            self.discourse.note(head, actor)
            return actor
        if agent is not None:
            country = country or self._pp_country(head)
            code = with_agent(country or UNKNOWN_COUNTRY, agent[0])
            actor = self._make(head, toks, None, code, country, agent, "group")
            self.discourse.note(head, actor)
            return actor
        if country and (head.ent_type_ == "NORP" or head.pos_ == "NOUN"):
            # "the Polish head of state", "the Chinese side": the country, no sector
            return self._make(head, toks, None, country, country, None, "group")
        return None

    def resolve_pair(self, head: Token, *, on: dt.date | None = None) -> list[Actor]:
        """The two people that "the two men", "both leaders" or a "they" with no group
        referent stand for, each recoded for ``on`` with the phrase's offsets; else []."""
        low = head.lower_
        if low in PLURAL_PRONOUNS:
            if not is_pronoun(head):
                return []
            # two people named before it in its own sentence win ("Trump and Putin both
            # say they ..."); earlier ones only when no group is there to refer to
            found = self.discourse.pair(head, window=1)
            if found is None and self.discourse.pronoun(head) is None:
                found = self.discourse.pair(head)
            day = on or self.default_date
            return [self._recode(a, head, day) for a in found] if found else []
        elif not (head.tag_ == "NNS" and head.lemma_.lower() in PAIR_NOUNS and _two(head)):
            return []
        found = self.discourse.pair(head)
        if found is None:
            return []
        day = on or self.default_date
        return [self._recode(a, head, day) for a in found]

    def uncoded(self, head: Token, *, role: str) -> Actor | None:
        """An actor the dictionaries cannot code, kept with its words and ``code=None``.

        Sources must be named (a person, organisation or group name); targets
        may also be common nouns ("rejected *the proposal*").  Places, dates,
        numbers and pronouns never are: a place is a location, not an actor.
        """
        if is_pronoun(head):
            return self._uncoded_pronoun(head) if role == "source" else None
        if role == "source" and head.lower_ in CROWD_WORDS and not any(c.dep_ == "prep" for c in head.children):
            # "*Thousands* demonstrated against the war": a bare number of people
            return self._make(head, np_tokens(head), None, None, None, None, "unknown")
        if head.ent_type_ in NOT_ACTOR_LABELS or head.pos_ not in ("NOUN", "PROPN"):
            return None
        if head.ent_type_ in PLACE_LABELS:
            return None
        named = head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", "NORP")
        toks = _after_dateline(np_tokens(head), head)
        if any(m.entry.kind in ("capital", "country") and m.start <= head.i < m.end for m in self._matches_in(toks)):
            return None  # a capital or country name not used as an actor is a place
        # ("US Jewish organisations", "Japan PM's office": a country modifier is no place)
        if named and head.ent_type_ != "PERSON" and self.is_place_name is not None:
            names = [t for t in toks if t.pos_ == "PROPN"]
            if names and self.is_place_name(self.doc[names[0].i : names[-1].i + 1].text):
                return None
        return self._make(head, toks, None, None, None, None, "unknown")

    def _uncoded_pronoun(self, tok: Token) -> Actor | None:
        """A subject pronoun no earlier actor explains: the subject of the clause that
        reports it ("the strikers said *they* will not end the strike"), else the
        pronoun itself for a person or group ("he", "they"), never "it" or "we" alone.
        A possessive on the object is the subject's ("X continued *their* attacks")."""
        if tok.dep_ == "poss" and tok.head.dep_ in ("dobj", "obj") and tok.head.head.pos_ == "VERB":
            # "the forces continued *their* attacks": the object's possessor is the subject
            subj = next((c for c in tok.head.head.children if c.dep_ == "nsubj"), None)
            if subj is None or is_pronoun(subj):
                return None
            found = self.resolve(subj)
            return found if found is not None and found.code else self.uncoded(subj, role="source")
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return None  # "their conversations": a possessor with no antecedent is no actor
        clause = tok.head
        for _ in range(4):
            if clause.dep_ not in ("ccomp", "xcomp", "advcl", "conj") or clause.head.i == clause.i:
                break
            clause = clause.head
            subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and not is_pronoun(subj):
                found = self.resolve(subj)
                return found if found is not None and found.code else self.uncoded(subj, role="source")
        if tok.lower_ not in ("he", "she", "they"):
            return None
        return Actor(text=tok.text, name=None, code=None, country=None, sector=None,
                     start=tok.idx, end=tok.idx + len(tok.text), kind="unknown")

    # -- helpers -------------------------------------------------------------

    def _metonym(self, m: Match, code: str | None) -> bool:
        """A capital standing for its government ("Moscow said"), not a place ("in Moscow")."""
        from ..resolve.venues import is_government_metonym

        if code is not None and code[:2] in POLICY_ROOTS and code not in PLACE_CODES:
            root = self.doc[m.end - 1]
            if root.dep_ in ("dobj", "pobj", "dative") and root.head.lower_ not in LOCATIVE_PREPS:
                return True
        root = self.doc[m.end - 1]
        if root.dep_ == "nsubj" and root.head.pos_ == "VERB" and root.head.lemma_.lower() not in PLACE_VERBS:
            return True  # "Pyongyang has violated a ban": a capital doing something is its government
        if root.dep_ == "poss" and root.head.pos_ == "NOUN" and root.head.lemma_.lower() not in CITY_NOUNS:
            return True  # "Beijing's crackdown", "Washington's sanctions"; not "Kyiv's streets"
        return is_government_metonym(self.doc[m.start : m.end])

    def matches_in(self, toks: list[Token]) -> list[Match]:
        """The dictionary phrases found among ``toks``."""
        return self._matches_in(toks)

    def country_in(self, toks: list[Token]) -> str | None:
        """The country a noun phrase names, by a country, demonym, capital or person in it."""
        matches = self._matches_in(toks)
        found = self._country_of(matches)
        if found:
            return found
        owner = self._best(matches, kinds=("capital", "metonym", "person"))
        return owner.entry.country if owner is not None else None

    def member(self, m: Match, *, on: dt.date | None, code: str | None, sector: str | None) -> Actor | None:
        """The actor of one dictionary phrase of a coordination, with the members' shared sector."""
        day = on or self.default_date
        if m.entry.kind == "capital" and sector is None and not self._metonym(m, code):
            return None  # a place
        actor = self._from_entry(m, day)
        if m.entry.kind in ("country", "capital") and sector and actor.code:
            actor = Actor(
                text=actor.text, name=actor.name, code=with_agent(actor.code[:3], sector), country=actor.country,
                sector=sector, start=actor.start, end=actor.end, kind=actor.kind,
            )
        self.discourse.note(self.doc[m.end - 1], actor)
        return actor

    def _pp_country(self, head: Token) -> str | None:
        """The country named in a PP on the head ("a court in Guyana" -> GUY)."""
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in COUNTRY_PREPS:
                for p in c.children:
                    if p.dep_ != "pobj":
                        continue
                    m = self._country_of(self._matches_in(np_tokens(p)))
                    if m:
                        return m
                    owner = self._best(self._matches_in(np_tokens(p)), kinds=("capital", "metonym", "person", "organization"))
                    if owner is not None:
                        return owner.entry.country
        return None

    def _pp_actor(self, head: Token, day: dt.date | None) -> Actor | None:
        """The first actor named in a PP on the head ("activists *of Amnesty International*")."""
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in COUNTRY_PREPS:
                for p in children(c, {"pobj"}):
                    found = self._best(self._matches_in(np_tokens(p)), kinds=tuple(KIND_RANK))
                    if found is not None and found.entry.kind != "demonym":
                        return self._from_entry(found, day)
        return None

    def _matches_in(self, toks: list[Token]) -> list[Match]:
        seen: dict[int, Match] = {}
        for t in toks:
            m = self._by_token.get(t.i)
            if m is not None:
                seen[m.start] = m
        return list(seen.values())

    @staticmethod
    def _in_match(tok: Token, matches: list[Match]) -> bool:
        return any(m.start <= tok.i < m.end for m in matches)

    @staticmethod
    def _best(matches: list[Match], *, kinds: tuple[str, ...]) -> Match | None:
        cands = [m for m in matches if m.entry.kind in kinds]
        if not cands:
            return None
        return max(cands, key=lambda m: (KIND_RANK.get(m.entry.kind, 0), m.end - m.start, m.end))

    @staticmethod
    def _country_of(matches: list[Match]) -> str | None:
        for m in matches:
            if m.entry.kind in ("demonym", "country") and m.entry.country:
                return m.entry.country
        return None

    @staticmethod
    def _is_name(toks: list[Token]) -> bool:
        propn = [t for t in toks if t.pos_ == "PROPN"]
        return len(propn) >= 2 and all(t.text[:1].isupper() for t in propn)

    def _from_entry(self, m: Match, day: dt.date | None) -> Actor:
        e = m.entry
        code = e.code_on(day)
        sector = code[3:6] if code and len(code) >= 6 and e.kind != "organization" else None
        if e.kind == "organization" and code and len(code) > 3:
            sector = code[3:6]
        span = self.doc[m.start : m.end]
        return Actor(
            text=span.text,
            name=e.name,
            code=code,
            country=e.country,
            sector=sector,
            start=span.start_char,
            end=span.end_char,
            kind=e.kind if e.kind in ("person", "organization") else "country" if e.kind == "country" else "metonym",
        )

    def _recode(self, actor: Actor, tok: Token, day: dt.date | None) -> Actor:
        """A pronoun: the referent's actor, recoded for the event date, with the pronoun's offsets."""
        code = actor.code
        if actor.name and actor.kind == "person":
            entry = self.index.entry(actor.name)
            if entry is not None and entry.kind == "person":
                code = entry.code_on(day)
        return Actor(
            text=tok.text,
            name=actor.name,
            code=code,
            country=actor.country,
            sector=code[3:6] if code and len(code) >= 6 else actor.sector,
            start=tok.idx,
            end=tok.idx + len(tok.text),
            kind=actor.kind,
        )

    def _person_by_description(
        self, head: Token, toks: list[Token], matches: list[Match], day: dt.date | None
    ) -> Actor | None:
        """An unknown person: country and sector from the words around the name."""
        # "Bree President Romendacil": a title is a description, not part of the name
        names = [t for t in toks if t.pos_ == "PROPN" and not self._in_match(t, matches)
                 and t.lower_ not in self.index.agent_words]
        name = " ".join(t.text for t in names) if names else head.text
        if len(names) == 1:
            known = self.discourse.surnames.get(names[0].lower_)
            if known is not None:
                return self._recode(known, head, day)
        desc = [t for t in toks if t not in names]
        for ap in children(head, {"appos"}):
            desc.extend(np_tokens(ap))
        desc_matches = self._matches_in(desc)
        country = self._country_of(matches + desc_matches) or self._pp_country(head)
        agent_toks = [t for t in desc if not self._in_match(t, desc_matches)]
        agent = self.index.agent(agent_toks)
        if country is None and agent is None:
            # a bare unknown name: an actor we cannot code
            return None
        if agent and self.index.rule == "tabari":
            code = combine_agents(country or "", self.index.tabari_agents(agent_toks))
        else:
            code = with_agent(country, agent[0]) if agent else (country + "ELI" if country else "")
        span_toks = [t for t in toks]
        span = self.doc[span_toks[0].i : span_toks[-1].i + 1]
        actor = Actor(
            text=span.text,
            name=name,
            code=code or None,
            country=country,
            sector=agent[0] if agent else ("ELI" if country else None),
            start=span.start_char,
            end=span.end_char,
            kind="person",
        )
        self.discourse.note(head, actor)
        return actor

    def _make(self, head, toks, name, code, country, agent, kind) -> Actor:
        span = self.doc[toks[0].i : toks[-1].i + 1]
        return Actor(
            text=span.text,
            name=name,
            code=code or None,
            country=country,
            sector=agent[0] if agent else None,
            start=span.start_char,
            end=span.end_char,
            kind=kind,
        )


def _after_dateline(toks: list[Token], head: Token) -> list[Token]:
    """The phrase's tokens after a dateline it was parsed into ("IRNA - Iran's Ambassador")."""
    end = dateline_end(toks[0]) if toks else None
    if end is None or head.i <= end:
        return toks
    return [t for t in toks if t.i > end]

