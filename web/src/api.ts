// Types of the JSON the API returns (see docs/web.md) and small fetch helpers.

// Rows mirror tidings.store.base (EventRow, MentionRow, ArticleRow, ClaimRow, ...).

export interface EventRow {
  event_id: string;
  date_granularity: string;
  first_seen: string | null;
  last_seen: string | null;
  source_url: string | null;
  cameo: string;
  cameo_label: string;
  plover_event: string | null;
  quad_class: number;
  goldstein: number;
  date_start: string | null;
  date_end: string | null;
  num_mentions: number;
  num_sources: number;
  num_articles: number;
  source_code: string | null;
  source_name: string | null;
  target_code: string | null;
  target_name: string | null;
  modality: string;
  sentence: string;
  place_name: string | null;
  place_country: string | null;
  claim_status: string | null;
}

export interface MentionRow {
  mention_id: string;
  event_id: string;
  article_id: string;
  sentence_index: number;
  cameo: string;
  cameo_label: string;
  plover_event: string | null;
  goldstein: number;
  quad_class: number;
  date_start: string | null;
  date_end: string | null;
  date_text: string | null;
  sentence: string;
  trigger: string;
  source_code: string | null;
  source_name: string | null;
  source_text: string | null;
  target_code: string | null;
  target_name: string | null;
  target_text: string | null;
  modality: string;
  hedged: boolean;
  speaker_code: string | null;
  speaker_text: string | null;
  attribution_cue: string | null;
  attribution_outlet: string | null;
  place_name: string | null;
  place_country: string | null;
  claim_status: string | null;
}

export interface EventHit {
  event: EventRow;
  article_ids: string[];
}

export interface EventPage {
  total: number;
  limit: number;
  offset: number;
  items: EventHit[];
  truncated: boolean;
}

export interface Span {
  start: number;
  end: number;
  kind: "trigger" | "actor" | "date" | "place";
  label: string;
  mention_id: string | null;
}

export interface ClaimEvidence {
  mention_id: string;
  article_id: string;
  side: "for" | "against";
  modality: string;
  speaker: string | null;
  sentence: string | null;
}

export interface ClaimRow {
  claim_id: string;
  event_id: string;
  status: string;
  source_code: string | null;
  target_code: string | null;
  cameo: string;
  sentence: string;
  num_supporting: number;
  num_denying: number;
}

export interface ClaimView {
  claim: ClaimRow;
  evidence: ClaimEvidence[];
}

export interface ArticleRow {
  id: string;
  text: string;
  date: string | null;
  title: string | null;
  source: string | null;
  url: string | null;
}

export interface ArticleView {
  article: ArticleRow;
  mentions: MentionRow[];
  spans: Span[];
  claims: ClaimView[];
}

export interface CodeResult {
  text: string;
  mentions: MentionRow[];
  spans: Span[];
}

export interface SeriesPoint {
  period: string; // first day of the period
  num_events: number;
  quad1: number;
  quad2: number;
  quad3: number;
  quad4: number;
  goldstein_sum: number;
}

export interface Series {
  by: string;
  points: SeriesPoint[];
  truncated: boolean;
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
  truncated: boolean;
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
  claim_statuses: string[];
  events: number;
  articles: number;
  max_text_chars: number;
  coder_available: boolean;
}

export interface PartnerCount {
  code: string;
  name: string | null;
  num_events: number;
  goldstein_sum: number;
}

export interface ActorView {
  code: string;
  names: string[];
  summary: {
    num_events: number;
    as_source: number;
    as_target: number;
    quad_counts: [number, number, number, number];
    goldstein_sum: number;
    first_date: string | null;
    last_date: string | null;
    top_partners: PartnerCount[];
  };
  identities: {
    name: string;
    kind: string;
    country: string | null;
    roles: { code: string; start: string | null; end: string | null; role: string | null }[];
  }[];
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

/** What went wrong, for a person: the API's own message when it gave one. */
export function messageOf(err: unknown): string {
  return err instanceof ApiError ? err.message : String(err);
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
  actor: (code: string) => getJson<ActorView>(`api/actors/${encodeURIComponent(code)}`),
  event: (id: string) => getJson<{ event: EventRow; mentions: MentionRow[] }>(`api/events/${encodeURIComponent(id)}`),
  article: (id: string) => getJson<ArticleView>(`api/articles/${encodeURIComponent(id)}`),
  series: (f: Filters) => getJson<Series>(`api/series${query(f)}`),
  network: (f: Filters) => getJson<Network>(`api/network${query(f)}`),
  places: (f: Filters) => getJson<{ points: MapPoint[]; truncated: boolean }>(`api/places${query(f)}`),
  claims: (status: string) => getJson<{ items: ClaimView[] }>(`api/claims${query({ status })}`),
  code: (text: string, date: string) =>
    getJson<CodeResult>("api/code", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(date ? { text, date } : { text }),
    }),
};

export const QUAD_NAMES = ["Verbal cooperation", "Material cooperation", "Verbal conflict", "Material conflict"];
export const QUAD_COLORS = ["#8cc084", "#2e7d32", "#f0a04b", "#c62828"];

export function actorLabel(code: string | null, name: string | null): string {
  if (!code) return name ?? "—";
  return name ? `${code} (${name})` : code;
}

export function quadCounts(p: SeriesPoint): [number, number, number, number] {
  return [p.quad1, p.quad2, p.quad3, p.quad4];
}
