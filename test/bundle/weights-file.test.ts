import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeWeights, encodeWeights, sha256Hex } from '../../src/bundle/weights-file.js';

test('float32 little-endian round trip, byte for byte', () => {
  const w = Float32Array.from([1, -2.5, 3.14159, 1e-30, -0]);
  const bytes = encodeWeights(w);
  assert.equal(bytes.length, 20);
  assert.equal(bytes.readFloatLE(4), -2.5);
  assert.deepEqual(decodeWeights(bytes), w);
  // A view into a larger buffer encodes only its own values.
  const view = new Float32Array(new Float32Array([9, 1, 2, 9]).buffer, 4, 2);
  assert.deepEqual([...decodeWeights(encodeWeights(view))], [1, 2]);
});

test('sha256 of bytes', () => {
  assert.equal(sha256Hex(new Uint8Array(0)), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
});
