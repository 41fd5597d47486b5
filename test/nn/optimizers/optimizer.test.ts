import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createOptimizer, OPTIMIZER_NAMES } from '../../../src/nn/optimizers/optimizer.js';
import { createTsKernels } from '../../../src/nn/kernels-ts.js';
import { ValidationError } from '../../../src/errors.js';

const target = () => ({ params: new Float32Array(3), grads: new Float32Array(3), kernels: createTsKernels() });

test('every optimizer kind is built and steps on the flat buffers', () => {
  for (const kind of OPTIMIZER_NAMES) {
    const t = target();
    t.grads.set([1, -1, 0.5]);
    const opt = createOptimizer({ kind, lr: 0.01 }, t);
    opt.step();
    assert.ok(t.params[0] < 0 && t.params[1] > 0, kind);
    opt.dispose();
  }
});

test('bad settings name the setting and the rule', () => {
  const bad: Array<[object, RegExp]> = [
    [{ kind: 'adam', lr: 0 }, /'lr' must be a positive number. Got 0/],
    [{ kind: 'adam', lr: 1, weightDecay: -1 }, /'weightDecay' must be a number ≥ 0/],
    [{ kind: 'sgd', lr: 1, momentum: 1 }, /'momentum' must be a number in \[0, 1\)/],
    [{ kind: 'sgd', lr: 1, momentum: 0, nesterov: true }, /Nesterov/],
    [{ kind: 'adam', lr: 1, betas: [0.9, 1] }, /'betas\[1\]'/],
    [{ kind: 'rmsprop', lr: 1 }, /must be one of adam, adamw, sgd. Got "rmsprop"/],
  ];
  for (const [spec, re] of bad) {
    assert.throws(() => createOptimizer(spec as never, target()), (e: unknown) => e instanceof ValidationError && re.test(e.message));
  }
});
