"""Internal inconsistencies of an article: titles against dated roles, and
before/after statements against known dates.

* :func:`check_titles`: "former US President Donald Trump" in a report dated
  2025-02-10, when the person's dated roles (``roles(name)``, e.g. from
  actors/people.tsv through :func:`lexicon_roles`) say he holds that office on
  that day.
* :func:`check_order`: "This came before Russia's annexation of Crimea" when
  what "this" refers to is dated 2025 and the table of known events
  (``data/events/known_events.tsv``, :func:`load_known_events`) dates the
  annexation 2014-03-18.
* :func:`mark_known_background`: a nominal mention of a known past event
  ("before the Russian invasion of Ukraine") dated only by the publication
  date is background: its modality becomes "historical".

Rules and the table format are in docs/claims.md.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from ..errors import E_DICT_LINE
from ..lexicon.loader import LoadReport, data_dir, read_tsv
from ..types import BadRecord, DateInterval, Event, Timex
from .attribution import np_span

__all__ = [
    "DatedRole",
    "Finding",
    "KnownEvent",
    "check_order",
    "check_titles",
    "lexicon_roles",
    "load_known_events",
    "mark_known_background",
    "match_known",
]

KNOWN_HEADER = ("start", "end", "name", "match", "root", "actors", "notes")
FORMER = frozenset({"former", "ex", "ex-", "onetime", "one-time", "erstwhile"})
TITLES = frozenset(
    [
        "president",
        "premier",
        "chancellor",
        "minister",
        "secretary",
        "leader",
        "governor",
        "senator",
        "mayor",
        "king",
        "queen",
        "chairman",
        "chairwoman",
        "chair",
        "speaker",
        "ambassador",
        "commander",
        "chief",
        "prime",
    ]
)
#: relation words and whether the thing they order comes before (-1) or after (+1) the known event
RELATIONS = {
    "before": -1,
    "prior": -1,
    "preceding": -1,
    "ahead": -1,
    "after": 1,
    "since": 1,
    "following": 1,
}
#: days of slack when comparing dates
SLACK = 31
_WORD = re.compile(r"[\w'’-]+")
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those", "it", "which"})


@dataclass(frozen=True, slots=True)
class KnownEvent:
    start: dt.date
    end: dt.date | None
    name: str
    #: groups of alternatives; every group must match
    match: tuple[frozenset[str], ...]
    root: str | None
    actors: tuple[str, ...]
    origin: str | None = None
    #: the multi-word alternatives of each group, split off once (``match_known`` tests the
    #: one-word alternatives as a set); filled from ``match`` when left empty
    phrases: tuple[tuple[str, ...], ...] = ()

    def __post_init__(self) -> None:
        if not self.phrases:
            split = tuple(tuple(g for g in group if " " in g) for group in self.match)
            object.__setattr__(self, "phrases", split)

    @property
    def last(self) -> dt.date:
        return self.end or self.start


@dataclass(frozen=True, slots=True)
class DatedRole:
    """One office of a person, valid from ``start`` (inclusive) to ``end`` (exclusive)."""

    role: str
    start: dt.date | None
    end: dt.date | None

    def valid_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (
            self.end is None or day < self.end
        )


RoleLookup = Callable[[str], Sequence[DatedRole]]


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing `tidings check` reports, with its evidence in the article."""

    kind: str  # title-role | anachronism | contested | corroborated
    article_id: str
    sentence_index: int
    sentence: str
    #: character offsets of the phrase in the article
    start: int
    end: int
    message: str
    details: tuple[tuple[str, Any], ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "kind": self.kind,
            "article_id": self.article_id,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "message": self.message,
        }
        d.update(self.details)
        return d


# -- data ------------------------------------------------------------------------


