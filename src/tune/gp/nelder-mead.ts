// Nelder–Mead simplex minimisation (standard coefficients, shrink on failure). Used to maximise the
// GP's log marginal likelihood over log-hyperparameters: a handful of dimensions, no gradients needed.

export interface NelderMeadOptions {
  maxEvals?: number;
  /** Initial simplex edge along each axis. */
  step?: number;
  /** Stop when the spread of values in the simplex falls below this. */
  tol?: number;
}

export interface NelderMeadResult {
  x: number[];
  value: number;
  evals: number;
}

export function nelderMead(f: (x: number[]) => number, x0: readonly number[], opts: NelderMeadOptions = {}): NelderMeadResult {
  const d = x0.length;
  const maxEvals = opts.maxEvals ?? 200 * d;
  const step = opts.step ?? 0.5;
  const tol = opts.tol ?? 1e-7;
  let evals = 0;
  const evalF = (x: number[]): number => {
    evals++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const pts: number[][] = [x0.slice()];
  for (let i = 0; i < d; i++) {
    const p = x0.slice();
    p[i] += step;
    pts.push(p);
  }
  const vals = pts.map(evalF);
  const order = (): void => {
    const idx = pts.map((_, i) => i).sort((a, b) => vals[a] - vals[b]);
    const p2 = idx.map((i) => pts[i]);
    const v2 = idx.map((i) => vals[i]);
    for (let i = 0; i <= d; i++) {
      pts[i] = p2[i];
      vals[i] = v2[i];
    }
  };
  const lerp = (c: number[], p: number[], t: number): number[] => c.map((ci, i) => ci + t * (p[i] - ci));
  while (evals < maxEvals) {
    order();
    if (Math.abs(vals[d] - vals[0]) <= tol * (Math.abs(vals[0]) + tol)) break;
    const centroid = new Array<number>(d).fill(0);
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) centroid[j] += pts[i][j] / d;
    const worst = pts[d];
    const xr = lerp(centroid, worst, -1);
    const fr = evalF(xr);
    if (fr < vals[0]) {
      const xe = lerp(centroid, worst, -2);
      const fe = evalF(xe);
      if (fe < fr) {
        pts[d] = xe;
        vals[d] = fe;
      } else {
        pts[d] = xr;
        vals[d] = fr;
      }
    } else if (fr < vals[d - 1]) {
      pts[d] = xr;
      vals[d] = fr;
    } else {
      const outside = fr < vals[d];
      const xc = lerp(centroid, outside ? xr : worst, 0.5);
      const fc = evalF(xc);
      if (fc < (outside ? fr : vals[d])) {
        pts[d] = xc;
        vals[d] = fc;
      } else {
        for (let i = 1; i <= d; i++) {
          pts[i] = lerp(pts[0], pts[i], 0.5);
          vals[i] = evalF(pts[i]);
        }
      }
    }
  }
  order();
  return { x: pts[0], value: vals[0], evals };
}
