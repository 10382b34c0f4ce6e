"""Claims across sentences and articles: who asserts, confirms or denies what.

Two steps:

1. :func:`find_statements` reads a parsed article for reporting, confirming and
   denying words (the cue lexicon) and returns :class:`Statement` records: who
   spoke, what kind of stance, and what it is about: a content clause ("confirmed
   that multiple communications have taken place"), an anaphor ("denied *these
   claims*", "dismissed *the report*") or both.
2. :func:`link_claims` groups coded events into :class:`Claim` records (same
   trigger; or same dyad, same CAMEO root and overlapping dates, within and
   across articles), attaches each confirmation and denial to the claims it
   refers to, and returns the events updated with ``claim_status`` (and
   ``modality`` confirmed / denied), plus the claims.

Rules are in docs/claims.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any


from ..types import Actor, Event, content_hash
from .statements import CLAIM_NOUNS, PRONOUNS, STRONG, Statement, find_statements  # noqa: F401 (re-exported)

__all__ = [
    "Claim",
    "LinkResult",
    "Party",
    "Statement",
    "find_statements",
    "link_claims",
]

#: sentences back a stance may reach for what it refers to
WINDOW = 4
#: roots where X-Y and Y-X are the same event ("talks between")
RECIPROCAL = frozenset({"03", "04", "05", "06", "08"})
#: modalities of events that can be claims (past or present facts)
CLAIMABLE = frozenset({"asserted", "reported", "confirmed", "denied"})


@dataclass(frozen=True, slots=True)
class Party:
    """Someone who asserts, confirms or denies a claim, with where they do."""

    name: str
    code: str | None
    article_id: str
    sentence_index: int
    cue: str | None = None
    outlet: str | None = None
    sentence: str | None = None
    start: int | None = None
    end: int | None = None

    @property
    def key(self) -> str:
        return (self.code or self.name).lower()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "code": self.code,
            "article_id": self.article_id,
            "sentence_index": self.sentence_index,
            "cue": self.cue,
            "outlet": self.outlet,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Claim:
    """One claimed event, possibly mentioned in several sentences and articles."""

    claim_id: str
    event_ids: tuple[str, ...]
    root: str
    dyad: tuple[str | None, str | None]
    asserted_by: tuple[Party, ...]
    confirmed_by: tuple[Party, ...]
    denied_by: tuple[Party, ...]
    #: contested | corroborated | single-source
    status: str
    #: (article_id, sentence_index, sentence, trigger_start, trigger_end) of each mention
    mentions: tuple[tuple[str, int, str, int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim_id": self.claim_id,
            "event_ids": list(self.event_ids),
            "root": self.root,
            "dyad": list(self.dyad),
            "asserted_by": [p.to_dict() for p in self.asserted_by],
            "confirmed_by": [p.to_dict() for p in self.confirmed_by],
            "denied_by": [p.to_dict() for p in self.denied_by],
            "status": self.status,
            "mentions": [
                {
                    "article_id": a,
                    "sentence_index": s,
                    "sentence": t,
                    "trigger_start": ts,
                    "trigger_end": te,
                }
                for a, s, t, ts, te in self.mentions
            ],
        }


@dataclass(frozen=True, slots=True)
class LinkResult:
    events: list[Event]
    claims: list[Claim]
    #: which statements attached to which claims: (statement, claim_id)
    links: tuple[tuple[Statement, str], ...] = field(default=())


# -- statements ------------------------------------------------------------------


def _dyad(e: Event) -> tuple[str | None, str | None]:
    s = e.source.code if e.source else None
    t = e.target.code if e.target else None
    if e.root in RECIPROCAL and s and t and t < s:
        return t, s
    return s, t


def _overlap(a: Event, b: Event, slack: int = 1) -> bool:
    a0, a1 = a.date.start, a.date.end or a.date.start
    b0, b1 = b.date.start, b.date.end or b.date.start
    if a0 is None or b0 is None:
        return False
    pad = dt.timedelta(days=slack)
    return a0 - pad <= (b1 or b0) and b0 - pad <= (a1 or a0)


def compatible(a: Event, b: Event) -> bool:
    """Same claimed event: same CAMEO root, same dyad, overlapping dates.

    A date that only repeats the publication date is weak evidence: two
    mentions of the same article dated that way must also be within
    :data:`WINDOW` sentences of each other."""
    if (
        a.root != b.root
        or _dyad(a) != _dyad(b)
        or None in _dyad(a)
        or not _overlap(a, b)
    ):
        return False
    weak = a.date.source == "publication" or b.date.source == "publication"
    if weak and a.article_id == b.article_id:
        return abs(a.sentence_index - b.sentence_index) <= WINDOW
    return True


class _Groups:
    """Union-find over event indices (local to one link_claims call)."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def _party(
    speaker: Actor | None,
    fallback: str,
    where: Event | Statement,
    cue: str | None,
    outlet: str | None,
    start: int | None,
    end: int | None,
) -> Party:
    name = (speaker.name or speaker.text) if speaker else fallback
    code = speaker.code if speaker else None
    return Party(
        name,
        code,
        where.article_id,
        where.sentence_index,
        cue,
        outlet,
        _sentence(where),
        start,
        end,
    )


