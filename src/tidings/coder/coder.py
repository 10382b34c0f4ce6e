"""The coder: articles in, events out.

:class:`Coder` holds the loaded spaCy pipeline and dictionaries; build it once
and reuse it.  ``code_articles`` streams articles through ``nlp.pipe`` in
batches; a record that fails is reported (:class:`~tidings.types.BadRecord`)
and the rest go on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..claims.cues import default_cues
from ..lexicon.codes import actor_codes, event_codes
from ..lexicon.model import CameoCode, Lexicon
from ..types import Actor, Article, DateInterval, Event, Evidence, Place
from .actors import ActorIndex, ActorResolver
from .candidate import Candidate
from .compound import resolve_all, share_countries
from .directives import DEONTIC, REPORTING_VERBS
from .hooks import (
    PLACE_NOUNS,
    ArticleClaims,
    Assessor,
    ClaimLinker,
    DateFinder,
    PlaceFinder,
    default_assessor,
    default_date_finder,
    default_place_finder,
)
from .match import sentence_candidates
from .sentence import (
    MEETING_ROOTS,
    add_venues,
    inherit_locations,
    speech_frames,
    speech_without_speech,
    statements_about_earlier,
    targets_from_earlier,
    without_meeting_purposes,
)
from .syntax import clause_depth, conjuncts, is_passive, of_object

if TYPE_CHECKING:
    from spacy.language import Language

    from .fallback_hook import FallbackHook

#: CAMEO roots whose events need no target (statements, protests, force posture)
TARGETLESS_ROOTS = frozenset({"01", "14", "15"})
#: attacks whose target is a place, not an actor, are kept with that place as location
ATTACK_ROOTS = frozenset({"18", "19", "20"})
#: verbs whose complement is refused or not done ("refused to release", "failed to renew")
REFUSAL_VERBS = frozenset({"refuse", "fail", "decline", "reject", "rule"})
#: adjectives that make their complement an intent ("is *willing* to provide")
INTENT_ADJECTIVES = frozenset({"willing", "ready", "prepared", "eager", "keen", "determined", "set"})
#: roots where "X and Y <verb>" means X with Y and Y with X
RECIPROCAL_ROOTS = frozenset({"03", "04", "05", "06", "08"})
#: modalities under which a cooperative event is coded as an intent (03x)
INTENT_MODALITIES = frozenset({"future", "intended", "hypothetical"})


def _midpoint(interval: DateInterval, pub_date: dt.date | None = None) -> dt.date | None:
    """The day actors' roles are read on: the middle of the event's interval, or its end when
    it runs up to the publication ("has spoken to Putin since 2022": the president of now)."""
    if interval.start and interval.end:
        if pub_date is not None and interval.end == pub_date:
            return interval.end
        return interval.start + (interval.end - interval.start) / 2
    return interval.start or interval.end


class Coder:
    """Codes news text into events.  Thread-compatible, not thread-safe.

    A statement that reports another coded event ("Iran said US drones struck
    ...") is recorded as that event's attribution (speaker, cue, outlet), not
    as a separate 010 event; ``speech_events=True`` emits it as well.

    >>> coder = Coder()                                  # doctest: +SKIP
    >>> events = coder.code_text("Putin met Xi in Beijing.", date=dt.date(2025, 5, 8))  # doctest: +SKIP
    """

    def __init__(
        self,
        *,
        lexicon: Lexicon | None = None,
        nlp: "Language | None" = None,
        dates: DateFinder | None = None,
        assessor: Assessor | None = None,
        places: PlaceFinder | None = None,
        claims: "ClaimLinker | None" = None,
        speech_events: bool = False,
        coded_only: bool = False,
        fallback: "FallbackHook | None" = None,
    ):
        if lexicon is None:
            from ..lexicon import load_lexicon

            lexicon = load_lexicon()
        if nlp is None:
            from ..nlp import load_nlp

            nlp = load_nlp()
        self.lexicon = lexicon
        self.nlp = nlp
        #: also emit "X said ..." (CAMEO 01x, no target) when what X said is itself an event
        self.speech_events = speech_events
        #: drop events whose source or target the dictionaries cannot code (ICEWS/PETRARCH style)
        self.coded_only = coded_only
        self.index = ActorIndex(lexicon)
        self.dates = dates if dates is not None else default_date_finder()
        self.assessor = assessor if assessor is not None else default_assessor()
        self.places = places if places is not None else default_place_finder()
        self.claims = claims if claims is not None else ArticleClaims(lexicon)
        #: proposes an event where the lexicon finds none (coder/fallback_hook.py)
        self.fallback = fallback
        #: the cue lexicon (cues.tsv): its ``confirm`` verbs make statements of their own ("the
        #: Kremlin confirmed that talks took place" is a 010 as well as the talks' attribution;
        #: "said" only attributes), and its clause-only verbs report speech only with a clause
        #: ("added that ...", not "adding a dynamic")
        self.cues = default_cues()

    # -- public API ------------------------------------------------------------

    def code_text(self, text: str, *, date: dt.date | None = None, article_id: str = "text") -> list[Event]:
        """Events of one text (an article or a sentence)."""
        return self.code_article(Article(id=article_id, text=text, date=date))

    def code_article(self, article: Article) -> list[Event]:
        return self.code_doc(article, self.nlp(article.text))

    def code_articles(
        self, articles: Iterable[Article], *, batch_size: int = 64
    ) -> Iterator[tuple[Article, list[Event]]]:
        """(article, events) for each article, in input order, parsed in batches."""
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield article, self.code_doc(article, doc)

    def code_doc(self, article: Article, doc: Doc, *, link: bool = True) -> list[Event]:
        """Events of an already parsed article.

        ``link=False`` skips the claims stage (for callers that link claims
        across many articles themselves, as ``tidings check`` does).
        """
        resolver = ActorResolver(
            self.index, doc, default_date=article.date, is_place_name=self.places.is_place_name
        )
        timexes = self.dates.find(doc.text, article.date)
        places = self.places.places(doc, article, extra=resolver.place_mentions(), countries=resolver.countries())
        events: list[tuple[tuple[int, bool, int, int], Event]] = []
        for s_index, sent in enumerate(doc.sents):
            if self._discarded(sent):
                continue
            cands = [c for c in sentence_candidates(sent, self.lexicon) if not speech_without_speech(c, self.cues.clause_only)]
            sent_timexes = [t for t in timexes if sent.start_char <= t.char_start < sent.end_char]
            sent_places = [p for p in places if sent.start_char <= p.char_start < sent.end_char]
            coded = [
                (c, list(self._events(article, s_index, sent, c, resolver, sent_timexes, sent_places))
                 or self._anaphoric(article, s_index, sent, c, resolver, sent_timexes, [e for _, e in events]))
                for c in cands
            ]
            if self.fallback is not None and not any(evs for _, evs in coded):
                coded = self.fallback.propose(self, article, s_index, sent, resolver, sent_timexes, sent_places)
            coded = inherit_locations(coded)
            coded = without_meeting_purposes(coded)
            coded = targets_from_earlier(coded, [e for _, e in events])
            frames = speech_frames([c for c, evs in coded if evs])
            coded, frames = statements_about_earlier(coded, frames)
            for cand, evs in coded:
                is_frame = cand.trigger.i in frames
                for ev in evs:
                    if (is_frame and ev.target is None and cand.code.startswith("01") and not self.speech_events
                            and not self.cues.has(cand.trigger.lemma_, "confirm")):
                        continue  # "X said ...": kept as the reported event's attribution
                    key = (s_index, is_frame, clause_depth(cand.trigger), cand.trigger.i)
                    events.append((key, ev))
            if sent_places and not any(evs for _, evs in coded):
                venues = self.places.venues(sent, sent_places)
                if venues:
                    add_venues(events, s_index, venues)
        events.sort(key=lambda kv: kv[0])
        coded = _unique([e for _, e in events])
        return self.claims.link(doc, article, coded, resolver) if link and coded else coded

    def _discarded(self, sent: Span) -> bool:
        if not self.lexicon.discards:
            return False
        low = " " + " ".join(t.lower_ for t in sent) + " "
        return any(f" {d} " in low for d in self.lexicon.discards)

    def _events(
        self,
        article: Article,
        s_index: int,
        sent: Span,
        cand: Candidate,
        resolver: ActorResolver,
        timexes: list,
        places: list,
    ) -> Iterator[Event]:
        interval = self.dates.event_date(sent, cand.trigger, timexes, article.date)
        if cand.consumed is not None and cand.code.startswith("03") and interval.source != "text":
            # "agreed to meet again *next month*": an intent is dated by the act it intends, as
            # "would meet Zelenskiy next week" is
            inner = self.dates.event_date(sent, cand.consumed, timexes, article.date)
            if inner.source == "text":
                interval = inner
        day = _midpoint(interval, article.date)
        sources: list[Actor] = []
        for group in cand.sources:
            found = self._resolved(resolver, group, day, role="source")
            if any(a.code for a in found):
                sources = found  # a coded alternative wins over an uncoded first one
                break
            sources = sources or found
        targets = self._resolved(resolver, cand.targets, day, role="target", code=cand.code)
        if not any(a.code for a in targets):
            # TABARI's "first actor after the verb": a later phrase when this one names none
            for alt in cand.alt_targets:
                coded = [a for a in self._resolved(resolver, alt, day, role="target", code=cand.code) if a.code]
                if coded:
                    targets = coded
                    break
        if not targets and cand.consumed_object is not None:
            # "welcomed a resumption of ties between Gondor and Osgiliath"
            targets = _inner_actors(resolver, cand.consumed_object, day, cand.code)
        if sources and targets:
            # "an agreement forced on Qatar by Saudi Arabia and the UAE": the actors found
            # inside the target phrase include the agents themselves
            targets = [t for t in targets if not any(t.start == s.start and t.code == s.code for s in sources)]
        root = cand.code[:2]
        implicit = False
        if (not sources and len(targets) >= 2 and cand.method == "noun" and root in RECIPROCAL_ROOTS
                and any(t.head.lower_ == "between" for t in cand.targets)):
            # "contact between the leaders of the two countries": one phrase for both parties
            sources, targets = targets, []
        if not sources and targets and cand.method == "noun" and root in RECIPROCAL_ROOTS:
            # "summits with Putin" with its other party left implicit: the actor
            # named last before the trigger in the same sentence
            found = resolver.nearest_before(cand.trigger, sent.start, on=day, exclude=targets)
            sources, implicit = ([found], True) if found is not None else ([], False)
        pairs: list[tuple[Actor, Actor | None]] = []
        if cand.reciprocal and sources and targets:
            pairs = [(sources[0], targets[0]), (targets[0], sources[0])]
        elif (len(sources) >= 2 and (root in RECIPROCAL_ROOTS or cand.joint)
              and not any(t.code for t in targets)):
            # "India and Pakistan agreed to a cease-fire", "the two exchanges agreed to share
            # *information*": with no coded target, the partners are each other's
            # "The US, Russia and Switzerland met"; a pattern for a compound actor
            # ("% HAVE *": "Gondor and Osgiliath have delayed their meeting"): every ordered pair
            pairs = [(a, b) for a in sources for b in sources if a is not b]
        else:
            pairs = [(s, t) for s in sources for t in (targets or [None])]
        agentless = False
        if not pairs and targets and not self.coded_only and (
                cand.agentless or (cand.method == "verb" and is_passive(cand.trigger))):
            # "the journalist was arrested in Niger": someone did it; the event is kept
            # with no source (never in coded_only mode, where both actors must be coded)
            pairs, agentless = [(None, t) for t in targets], True
        if not pairs:
            return
        location, venues = self.places.locate(sent, cand.trigger, places) if places else (None, ())
        if location is None and root in ATTACK_ROOTS and places:
            location = _object_place(cand.trigger, places)
        assessment = self.assessor.assess(sent, cand.trigger, pub_date=article.date, event_start=interval.start)
        for source, target in pairs:
            if target is None and not self._targetless_ok(root, location):
                continue
            if target is not None and source is not None and _same(source, target):
                continue
            full = self._intent_code(cand, assessment.modality)
            # TABARI codes: "031:032" is 031 one way and 032 back; "---" is no event
            for code, backwards in event_codes(full):
                src, tgt = (target, source) if backwards else (source, target)
                if src is None and (backwards or not agentless):
                    continue
                if code.startswith(MILITARY_ONLY) and not _armed(src):
                    continue  # "refugees *fleeing* violence" is no military retreat
                ev = self._event(article, s_index, sent, cand, code, src, tgt, interval, assessment, resolver)
                ev = replace(ev, location=location, candidate_locations=venues)
                yield replace(ev, confidence=ev.confidence - 0.2) if implicit else ev

    def _resolved(
        self, resolver: ActorResolver, heads: tuple[Token, ...], day: dt.date | None, *, role: str, code: str | None = None
    ) -> list[Actor]:
        found: list[Actor] = []
        found_heads: list[Token] = []
        for h in heads:
            # "Fornost and the evil Gondor", "lawmakers in Fornost and Gondor": one actor each
            actors = [a for a in resolve_all(resolver, h, on=day, code=code) if a.code]
            if not actors and role == "target":
                # "welcomed a resumption of ties *with Osgiliath*": the actors inside the phrase
                actors = _inner_actors(resolver, h, day, code)
            if not actors and not self.coded_only:
                a = resolver.uncoded(h, role=role)
                actors = [a] if a is not None else []
            found.extend(actors)
            found_heads.extend([h] * len(actors))
        out: list[Actor] = []
        for a in share_countries(found, found_heads) if len(found) > 1 else found:
            if a.code and "/" in a.code:  # TABARI "FRO/BIL/SAM": one actor each
                out.extend(replace(a, code=c) for c in actor_codes(a.code))
            else:
                out.append(a)
        return out

    def _anaphoric(
        self,
        article: Article,
        s_index: int,
        sent: Span,
        cand: Candidate,
        resolver: ActorResolver,
        timexes: list,
        before: list[Event],
    ) -> list[Event]:
        """"such a meeting", "the talks": a nominal event without participants of its own
        refers to the latest event of its kind in the two sentences before, and takes
        that event's actors with this sentence's date and modality ("preparations for
        such a meeting ... could take place in February or March")."""
        noun = cand.trigger
        if cand.method != "noun" or cand.sources or cand.targets or cand.code[:2] not in MEETING_ROOTS:
            return []  # meetings and talks only: "the war" is not a new report of an attack
        if not any(c.lower_ in ANAPHORIC_DETERMINERS for c in noun.children if c.dep_ in ("det", "amod", "predet")):
            return []
        if noun.dep_ == "pobj" and noun.head.head.pos_ in ("VERB", "AUX", "ADJ"):
            return []  # "venues suggested for these summits": a mention, not a new report
        kind = ("036", "04")
        antecedent = next(
            (e for e in reversed(before)
             if s_index - 2 <= e.sentence_index < s_index and e.cameo.startswith(kind) and e.target),
            None,
        )
        if antecedent is None:
            return []
        # "preparations for such a meeting are underway and could take place in March":
        # the verbs of the clause it belongs to date it
        anchor, interval = noun, self.dates.event_date(sent, noun, timexes, article.date)
        for verb in _governing_verbs(noun):
            found = self.dates.event_date(sent, verb, timexes, article.date)
            if found.source == "text":
                anchor, interval = verb, found
                break
        assessment = self.assessor.assess(sent, anchor, pub_date=article.date, event_start=interval.start)
        code = self._intent_code(replace(cand, code=antecedent.cameo), assessment.modality)
        ev = self._event(article, s_index, sent, cand, code, antecedent.source, antecedent.target, interval, assessment, resolver)
        return [replace(ev, confidence=ev.confidence - 0.25, method="anaphora")]

    def _targetless_ok(self, root: str, location: Place | None) -> bool:
        """Whether an event without a target is kept.

        Statements, protests and force posture never need one; an attack on a
        place keeps the place as its location ("missiles struck Kyiv"). Other
        events without a target ("the ELN declared a ceasefire") are kept too.
        In ``coded_only`` mode (ICEWS/PETRARCH style) every event needs a coded
        target: those coders code dyads only.
        """
        if self.coded_only:
            return False
        if root in TARGETLESS_ROOTS or (root in ATTACK_ROOTS and location is not None):
            return True
        return not self.coded_only

    def _intent_code(self, cand: Candidate, modality: str) -> str:
        """"would meet" is an intent to meet (036), "threatened to strike" a threat (13x).

        The mapping (``lexicon/intent_codes.tsv``) is looked up by the longest
        prefix of the embedded code; ``=`` keeps the code (appeals stay appeals).
        """
        governor = _governing_intent(cand.trigger, self.lexicon.intent_verbs)
        code = cand.code
        if any(c.dep_ == "aux" and c.lower_ in DEONTIC for c in cand.trigger.children):
            return code  # "Israel must end attacks": demanded of Israel, not its intent
        if governor == "refusal" or modality == "negated":
            return _longest_prefix(self.lexicon.negation_codes, code) or code
        if governor is None and modality not in INTENT_MODALITIES:
            return code
        for n in range(len(code), 1, -1):
            mapped = self.lexicon.intent_codes.get(code[:n])
            if mapped is not None:
                new = mapped[1] if governor == "threat" else mapped[0]
                return code if not new or new == "=" else new
        return code

    def _event(self, article, s_index, sent, cand, code, source, target, interval, assessment, resolver) -> Event:
        info = self._cameo(code)
        trig = cand.trigger
        confidence = 0.85 if cand.method == "verb" else 0.75
        if target is None:
            confidence -= 0.15
        if source is None or not source.code or (target is not None and not target.code):
            confidence -= 0.2
        if source is not None and source.text.lower() in ("he", "she", "his", "her", "him"):
            confidence -= 0.1
        attribution = self.assessor.attribution(sent, assessment, resolver, day=_midpoint(interval, article.date))
        text = sent.text.rstrip()  # built from the tokens: once, not twice
        return Event(
            article_id=article.id,
            sentence_index=s_index,
            source=source,
            target=target,
            cameo=info.code,
            cameo_label=info.name,
            plover_event=info.plover_event,
            plover_mode=info.plover_mode,
            goldstein=info.goldstein,
            quad_class=info.quad_class,
            date=interval,
            evidence=Evidence(
                sentence=text,
                trigger=trig.text,
                start=sent.start_char,
                end=sent.start_char + len(text),
                trigger_start=trig.idx,
                trigger_end=trig.idx + len(trig.text),
            ),
            confidence=max(0.05, confidence),
            modality=assessment.modality,
            hedged=assessment.hedged,
            attribution=attribution,
            method=cand.method,
        )

    def _cameo(self, code: str) -> CameoCode:
        c = code
        while c:
            info = self.lexicon.cameo.get(c)
            if info is not None:
                return info if c == code else CameoCode(code, info.name, info.goldstein, info.quad_class, info.plover_event, info.plover_mode)
            c = c[:-1]
        return CameoCode(code, "Unknown code", 0.0, 0, None, None)


#: determiners that make a nominal event refer back ("*such a* meeting", "*the* talks")
ANAPHORIC_DETERMINERS = frozenset({"such", "this", "that", "these", "those", "the", "same"})


def _inner_actors(resolver: ActorResolver, head: Token, day: dt.date | None, code: str | None) -> list[Actor]:
    """The coded actors of the first prepositional phrase inside the noun phrase of ``head``
    that names any ("ties *with Mordor, Rohan and Bree*"), or of a name modifying it
    ("aid to the affected *Ithilen* villages")."""
    for tok in head.children:
        if tok.dep_ in ("compound", "nmod") and tok.pos_ == "PROPN" and tok.i < head.i:
            found = resolver.resolve(tok, on=day, code=code)
            if found is not None and found.code:
                return [found]
    for tok in head.subtree:
        if tok.dep_ == "pobj" and tok.i != head.i:
            if code is not None and code.startswith("01") and _under_topic_word(tok, head):
                continue  # "statements *regarding* his talks with Putin": what was said is about Putin
            found = [a for t in conjuncts(tok) if (a := resolver.resolve(t, on=day, code=code)) and a.code]
            if found:
                return found
    return []


#: words that introduce what a statement is about, not whom it is addressed to
TOPIC_WORDS = frozenset({"regarding", "about", "concerning", "on", "over", "of"})


def _under_topic_word(tok: Token, head: Token) -> bool:
    """Whether a word inside the phrase of ``head`` hangs from it through a topic word."""
    up = tok
    while up.i != head.i and up.head.i != up.i:
        if up.lower_ in TOPIC_WORDS and up.dep_ in ("prep", "acl"):
            return True
        up = up.head
    return False


def _longest_prefix(table: dict[str, str], code: str) -> str | None:
    for n in range(len(code), 1, -1):
        found = table.get(code[:n])
        if found:
            return found
    return None


def _governing_verbs(tok: Token) -> list[Token]:
    """The verb a noun phrase belongs to, and the verbs coordinated with it."""
    head = tok
    for _ in range(6):
        if head.pos_ in ("VERB", "AUX"):
            return [head, *(c for c in head.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]
        if head.head.i == head.i:
            return []
        head = head.head
    return []


def _object_place(trigger: Token, places: list) -> Place | None:
    """The place an attack is aimed at ("struck *Kyiv*", "shelling *of Kharkiv*")."""
    heads = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
    heads += [p for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "of")
              for p in c.children if p.dep_ == "pobj"]
    # "struck the city of Kharkiv", "hit the port of Odesa"
    heads += [p for h in heads if h.lemma_.lower() in PLACE_NOUNS and (p := of_object(h)) is not None]
    for h in heads:
        for place in places:
            if place.char_start <= h.idx < place.char_end:
                return replace(place, role="asserted")
    return None


#: prepositions through which an intent verb governs its event ("plans *for* talks", "agreed
#: *on* a meeting", "looks forward *to* meeting"); not "sought *in* the slaying"
INTENT_PREPS = frozenset({"for", "to", "on", "toward", "towards", "at"})


def _governing_intent(trigger: Token, intent_verbs: dict[str, str]) -> str | None:
    """"intent" or "threat" when the trigger is the complement of such a verb ("plans to *visit*")."""
    tok = trigger
    for _ in range(3):
        if tok.dep_ not in ("xcomp", "ccomp", "pcomp", "pobj", "prep") or tok.head.i == tok.i:
            return None
        if tok.i != trigger.i and tok.lemma_.lower() in REPORTING_VERBS:
            return None  # "declined to *say* how often they had talked": the talks are not refused
        if tok.dep_ == "prep" and tok.lower_ not in INTENT_PREPS:
            return None  # "men sought *in* the slaying": wanted by police, not seeking a killing
        tok = tok.head
        kind = intent_verbs.get(tok.lemma_.lower())
        # "Trump plans to visit": the tagger sometimes takes "plans" for a noun
        if kind is not None and (tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or trigger.dep_ == "xcomp"):
            return kind
        if tok.lemma_.lower() in REFUSAL_VERBS and tok.pos_ == "VERB":
            return "refusal"
        if tok.pos_ == "ADJ" and tok.lower_ in INTENT_ADJECTIVES:
            return "intent"
    return None


#: codes civilians cannot do: a military retreat or surrender (0874) is not "refugees fleeing"
MILITARY_ONLY = ("0874",)
#: sectors of people who do not fight
CIVILIAN_SECTORS = frozenset({"CVL", "REF"})


def _armed(actor: Actor | None) -> bool:
    """A coded actor that is not civilians or refugees (an opposition leader who surrenders
    to the police yields; "thousands fled the fighting" is no retreat)."""
    return actor is not None and bool(actor.code) and actor.sector not in CIVILIAN_SECTORS


def _same(a: Actor, b: Actor) -> bool:
    if a.start is not None and a.start == b.start:
        # "the two men", "they": one phrase for two people named before; "the armies
        # of Brazil and Argentina": one phrase for two countries' actors
        if a.kind == b.kind == "person" and a.name != b.name:
            return False
        return not (a.code and b.code and a.code != b.code and a.country != b.country)
    # "Russian police arrested Russian students": one country, two actors
    return bool(a.name and a.name == b.name and a.code == b.code)


def _unique(events: list[Event]) -> list[Event]:
    seen: set[str] = set()
    out = []
    for e in events:
        if e.event_id not in seen:
            seen.add(e.event_id)
            out.append(e)
    return out
