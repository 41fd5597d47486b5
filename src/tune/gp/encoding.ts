// Parameters ↔ points of the unit cube the GP works in. Numeric dimensions are their internal
// coordinate (log for log dims) scaled to [0, 1]; a categorical becomes a one-hot block, so the
// kernel sees choices as unordered. Decoding rounds integers and takes the arg-max of a block.

import {
  fromInternal, internalBounds, toInternal, type Distribution, type Params, type SearchSpace,
} from '../distributions.js';

export class UnitCubeEncoding {
  readonly names: string[];
  readonly dims: number;
  private readonly offsets: number[];

  constructor(readonly space: SearchSpace) {
    this.names = Object.keys(space);
    this.offsets = [];
    let o = 0;
    for (const name of this.names) {
      this.offsets.push(o);
      const d = space[name];
      o += d.type === 'categorical' ? d.choices.length : 1;
    }
    this.dims = o;
  }

  encode(params: Readonly<Params>): number[] {
    const out = new Array<number>(this.dims).fill(0);
    this.names.forEach((name, k) => {
      const d = this.space[name];
      const x = toInternal(d, params[name]);
      if (d.type === 'categorical') out[this.offsets[k] + x] = 1;
      else {
        const [lo, hi] = internalBounds(d);
        out[this.offsets[k]] = hi > lo ? (x - lo) / (hi - lo) : 0.5;
      }
    });
    return out;
  }

  decode(u: readonly number[]): Params {
    const out: Params = {};
    this.names.forEach((name, k) => {
      const d: Distribution = this.space[name];
      const o = this.offsets[k];
      if (d.type === 'categorical') {
        let best = 0;
        for (let c = 1; c < d.choices.length; c++) if (u[o + c] > u[o + best]) best = c;
        out[name] = d.choices[best];
      } else {
        const [lo, hi] = internalBounds(d);
        out[name] = fromInternal(d, lo + Math.min(1, Math.max(0, u[o])) * (hi - lo));
      }
    });
    return out;
  }

  /** Indices of the numeric coordinates (the ones local refinement moves). */
  numericCoordinates(): number[] {
    const out: number[] = [];
    this.names.forEach((name, k) => {
      if (this.space[name].type !== 'categorical') out.push(this.offsets[k]);
    });
    return out;
  }
}
