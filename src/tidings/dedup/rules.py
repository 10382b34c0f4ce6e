"""When two event mentions report the same real-world event (rules in docs/store.md).

Two mentions *link* when all of these hold:

1. **dyad**: the same source and target (actor codes compatible: equal, or
   one a prefix of the other within the same country, ``RUS`` ~ ``RUSGOV``;
   a missing actor goes with a country-less one such as ``---CVL``),
   or the reversed dyad when both codes are *reciprocal* (consult, meet,
   negotiate, sign an agreement, cooperate, fight: "A met B" = "B met A");
   in the violence class the government and the military of one country
   are one actor (``RUSGOV`` ~ ``RUSMIL``: a state uses force through both);
2. **code**: the same CAMEO root class (same root, or a documented
   equivalence: 18/19/20 are one "violence" class; 036 "express intent to
   meet" counts with 04 "consult");
3. **time**: their date intervals overlap (an interval that only comes from
   the publication date is widened by one day backwards: news reports
   yesterday's events); a mention with no date at all goes only with
   mentions of its own article;
4. **no conflict**: not two different known places (a country-level place
   only conflicts with a place in another country), not one prospective
   (future / intended / hypothetical, an intent code 03x, or a text date
   after the publication: :func:`prospective`) and one realised mention;
5. **same story**: either both mentions are *framed*, that is have a
   source and a target and a code that is not a bare statement or appeal
   (CAMEO 01, 02: what was said matters there, not who to whom), or their
   similarity reaches :data:`LINK_THRESHOLD`: the overlap of the evidence
   sentences' content words plus shared specifics (same place, shared
   numbers, same exact code, same text-derived date); two statements or
   appeals link only when their codes are equal (010 "confirmed that talks
   took place" and 011 "declined to comment" in one sentence are two acts);
6. **anonymous reports**: when neither mention names a country on either
   side (no actor, or only country-less ones such as ``---COP``), they
   also need the same known place (or the same sentence): without an
   actor, only where it happened identifies an event.

Every function here is pure and symmetric in its two mentions, so the links
do not depend on the order mentions arrive in.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from tidings.store.base import BlockKey, MentionRow

__all__ = [
    "CONTENT_ROOTS",
    "CONTENT_THRESHOLD",
    "LINK_THRESHOLD",
    "PROSPECTIVE",
    "RECIPROCAL_CODES",
    "ROOT_EQUIVALENCE",
    "Profile",
    "Specifics",
    "actors_compatible",
    "anonymous",
    "anonymous_apart",
    "block_key",
    "conflict",
    "dates_overlap",
    "dyad_compatible",
    "framed",
    "intervals_meet",
    "times_allow",
    "link_profiles",
    "link_score",
    "may_link",
    "place_key",
    "places_conflict",
    "profile_of",
    "prospective",
    "root_class",
    "similarity",
    "specifics_of",
]

#: Minimum :func:`similarity` for two compatible mentions to link.
LINK_THRESHOLD = 0.34

#: Content words two statements must share before the shorter report's share counts (below
#: it the plain overlap does: "the WHO said 20 were killed" and "... 263 have died" share one word).
MIN_SHARED_CONTENT = 3

#: Minimum :func:`similarity` for two statements or appeals (CAMEO 01, 02) to link: there the
#: word overlap is the share of the shorter report's content words found in the other.
CONTENT_THRESHOLD = 0.5

#: CAMEO codes whose dyad may be read either way round.
RECIPROCAL_CODES = frozenset(
    {
        "036",
        "040",
        "041",
        "042",
        "043",
        "044",
        "046",
        "050",
        "057",
        "060",
        "061",
        "062",
        "063",
        "064",
        "190",
        "193",
        "194",
    }
)

#: Root (or code prefix) -> class; roots not listed are their own class.
ROOT_EQUIVALENCE = {"18": "V", "19": "V", "20": "V", "036": "04"}

#: Roots whose events are told apart by what was said: they link on similar evidence only.
CONTENT_ROOTS = frozenset({"01", "02"})

#: Modalities of events that have not (yet) happened.
PROSPECTIVE = frozenset({"future", "intended", "hypothetical"})

_NEGATIVE = frozenset({"denied", "negated"})

# words, and numbers that stand alone (the 5 and 1 of "H5N1" are not counts)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'\u2019-]+|(?<![A-Za-z])\d[\d,.]*(?![A-Za-z])")
_NUMBER_WORDS = {
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "dozen": "12",
    "twenty": "20",
    "fifty": "50",
    "hundred": "100",
    "thousand": "1000",
}
# Function words and reporting verbs: they say nothing about which event it is.
_STOP = frozenset(
    """
    a about above after again against all also am an and any are as at be been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my no nor not now of off on once only or other our ours out over
    own same she should so some such than that the their theirs them then there these they this
    those through to too under until up very was we were what when where which while who whom
    why will with would you your yours said says say saying told tells according reported
    reports report reportedly statement added news spokesman spokeswoman official officials mr
    mrs ms last week day today yesterday monday tuesday wednesday thursday friday saturday
    sunday new one reporters journalists
    """.split()  # noqa: SIM905 - a word list reads better as text
)


def root_class(cameo: str) -> str:
    """The class of CAMEO codes that may describe the same event as ``cameo``."""
    for prefix in (cameo[:3], cameo[:2]):
        if prefix in ROOT_EQUIVALENCE:
            return ROOT_EQUIVALENCE[prefix]
    return cameo[:2]


def _country(code: str | None) -> str:
    """The country part of an actor code; "-" for none (no actor, or a country-less code such as ---CVL)."""
    if not code or code.startswith("---"):
        return "-"
    return code[:3].upper()


def block_key(m: MentionRow) -> BlockKey:
    """Mentions that can link share a block: unordered actor countries + root class."""
    a, b = sorted((_country(m.source_code), _country(m.target_code)))
    return BlockKey(actor_a=a, actor_b=b, root_class=root_class(m.cameo))


def actors_compatible(a: str | None, b: str | None) -> bool:
    """Equal codes, or one refines the other within one country (RUS ~ RUSGOV).

    A missing actor is compatible with another missing one and with a
    country-less one (``---CVL``: the coder found civilians but no country).
    """
    if a is None or b is None:
        other = b if a is None else a
        return other is None or other.startswith("---")
    a, b = a.upper(), b.upper()
    if a == b:
        return True
    return a[:3] == b[:3] and (a.startswith(b) or b.startswith(a))


#: Sectors through which a state uses force: in the violence class "Putin's invasion" (GOV)
#: and "Russian troops invaded" (MIL) are one actor.
STATE_FORCE_SECTORS = frozenset({"GOV", "MIL"})


def _force_compatible(a: str | None, b: str | None) -> bool:
    """In the violence class: compatible actors, or the government and the military of one country."""
    if actors_compatible(a, b):
        return True
    if not a or not b or a.startswith("---") or b.startswith("---"):
        return False
    a, b = a.upper(), b.upper()
    return a[:3] == b[:3] and a[3:6] in STATE_FORCE_SECTORS and b[3:6] in STATE_FORCE_SECTORS


def dyad_compatible(m: MentionRow, n: MentionRow) -> bool:
    same_actor = _force_compatible if root_class(m.cameo) == "V" and root_class(n.cameo) == "V" else actors_compatible
    if same_actor(m.source_code, n.source_code) and same_actor(m.target_code, n.target_code):
        return True
    if m.cameo[:3] in RECIPROCAL_CODES and n.cameo[:3] in RECIPROCAL_CODES:
        return same_actor(m.source_code, n.target_code) and same_actor(m.target_code, n.source_code)
    return False


def _interval(m: MentionRow) -> tuple[dt.date, dt.date] | None:
    start = m.date_start or m.date_end or m.article_date
    end = m.date_end or m.date_start or m.article_date
    if start is None or end is None:
        return None
    if m.date_source == "publication":
        start -= dt.timedelta(days=1)
    return start, end


def intervals_meet(a: tuple[dt.date, dt.date] | None, b: tuple[dt.date, dt.date] | None) -> bool:
    if a is None or b is None:
        return True
    return a[0] <= b[1] and b[0] <= a[1]


def dates_overlap(m: MentionRow, n: MentionRow) -> bool:
    """Whether the date intervals meet.  A mention with no date at all (no text date, no
    publication date) meets only the mentions of its own article: without a date nothing
    says two articles tell of the same happening."""
    return times_allow(_interval(m), _interval(n), m.article_id == n.article_id)


def times_allow(a: tuple[dt.date, dt.date] | None, b: tuple[dt.date, dt.date] | None, same_article: bool) -> bool:
    """Rule 3 on intervals: they meet, or one is unknown and both mentions are in one article."""
    if a is None or b is None:
        return same_article
    return intervals_meet(a, b)


@dataclass(frozen=True, slots=True)
class Specifics:
    """What a mention says concretely: its place, numbers and content words."""

    place: str | None
    numbers: frozenset[str]
    words: frozenset[str]
    #: the place's country, and whether the place is only a country (a country but no admin1: "Ukraine")
    country: str | None = None
    coarse: bool = False
    #: words of the mention's actor and speaker names: they identify the dyad (rule 1), so
    #: neither mention's names count as shared or unshared content
    names: frozenset[str] = frozenset()


def _stem(word: str) -> str:
    w = word.lower().replace("\u2019", "'").strip("'-")
    w = w.removesuffix("'s")
    for suffix in ("ings", "ing", "ers", "ies", "ied", "ed", "es", "ly", "s"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


# Words news uses for the same kind of happening, folded to one (after stemming).
_SYNONYMS = {
    w: head
    for head, words in {
        "attack": "attack strike struck hit bomb bombed shell shelled raid assault",
        "kill": "kill died dead death",
        "wound": "wound injur injured hurt",
        "talk": "talk negotiation negotiat discuss discussion meet met meeting conversation spoke contact communication call",
        "protest": "protest protester demonstrat demonstration rally marched march",
        "arrest": "arrest detain detained",
        "want": "want desir wish",
        "sanction": "sanction sanctioned",
        "ceasefire": "ceasefire truce",
        "criticiz": "criticiz condemn condemned denounc",
    }.items()
    for w in words.split()
}


def _actor_words(m: MentionRow) -> set[str]:
    out: set[str] = set()
    for text in (m.source_text, m.target_text, m.speaker_text):
        if text:
            out.update(_stem(w.lower()) for w in _WORD.findall(text))
    return out


def place_key(m: MentionRow) -> str | None:
    """The mention's known place: its GeoNames id, else its place name."""
    if m.geonameid is not None:
        return f"g{m.geonameid}"
    return m.place_name.casefold() if m.place_name else None


