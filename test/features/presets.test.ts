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

test('the default preset puts an unseen userId ≥ 1000 on the most suspicious training user, and leaves host-ordered ids out', () => {
  assert.equal(DEFAULT_FEATURE_PRESET, 'beth-flags+user-rate');
  const t = makeTable(400, 3);
  const p = buildPipeline(DEFAULT_FEATURE_PRESET).fit(t, t.labels!);
  const names = p.outputNames();
  assert.ok(names.includes('userId_rate'));
  for (const gone of ['processId_scaled', 'threadId_scaled', 'mountNamespace_scaled']) assert.ok(!names.includes(gone), gone);
  const rate = names.indexOf('userId_rate');
  const m = p.transform(t);
  const seen = Array.from({ length: m.rows }, (_, i) => m.data[i * m.cols + rate]);
  const probe = { ...t, rows: 2, labels: null, columns: Object.fromEntries(Object.entries(t.columns).map(([k, c]) => [k, c.slice(0, 2)])) } as typeof t;
  probe.columns.userId[0] = 4242; // unseen, above the boundary
  probe.columns.userId[1] = 7; // unseen, below it
  const out = p.transform(probe);
  assert.equal(out.data[rate], Math.max(...seen));
  assert.ok(out.data[out.cols + rate] < Math.max(...seen));
});
