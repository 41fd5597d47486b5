import { test } from 'node:test';
import assert from 'node:assert/strict';
import { availableEngines, defaultEngineName, getKernels, parseEngineName } from '../../src/nn/engine.js';
import { ValidationError } from '../../src/errors.js';

function withEnv(value: string | undefined, f: () => void): void {
  const old = process.env.TRACEHOUND_ENGINE;
  if (value === undefined) delete process.env.TRACEHOUND_ENGINE;
  else process.env.TRACEHOUND_ENGINE = value;
  try {
    f();
  } finally {
    if (old === undefined) delete process.env.TRACEHOUND_ENGINE;
    else process.env.TRACEHOUND_ENGINE = old;
  }
}

test("the ts engine is always there, and one instance is shared", () => {
  const k = getKernels('ts');
  assert.equal(k.engine, 'ts');
  assert.equal(getKernels('ts'), k);
  assert.ok(availableEngines().includes('ts'));
});

test('TRACEHOUND_ENGINE chooses the default; without it, wasm when available else ts', () => {
  withEnv('ts', () => {
    assert.equal(defaultEngineName(), 'ts');
    assert.equal(getKernels().engine, 'ts');
  });
  withEnv(undefined, () => assert.equal(defaultEngineName(), availableEngines().includes('wasm') ? 'wasm' : 'ts'));
  withEnv('cuda', () => assert.throws(() => getKernels(), /'TRACEHOUND_ENGINE' value must be one of ts, wasm. Got 'cuda'/));
});

test('an unknown engine name is a ValidationError', () => {
  assert.throws(() => parseEngineName('gpu', 'engine'), ValidationError);
  assert.throws(() => getKernels('gpu' as never), ValidationError);
});
