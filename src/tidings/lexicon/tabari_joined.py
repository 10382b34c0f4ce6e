"""Words a TABARI pattern joins with ``_``: they must follow each other in the sentence.

``REAL_PLEASANT`` asks for "real pleasant"; ``MOST_CERTAINLY_&NEGATVAUXVRB_EVER``
asks for "most certainly", one member of the synset and "ever" in a row ("most
certainly won't ever", not "most certainly really won't even ever"), as TABARI
matches a synset member in place of the word.  A synset member of several words
("REALLY DID NOT") is itself a phrase whose words follow each other.

The reader writes such a condition into :attr:`VerbPattern.requires` as one
string, which :mod:`tidings.coder.match` reads:

* ``|`` separates alternatives, any one of which is enough
  (``"new military relations|new economic relations"``);
* an alternative with blanks is a phrase whose words must be consecutive; each of
  its words may list forms separated by ``/`` (lemma and form as written:
  ``"most certainly wo/will not/n't ever"``);
* an alternative without blanks is a single word (``"<improve|<improved"``).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

#: separates alternative conditions in one ``requires`` entry
ALTERNATIVES = "|"
#: separates the accepted forms of one word of a phrase
FORMS = "/"
#: at most this many alternatives in one condition (synset members multiply)
MAX_ALTERNATIVES = 256

Phrase = tuple[str, ...]


def joined_chains(text: str, synset_names: frozenset[str] | set[str]) -> tuple[tuple[str, ...], ...]:
    """Runs of two or more words or synsets joined by ``_`` in a pattern's text.

    Words are lower case, synsets keep their ``&NAME``; markers (``*``, ``+``,
    ``$``, brackets) end a run.  A synset name may itself hold ``_``
    (``&FIGHT_OF_WORDS``): the longest known name wins.
    """
    out: list[tuple[str, ...]] = []
    for raw in text.replace("(", " ").replace(")", " ").replace("{", " ").replace("}", " ").split():
        parts = raw.split("_")
        run: list[str] = []
        i = 0
        while i < len(parts):
            p = parts[i]
            if p.startswith("&"):
                j = next(
                    (j for j in range(len(parts), i, -1) if "_".join(parts[i:j]).rstrip("_").upper() in synset_names),
                    i + 1,
                )
                run.append("_".join(parts[i:j]).rstrip("_").upper())
                i = j
                continue
            if p and _is_word(p):
                run.append(p.lower())
            elif p:  # a marker ends the run ("SUGGESTED_+", "IN_*")
                if len(run) >= 2:
                    out.append(tuple(run))
                run = []
            i += 1
        if len(run) >= 2:
            out.append(tuple(run))
    return tuple(out)


def _is_word(p: str) -> bool:
    return any(c.isalpha() for c in p) and not any(c in "*+$%^" for c in p)


def phrase_condition(words: Phrase, form: Callable[[str], str]) -> str:
    """One phrase as a condition: its words in a row, each as ``lemma/written``."""
    return " ".join(_forms(w, form) for w in words)


def _forms(word: str, form: Callable[[str], str]) -> str:
    lemma = form(word)
    return lemma if lemma == word else f"{lemma}{FORMS}{word}"


def chain_condition(
    chain: tuple[str, ...], synsets: dict[str, tuple[Phrase, ...]], form: Callable[[str], str]
) -> str:
    """The condition of a joined run: every way of filling its synsets, as alternatives."""
    slots = [synsets.get(e, ((e,),)) if e.startswith("&") else ((e,),) for e in chain]
    alts: list[str] = []
    for combo in itertools.islice(itertools.product(*slots), MAX_ALTERNATIVES):
        words = tuple(w for phrase in combo for w in phrase)
        cond = phrase_condition(words, form)
        if cond not in alts:
            alts.append(cond)
    return ALTERNATIVES.join(alts)
