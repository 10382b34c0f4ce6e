"""`tidings check`: contested and corroborated claims and internal
inconsistencies in a set of articles.

:func:`check_articles` codes each article, finds its confirming / denying /
reporting statements, links claims across sentences and articles, and runs
the title and before/after checks.  It returns a :class:`CheckResult`;
:func:`write_report` and :func:`write_jsonl` print it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import IO, Any, Protocol

from spacy.tokens import Doc, Span

from ..errors import E_CODING, TidingsError
from ..types import Actor, Article, BadRecord, Event
from .consistency import (
    Finding,
    KnownEvent,
    RoleLookup,
    check_order,
    check_titles,
    lexicon_roles,
    load_known_events,
    mark_known_background,
)
from .link import Claim, Statement, find_statements, link_claims

__all__ = [
    "ArticleCoder",
    "CheckResult",
    "check_articles",
    "claim_findings",
    "write_jsonl",
    "write_report",
]


class ArticleCoder(Protocol):
    """What check needs from :class:`tidings.coder.Coder`."""

    nlp: Any
    lexicon: Any

    def code_doc(self, article: Article, doc: Doc, *, link: bool = True) -> list[Event]: ...


@dataclass(frozen=True, slots=True)
class CheckResult:
    articles: int
    events: list[Event]
    claims: list[Claim]
    statements: list[Statement]
    findings: list[Finding]
    bad: list[BadRecord]


def _coder_speakers(
    coder: ArticleCoder, doc: Doc, article: Article
) -> Callable[[Span], Actor | None]:
    """Speaker resolution with the coder's actor resolver."""
    from ..coder.actors import ActorResolver

    resolver = ActorResolver(coder.index, doc, default_date=article.date)  # type: ignore[attr-defined]
    return lambda span: resolver.resolve(span.root, on=article.date)


def _lexicon_topics(lexicon: Any) -> Callable[[str], frozenset[str]]:
    """CAMEO roots a content word names, from the coder's noun and verb patterns."""

    def topics(lemma: str) -> frozenset[str]:
        roots = {p.code[:2] for p in lexicon.nouns.get(lemma, ())}
        roots |= {
            p.code[:2]
            for p in lexicon.verbs.get(lemma, ())
            if not p.objects and not p.xcomp
        }
        return frozenset(roots)

    return topics


def _timexes(text: str, date: dt.date | None) -> list:
    from ..resolve.dates import find_timexes

    return find_timexes(text, date)


def check_articles(
    articles: Iterable[Article | BadRecord],
    *,
    coder: ArticleCoder,
    known: Sequence[KnownEvent] | None = None,
    roles: RoleLookup | None = None,
    speakers: Callable[
        [ArticleCoder, Doc, Article], Callable[[Span], Actor | None]
    ] = _coder_speakers,
    timexes: Callable[[str, dt.date | None], list] = _timexes,
    batch_size: int = 32,
) -> CheckResult:
    """Code, link and check a set of articles (BadRecords are passed through
    into ``bad``; articles are parsed in batches of ``batch_size``).  ``known`` defaults to the built-in known events table,
    ``roles`` to the people of the coder's lexicon."""
    known = load_known_events() if known is None else known
    roles = roles or lexicon_roles(coder.lexicon)
    topics = _lexicon_topics(coder.lexicon)
    events: list[Event] = []
    statements: list[Statement] = []
    findings: list[Finding] = []
    bad: list[BadRecord] = []
    n = 0

    def good():
        for art in articles:
            if isinstance(art, BadRecord):
                bad.append(art)
            else:
                yield art.text, art

    for doc, art in coder.nlp.pipe(good(), as_tuples=True, batch_size=batch_size):
        n += 1
        try:
            evs, stmts, found = _one_article(
                art, doc, coder, known, roles, topics, speakers, timexes
            )
        except (TidingsError, ValueError, IndexError, KeyError) as exc:
            bad.append(
                BadRecord(art.origin or art.id, E_CODING, f"check failed: {exc!r}")
            )
            continue
        events += evs
        statements += stmts
        findings += found
    linked = link_claims(events, statements)
    findings = claim_findings(linked.claims) + findings
    return CheckResult(n, linked.events, linked.claims, statements, findings, bad)


