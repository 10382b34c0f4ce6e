"""Import TABARI/PETRARCH dictionaries (ICEWS, Phoenix, the validation suites).

:func:`load_tabari` reads actor, agent, verb and discard files into a
:class:`~tidings.lexicon.model.Lexicon` that can be used instead of, or merged
on top of, the built-in one (``Lexicon.merge``).  Lines that cannot be read are
returned as :class:`~tidings.types.BadRecord` with file and line; the rest of
the file loads.  The formats and how each construct maps onto Tidings' records
are described in docs/tabari.md and in the readers:

* actors and agents: :mod:`tidings.lexicon.tabari_actors`
* verbs: :mod:`tidings.lexicon.tabari_verbs`
* discards: :func:`read_discards` below.

Nothing is read at import time.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..errors import DictionaryError
from ..types import BadRecord
from .codes import NULL_CODES, actor_codes, event_codes, with_agent  # noqa: F401 (re-exported)
from .model import Lexicon
from .tabari_actors import read_actors, read_agents
from .tabari_text import Lemmatizer, dictionary_lines, phrase_words
from .tabari_verbs import read_verbs

__all__ = [
    "NULL_CODES",
    "TABARI_KINDS",
    "actor_codes",
    "classify_file",
    "event_codes",
    "load_tabari",
    "read_discards",
    "with_agent",
]

#: codes that mean "matched, but do not code an event / an actor"


TABARI_KINDS = ("actors", "agents", "verbs", "discards")

PathLike = str | Path


def read_discards(path: Path, lex: Lexicon, bad: list[BadRecord]) -> int:
    """Add the phrases of a discard file to ``lex.discards``.

    One phrase per line.  A leading ``+`` marks a story-level discard in
    PETRARCH; Tidings applies every discard to the sentence that contains it.
    A trailing ``_`` (exact word) is dropped: matching is on whole words.
    """
    phrases = set(lex.discards)
    n = 0
    for _lineno, line in dictionary_lines(path, bad):
        words = phrase_words(line.strip().lstrip("+"))
        if words:
            phrases.add(" ".join(words))
            n += 1
    lex.discards = frozenset(phrases)
    return n


def classify_file(path: Path) -> str | None:
    """Which kind of dictionary a file in a ``--dictionaries`` folder is, by its name."""
    name = path.name.lower()
    if not name.endswith(".txt") or "record" in name or "issue" in name or "ontology" in name:
        return None
    for kind, marks in (
        ("actors", ("actor",)),
        ("agents", ("agent",)),
        ("discards", ("discard",)),
        ("verbs", ("verb", "cameo")),
    ):
        if any(m in name for m in marks):
            return kind
    return None


def _paths(items: Iterable[PathLike]) -> list[Path]:
    return [Path(p) for p in items]


def load_tabari(
    *,
    actors: Iterable[PathLike] = (),
    agents: Iterable[PathLike] = (),
    verbs: Iterable[PathLike] = (),
    discards: Iterable[PathLike] = (),
    directory: PathLike | None = None,
    lemmatizer: Lemmatizer | None = None,
    light_verb_nouns: bool = False,
) -> tuple[Lexicon, list[BadRecord]]:
    """Read TABARI/PETRARCH dictionary files into a new lexicon.

    ``directory``: every ``*.txt`` in it whose name says ``actor``, ``agent``,
    ``verb`` (or starts ``CAMEO``) or ``discard`` is read as that kind, in name
    order, before the files given one by one.  ``lemmatizer`` turns dictionary
    words into lemmas; by default the rule tables of the installed spaCy model.
    ``light_verb_nouns``: also turn light-verb patterns (``HOLD * TALKS``) into noun
    patterns (``talks``); off by default.
    Raises :class:`DictionaryError` when a file or the folder is missing.
    """
    files: dict[str, list[Path]] = {k: [] for k in TABARI_KINDS}
    if directory is not None:
        d = Path(directory)
        if not d.is_dir():
            raise DictionaryError(
                f"dictionary folder {d} not found",
                code="E202",
                hint="give --dictionaries a folder of TABARI/PETRARCH .txt files",
            )
        for p in sorted(d.iterdir()):
            kind = classify_file(p)
            if kind is not None and p.is_file():
                files[kind].append(p)
    for kind, given in (
        ("actors", actors),
        ("agents", agents),
        ("verbs", verbs),
        ("discards", discards),
    ):
        files[kind].extend(_paths(given))
    for kind in TABARI_KINDS:
        for p in files[kind]:
            if not p.is_file():
                raise DictionaryError(
                    f"{kind} file {p} not found",
                    code="E202",
                    hint=f"check the path given to --{kind}",
                )
    lex = Lexicon()
    bad: list[BadRecord] = []
    for p in files["actors"]:
        read_actors(p, lex, bad)
    for p in files["agents"]:
        read_agents(p, lex, bad)
    if files["agents"]:
        lex.agent_rule = "tabari"  # agents combine as TABARI combines them
    if files["verbs"]:
        lem = lemmatizer if lemmatizer is not None else Lemmatizer.from_spacy_model()
        for p in files["verbs"]:
            read_verbs(p, lex, bad, lem, nouns=light_verb_nouns)
    for p in files["discards"]:
        read_discards(p, lex, bad)
    return lex, bad