def _sentence(x: Event | Statement) -> str:
    return x.evidence.sentence if isinstance(x, Event) else x.sentence


def _asserting_party(e: Event) -> Party:
    at = e.attribution
    if at is not None and (at.speaker is not None or at.outlet):
        sp = at.speaker
        return _party(
            sp,
            at.outlet or "",
            e,
            at.cue,
            at.outlet,
            sp.start if sp else None,
            sp.end if sp else None,
        )
    return _party(None, f"article {e.article_id}", e, None, None, None, None)


def _stance_party(st: Statement) -> Party:
    return _party(
        st.speaker,
        st.outlet or "unnamed",
        st,
        st.cue,
        st.outlet,
        st.cue_start,
        st.cue_end,
    )


def _targets(st: Statement, events: Sequence[Event], mine: Sequence[int]) -> list[int]:
    """Indices of the claim events a statement refers to (``mine``: the
    indices of the events of the statement's article)."""
    if st.content_start is not None and not st.anaphoric:
        inside = [
            i
            for i in mine
            if st.content_start
            <= events[i].evidence.trigger_start
            < (st.content_end or 0)
            and not events[i].root.startswith("01")
        ]
        if inside:
            return inside
    before = [
        i
        for i in mine
        if st.sentence_index - WINDOW <= events[i].sentence_index <= st.sentence_index
        and events[i].evidence.trigger_start < st.cue_start
        and events[i].modality in CLAIMABLE
        and not events[i].root.startswith("01")
        and not (
            st.content_start is not None
            and st.content_start
            <= events[i].evidence.trigger_start
            < (st.content_end or 0)
        )
    ]
    spk = (st.speaker.code or st.speaker.text).lower() if st.speaker else None
    before = [i for i in before if _asserting_party(events[i]).key != spk]
    if st.anaphoric:
        if not before:
            return []
        nearest = max(events[i].sentence_index for i in before)
        return [
            i
            for i in before
            if events[i].sentence_index == nearest and events[i].modality != "asserted"
        ] or [i for i in before if events[i].sentence_index == nearest]
    if st.topics:
        return [
            i
            for i in before
            if events[i].root in st.topics and _same_agents(st, events[i])
        ]
    return []


def _same_agents(st: Statement, e: Event) -> bool:
    """A topical stance whose content names its own subject ("reports that the
    South Ossetians agreed ...") is about a claim of those actors only."""
    if not st.agents:
        return True
    words = set()
    for a in (e.source, e.target):
        if a is not None:
            words |= {
                w.lower().strip("’'s") for w in f"{a.text} {a.name or ''}".split()
            }
    return any(g.strip("’'s") in words for g in st.agents)