def specifics_of(m: MentionRow) -> Specifics:
    place = place_key(m)
    numbers: set[str] = set()
    words: set[str] = set()
    for tok in _WORD.findall(m.sentence):
        low = tok.lower()
        if tok[0].isdigit():
            digits = tok.replace(",", "").rstrip(".")
            if not (len(digits) == 4 and digits.startswith(("19", "20"))):  # a year is a date, not a count
                numbers.add(digits)
            continue
        if low in _NUMBER_WORDS:
            numbers.add(_NUMBER_WORDS[low])
            continue
        if low in _STOP or len(low) < 3:
            continue
        stem = _stem(low)
        words.add(_SYNONYMS.get(stem, _SYNONYMS.get(low, stem)))
    names = frozenset(_actor_words(m))
    return Specifics(
        place=place,
        numbers=frozenset(numbers),
        words=frozenset(words - names),
        names=names,
        country=m.place_country,
        coarse=place is not None and m.place_country is not None and m.place_admin1 is None,
    )


def places_conflict(sm: Specifics, sn: Specifics) -> bool:
    """Two different places, except that a country-level place ("Ukraine") only
    conflicts with places in another country."""
    if sm.place and sn.place and sm.place != sn.place:
        if not (sm.coarse or sn.coarse):
            return True
        if sm.country and sn.country and sm.country != sn.country:
            return True
    return False


