import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { loadModel } from '../../src/bundle/load.js';
import { readTable } from '../../src/data/read.js';
import { FEATURE_COLUMNS } from '../../src/data/table.js';
import { BETH_DIR, realModel, rowsOf } from '../score/real-model.js';

const BIN = fileURLToPath(new URL('../../bin/tracehound.js', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'th-cli-export-'));

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

test('`export --format onnx` writes a file ONNX Runtime scores like the saved model (max |diff| < 1e-5)', async () => {
  const { dir } = await realModel();
  const out = join(work, 'model.onnx');
  const r = await cli(['export', '--model', dir, '--format', 'onnx', '--out', out, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const summary = JSON.parse(r.stdout);
  assert.equal(summary.out, out);
  assert.equal(summary.opset, 17);
  assert.deepEqual(summary.input.columns, [...FEATURE_COLUMNS]);
  assert.equal(summary.bytes, readFileSync(out).length);

  const model = await loadModel(dir);
  const table = await readTable(`${BETH_DIR}datacamp_labelled_validation_rows13000-25499.csv.gz`);
  const session = await ort.InferenceSession.create(out);
  const res = await session.run({ events: new ort.Tensor('float64', rowsOf(table, FEATURE_COLUMNS), [table.rows, 7]) });
  const ours = model.scoreTable(table);
  const theirs = res.probability.data as Float32Array;
  let diff = 0;
  for (let i = 0; i < table.rows; i++) diff = Math.max(diff, Math.abs(ours[i] - theirs[i]));
  assert.ok(diff < 1e-5, `max |difference| ${diff}`);
});

test('bad model directory exits 1 without writing; usage errors exit 2', async () => {
  const out = join(work, 'nothing.onnx');
  const bad = await cli(['export', '--model', join(work, 'missing'), '--format', 'onnx', '--out', out]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /There is no model directory/);
  assert.equal(existsSync(out), false);
  const { dir } = await realModel();
  assert.equal((await cli(['export', '--model', dir, '--out', out])).code, 2);
  assert.equal((await cli(['export', '--model', dir, '--format', 'tflite', '--out', out])).code, 2);
  const unwritable = await cli(['export', '--model', dir, '--format', 'onnx', '--out', join(work, 'no-such-dir', 'x.onnx')]);
  assert.equal(unwritable.code, 1);
  assert.match(unwritable.stderr, /Cannot write .*x.onnx: ENOENT/);
});
