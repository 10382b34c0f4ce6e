// Entry point: hash routing between the events, article, claims and code views.

import "./style.css";
import type { Meta } from "./api";
import { api, messageOf } from "./api";
import { articleView, claimsView, eventView } from "./article";
import { codeView } from "./codebox";
import { clear, showError } from "./dom";
import { EventsView, filtersFromHash } from "./events";

interface Route {
  view: "events" | "article" | "event" | "claims" | "code";
  arg: string;
  params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#\/?/, "");
  const q = raw.indexOf("?");
  const path = q >= 0 ? raw.slice(0, q) : raw;
  const params = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : "");
  const [head, ...rest] = path.split("/");
  const arg = decodeURIComponent(rest.join("/"));
  if (head === "article" && arg) return { view: "article", arg, params };
  if (head === "event" && arg) return { view: "event", arg, params };
  if (head === "claims") return { view: "claims", arg: "", params };
  if (head === "code") return { view: "code", arg: "", params };
  return { view: "events", arg: "", params };
}

async function start(): Promise<void> {
  const app = document.getElementById("app")!;
  let meta: Meta;
  try {
    meta = await api.meta();
  } catch (err) {
    showError(app, `The API did not answer: ${messageOf(err)}`);
    return;
  }
  const events = new EventsView(meta);
  let codeRoot: HTMLElement | null = null; // kept so pasted text survives navigation

  const route = async () => {
    const r = parseRoute(location.hash);
    document.querySelectorAll("header nav a").forEach((a) => {
      a.classList.toggle("active", (a as HTMLElement).dataset.view === r.view);
    });
    if (r.view === "events") {
      if (events.root.parentElement !== app) {
        clear(app);
        app.append(events.root);
      }
      await events.show(filtersFromHash(location.hash));
      return;
    }
    let el: HTMLElement;
    if (r.view === "article") el = await articleView(r.arg, r.params);
    else if (r.view === "event") el = await eventView(r.arg);
    else if (r.view === "claims") el = await claimsView(r.params.get("status") || "contested");
    else el = codeRoot ??= codeView(meta);
    clear(app);
    app.append(el);
    window.scrollTo(0, 0);
  };
  window.addEventListener("hashchange", () => void route());
  let resizeTimer: number | undefined;
  window.addEventListener("resize", () => {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(() => {
      if (parseRoute(location.hash).view === "events") void route();
    }, 250);
  });
  await route();
}

void start();
