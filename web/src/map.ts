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
  svg.append("path").attr("class", "sphere").attr("d", path({ type: "Sphere" }) ?? "");
  svg
    .append("g")
    .selectAll("path")
    .data(countries.features)
    .join("path")
    .attr("class", "country")
    .attr("d", (f) => path(f) ?? "")
    .append("title")
    .text((f) => String((f.properties as { name?: string } | null)?.name ?? ""));
  svg
    .append("path")
    .attr("class", "borders")
    .attr("d", path(mesh(topo, topo.objects.countries, (a, b) => a !== b)) ?? "");

  const projected = points.flatMap((p) => {
    const xy = projection([p.lon, p.lat]);
    return xy ? [{ x: xy[0], y: xy[1], p }] : [];
  });
  const clusters = cluster(projected, 18);
  const g = svg
    .append("g")
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
    c.points
      .map((p) => `${p.name}${p.country ? ` (${p.country})` : ""}: ${p.count}`)
      .join("\n"),
  );
  if (!points.length) el.append(h("p", { class: "empty" }, "No located events match these filters."));
}
