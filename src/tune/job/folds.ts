// Stratified k-fold splits: each class's rows are shuffled (seeded) and dealt round-robin into k
// folds, so every fold has the class ratio of the whole (as scikit-learn's StratifiedKFold).

import { ValidationError } from '../../errors.js';
import { createRng } from '../../random.js';

export interface Fold {
  train: Int32Array;
  test: Int32Array;
}

export function stratifiedKFold(labels: ArrayLike<number>, k: number, seed: number): Fold[] {
  if (!Number.isInteger(k) || k < 2) throw new ValidationError(`--cv needs an integer number of folds >= 2. Got ${k}.`);
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i];
    if (!byClass.has(c)) byClass.set(c, []);
    byClass.get(c)!.push(i);
  }
  for (const [c, rows] of byClass) {
    if (rows.length < k) {
      throw new ValidationError(`--cv ${k}: class ${c} has only ${rows.length} row${rows.length === 1 ? '' : 's'}; every fold needs one. Use fewer folds.`);
    }
  }
  const rng = createRng(seed);
  const foldOf = new Int32Array(labels.length);
  let offset = 0;
  for (const c of [...byClass.keys()].sort((a, b) => a - b)) {
    const rows = rng.shuffle(byClass.get(c)!.slice());
    // Continue the round-robin where the previous class stopped so fold sizes stay balanced.
    rows.forEach((r, j) => (foldOf[r] = (offset + j) % k));
    offset = (offset + rows.length) % k;
  }
  const folds: Fold[] = [];
  for (let f = 0; f < k; f++) {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < labels.length; i++) (foldOf[i] === f ? test : train).push(i);
    folds.push({ train: Int32Array.from(train), test: Int32Array.from(test) });
  }
  return folds;
}