def _one_article(art, doc, coder, known, roles, topics, speakers, timexes):
    """Events (with known background marked), statements and consistency
    findings of one parsed article."""
    evs = mark_known_background(coder.code_doc(art, doc, link=False), known, pub_date=art.date)
    stmts = find_statements(
        doc,
        article_id=art.id,
        resolve_actor=speakers(coder, doc, art),
        topics=topics,
        date=art.date,
    )
    found = check_titles(doc, article_id=art.id, pub_date=art.date, roles=roles)
    found += check_order(
        doc,
        article_id=art.id,
        pub_date=art.date,
        known=known,
        events=evs,
        timexes=timexes(art.text, art.date),
    )
    return evs, stmts, found


def _party(p) -> str:
    code = f" ({p.code})" if p.code else ""
    via = f", {p.outlet}" if p.outlet else ""
    cue = f" [{p.cue}{via}]" if p.cue else ""
    return f"{p.name}{code}{cue} in {p.article_id} sentence {p.sentence_index}"


def claim_findings(claims: Iterable[Claim]) -> list[Finding]:
    """A finding for each contested or corroborated claim."""
    out: list[Finding] = []
    for c in claims:
        if c.status not in {"contested", "corroborated"}:
            continue
        art, s_index, sentence, t0, t1 = c.mentions[0]
        who = (
            "; ".join(_party(p) for p in c.asserted_by)
            or "a claim (reports, allegations)"
        )
        if c.status == "contested":
            msg = (
                f"CAMEO {c.root} {c.dyad[0]}->{c.dyad[1]} asserted by {who}; denied by "
                + "; ".join(_party(p) for p in c.denied_by)
            )
        elif c.confirmed_by:
            msg = (
                f"CAMEO {c.root} {c.dyad[0]}->{c.dyad[1]} asserted by {who}; confirmed by "
                + "; ".join(_party(p) for p in c.confirmed_by)
            )
        else:
            msg = f"CAMEO {c.root} {c.dyad[0]}->{c.dyad[1]} asserted by several parties: {who}"
        out.append(
            Finding(
                c.status, art, s_index, sentence, t0, t1, msg, (("claim", c.to_dict()),)
            )
        )
    return out


def write_jsonl(result: CheckResult, stream: IO[str]) -> None:
    """One JSON object per finding, with its evidence."""
    for f in result.findings:
        stream.write(json.dumps(f.to_dict(), ensure_ascii=False) + "\n")


def write_report(result: CheckResult, stream: IO[str]) -> None:
    """A readable report grouped by kind of finding."""
    titles = {
        "contested": "Contested claims (asserted or reported by one party, denied by another)",
        "corroborated": "Corroborated claims (confirmed by a second party)",
        "title-role": "Titles that contradict dated roles",
        "anachronism": "Before/after statements that contradict known dates",
    }
    w = stream.write
    w(
        f"tidings check: {result.articles} article(s), {len(result.events)} event(s), {len(result.claims)} claim(s)\n"
    )
    for kind, title in titles.items():
        found = [f for f in result.findings if f.kind == kind]
        w(f"\n== {title}: {len(found)}\n")
        for f in found:
            w(
                f"\n- [{f.article_id} sentence {f.sentence_index}, chars {f.start}-{f.end}] {f.message}\n"
            )
            w(f"  > {f.sentence.strip()}\n")
            if kind in {"contested", "corroborated"}:
                claim = dict(f.details)["claim"]
                for p in claim["denied_by"] + claim["confirmed_by"]:
                    if p.get("sentence") and p["sentence"] != f.sentence:
                        w(f"  > {p['sentence'].strip()}\n")
    if result.bad:
        w(f"\n{len(result.bad)} record(s) skipped\n")
