import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layerLayout, parameterCount, validateMlpConfig, DEFAULT_MLP_CONFIG } from '../../src/nn/mlp-config.js';
import { ValidationError } from '../../src/errors.js';

test('the default network 7→64→32→1 has 2,625 parameters in W,b order', () => {
  const config = { inputs: 7, ...DEFAULT_MLP_CONFIG };
  assert.equal(parameterCount(config), 2625);
  assert.deepEqual(layerLayout(config), [
    { inputs: 7, outputs: 64, activation: 'relu', wOffset: 0, bOffset: 448 },
    { inputs: 64, outputs: 32, activation: 'relu', wOffset: 512, bOffset: 2560 },
    { inputs: 32, outputs: 1, activation: 'linear', wOffset: 2592, bOffset: 2624 },
  ]);
  assert.deepEqual(layerLayout({ ...config, hidden: [] }), [{ inputs: 7, outputs: 1, activation: 'linear', wOffset: 0, bOffset: 7 }]);
});

test('validation names the field, the rule and the value', () => {
  const ok = { inputs: 7, hidden: [4], activation: 'relu' as const, dropout: 0.1, init: 'xavier' as const };
  assert.deepEqual(validateMlpConfig(ok), ok);
  const cases: Array<[object, RegExp]> = [
    [{ inputs: 0 }, /'inputs' option must be a positive integer. Got 0/],
    [{ hidden: [64, 0] }, /'hidden' option must be a list of positive integers. Got \[64,0\]/],
    [{ hidden: '64' }, /'hidden'/],
    [{ activation: 'tanh' }, /'activation' option must be one of linear, relu, leaky_relu, gelu. Got "tanh"/],
    [{ dropout: 1 }, /'dropout' option must be a number in \[0, 1\). Got 1/],
    [{ init: 'he' }, /'init' option must be one of kaiming, xavier/],
  ];
  for (const [patch, re] of cases) {
    assert.throws(() => validateMlpConfig({ ...ok, ...patch } as never), (e: unknown) => e instanceof ValidationError && re.test(e.message));
  }
});
