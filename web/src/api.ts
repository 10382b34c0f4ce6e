// Types of the JSON the API returns (see docs/web.md) and small fetch helpers.

export interface ActorJ {
  text: string;
  name: string | null;
  code: string | null;
  country: string | null;
  sector: string | null;
  start: number | null;
  end: number | null;
}

export interface PlaceJ {
  text: string;
  char_start: number;
  char_end: number;
  name: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  role: string;
}

export interface EventJ {
  event_id: string;
  article_id: string;
  sentence_index: number;
  source: ActorJ | null;
  target: ActorJ | null;
  cameo: string;
  cameo_label: string;
  plover: { event: string | null; mode: string | null };
  goldstein: number;
  quad_class: number;
  date: { start: string | null; end: string | null; granularity: string; text: string | null; source: string };
  evidence: { sentence: string; trigger: string; start: number; end: number; trigger_start: number; trigger_end: number };
  confidence: number;
  modality: string;
  hedged: boolean;
  attribution: { speaker: ActorJ | null; cue: string | null; outlet: string | null; quote: string | null } | null;
  location: PlaceJ | null;
  claim_status: string | null;
}

export interface EventPage {
  total: number;
  limit: number;
  offset: number;
  items: EventJ[];
}

export interface Span {
  start: number;
  end: number;
  kind: "trigger" | "actor" | "date" | "place";
  label: string;
  event_id: string | null;
}

export interface ClaimEvidence {
  event_id: string;
  article_id: string;
  stance: string; // asserts | confirms | denies | reports
  speaker: string | null;
  modality: string;
  sentence: string;
}

export interface ClaimJ {
  claim_id: string;
  status: string; // contested | corroborated | single
  summary: string;
  source: string | null;
  target: string | null;
  cameo: string;
  evidence: ClaimEvidence[];
}

export interface ArticleJ {
  id: string;
  title: string | null;
  date: string | null;
  source: string | null;
  url: string | null;
  text: string;
  spans: Span[];
  events: EventJ[];
  claims: ClaimJ[];
}

export interface CodedText {
  text: string;
  spans: Span[];
  events: EventJ[];
}

export interface SeriesPoint {
  period: string; // ISO date of the period's first day
  counts: [number, number, number, number]; // QuadClass 1..4
  goldstein: number;
}

export interface Series {
  by: string;
  points: SeriesPoint[];
}

export interface NetNode {
  id: string;
  label: string;
  count: number;
}

export interface NetEdge {
  source: string;
  target: string;
  count: number;
  goldstein: number;
}

export interface Network {
  nodes: NetNode[];
  edges: NetEdge[];
}

export interface MapPoint {
  name: string;
  country: string | null;
  lat: number;
  lon: number;
  count: number;
}

export interface Meta {
  plover: string[];
  modalities: string[];
  quad_classes: string[];
  total_events: number;
  total_articles: number;
}

export type Filters = Record<string, string>;

export class ApiError extends Error {
  constructor(
    public status: number,
    message: string,
  ) {
    super(message);
  }
}

function query(f: Filters): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== "") p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : "";
}

async function getJson<T>(path: string, init?: RequestInit): Promise<T> {
  const r = await fetch(path, init);
  if (!r.ok) {
    let msg = `${r.status} ${r.statusText}`;
    try {
      const body = await r.json();
      if (body && body.detail) msg = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail);
    } catch {
      /* the body was not JSON: keep the status line */
    }
    throw new ApiError(r.status, msg);
  }
  return (await r.json()) as T;
}

export const api = {
  meta: () => getJson<Meta>("api/meta"),
  events: (f: Filters) => getJson<EventPage>(`api/events${query(f)}`),
  event: (id: string) => getJson<{ event: EventJ; mentions: EventJ[] }>(`api/events/${encodeURIComponent(id)}`),
  article: (id: string) => getJson<ArticleJ>(`api/articles/${encodeURIComponent(id)}`),
  series: (f: Filters) => getJson<Series>(`api/series${query(f)}`),
  network: (f: Filters) => getJson<Network>(`api/network${query(f)}`),
  places: (f: Filters) => getJson<{ points: MapPoint[] }>(`api/places${query(f)}`),
  claims: (status: string) => getJson<{ items: ClaimJ[] }>(`api/claims${query({ status })}`),
  code: (text: string, date: string) =>
    getJson<CodedText>("api/code", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(date ? { text, date } : { text }),
    }),
};

export const QUAD_NAMES = ["Verbal cooperation", "Material cooperation", "Verbal conflict", "Material conflict"];
export const QUAD_COLORS = ["#8cc084", "#2e7d32", "#f0a04b", "#c62828"];

export function actorLabel(a: ActorJ | null): string {
  if (!a) return "—";
  return a.code ? `${a.code}${a.name ? ` (${a.name})` : ""}` : a.text;
}
