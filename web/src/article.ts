// Article view: text with highlighted spans, its events (modality, attribution),
// and its contested claims side by side. Also the claims list view.

import type { ClaimView } from "./api";
import { actorLabel, api, messageOf } from "./api";
import { badge, h, setStatus, showError } from "./dom";
import { claimBadge, eventCard, legend, renderText, selectEvent, selectMention } from "./highlight";

function claimTitle(c: ClaimView): string {
  const k = c.claim;
  return `${actorLabel(k.source_code, null)} → ${actorLabel(k.target_code, null)} · ${k.cameo}`;
}

export function claimBlock(c: ClaimView): HTMLElement {
  const side = (title: string, items: ClaimView["evidence"]) =>
    h(
      "div",
      { class: "claim-side" },
      h("h4", {}, title),
      ...(items.length
        ? items.map((ev) =>
            h(
              "div",
              { class: `claim-evidence side-${ev.side}` },
              h("div", {}, badge(ev.modality, `mod-${ev.modality}`), " ", h("strong", {}, ev.speaker ?? "unattributed")),
              ev.sentence ? h("blockquote", {}, ev.sentence) : null,
              h(
                "a",
                { href: `#/article/${encodeURIComponent(ev.article_id)}?mention=${encodeURIComponent(ev.mention_id)}` },
                ev.article_id,
              ),
            ),
          )
        : [h("p", { class: "empty" }, "none")]),
    );
  return h(
    "section",
    { class: `claim claim-${c.claim.status}`, "data-claim-id": c.claim.claim_id, "data-event-id": c.claim.event_id },
    h("h3", {}, badge(c.claim.status, `claim-${c.claim.status}`), " ", claimTitle(c)),
    h("blockquote", {}, c.claim.sentence),
    h(
      "div",
      { class: "claim-sides" },
      side(`For (${c.claim.num_supporting})`, c.evidence.filter((e) => e.side === "for")),
      side(`Against (${c.claim.num_denying})`, c.evidence.filter((e) => e.side === "against")),
    ),
  );
}

export async function articleView(id: string, params: URLSearchParams): Promise<HTMLElement> {
  const root = h("section", { class: "view article-view" });
  setStatus("Loading…");
  try {
    const v = await api.article(id);
    const a = v.article;
    const status = new Map(v.claims.map((c) => [c.claim.event_id, c.claim.status]));
    const pick = (mid: string) => selectMention(root, mid);
    const textBox = h(
      "div",
      { class: "panel panel-text" },
      h("h2", {}, a.title ?? a.id),
      h(
        "p",
        { class: "meta" },
        [a.id, a.date, a.source].filter(Boolean).join(" · "),
        a.url ? " · " : "",
        a.url ? h("a", { href: a.url, rel: "noopener noreferrer", target: "_blank" }, "original") : null,
      ),
      legend(),
      renderText(a.text, v.spans, pick),
    );
    const cards = h("div", { class: "panel panel-cards" }, h("h2", {}, `Events (${v.mentions.length})`));
    for (const m of v.mentions) cards.append(eventCard(m, status.get(m.event_id) ?? null, pick));
    const contested = v.claims.filter((c) => c.claim.status === "contested");
    const others = v.claims.filter((c) => c.claim.status !== "contested");
    root.append(
      h("p", {}, h("a", { href: "#/" }, "‹ events")),
      h("div", { class: "article-grid" }, textBox, cards),
      h(
        "div",
        { class: "panel panel-claims" },
        h("h2", {}, `Contested claims (${contested.length})`),
        ...(contested.length ? contested.map(claimBlock) : [h("p", { class: "empty" }, "No contested claims in this article.")]),
        others.length
          ? h("details", { class: "other-claims" }, h("summary", {}, `Other claims (${others.length})`), ...others.map(claimBlock))
          : null,
      ),
    );
    setStatus(`${v.mentions.length} event mentions in ${a.id}`);
    const mention = params.get("mention");
    const event = params.get("event");
    requestAnimationFrame(() => {
      if (mention) selectMention(root, mention);
      else if (event) selectEvent(root, event);
    });
  } catch (err) {
    showError(root, `Could not load article ${id}: ${messageOf(err)}`);
  }
  return root;
}

export async function eventView(id: string): Promise<HTMLElement> {
  const root = h("section", { class: "view event-view" });
  setStatus("Loading…");
  try {
    const { event: e, mentions } = await api.event(id);
    const byArticle = new Map<string, typeof mentions>();
    for (const m of mentions) byArticle.set(m.article_id, [...(byArticle.get(m.article_id) ?? []), m]);
    const when = e.date_start ? (e.date_end && e.date_end !== e.date_start ? `${e.date_start} – ${e.date_end}` : e.date_start) : "undated";
    const cards = h("div", { class: "panel" }, h("h2", {}, `Mentions (${mentions.length}) in ${byArticle.size} articles`));
    for (const [aid, ms] of byArticle) {
      cards.append(
        h("h3", {}, h("a", { href: `#/article/${encodeURIComponent(aid)}?event=${encodeURIComponent(e.event_id)}` }, aid)),
        h("div", { class: "mention-list" }, ...ms.map((m) => eventCard(m, e.claim_status))),
      );
    }
    root.append(
      h("p", {}, h("a", { href: "#/" }, "‹ events")),
      h(
        "div",
        { class: "panel" },
        h("h2", {}, `${actorLabel(e.source_code, e.source_name)} → ${actorLabel(e.target_code, e.target_name)}`),
        h("p", {}, h("span", { class: "cameo" }, e.cameo), ` ${e.cameo_label}`, e.plover_event ? ` · ${e.plover_event}` : "", ` · Goldstein ${e.goldstein.toFixed(1)}`),
        h("p", {}, `${when} · ${e.num_mentions} mentions from ${e.num_sources} sources · most mentions: `, badge(e.modality, `mod-${e.modality}`), " ", claimBadge(e.claim_status, e.modality)),
        h("blockquote", {}, e.sentence),
      ),
      cards,
    );
    setStatus(`${mentions.length} mentions`);
  } catch (err) {
    showError(root, `Could not load event ${id}: ${messageOf(err)}`);
  }
  return root;
}

export async function claimsView(status: string): Promise<HTMLElement> {
  const root = h("section", { class: "view claims-view" });
  const sel = h("select", { name: "status" });
  for (const s of ["contested", "corroborated", "denied", "reported", "all"]) {
    sel.append(h("option", { value: s, selected: s === status }, s));
  }
  sel.addEventListener("change", () => (location.hash = `#/claims?status=${sel.value}`));
  root.append(h("div", { class: "filters" }, h("label", { class: "field" }, h("span", {}, "Status"), sel)));
  setStatus("Loading…");
  try {
    const r = await api.claims(status);
    root.append(
      h(
        "div",
        { class: "panel" },
        h("h2", {}, `Claims: ${status} (${r.items.length})`),
        ...(r.items.length ? r.items.map(claimBlock) : [h("p", { class: "empty" }, "None.")]),
      ),
    );
    setStatus(`${r.items.length} claims`);
  } catch (err) {
    showError(root, messageOf(err));
  }
  return root;
}
