// Standard test functions for optimisers, with their spaces and known minima: the regret test and
// bench/sampler-regret.ts measure samplers on them (regret = best value found − true minimum).

import type { Params, SearchSpace } from './distributions.js';

export interface BenchmarkFunction {
  readonly name: string;
  readonly space: SearchSpace;
  readonly minimum: number;
  evaluate(p: Readonly<Params>): number;
}

export const BRANIN: BenchmarkFunction = {
  name: 'branin',
  space: { x1: { type: 'float', low: -5, high: 10, log: false }, x2: { type: 'float', low: 0, high: 15, log: false } },
  minimum: 0.39788735772973816,
  evaluate(p) {
    const x1 = p.x1 as number;
    const x2 = p.x2 as number;
    const b = 5.1 / (4 * Math.PI * Math.PI);
    const c = 5 / Math.PI;
    const t = 1 / (8 * Math.PI);
    return (x2 - b * x1 * x1 + c * x1 - 6) ** 2 + 10 * (1 - t) * Math.cos(x1) + 10;
  },
};

const H6_A = [
  [10, 3, 17, 3.5, 1.7, 8],
  [0.05, 10, 17, 0.1, 8, 14],
  [3, 3.5, 1.7, 10, 17, 8],
  [17, 8, 0.05, 10, 0.1, 14],
];
const H6_P = [
  [1312, 1696, 5569, 124, 8283, 5886],
  [2329, 4135, 8307, 3736, 1004, 9991],
  [2348, 1451, 3522, 2883, 3047, 6650],
  [4047, 8828, 8732, 5743, 1091, 381],
].map((r) => r.map((v) => v * 1e-4));
const H6_ALPHA = [1, 1.2, 3, 3.2];

const h6Space: Record<string, { type: 'float'; low: number; high: number; log: boolean }> = {};
for (let i = 1; i <= 6; i++) h6Space[`x${i}`] = { type: 'float', low: 0, high: 1, log: false };

export const HARTMANN6: BenchmarkFunction = {
  name: 'hartmann6',
  space: h6Space,
  minimum: -3.322368011415515,
  evaluate(p) {
    let s = 0;
    for (let i = 0; i < 4; i++) {
      let inner = 0;
      for (let j = 0; j < 6; j++) {
        const d = (p[`x${j + 1}`] as number) - H6_P[i][j];
        inner += H6_A[i][j] * d * d;
      }
      s += H6_ALPHA[i] * Math.exp(-inner);
    }
    return -s;
  },
};
