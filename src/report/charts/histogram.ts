// Score histogram per class: the share of each class's rows in each score bin, so that a class of
// 200 rows is as visible as one of 12,000; the operating threshold is a vertical rule.

import type { ChartSpec } from '../render.js';
import { ACCENT, BENIGN, CONFIG, SCHEMA, SUSPICIOUS, fmt } from './theme.js';

export interface ScoreBin {
  cls: 'benign' | 'suspicious';
  start: number;
  end: number;
  count: number;
  share: number;
}

/** Counts of each class's scores in `bins` equal bins over [0, 1]. */
export function scoreBins(labels: ArrayLike<number>, scores: ArrayLike<number>, bins = 40): ScoreBin[] {
  const counts = [new Float64Array(bins), new Float64Array(bins)];
  const totals = [0, 0];
  for (let i = 0; i < scores.length; i++) {
    const y = labels[i] ? 1 : 0;
    const b = Math.min(bins - 1, Math.max(0, Math.floor(scores[i] * bins)));
    counts[y][b]++;
    totals[y]++;
  }
  const out: ScoreBin[] = [];
  for (const y of [0, 1]) {
    if (totals[y] === 0) continue;
    for (let b = 0; b < bins; b++) {
      out.push({
        cls: y ? 'suspicious' : 'benign',
        start: b / bins,
        end: (b + 1) / bins,
        count: counts[y][b],
        share: counts[y][b] / totals[y],
      });
    }
  }
  return out;
}

export function scoreHistogram(bins: readonly ScoreBin[], threshold: number): ChartSpec {
  return {
    $schema: SCHEMA,
    config: CONFIG,
    title: { text: 'Scores per class', subtitle: 'share of each class’s rows per score bin' },
    width: 360,
    height: 200,
    layer: [
      {
        data: { values: bins },
        mark: { type: 'rect', opacity: 0.6, binSpacing: 0 },
        encoding: {
          x: { field: 'start', type: 'quantitative', title: 'predicted probability of suspicious', scale: { domain: [0, 1] } },
          x2: { field: 'end' },
          y: { field: 'share', type: 'quantitative', title: 'share of class', stack: null, axis: { format: '%' } },
          color: {
            field: 'cls',
            type: 'nominal',
            title: 'actual',
            scale: { domain: ['benign', 'suspicious'], range: [BENIGN, SUSPICIOUS] },
          },
        },
      },
      {
        data: { values: [{ t: threshold, label: `threshold ${fmt(threshold)}` }] },
        layer: [
          { mark: { type: 'rule', color: ACCENT, strokeWidth: 2 }, encoding: { x: { field: 't', type: 'quantitative' } } },
          { mark: { type: 'text', color: ACCENT, align: 'left', dx: 4, y: 4, baseline: 'top' }, encoding: { x: { field: 't', type: 'quantitative' }, text: { field: 'label' } } },
        ],
      },
    ],
  } as ChartSpec;
}
