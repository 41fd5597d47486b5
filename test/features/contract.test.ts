// The Transformer contract, run against every transformer kind (and every preset pipeline).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NotFittedError, ValidationError } from '../../src/errors.js';
import { FEATURE_COLUMNS } from '../../src/data/table.js';
import {
  BethFlags, ColumnSelector, FrequencyEncoder, Pipeline, RateEncoder, StandardScaler, buildPipeline, FEATURE_PRESETS, transformerFromJSON,
  type Transformer,
} from '../../src/features/index.js';
import { makeTable, withoutColumn } from './make-table.js';

const factories: Record<string, () => Transformer> = {
  StandardScaler: () => new StandardScaler(),
  'StandardScaler(clip)': () => new StandardScaler({ columns: ['userId', 'mountNamespace'], clip: 2 }),
  BethFlags: () => new BethFlags(),
  ColumnSelector: () => new ColumnSelector({ columns: ['argsNum', 'userId'] }),
  FrequencyEncoder: () => new FrequencyEncoder(),
  'FrequencyEncoder(maxValues)': () => new FrequencyEncoder({ columns: ['parentProcessId', 'userId'], maxValues: 2 }),
  RateEncoder: () => new RateEncoder(),
  'RateEncoder(no rule)': () => new RateEncoder({ columns: ['userId', 'parentProcessId'], smoothing: 0, unseenAtLeast: null }),
  Pipeline: () => new Pipeline([new BethFlags(), new StandardScaler({ columns: ['userId'] })]),
  ...Object.fromEntries(FEATURE_PRESETS.map((p) => [`preset ${p}`, () => buildPipeline(p)])),
};

const train = makeTable(300, 1);
const other = makeTable(120, 2);

for (const [name, make] of Object.entries(factories)) {
  test(`${name}: transform before fit throws NotFittedError`, () => {
    assert.throws(() => make().transform(train), NotFittedError);
  });

  test(`${name}: a JSON round trip gives identical output`, () => {
    const t = make().fit(train, train.labels ?? undefined);
    const json = JSON.parse(JSON.stringify(t.toJSON()));
    const back = transformerFromJSON(json);
    assert.equal(back.kind, t.kind);
    assert.deepEqual(back.toJSON(), t.toJSON());
    const a = t.transform(other), b = back.transform(other);
    assert.equal(a.rows, other.rows);
    assert.equal(a.cols, t.outputNames().length);
    assert.deepEqual(b, a);
  });

  test(`${name}: an unfitted transformer round-trips unfitted`, () => {
    const back = transformerFromJSON(JSON.parse(JSON.stringify(make().toJSON())));
    assert.equal(back.isFitted(), false);
    assert.throws(() => back.transform(train), NotFittedError);
  });

  test(`${name}: a table with a column missing throws a ValidationError naming it`, () => {
    const t = make().fit(train);
    // Find a column this transformer reads: dropping it must be refused.
    const used = FEATURE_COLUMNS.filter((c) => {
      try {
        t.transform(withoutColumn(other, c));
        return false;
      } catch (e) {
        assert.ok(e instanceof ValidationError, String(e));
        assert.match((e as Error).message, new RegExp(`missing '${c}'`));
        return true;
      }
    });
    assert.ok(used.length > 0);
  });

  test(`${name}: a saved document of another kind or a future version is refused`, () => {
    const doc = make().fit(train).toJSON();
    assert.throws(() => transformerFromJSON({ ...doc, kind: 'Nope' }), /Unknown transformer kind "Nope"/);
    assert.throws(() => transformerFromJSON({ ...doc, version: 99 }), /version 99, newer than this tracehound reads/);
  });

  test(`${name}: fit replaces an earlier fit`, () => {
    const t = make().fit(other).fit(train);
    const fresh = make().fit(train);
    assert.deepEqual(t.toJSON(), fresh.toJSON());
  });
}
