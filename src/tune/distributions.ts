// The three kinds of hyperparameter a search space holds, and how each maps onto the internal
// real line the samplers work on: log-scaled dimensions live in log space, integers are continuous
// there and rounded on the way back, categoricals are their choice index.

export type ParamValue = number | string | boolean;
export type Params = Record<string, ParamValue>;

export interface FloatDistribution {
  readonly type: 'float';
  readonly low: number;
  readonly high: number;
  readonly log: boolean;
}

export interface IntDistribution {
  readonly type: 'int';
  readonly low: number;
  readonly high: number;
  readonly log: boolean;
}

export interface CategoricalDistribution {
  readonly type: 'categorical';
  readonly choices: readonly ParamValue[];
}

export type Distribution = FloatDistribution | IntDistribution | CategoricalDistribution;
export type NumericDistribution = FloatDistribution | IntDistribution;

/** Parameter name → distribution. Key order is the dimension order every sampler uses. */
export type SearchSpace = Readonly<Record<string, Distribution>>;

export function isNumeric(d: Distribution): d is NumericDistribution {
  return d.type !== 'categorical';
}

/**
 * Internal bounds of a numeric distribution. Integers get half a unit on each side so that, after
 * rounding, every integer owns an equally wide slice of the internal interval (as Optuna does).
 */
export function internalBounds(d: NumericDistribution): [number, number] {
  const pad = d.type === 'int' ? 0.5 : 0;
  const lo = d.low - pad;
  const hi = d.high + pad;
  if (!d.log) return [lo, hi];
  // A log-scaled int starting at 1 would pad to 0.5: still positive, so the log is defined.
  return [Math.log(lo), Math.log(hi)];
}

/** A parameter value → its internal coordinate (log for log dims, index for categoricals). */
export function toInternal(d: Distribution, value: ParamValue): number {
  if (d.type === 'categorical') {
    const i = d.choices.indexOf(value);
    if (i < 0) throw new RangeError(`value ${JSON.stringify(value)} is not one of the choices`);
    return i;
  }
  const v = value as number;
  return d.log ? Math.log(v) : v;
}

/** An internal coordinate → a valid parameter value (rounded and clamped into the distribution). */
export function fromInternal(d: Distribution, x: number): ParamValue {
  if (d.type === 'categorical') {
    const i = Math.min(d.choices.length - 1, Math.max(0, Math.round(x)));
    return d.choices[i];
  }
  let v = d.log ? Math.exp(x) : x;
  if (d.type === 'int') v = Math.round(v);
  return Math.min(d.high, Math.max(d.low, v));
}

/** Whether a value belongs to the distribution (the samplers' contract tests use it). */
export function contains(d: Distribution, value: ParamValue): boolean {
  if (d.type === 'categorical') return d.choices.includes(value);
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (d.type === 'int' && !Number.isInteger(value)) return false;
  return value >= d.low && value <= d.high;
}

/** Draw one value uniformly (in internal space: log-uniform for log dims). */
export function sampleUniform(d: Distribution, u: number): ParamValue {
  if (d.type === 'categorical') return d.choices[Math.min(d.choices.length - 1, Math.floor(u * d.choices.length))];
  const [lo, hi] = internalBounds(d);
  return fromInternal(d, lo + (hi - lo) * u);
}
