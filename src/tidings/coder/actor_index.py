"""The dictionary index: longest-match lookup of actor phrases and agent words over tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..lexicon.model import ActorEntry, Lexicon

#: sector precedence when an NP has several sector words ("opposition lawmakers")
SECTOR_RANK = {"REB": 9, "OPP": 8, "MIL": 7, "COP": 7, "SPY": 7, "JUD": 6, "LEG": 6, "GOV": 5, "MED": 5}

#: TABARI's FORMER conversion: a former official is an elite, not of the government
FORMER = frozenset({"former"})
FORMER_SECTOR = "ELI"

#: "<name>-backed X": the named actor supports X but is not X
BACKER_PARTICIPLES = frozenset({
    "backed", "linked", "allied", "affiliated", "funded", "financed", "supported", "sponsored",
    "aligned", "inspired", "armed", "trained", "friendly", "leaning", "installed", "appointed",
})
#: dictionary phrases and tokens are compared as word and punctuation pieces
_PUNCT_SPLIT = re.compile(r"[^\s\-,/'’]+|[\-,/'’]")


@dataclass(frozen=True, slots=True)
class Match:
    """A lexicon actor found at tokens ``[start, end)`` of a doc."""

    start: int
    end: int
    entry: ActorEntry


class ActorIndex:
    """Longest-match lookup of lexicon actor phrases over token sequences."""

    def __init__(self, lexicon: Lexicon):
        self._raw = lexicon.actors
        # phrases as token tuples, punctuation split off ("kim jong-un" -> kim, jong, -, un)
        self._phrases: dict[tuple[str, ...], ActorEntry] = {}
        self._prefixes: set[tuple[str, ...]] = set()
        for k, e in lexicon.actors.items():
            key = tuple(_PUNCT_SPLIT.findall(k))
            if key:
                self._phrases[key] = e
                self._prefixes.update(key[:n] for n in range(1, len(key) + 1))
        self._agents = lexicon.agents
        #: how agent words combine (``Lexicon.agent_rule``)
        self.rule = lexicon.agent_rule
        self.agent_words = frozenset(k for k in lexicon.agents if " " not in k)
        self._max_agent = max((k.count(" ") + 1 for k in self._agents), default=1)

    def entry(self, name: str) -> ActorEntry | None:
        """The lexicon entry of a name, as written in the dictionaries."""
        return self._raw.get(" ".join(name.lower().split()))

    def find(self, doc: Doc) -> list[Match]:
        """All non-overlapping actor phrases of ``doc``, longest first, left to right."""
        out: list[Match] = []
        parts = [tuple(_PUNCT_SPLIT.findall(t.lower_)) for t in doc]
        prefixes, phrases = self._prefixes, self._phrases
        i, n = 0, len(doc)
        while i < n:
            hit = None
            key: tuple[str, ...] = ()
            j = i
            while j < n:
                key = key + parts[j]
                if key not in prefixes:
                    break
                j += 1
                entry = phrases.get(key)
                if entry is not None and self._plausible(doc, i, j, entry):
                    hit = Match(i, j, entry)
            if hit:
                out.append(hit)
                i = hit.end
            else:
                i += 1
        return out

    def _plausible(self, doc: Doc, start: int, end: int, entry: ActorEntry) -> bool:
        first = doc[start]
        # "Iran-backed rebels", "US-funded group", "Al Qaeda-linked militants": the
        # backer is not the actor (a leader is: "the Saudi-led coalition")
        if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in BACKER_PARTICIPLES:
            return False
        # lower-case words that happen to be names ("china" the material is rare; "turkey" the bird)
        if not any(t.text[:1].isupper() for t in doc[start:end]) and entry.kind != "demonym":
            return False
        if entry.kind in ("capital", "country", "metonym"):
            # part of a longer name: "The Washington Post", "New York Times"
            ent = first.ent_type_
            if ent in ("ORG", "WORK_OF_ART", "PERSON") and entry.kind != "metonym":
                span = next((e for e in doc.ents if e.start <= start < e.end), None)
                # "Gondor and Osgiliath" tagged as one entity is two names, not a longer one
                coordinated = span is not None and any(t.dep_ == "cc" or t.lower_ in ("and", "or") for t in span)
                # "MSF Arnor": the other words are agents ("MSF" [NGO~]), not more of a name
                extra = [] if span is None else [
                    t for t in span if not start <= t.i < end and t.pos_ not in ("DET", "PART", "PUNCT")
                ]  # "Arnor 's" is no longer a name than "Arnor"
                more_name = any(t.lower_ not in self.agent_words for t in extra)
                if end < len(doc) and doc[end].lower_ in self.agent_words and span is not None and end < span.end:
                    more_name = False  # "Arnor President Umbardacil": a country before a title
                if more_name and not coordinated:
                    return False
        return True

    def agents(self, tokens: list[Token]) -> list[tuple[str, Token]]:
        """The agent phrases among ``tokens`` in sentence order: (code, last token).

        The longest phrase wins over the words inside it ("main opposition group"
        is not also "opposition group").
        """
        found: list[tuple[str, Token]] = []
        # surface forms only: agents.tsv lists singular and plural, and a lemma
        # would turn "Russian speakers" into parliamentary speakers
        lowers = [t.lower_ for t in tokens]
        i = 0
        while i < len(tokens):
            step = 1
            for ln in range(min(self._max_agent, len(tokens) - i), 0, -1):
                entry = self._agents.get(" ".join(lowers[i : i + ln]))
                if entry is not None:
                    found.append((entry.sector, tokens[i + ln - 1]))
                    step = ln
                    break
            i += step
        return found

    def tabari_agents(self, tokens: list[Token], found: list[tuple[str, Token]] | None = None) -> list[str]:
        """The agent codes of ``tokens`` as TABARI combines them (see :func:`combine_agents`)."""
        found = self.agents(tokens) if found is None else found
        return _tabari_agents(found, any(t.lower_ in FORMER for t in tokens))

    def agent(self, tokens: list[Token]) -> tuple[str, Token] | None:
        """The agent code of ``tokens`` and the token it was found on.

        Own dictionaries (``agent_rule == "rank"``): the highest-ranked sector word;
        a prefix agent (``NGO~``) combines with it ("an MSF diplomat": ``NGO~GOV``).
        TABARI dictionaries: every agent, in order, each code once (``NGO~GOVWGO``),
        and "former" makes the sector ELI ("former security officials").
        """
        found = self.agents(tokens)
        if not found:
            return None
        if self.rule == "tabari":
            codes = self.tabari_agents(tokens, found)
            before = "".join(a.rstrip("~") for a in codes if a.endswith("~"))
            after = "".join(a for a in codes if not a.endswith("~"))
            return (before + "~" if before else "") + after, found[-1][1]
        best: tuple[int, str, Token] | None = None
        prefix: tuple[str, Token] | None = None
        for sector, tok in found:
            if sector.endswith("~"):
                prefix = prefix or (sector, tok)
            else:
                rank = SECTOR_RANK.get(sector, 3)
                if best is None or rank > best[0]:
                    best = (rank, sector, tok)
        if best and prefix:
            return prefix[0] + best[1], best[2]
        if best:
            return best[1], best[2]
        return prefix


def _tabari_agents(found: list[tuple[str, Token]], former: bool) -> list[str]:
    """TABARI's agents of a phrase: each code once, in order (``NGO~`` before, ``GOV`` after).

    With "former" in the phrase the suffix agents give way to ``ELI`` (TABARI's
    FORMER conversion: "former Gondor prosecutors" are ``GONELI``).
    """
    out: list[str] = []
    for sector, _ in found:
        if sector not in out:
            out.append(sector)
    if former and any(not a.endswith("~") for a in out):
        out = [a for a in out if a.endswith("~")] + [FORMER_SECTOR]
    return out
