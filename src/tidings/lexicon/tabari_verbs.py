"""TABARI/PETRARCH verb dictionaries -> :class:`VerbPattern` (and a few :class:`NounPattern`).

A verb file holds synonym sets and verb blocks (see docs/tabari.md)::

    &CURRENCY                     synset: a label and ``+`` lines (words or phrases,
    +DOLLARS                      or other synsets such as ``+&TIETYPES``)
    +SWISS FRANCS

    --- BREAK [1717] ---          block header: description and the block's code
    BREAK { BROKE BROKEN }        verbs of the block; {...} irregular forms
    +BREAK_DOWN {+BROKE_DOWN}     multi-word verb; ``+`` marks the verb word
    WIRE_+TAP [1711]              a verb may carry its own code
    - * DEADLOCK  [102]           patterns: words before and after the verb ``*``
    - + * IN $  [075]             ``+`` target, ``$`` source, ``%`` compound actor,
    - * (TO {PEACE PLAN}) [037]   ``^`` skip a phrase, ``(PREP ...)`` prepositional
                                  phrase, ``{...}`` noun phrase, ``&SET`` a synset

Every pattern applies to every verb of its block.  It becomes one
:class:`VerbPattern` per verb (and per combination of synset members among its
required words), keyed by the verb's lemma:

* the first noun (phrase) after the verb, outside a prepositional phrase, is the
  required object: ``objects`` holds its head lemma (all members for a synset);
  its other words go to ``requires``;
* a particle right after the verb (``up down out off back away`` ...) is ``particle``;
* ``TO`` + a word that is only a verb is ``xcomp`` ("ask * TO RECONSIDER");
* ``+`` right after the verb: target ``("dobj",)``; ``+`` after a preposition, or a
  preposition that ends the pattern (``* FOR``, ``* (WITH)``): target that
  preposition; ``+`` before the verb (a passive): target ``("nsubj",)``; no ``+``:
  the target is the first actor after the verb, given as ``("dobj", "with",
  "to", ...)`` (without ``dobj`` when an object word is required);
* every other word, before or after the verb, goes to ``requires`` as a lemma;
  ``$``, ``%`` and ``^`` are dropped (the source is the subject).

Codes are kept as written: ``031:032`` is the code of the event from source to
target and of the reverse event; ``---`` is the null code (the pattern matches
but no event is coded).  Patterns that keep no condition at all after this
mapping (``- % * [030]``) would duplicate the bare verb and are skipped.
PETRARCH-2 verb transformations (``~`` lines) are reported and skipped.

On request (``nouns=True``), for light verbs (``hold``, ``make``, ``launch`` ...) a
pattern ``* NOUN`` also gives a :class:`NounPattern` for NOUN, so "the talks with X"
codes like "held talks".
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import E_DICT_LINE
from ..types import BadRecord
from .model import Lexicon, NounPattern, VerbPattern
from .tabari_text import (
    DEFAULT_TARGET,
    PARTICLES,
    PREPOSITIONS,
    Lemmatizer,
    dictionary_lines,
    regular_forms,
)
from .tabari_joined import ALTERNATIVES, chain_condition, joined_chains, phrase_condition

#: verbs whose object noun carries the event
LIGHT_VERBS = frozenset(
    "have hold make pay launch conduct stage mount carry begin start".split()
)
#: a pattern expands to at most this many VerbPatterns per verb (synset combinations)
MAX_COMBINATIONS = 256
#: words that never head an object ("* WAS UNSATISFACTORY", "* NOT COOPERATE")
_FUNCTION_WORDS = frozenset(
    "be have do will would shall should can could may might must not no never the a an that this"
    " their his her its our my your these those".split()
)
_CODE_AT_END = re.compile(r"\[([^\[\]]*)\]\s*$")

Alternatives = tuple[tuple[str, ...], ...]  # each alternative: words of one phrase


@dataclass
class _Verb:
    lemma: str
    code: str
    particle: str | None = None
    requires: tuple[str, ...] = ()
    origin: str = ""
    #: other lemmas the parser may give the verb's forms ("cordoned" -> "cordone")
    keys: tuple[str, ...] = ()


@dataclass
class _Pattern:
    code: str
    origin: str
    particle: str | None = None
    objects: frozenset[str] = frozenset()
    target: tuple[str, ...] | None = None
    xcomp: str | None = None
    slots: list[Alternatives] = field(default_factory=list)
    #: (object heads, words required with them): several when a synset object has phrases
    obj_variants: list[tuple[frozenset[str], tuple[str, ...]]] = field(default_factory=list)
    #: runs of words and synsets joined by "_" (REAL_PLEASANT, MOST_CERTAINLY_&NEGATVAUXVRB_EVER):
    #: they must follow each other in the sentence
    joined: tuple[tuple[str, ...], ...] = ()
    #: how many of ``slots`` come before the verb ("NOT *"): their words must precede it
    pre: int = 0


@dataclass
class _Block:
    code: str
    verbs: list[_Verb] = field(default_factory=list)
    patterns: list[_Pattern] = field(default_factory=list)


class VerbReader:
    """Reads one verb file into a lexicon; bad lines go to ``bad``."""

    def __init__(
        self, path: Path, lex: Lexicon, bad: list[BadRecord], lemmatizer: Lemmatizer, *, nouns: bool = False
    ):
        self.path = path
        self.nouns = nouns
        self.lex = lex
        self.bad = bad
        self.lem = lemmatizer
        self.synsets: dict[str, Alternatives] = {}
        self.count = 0
        self._nouns_seen: set[str] = set(lex.nouns)

    # ------------------------------------------------------------------ file

    def read(self) -> int:
        lines = list(dictionary_lines(self.path, self.bad))
        self._read_synsets(lines)
        block: _Block | None = None
        synset: str | None = None
        for lineno, line in lines:
            where = f"{self.path}:{lineno}"
            origin = f"{self.path.name}:{lineno}"
            s = line.strip()
            if synset is not None and s.startswith("+"):
                continue  # read by _read_synsets
            synset = None
            if s.startswith("&"):
                synset = s.split()[0]
                self._emit(block)  # a synset definition ends the verb block before it
                block = None
            elif s.startswith("---"):
                self._emit(block)
                m = re.search(r"\[([^\]]*)\]", s)
                block = _Block(code=(m.group(1).strip() if m else "") or "---")
            elif s.startswith("~"):
                self.bad.append(
                    BadRecord(
                        where,
                        E_DICT_LINE,
                        "verb transformation (~) not supported; skipped",
                    )
                )
            elif s.startswith("-"):
                if block is None:
                    self.bad.append(BadRecord(where, E_DICT_LINE, "pattern outside a verb block; skipped"))
                    continue
                pat = self._pattern(s[1:], where, origin)
                if pat is not None:
                    block.patterns.append(pat)
            else:
                if block is None:
                    self.bad.append(BadRecord(where, E_DICT_LINE, f"verb outside a --- block ---: {s!r}"))
                    continue
                verb = self._verb(s, block.code, where, origin)
                if verb is not None:
                    block.verbs.append(verb)
        self._emit(block)
        return self.count

    def _read_synsets(self, lines: list[tuple[int, str]]) -> None:
        """All synsets first: PETRARCH lets a synset be defined after its first use."""
        members: dict[str, list[tuple[int, str]]] = {}
        name: str | None = None
        for lineno, line in lines:
            s = line.strip()
            if s.startswith("&"):
                name = s.split()[0].rstrip("_").upper()
                members.setdefault(name, [])
            elif name is not None and s.startswith("+"):
                members[name].append((lineno, s[1:]))
            else:
                name = None
        for name in members:
            self.synsets[name] = ()
        # members that are synsets themselves are resolved in definition order, twice
        for _ in range(2):
            for name, items in members.items():
                self.synsets[name] = ()
                for lineno, text in items:
                    self._add_synset_member(name, text, f"{self.path}:{lineno}", report=_ == 1)

    def _add_synset_member(self, name: str, text: str, where: str, *, report: bool = True) -> None:
        words = [w for w in re.split(r"[\s_]+", text.strip()) if w]
        if not words:
            if report:
                self.bad.append(BadRecord(where, E_DICT_LINE, f"empty member of {name}"))
            return
        if len(words) == 1 and words[0].startswith("&"):
            ref = words[0].rstrip("_").upper()
            if ref not in self.synsets or ref == name:
                if report:
                    self.bad.append(BadRecord(where, E_DICT_LINE, f"synset {ref} is not defined"))
                return
            self.synsets[name] = self.synsets[name] + self.synsets[ref]
            return
        self.synsets[name] = self.synsets[name] + (tuple(w.lower() for w in words),)

    # ------------------------------------------------------------------ verbs

    def _verb(self, s: str, block_code: str, where: str, origin: str) -> _Verb | None:
        code = block_code
        m = _CODE_AT_END.search(s)
        if m:
            code = m.group(1).strip() or block_code
            s = s[: m.start()]
        head = s.split("{", 1)[0].strip()
        if s.count("{") != s.count("}"):
            self.bad.append(BadRecord(where, E_DICT_LINE, "unbalanced {...} in verb line; skipped"))
            return None
        words = [w for w in re.split(r"[\s_]+", head) if w]
        if not words:
            self.bad.append(BadRecord(where, E_DICT_LINE, "verb line without a verb; skipped"))
            return None
        marked = [i for i, w in enumerate(words) if w.startswith("+")]
        k = marked[0] if marked else 0
        words = [w.lstrip("+").lower() for w in words]
        if not all(re.fullmatch(r"[a-z][a-z'\-]*", w) for w in words):
            self.bad.append(BadRecord(where, E_DICT_LINE, f"unreadable verb {head!r}; skipped"))
            return None
        word = words[k]
        lemma = self.lem.lemma(word, "verb")
        before, after = words[:k], words[k + 1 :]
        particle = None
        if after and after[0] in PARTICLES:
            particle, after = after[0], after[1:]
        requires = tuple(self.lem.lemma(w) for w in before + after)
        if lemma != word and self.lem.parser_lemma(word) == lemma:
            # an inflected form as the block's verb (SAID, LEFT, KILLED): PETRARCH matches
            # that form only, so it is required (the verb itself is in its own subtree)
            requires = (word, *requires)
        forms = [f.lstrip("+").lower() for f in re.findall(r"\{([^}]*)\}", s)[0].split()] if "{" in s else []
        forms = [re.split(r"[_]+", f.replace("+", ""))[0] if "_" in f else f for f in forms]
        keys = self._parser_keys(word, lemma, forms)
        return _Verb(lemma, code, particle, requires, origin, keys)

    def _parser_keys(self, word: str, lemma: str, forms: list[str]) -> tuple[str, ...]:
        """Lemmas the parser may give the verb's forms, other than ``lemma``."""
        if not self.lem.index:
            return ()
        candidates = [word, *forms, *regular_forms(lemma)]
        keys = {self.lem.parser_lemma(f) for f in candidates if f}
        keys.discard(lemma)
        return tuple(sorted(k for k in keys if k.isalpha() or "-" in k))

    # ------------------------------------------------------------------ patterns

    def _tokens(self, text: str) -> list[str]:
        """Split a pattern into tokens; ``_`` joins words, except inside synset names."""
        text = re.sub(r"([(){}])", r" \1 ", text)
        out: list[str] = []
        for raw in text.split():
            parts = raw.split("_")
            i = 0
            while i < len(parts):
                p = parts[i]
                if p.startswith("&"):
                    for j in range(len(parts), i, -1):
                        name = "_".join(parts[i:j]).rstrip("_").upper()
                        if name in self.synsets:
                            out.append(name)
                            i = j
                            break
                    else:
                        out.append(p.upper())
                        i += 1
                    continue
                if p:
                    out.extend(re.findall(r"\*+|[^*]+", p))
                i += 1
        return ["*" if t.startswith("*") else t for t in out]

    def _alts(self, tok: str, where: str) -> Alternatives | None:
        if tok.startswith("&"):
            if tok not in self.synsets or not self.synsets[tok]:
                self.bad.append(BadRecord(where, E_DICT_LINE, f"undefined synset {tok}; pattern skipped"))
                return None
            return self.synsets[tok]
        return ((tok.lower(),),)

    def _pattern(self, text: str, where: str, origin: str) -> _Pattern | None:
        m = _CODE_AT_END.search(text)
        if not m or not m.group(1).strip():
            self.bad.append(BadRecord(where, E_DICT_LINE, "pattern without [code]; skipped"))
            return None
        code = m.group(1).strip()
        toks = self._tokens(text[: m.start()])
        if toks.count("*") != 1:
            self.bad.append(
                BadRecord(
                    where,
                    E_DICT_LINE,
                    "pattern needs exactly one '*' for the verb; skipped",
                )
            )
            return None
        star = toks.index("*")
        pat = _Pattern(code=code, origin=origin, joined=joined_chains(text[: m.start()], self.synsets))
        for tok in toks[:star]:
            if tok == "+":
                pat.target = ("nsubj",)
            elif tok == "%":
                # a compound actor ("Gondor and Osgiliath agreed"): its "and" is in the verb's subtree
                pat.slots.append((("and",),))
            elif tok in ("$", "^", "(", ")", "{", "}"):
                continue
            else:
                alts = self._alts(tok, where)
                if alts is None:
                    return None
                pat.slots.append(alts)
        pat.pre = len(pat.slots)
        if not self._post(toks[star + 1 :], pat, where):
            return None
        if not (pat.particle or pat.objects or pat.xcomp or pat.slots or pat.target):
            return None
        return pat

    def _post(self, toks: list[str], pat: _Pattern, where: str) -> bool:
        """Map the words after the verb; False when the pattern must be skipped."""
        i, n = 0, len(toks)
        seen_word = False
        last_prep: str | None = None
        skipped: str | None = None  # a preposition whose object ^ skips
        while i < n:
            tok = toks[i]
            if tok == "^" and last_prep is not None:
                skipped = last_prep
            if tok in ("$", "%", "^", ")"):
                i += 1
                continue
            if tok == "+":
                if skipped is not None:
                    # "* IFTAR IN ^ +": the target is the actor after the skipped phrase
                    pat.target = tuple(t for t in DEFAULT_TARGET if t not in ("dobj", skipped))
                elif last_prep is not None:
                    pat.target = (last_prep,)
                elif not pat.target or pat.target == ("nsubj",):
                    pat.target = ("dobj",)
                i += 1
                continue
            if tok == "(":
                inner, i = _bracketed(toks, i, ")", drop=("{", "}", "^", "%"))
                if not inner:
                    continue
                prep, nouns = inner[0].lower(), inner[1:]
                if "+" in nouns or not [t for t in nouns if t != "$"]:
                    if "$" not in nouns:
                        pat.target = (prep,)
                    nouns = [t for t in nouns if t not in ("+", "$")]
                    if not nouns:
                        pat.slots.append(((prep,),))  # TABARI: the preposition itself is there
                        continue
                pat.slots.append(((prep,),))
                for t in nouns:
                    if t in ("+", "$"):
                        continue
                    alts = self._alts(t, where)
                    if alts is None:
                        return False
                    pat.slots.append(alts)
                seen_word = True
                continue
            if tok == "{":
                group, i = _bracketed(toks, i, "}", drop=("+", "$", "%", "^"))
                if not group:
                    continue
                if not self._object(group, pat, where):
                    return False
                seen_word = True
                continue
            word = tok.lower()
            nxt = toks[i + 1] if i + 1 < n else None
            if word in PREPOSITIONS and not tok.startswith("&"):
                if nxt is None or nxt in ("+", ")"):
                    pat.target = (word,)
                    pat.slots.append(((word,),))  # TABARI: the preposition itself is there
                    i += 2
                    continue
                if nxt == "$":
                    i += 2
                    continue
                if word == "to" and nxt and not nxt.startswith("&") and self.lem.is_verb_only(nxt.lower()):
                    if pat.xcomp is None:
                        pat.xcomp = self.lem.lemma(nxt, "verb")
                    else:
                        pat.slots.append(((word,),))
                        pat.slots.append(((nxt.lower(),),))
                    i += 2
                    seen_word = True
                    continue
                pat.slots.append(((word,),))
                last_prep, skipped = word, None
                i += 1
                seen_word = True
                continue
            if not seen_word and pat.particle is None and word in PARTICLES:
                pat.particle = word
                i += 1
                continue
            if not seen_word and not pat.objects and not pat.xcomp:
                # a TABARI noun phrase: bare words up to the next preposition or marker
                j = i
                while (
                    j < n
                    and toks[j] not in ("+", "$", "%", "^", "(", "{")
                    and (toks[j].startswith("&") or toks[j].lower() not in PREPOSITIONS)
                ):
                    if j > i and toks[j].lower() in PARTICLES:
                        break
                    j += 1
                group = toks[i:j]
                i = j
                if not self._object(group, pat, where):
                    return False
                seen_word = True
                continue
            alts = self._alts(tok, where)
            if alts is None:
                return False
            pat.slots.append(alts)
            seen_word = True
            i += 1
        return True

    def _object(self, group: list[str], pat: _Pattern, where: str) -> bool:
        """A noun phrase after the verb: its head is the object unless one is already set."""
        alts_list = []
        for t in group:
            alts = self._alts(t, where)
            if alts is None:
                return False
            alts_list.append(alts)
        first = group[0].lower()
        if pat.objects or pat.xcomp or first in _FUNCTION_WORDS or self.lem.lemma(first) in _FUNCTION_WORDS:
            pat.slots.extend(alts_list)
            return True
        if len(group) == 1 and not group[0].startswith("&") and self.lem.is_verb_only(first):
            pat.xcomp = self.lem.lemma(first, "verb")
            return True
        last = group[-1]
        if not last.startswith("&") and self.lem.is_adjective_only(last.lower()):
            # "* DIPLOMATIC": a modifier of whatever the object is ("diplomatic ties")
            pat.slots.extend(alts_list)
            return True
        head = alts_list[-1]
        pat.objects = frozenset(f for a in head for f in self._object_forms(a[-1]))
        if len(head) == 1:
            pat.slots.extend(((w,),) for w in head[0][:-1])
        else:
            # a synset head: its one-word members form one set of objects; each phrase
            # member (GOLDEN_GOBLIN_GALLEONS) keeps its other words as required words
            singles = frozenset(f for a in head if len(a) == 1 for f in self._object_forms(a[0]))
            if singles:
                pat.obj_variants.append((singles, ()))
            for a in head:
                if len(a) > 1:
                    pat.obj_variants.append((self._object_forms(a[-1]), a[:-1]))
        pat.slots.extend(alts_list[:-1])
        return True

    def _object_forms(self, word: str) -> frozenset[str]:
        """An object word as its lemma and as written: the parser's lemma may differ from ours."""
        return frozenset({self.lem.noun_lemma(word), word.lower()})

    # ------------------------------------------------------------------ output

    def _req_lemma(self, w: str) -> str:
        return w if w in PREPOSITIONS or w in PARTICLES else self.lem.lemma(w)

    def _requires(self, pat: _Pattern) -> list[tuple[str, ...]]:
        slots = pat.slots
        combos = 1
        for s in slots:
            combos *= len(s)
        if combos > MAX_COMBINATIONS:
            self.bad.append(
                BadRecord(
                    f"{self.path}:{pat.origin.rsplit(':', 1)[-1]}",
                    E_DICT_LINE,
                    f"{combos} synset combinations; kept the first {MAX_COMBINATIONS}",
                )
            )
        out = []
        for combo in itertools.islice(itertools.product(*slots), MAX_COMBINATIONS):
            words: list[str] = []
            for k, phrase in enumerate(combo):
                for w in phrase:
                    lem = self._req_word(w, before=k < pat.pre)
                    if lem not in words:
                        words.append(lem)
                if len(phrase) > 1:
                    # a synset member of several words ("REALLY DID NOT") is a phrase
                    cond = phrase_condition(phrase, self._req_lemma)
                    if cond not in words:
                        words.append(cond)
            out.append(tuple(words))
        return out

    def _req_word(self, w: str, *, before: bool) -> str:
        """A required word as its lemma or, when that differs, as written ("improved")."""
        mark = "<" if before else ""
        lem = self._req_lemma(w)
        return mark + lem if lem == w else f"{mark}{lem}{ALTERNATIVES}{mark}{w}"

    def _emit(self, block: _Block | None) -> None:
        if block is None:
            return
        for v in block.verbs:
            if v.code != "---":
                self._add(
                    VerbPattern(
                        code=v.code,
                        verb=v.lemma,
                        particle=v.particle,
                        target=DEFAULT_TARGET,
                        requires=v.requires,
                        origin=v.origin,
                    ),
                    v.keys,
                )
        for pat in block.patterns:
            req_sets = self._requires(pat)
            default = DEFAULT_TARGET[1:] if pat.objects else DEFAULT_TARGET
            variants = pat.obj_variants or [(pat.objects, ())]
            for v in block.verbs:
                for req in req_sets:
                    for objects, extra in variants:
                        more = tuple(self.lem.lemma(w) for w in extra)
                        pairs = tuple(chain_condition(c, self.synsets, self._req_lemma) for c in pat.joined)
                        requires = tuple(dict.fromkeys(v.requires + req + more + pairs))
                        self._add(VerbPattern(
                            code=pat.code, verb=v.lemma, particle=pat.particle or v.particle, objects=objects,
                            target=pat.target or default, xcomp=pat.xcomp, requires=requires, origin=pat.origin,
                        ), v.keys)  # fmt: skip
                light = v.lemma in LIGHT_VERBS and pat.objects and not (pat.slots or pat.xcomp or pat.particle)
                if self.nouns and light:
                    self._add_nouns(pat)

    def _add(self, p: VerbPattern, keys: tuple[str, ...] = ()) -> None:
        self.lex.add_verb(p)
        self.count += 1
        for k in keys:
            self.lex.add_verb(replace(p, verb=k))

    def _add_nouns(self, pat: _Pattern) -> None:
        if pat.code.startswith("---"):
            return
        for noun in sorted(pat.objects):
            if noun in self._nouns_seen:
                continue
            self._nouns_seen.add(noun)
            self.lex.add_noun(
                NounPattern(
                    code=pat.code,
                    noun=noun,
                    target=DEFAULT_TARGET[1:],
                    origin=pat.origin,
                )
            )


def _bracketed(toks: list[str], i: int, close: str, *, drop: tuple[str, ...]) -> tuple[list[str], int]:
    """Tokens after the opening bracket at ``i`` up to ``close`` (or the end), without
    ``drop``; and the index after the group."""
    j = toks.index(close, i) if close in toks[i:] else len(toks)
    return [t for t in toks[i + 1 : j] if t not in drop], j + 1


def read_verbs(
    path: Path, lex: Lexicon, bad: list[BadRecord], lemmatizer: Lemmatizer, *, nouns: bool = False
) -> int:
    """Add the verb patterns of a TABARI/PETRARCH verb file to ``lex``; returns how many.

    ``nouns``: also make noun patterns from light-verb patterns (off by default: on the
    validation suites they only added spurious events, see docs/tabari.md).
    """
    return VerbReader(path, lex, bad, lemmatizer, nouns=nouns).read()

