// Tuning-study pictures: the objective value of every finished trial in order with the best so far
// as a step line, and the value against each hyperparameter (one small chart per parameter).

import type { ChartSpec } from '../render.js';
import { ACCENT, BENIGN, CONFIG, SCHEMA } from './theme.js';

export interface StudyTrial {
  number: number;
  state: string;
  value: number | null;
  params: Readonly<Record<string, number | string | boolean>>;
}

function completed(trials: readonly StudyTrial[]): StudyTrial[] {
  return trials.filter((t) => t.state === 'COMPLETE' && t.value !== null && Number.isFinite(t.value)).sort((a, b) => a.number - b.number);
}

export function tuningHistoryChart(trials: readonly StudyTrial[], direction: 'minimize' | 'maximize', objective: string): ChartSpec {
  const done = completed(trials);
  let best = direction === 'minimize' ? Infinity : -Infinity;
  const values = done.map((t) => {
    const v = t.value as number;
    best = direction === 'minimize' ? Math.min(best, v) : Math.max(best, v);
    return { trial: t.number, value: v, best };
  });
  return {
    $schema: SCHEMA,
    config: CONFIG,
    title: { text: 'Tuning history', subtitle: `${objective} per trial (${direction}); line: best so far` },
    width: 420,
    height: 220,
    data: { values },
    encoding: { x: { field: 'trial', type: 'quantitative', title: 'trial', axis: { tickMinStep: 1 } } },
    layer: [
      { mark: { type: 'point', filled: true, color: BENIGN, size: 40 }, encoding: { y: { field: 'value', type: 'quantitative', title: objective, scale: { zero: false } } } },
      { mark: { type: 'line', color: ACCENT, interpolate: 'step-after', strokeWidth: 2 }, encoding: { y: { field: 'best', type: 'quantitative' } } },
    ],
  } as ChartSpec;
}

export function paramsChart(trials: readonly StudyTrial[], objective: string, columns = 3): ChartSpec {
  const done = completed(trials);
  const names = [...new Set(done.flatMap((t) => Object.keys(t.params)))].sort();
  const panels = names.map((name) => {
    const rows = done.filter((t) => name in t.params).map((t) => ({ v: t.params[name], value: t.value, trial: t.number }));
    const numeric = rows.every((r) => typeof r.v === 'number');
    const positive = numeric && rows.every((r) => (r.v as number) > 0);
    const spread = positive ? Math.max(...rows.map((r) => r.v as number)) / Math.min(...rows.map((r) => r.v as number)) : 1;
    return {
      title: { text: name, fontSize: 12 },
      width: 170,
      height: 120,
      data: { values: rows.map((r) => ({ ...r, v: numeric ? r.v : String(r.v) })) },
      mark: { type: 'point', filled: true, color: BENIGN, opacity: 0.8 },
      encoding: {
        x: numeric
          ? { field: 'v', type: 'quantitative', title: name, scale: spread > 50 ? { type: 'log' } : { type: 'linear', zero: false } }
          : { field: 'v', type: 'nominal', title: name },
        y: { field: 'value', type: 'quantitative', title: objective, scale: { zero: false } },
      },
    };
  });
  return {
    $schema: SCHEMA,
    config: CONFIG,
    title: { text: 'Objective against each hyperparameter' },
    columns,
    concat: panels,
  } as ChartSpec;
}
