// Shared look of every chart: one font (the one resvg and the browser both have), quiet axes,
// colours that survive greyscale printing, and a helper to keep large curves drawable.

export const FONT = 'DejaVu Sans, Verdana, sans-serif';
export const BENIGN = '#4c78a8';
export const SUSPICIOUS = '#e45756';
export const ACCENT = '#f58518';

export const CONFIG = {
  font: FONT,
  background: 'white',
  view: { stroke: '#ddd' },
  axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#eee' },
  title: { fontSize: 14, anchor: 'start' as const, offset: 8 },
  legend: { labelFontSize: 11, titleFontSize: 11 },
};

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * At most `max` evenly spread indices of 0..n-1, always keeping the first and last: curves of
 * tens of thousands of points look the same with a few hundred and keep the SVG small.
 */
export function thinIndices(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const out: number[] = [];
  const step = (n - 1) / (max - 1);
  for (let k = 0; k < max; k++) out.push(Math.round(k * step));
  return [...new Set(out)];
}

/** A number short enough for a label. */
export function fmt(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) >= 1e6 || (Math.abs(v) < 1e-3 && v !== 0)) return v.toExponential(2);
  return Number(v.toFixed(digits)).toString();
}

/**
 * Indices of the points of a curve in [0, 1]² worth drawing: a point is kept when it has moved at
 * least `eps` (in x + y) from the last kept one, together with the point just before it, so that
 * every jump and every corner of a step curve survives (even spacing would drop the few early
 * points of a PR curve with 4 positives among 12,000 rows). Falls back to even spacing if the
 * result is still longer than `max`.
 */
export function thinCurve(x: readonly number[], y: readonly number[], max: number, eps = 0.005): number[] {
  const n = x.length;
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const keep: number[] = [0];
  let last = 0;
  for (let i = 1; i < n; i++) {
    if (Math.abs(x[i] - x[last]) + Math.abs(y[i] - y[last]) >= eps || i === n - 1) {
      if (i - 1 > last) keep.push(i - 1);
      keep.push(i);
      last = i;
    }
  }
  if (keep.length <= max) return keep;
  return thinIndices(keep.length, max).map((k) => keep[k]);
}
