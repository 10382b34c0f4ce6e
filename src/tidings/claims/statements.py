"""Statements in an article: who reports, confirms or denies what.

:func:`find_statements` finds the reporting, confirming and denying acts of a
parsed article; :mod:`tidings.claims.link` attaches them to the events (claims)
they are about.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.symbols import NOUN, VERB
from spacy.tokens import Doc, Span, Token

from ..types import Actor
from .attribution import find_outlet, resolve_speaker, speaker_span
from .cues import CueLexicon, default_cues
from .modality import coordinated_above

#: nouns that name a claim ("these claims", "the report", "allegations that ...")
CLAIM_NOUNS = frozenset(
    [
        "claim",
        "report",
        "allegation",
        "accusation",
        "account",
        "story",
        "rumor",
        "rumour",
        "assertion",
        "statement",
        "suggestion",
        "speculation",
        "reporting",
    ]
)
#: pronouns that refer back to a claim, only after a strong verb ("denied it")
PRONOUNS = frozenset({"it", "this", "that", "these", "those", "them"})
#: stance verbs that deny or confirm a plain object ("denied the meeting", "confirmed it");
#: the others (dismiss, reject, contradict ...) only deny claims ("dismissed reports")
STRONG = frozenset(
    {
        "deny",
        "refute",
        "dispute",
        "confirm",
        "corroborate",
        "verify",
        "denial",
        "confirmation",
    }
)


@dataclass(frozen=True, slots=True)
class Statement:
    """A reporting, confirming or denying act found in an article."""

    article_id: str
    sentence_index: int
    kind: str  # report | confirm | deny
    cue: str
    speaker: Actor | None
    negated: bool
    #: character offsets in the article
    cue_start: int
    cue_end: int
    content_start: int | None
    content_end: int | None
    sentence: str
    outlet: str | None = None
    #: the content is an anaphor ("these claims") rather than a clause
    anaphoric: bool = False
    #: the content is a claim by someone ("these claims", "reports that ...")
    about_claim: bool = False
    #: CAMEO roots the content words name ("communications" -> 04)
    topics: frozenset[str] = frozenset()
    #: named subjects of the content clause ("the South Ossetians had agreed")
    agents: tuple[str, ...] = ()
    date: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "sentence_index": self.sentence_index,
            "kind": self.kind,
            "cue": self.cue,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "negated": self.negated,
            "cue_start": self.cue_start,
            "cue_end": self.cue_end,
            "content_start": self.content_start,
            "content_end": self.content_end,
            "sentence": self.sentence,
            "outlet": self.outlet,
            "anaphoric": self.anaphoric,
            "about_claim": self.about_claim,
        }


#: parts of speech a reporting, confirming or denying act can have
ACT_POS = frozenset({VERB, NOUN})


def find_statements(
    doc: Doc,
    *,
    article_id: str,
    resolve_actor: Callable[[Span], Actor | None],
    topics: Callable[[str], frozenset[str]] | None = None,
    date: dt.date | None = None,
    cues: CueLexicon | None = None,
) -> list[Statement]:
    """Reporting, confirming and denying acts of a parsed article.

    ``topics(lemma)`` gives the CAMEO roots a content word names (the coder's
    noun and verb lexicon: ``communication`` -> {"04"}); without it only
    anaphoric stances and clauses holding coded events can be linked.
    """
    cues = cues or default_cues()
    out: list[Statement] = []
    for s_index, sent in enumerate(doc.sents):
        for tok in sent:
            if tok.pos not in ACT_POS:  # the part of speech first: it is an integer compare
                continue
            kinds = cues.kinds(tok.lemma_) | cues.kinds(tok.lower_)
            kind = next((k for k in ("deny", "confirm", "report") if k in kinds), None)
            if kind is None:
                continue
            if tok.pos_ == "NOUN" and kind == "report":
                continue  # "reports that ..." is a content word, not an act
            if not _actual(tok):
                continue
            content = _content(tok, topics)
            if content is None:
                continue
            c_start, c_end, anaphoric, about_claim = content
            agents = tuple(
                t.text.lower()
                for t in doc[c_start:c_end]
                if t.dep_ in {"nsubj", "nsubjpass"}
                and (t.pos_ == "PROPN" or t.ent_type_ == "NORP")
            )
            spk = speaker_span(tok)
            speaker = (
                resolve_speaker(doc[spk[0] : spk[1]], resolve_actor) if spk else None
            )
            words = doc[c_start:c_end]
            found = (
                frozenset().union(*(topics(t.lemma_.lower()) for t in words))
                if topics
                else frozenset()
            )
            negated = any(c.dep_ == "neg" for c in tok.children) or (
                tok.dep_ == "xcomp" and "negation" in cues.kinds(tok.head.lemma_)
            )
            out.append(
                Statement(
                    article_id=article_id,
                    sentence_index=s_index,
                    kind=kind,
                    cue=tok.lemma_.lower(),
                    speaker=speaker,
                    negated=negated,
                    cue_start=tok.idx,
                    cue_end=tok.idx + len(tok),
                    content_start=words.start_char,
                    content_end=words.end_char,
                    sentence=sent.text,
                    outlet=find_outlet(tok, cues),
                    anaphoric=anaphoric,
                    about_claim=about_claim,
                    topics=found,
                    agents=agents,
                    date=date,
                )
            )
    return out


def _clause_end(tok: Token, child: Token) -> int:
    end = child.right_edge.i + 1
    for g in child.rights:  # "... have taken place but declined to comment"
        if g.dep_ == "conj" and coordinated_above(g, child):
            end = min(end, g.i)
    while end > child.i + 1 and tok.doc[end - 1].dep_ in {"cc", "punct"}:
        end -= 1
    return end


def _content(
    tok: Token, topics: Callable[[str], frozenset[str]] | None
) -> tuple[int, int, bool, bool] | None:
    """What a stance word is about: ([start, end) tokens, anaphoric, about a
    claim), or None when it is not a stance on a claim ("rejected a motion",
    "denied them a chance", "charges were dismissed")."""
    strong = tok.lemma_.lower() in STRONG
    if sum(c.dep_ in {"dobj", "dative"} for c in tok.children) > 1 or any(
        c.dep_ == "dative" for c in tok.children
    ):
        return None  # "denied these artists a chance": a refusal
    for child in tok.children:
        if child.dep_ in {"ccomp", "xcomp"} or (
            child.dep_ == "acl" and tok.pos_ == "NOUN"
        ):
            return child.left_edge.i, _clause_end(tok, child), False, False
    for child in tok.children:
        head = child
        if child.dep_ == "prep" and child.lower_ in {"of", "about", "on"}:
            head = next((g for g in child.children if g.dep_ == "pobj"), None)
            if head is None:
                continue
        elif child.dep_ not in {"dobj", "nsubjpass"}:
            continue
        lemma = head.lemma_.lower()
        clause = next((g for g in head.children if g.dep_ in {"acl", "ccomp"}), None)
        if lemma in CLAIM_NOUNS:
            if clause is not None:  # "reports that ..."
                return clause.left_edge.i, _clause_end(head, clause), False, True
            return head.left_edge.i, head.right_edge.i + 1, True, True
        if strong and head.lower_ in PRONOUNS:
            return head.i, head.i + 1, True, False
        definite = any(
            c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an", "some"}
            for c in head.children
        )
        if (
            strong and definite and topics is not None and topics(lemma)
        ):  # "denied the meeting"
            return head.left_edge.i, head.right_edge.i + 1, False, False
        return None
    return None  # "despite the denials": no content


# -- linking ---------------------------------------------------------------------


def _actual(tok: Token) -> bool:
    """A stance that is made, not planned: "plans to bring witnesses to
    *contradict*" is not a denial; "continues to deny" is."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return True
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in {
        "continue",
        "keep",
        "repeat",
        "decline",
        "refuse",
    }
