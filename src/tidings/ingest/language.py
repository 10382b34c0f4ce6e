"""A cheap English detector: the share of common English function words.

English running text has roughly 25-50 % of its word tokens among the ~100
frequent function words below; French, German, Spanish, Italian, Portuguese or
Dutch news has few of them and more of its own function words (second list),
and scripts other than Latin have (almost) none.  A text is English when at
least :data:`MIN_RATIO` of its first 2,000 words are English function words
and they outnumber the other languages' ones.  Texts shorter than
:data:`MIN_WORDS` words are accepted (too short to judge: headlines, captions).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from tidings.errors import E_LANGUAGE
from tidings.types import Article, BadRecord

__all__ = ["MIN_RATIO", "MIN_WORDS", "LanguageVerdict", "check_english", "english_ratio"]

MIN_WORDS = 12
MIN_RATIO = 0.08
_SAMPLE = 2000

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

_ENGLISH = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "a",
        "in",
        "is",
        "that",
        "for",
        "it",
        "was",
        "on",
        "with",
        "as",
        "he",
        "be",
        "by",
        "at",
        "from",
        "his",
        "an",
        "have",
        "are",
        "or",
        "not",
        "this",
        "but",
        "had",
        "they",
        "which",
        "were",
        "has",
        "been",
        "their",
        "said",
        "will",
        "its",
        "who",
        "one",
        "would",
        "all",
        "we",
        "there",
        "more",
        "her",
        "after",
        "also",
        "can",
        "when",
        "than",
        "she",
        "about",
        "up",
        "out",
        "into",
        "them",
        "two",
        "other",
        "new",
        "over",
        "some",
        "if",
        "what",
        "only",
        "our",
        "first",
        "years",
        "could",
        "people",
        "so",
        "no",
        "him",
        "year",
        "most",
        "time",
        "these",
        "last",
        "may",
        "should",
        "because",
        "while",
        "before",
        "where",
        "just",
        "any",
        "being",
        "those",
        "such",
        "under",
        "between",
        "both",
        "then",
        "now",
        "us",
        "did",
        "does",
        "do",
        "how",
        "many",
        "through",
        "against",
        "during",
        "off",
        "my",
        "your",
        "you",
        "me",
        "i",
        "each",
        "very",
        "own",
        "same",
        "here",
        "again",
        "until",
        "while",
        "why",
        "own",
        "down",
        "further",
        "once",
        "above",
        "below",
        "until",
    ]
)


# Function words of other Latin-script news languages (fr, de, es, it, pt, nl), none of them English words.
_OTHER = frozenset(
    [
        "le",
        "la",
        "les",
        "des",
        "du",
        "et",
        "une",
        "est",
        "dans",
        "pour",
        "pas",
        "qui",
        "sur",
        "sont",
        "avec",
        "ont",
        "aux",
        "cette",
        "leur",
        "été",
        "ces",
        "der",
        "die",
        "das",
        "und",
        "den",
        "dem",
        "ist",
        "nicht",
        "sich",
        "mit",
        "auch",
        "auf",
        "eine",
        "einer",
        "sie",
        "ein",
        "zu",
        "von",
        "wird",
        "werden",
        "nach",
        "bei",
        "el",
        "los",
        "las",
        "del",
        "que",
        "y",
        "por",
        "con",
        "una",
        "para",
        "como",
        "pero",
        "sus",
        "más",
        "fue",
        "está",
        "son",
        "entre",
        "también",
        "sobre",
        "il",
        "di",
        "che",
        "della",
        "per",
        "non",
        "sono",
        "nel",
        "alla",
        "anche",
        "gli",
        "questo",
        "dei",
        "delle",
        "con",
        "è",
        "da",
        "não",
        "em",
        "os",
        "uma",
        "dos",
        "das",
        "ao",
        "pelo",
        "pela",
        "seu",
        "sua",
        "foi",
        "são",
        "ele",
        "mais",
        "het",
        "een",
        "van",
        "zijn",
        "niet",
        "voor",
        "ook",
        "wordt",
        "aan",
        "bij",
        "naar",
        "heeft",
        "dat",
        "deze",
    ]
)


@dataclass(frozen=True, slots=True)
class LanguageVerdict:
    english: bool
    ratio: float
    words: int
    reason: str


def english_ratio(text: str) -> tuple[float, int]:
    """Share of English function words among the first words of ``text``, and the word count."""
    ratio, _, n = _ratios(text)
    return ratio, n


def _ratios(text: str) -> tuple[float, float, int]:
    words = [w.lower() for w in _WORD.findall(text[:40_000])[:_SAMPLE]]
    if not words:
        return 0.0, 0.0, 0
    english = sum(1 for w in words if w in _ENGLISH)
    other = sum(1 for w in words if w in _OTHER)
    return english / len(words), other / len(words), len(words)


def check_english(text: str, *, min_ratio: float = MIN_RATIO) -> LanguageVerdict:
    """Whether ``text`` reads as English, with a reason fit for a bad-record report."""
    ratio, other, n = _ratios(text)
    letters = [c for c in text[:20_000] if c.isalpha()]
    latin = sum(1 for c in letters if c.isascii())
    if len(letters) >= 20 and latin / len(letters) < 0.5:
        return LanguageVerdict(False, ratio, n, f"not English: only {latin / len(letters):.0%} of letters are Latin")
    if n < MIN_WORDS:
        return LanguageVerdict(True, ratio, n, f"too short to judge ({n} words)")
    if ratio >= min_ratio and ratio > other:
        return LanguageVerdict(True, ratio, n, f"English function words {ratio:.0%}")
    return LanguageVerdict(
        False,
        ratio,
        n,
        f"not English: {ratio:.0%} of {n} words are common English function words"
        f" (need {min_ratio:.0%}), {other:.0%} are French/German/Spanish/Italian/Portuguese/Dutch ones",
    )


def screen_language(records: Iterable[Article | BadRecord]) -> Iterator[Article | BadRecord]:
    """The records with texts that do not read as English turned into bad records (E106)."""
    for rec in records:
        if isinstance(rec, Article):
            verdict = check_english(rec.text)
            if not verdict.english:
                yield BadRecord(rec.origin or rec.id, E_LANGUAGE, verdict.reason)
                continue
        yield rec
