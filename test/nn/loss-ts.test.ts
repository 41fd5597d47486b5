import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bceWithLogitsTs, sigmoidTs, softplus, stableSigmoid } from '../../src/nn/loss-ts.js';

/** Loss of one row at logit z (float32 input), through the kernel. */
function lossAt(z: number, y: number, pw: number, gamma: number): { loss: number; d: number } {
  const d = new Float32Array(1);
  const loss = bceWithLogitsTs(Float32Array.of(z), Float32Array.of(y), d, 1, pw, gamma, 1);
  return { loss, d: d[0] };
}

test('hand-computed values: plain BCE, posWeight, focal', () => {
  assert.ok(Math.abs(lossAt(0, 1, 1, 0).loss - Math.LN2) < 1e-12);
  assert.ok(Math.abs(lossAt(0, 0, 1, 0).d - 0.5) < 1e-12, 'σ(0) − 0');
  assert.ok(Math.abs(lossAt(0, 1, 3, 0).loss - 3 * Math.LN2) < 1e-12, 'posWeight scales positives');
  assert.ok(Math.abs(lossAt(0, 0, 3, 0).loss - Math.LN2) < 1e-12, 'but not negatives');
  assert.ok(Math.abs(lossAt(0, 1, 1, 2).loss - 0.25 * Math.LN2) < 1e-12, 'focal: (1 − 0.5)² · ln 2');
  const z = 2, p = 1 / (1 + Math.exp(-z));
  assert.ok(Math.abs(lossAt(z, 0, 1, 1).loss - -p * Math.log(1 - p)) < 1e-12);
});

test('gradient equals a central difference of the loss, for every setting (h on the float32 grid)', () => {
  const h = 2 ** -10;
  for (const [pw, gamma] of [[1, 0], [4, 0], [1, 2], [2.5, 0.5], [1, 1.5]]) {
    for (const y of [0, 1]) {
      for (const z of [-6, -2.5, -0.75, 0, 0.5, 1.25, 3, 8]) {
        const numeric = (lossAt(z + h, y, pw, gamma).loss - lossAt(z - h, y, pw, gamma).loss) / (2 * h);
        const { d } = lossAt(z, y, pw, gamma);
        assert.ok(Math.abs(d - numeric) < 2e-6 + 1e-5 * Math.abs(numeric), `pw=${pw} γ=${gamma} y=${y} z=${z}: ${d} vs ${numeric}`);
      }
    }
  }
});

test('stable at huge logits; returns the sum and scales only the gradient', () => {
  const d = new Float32Array(2);
  const s = bceWithLogitsTs(Float32Array.of(-500, 500), Float32Array.of(1, 1), d, 2, 1, 0, 0.5);
  assert.ok(Math.abs(s - 500) < 1e-9, `${s}`);
  assert.equal(d[0], -0.5);
  assert.ok(d[1] === 0, `${d[1]}`);
  assert.equal(softplus(1000), 1000);
  assert.equal(stableSigmoid(-1000), 0);
  const out = new Float32Array(3);
  sigmoidTs(Float32Array.of(-1000, 0, 1000), out, 3);
  assert.deepEqual(Array.from(out), [0, 0.5, 1]);
});
