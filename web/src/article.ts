// Article view: text with highlighted spans, its events (modality, attribution),
// and its contested claims side by side. Also the claims list view.

import type { ClaimJ } from "./api";
import { api, ApiError } from "./api";
import { badge, h, setStatus } from "./dom";
import { eventCard, legend, renderText, selectEvent } from "./highlight";

const FOR = new Set(["asserts", "reports", "confirms"]);

export function claimBlock(c: ClaimJ): HTMLElement {
  const side = (title: string, items: ClaimJ["evidence"]) =>
    h(
      "div",
      { class: "claim-side" },
      h("h4", {}, title),
      ...(items.length
        ? items.map((ev) =>
            h(
              "div",
              { class: `claim-evidence stance-${ev.stance}` },
              h("div", {}, badge(ev.stance, `stance-${ev.stance}`), " ", h("strong", {}, ev.speaker ?? "unattributed"), ` · ${ev.modality}`),
              h("blockquote", {}, ev.sentence),
              h("a", { href: `#/article/${encodeURIComponent(ev.article_id)}?event=${encodeURIComponent(ev.event_id)}` }, ev.article_id),
            ),
          )
        : [h("p", { class: "empty" }, "none")]),
    );
  return h(
    "section",
    { class: `claim claim-${c.status}`, "data-claim-id": c.claim_id },
    h("h3", {}, badge(c.status, `claim-${c.status}`), " ", c.summary),
    h(
      "div",
      { class: "claim-sides" },
      side("For", c.evidence.filter((e) => FOR.has(e.stance))),
      side("Against", c.evidence.filter((e) => !FOR.has(e.stance))),
    ),
  );
}

export async function articleView(id: string, eventId: string | null): Promise<HTMLElement> {
  const root = h("section", { class: "view article-view" });
  setStatus("Loading…");
  try {
    const a = await api.article(id);
    const textBox = h("div", { class: "panel panel-text" });
    const cards = h("div", { class: "panel panel-cards" }, h("h2", {}, `Events (${a.events.length})`));
    const pick = (ev: string) => selectEvent(root, ev);
    textBox.append(
      h("h2", {}, a.title ?? a.id),
      h(
        "p",
        { class: "meta" },
        [a.date, a.source].filter(Boolean).join(" · "),
        a.url ? " · " : "",
        a.url ? h("a", { href: a.url, rel: "noopener noreferrer", target: "_blank" }, "original") : null,
      ),
      legend(),
      renderText(a.text, a.spans, pick),
    );
    for (const e of a.events) cards.append(eventCard(e, pick));
    const contested = a.claims.filter((c) => c.status === "contested");
    const others = a.claims.filter((c) => c.status !== "contested");
    root.append(
      h("p", {}, h("a", { href: "#/", onclick: (ev: Event) => { if (history.length > 1) { ev.preventDefault(); history.back(); } } }, "‹ back to events")),
      h("div", { class: "article-grid" }, textBox, cards),
      h(
        "div",
        { class: "panel panel-claims" },
        h("h2", {}, `Contested claims (${contested.length})`),
        ...(contested.length ? contested.map(claimBlock) : [h("p", { class: "empty" }, "No contested claims in this article.")]),
        ...(others.length ? [h("h2", {}, `Other claims (${others.length})`), ...others.map(claimBlock)] : []),
      ),
    );
    setStatus(`${a.events.length} events in ${a.id}`);
    if (eventId) requestAnimationFrame(() => selectEvent(root, eventId));
  } catch (err) {
    const msg = err instanceof ApiError ? err.message : String(err);
    setStatus(`Error: ${msg}`, true);
    root.append(h("p", { class: "error" }, `Could not load article ${id}: ${msg}`));
  }
  return root;
}

export async function claimsView(status: string): Promise<HTMLElement> {
  const root = h("section", { class: "view claims-view" });
  const sel = h("select", { name: "status" });
  for (const s of ["contested", "corroborated", "all"]) sel.append(h("option", { value: s, selected: s === status }, s));
  sel.addEventListener("change", () => (location.hash = `#/claims?status=${sel.value}`));
  root.append(h("div", { class: "filters" }, h("label", { class: "field" }, h("span", {}, "Status"), sel)));
  setStatus("Loading…");
  try {
    const r = await api.claims(status);
    root.append(
      h("div", { class: "panel" }, h("h2", {}, `Claims: ${status} (${r.items.length})`), ...(r.items.length ? r.items.map(claimBlock) : [h("p", { class: "empty" }, "None.")])),
    );
    setStatus(`${r.items.length} claims`);
  } catch (err) {
    const msg = err instanceof ApiError ? err.message : String(err);
    setStatus(`Error: ${msg}`, true);
    root.append(h("p", { class: "error" }, msg));
  }
  return root;
}
