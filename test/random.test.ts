import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng, rngFromState } from '../src/random.js';

test('the same seed gives the same stream, a different seed another', () => {
  const a = createRng(7), b = createRng(7), c = createRng(8);
  const sa = Array.from({ length: 20 }, () => a.next());
  const sb = Array.from({ length: 20 }, () => b.next());
  const sc = Array.from({ length: 20 }, () => c.next());
  assert.deepEqual(sa, sb);
  assert.notDeepEqual(sa, sc);
});

test('next() stays in [0, 1) and is roughly uniform', () => {
  const r = createRng(1);
  const bins = new Array(10).fill(0);
  for (let i = 0; i < 100_000; i++) {
    const x = r.next();
    assert.ok(x >= 0 && x < 1);
    bins[Math.floor(x * 10)]++;
  }
  for (const b of bins) assert.ok(Math.abs(b - 10_000) < 500, `bin count ${b}`);
});

test('int(n) covers 0..n-1 and rejects a bad bound', () => {
  const r = createRng(3);
  const seen = new Set<number>();
  for (let i = 0; i < 1000; i++) seen.add(r.int(5));
  assert.deepEqual([...seen].sort(), [0, 1, 2, 3, 4]);
  assert.throws(() => r.int(0), RangeError);
});

test('normal() has mean ~0 and variance ~1', () => {
  const r = createRng(11);
  let s = 0, s2 = 0;
  const n = 200_000;
  for (let i = 0; i < n; i++) {
    const x = r.normal();
    s += x;
    s2 += x * x;
  }
  assert.ok(Math.abs(s / n) < 0.01);
  assert.ok(Math.abs(s2 / n - 1) < 0.02);
});

test('shuffle is a seeded permutation', () => {
  const a = createRng(5).shuffle(Int32Array.from({ length: 100 }, (_, i) => i));
  const b = createRng(5).shuffle(Int32Array.from({ length: 100 }, (_, i) => i));
  assert.deepEqual(a, b);
  assert.deepEqual([...a].sort((x, y) => x - y), Array.from({ length: 100 }, (_, i) => i));
  assert.notDeepEqual([...a], Array.from({ length: 100 }, (_, i) => i));
});

test('state() resumes a stream exactly; fork() gives an independent stream', () => {
  const r = createRng(9);
  r.next();
  const resumed = rngFromState(r.state());
  assert.equal(resumed.next(), r.next());
  const f = r.fork();
  assert.notEqual(f.next(), r.next());
});

test('seeds must be integers', () => {
  assert.throws(() => createRng(1.5), RangeError);
  assert.doesNotThrow(() => createRng(-3));
  assert.doesNotThrow(() => createRng(2 ** 40));
});
