// What the charts share: an SVG of a given size that scales down with its panel.

import * as d3 from "d3";

export function svgIn(el: HTMLElement, width: number, height: number, label: string) {
  return d3
    .select(el)
    .append("svg")
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("width", width)
    .attr("height", height)
    .attr("role", "img")
    .attr("aria-label", label);
}
