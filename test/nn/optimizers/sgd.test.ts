import { test } from 'node:test';
import { near, stepper } from './helpers.js';

test('SGD with momentum: vel = μ·vel + g, p −= lr·vel', () => {
  const s = stepper({ kind: 'sgd', lr: 0.1, momentum: 0.9 }, [1]);
  near(s.step([1]), [0.9]);
  near(s.step([1]), [0.9 - 0.1 * 1.9]);
});

test('SGD with Nesterov: p −= lr·(g + μ·vel)', () => {
  const s = stepper({ kind: 'sgd', lr: 0.1, momentum: 0.9, nesterov: true }, [1]);
  near(s.step([1]), [1 - 0.1 * 1.9]);
  near(s.step([1]), [0.81 - 0.1 * (1 + 0.9 * 1.9)]);
});

test('plain SGD with L2 weight decay: p −= lr·(g + wd·p)', () => {
  const s = stepper({ kind: 'sgd', lr: 0.1, momentum: 0, weightDecay: 0.1 }, [1, -1]);
  near(s.step([1, 0]), [1 - 0.1 * 1.1, -1 + 0.1 * 0.1]);
});