def link_claims(
    events: Iterable[Event], statements: Iterable[Statement] = ()
) -> LinkResult:
    """Group events into claims and attach confirmations and denials.

    Returns the events (same order) with ``claim_status`` set on every claim
    event, ``modality`` turned to "denied" or "confirmed" when a second party
    denies or confirms an asserted or reported event, and the outlet of a
    hedged report filled from the same speaker's named outlet in the article.
    """
    evs = list(events)
    stmts = [s for s in statements if s.kind in {"confirm", "deny"} and not s.negated]
    reports = [s for s in statements if s.kind == "report" and s.outlet]
    groups = _Groups(len(evs))
    claimable = [i for i, e in enumerate(evs) if not e.root.startswith("01")]
    _group(evs, claimable, groups)
    by_article: dict[str, list[int]] = {}
    for i, e in enumerate(evs):
        by_article.setdefault(e.article_id, []).append(i)
    reports_by_article: dict[str, list[Statement]] = {}
    for st in reports:
        reports_by_article.setdefault(st.article_id, []).append(st)
    confirmed: dict[int, list[Party]] = {}
    denied: dict[int, list[Party]] = {}
    links: list[tuple[Statement, int]] = []
    about_claim: dict[int, bool] = {}
    for st in stmts:
        for i in _targets(st, evs, by_article.get(st.article_id, [])):
            root = groups.find(i)
            bucket = denied if st.kind == "deny" else confirmed
            party = _stance_party(st)
            if all(
                p.key != party.key or p.sentence_index != party.sentence_index
                for p in bucket.get(root, [])
            ):
                bucket.setdefault(root, []).append(party)
            links.append((st, root))
            if st.kind == "deny" and st.about_claim:
                about_claim[root] = True
    members: dict[int, list[int]] = {}
    for i in claimable:
        members.setdefault(groups.find(i), []).append(i)
    claims: list[Claim] = []
    status_of: dict[int, str] = {}
    for root, idx in members.items():
        # a mention inside a denial or confirmation is that party's stance, not an assertion
        asserted = _unique_parties(
            _asserting_party(evs[i])
            for i in idx
            if evs[i].modality not in {"denied", "confirmed"}
        )
        conf, den = confirmed.get(root, []), denied.get(root, [])
        asserting_keys = {p.key for p in asserted}
        if den and (asserted or about_claim.get(root)):
            status = "contested"
        elif (asserted and any(p.key not in asserting_keys for p in conf)) or len(
            asserting_keys
        ) > 1:
            status = "corroborated"
        else:
            status = "single-source"
        status_of[root] = status
        first = evs[idx[0]]
        claims.append(
            Claim(
                claim_id=content_hash("claim", *sorted(evs[i].event_id for i in idx)),
                event_ids=tuple(evs[i].event_id for i in idx),
                root=first.root,
                dyad=(
                    first.source.code if first.source else None,
                    first.target.code if first.target else None,
                ),
                asserted_by=asserted,
                confirmed_by=tuple(conf),
                denied_by=tuple(den),
                status=status,
                mentions=tuple(
                    dict.fromkeys(
                        (
                            evs[i].article_id,
                            evs[i].sentence_index,
                            evs[i].evidence.sentence,
                            evs[i].evidence.trigger_start,
                            evs[i].evidence.trigger_end,
                        )
                        for i in idx
                    )
                ),
            )
        )
    out: list[Event] = []
    for i, e in enumerate(evs):
        if i not in claimable:
            out.append(e)
            continue
        root = groups.find(i)
        modality = e.modality
        if modality in {"asserted", "reported"}:
            if denied.get(root):
                modality = "denied"
            elif confirmed.get(root):
                modality = "confirmed"
        out.append(
            replace(
                e,
                modality=modality,
                claim_status=status_of[root],
                attribution=_with_outlet(e, reports_by_article.get(e.article_id, [])),
            )
        )
    by_root = {r: c.claim_id for r, c in zip(members, claims)}
    return LinkResult(
        events=out, claims=claims, links=tuple((st, by_root[r]) for st, r in links)
    )


def _group(evs: list[Event], claimable: list[int], groups: _Groups) -> None:
    """Union mentions of one trigger, and compatible claims (compared only
    within buckets of the same root and dyad, so this stays near-linear)."""
    by_mention: dict[tuple[str, int], int] = {}
    buckets: dict[tuple[str, tuple[str | None, str | None]], list[int]] = {}
    for i in claimable:
        e = evs[i]
        key = (e.article_id, e.evidence.trigger_start)
        if key in by_mention:
            groups.union(by_mention[key], i)
        else:
            by_mention[key] = i
        if e.modality in CLAIMABLE and None not in _dyad(e):
            buckets.setdefault((e.root, _dyad(e)), []).append(i)
    for members in buckets.values():
        for n, i in enumerate(members):
            for j in members[n + 1 :]:
                if compatible(evs[i], evs[j]):
                    groups.union(i, j)


def _unique_parties(parties: Iterable[Party]) -> tuple[Party, ...]:
    seen: dict[tuple[str, str], Party] = {}
    for p in parties:
        seen.setdefault((p.key, p.article_id), p)
    return tuple(seen.values())


def _with_outlet(e: Event, reports: list[Statement]):
    """A hedged report ("reportedly admitted") with no outlet takes the outlet
    its speaker named elsewhere in the article ("shared with the New York Post")."""
    at = e.attribution
    if at is None or at.outlet or at.speaker is None or not e.hedged:
        return at
    key = (at.speaker.code, (at.speaker.name or at.speaker.text).split()[-1].lower())
    for st in reports:
        if st.article_id != e.article_id or st.speaker is None:
            continue
        if (
            st.speaker.code,
            (st.speaker.name or st.speaker.text).split()[-1].lower(),
        ) == key:
            return replace(at, outlet=st.outlet)
    return at
