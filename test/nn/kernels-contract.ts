// The Kernels contract: every engine must agree with the float64 reference (reference-f64.ts)
// on random inputs, for shapes that are and are not multiples of 4 and for n > 512, and must
// work on views (subarrays) of its own buffers, as the Mlp passes them. Run it with
// runKernelContract('ts', createTsKernels) — the wasm engine runs the same suite.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIVATIONS, type Kernels } from '../../src/nn/kernels.js';
import { createRng, type Rng } from '../../src/random.js';
import { DROPOUT_STATE_WORDS, seedDropoutState } from '../../src/nn/dropout-ts.js';
import { adam64, bce64, denseBackward64, denseForward64, sgd64 } from './reference-f64.js';

const SHAPES: ReadonlyArray<[number, number, number]> = [
  [1, 1, 1], [4, 4, 4], [3, 5, 2], [13, 7, 64], [9, 64, 32], [517, 32, 1], [600, 7, 5], [64, 6, 9], [11, 32, 12], [21, 13, 1], [7, 37, 1],
];

/** A buffer from the kernels filled with values; `pad` leading elements make it a view with byteOffset > 0. */
function filled(K: Kernels, values: ArrayLike<number>, pad = 3): Float32Array {
  const buf = K.alloc(values.length + pad + 1).subarray(pad, pad + values.length);
  buf.set(values);
  return buf;
}

function randoms(rng: Rng, len: number, scale = 1): Float32Array {
  const a = new Float32Array(len);
  for (let i = 0; i < len; i++) a[i] = scale * rng.normal();
  return a;
}

/** |got - want| ≤ atol + rtol·|want| elementwise, with the first failure named. */
export function assertClose(got: ArrayLike<number>, want: ArrayLike<number>, atol: number, rtol: number, what: string): void {
  assert.equal(got.length, want.length, `${what}: length`);
  for (let i = 0; i < want.length; i++) {
    const err = Math.abs(got[i] - want[i]);
    if (!(err <= atol + rtol * Math.abs(want[i]))) {
      assert.fail(`${what}[${i}]: got ${got[i]}, want ${want[i]} (|err| ${err.toExponential(2)})`);
    }
  }
}

