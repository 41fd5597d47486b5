import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/report/write-atomic.js';

test('the file appears complete under its name, in a created directory, with no temporary left', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'tracehound-atomic-')), 'a', 'b');
  writeFileAtomic(join(dir, 'x.json'), '{"a":1}');
  writeFileAtomic(join(dir, 'x.json'), '{"a":2}');
  writeFileAtomic(join(dir, 'y.bin'), Buffer.from([1, 2, 3]));
  assert.equal(readFileSync(join(dir, 'x.json'), 'utf8'), '{"a":2}');
  assert.deepEqual([...readFileSync(join(dir, 'y.bin'))], [1, 2, 3]);
  assert.deepEqual(readdirSync(dir).sort(), ['x.json', 'y.bin']);
});

test('a failed write leaves neither the target nor a temporary file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracehound-atomic-'));
  // The target is an existing directory: the rename fails.
  assert.throws(() => writeFileAtomic(dir, 'x'));
  assert.deepEqual(readdirSync(join(dir, '..')).filter((n) => n.startsWith(`${dir.split('/').pop()}.tmp`)), []);
});
