// Training and validation loss per epoch, with the epoch whose weights were kept marked.

import type { ChartSpec } from '../render.js';
import { ACCENT, BENIGN, CONFIG, SCHEMA, SUSPICIOUS } from './theme.js';

export interface EpochRecord {
  epoch: number;
  loss: number;
  valLoss?: number | null;
}

export function lossChart(history: readonly EpochRecord[], bestEpoch?: number | null): ChartSpec {
  const values: { epoch: number; loss: number; series: string }[] = [];
  for (const h of history) {
    if (Number.isFinite(h.loss)) values.push({ epoch: h.epoch, loss: h.loss, series: 'training' });
    if (h.valLoss != null && Number.isFinite(h.valLoss)) values.push({ epoch: h.epoch, loss: h.valLoss, series: 'validation' });
  }
  const layers: object[] = [
    {
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'epoch', type: 'quantitative', title: 'epoch', axis: { tickMinStep: 1 } },
        y: { field: 'loss', type: 'quantitative', title: 'loss', scale: { zero: false } },
        color: {
          field: 'series',
          type: 'nominal',
          title: null,
          scale: { domain: ['training', 'validation'], range: [BENIGN, SUSPICIOUS] },
        },
      },
    },
  ];
  if (bestEpoch != null) {
    const last = history.length ? history[history.length - 1].epoch : bestEpoch;
    const rightHalf = bestEpoch > last / 2;
    layers.push({
      data: { values: [{ epoch: bestEpoch, label: `kept: epoch ${bestEpoch}` }] },
      layer: [
        { mark: { type: 'rule', color: ACCENT, strokeDash: [4, 3] }, encoding: { x: { field: 'epoch', type: 'quantitative' } } },
        {
          // Labels past the middle go to the left of the rule so they are not cut off at the edge.
          mark: { type: 'text', color: ACCENT, align: rightHalf ? 'right' : 'left', dx: rightHalf ? -4 : 4, baseline: 'top', y: 2 },
          encoding: { x: { field: 'epoch', type: 'quantitative' }, text: { field: 'label' } },
        },
      ],
    });
  }
  return {
    $schema: SCHEMA,
    config: CONFIG,
    title: 'Loss per epoch',
    width: 360,
    height: 220,
    data: { values },
    layer: layers,
  } as ChartSpec;
}
