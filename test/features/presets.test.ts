import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPipeline, DEFAULT_FEATURE_PRESET, FEATURE_PRESETS, describePreset } from '../../src/features/presets.js';
import { makeTable } from './make-table.js';

test('every preset builds a fresh, working pipeline', () => {
  const t = makeTable(50);
  assert.ok(FEATURE_PRESETS.includes(DEFAULT_FEATURE_PRESET));
  for (const name of FEATURE_PRESETS) {
    const a = buildPipeline(name), b = buildPipeline(name);
    assert.notEqual(a, b);
    assert.ok(describePreset(name).length > 0);
    const m = a.fit(t).transform(t);
    assert.equal(m.rows, 50);
    assert.equal(m.cols, a.outputWidth());
    assert.ok([...m.data].every(Number.isFinite));
  }
});

test('an unknown preset is refused with the list of known ones', () => {
  assert.throws(() => buildPipeline('magic'), /'features' option must be one of beth-flags, .*Got "magic"/);
});
