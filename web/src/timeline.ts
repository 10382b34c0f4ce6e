// Timeline of a dyad or an actor: stacked counts by QuadClass and summed Goldstein.
// Brushing a range calls ``onBrush`` with the first and last day of the range.

import * as d3 from "d3";
import { svgIn } from "./chart";
import type { Series } from "./api";
import { QUAD_COLORS, QUAD_NAMES, quadCounts } from "./api";
import { clear, h } from "./dom";

const DAY = 86_400_000;

function periodEnd(start: Date, by: string): Date {
  if (by === "day") return new Date(start.getTime() + DAY);
  if (by === "week") return new Date(start.getTime() + 7 * DAY);
  if (by === "month") return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  return new Date(Date.UTC(start.getUTCFullYear() + 1, 0, 1));
}

export function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function drawTimeline(
  el: HTMLElement,
  series: Series,
  selected: [string, string] | null,
  onBrush: (range: [string, string] | null) => void,
): void {
  clear(el);
  if (!series.points.length) {
    el.append(h("p", { class: "empty" }, "No dated events match these filters."));
    return;
  }
  const width = Math.max(280, el.clientWidth || 600);
  const height = 190;
  const m = { top: 10, right: 44, bottom: 24, left: 36 };
  const pts = series.points.map((p) => {
    const start = new Date(`${p.period}T00:00:00Z`);
    return { period: p.period, counts: quadCounts(p), goldstein: p.goldstein_sum, start, end: periodEnd(start, series.by) };
  });
  const x = d3
    .scaleUtc()
    .domain([d3.min(pts, (p) => p.start)!, d3.max(pts, (p) => p.end)!])
    .range([m.left, width - m.right]);
  const maxCount = d3.max(pts, (p) => p.counts.reduce((a, b) => a + b, 0)) ?? 1;
  const y = d3.scaleLinear().domain([0, maxCount]).nice().range([height - m.bottom, m.top]);
  const gExt = d3.extent(pts, (p) => p.goldstein) as [number, number];
  const gAbs = Math.max(1, Math.abs(gExt[0]), Math.abs(gExt[1]));
  const yg = d3.scaleLinear().domain([-gAbs, gAbs]).nice().range([height - m.bottom, m.top]);

  const svg = svgIn(el, width, height, "Events over time by QuadClass, with summed Goldstein score");

  const bars = svg.append("g");
  for (const p of pts) {
    let acc = 0;
    const x0 = x(p.start);
    const w = Math.max(3, x(p.end) - x0 - 1);
    p.counts.forEach((c, q) => {
      if (!c) return;
      bars
        .append("rect")
        .attr("x", x0)
        .attr("width", w)
        .attr("y", y(acc + c))
        .attr("height", y(acc) - y(acc + c))
        .attr("fill", QUAD_COLORS[q])
        .append("title")
        .text(`${p.period}: ${c} ${QUAD_NAMES[q].toLowerCase()}`);
      acc += c;
    });
  }
  const line = d3
    .line<(typeof pts)[number]>()
    .x((p) => (x(p.start) + x(p.end)) / 2)
    .y((p) => yg(p.goldstein));
  svg.append("line").attr("class", "zero").attr("x1", m.left).attr("x2", width - m.right).attr("y1", yg(0)).attr("y2", yg(0));
  // one line per run of consecutive periods: no line across periods without events
  const runs: (typeof pts)[] = [];
  pts.forEach((p, i) => {
    if (i > 0 && pts[i - 1].end.getTime() === p.start.getTime()) runs[runs.length - 1].push(p);
    else runs.push([p]);
  });
  svg.append("g").selectAll("path").data(runs).join("path").attr("class", "goldstein").attr("d", line);
  svg
    .append("g")
    .selectAll("circle")
    .data(pts)
    .join("circle")
    .attr("class", "goldstein-pt")
    .attr("r", 2.5)
    .attr("cx", (p) => (x(p.start) + x(p.end)) / 2)
    .attr("cy", (p) => yg(p.goldstein))
    .append("title")
    .text((p) => `${p.period}: Goldstein ${p.goldstein.toFixed(1)}`);

  svg
    .append("g")
    .attr("transform", `translate(0,${height - m.bottom})`)
    .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 110))));
  svg.append("g").attr("transform", `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(4));
  svg
    .append("g")
    .attr("class", "axis-goldstein")
    .attr("transform", `translate(${width - m.right},0)`)
    .call(d3.axisRight(yg).ticks(4));

  const brush = d3
    .brushX()
    .extent([
      [m.left, m.top],
      [width - m.right, height - m.bottom],
    ])
    .on("end", (ev: d3.D3BrushEvent<unknown>) => {
      if (!ev.sourceEvent) return; // moved by code, not by the user
      if (!ev.selection) {
        onBrush(null);
        return;
      }
      const [a, b] = ev.selection as [number, number];
      const d0 = x.invert(a);
      const d1 = new Date(x.invert(b).getTime() - 1);
      onBrush([iso(d0), iso(d1)]);
    });
  const gb = svg.append("g").attr("class", "brush").call(brush);
  if (selected) {
    const a = x(new Date(`${selected[0]}T00:00:00Z`));
    const b = x(new Date(new Date(`${selected[1]}T00:00:00Z`).getTime() + DAY));
    const lo = Math.max(m.left, Math.min(a, width - m.right));
    const hi = Math.max(m.left, Math.min(b, width - m.right));
    if (hi > lo) gb.call(brush.move, [lo, hi]);
  }

  const key = h("div", { class: "quad-key" });
  QUAD_NAMES.forEach((n, q) => key.append(h("span", {}, h("i", { style: `background:${QUAD_COLORS[q]}` }), n)));
  key.append(h("span", {}, h("i", { class: "gline" }), "summed Goldstein (right axis)"));
  el.append(key);
}
