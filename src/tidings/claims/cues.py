"""The cue lexicon: reporting verbs, hedges, modals, intent and negation words.

Loaded from ``tidings/data/lexicon/cues.tsv`` (format in docs/claims.md) by an
explicit call to :func:`load_cues`; :func:`default_cues` memoises the built-in
file so the coder can call :func:`tidings.claims.modality.assess` per event
without re-reading it.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from ..lexicon.loader import LoadReport, data_dir, read_tsv

__all__ = ["KINDS", "CueLexicon", "default_cues", "load_cues"]

#: kinds a cue may have (column ``kind`` of cues.tsv)
KINDS = frozenset(
    {
        "report",
        "confirm",
        "deny",
        "hedge",
        "future",
        "hypothetical",
        "negation",
        "intent",
        "outlet",
        "medium",
    }
)

CUES_HEADER = ("cue", "kind", "notes")


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Cue words by kind.  ``words`` maps a lower-case lemma to its kinds;
    ``phrases`` maps a tuple of lemmas ("according", "to") to its kinds."""

    words: Mapping[str, frozenset[str]]
    phrases: Mapping[tuple[str, ...], frozenset[str]]
    #: cues that report only with a clause complement ("added that ...")
    clause_only: frozenset[str] = frozenset()

    def kinds(self, lemma: str) -> frozenset[str]:
        return self.words.get(lemma.lower(), frozenset())

    def has(self, lemma: str, kind: str) -> bool:
        return kind in self.words.get(lemma.lower(), ())

    def phrase_kinds(self, lemmas: tuple[str, ...]) -> frozenset[str]:
        return self.phrases.get(tuple(x.lower() for x in lemmas), frozenset())

    def of_kind(self, kind: str) -> frozenset[str]:
        return frozenset(w for w, ks in self.words.items() if kind in ks)


def load_cues(
    path: Path | None = None, *, report: LoadReport | None = None
) -> CueLexicon:
    """Read a cues.tsv file (the built-in one when ``path`` is None).

    Lines with an unknown kind are recorded in ``report.bad`` and skipped.
    """
    from ..errors import E_DICT_LINE
    from ..types import BadRecord

    path = path or data_dir() / "lexicon" / "cues.tsv"
    report = report if report is not None else LoadReport()
    words: dict[str, set[str]] = {}
    phrases: dict[tuple[str, ...], set[str]] = {}
    clause_only: set[str] = set()
    for row in read_tsv(path, CUES_HEADER, report):
        cue = row.get("cue").lower()
        kind = row.get("kind").lower()
        if not cue or kind not in KINDS:
            report.bad.append(
                BadRecord(row.origin, E_DICT_LINE, f"bad cue {cue!r} or kind {kind!r}")
            )
            continue
        parts = tuple(cue.split())
        if "only with a clause complement" in row.get("notes"):
            clause_only.add(cue)
        if len(parts) == 1:
            words.setdefault(parts[0], set()).add(kind)
        else:
            phrases.setdefault(parts, set()).add(kind)
    report.counts["cues"] = len(words) + len(phrases)
    return CueLexicon(
        words=MappingProxyType({k: frozenset(v) for k, v in words.items()}),
        phrases=MappingProxyType({k: frozenset(v) for k, v in phrases.items()}),
        clause_only=frozenset(clause_only),
    )


@functools.cache
def default_cues() -> CueLexicon:
    """The built-in cue lexicon, read once on first use."""
    return load_cues()
