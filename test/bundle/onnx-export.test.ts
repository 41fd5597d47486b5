import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { readTable } from '../../src/data/read.js';
import { concatTables, FEATURE_COLUMNS, type Table } from '../../src/data/table.js';
import { buildPipeline, DEFAULT_FEATURE_PRESET, FEATURE_PRESETS } from '../../src/features/presets.js';
import { DEFAULT_TRAIN_CONFIG } from '../../src/model/config.js';
import { trainModel } from '../../src/model/train.js';
import { Model } from '../../src/model/model.js';
import { Mlp } from '../../src/nn/mlp.js';
import { getKernels } from '../../src/nn/engine.js';
import { buildOnnxModel, ONNX_INPUT } from '../../src/bundle/onnx-export.js';
import { decodeModel } from '../../src/bundle/onnx-proto.js';
import { BETH_DIR, realModel, rowsOf } from '../score/real-model.js';

/** Every real BETH file in ../shared/data/beth that holds the seven event features. */
async function allRealRows(): Promise<Table> {
  const files = readdirSync(BETH_DIR).filter((f) => f.startsWith('datacamp_') || /kaggle_labelled_(training|validation|testing)_data/.test(f));
  assert.ok(files.length >= 4, files.join(', '));
  return concatTables(await Promise.all(files.sort().map((f) => readTable(BETH_DIR + f))));
}

