// The charts `explain` writes beside pdp.json: the PDP grid, one heat map per feature pair and the
// importance bars, each as SVG and PNG.

import type { Explanation } from '../explain/explain.js';
import { importanceChart, pdpGrid, pdpHeatmap } from './charts/pdp.js';
import { renderPng, renderSvg, type ChartSpec } from './render.js';

export interface RenderedChart {
  name: string;
  svg: string;
  png: Buffer;
}

export async function renderExplanationCharts(ex: Explanation): Promise<RenderedChart[]> {
  const specs: [string, ChartSpec][] = [['pdp', pdpGrid(ex.pdp.features)]];
  if (ex.pdp.features.some((f) => f.centered)) specs.push(['ice-centered', pdpGrid(ex.pdp.features, { centered: true })]);
  for (const pair of ex.pdp.pairs) specs.push([`pdp-${pair.features[0]}-${pair.features[1]}`, pdpHeatmap(pair)]);
  if (ex.importance) specs.push(['importance', importanceChart(ex.importance)]);
  const out: RenderedChart[] = [];
  for (const [name, spec] of specs) {
    const svg = await renderSvg(spec);
    out.push({ name, svg, png: renderPng(svg) });
  }
  return out;
}
