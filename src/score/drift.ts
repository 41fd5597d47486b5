// Drift check for live events: compare incoming raw feature values with the training range that the
// model manifest records per input column, in tumbling windows of rows. A single odd value is
// normal; a window where a large share of rows falls outside what training ever showed means the
// model is extrapolating (FINDINGS.md: that is exactly where models disagree most), so we warn.

import { FEATURE_COLUMNS, type FeatureName } from '../data/table.js';

/** What the manifest records per raw input column about the training data. */
export interface FeatureRange {
  min: number;
  max: number;
  p01: number;
  p99: number;
}

export type TrainingRanges = Partial<Record<FeatureName, FeatureRange>>;

export interface DriftOptions {
  /** Rows per window: a warning compares shares over this many consecutive rows. */
  windowRows?: number;
  /** Share of a window's rows outside [min, max] of training that triggers a warning. */
  maxShare?: number;
}

export interface DriftWarning {
  feature: FeatureName;
  /** Share of the window's rows whose value was outside the training range. */
  share: number;
  /** 0-based index of the first and one past the last event of the window in the stream. */
  fromRow: number;
  toRow: number;
  training: FeatureRange;
}

export const DEFAULT_DRIFT_WINDOW = 1000;
export const DEFAULT_DRIFT_SHARE = 0.1;

export class DriftMonitor {
  readonly windowRows: number;
  readonly maxShare: number;
  private readonly checked: { index: number; name: FeatureName; range: FeatureRange }[];
  private readonly outside: Int32Array;
  /** Rows outside the range over the whole stream, per checked feature. */
  private readonly outsideTotal: Float64Array;
  private inWindow = 0;
  private seen = 0;
  private warnings = 0;

  /** `columns` = the order of values in the rows passed to observe() (the model's input columns). */
  constructor(ranges: TrainingRanges | null, columns: readonly FeatureName[] = FEATURE_COLUMNS, opts: DriftOptions = {}) {
    this.windowRows = opts.windowRows ?? DEFAULT_DRIFT_WINDOW;
    this.maxShare = opts.maxShare ?? DEFAULT_DRIFT_SHARE;
    if (!Number.isInteger(this.windowRows) || this.windowRows < 1) {
      throw new RangeError(`drift windowRows must be a positive integer, got ${this.windowRows}`);
    }
    if (!(this.maxShare > 0 && this.maxShare <= 1)) {
      throw new RangeError(`drift maxShare must be in (0, 1], got ${this.maxShare}`);
    }
    this.checked = [];
    columns.forEach((name, index) => {
      const range = ranges?.[name];
      if (range && Number.isFinite(range.min) && Number.isFinite(range.max)) this.checked.push({ index, name, range });
    });
    this.outside = new Int32Array(this.checked.length);
    this.outsideTotal = new Float64Array(this.checked.length);
  }

  /** True when the manifest gave at least one range to check against. */
  get active(): boolean {
    return this.checked.length > 0;
  }

  get rowsSeen(): number {
    return this.seen;
  }

  get warningCount(): number {
    return this.warnings;
  }

  /**
   * Feed n rows (row-major, `columns.length` values each). Returns the warnings of every window
   * that this call completed (usually none).
   */
  observe(rows: Float64Array, n: number): DriftWarning[] {
    const out: DriftWarning[] = [];
    if (!this.active) {
      this.seen += n;
      return out;
    }
    const width = rows.length / Math.max(n, 1);
    for (let r = 0; r < n; r++) {
      const base = r * width;
      for (let f = 0; f < this.checked.length; f++) {
        const { index, range } = this.checked[f];
        const v = rows[base + index];
        if (v < range.min || v > range.max) {
          this.outside[f]++;
          this.outsideTotal[f]++;
        }
      }
      this.seen++;
      if (++this.inWindow === this.windowRows) out.push(...this.closeWindow());
    }
    return out;
  }

  /** Share of all rows seen so far outside the training range, per checked feature. */
  summary(): { feature: FeatureName; outsideShare: number }[] {
    return this.checked.map((c, f) => ({ feature: c.name, outsideShare: this.seen ? this.outsideTotal[f] / this.seen : 0 }));
  }

  private closeWindow(): DriftWarning[] {
    const out: DriftWarning[] = [];
    for (let f = 0; f < this.checked.length; f++) {
      const share = this.outside[f] / this.inWindow;
      if (share > this.maxShare) {
        out.push({ feature: this.checked[f].name, share, fromRow: this.seen - this.inWindow, toRow: this.seen, training: this.checked[f].range });
      }
      this.outside[f] = 0;
    }
    this.inWindow = 0;
    this.warnings += out.length;
    return out;
  }
}

/** One line for a person: which feature, how many rows, the training range. */
export function formatDriftWarning(w: DriftWarning): string {
  const pct = (w.share * 100).toFixed(1);
  return (
    `drift: ${pct}% of events ${w.fromRow + 1}-${w.toRow} have '${w.feature}' outside the training range ` +
    `[${w.training.min}, ${w.training.max}] (training p01..p99 ${w.training.p01}..${w.training.p99}); ` +
    `scores there are extrapolations.`
  );
}