def load_known_events(
    path: Path | None = None, *, report: LoadReport | None = None
) -> tuple[KnownEvent, ...]:
    """Read known_events.tsv (the built-in one when ``path`` is None); bad
    lines go to ``report.bad`` with file and line, the rest loads."""
    path = path or data_dir() / "events" / "known_events.tsv"
    report = report if report is not None else LoadReport()
    out: list[KnownEvent] = []
    for row in read_tsv(path, KNOWN_HEADER, report):
        try:
            start = dt.date.fromisoformat(row.get("start"))
            end = dt.date.fromisoformat(row.get("end")) if row.get("end") else None
        except ValueError as exc:
            report.bad.append(BadRecord(row.origin, E_DICT_LINE, f"bad date: {exc}"))
            continue
        groups = tuple(
            frozenset(w.strip().lower() for w in g.split("|") if w.strip())
            for g in row.get("match").split(";")
            if g.strip()
        )
        if not groups or not row.get("name"):
            report.bad.append(
                BadRecord(row.origin, E_DICT_LINE, "name and match are required")
            )
            continue
        out.append(
            KnownEvent(
                start,
                end,
                row.get("name"),
                groups,
                row.get("root") or None,
                row.list("actors"),
                row.origin,
            )
        )
    report.counts["known_events"] = len(out)
    return tuple(out)


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def _verb_stems(word: str) -> tuple[str, ...]:
    """Base forms a past or third-person verb may have ("invaded" -> "invade", "attacked" -> "attack")."""
    if word.endswith("ed") and len(word) > 4:
        return (word[:-1], word[:-2])
    if word.endswith("es") and len(word) > 4:
        return (word[:-1], word[:-2])
    return ()


def _group_hit(group: frozenset[str], phrases: tuple[str, ...], words: set[str], text: str) -> bool:
    # one-word alternatives as a set operation; phrases (never in ``words``) by substring
    return not group.isdisjoint(words) or any(p in text for p in phrases)


def match_known(
    text: str, known: Iterable[KnownEvent], *, lemmas: Iterable[str] = ()
) -> KnownEvent | None:
    """The known event a phrase names ("Russia's annexation of Crimea"), the
    most specific (most groups) when several do."""
    low = text.lower().replace("’", "'")
    words = _words(low) | {x.lower() for x in lemmas}
    words |= {f for w in words for f in _verb_stems(w)}  # "invaded" names an invasion too
    best: KnownEvent | None = None
    for k in known:
        if all(_group_hit(g, ph, words, low) for g, ph in zip(k.match, k.phrases)) and (
            best is None or len(k.match) > len(best.match)
        ):
            best = k
    return best


def lexicon_roles(lexicon: Any) -> RoleLookup:
    """A role lookup over the people of a loaded :class:`~tidings.lexicon.model.Lexicon`."""

    def roles(name: str) -> tuple[DatedRole, ...]:
        entry = lexicon.actors.get(name.lower())
        if entry is None or entry.kind != "person":
            return ()
        return tuple(DatedRole(c.role, c.start, c.end) for c in entry.codes if c.role)

    return roles


# -- titles ----------------------------------------------------------------------


def _title_tokens(former: Token) -> list[Token]:
    """The title words a "former" qualifies: "former US *President*", "ex-*prime minister*"."""
    head = former.head
    toks = [head] if head.lemma_.lower() in TITLES or head.lower_ in TITLES else []
    for child in head.children:
        if child.dep_ == "compound" and child.lower_ in TITLES and child.i > former.i:
            toks.append(child)
    return sorted(toks, key=lambda t: t.i)


def _person_of(title: Token) -> list[Token]:
    """Name tokens of the person a title belongs to."""
    tok = title
    while tok.dep_ == "compound" and tok.head.i != tok.i:
        tok = tok.head
    if tok.i == title.i and title.dep_ == "appos":
        tok = title.head
    elif tok.i == title.i and title.dep_ == "attr":
        subj = next((c for c in title.head.children if c.dep_ == "nsubj"), None)
        tok = subj if subj is not None else tok
    if tok.pos_ != "PROPN":
        return []
    names = [
        t
        for t in tok.subtree
        if t.ent_type_ == "PERSON" and (t.i == tok.i or t.head.i == tok.i)
    ]
    if not names:
        names = [
            t
            for t in tok.subtree
            if t.pos_ == "PROPN" and t.i > title.i and t.head.i == tok.i
        ] + [tok]
    return sorted(set(names), key=lambda t: t.i)


