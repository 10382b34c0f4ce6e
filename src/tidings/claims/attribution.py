"""Who says so: the speaker, the outlet and the quotation of a reported event.

Parse-level helpers used by :mod:`tidings.claims.modality` (speaker noun
phrase, named outlet, direct quotation), and :func:`build_attribution`, which
turns an :class:`~tidings.claims.modality.Assessment` into the
:class:`tidings.types.Attribution` stored on an event.  Actor resolution is
the coder's business: it passes a ``resolve_actor(span) -> Actor | None``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..types import Actor, Attribution
from .cues import CueLexicon

if TYPE_CHECKING:
    from .modality import Assessment

__all__ = [
    "build_attribution",
    "find_outlet",
    "find_quote",
    "np_span",
    "outlet_in_np",
    "speaker_span",
]

#: dependents kept when a noun phrase is cut down to the name of a speaker
_NP_RIGHT = {"compound", "flat", "nummod", "prep", "conj", "cc", "nmod", "case"}
_NP_DROP = {"appos", "relcl", "acl", "punct", "advmod", "parataxis"}
_SUBJ = ("nsubj", "nsubjpass", "csubj")
_QUOTE_RE = re.compile(r"“([^”]{2,})”|\"([^\"]{2,})\"|‘([^’]{2,}?)’(?!\w)|«([^»]{2,})»")


def np_span(head: Token) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase headed by ``head``, without
    appositions, relative clauses and punctuation ("Leonid Slutsky, a prominent
    Russian politician," -> "Leonid Slutsky")."""
    start = end = head.i
    for child in head.lefts:
        if child.dep_ in _NP_DROP:
            continue
        start = min(start, child.left_edge.i)
    for child in head.rights:
        if child.dep_ not in _NP_RIGHT:
            continue
        if child.dep_ == "prep" and child.lower_ != "of":
            continue
        end = max(end, child.right_edge.i)
    while start < end and head.doc[start].is_punct:
        start += 1
    while end > start and head.doc[end].is_punct:
        end -= 1
    return start, end + 1


def _subject(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ in _SUBJ:
            return child
    for child in tok.children:  # passive: "was denied by the Kremlin"
        if child.dep_ == "agent":
            for g in child.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _noun_speaker(cue: Token) -> tuple[int, int] | None:
    """ "Trump's claims", "claims by Woodward", "Trump made statements"."""
    for child in cue.children:
        if child.dep_ == "poss" and child.pos_ in {"PROPN", "NOUN"}:
            return np_span(child)
        if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            for g in child.children:
                if g.dep_ == "pobj":
                    return np_span(g)
    if cue.dep_ == "dobj" and cue.head.lemma_ in {
        "make",
        "issue",
        "give",
        "release",
        "publish",
    }:
        subj = _subject(cue.head)
        if subj is not None and subj.lower_ not in {"it", "there"}:
            return np_span(subj)
    return None


def speaker_span(cue: Token) -> tuple[int, int] | None:
    """The speaker of a reporting verb: its subject, the agent of a passive,
    or, for a verb without one ("continues to maintain", "was quoted as
    saying"), the subject of the verb it depends on."""
    if cue.pos_ in {"NOUN", "PROPN"}:
        return _noun_speaker(cue)
    tok: Token | None = cue
    for _ in range(4):
        if tok is None:
            return None
        subj = _subject(tok)
        if subj is not None:
            if subj.lower_ in {"it", "there"}:
                return None
            if subj.dep_ == "nsubjpass" and tok.i == cue.i:
                return None  # "it was reported that", "talks were denied"
            return np_span(subj)
        if (
            tok.dep_ in {"xcomp", "conj", "advcl", "pcomp", "prep"}
            and tok.head.i != tok.i
        ):
            tok = tok.head
        else:
            return None
    return None


def _strip_det(doc: Doc, start: int, end: int) -> str:
    while start < end and doc[start].dep_ in {"det", "poss", "punct"}:
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end].text


def _is_outlet(doc: Doc, start: int, end: int, cues: CueLexicon) -> bool:
    toks = doc[start:end]
    if not any(
        t.pos_ == "PROPN" or t.ent_type_ in {"ORG", "WORK_OF_ART"} for t in toks
    ):
        return False
    lemmas = [t.lower_ for t in toks]
    if any(cues.has(w, "outlet") for w in lemmas):
        return True
    return any(
        cues.phrase_kinds(tuple(lemmas[i : i + 2])) & {"outlet"}
        for i in range(len(lemmas) - 1)
    )