export function runKernelContract(name: string, make: () => Kernels): void {
  describe(`Kernels contract: ${name}`, () => {
    const K = make();

    test('alloc gives zeroed buffers of the asked length', () => {
      const f = K.alloc(1000), i = K.allocInt32(77);
      assert.equal(f.length, 1000);
      assert.equal(i.length, 77);
      assert.ok(f.every((v) => v === 0) && i.every((v) => v === 0));
      f.fill(5);
      K.free(f);
      K.free(i);
      const again = K.alloc(1000);
      assert.ok(again.every((v) => v === 0), 'a reused buffer is zeroed again');
      K.free(again);
    });

    for (const act of ACTIVATIONS) {
      test(`denseForward (${act}) matches float64 on odd shapes and n > 512`, () => {
        const rng = createRng(11);
        for (const [n, k, m] of SHAPES) {
          const x = randoms(rng, n * k), w = randoms(rng, k * m, 1 / Math.sqrt(k)), b = randoms(rng, m, 0.5);
          const ref = denseForward64(x, w, b, n, k, m, act);
          const pre = K.alloc(n * m), out = K.alloc(n * m);
          K.denseForward(filled(K, x), filled(K, w), filled(K, b), pre, out, n, k, m, act);
          const atol = 2e-6 * Math.sqrt(k);
          assertClose(pre, ref.pre, atol, 1e-5, `pre ${n}×${k}×${m}`);
          assertClose(out, ref.out, atol, 1e-5, `out ${n}×${k}×${m}`);
          if (act === 'linear') {
            const same = K.alloc(n * m);
            K.denseForward(filled(K, x), filled(K, w), filled(K, b), same, same, n, k, m, act);
            assertClose(same, ref.out, atol, 1e-5, 'linear with pre === out');
          }
        }
      });

      test(`denseBackward (${act}) matches float64: dPre, gW, gB, dX, accumulate`, () => {
        const rng = createRng(12);
        for (const [n, k, m] of SHAPES) {
          const x = randoms(rng, n * k), w = randoms(rng, k * m, 1 / Math.sqrt(k)), pre = randoms(rng, n * m);
          const dOut = randoms(rng, n * m, 0.1);
          const ref = denseBackward64(x, w, pre, dOut, n, k, m, act);
          const atol = 2e-6 * Math.sqrt(n);
          for (const accumulate of [false, true]) {
            const gW0 = randoms(rng, k * m), gB0 = randoms(rng, m);
            const d = filled(K, dOut), gW = filled(K, gW0), gB = filled(K, gB0), dX = filled(K, new Float32Array(n * k));
            K.denseBackward(filled(K, x), filled(K, w), filled(K, pre), d, gW, gB, dX, n, k, m, act, accumulate);
            const plus = (r: Float64Array, base: Float32Array) => (accumulate ? r.map((v, i) => v + base[i]) : r);
            assertClose(d, ref.dPre, 1e-7, 1e-5, `dPre ${n}×${k}×${m}`);
            assertClose(gW, plus(ref.gW, gW0), atol, 1e-5, `gW ${n}×${k}×${m} accumulate=${accumulate}`);
            assertClose(gB, plus(ref.gB, gB0), atol, 1e-5, `gB ${n}×${k}×${m} accumulate=${accumulate}`);
            assertClose(dX, ref.dX, 2e-6 * Math.sqrt(m), 1e-5, `dX ${n}×${k}×${m}`);
          }
          const gW = K.alloc(k * m), gB = K.alloc(m);
          K.denseBackward(filled(K, x), filled(K, w), filled(K, pre), filled(K, dOut), gW, gB, null, n, k, m, act, false);
          assertClose(gW, ref.gW, atol, 1e-5, 'gW without dX');
        }
      });
    }

    test('bceWithLogits: sum and scaled gradient, posWeight and focal, extreme logits stay finite', () => {
      const rng = createRng(13);
      const n = 700;
      const z = randoms(rng, n, 4);
      z.set([30, -30, 0, 1e-3, 15, -15, 25, -25]);
      const y = new Float32Array(n).map(() => (rng.next() < 0.4 ? 1 : 0));
      y.set([1, 0, 1, 0, 0, 1, 1, 0]);
      for (const [pw, gamma] of [[1, 0], [3.5, 0], [1, 2], [0.7, 0.5], [2, 1.5]]) {
        const scale = 1 / n;
        const d = K.alloc(n);
        const sum = K.bceWithLogits(filled(K, z), filled(K, y), d, n, pw, gamma, scale);
        let want = 0;
        const wantD = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          const r = bce64(z[i], y[i], pw, gamma);
          want += r.loss;
          wantD[i] = scale * r.dz;
        }
        assert.ok(Math.abs(sum - want) <= 1e-4 * want, `sum pw=${pw} γ=${gamma}: ${sum} vs ${want}`);
        assertClose(d, wantD, 1e-9, 1e-4, `dLogits pw=${pw} γ=${gamma}`);
      }
      const big = filled(K, [1000, -1000, 1000, -1000]);
      const d = K.alloc(4);
      const s = K.bceWithLogits(big, filled(K, [1, 0, 0, 1]), d, 4, 1, 2, 1);
      assert.ok(Number.isFinite(s) && d.every(Number.isFinite), 'no overflow at |z| = 1000');
      assert.ok(Math.abs(s - 2000) / 2000 < 1e-4, `wrong-side loss ≈ 2·|z|·(1)^γ, got ${s}`);
    });

    test('sigmoid matches float64, in place too, and saturates without NaN', () => {
      const rng = createRng(14);
      const z = randoms(rng, 1030, 5);
      z.set([100, -100, 0, 1000, -1000]);
      const out = K.alloc(z.length);
      K.sigmoid(filled(K, z), out, z.length);
      const want = Array.from(z, (v) => 1 / (1 + Math.exp(-v)));
      assertClose(out, want, 1e-7, 1e-6, 'sigmoid');
      const inPlace = filled(K, z);
      K.sigmoid(inPlace, inPlace, z.length);
      assertClose(inPlace, want, 1e-7, 1e-6, 'sigmoid in place');
    });

    test('mulInPlace and addInPlace are exact', () => {
      const rng = createRng(15);
      const a = randoms(rng, 1001), b = randoms(rng, 1001);
      const buf = filled(K, a);
      K.mulInPlace(buf, filled(K, b), 1000);
      for (let i = 0; i < 1000; i++) assert.equal(buf[i], Math.fround(a[i] * b[i]));
      assert.equal(buf[1000], a[1000], 'element n is untouched');
      const sum = filled(K, a);
      K.addInPlace(sum, filled(K, b), 999);
      for (let i = 0; i < 999; i++) assert.equal(sum[i], Math.fround(a[i] + b[i]));
      assert.equal(sum[999], a[999], 'element n is untouched');
    });

    test('gatherTrainingRows copies features and label exactly, and writes nothing past n rows', () => {
      const rng = createRng(16);
      for (const [d, stride] of [[1, 4], [3, 4], [7, 8], [8, 12], [12, 16], [17, 20]]) {
        const rows = 600, n = 530;
        const packed = randoms(rng, rows * stride);
        const idx = K.allocInt32(n + 2).subarray(1, n + 1);
        for (let r = 0; r < n; r++) idx[r] = rng.int(rows);
        // One sentinel after each output: rows are copied as whole vectors, spilling into the next.
        const x = K.alloc(n * d + 1), y = K.alloc(n + 1);
        x[n * d] = 42;
        y[n] = 43;
        K.gatherTrainingRows(filled(K, packed), idx, x, y, n, d, stride);
        for (let r = 0; r < n; r++) {
          for (let c = 0; c < d; c++) assert.equal(x[r * d + c], packed[idx[r] * stride + c], `d=${d} row ${r} feature ${c}`);
          assert.equal(y[r], packed[idx[r] * stride + d], `d=${d} row ${r} label`);
        }
        assert.equal(x[n * d], 42, `d=${d}: x past n rows untouched`);
        assert.equal(y[n], 43, `d=${d}: y past n rows untouched`);
      }
    });

    test('dropoutForward keeps about keep of the values, scaled by 1/keep, and touches nothing past n', () => {
      const n = 100_001;
      const rng = createRng(17);
      const a = randoms(rng, n + 1);
      const out = filled(K, a);
      const mask = K.alloc(n + 1);
      mask[n] = 7;
      const state = K.allocInt32(DROPOUT_STATE_WORDS);
      seedDropoutState(state, createRng(18));
      const keep = 0.7;
      const scale = Math.fround(1 / keep);
      K.dropoutForward(out, mask, n, keep, state);
      let kept = 0;
      for (let i = 0; i < n; i++) {
        assert.ok(mask[i] === 0 || mask[i] === scale, `mask[${i}] = ${mask[i]}`);
        if (mask[i] !== 0) kept++;
        assert.equal(out[i], Math.fround(a[i] * mask[i]), `out[${i}]`);
      }
      assert.ok(Math.abs(kept / n - keep) < 0.01, `kept ${kept / n}`);
      assert.equal(out[n], a[n], 'out past n is untouched');
      assert.equal(mask[n], 7, 'mask past n is untouched');
      // The stream moves on: the next call draws other masks.
      const first = mask.slice(0, 64);
      K.dropoutForward(filled(K, a), mask, 64, keep, state);
      assert.notDeepEqual(Array.from(mask.subarray(0, 64)), Array.from(first));
    });

    test('dropoutForward: a call of n values advances the state as one of ⌈n/4⌉·4 values', () => {
      const seed = (): Int32Array => {
        const s = K.allocInt32(DROPOUT_STATE_WORDS);
        seedDropoutState(s, createRng(19));
        return s;
      };
      const s1 = seed(), s2 = seed();
      const m1 = K.alloc(1004), m2 = K.alloc(1004);
      K.dropoutForward(K.alloc(1004), m1, 1001, 0.5, s1);
      K.dropoutForward(K.alloc(1004), m2, 1004, 0.5, s2);
      assert.deepEqual(Array.from(s1), Array.from(s2));
      assert.deepEqual(Array.from(m1.subarray(0, 1001)), Array.from(m2.subarray(0, 1001)));
    });

    test('adamStep matches Adam and AdamW by hand over three steps', () => {
      const rng = createRng(16);
      const len = 37;
      for (const [wd, decoupled] of [[0, false], [0.1, false], [0.05, true]] as Array<[number, boolean]>) {
        const p0 = randoms(rng, len);
        const p = filled(K, p0), m = filled(K, new Float32Array(len)), v = filled(K, new Float32Array(len));
        const rp = Float64Array.from(p0), rm = new Float64Array(len), rv = new Float64Array(len);
        for (let t = 1; t <= 3; t++) {
          const g = randoms(rng, len);
          K.adamStep(p, filled(K, g), m, v, len, 0.01, 0.9, 0.999, 1e-8, wd, decoupled, t);
          adam64(rp, g, rm, rv, 0.01, 0.9, 0.999, 1e-8, wd, decoupled, t);
        }
        assertClose(p, rp, 1e-6, 1e-5, `adam params wd=${wd} decoupled=${decoupled}`);
        assertClose(m, rm, 1e-7, 1e-5, 'adam m');
        assertClose(v, rv, 1e-8, 1e-5, 'adam v');
      }
    });

    test('sgdStep matches momentum and Nesterov SGD by hand', () => {
      const rng = createRng(17);
      const len = 29;
      for (const [mu, wd, nesterov] of [[0, 0, false], [0.9, 0, false], [0.9, 0.01, true]] as Array<[number, number, boolean]>) {
        const p0 = randoms(rng, len);
        const p = filled(K, p0), vel = filled(K, new Float32Array(len));
        const rp = Float64Array.from(p0), rvel = new Float64Array(len);
        for (let t = 0; t < 3; t++) {
          const g = randoms(rng, len);
          K.sgdStep(p, filled(K, g), vel, len, 0.05, mu, wd, nesterov);
          sgd64(rp, g, rvel, 0.05, mu, wd, nesterov);
        }
        assertClose(p, rp, 1e-6, 1e-5, `sgd params μ=${mu} nesterov=${nesterov}`);
        assertClose(vel, rvel, 1e-6, 1e-5, 'sgd velocity');
      }
    });
  });
}