def conflict(m: MentionRow, n: MentionRow, sm: Specifics, sn: Specifics) -> bool:
    """Evidence that two mentions are different events, whatever else they share:
    two places (:func:`places_conflict`), or one prospective and one realised."""
    return places_conflict(sm, sn) or prospective(m) != prospective(n)


def prospective(m: MentionRow) -> bool:
    """Whether the mention is of an event that has not happened yet.

    The modality says so (future, intended, hypothetical), or the code does (03x:
    an expressed intent is about a meeting or an aid to come, whether the coder
    read the expression as reported or the meeting as intended), or the date does
    (a text date wholly after the publication: "will meet next week").
    """
    if m.modality in PROSPECTIVE or m.cameo[:2] == "03":
        return True
    return m.date_source == "text" and m.date_start is not None and m.article_date is not None and m.date_start > m.article_date


def similarity(m: MentionRow, n: MentionRow, sm: Specifics, sn: Specifics) -> float:
    """Evidence overlap plus shared specifics; symmetric, in [0, 2].

    For statements and appeals (:data:`CONTENT_ROOTS`) only what was said
    counts: the same code and date say nothing there.
    """
    names = sm.names | sn.names
    a, b = sm.words - names, sn.words - names
    union = a | b
    content = m.cameo[:2] in CONTENT_ROOTS or n.cameo[:2] in CONTENT_ROOTS
    shared = len(a & b)
    if content and shared >= MIN_SHARED_CONTENT:
        # what was said: the share of the shorter report's words the other repeats (one
        # outlet quotes a statement in full, another in a clause), once a few words are shared
        score = shared / min(len(a), len(b))
    else:
        score = shared / len(union) if union else 0.0
    if m.sentence.strip() and m.sentence.strip() == n.sentence.strip():
        score += 1.0
    if sm.place and sm.place == sn.place:
        score += 0.5
    if sm.numbers & sn.numbers:
        score += 0.3
    if content:
        return min(score, 2.0)
    if m.cameo == n.cameo:
        score += 0.15
    if m.date_source == "text" and n.date_source == "text" and (m.date_start, m.date_end) == (n.date_start, n.date_end):
        score += 0.15
    if m.article_id == n.article_id and m.sentence_index == n.sentence_index:
        score += 0.5
    return min(score, 2.0)


