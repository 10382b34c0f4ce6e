// The events view: filter bar, timeline (brush filters the table), events table,
// actor network and map. Filters live in the URL (#/?actor=RUS&since=...).

import type { EventHit, Filters, Meta, Series } from "./api";
import { api, ApiError, messageOf } from "./api";
import { badge, clear, h, setStatus, showError } from "./dom";
import { claimBadge } from "./highlight";
import { drawActor } from "./actor";
import { drawMap } from "./map";
import { drawNetwork } from "./network";
import { drawTimeline } from "./timeline";

export const FILTER_KEYS = ["actor", "country", "dyad", "code", "plover", "modality", "since", "until", "q"] as const;
const PAGE = 25;
const COLUMNS = ["Date", "Who → whom", "Event", "Modality", "Goldstein", "Mentions", "Sentence", "Articles"];

export function filtersFromHash(hash: string): Filters {
  const qs = hash.includes("?") ? hash.slice(hash.indexOf("?") + 1) : "";
  const p = new URLSearchParams(qs);
  const f: Filters = {};
  for (const k of [...FILTER_KEYS, "offset", "by"]) {
    const v = p.get(k);
    if (v) f[k] = v;
  }
  return f;
}

export function navigate(f: Filters): void {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) p.set(k, v);
  const s = p.toString();
  location.hash = s ? `#/?${s}` : "#/";
}

function withoutRange(f: Filters): Filters {
  const { since: _s, until: _u, offset: _o, ...rest } = f;
  return rest;
}

function field(label: string, input: HTMLElement): HTMLElement {
  return h("label", { class: "field" }, h("span", {}, label), input);
}

/** Weekly counts, or monthly/yearly ones when weeks would be too thin to see. */
async function autoSeries(f: Filters): Promise<Series> {
  const weekly = await api.series({ ...f, by: "week" });
  const pts = weekly.points;
  if (pts.length < 2) return weekly;
  const days = (Date.parse(pts[pts.length - 1].period) - Date.parse(pts[0].period)) / 86_400_000;
  if (days <= 2 * 366) return weekly;
  return api.series({ ...f, by: days > 20 * 366 ? "year" : "month" });
}

export class EventsView {
  readonly root = h("section", { class: "view events-view" });
  private form = h("form", { class: "filters", role: "search" });
  private inputs: Record<string, HTMLInputElement | HTMLSelectElement> = {};
  private timeline = h("div", { class: "timeline", id: "timeline" });
  private timelineTitle = h("h2", {}, "Timeline");
  private bySelect = h("select", { name: "by", "aria-label": "Period" });
  private table = h("div", { class: "table-wrap", id: "events-table" });
  private pager = h("div", { class: "pager" });
  private network = h("div", { class: "network", id: "network" });
  private map = h("div", { class: "map", id: "map" });
  private actor = h("div", { class: "panel panel-actor", id: "actor", hidden: true });
  private filters: Filters = {};
  private seq = 0;

