"""Writing events as JSONL, CSV or an aligned table."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterable
from typing import IO, Any

from ..types import Event

CSV_FIELDS = (
    "event_id", "article_id", "sentence_index",
    "source.text", "source.name", "source.code", "source.country", "source.sector",
    "target.text", "target.name", "target.code", "target.country", "target.sector",
    "cameo", "cameo_label", "plover.event", "plover.mode", "goldstein", "quad_class",
    "date.start", "date.end", "date.granularity", "date.text", "date.source",
    "modality", "hedged", "attribution.speaker.code", "attribution.cue", "attribution.outlet",
    "location.name", "location.country", "evidence.trigger", "evidence.sentence", "confidence",
)


def flatten(d: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """``{"a": {"b": 1}}`` -> ``{"a.b": 1}``."""
    out: dict[str, Any] = {}
    for k, v in d.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(flatten(v, key + "."))
        elif isinstance(v, list):
            out[key] = json.dumps(v, ensure_ascii=False)
        else:
            out[key] = v
    return out


class EventWriter:
    """Writes events in one format; ``table`` buffers to align columns."""

    def __init__(self, stream: IO[str], fmt: str):
        self.stream = stream
        self.fmt = fmt
        self.rows: list[Event] = []
        self._csv: csv.DictWriter | None = None
        if fmt == "csv":
            self._csv = csv.DictWriter(stream, fieldnames=CSV_FIELDS, extrasaction="ignore")
            self._csv.writeheader()

    def write(self, events: Iterable[Event]) -> None:
        for e in events:
            if self.fmt == "jsonl":
                self.stream.write(e.to_json() + "\n")
            elif self._csv is not None:
                self._csv.writerow(flatten(e.to_dict()))
            else:
                self.rows.append(e)

    def close(self) -> None:
        if self.fmt == "table":
            self.stream.write(render_table(self.rows))
        self.stream.flush()


def _actor(a) -> str:
    if a is None:
        return "-"
    return f"{a.code or '?'} ({a.text})" if a.text else (a.code or "?")


def render_table(events: list[Event], *, width: int | None = None) -> str:
    """An aligned, human-readable table of events."""
    if not events:
        return "(no events)\n"
    width = width or shutil.get_terminal_size((160, 24)).columns
    head = ("article", "sent", "source", "event", "target", "date", "modality", "trigger")
    rows = []
    for e in events:
        date = e.date.start.isoformat() if e.date.start else "?"
        if e.date.end and e.date.end != e.date.start:
            date += ".." + e.date.end.isoformat()
        if e.date.source == "publication":
            date += "*"
        rows.append((
            e.article_id, str(e.sentence_index), _actor(e.source),
            f"{e.cameo} {e.cameo_label}"[:34], _actor(e.target), date,
            e.modality + ("~" if e.hedged else ""), e.evidence.trigger,
        ))
    cap = max(12, (width - 30) // 5)
    widths = [min(cap, max(len(h), *(len(r[i]) for r in rows))) for i, h in enumerate(head)]
    def fmt(r):
        return "  ".join(str(c)[: widths[i]].ljust(widths[i]) for i, c in enumerate(r)).rstrip()
    lines = [fmt(head), fmt(tuple("-" * w for w in widths))] + [fmt(r) for r in rows]
    lines.append("")
    lines.append("* dated by publication (no time expression attached); ~ hedged (\"reportedly\")")
    return "\n".join(lines) + "\n"