def link_score(m: MentionRow, n: MentionRow, sm: Specifics, sn: Specifics) -> float | None:
    """The link strength of two mentions, or ``None`` when they cannot be one event."""
    if root_class(m.cameo) != root_class(n.cameo):
        return None
    if not dyad_compatible(m, n) or not dates_overlap(m, n) or conflict(m, n, sm, sn):
        return None
    return _story(m, n, sm, sn, framed(m) and framed(n), anonymous(m) and anonymous(n))


def anonymous(m: MentionRow) -> bool:
    """No country on either side: no actor, or only country-less ones (``---COP``)."""
    return _country(m.source_code) == "-" and _country(m.target_code) == "-"


def _story(m: MentionRow, n: MentionRow, sm: Specifics, sn: Specifics, both_framed: bool, both_anonymous: bool) -> float | None:
    """Rules 5 and 6: the link strength when the two tell the same story, else ``None``."""
    if both_anonymous and not (sm.place and sm.place == sn.place) and (m.article_id, m.sentence_index) != (n.article_id, n.sentence_index):
        return None  # without an actor only the place identifies an event: "police fired tear gas" anywhere
    if m.cameo[:2] in CONTENT_ROOTS:
        if m.cameo != n.cameo:
            return None  # what kind of statement it was is part of what was said: "confirmed ... but declined to comment"
    score = similarity(m, n, sm, sn)
    if m.cameo[:2] in CONTENT_ROOTS:
        return score if score >= CONTENT_THRESHOLD else None
    return score if score >= LINK_THRESHOLD or both_framed else None


@dataclass(frozen=True, slots=True)
class Profile:
    """A mention with the cheap parts of the rules computed once: its date
    interval, root class, block, whether it is prospective or framed.  Its
    :class:`Specifics` (the words: the costly part) are computed only for
    pairs that pass these (:func:`link_profiles`)."""

    mention: MentionRow
    interval: tuple[dt.date, dt.date] | None
    root_class: str
    block: BlockKey
    prospective: bool
    framed: bool
    #: rule 6: for a mention with no country on either side, its place (or ``None``); else ``None``
    anonymous: bool = False
    place: str | None = None

    @property
    def sentence_key(self) -> tuple[str, int]:
        return self.mention.article_id, self.mention.sentence_index


def profile_of(m: MentionRow) -> Profile:
    block = block_key(m)
    return Profile(
        mention=m,
        interval=_interval(m),
        root_class=root_class(m.cameo),
        block=block,
        prospective=prospective(m),
        framed=framed(m),
        anonymous=block.actor_a == block.actor_b == "-",
        place=place_key(m),
    )


def anonymous_apart(p: Profile, q: Profile) -> bool:
    """Rule 6 without the words: two anonymous mentions with no place in common, from two sentences."""
    return p.anonymous and q.anonymous and (p.place is None or p.place != q.place) and p.sentence_key != q.sentence_key


def may_link(p: Profile, q: Profile) -> bool:
    """Rules 1-3 and the modality half of rule 4, on profiles (no specifics needed)."""
    return (
        p.root_class == q.root_class
        and p.prospective == q.prospective
        and times_allow(p.interval, q.interval, p.mention.article_id == q.mention.article_id)
        and dyad_compatible(p.mention, q.mention)
    )


def link_profiles(p: Profile, q: Profile, sp: Specifics, sq: Specifics) -> float | None:
    """:func:`link_score` for two profiles that pass :func:`may_link` (the same value)."""
    if places_conflict(sp, sq):
        return None
    return _story(p.mention, q.mention, sp, sq, p.framed and q.framed, p.anonymous and q.anonymous)


def framed(m: MentionRow) -> bool:
    """A full dyad with a code that says what happened (not only that something was said)."""
    return bool(m.source_code and m.target_code) and m.cameo[:2] not in CONTENT_ROOTS


def is_negative(m: MentionRow) -> bool:
    return m.modality in _NEGATIVE
