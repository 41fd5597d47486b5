import { test } from 'node:test';
import { near, stepper } from './helpers.js';

test('Adam: first step moves by lr·sign(g); the second uses the bias-corrected moments', () => {
  const lr = 0.1;
  const s = stepper({ kind: 'adam', lr }, [1, -2]);
  near(s.step([1, -3]), [1 - lr, -2 + lr]);
  // m₂ = 0.9·0.1 − 0.1 = −0.01, v₂ = 0.999·0.001 + 0.001 = 0.001999;
  // m̂ = −0.01/0.19, v̂ = 0.001999/0.001999 = 1 → p += lr·0.01/0.19.
  near(s.step([-1, 3]), [1 - lr + lr * (0.01 / 0.19), -2 + lr - lr * (0.03 / 0.19) / Math.sqrt((0.999 * 0.009 + 0.009) / 0.001999)]);
});

test('Adam: weight decay is an L2 term in the gradient (torch.optim.Adam)', () => {
  // g = 0 but wd·p = 0.5: Adam normalises it, so the first step is exactly −lr.
  const s = stepper({ kind: 'adam', lr: 0.1, weightDecay: 0.5 }, [1]);
  near(s.step([0]), [0.9]);
});

test('Adam: custom betas and eps are used', () => {
  // β₁ = 0.5, β₂ = 0.5: step 1 → m̂ = g, v̂ = g²; eps = 1 makes the step lr·g/(|g|+1).
  const s = stepper({ kind: 'adam', lr: 0.1, betas: [0.5, 0.5], eps: 1 }, [0]);
  near(s.step([3]), [-0.1 * 3 / 4]);
});
