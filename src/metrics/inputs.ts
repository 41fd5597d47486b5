// Checks shared by every metric: labels are 0/1, scores are finite, lengths agree.
import { ValidationError } from '../errors.js';

export type Labels01 = ArrayLike<number>;
export type Scores = ArrayLike<number>;

export function checkInputs(y: Labels01, scores: Scores, what = 'metric'): void {
  if (y.length !== scores.length) {
    throw new ValidationError(`The ${what} needs one score per label: got ${y.length} labels and ${scores.length} scores.`);
  }
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 0 && y[i] !== 1) throw new ValidationError(`Labels must be 0 or 1; label ${i} is ${y[i]}.`);
    if (!Number.isFinite(scores[i])) throw new ValidationError(`Scores must be finite numbers; score ${i} is ${scores[i]}.`);
  }
}

export function countPositives(y: Labels01): number {
  let p = 0;
  for (let i = 0; i < y.length; i++) p += y[i];
  return p;
}