def _role_matches(title: str, role: str) -> bool:
    r = role.lower()
    words = title.lower().split()
    if not all(w in r for w in words):
        return False
    return "vice" in words or "vice president" not in r or "president" not in words


def check_titles(
    doc: Doc, *, article_id: str, pub_date: dt.date | None, roles: RoleLookup
) -> list[Finding]:
    """ "former <title> <name>" for a person who holds that office on the
    publication date."""
    if pub_date is None:
        return []
    out: list[Finding] = []
    sents = list(doc.sents)
    for s_index, sent in enumerate(sents):
        for tok in sent:
            if tok.lower_ not in FORMER and not tok.lower_.startswith("ex-"):
                continue
            titles = _title_tokens(tok)
            if not titles:
                continue
            names = _person_of(titles[-1])
            if not names:
                continue
            name = " ".join(t.text for t in names)
            title = " ".join(t.lower_ for t in titles)
            current = [
                r
                for r in roles(name)
                if _role_matches(title, r.role) and r.valid_on(pub_date)
            ]
            if not current:
                continue
            r = current[0]
            start = min(tok.idx, names[0].idx)
            end = max(names[-1].idx + len(names[-1]), titles[-1].idx + len(titles[-1]))
            phrase = doc.text[start:end]
            since = f" since {r.start.isoformat()}" if r.start else ""
            out.append(
                Finding(
                    "title-role",
                    article_id,
                    s_index,
                    sent.text,
                    start,
                    end,
                    f"“{phrase}” in a report dated {pub_date.isoformat()}, but {name} holds the office "
                    f"({r.role}){since}",
                    (
                        ("phrase", phrase),
                        ("person", name),
                        ("role", r.role),
                        ("role_start", r.start.isoformat() if r.start else None),
                        ("date", pub_date.isoformat()),
                    ),
                )
            )
    return out


# -- before / after --------------------------------------------------------------


def _relation(tok: Token) -> tuple[int, Token] | None:
    """(direction, object head) of "before X", "prior to X", "after X"."""
    low = tok.lower_
    if low not in RELATIONS:
        return None
    holder = tok
    if low in {"prior", "ahead"}:
        holder = next((c for c in tok.children if c.lower_ == "to"), None)
        if holder is None:
            return None
    obj = next((c for c in holder.children if c.dep_ in {"pobj", "dobj"}), None)
    return (RELATIONS[low], obj) if obj is not None else None


def _reference_dates(
    tok: Token,
    obj: Token,
    s_index: int,
    events: Sequence[Event],
    timexes: Sequence[Timex],
    pub_date: dt.date | None,
) -> list[tuple[dt.date, dt.date, str]]:
    """Dates of what is being ordered: explicit dates in the sentence outside
    the object, the events of the clause, or (for "This came before") the
    events of the previous sentence."""
    sent = tok.sent
    o0, o1 = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge)
    out: list[tuple[dt.date, dt.date, str]] = []
    for t in timexes:
        inside = (
            sent.start_char <= t.char_start < sent.end_char
            and not o0 <= t.char_start < o1
        )
        if t.kind == "date" and inside and t.interval_start:
            out.append(
                (t.interval_start, t.interval_end or t.interval_start, f"“{t.text}”")
            )
    if out:
        return out
    verb = tok.head
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    anaphoric = subj is not None and (
        subj.lower_ in _DEMONSTRATIVES
        or any(c.dep_ == "det" and c.lower_ in _DEMONSTRATIVES for c in subj.children)
    )
    pick = s_index - 1 if anaphoric else s_index
    for e in events:
        if (
            e.sentence_index == pick
            and e.date.start
            and not (o0 <= e.evidence.trigger_start < o1)
        ):
            if pick == s_index and e.date.source == "publication":
                continue
            out.append(
                (
                    e.date.start,
                    e.date.end or e.date.start,
                    f"event “{e.evidence.trigger}” of sentence {pick}",
                )
            )
    if not out and anaphoric and pub_date is not None:
        out.append((pub_date, pub_date, "the publication date"))
    return out


