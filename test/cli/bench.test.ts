// `tracehound bench`: one JSON document with the contract's fields and real (positive, finite)
// figures; bad flags are usage errors (exit 2) with the flag named, never a stack trace.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { register } from '../../src/cli/commands/bench.js';
import { runBench } from '../../src/bench/throughput.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function runInProcess(args: string[]): Promise<string> {
  const program = new Command('tracehound').exitOverride();
  register(program);
  program.commands.forEach((c) => c.exitOverride());
  const chunks: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((s: string | Uint8Array) => {
    chunks.push(String(s));
    return true;
  }) as typeof process.stdout.write;
  try {
    await program.parseAsync(['bench', ...args], { from: 'user' });
  } finally {
    process.stdout.write = write;
  }
  return chunks.join('');
}

test('bench --json prints exactly one document with the contract fields', async () => {
  const out = await runInProcess(['--json', '--engine', 'wasm', '--threads', '1', '--batch', '2048']);
  const lines = out.trim().split('\n');
  assert.equal(lines.length, 1);
  const doc = JSON.parse(lines[0]);
  assert.deepEqual(Object.keys(doc).sort(), ['batch', 'engine', 'inferRowsPerSecond', 'threads', 'trainSamplesPerSecond']);
  assert.equal(doc.engine, 'wasm');
  assert.equal(doc.threads, 1);
  assert.equal(doc.batch, 2048);
  for (const k of ['trainSamplesPerSecond', 'inferRowsPerSecond']) {
    assert.ok(Number.isInteger(doc[k]) && doc[k] > 0, `${k} = ${doc[k]}`);
  }
});

test('runBench drives both engines and two threads (small sizes)', async () => {
  for (const [engine, threads] of [['ts', 1], ['wasm', 2]] as const) {
    const r = await runBench({ engine, threads, batch: 1024, seed: 1, trainRows: 8192, inferRows: 4096 });
    assert.equal(r.engine, engine);
    assert.equal(r.threads, threads);
    assert.ok(r.trainSamplesPerSecond > 0 && Number.isFinite(r.trainSamplesPerSecond));
    assert.ok(r.inferRowsPerSecond > 0 && Number.isFinite(r.inferRowsPerSecond));
  }
});

test('bad flags exit 2 naming the flag, without a stack trace', () => {
  for (const [args, flag] of [
    [['--batch', '0'], '--batch'],
    [['--threads', 'many'], '--threads'],
    [['--engine', 'gpu'], '--engine'],
    [['--seed', '1.5'], '--seed'],
  ] as const) {
    const r = spawnSync(process.execPath, [join(root, 'bin', 'tracehound.js'), 'bench', ...args], { encoding: 'utf8' });
    assert.equal(r.status, 2, `${args.join(' ')}: status ${r.status}, stderr ${r.stderr}`);
    assert.ok(r.stderr.includes(flag), r.stderr);
    assert.ok(!/\n\s+at /.test(r.stderr), `no stack trace: ${r.stderr}`);
    assert.equal(r.stdout, '');
  }
});