async function runOnnx(bytes: Uint8Array, table: Table) {
  const session = await ort.InferenceSession.create(bytes);
  const input = new ort.Tensor('float64', rowsOf(table, FEATURE_COLUMNS), [table.rows, FEATURE_COLUMNS.length]);
  const out = await session.run({ [ONNX_INPUT]: input });
  return { probability: out.probability.data as Float32Array, label: out.label.data as BigInt64Array, dims: out.probability.dims };
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  assert.equal(a.length, b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

function exportOf(model: Model, id = 'm'): Uint8Array {
  return buildOnnxModel({
    pipeline: model.pipeline.toJSON(),
    network: { config: model.network.toJSON(), weights: model.network.getWeights() },
    inputColumns: model.inputColumns,
    threshold: model.threshold,
    modelId: id,
    tracehoundVersion: '0.0.0-test',
  });
}

test('ONNX Runtime gives the trained model’s scores and labels on every real BETH row (max |diff| < 1e-5)', async (t) => {
  const { trained } = await realModel();
  const table = await allRealRows();
  const ours = trained.model.scoreTable(table);
  const onnx = await runOnnx(exportOf(trained.model), table);
  assert.deepEqual(onnx.dims, [table.rows]);
  const diff = maxAbsDiff(ours, onnx.probability);
  assert.ok(diff < 1e-5, `max |difference| ${diff}`);
  t.diagnostic(`max |difference| ${diff} over ${table.rows} real rows`);
  let mismatched = 0;
  for (let i = 0; i < table.rows; i++) if (Number(onnx.label[i]) !== (ours[i] >= trained.model.threshold ? 1 : 0)) mismatched++;
  assert.equal(mismatched, 0);
  assert.ok(table.rows > 25_000);
});

test('a model trained with the default preset (user rate, unseen userId ≥ 1000) scores the same in ONNX Runtime on every real row', async (t) => {
  assert.equal(DEFAULT_FEATURE_PRESET, 'beth-flags+user-rate');
  const train = await readTable(BETH_DIR + 'datacamp_labelled_train_rows0-12499.csv.gz');
  const validation = await readTable(BETH_DIR + 'datacamp_labelled_validation_rows0-99_DERIVED_from_kaggle.csv.gz');
  const trained = await trainModel({ train, validation, config: { ...DEFAULT_TRAIN_CONFIG, epochs: 3, seed: 3 }, engine: 'ts' });
  const table = await allRealRows();
  // The real rows include userId 1000 (unseen in training: the rule's branch) and every training user.
  const users = new Set(table.columns.userId);
  assert.ok(users.has(1000) && users.has(0) && users.has(100), [...users].join(', '));
  const ours = trained.model.scoreTable(table);
  const onnx = await runOnnx(exportOf(trained.model), table);
  const diff = maxAbsDiff(ours, onnx.probability);
  assert.ok(diff < 1e-5, `max |difference| ${diff}`);
  t.diagnostic(`max |difference| ${diff} over ${table.rows} real rows`);
  for (let i = 0; i < table.rows; i++) assert.equal(Number(onnx.label[i]), ours[i] >= trained.model.threshold ? 1 : 0, `row ${i}`);
  // And an id no BETH file holds, on both sides of the rule's boundary and far outside.
  const synthetic = [999, 1000, 4242, 2 ** 31].map((uid) => [1415, 1415, 1330, uid, 4026531840, 1, 0]);
  const rows = Float64Array.from(synthetic.flat());
  const session = await ort.InferenceSession.create(exportOf(trained.model));
  const out = await session.run({ [ONNX_INPUT]: new ort.Tensor('float64', rows, [synthetic.length, FEATURE_COLUMNS.length]) });
  const mine = trained.model.scoreRows(rows, synthetic.length);
  assert.ok(maxAbsDiff(mine, out.probability.data as Float32Array) < 1e-5);
});

test('every preprocessing preset and activation exports faithfully (fitted on real rows)', async () => {
  const table = await allRealRows();
  const train = await readTable(BETH_DIR + 'datacamp_labelled_train_rows0-12499.csv.gz');
  // Every preset (FEATURE_PRESETS, so a new one is covered as soon as it exists), activations and
  // depths taken in turn.
  const activations = ['gelu', 'leaky_relu', 'relu'] as const;
  const depths = [[16, 8], [32], [], [64, 32], [8, 8, 8]];
  assert.ok(FEATURE_PRESETS.includes('beth-flags+user-rate') && FEATURE_PRESETS.includes('beth-flags+frequency+clipped'));
  const cases = FEATURE_PRESETS.map((p, i) => [p, activations[i % activations.length], depths[i % depths.length]] as const);
  for (const [preset, activation, hidden] of cases) {
    const pipeline = buildPipeline(preset).fit(train, train.labels ?? undefined);
    const network = new Mlp({ inputs: pipeline.outputWidth(), hidden, activation, dropout: 0, init: 'xavier' }, { seed: 5, kernels: getKernels('ts') });
    const model = new Model(pipeline, network, 0.37, { rule: 'fixed', value: 0.37 });
    const diff = maxAbsDiff(model.scoreTable(table), (await runOnnx(exportOf(model), table)).probability);
    assert.ok(diff < 1e-5, `${preset} ${activation} [${hidden}]: max |difference| ${diff}`);
  }
});

test('the file says what it is: opset, producer, input and output types, metadata', async () => {
  const { trained } = await realModel();
  const m = decodeModel(exportOf(trained.model, 'abc123'));
  assert.equal(m.producerName, 'tracehound');
  assert.deepEqual(m.opsetImport.map((o) => [o.domain ?? '', o.version]), [['', 17]]);
  assert.equal(m.graph.input[0].name, 'events');
  assert.equal(m.graph.input[0].type.tensorType.elemType, 11);
  assert.deepEqual(m.graph.output.map((o) => [o.name, o.type.tensorType.elemType]), [['probability', 1], ['label', 7]]);
  const meta = Object.fromEntries((m.metadataProps ?? []).map((p) => [p.key, p.value]));
  assert.equal(meta['tracehound.model_id'], 'abc123');
  assert.equal(meta['tracehound.input_columns'], FEATURE_COLUMNS.join(', '));
  assert.equal(Number(meta['tracehound.threshold']), trained.model.threshold);
  const ops = new Set(m.graph.node.map((n) => n.opType));
  for (const op of ['Gather', 'Equal', 'Less', 'Cast', 'Sub', 'Div', 'MatMul', 'Add', 'Relu', 'Sigmoid']) assert.ok(ops.has(op), op);
});

test('a pipeline the exporter does not know is refused with its kind named', () => {
  assert.throws(
    () =>
      buildOnnxModel({
        pipeline: { kind: 'Pipeline', version: 1, params: { branches: [{ kind: 'PCA', version: 1, params: {}, state: {} }] }, state: { fitted: true } },
        network: { config: { inputs: 7, hidden: [], activation: 'relu', dropout: 0, init: 'kaiming' }, weights: new Float32Array(8) },
        inputColumns: FEATURE_COLUMNS,
        threshold: 0.5,
        modelId: 'x',
        tracehoundVersion: '0',
      }),
    /Cannot export the transformer kind "PCA" to ONNX/,
  );
});
