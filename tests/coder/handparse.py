"""Build parsed spaCy Docs by hand, so parse rules are tested without a model."""

from __future__ import annotations

from spacy.tokens import Doc
import spacy


def parse(rows: list[tuple[str, str, str, int, str]], *, ents: list[tuple[int, int, str]] = ()) -> Doc:
    """``rows`` are (word, POS, dep, head index, lemma); the root's head is itself."""
    words = [r[0] for r in rows]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        pos=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        heads=[r[3] for r in rows],
        lemmas=[r[4] for r in rows],
        tags=["VBG" if r[1] == "NOUN" and r[0].endswith("ing") else "" for r in rows],
        sent_starts=[True] + [False] * (len(rows) - 1),
        ents=[f"B-{l}" if any(i == s for s, e, l in ents) else f"I-{l}" if any(s < i < e for s, e, l in ents) else "O"
              for i, l in enumerate([next((l for s, e, l in ents if s <= i < e), "") for i in range(len(rows))])],
    )
    return doc
