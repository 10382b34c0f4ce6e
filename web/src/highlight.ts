// Renders article text with its spans (triggers, actors, dates, places) highlighted,
// and the event cards that go beside it.

import type { MentionRow, Span } from "./api";
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

export function renderText(text: string, spans: Span[], onPick?: (mentionId: string) => void): HTMLElement {
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
      const ev = seg.spans.find((s) => s.mention_id)?.mention_id ?? null;
      const mark = h(
        "mark",
        { class: kinds.map((k) => `hl-${k}`).join(" "), title, "data-mention-id": ev },
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

/** Claim statuses worth a badge (the others repeat what the modality says). */
const SHOWN_CLAIMS = new Set(["contested", "confirmed", "denied"]);

export function claimBadge(status: string | null, modality?: string): HTMLElement | null {
  if (!status || !SHOWN_CLAIMS.has(status) || status === modality) return null;
  return badge(status, `claim-${status}`);
}

function when(m: MentionRow): string {
  if (!m.date_start) return "undated";
  return !m.date_end || m.date_end === m.date_start ? m.date_start : `${m.date_start} – ${m.date_end}`;
}

/** A card for one mention; ``claimStatus`` is the status of the claim on its event, if any. */
export function eventCard(m: MentionRow, claimStatus: string | null, onPick?: (mentionId: string) => void): HTMLElement {
  const speaker = m.speaker_text ?? m.speaker_code ?? m.attribution_outlet;
  const card = h(
    "article",
    {
      class: `event-card quad-${m.quad_class}${claimStatus ? ` claim-${claimStatus}` : ""}`,
      "data-mention-id": m.mention_id,
      "data-event-id": m.event_id,
      tabindex: 0,
    },
    h(
      "div",
      { class: "dyad" },
      h("strong", {}, actorLabel(m.source_code, m.source_name ?? m.source_text)),
      " → ",
      h("strong", {}, actorLabel(m.target_code, m.target_name ?? m.target_text)),
    ),
    h(
      "div",
      { class: "code" },
      `${m.cameo} ${m.cameo_label}`,
      m.plover_event ? ` · ${m.plover_event}` : "",
      ` · Goldstein ${m.goldstein.toFixed(1)}`,
    ),
    h(
      "div",
      { class: "badges" },
      badge(m.modality, `mod-${m.modality}`),
      m.hedged ? badge("hedged", "mod-hedged") : null,
      claimBadge(claimStatus, m.modality),
    ),
    speaker
      ? h(
          "div",
          { class: "attribution" },
          "according to ",
          h("em", {}, speaker),
          m.speaker_code && m.speaker_text ? ` (${m.speaker_code})` : "",
          m.attribution_cue ? `, “${m.attribution_cue}”` : "",
        )
      : null,
    h("div", { class: "when" }, when(m), m.date_text ? ` — “${m.date_text}”` : ""),
    m.place_name ? h("div", { class: "where" }, `in ${m.place_name}${m.place_country ? `, ${m.place_country}` : ""}`) : null,
    h("blockquote", {}, m.sentence),
  );
  if (onPick) {
    card.addEventListener("click", () => onPick(m.mention_id));
    card.addEventListener("keydown", (ev) => {
      if ((ev as KeyboardEvent).key === "Enter") onPick(m.mention_id);
    });
  }
  return card;
}

/** Mark the text and the card of one mention as selected. */
export function selectMention(root: HTMLElement, mentionId: string): void {
  root.querySelectorAll(".selected").forEach((n) => n.classList.remove("selected"));
  root.querySelectorAll(`[data-mention-id="${CSS.escape(mentionId)}"]`).forEach((n) => n.classList.add("selected"));
  const card = root.querySelector(`.event-card[data-mention-id="${CSS.escape(mentionId)}"]`);
  card?.scrollIntoView({ block: "nearest" });
}

/** Select the first mention of an event (links from the events table carry event ids). */
export function selectEvent(root: HTMLElement, eventId: string): void {
  const card = root.querySelector<HTMLElement>(`.event-card[data-event-id="${CSS.escape(eventId)}"]`);
  if (card?.dataset.mentionId) selectMention(root, card.dataset.mentionId);
}
