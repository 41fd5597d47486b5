import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matmulBias, matmulTransposeA, matmulTransposeB, sumRows } from '../../src/nn/matmul-ts.js';

test('a 2×3 · 3×2 product by hand, plus bias', () => {
  const a = Float32Array.of(1, 2, 3, 4, 5, 6);
  const w = Float32Array.of(1, 0, 0, 1, 1, 1);
  const c = new Float32Array(4);
  matmulBias(a, w, Float32Array.of(10, 20), c, 2, 3, 2);
  assert.deepEqual(Array.from(c), [14, 25, 20, 31]);
});

test('blocked and edge paths agree with naive loops for every size mod 4', () => {
  for (const n of [1, 4, 5, 6, 7, 8, 11]) {
    for (const k of [1, 3, 4, 6, 9]) {
      for (const m of [1, 2, 4, 5, 8]) {
        const a = Float32Array.from({ length: n * k }, (_, i) => ((i * 7) % 5) - 2);
        const w = Float32Array.from({ length: k * m }, (_, i) => ((i * 3) % 7) - 3);
        const d = Float32Array.from({ length: n * m }, (_, i) => ((i * 5) % 3) - 1);
        const b = Float32Array.from({ length: m }, (_, j) => j);
        const c = new Float32Array(n * m), g = new Float32Array(k * m).fill(1), dx = new Float32Array(n * k), gb = new Float32Array(m).fill(2);
        matmulBias(a, w, b, c, n, k, m);
        matmulTransposeA(a, d, g, n, k, m, true);
        matmulTransposeB(d, w, dx, n, k, m);
        sumRows(d, gb, n, m, true);
        for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) {
          let s = b[j];
          for (let p = 0; p < k; p++) s += a[i * k + p] * w[p * m + j];
          assert.equal(c[i * m + j], s, `c ${n}×${k}×${m} [${i},${j}]`);
        }
        for (let p = 0; p < k; p++) for (let j = 0; j < m; j++) {
          let s = 1;
          for (let i = 0; i < n; i++) s += a[i * k + p] * d[i * m + j];
          assert.equal(g[p * m + j], s, `g ${n}×${k}×${m} [${p},${j}]`);
        }
        for (let i = 0; i < n; i++) for (let p = 0; p < k; p++) {
          let s = 0;
          for (let j = 0; j < m; j++) s += d[i * m + j] * w[p * m + j];
          assert.equal(dx[i * k + p], s, `dx ${n}×${k}×${m} [${i},${p}]`);
        }
        for (let j = 0; j < m; j++) {
          let s = 2;
          for (let i = 0; i < n; i++) s += d[i * m + j];
          assert.equal(gb[j], s);
        }
      }
    }
  }
});
