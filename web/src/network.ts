// Actor network: who interacts with whom, edge width by count, colour by mean Goldstein.

import * as d3 from "d3";
import { svgIn } from "./chart";
import type { Network } from "./api";
import { clear, h } from "./dom";

interface SimNode extends d3.SimulationNodeDatum {
  id: string;
  label: string;
  count: number;
}
interface SimLink extends d3.SimulationLinkDatum<SimNode> {
  count: number;
  goldstein: number;
}

export const goldsteinColor = d3
  .scaleLinear<string>()
  .domain([-4, 0, 4])
  .range(["#c62828", "#9e9e9e", "#2e7d32"])
  .clamp(true);

export function drawNetwork(el: HTMLElement, net: Network, onPick: (actor: string) => void): void {
  clear(el);
  if (!net.nodes.length) {
    el.append(h("p", { class: "empty" }, "No dyadic events match these filters."));
    return;
  }
  const width = Math.max(260, el.clientWidth || 400);
  const height = 320;
  const nodes: SimNode[] = net.nodes.map((n) => ({ ...n }));
  const links: SimLink[] = net.edges.map((e) => ({ ...e }));
  const r = d3
    .scaleSqrt()
    .domain([1, d3.max(nodes, (n) => n.count) ?? 1])
    .range([5, 18]);
  const w = d3
    .scaleSqrt()
    .domain([1, d3.max(links, (l) => l.count) ?? 1])
    .range([1.2, 7]);

  const sim = d3
    .forceSimulation(nodes)
    .force(
      "link",
      d3
        .forceLink<SimNode, SimLink>(links)
        .id((n) => n.id)
        .distance(90),
    )
    .force("charge", d3.forceManyBody().strength(-260))
    .force("center", d3.forceCenter(width / 2, height / 2))
    // pull unconnected pairs in from the edges
    .force("x", d3.forceX(width / 2).strength(0.07))
    .force("y", d3.forceY(height / 2).strength(0.12))
    .force(
      "collide",
      d3.forceCollide<SimNode>().radius((n) => r(n.count) + 6),
    )
    .stop();
  // a fixed number of ticks: the same layout every time, no animation to wait for
  for (let i = 0; i < 300; i++) sim.tick();
  for (const n of nodes) {
    const half = Math.max(14, n.id.length * 3.6); // half the label's width
    n.x = Math.max(half, Math.min(width - half, n.x ?? 0));
    n.y = Math.max(24, Math.min(height - 16, n.y ?? 0));
  }

  const svg = svgIn(el, width, height, "Network of actors");
  svg
    .append("defs")
    .append("marker")
    .attr("id", "arrow")
    .attr("viewBox", "0 -4 8 8")
    .attr("refX", 8)
    .attr("markerUnits", "userSpaceOnUse")
    .attr("markerWidth", 9)
    .attr("markerHeight", 9)
    .attr("orient", "auto")
    .append("path")
    .attr("d", "M0,-4L8,0L0,4")
    .attr("fill", "#666");

  svg
    .append("g")
    .selectAll("line")
    .data(links)
    .join("line")
    .attr("class", "edge")
    .attr("stroke", (l) => goldsteinColor(l.goldstein))
    .attr("stroke-width", (l) => w(l.count))
    .attr("marker-end", "url(#arrow)")
    .each(function (l) {
      const s = l.source as SimNode;
      const t = l.target as SimNode;
      const dx = (t.x ?? 0) - (s.x ?? 0);
      const dy = (t.y ?? 0) - (s.y ?? 0);
      const len = Math.hypot(dx, dy) || 1;
      const rt = r(t.count) + 2;
      d3.select(this)
        .attr("x1", s.x ?? 0)
        .attr("y1", s.y ?? 0)
        .attr("x2", (t.x ?? 0) - (dx / len) * rt)
        .attr("y2", (t.y ?? 0) - (dy / len) * rt);
    })
    .append("title")
    .text((l) => `${(l.source as SimNode).id} → ${(l.target as SimNode).id}: ${l.count} events, mean Goldstein ${l.goldstein.toFixed(1)}`);

  const g = svg
    .append("g")
    .selectAll("g")
    .data(nodes)
    .join("g")
    .attr("class", "node")
    .attr("transform", (n) => `translate(${n.x},${n.y})`)
    .attr("tabindex", 0)
    .on("click", (_ev, n) => onPick(n.id))
    .on("keydown", (ev: KeyboardEvent, n) => {
      if (ev.key === "Enter") onPick(n.id);
    });
  g.append("circle").attr("r", (n) => r(n.count));
  g.append("text")
    .attr("dy", (n) => -r(n.count) - 3)
    .attr("text-anchor", "middle")
    .text((n) => n.id);
  g.append("title").text((n) => `${n.id}${n.label && n.label !== n.id ? ` — ${n.label}` : ""}: ${n.count} events`);

  el.append(
    h(
      "div",
      { class: "net-key" },
      h("span", { style: "color:#2e7d32" }, "■ cooperation"),
      " ",
      h("span", { style: "color:#9e9e9e" }, "■ neutral"),
      " ",
      h("span", { style: "color:#c62828" }, "■ conflict"),
      " — click an actor to filter",
    ),
  );
}
