"""In-memory form of the dictionaries the coder uses.

Both the built-in data files (``tidings/data``, format in docs/dictionaries.md)
and imported TABARI/PETRARCH dictionaries (``tidings.lexicon.tabari``) load into
these frozen records, collected in a :class:`Lexicon`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One row of the CAMEO codebook with its PLOVER 2021 crosswalk."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_event: str | None
    plover_mode: str | None


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """A verb that codes an event.

    ``verb`` is a lemma; ``particle`` a required particle ("off" in "call off");
    ``objects`` the direct-object lemmas required (empty: any or none);
    ``target`` where the target is: ``("dobj",)``, prepositions such as
    ``("with", "to")``, or ``()`` for no target. ``xcomp`` a required
    complement verb lemma ("agree to *meet*"). ``source_preps`` turn the
    roles round: the object of one of them is the source and the subject
    is the target ("received arms *from* Iran").
    """

    code: str
    verb: str
    particle: str | None = None
    objects: frozenset[str] = frozenset()
    target: tuple[str, ...] = ("dobj",)
    xcomp: str | None = None
    #: words that must appear among the verb's dependents (PETRARCH-style
    #: literal pattern words); lower-case lemmas; "real pleasant" (two words): they follow each other
    requires: tuple[str, ...] = ()
    origin: str | None = None
    #: prepositions whose object is the *source*, the subject being the target
    #: ("received weapons *from* Iran": Iran gives, the subject receives)
    source_preps: tuple[str, ...] = ()

    @property
    def specificity(self) -> int:
        return (
            (2 if self.particle else 0)
            + (1 if self.source_preps else 0)
            + (3 if self.objects else 0)
            + (2 if self.xcomp else 0)
            + sum(1 for w in self.requires if " " not in w)
            + (1 if self.target and self.target != ("dobj",) else 0)
        )


@dataclass(frozen=True, slots=True)
class NounPattern:
    """A noun that names an event ("invasion of", "talks with")."""

    code: str
    noun: str
    #: prepositions that introduce the target ("of", "with", "against")
    target: tuple[str, ...] = ()
    origin: str | None = None


@dataclass(frozen=True, slots=True)
class DatedCode:
    """A code valid from ``start`` to ``end`` (inclusive of start, exclusive of end)."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None
    role: str | None = None

    def valid_on(self, day: dt.date | None) -> bool:
        if day is None:
            return self.start is None and self.end is None
        if self.start is not None and day < self.start:
            return False
        if self.end is not None and day >= self.end:
            return False
        return True


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """A named actor: a person, a country, an organisation or a metonym.

    ``codes`` are tried in order; the first valid on the event date wins and
    ``default`` applies when none is.
    """

    name: str
    aliases: tuple[str, ...]
    codes: tuple[DatedCode, ...]
    default: str | None
    #: person | country | organization | group | metonym | demonym | capital
    kind: str
    country: str | None = None
    origin: str | None = None

    def code_on(self, day: dt.date | None) -> str | None:
        for dc in self.codes:
            if dc.valid_on(day):
                return dc.code
        if day is None and self.codes and self.default is None:
            return self.codes[-1].code
        return self.default


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """A generic noun that names a sector ("police" -> COP, "rebels" -> REB)."""

    word: str
    sector: str
    #: a code to use without any country ("refugees" -> REF), rarely set
    origin: str | None = None


@dataclass(slots=True)
class Lexicon:
    """Everything the coder looks up.  Built once by a loader, then read only."""

    cameo: dict[str, CameoCode] = field(default_factory=dict)
    verbs: dict[str, list[VerbPattern]] = field(default_factory=dict)
    nouns: dict[str, list[NounPattern]] = field(default_factory=dict)
    #: lower-cased phrase (space separated tokens) -> entry
    actors: dict[str, ActorEntry] = field(default_factory=dict)
    agents: dict[str, AgentEntry] = field(default_factory=dict)
    #: phrases whose presence discards a sentence (PETRARCH discards)
    discards: frozenset[str] = frozenset()
    #: verbs that carry a nominal event in their object ("have talks")
    light_verbs: frozenset[str] = frozenset()
    #: embedded CAMEO root -> (intent code, threat code), for "plans to meet" (036)
    intent_codes: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    #: verbs that make their complement an intent ("plan", "promise") -> "intent" | "threat"
    intent_verbs: dict[str, str] = field(default_factory=dict)
    #: embedded CAMEO prefix -> rejection code, for "refused to release" (1243)
    negation_codes: dict[str, str] = field(default_factory=dict)
    #: words whose infinitive complement is asked for or allowed, not done ("urged X to
    #: attack") -> "appeal" | "want" | "permit"
    directive_words: dict[str, str] = field(default_factory=dict)
    #: embedded CAMEO prefix -> (appeal code, demand code): "urged Iran to release" 0253
    appeal_codes: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: how an actor phrase's agent words make its code: ``"rank"`` (Tidings' own
    #: dictionaries: the highest-ranked sector, and a prefix agent) or ``"tabari"``
    #: (TABARI/PETRARCH: every agent in order, a repeated code once, "former" ELI)
    agent_rule: str = "rank"

    def add_verb(self, p: VerbPattern) -> None:
        self.verbs.setdefault(p.verb, []).append(p)

    def add_noun(self, p: NounPattern) -> None:
        self.nouns.setdefault(p.noun, []).append(p)

    def add_actor(self, e: ActorEntry) -> None:
        for phrase in (e.name, *e.aliases):
            key = " ".join(phrase.lower().split())
            if key:
                self.actors[key] = e

    def merge(self, other: "Lexicon", *, replace: bool = False) -> "Lexicon":
        """A new lexicon with ``other`` on top of this one (or instead of it)."""
        out = Lexicon() if replace else self.copy()
        out.cameo = {**self.cameo, **other.cameo}  # the codebook is kept either way
        for ps in other.verbs.values():
            for p in ps:
                out.add_verb(p)
        for ns in other.nouns.values():
            for n in ns:
                out.add_noun(n)
        out.actors.update(other.actors)
        out.agents.update(other.agents)
        out.discards = out.discards | other.discards
        out.light_verbs = out.light_verbs | other.light_verbs
        out.intent_codes.update(other.intent_codes)
        out.intent_verbs.update(other.intent_verbs)
        out.negation_codes.update(other.negation_codes)
        out.directive_words.update(other.directive_words)
        out.appeal_codes.update(other.appeal_codes)
        if replace:
            out.agent_rule = other.agent_rule
        return out

    def copy(self) -> "Lexicon":
        return Lexicon(
            cameo=dict(self.cameo),
            verbs={k: list(v) for k, v in self.verbs.items()},
            nouns={k: list(v) for k, v in self.nouns.items()},
            actors=dict(self.actors),
            agents=dict(self.agents),
            discards=self.discards,
            light_verbs=self.light_verbs,
            intent_codes=dict(self.intent_codes),
            intent_verbs=dict(self.intent_verbs),
            negation_codes=dict(self.negation_codes),
            directive_words=dict(self.directive_words),
            appeal_codes=dict(self.appeal_codes),
            agent_rule=self.agent_rule,
        )