  constructor(meta: Meta) {
    const text = (name: string, placeholder: string, size = 8) => {
      const i = h("input", { name, placeholder, size, autocomplete: "off", spellcheck: "false" });
      this.inputs[name] = i;
      return i;
    };
    const select = (name: string, options: string[]) => {
      const s = h("select", { name }, h("option", { value: "" }, "any"));
      for (const o of options) s.append(h("option", { value: o }, o));
      this.inputs[name] = s;
      return s;
    };
    const date = (name: string) => {
      const i = h("input", { name, type: "date" });
      this.inputs[name] = i;
      return i;
    };
    this.form.append(
      field("Actor", text("actor", "RUS or RUSGOV")),
      field("Country", text("country", "UKR", 5)),
      field("Dyad", text("dyad", "USA:RUS", 9)),
      field("CAMEO code", text("code", "04", 5)),
      field("PLOVER", select("plover", meta.plover)),
      field("Modality", select("modality", meta.modalities)),
      field("Since", date("since")),
      field("Until", date("until")),
      field("Text", text("q", "words in the sentence", 14)),
      h("div", { class: "buttons" }, h("button", { type: "submit" }, "Filter"), h("button", { type: "reset" }, "Clear")),
    );
    this.form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      navigate(this.readForm());
    });
    this.form.addEventListener("reset", (ev) => {
      ev.preventDefault();
      navigate({});
    });
    for (const name of ["plover", "modality", "since", "until"]) {
      this.inputs[name].addEventListener("change", () => navigate(this.readForm()));
    }
    for (const b of ["auto", "day", "week", "month", "year"]) this.bySelect.append(h("option", { value: b }, b));
    this.bySelect.addEventListener("change", () => {
      const by = this.bySelect.value;
      navigate({ ...this.filters, by: by === "auto" ? "" : by });
    });
    this.root.append(
      this.form,
      h(
        "div",
        { class: "grid" },
        h(
          "div",
          { class: "panel panel-timeline" },
          h("div", { class: "panel-head" }, this.timelineTitle, h("label", { class: "inline" }, "per ", this.bySelect)),
          this.timeline,
        ),
        this.actor,
        h("div", { class: "panel panel-table" }, h("h2", {}, "Events"), this.table, this.pager),
        h("div", { class: "panel panel-network" }, h("h2", {}, "Actor network"), this.network),
        h("div", { class: "panel panel-map" }, h("h2", {}, "Where"), this.map),
      ),
    );
  }

  private readForm(): Filters {
    const f: Filters = {};
    for (const k of FILTER_KEYS) {
      const v = this.inputs[k].value.trim();
      if (v) f[k] = k === "actor" || k === "country" || k === "dyad" || k === "plover" ? v.toUpperCase() : v;
    }
    if (this.filters.by) f.by = this.filters.by;
    return f;
  }

  async show(f: Filters): Promise<void> {
    this.filters = f;
    for (const k of FILTER_KEYS) this.inputs[k].value = f[k] ?? "";
    this.bySelect.value = f.by ?? "auto";
    const seq = ++this.seq;
    const shown = location.hash || "#/";
    this.root.setAttribute("aria-busy", "true");
    const subject = f.dyad ? f.dyad.replace(":", " → ") : f.actor || f.country || "all events";
    this.timelineTitle.textContent = `Timeline: ${subject}`;
    setStatus("Loading…");
    try {
      const base = withoutRange(f);
      const [page, series, net, places, actor] = await Promise.all([
        api.events({ ...f, limit: String(PAGE), offset: f.offset ?? "0" }),
        f.by ? api.series({ ...base, by: f.by }) : autoSeries(base),
        api.network({ ...f }),
        api.places({ ...f }),
        f.actor ? api.actor(f.actor).catch((err) => (err instanceof ApiError && err.status === 404 ? null : Promise.reject(err))) : null,
      ]);
      if (seq !== this.seq) return; // a newer request superseded this one
      this.renderTable(page.items);
      this.renderPager(page.total, page.offset);
      const range: [string, string] | null = f.since || f.until ? [f.since ?? series.points[0]?.period ?? "", f.until ?? "9999-12-31"] : null;
      drawTimeline(this.timeline, series, range && range[0] ? range : null, (r) =>
        navigate({ ...withoutRange(f), ...(r ? { since: r[0], until: r[1] } : {}) }),
      );
      this.actor.hidden = !actor;
      if (actor) drawActor(this.actor, actor, (partner) => navigate({ ...withoutRange(f), actor: "", dyad: `${f.actor}:${partner}` }));
      drawNetwork(this.network, net, (actor) => navigate({ ...withoutRange(f), actor }));
      drawMap(this.map, places.points, (country) => navigate({ ...withoutRange(f), country }));
      const cut = "Only the latest matching events are drawn: narrow the filters to see all.";
      if (series.truncated) this.timeline.append(h("p", { class: "hint" }, cut));
      if (net.truncated) this.network.append(h("p", { class: "hint" }, "Only the busiest actors among the latest matching events are drawn."));
      if (places.truncated) this.map.append(h("p", { class: "hint" }, cut));
      if (page.truncated) {
        this.table.append(h("p", { class: "hint" }, "The text and country filters looked at the latest 200,000 events only: add other filters to reach older ones."));
      }
      setStatus(`${page.total} events`);
      // what is on screen now (tests and scripts wait for this to match the address)
      this.root.dataset.shown = shown;
      this.root.setAttribute("aria-busy", "false");
    } catch (err) {
      if (seq !== this.seq) return;
      this.root.dataset.shown = shown;
      this.root.setAttribute("aria-busy", "false");
      clear(this.table);
      showError(this.table, messageOf(err));
    }
  }

  private renderTable(items: EventHit[]): void {
    clear(this.table);
    if (!items.length) {
      this.table.append(h("p", { class: "empty" }, "No events match these filters."));
      return;
    }
    const head = h(
      "tr",
      {},
      ...COLUMNS.map((t) => h("th", { scope: "col" }, t)),
    );
    const body = h("tbody");
    for (const { event: e, article_ids } of items) {
      const links = h("td", { class: "articles" });
      article_ids.forEach((aid) => {
        links.append(
          h(
            "a",
            { href: `#/article/${encodeURIComponent(aid)}?event=${encodeURIComponent(e.event_id)}`, class: "article-link" },
            aid,
          ),
        );
      });
      const row = h(
          "tr",
          { "data-event-id": e.event_id, class: `quad-${e.quad_class}` },
          h("td", { class: "nowrap" }, e.date_start ?? "—"),
          h(
            "td",
            { class: "dyad" },
            h("span", { title: e.source_name ?? "" }, e.source_code ?? "—"),
            " → ",
            h("span", { title: e.target_name ?? "" }, e.target_code ?? "—"),
          ),
          h(
            "td",
            {},
            h("a", { href: `#/event/${encodeURIComponent(e.event_id)}`, class: "event-link", title: "all mentions of this event" },
              h("span", { class: "cameo" }, e.cameo),
              " ",
              e.cameo_label,
            ),
            e.plover_event ? h("div", { class: "plover" }, e.plover_event) : null,
          ),
          h("td", {}, badge(e.modality, `mod-${e.modality}`), " ", claimBadge(e.claim_status, e.modality)),
          h("td", { class: "num" }, e.goldstein.toFixed(1)),
          h("td", { class: "num" }, String(e.num_mentions)),
          h("td", { class: "sentence" }, e.sentence),
          links,
        );
      // labels for the narrow layout, where each row is a card
      [...row.children].forEach((td, i) => ((td as HTMLElement).dataset.label = COLUMNS[i]));
      body.append(row);
    }
    this.table.append(h("table", { class: "events" }, h("thead", {}, head), body));
  }

  private renderPager(total: number, offset: number): void {
    clear(this.pager);
    const last = Math.min(total, offset + PAGE);
    const go = (o: number) => navigate({ ...this.filters, offset: o ? String(o) : "" });
    this.pager.append(
      h("button", { type: "button", disabled: offset <= 0, onclick: () => go(Math.max(0, offset - PAGE)) }, "‹ Previous"),
      h("span", {}, total ? `${offset + 1}–${last} of ${total}` : "0 events"),
      h("button", { type: "button", disabled: last >= total, onclick: () => go(offset + PAGE) }, "Next ›"),
    );
  }
}
