"""The embedding fallback in the coder (docs/fallback.md).

For a sentence where the lexicon yields no event, :class:`FallbackHook` embeds
the sentence, asks the model's event / no-event gate whether it reports an event
at all and the classifier for an event type, and when both clear their
thresholds proposes one event: the type's general CAMEO code,
triggered by the sentence's main predicate, with the predicate's subject as
source and its object (or the object of a preposition) as target, resolved
by the coder's own actor resolver.  The event says ``method="fallback"`` and
its confidence stays below a lexicon match's with the same actors.

    coder = Coder(fallback=load_fallback("builtin"))
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..errors import E_FALLBACK_MODEL, ModelError
from ..fallback.model import DEFAULT_THRESHOLD
from .candidate import Candidate
from .directives import REPORTING_VERBS
from .syntax import (
    agent_of,
    conjuncts,
    direct_objects,
    is_passive,
    passive_subjects,
    prep_objects,
    subject_candidates,
)

if TYPE_CHECKING:
    from ..fallback.embed import Embedder
    from ..fallback.model import FallbackModel, Proposal
    from ..types import Actor, Article, Event
    from .actors import ActorResolver
    from .coder import Coder

#: a fallback event's confidence: the confidence the coder gives a candidate with its actors
#: and assessment (at most 0.75, a noun match's), times the type's and the gate's
#: probabilities, times this; never above CEILING.  A lexicon match with the same actors
#: starts from 0.85 (verb) or 0.75 (noun) and has the same penalties, so it ranks higher.
CONFIDENCE_SCALE = 0.6
CONFIDENCE_CEILING = 0.5
#: prepositions whose object is a fallback event's target
TARGET_PREPS = ("against", "on", "with", "to", "at", "from", "for", "into", "toward", "towards", "over")
METHOD = "fallback"


@dataclass(frozen=True)
class FallbackHook:
    """A trained classifier with the embedder it was trained with."""

    model: "FallbackModel"
    embedder: "Embedder"
    threshold: float = DEFAULT_THRESHOLD

    def decide(self, text: str) -> "Proposal | None":
        """The event type to propose for ``text`` (:meth:`FallbackModel.decide`), or None when
        the gate says no event, the type is below the threshold, or Tidings cannot code it."""
        from ..fallback.labels import cameo_for

        found = self.model.decide(self.embedder.embed([text]), self.threshold)[0]
        return found if found is not None and cameo_for(found.label) is not None else None

    def classify(self, text: str) -> tuple[str, float] | None:
        """The label to propose and its probability, or None (see :meth:`decide`)."""
        found = self.decide(text)
        return None if found is None else (found.label, found.probability)

    def propose(
        self,
        coder: "Coder",
        article: "Article",
        s_index: int,
        sent: Span,
        resolver: "ActorResolver",
        timexes: list,
        places: list,
    ) -> list[tuple[Candidate, list["Event"]]]:
        """``[(candidate, events)]`` for a sentence the lexicon left without events."""
        from ..fallback.labels import cameo_for

        predicate = main_predicate(sent)
        if predicate is None:
            return []
        found = self.decide(sent.text.strip())
        if found is None:
            return []
        cand = predicate_candidate(predicate, str(cameo_for(found.label)))
        event = fallback_event(coder, article, s_index, sent, cand, resolver, timexes, places)
        if event is None:
            return []
        confidence = min(CONFIDENCE_CEILING,
                         CONFIDENCE_SCALE * found.probability * found.event_probability * event.confidence)
        return [(cand, [replace(event, confidence=round(confidence, 3), method=METHOD)])]


def fallback_event(
    coder: "Coder",
    article: "Article",
    s_index: int,
    sent: Span,
    cand: Candidate,
    resolver: "ActorResolver",
    timexes: list,
    places: list,
) -> "Event | None":
    """One event for ``cand``: its first source and target that resolve, dated, located and
    assessed as the coder does.  Common nouns count as (uncoded) actors here ("*70
    countries* agreed"), and one of the two may be missing; ``coded_only`` coders need a
    coded source."""
    from .coder import _midpoint

    interval = coder.dates.event_date(sent, cand.trigger, timexes, article.date)
    day = _midpoint(interval)
    source = _best([_actor(resolver, h, day, None) for g in cand.sources for h in g])
    target = _best([a for h in cand.targets if (a := _actor(resolver, h, day, cand.code)) is not None
                    and (source is None or a.start != source.start)])
    if source is None and target is None:
        return None
    if coder.coded_only and (source is None or not source.code or (target is not None and not target.code)):
        return None
    location, venues = coder.places.locate(sent, cand.trigger, places) if places else (None, ())
    assessment = coder.assessor.assess(sent, cand.trigger, pub_date=article.date, event_start=interval.start)
    # the coder's event builder wants a source: without one ("X was arrested") the
    # target stands in for it there, and the event keeps source None
    ev = coder._event(article, s_index, sent, cand, cand.code, source or target, target, interval, assessment, resolver)
    return replace(ev, source=source, location=location, candidate_locations=venues)


def _best(actors: list) -> "Actor | None":
    """The first coded actor, else the first uncoded one ("ferried *tents* to *Somalia*")."""
    found = [a for a in actors if a is not None]
    return next((a for a in found if a.code), found[0] if found else None)


def _actor(resolver: "ActorResolver", head: Token, day, code: str | None):
    """The coded actor of ``head``, else the coded actor inside its phrase ("the chairman
    *of the African Union Commission*"), else its words uncoded."""
    found = resolver.resolve(head, on=day, code=code)
    if found is not None and found.code:
        return found
    for tok in head.subtree:
        if tok.dep_ == "pobj" and tok.i != head.i and tok.head.head.i == head.i:
            inner = resolver.resolve(tok, on=day, code=code)
            if inner is not None and inner.code:
                return inner
    return found or resolver.uncoded(head, role="target")


def main_predicate(sent: Span) -> Token | None:
    """The sentence's main verb; for "X said (that) Y ..." the reported clause's verb."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX"):
        return None  # datelines ("MOSCOW --"), headlines without a verb
    if root.lemma_.lower() in REPORTING_VERBS:
        for c in root.children:
            if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and any(g.dep_.startswith("nsubj") for g in c.children):
                return c
    return root


def _targets(verb: Token) -> Iterator[Token]:
    if is_passive(verb):
        yield from passive_subjects(verb)
        return
    yield from direct_objects(verb)
    yield from prep_objects(verb, TARGET_PREPS)
    for x in verb.children:  # "agreed to *meet* Putin", "vowed to *punish* the rebels"
        if x.dep_ == "xcomp":
            yield from direct_objects(x)
            yield from prep_objects(x, TARGET_PREPS)


def predicate_candidate(verb: Token, code: str) -> Candidate:
    """A :class:`Candidate` for ``verb`` built from the grammar alone (no lexicon pattern)."""
    if is_passive(verb):
        agent = agent_of(verb)
        sources: tuple[tuple[Token, ...], ...] = ((*conjuncts(agent),),) if agent is not None else ()
    else:
        sources = tuple(tuple(g) for g in subject_candidates(verb))
    seen: set[int] = set()
    targets = []
    for t in _targets(verb):
        if t.i not in seen and all(t.i not in {s.i for s in g} for g in sources):
            seen.add(t.i)
            targets.append(t)
    return Candidate(trigger=verb, code=code, sources=sources, targets=tuple(targets), method=METHOD, specificity=0)


def load_fallback(spec: str | Path, *, threshold: float | None = None, model_dir: str | Path | None = None) -> FallbackHook:
    """``"builtin"`` (the team's examples) or the path of a model from ``tidings train``."""
    from ..fallback.embed import load_embedder
    from ..fallback.model import FallbackModel
    from ..fallback.train import builtin_model_path

    path = builtin_model_path() if str(spec) == "builtin" else Path(spec)
    if not path.is_file():
        raise ModelError(f"no fallback model at {path}", code=E_FALLBACK_MODEL,
                         hint="train one with `tidings train CSV -o MODEL.npz`, or use --fallback builtin")
    model = FallbackModel.load(path)
    embedder = load_embedder(model.embedder, model_dir=model_dir)
    return FallbackHook(model=model, embedder=embedder,
                        threshold=DEFAULT_THRESHOLD if threshold is None else threshold)


def coder_with_fallback(spec: str, threshold: float | None = None, **options) -> "Coder":
    """A :class:`Coder` with the fallback ``spec`` loaded: a module-level factory, so that
    ``functools.partial(coder_with_fallback, "builtin")`` pickles to workers and Spark tasks."""
    from .coder import Coder

    return Coder(fallback=load_fallback(spec, threshold=threshold), **options)
