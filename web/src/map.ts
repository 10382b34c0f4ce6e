// Map of event locations on packaged Natural Earth country shapes (world-atlas), clustered.

import * as d3 from "d3";
import { svgIn } from "./chart";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { MapPoint } from "./api";
import { clear, h } from "./dom";
import world from "world-atlas/countries-110m.json";

interface Cluster {
  x: number;
  y: number;
  count: number;
  points: MapPoint[];
}

/** Greedy clustering in screen space: each point joins the first cluster within ``radius`` px. */
export function cluster(points: { x: number; y: number; p: MapPoint }[], radius: number): Cluster[] {
  const out: Cluster[] = [];
  const sorted = [...points].sort((a, b) => b.p.count - a.p.count);
  for (const { x, y, p } of sorted) {
    const c = out.find((k) => Math.hypot(k.x - x, k.y - y) <= radius);
    if (c) {
      c.x = (c.x * c.count + x * p.count) / (c.count + p.count);
      c.y = (c.y * c.count + y * p.count) / (c.count + p.count);
      c.count += p.count;
      c.points.push(p);
    } else {
      out.push({ x, y, count: p.count, points: [p] });
    }
  }
  return out;
}

export function drawMap(el: HTMLElement, points: MapPoint[], onPick: (country: string) => void): void {
  clear(el);
  const width = Math.max(260, el.clientWidth || 400);
  const height = Math.round(width * 0.52);
  const topo = world as unknown as Topology<{ countries: GeometryCollection; land: GeometryCollection }>;
  const countries = feature(topo, topo.objects.countries);
  const projection = d3.geoNaturalEarth1().fitSize([width, height], countries);
  const path = d3.geoPath(projection);

  const svg = svgIn(el, width, height, "Map of event locations");
  const land = svg.append("g");
  land.append("path").attr("class", "sphere").attr("d", path({ type: "Sphere" }) ?? "");
  land
    .append("g")
    .selectAll("path")
    .data(countries.features)
    .join("path")
    .attr("class", "country")
    .attr("d", (f) => path(f) ?? "")
    .append("title")
    .text((f) => String((f.properties as { name?: string } | null)?.name ?? ""));
  const borders = land
    .append("path")
    .attr("class", "borders")
    .attr("d", path(mesh(topo, topo.objects.countries, (a, b) => a !== b)) ?? "");

  const projected = points.flatMap((p) => {
    const xy = projection([p.lon, p.lat]);
    return xy ? [{ x: xy[0], y: xy[1], p }] : [];
  });
  const dots = svg.append("g");
  // clusters are made in screen space, so zooming in splits them
  const drawClusters = (t: d3.ZoomTransform) => {
    dots.selectAll("*").remove();
    const clusters = cluster(
      projected.map((q) => ({ x: t.applyX(q.x), y: t.applyY(q.y), p: q.p })),
      18,
    );
    const g = dots
      .selectAll("g")
      .data(clusters)
      .join("g")
      .attr("class", "cluster")
      .attr("transform", (c) => `translate(${c.x},${c.y})`)
      .on("click", (_ev, c) => {
        const top = d3.greatest(
          d3.rollups(
            c.points.filter((p) => p.country),
            (v) => d3.sum(v, (p) => p.count),
            (p) => p.country as string,
          ),
          (kv) => kv[1],
        );
        if (top) onPick(top[0]);
      });
    g.append("circle").attr("r", (c) => 5 + Math.sqrt(c.count) * 3);
    g.append("text")
      .attr("dy", "0.35em")
      .attr("text-anchor", "middle")
      .text((c) => (c.count > 1 ? String(c.count) : ""));
    g.append("title").text((c) =>
      c.points.map((p) => `${p.name}${p.country ? ` (${p.country})` : ""}: ${p.count}`).join("\n"),
    );
  };
  const zoom = d3
    .zoom<SVGSVGElement, unknown>()
    .scaleExtent([1, 16])
    .translateExtent([
      [0, 0],
      [width, height],
    ])
    // wheel zooms only with Ctrl (the page scrolls otherwise); drag pans; touch is left to the page
    .filter((ev: Event) => (ev.type === "wheel" ? (ev as WheelEvent).ctrlKey : ev.type.startsWith("mouse") && !(ev as MouseEvent).button))
    .on("zoom", (ev: d3.D3ZoomEvent<SVGSVGElement, unknown>) => {
      land.attr("transform", ev.transform.toString());
      borders.attr("stroke-width", 0.5 / ev.transform.k);
      drawClusters(ev.transform);
    });
  svg.call(zoom).on("dblclick.zoom", null);
  drawClusters(d3.zoomIdentity);
  const step = (k: number) => () => svg.transition().duration(250).call(zoom.scaleBy, k);
  el.append(
    h(
      "div",
      { class: "map-controls" },
      h("button", { type: "button", title: "Zoom in", "aria-label": "Zoom in", onclick: step(2) }, "+"),
      h("button", { type: "button", title: "Zoom out", "aria-label": "Zoom out", onclick: step(0.5) }, "−"),
      h("button", { type: "button", onclick: () => svg.transition().duration(250).call(zoom.transform, d3.zoomIdentity) }, "Whole world"),
      h("span", { class: "hint" }, "drag to pan, Ctrl+wheel to zoom; click a circle to filter by its country"),
    ),
  );
  if (!points.length) el.append(h("p", { class: "empty" }, "No located events match these filters."));
}
