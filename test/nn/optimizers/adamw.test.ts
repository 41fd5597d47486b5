import { test } from 'node:test';
import { near, stepper } from './helpers.js';

test('AdamW: decay is decoupled, p ← p·(1 − lr·wd) − lr·m̂/(√v̂ + ε)', () => {
  const s = stepper({ kind: 'adamw', lr: 0.1, weightDecay: 0.5 }, [1, -4]);
  near(s.step([1, 1]), [1 * 0.95 - 0.1, -4 * 0.95 - 0.1]);
  // With Adam's L2 the same setting gives 0.9 for the first parameter: the rules differ.
  const l2 = stepper({ kind: 'adam', lr: 0.1, weightDecay: 0.5 }, [1]);
  near(l2.step([1]), [0.9]);
});

test('AdamW: default weight decay is 0.01 as in PyTorch', () => {
  const s = stepper({ kind: 'adamw', lr: 0.1 }, [2]);
  near(s.step([0]), [2 * (1 - 0.1 * 0.01)]);
});
