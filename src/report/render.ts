// Vega-Lite spec → SVG (vega-lite compile, then a headless vega View with renderer 'none') → PNG
// (@resvg/resvg-js). The SVG is self-contained (no external fonts or images), so the HTML report
// can inline it as is. resvg draws text with system fonts: Debian's fonts-dejavu-core is the one
// we ask for (.ci/run installs it), with any sans-serif face as the fallback.

import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export type ChartSpec = TopLevelSpec;

/** The SVG text of a Vega-Lite spec. */
export async function renderSvg(spec: ChartSpec): Promise<string> {
  const compiled = compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Error });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

function rasterize(svg: string, scale: number) {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    background: 'white',
  });
  return resvg.render();
}

/** A PNG of an SVG at `scale` × its size (2 by default: sharp on high-density screens and in print). */
export function renderPng(svg: string, scale = 2): Buffer {
  return rasterize(svg, scale).asPng();
}

/** The RGBA pixels resvg draws for an SVG (tests check that text really gets a font). */
export function renderPixels(svg: string, scale = 1): { width: number; height: number; rgba: Buffer } {
  const img = rasterize(svg, scale);
  return { width: img.width, height: img.height, rgba: img.pixels };
}