def _title_after(tok: Token) -> str | None:
    """A quoted title right after a medium noun: book ‘War’, book "Fear"."""
    doc = tok.doc
    i = tok.i + 1
    if i < len(doc) and doc[i].is_quote:
        j = i + 1
        while j < len(doc) and j - i <= 12 and not doc[j].is_quote:
            j += 1
        if j < len(doc) and j > i + 1:
            return doc[i + 1 : j].text
    for child in tok.rights:
        if child.dep_ == "appos" and (
            child.pos_ == "PROPN" or child.ent_type_ == "WORK_OF_ART"
        ):
            s, e = np_span(child)
            return doc[s:e].text
    return None


def outlet_in_np(head: Token, cues: CueLexicon) -> str | None:
    doc = head.doc
    s, e = np_span(head)
    if _is_outlet(doc, s, e, cues):
        return _strip_det(doc, s, e)
    if cues.has(head.lemma_, "medium") or cues.has(head.lower_, "medium"):
        title = _title_after(head)
        if title:
            return title
        for child in head.children:
            if child.dep_ == "compound" and child.pos_ == "PROPN":  # "a CNN interview"
                return child.text
            if child.dep_ == "prep" and child.lower_ in {
                "with",
                "for",
                "on",
                "in",
                "to",
                "by",
            }:
                for g in child.children:
                    if g.dep_ == "pobj":
                        found = outlet_in_np(g, cues)
                        if found:
                            return found
                        gs, ge = np_span(g)
                        if g.pos_ == "PROPN" and child.lower_ in {"with", "for", "on"}:
                            return _strip_det(doc, gs, ge)
    return None


def find_outlet(cue: Token, cues: CueLexicon) -> str | None:
    """A named publication the reporting verb names: "told the New York
    Post", "shared with the Post", "in his book 'War'", "in an interview with
    CNN", "Reuters reported", "was quoted by TASS"."""
    for child in cue.children:
        if child.dep_ in {"dative", "dobj", "nsubj", "npadvmod"}:
            found = outlet_in_np(child, cues)
            if found:
                return found
        if child.dep_ in {"prep", "agent"}:
            for g in child.children:
                if g.dep_ == "pobj":
                    found = outlet_in_np(g, cues)
                    if found:
                        return found
    return None


def find_quote(
    doc: Doc, content: tuple[int, int] | None, *, within: Span | None = None
) -> str | None:
    """The direct quotation (“…”, "…", ‘…’) that overlaps the content span."""
    if content is None:
        return None
    region = within if within is not None else doc[:]
    base = region.start_char
    c_start = doc[content[0]].idx
    c_end = doc[content[1] - 1].idx + len(doc[content[1] - 1])
    for m in _QUOTE_RE.finditer(region.text):
        q_start, q_end = base + m.start(), base + m.end()
        if q_start < c_end and q_end > c_start:
            text = next(g for g in m.groups() if g is not None)
            return text.strip(" ,.")
    return None


def resolve_speaker(span: Span, resolve_actor: Callable[[Span], Actor | None]) -> Actor:
    """The actor of a speaker span, or an uncoded :class:`Actor` keeping its
    text and offsets when ``resolve_actor`` does not know it."""
    found = resolve_actor(span)
    if found is not None:
        return found
    return Actor(
        text=span.text, name=None, code=None, start=span.start_char, end=span.end_char
    )


def build_attribution(
    sent: Span,
    assessment: Assessment,
    resolve_actor: Callable[[Span], Actor | None],
) -> Attribution | None:
    """The :class:`Attribution` of an assessed event in sentence ``sent``, or
    None when nothing attributes it (no cue, outlet or quote).  The speaker
    span is resolved with ``resolve_actor``; when that returns None the
    speaker is kept as an uncoded :class:`Actor` with its text and offsets."""
    doc = sent.doc
    if (
        assessment.cue is None
        and assessment.outlet is None
        and assessment.quote is None
    ):
        return None
    speaker: Actor | None = None
    if assessment.speaker_span is not None:
        s, e = assessment.speaker_span
        speaker = resolve_speaker(doc[s:e], resolve_actor)
    return Attribution(
        speaker=speaker,
        cue=assessment.cue,
        outlet=assessment.outlet,
        quote=assessment.quote,
    )
