// Actor panel: names, dated roles from the dictionaries, counts and top partners.

import type { ActorView } from "./api";
import { QUAD_COLORS, QUAD_NAMES } from "./api";
import { clear, h } from "./dom";

export function drawActor(el: HTMLElement, a: ActorView, onPartner: (code: string) => void): void {
  clear(el);
  const s = a.summary;
  const span = [s.first_date, s.last_date].filter(Boolean).join(" – ");
  el.append(
    h("h2", {}, `Actor ${a.code}`, a.names.length ? ` — ${a.names.slice(0, 4).join(", ")}` : ""),
    h(
      "p",
      { class: "actor-counts" },
      `${s.num_events} events (${s.as_source} as source, ${s.as_target} as target)`,
      span ? `, ${span}` : "",
      `, summed Goldstein ${s.goldstein_sum.toFixed(1)}`,
    ),
    h(
      "div",
      { class: "quad-key" },
      ...s.quad_counts.map((n, q) => h("span", {}, h("i", { style: `background:${QUAD_COLORS[q]}` }), `${QUAD_NAMES[q]}: ${n}`)),
    ),
  );
  if (s.top_partners.length) {
    const list = h("ul", { class: "partners" });
    for (const p of s.top_partners) {
      list.append(
        h(
          "li",
          {},
          h("button", { type: "button", class: "link", onclick: () => onPartner(p.code) }, p.code),
          p.name ? ` ${p.name}` : "",
          ` — ${p.num_events} events, Goldstein ${p.goldstein_sum.toFixed(1)}`,
        ),
      );
    }
    el.append(h("h4", {}, "Top partners"), list);
  }
  if (a.identities.length) {
    const roles = h("ul", { class: "roles" });
    for (const i of a.identities.slice(0, 8)) {
      roles.append(
        h(
          "li",
          {},
          h("strong", {}, i.name),
          ` (${i.kind}): `,
          i.roles
            .map((r) => `${r.code} ${r.start ?? "…"} to ${r.end ?? "…"}${r.role ? ` (${r.role})` : ""}`)
            .join("; "),
        ),
      );
    }
    el.append(h("h4", {}, "Dated roles"), roles);
  }
}
