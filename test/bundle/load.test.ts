import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveModel } from '../../src/bundle/save.js';
import { loadModel, LoadedModel } from '../../src/bundle/load.js';
import { ModelFormatError } from '../../src/errors.js';
import { trainedSmall } from './trained-small.js';

const { trained, sample } = await trainedSmall();

async function saved(): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), 'th-load-')), 'model');
  await saveModel(dir, trained);
  return dir;
}

test('a loaded model scores exactly like the trained one', async () => {
  const dir = await saved();
  const m = await loadModel(dir, { engine: 'ts' });
  assert.ok(m instanceof LoadedModel);
  assert.equal(m.dir, dir);
  assert.equal(m.threshold, trained.model.threshold);
  assert.deepEqual(m.inputColumns, trained.model.inputColumns);
  assert.deepEqual(m.scoreTable(sample), trained.model.scoreTable(sample));
  assert.deepEqual(m.network.getWeights(), trained.model.network.getWeights());
  assert.equal(m.manifest.weights.count, trained.model.network.paramCount);
});

test('a corrupted weights file is refused, naming the file and the checksums', async () => {
  const dir = await saved();
  const path = join(dir, 'weights.bin');
  const bytes = readFileSync(path);
  bytes[10] ^= 0xff;
  writeFileSync(path, bytes);
  await assert.rejects(loadModel(dir), (e: unknown) => {
    assert.ok(e instanceof ModelFormatError);
    assert.match(e.message, /weights\.bin does not match its checksum: the manifest says sha256 [0-9a-f]{64}, the file has [0-9a-f]{64}/);
    return true;
  });
  writeFileSync(path, bytes.subarray(0, 100));
  await assert.rejects(loadModel(dir), /weights\.bin has 100 bytes; the manifest says \d+ float32 values/);
  rmSync(path);
  await assert.rejects(loadModel(dir), /weights\.bin is missing/);
});

test('a manifest from a future format version is refused, naming both versions', async () => {
  const dir = await saved();
  const path = join(dir, 'manifest.json');
  const m = JSON.parse(readFileSync(path, 'utf8'));
  writeFileSync(path, JSON.stringify({ ...m, formatVersion: 2, tracehoundVersion: '9.0.0' }));
  await assert.rejects(loadModel(dir), {
    name: 'ModelFormatError',
    message: `${path} has model format version 2 (written by tracehound 9.0.0); this tracehound reads format version 1 and older. Upgrade tracehound to load it.`,
  });
});

test('missing directory, missing or broken manifest, broken pipeline', async () => {
  await assert.rejects(loadModel('/nonexistent/model'), /There is no model directory at \/nonexistent\/model/);
  const empty = mkdtempSync(join(tmpdir(), 'th-load-'));
  await assert.rejects(loadModel(empty), /manifest\.json is missing: not a tracehound model directory/);
  writeFileSync(join(empty, 'manifest.json'), '{ nope');
  await assert.rejects(loadModel(empty), /manifest\.json is not valid JSON/);
  writeFileSync(join(empty, 'manifest.json'), '{}');
  await assert.rejects(loadModel(empty), /has no 'formatVersion'/);
  const dir = await saved();
  const path = join(dir, 'manifest.json');
  const m = JSON.parse(readFileSync(path, 'utf8'));
  writeFileSync(path, JSON.stringify({ ...m, pipeline: { ...m.pipeline, params: { branches: [{ kind: 'PCA', version: 1, params: {}, state: {} }] } } }));
  await assert.rejects(loadModel(dir), /Unknown transformer kind "PCA"/);
  writeFileSync(path, JSON.stringify({ ...m, network: { ...m.network, inputs: 3 } }));
  await assert.rejects(loadModel(dir), ModelFormatError);
  const notDir = join(mkdtempSync(join(tmpdir(), 'th-load-')), 'file');
  writeFileSync(notDir, 'x');
  await assert.rejects(loadModel(notDir), /is not a directory/);
  mkdirSync(join(dir, 'x'));
});
