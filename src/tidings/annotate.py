"""Per-sentence annotation: the actors, time expressions and places the coder sees.

``tidings annotate`` is how users debug dictionaries and how dates and places
are measured: one record per sentence, every offset counted in the article.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .coder import Coder
from .coder.actors import ActorResolver
from .types import Actor, Article, Place, Timex

#: entity labels whose heads are looked up as actors even when no dictionary phrase matched
ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP"})


@dataclass(frozen=True, slots=True)
class SentenceAnnotation:
    """What the coder recognised in one sentence."""

    article_id: str
    sentence_index: int
    text: str
    start: int
    end: int
    actors: tuple[Actor, ...]
    timex: tuple[Timex, ...]
    places: tuple[Place, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "sentence_index": self.sentence_index,
            "text": self.text,
            "char_start": self.start,
            "char_end": self.end,
            "actors": [a.to_dict() for a in self.actors],
            "timex": [t.to_dict() for t in self.timex],
            "places": [p.to_dict() for p in self.places],
        }


def annotate_articles(coder: Coder, articles: Iterable[Article], *, batch_size: int = 64) -> Iterator[SentenceAnnotation]:
    """Sentence annotations of each article, in order."""
    pairs = ((a.text, a) for a in articles)
    for doc, article in coder.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield from annotate_doc(coder, article, doc)


def annotate_doc(coder: Coder, article: Article, doc) -> Iterator[SentenceAnnotation]:
    resolver = ActorResolver(coder.index, doc, default_date=article.date, is_place_name=coder.places.is_place_name)
    timexes = coder.dates.find(doc.text, article.date)
    places = coder.places.places(doc, article, extra=resolver.place_mentions(), countries=resolver.countries())
    for i, sent in enumerate(doc.sents):
        actors = _sentence_actors(resolver, sent)
        yield SentenceAnnotation(
            article_id=article.id,
            sentence_index=i,
            text=sent.text,
            start=sent.start_char,
            end=sent.end_char,
            actors=tuple(actors),
            timex=tuple(t for t in timexes if sent.start_char <= t.char_start < sent.end_char),
            places=tuple(p for p in places if sent.start_char <= p.char_start < sent.end_char),
        )


def _sentence_actors(resolver: ActorResolver, sent) -> list[Actor]:
    """Every actor mention of the sentence: dictionary phrases and named entities, by position."""
    heads: dict[int, object] = {}
    for tok in sent:
        m = resolver.mention_at(tok.i)
        if m is not None and m.end - 1 == tok.i and m.entry.kind != "demonym":
            heads[tok.i] = tok
    for ent in sent.ents:
        if ent.label_ in ACTOR_LABELS and ent.root.i not in heads:
            heads[ent.root.i] = ent.root
    out: list[Actor] = []
    seen: set[tuple[int | None, int | None]] = set()
    for i in sorted(heads):
        tok = heads[i]
        actor = resolver.resolve(tok) or resolver.uncoded(tok, role="source")
        if actor is None or (actor.start, actor.end) in seen:
            continue
        seen.add((actor.start, actor.end))
        out.append(actor)
    return out


def render_annotations(items: Iterable[SentenceAnnotation]) -> str:
    """A readable listing: each sentence with its actors, times and places."""
    lines: list[str] = []
    for a in items:
        lines.append(f"[{a.article_id} #{a.sentence_index}] {a.text}")
        for act in a.actors:
            lines.append(f"    actor  {act.code or '?':<12} {act.text}" + (f"  ({act.name})" if act.name else ""))
        for t in a.timex:
            span = f"{t.interval_start}..{t.interval_end}" if t.interval_start else "-"
            lines.append(f"    time   {t.value or '?':<12} {t.text}  [{span}]")
        for p in a.places:
            lines.append(f"    place  {p.country or '?':<12} {p.text}  ({p.name}, {p.admin1 or '-'})")
    return "\n".join(lines) + ("\n" if lines else "")