def check_order(
    doc: Doc,
    *,
    article_id: str,
    pub_date: dt.date | None,
    known: Sequence[KnownEvent],
    events: Sequence[Event] = (),
    timexes: Sequence[Timex] = (),
) -> list[Finding]:
    """ "X came before K" / "X happened after K" where K is a known dated event
    and every date X can have contradicts the order."""
    out: list[Finding] = []
    for s_index, sent in enumerate(doc.sents):
        for tok in sent:
            rel = _relation(tok)
            if rel is None:
                continue
            direction, obj = rel
            n0, n1 = np_span(obj)
            phrase_toks = list(doc[n0:n1])
            phrase = doc.text[
                phrase_toks[0].idx : phrase_toks[-1].idx + len(phrase_toks[-1])
            ]
            k = match_known(phrase, known, lemmas=(t.lemma_ for t in phrase_toks))
            if k is None:
                continue
            refs = _reference_dates(tok, obj, s_index, events, timexes, pub_date)
            if not refs:
                continue
            slack = dt.timedelta(days=SLACK)
            if direction < 0:
                wrong = all(r0 > k.last + slack for r0, _, _ in refs)
            else:
                wrong = all(r1 < k.start - slack for _, r1, _ in refs)
            if not wrong:
                continue
            r0 = min(r[0] for r in refs)
            r1 = max(r[1] for r in refs)
            word = "before" if direction < 0 else "after"
            start, end = tok.sent.start_char, tok.sent.end_char
            out.append(
                Finding(
                    "anachronism",
                    article_id,
                    s_index,
                    sent.text,
                    tok.idx,
                    phrase_toks[-1].idx + len(phrase_toks[-1]),
                    f"orders {refs[0][2]} ({r0.isoformat()}..{r1.isoformat()}) {word} {k.name} "
                    f"({k.start.isoformat()}), which contradicts the dates",
                    (
                        ("known_event", k.name),
                        ("known_date", k.start.isoformat()),
                        ("relation", word),
                        ("reference_start", r0.isoformat()),
                        ("reference_end", r1.isoformat()),
                        ("sentence_start", start),
                        ("sentence_end", end),
                    ),
                )
            )
    return out


# -- background mentions ------------------------------------------------------------


def mark_known_background(
    events: Iterable[Event],
    known: Sequence[KnownEvent],
    *,
    pub_date: dt.date | None,
    days: int = 365,
) -> list[Event]:
    """Events that name a known event more than ``days`` before publication
    ("the Russian invasion of Ukraine" in 2025) and carry only the
    publication date become "historical"."""
    out = []
    for e in events:
        if (
            pub_date is None
            or e.date.source != "publication"
            or e.modality in {"negated", "denied"}
        ):
            out.append(e)
            continue
        k = match_known(e.evidence.sentence, known)
        trig = e.evidence.trigger.lower()
        countries = {
            a.country or (a.code or "")[:3]
            for a in (e.source, e.target)
            if a is not None
        }
        if (
            k is not None
            and k.root == e.root
            and any(f in g for g in k.match for f in (trig, trig.rstrip("s"), *_verb_stems(trig)))
            and (
                not k.actors
                or countries <= set(k.actors)
                or countries & set(k.actors[:1])
            )
            and (pub_date - k.start).days > days
        ):
            # the mention names that event: its date is the event's, not the dateline's
            e = replace(e, modality="historical", date=DateInterval(
                start=k.start, end=k.start, granularity="day", text=k.name, source="known",
                value=k.start.isoformat()))
        out.append(e)
    return out
