import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UnitCubeEncoding } from '../../../src/tune/gp/encoding.js';
import { DEFAULT_SEARCH_SPACE } from '../../../src/tune/search-space.js';

test('encode → decode round-trips the default space; categoricals are one-hot', () => {
  const enc = new UnitCubeEncoding(DEFAULT_SEARCH_SPACE);
  assert.equal(enc.dims, 6 + 3 + 4); // 6 numeric + activation (3) + batchSize (4)
  const p = { width: 64, layers: 3, dropout: 0.25, activation: 'gelu', lr: 0.001, batchSize: 1024, weightDecay: 1e-4, posWeight: 10 };
  const u = enc.encode(p);
  assert.ok(u.every((v) => v >= 0 && v <= 1));
  const back = enc.decode(u);
  assert.deepEqual(Object.keys(back), Object.keys(p));
  for (const [k, v] of Object.entries(p)) {
    if (DEFAULT_SEARCH_SPACE[k].type === 'float') assert.ok(Math.abs((back[k] as number) - (v as number)) < 1e-9 * Math.max(1, v as number), k);
    else assert.equal(back[k], v);
  }
  assert.equal(u.length, 13);
  assert.equal(u.filter((v) => v === 1).length >= 2, true);
  assert.equal(enc.numericCoordinates().length, 6);
});

test('decode clamps and rounds any point of the cube to a valid configuration', () => {
  const enc = new UnitCubeEncoding(DEFAULT_SEARCH_SPACE);
  const p = enc.decode(new Array(enc.dims).fill(1.7));
  assert.equal(p.width, 256);
  assert.equal(p.layers, 4);
  assert.equal(p.activation, 'relu'); // all tied: the first choice
  const q = enc.decode(new Array(enc.dims).fill(-1));
  assert.equal(q.width, 16);
  assert.ok(Math.abs((q.lr as number) - 1e-4) < 1e-15);
});
