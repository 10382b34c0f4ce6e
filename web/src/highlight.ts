// Renders article text with its spans (triggers, actors, dates, places) highlighted,
// and the event cards that go beside it.

import type { EventJ, Span } from "./api";
import { actorLabel } from "./api";
import { badge, h } from "./dom";

const PRIORITY: Span["kind"][] = ["trigger", "actor", "place", "date"];

/** Split ``text`` at every span boundary; each piece carries the spans covering it. */
export function segments(text: string, spans: Span[]): { start: number; end: number; spans: Span[] }[] {
  const ok = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end);
  const cuts = new Set<number>([0, text.length]);
  for (const s of ok) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const pts = [...cuts].sort((a, b) => a - b);
  const out: { start: number; end: number; spans: Span[] }[] = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    const a = pts[i];
    const b = pts[i + 1];
    out.push({ start: a, end: b, spans: ok.filter((s) => s.start <= a && s.end >= b) });
  }
  return out;
}

export function renderText(text: string, spans: Span[], onPick?: (eventId: string) => void): HTMLElement {
  const box = h("div", { class: "article-text" });
  const paragraphs: HTMLElement[] = [];
  let para = h("p");
  paragraphs.push(para);
  for (const seg of segments(text, spans)) {
    const piece = text.slice(seg.start, seg.end);
    // paragraph breaks inside an unhighlighted piece start a new <p>
    const parts = seg.spans.length ? [piece] : piece.split(/\n\s*\n/);
    parts.forEach((part, i) => {
      if (i > 0) {
        para = h("p");
        paragraphs.push(para);
      }
      if (!seg.spans.length) {
        para.append(part);
        return;
      }
      const kinds = [...new Set(seg.spans.map((s) => s.kind))].sort(
        (x, y) => PRIORITY.indexOf(x) - PRIORITY.indexOf(y),
      );
      const title = seg.spans.map((s) => `${s.kind}: ${s.label}`).join("\n");
      const ev = seg.spans.find((s) => s.event_id)?.event_id ?? null;
      const mark = h(
        "mark",
        { class: kinds.map((k) => `hl-${k}`).join(" "), title, "data-event-id": ev },
        part,
      );
      if (ev && onPick) mark.addEventListener("click", () => onPick(ev));
      para.append(mark);
    });
  }
  box.append(...paragraphs);
  return box;
}

export function legend(): HTMLElement {
  return h(
    "div",
    { class: "legend" },
    h("mark", { class: "hl-trigger" }, "trigger"),
    " ",
    h("mark", { class: "hl-actor" }, "actor"),
    " ",
    h("mark", { class: "hl-date" }, "date"),
    " ",
    h("mark", { class: "hl-place" }, "place"),
  );
}

export function claimBadge(status: string | null): HTMLElement | null {
  if (!status) return null;
  return badge(status, `claim-${status}`);
}

export function eventCard(e: EventJ, onPick?: (eventId: string) => void): HTMLElement {
  const att = e.attribution;
  const speaker = att?.speaker ? att.speaker.name || att.speaker.text : att?.outlet;
  const when = e.date.start
    ? e.date.start === e.date.end || !e.date.end
      ? e.date.start
      : `${e.date.start} – ${e.date.end}`
    : "undated";
  const card = h(
    "article",
    {
      class: `event-card quad-${e.quad_class}${e.claim_status ? ` claim-${e.claim_status}` : ""}`,
      "data-event-id": e.event_id,
      tabindex: 0,
    },
    h(
      "div",
      { class: "dyad" },
      h("strong", {}, actorLabel(e.source)),
      " → ",
      h("strong", {}, actorLabel(e.target)),
    ),
    h(
      "div",
      { class: "code" },
      `${e.cameo} ${e.cameo_label}`,
      e.plover.event ? ` · ${e.plover.event}` : "",
      ` · Goldstein ${e.goldstein.toFixed(1)}`,
    ),
    h(
      "div",
      { class: "badges" },
      badge(e.modality, `mod-${e.modality}`),
      e.hedged ? badge("hedged", "mod-hedged") : null,
      claimBadge(e.claim_status),
    ),
    speaker
      ? h("div", { class: "attribution" }, "according to ", h("em", {}, speaker), att?.cue ? ` (${att.cue})` : "")
      : null,
    h("div", { class: "when" }, when, e.date.text ? ` — “${e.date.text}”` : ""),
    e.location ? h("div", { class: "where" }, `in ${e.location.name ?? e.location.text}`) : null,
    h("blockquote", {}, e.evidence.sentence),
  );
  if (onPick) {
    card.addEventListener("click", () => onPick(e.event_id));
    card.addEventListener("keydown", (ev) => {
      if ((ev as KeyboardEvent).key === "Enter") onPick(e.event_id);
    });
  }
  return card;
}

/** Mark the text and the card of one event as selected. */
export function selectEvent(root: HTMLElement, eventId: string): void {
  root.querySelectorAll(".selected").forEach((n) => n.classList.remove("selected"));
  root.querySelectorAll(`[data-event-id="${CSS.escape(eventId)}"]`).forEach((n) => n.classList.add("selected"));
  const card = root.querySelector(`.event-card[data-event-id="${CSS.escape(eventId)}"]`);
  card?.scrollIntoView({ block: "nearest" });
}
