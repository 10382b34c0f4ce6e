"""Score the coder against gold event data.

Two kinds of gold file are read:

* PETRARCH/TABARI validation XML (``<Sentence id date>`` with
  ``<EventCoding sourcecode targetcode eventcode>`` and ``<Text>``): CAMEO
  triples, scored as micro precision / recall / F1 on exact
  (source, target, code) triples, on root-code triples, on codes alone and on
  dyads alone, with multiset matching inside each record, plus the number of
  records whose triple set is exactly right;
* a CSV with columns ``id,text,label,source,target`` (PLOVER label of the main
  event): top-1 accuracy and macro-F1 of the first event emitted for a
  sentence, recall of the label among all emitted types, type precision,
  coverage (sentences with any event) and source/target text overlap of the
  first event whose type matches.  Where the gold uses the older label YIELD,
  emitted CONCEDE and RETREAT count as YIELD.

The definitions are those of the shared scorer (``../shared/tools/score_events.py``);
a test checks that both give the same numbers.  Several validation files are
not well-formed XML, so they are read with regular expressions, like the
shared scorer does.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from .errors import E_JSON, InputError
from .types import Actor, Article, Event

__all__ = [
    "PRF",
    "CameoScores",
    "EvalReport",
    "EventCoder",
    "GoldRecord",
    "PloverScores",
    "SystemEvent",
    "evaluate",
    "gold_articles",
    "read_events_jsonl",
    "read_gold",
    "score",
    "score_file",
]

Triple = tuple[str, str, str]


class EventCoder(Protocol):
    """What :func:`evaluate` needs from a coder (``tidings.coder.Coder`` has it)."""

    def code_articles(
        self, articles: Iterable[Article], *, batch_size: int = 64
    ) -> Iterator[tuple[Article, list[Event]]]: ...


@dataclass(frozen=True, slots=True)
class GoldRecord:
    """One gold sentence: CAMEO triples (XML gold) or a PLOVER label (CSV gold)."""

    id: str
    text: str
    date: dt.date | None = None
    events: tuple[Triple, ...] = ()
    noevents: bool = False
    category: str | None = None
    label: str | None = None
    source: str = ""
    target: str = ""


@dataclass(frozen=True, slots=True)
class SystemEvent:
    """The parts of a coded event that scoring looks at."""

    source_code: str = ""
    target_code: str = ""
    cameo: str = ""
    plover: str = ""
    source_text: str = ""
    target_text: str = ""

    @property
    def triple(self) -> Triple:
        return (self.source_code, self.target_code, self.cameo)

    @classmethod
    def from_event(cls, ev: Event) -> SystemEvent:
        return cls(
            source_code=_actor_code(ev.source),
            target_code=_actor_code(ev.target),
            cameo=str(ev.cameo or ""),
            plover=(ev.plover_event or "").upper(),
            source_text=_actor_text(ev.source),
            target_text=_actor_text(ev.target),
        )

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> SystemEvent:
        """From one line of events JSONL (``Event.to_dict`` shape or a bare one)."""
        p = d.get("plover")
        if isinstance(p, dict):
            p = p.get("event") or p.get("type")
        return cls(
            source_code=_json_code(d.get("source")),
            target_code=_json_code(d.get("target")),
            cameo=str(d.get("cameo", d.get("code", ""))),
            plover=(p or "").upper(),
            source_text=_json_text(d.get("source")),
            target_text=_json_text(d.get("target")),
        )


def _actor_code(a: Actor | None) -> str:
    return (a.code or "") if a is not None else ""


def _actor_text(a: Actor | None) -> str:
    return (a.text or a.name or "") if a is not None else ""


def _json_code(a: Any) -> str:
    if isinstance(a, dict):
        return a.get("code") or ""
    return a or ""


def _json_text(a: Any) -> str:
    if isinstance(a, dict):
        return a.get("text") or a.get("name") or ""
    return a or ""


# ----------------------------------------------------------------- gold files

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SENT = re.compile(r"<Sentence\b([^>]*?)(/?)>")
_ATTR = re.compile(r"([A-Za-z_]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_CODING = re.compile(r"<EventCoding\b([^>]*?)/?>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.DOTALL)


def _attrs(s: str) -> dict[str, str]:
    return {m.group(1): m.group(2) if m.group(2) is not None else m.group(3) for m in _ATTR.finditer(s)}


def read_petrarch_xml(path: Path) -> list[GoldRecord]:
    """Records of a PETRARCH/TABARI validation file (duplicate ids get ``#2``...)."""
    raw = _COMMENT.sub(" ", Path(path).read_text(encoding="utf-8"))
    starts = list(_SENT.finditer(raw))
    out: list[GoldRecord] = []
    seen: Counter[str] = Counter()
    for k, m in enumerate(starts):
        end = starts[k + 1].start() if k + 1 < len(starts) else len(raw)
        body = raw[m.end() : end].split("</Sentences>")[0]
        a = _attrs(m.group(1))
        text = _TEXT.search(body)
        events: list[Triple] = []
        noevents = False
        for e in _CODING.finditer(body):
            ea = _attrs(e.group(1))
            if ea.get("noevents", "").lower() == "true":
                noevents = True
            else:
                events.append(
                    (
                        ea.get("sourcecode", ""),
                        ea.get("targetcode", ""),
                        ea.get("eventcode", ""),
                    )
                )
        rid = a.get("id", f"rec{k}")
        seen[rid] += 1
        if seen[rid] > 1:
            rid = f"{rid}#{seen[rid]}"
        d = a.get("date", "")
        date = None
        if re.fullmatch(r"\d{8}", d):
            try:
                date = dt.date(int(d[:4]), int(d[4:6]), int(d[6:8]))
            except ValueError:
                date = None
        out.append(
            GoldRecord(
                id=rid,
                text=" ".join(html.unescape(text.group(1)).split()) if text else "",
                date=date,
                events=tuple(events),
                noevents=noevents,
                category=a.get("category"),
            )
        )
    return out


def read_plover_csv(path: Path) -> list[GoldRecord]:
    out: list[GoldRecord] = []
    with open(path, encoding="utf-8", newline="") as f:
        for i, row in enumerate(csv.DictReader(f)):
            if row.get("text") is None or row.get("label") is None:
                raise InputError(
                    f"{path}:{i + 2}: needs the columns id,text,label,source,target",
                    code="E105",
                )
            date = None
            if row.get("date"):
                try:
                    date = dt.date.fromisoformat(row["date"][:10])
                except ValueError:
                    date = None
            out.append(
                GoldRecord(
                    id=row.get("id") or f"plv{i}",
                    text=row["text"],
                    date=date,
                    label=row["label"].strip().upper(),
                    source=row.get("source") or "",
                    target=row.get("target") or "",
                )
            )
    return out


def read_gold(path: str | Path) -> tuple[str, list[GoldRecord]]:
    """``("plover", records)`` for a ``.csv`` file, else ``("cameo", records)``."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"gold file {p} not found", code="E100", hint="give the path of a gold file")
    if str(p).endswith(".csv"):
        return "plover", read_plover_csv(p)
    return "cameo", read_petrarch_xml(p)


def gold_articles(records: Iterable[GoldRecord], *, origin: str | None = None) -> list[Article]:
    """The coder input for the gold records: one article per record, same id."""
    return [Article(id=r.id, text=r.text, date=r.date, origin=origin) for r in records]


def read_events_jsonl(path: str | Path) -> dict[str, list[SystemEvent]]:
    """Events JSONL (one event per line, in order) grouped by ``article_id``."""
    by_id: dict[str, list[SystemEvent]] = defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                d = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{n}: not JSON ({exc.msg})", code=E_JSON) from exc
            rid = d.get("article_id", d.get("id"))
            if rid is not None:
                by_id[str(rid)].append(SystemEvent.from_json(d))
    return dict(by_id)


# ----------------------------------------------------------------- scores


@dataclass(frozen=True, slots=True)
class PRF:
    """Micro precision / recall / F1 (rounded to 4 places) and the counts behind them."""

    p: float
    r: float
    f1: float
    tp: int
    sys: int
    gold: int

    @classmethod
    def of(cls, tp: int, n_sys: int, n_gold: int) -> PRF:
        p = tp / n_sys if n_sys else 0.0
        r = tp / n_gold if n_gold else 0.0
        f1 = round(2 * p * r / (p + r), 4) if p + r else 0.0
        return cls(round(p, 4), round(r, 4), f1, tp, n_sys, n_gold)

    def to_dict(self) -> dict[str, Any]:
        return {
            "p": self.p,
            "r": self.r,
            "f1": self.f1,
            "tp": self.tp,
            "sys": self.sys,
            "gold": self.gold,
        }


@dataclass(frozen=True, slots=True)
class CameoScores:
    exact: PRF
    root: PRF
    code: PRF
    dyad: PRF
    records: int
    records_right: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "exact": self.exact.to_dict(),
            "root": self.root.to_dict(),
            "code": self.code.to_dict(),
            "dyad": self.dyad.to_dict(),
            "records": self.records,
            "records_right": self.records_right,
        }


@dataclass(frozen=True, slots=True)
class PloverScores:
    records: int
    top1_accuracy: float
    macro_f1: float
    label_recall_any: float
    type_precision: float
    coverage: float
    source_match: float
    target_match: float
    per_label_f1: tuple[tuple[str, float], ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "top1_accuracy": self.top1_accuracy,
            "macro_f1": self.macro_f1,
            "label_recall_any": self.label_recall_any,
            "type_precision": self.type_precision,
            "coverage": self.coverage,
            "source_match": self.source_match,
            "target_match": self.target_match,
            "per_label_f1": dict(self.per_label_f1),
        }


@dataclass(frozen=True, slots=True)
class Miss:
    """A record the coder did not get exactly right."""

    id: str
    text: str
    gold: Any
    system: Any
    extra: tuple[tuple[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d = {"id": self.id, "text": self.text, "gold": self.gold, "system": self.system}
        d.update(self.extra)
        return d


@dataclass(frozen=True, slots=True)
class EvalReport:
    """Scores of one gold file; ``render()`` gives the text shown by ``tidings eval``."""

    gold: str
    kind: str
    cameo: CameoScores | None = None
    plover: PloverScores | None = None
    misses: tuple[Miss, ...] = field(default=(), repr=False)

    def to_dict(self) -> dict[str, Any]:
        body = self.cameo.to_dict() if self.cameo else self.plover.to_dict() if self.plover else {}
        return {"gold": self.gold, "kind": self.kind, **body}

    def render(self) -> str:
        lines = [f"gold: {self.gold} ({self.kind})"]
        if self.cameo is not None:
            c = self.cameo
            lines.append(f"{'level':<7} {'P':>6} {'R':>6} {'F1':>6} {'tp':>6} {'sys':>6} {'gold':>6}")
            for name in ("exact", "root", "code", "dyad"):
                s: PRF = getattr(c, name)
                lines.append(f"{name:<7} {s.p:6.3f} {s.r:6.3f} {s.f1:6.3f} {s.tp:6d} {s.sys:6d} {s.gold:6d}")
            lines.append(f"records exactly right: {c.records_right}/{c.records}")
        if self.plover is not None:
            p = self.plover
            lines += [
                f"records:          {p.records}",
                f"top-1 accuracy:   {p.top1_accuracy:.3f}",
                f"macro-F1:         {p.macro_f1:.3f}",
                f"label recall any: {p.label_recall_any:.3f}",
                f"type precision:   {p.type_precision:.3f}",
                f"coverage:         {p.coverage:.3f}",
                f"source match:     {p.source_match:.3f}",
                f"target match:     {p.target_match:.3f}",
                "per-label F1:     " + ", ".join(f"{k} {v:.2f}" for k, v in p.per_label_f1),
            ]
        return "\n".join(lines)


_LEVELS = {
    "exact": lambda t: t,
    "root": lambda t: (t[0], t[1], t[2][:2]),
    "code": lambda t: (t[2],),
    "dyad": lambda t: (t[0], t[1]),
}


def score_cameo(
    records: Sequence[GoldRecord], system: Mapping[str, Sequence[SystemEvent]]
) -> tuple[CameoScores, list[Miss]]:
    tot = {k: [0, 0, 0] for k in _LEVELS}
    right = 0
    misses: list[Miss] = []
    for r in records:
        sys_t = [e.triple for e in system.get(r.id, [])]
        gold_t = list(r.events)
        for k, f in _LEVELS.items():
            g, s = Counter(map(f, gold_t)), Counter(map(f, sys_t))
            tot[k][0] += sum((g & s).values())
            tot[k][1] += sum(s.values())
            tot[k][2] += sum(g.values())
        if set(sys_t) == set(gold_t):
            right += 1
            continue
        g, s = Counter(gold_t), Counter(sys_t)
        misses.append(
            Miss(
                r.id,
                r.text,
                [list(t) for t in gold_t],
                [list(t) for t in sys_t],
                (
                    ("missed", [list(t) for t in (g - s).elements()]),
                    ("spurious", [list(t) for t in (s - g).elements()]),
                    ("category", miss_category(gold_t, sys_t)),
                ),
            )
        )
    prf = {k: PRF.of(*v) for k, v in tot.items()}
    return CameoScores(prf["exact"], prf["root"], prf["code"], prf["dyad"], len(records), right), misses


def miss_category(gold: Sequence[Triple], system: Sequence[Triple]) -> str:
    """A rough reason for a CAMEO miss, for error analysis.

    ``missed predicate`` (no event where gold has some), ``spurious event``
    (events where gold has none), ``wrong direction`` (a gold dyad coded the
    other way round), ``wrong code`` (right dyad, other code), ``wrong actor``
    (right code, other actors); else ``mixed``.
    """
    if gold and not system:
        return "missed predicate"
    if system and not gold:
        return "spurious event"
    gd = {(s, t) for s, t, _ in gold}
    sd = {(s, t) for s, t, _ in system}
    if any((t, s) in gd and (s, t) not in gd for s, t in sd):
        return "wrong direction"
    if gd & sd:
        return "wrong code"
    if {c for *_, c in gold} & {c for *_, c in system}:
        return "wrong actor"
    return "mixed"


def _overlap(a: str, b: str) -> float:
    ta, tb = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
    return len(ta & tb) / min(len(ta), len(tb)) if ta and tb else 0.0


#: Older PLOVER drafts: YIELD covers what PLOVER 2021 splits into CONCEDE and RETREAT.
_OLDER_LABELS = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}


def score_plover(
    records: Sequence[GoldRecord], system: Mapping[str, Sequence[SystemEvent]]
) -> tuple[PloverScores, list[Miss]]:
    labels = sorted({r.label or "" for r in records})
    alias = _OLDER_LABELS if "YIELD" in labels else {}
    conf: Counter[tuple[str, str]] = Counter()
    top_ok = covered = any_ok = type_tp = type_n = src_ok = tgt_ok = matched = 0
    misses: list[Miss] = []
    for r in records:
        label = r.label or ""
        evs = system.get(r.id, [])
        types = [alias.get(e.plover, e.plover) for e in evs if e.plover]
        top = types[0] if types else "NONE"
        conf[(label, top)] += 1
        covered += bool(types)
        top_ok += top == label
        any_ok += label in types
        uniq = set(types)
        type_n += len(uniq)
        type_tp += label in uniq
        hit = next((e for e in evs if alias.get(e.plover, e.plover) == label), None)
        if hit is not None:
            matched += 1
            src_ok += (_overlap(hit.source_text, r.source) >= 0.5) if r.source else 1
            tgt_ok += (_overlap(hit.target_text, r.target) >= 0.5) if r.target else 1
        if top != label:
            category = "wrong type" if types else "missed predicate"
            misses.append(Miss(r.id, r.text, label, types, (("category", category),)))
    f1s: dict[str, float] = {}
    for lab in labels:
        tp = conf[(lab, lab)]
        n_sys = sum(v for (_, s), v in conf.items() if s == lab)
        n_gold = sum(v for (g, _), v in conf.items() if g == lab)
        f1s[lab] = PRF.of(tp, n_sys, n_gold).f1
    n = len(records) or 1
    scores = PloverScores(
        records=len(records),
        top1_accuracy=round(top_ok / n, 4),
        macro_f1=round(sum(f1s.values()) / (len(f1s) or 1), 4),
        label_recall_any=round(any_ok / n, 4),
        type_precision=round(type_tp / type_n, 4) if type_n else 0.0,
        coverage=round(covered / n, 4),
        source_match=round(src_ok / matched, 4) if matched else 0.0,
        target_match=round(tgt_ok / matched, 4) if matched else 0.0,
        per_label_f1=tuple(f1s.items()),
    )
    return scores, misses


def score(
    kind: str,
    records: Sequence[GoldRecord],
    system: Mapping[str, Sequence[SystemEvent]],
    *,
    gold_name: str,
) -> EvalReport:
    """Score system events (by article id, in emitted order) against gold records."""
    if kind == "plover":
        ps, misses = score_plover(records, system)
        return EvalReport(gold_name, kind, plover=ps, misses=tuple(misses))
    cs, misses = score_cameo(records, system)
    return EvalReport(gold_name, kind, cameo=cs, misses=tuple(misses))


def write_misses(report: EvalReport, path: str | Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(m.to_dict(), ensure_ascii=False) + "\n" for m in report.misses)


def score_file(
    gold_path: str | Path,
    events_path: str | Path,
    *,
    errors_path: str | Path | None = None,
) -> EvalReport:
    """Score an events JSONL file (as written by ``tidings code --format jsonl``)."""
    kind, records = read_gold(gold_path)
    report = score(kind, records, read_events_jsonl(events_path), gold_name=Path(gold_path).name)
    if errors_path is not None:
        write_misses(report, errors_path)
    return report


def evaluate(
    gold_path: str | Path,
    coder: EventCoder,
    *,
    errors_path: str | Path | None = None,
    batch_size: int = 64,
) -> EvalReport:
    """Code the gold records with ``coder`` and score what it emits."""
    kind, records = read_gold(gold_path)
    articles = gold_articles(records, origin=str(gold_path))
    system: dict[str, list[SystemEvent]] = {}
    for article, events in coder.code_articles(articles, batch_size=batch_size):
        system.setdefault(article.id, []).extend(SystemEvent.from_event(e) for e in events)
    report = score(kind, records, system, gold_name=Path(gold_path).name)
    if errors_path is not None:
        write_misses(report, errors_path)
    return report
