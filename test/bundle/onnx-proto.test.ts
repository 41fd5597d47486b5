import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GraphBuilder, valueInfo } from '../../src/bundle/onnx-graph.js';
import { DataType, decodeModel, encodeModel } from '../../src/bundle/onnx-proto.js';

test('a model encodes to protobuf bytes and decodes back field for field (initializers little-endian)', () => {
  const g = new GraphBuilder();
  const c = g.constDouble('c', [4026531840, -1.5], [1, 2]);
  const k = g.constInt64('k', [1, -2]);
  g.op('Add', ['x', c], {}, 'y');
  g.op('LeakyRelu', ['y'], { alpha: { float: 0.25 } }, 'z');
  g.op('Cast', ['z'], { to: DataType.FLOAT }, 'out');
  const bytes = encodeModel({
    irVersion: 8,
    producerName: 'tracehound',
    producerVersion: '1.2.3',
    opsetImport: [{ domain: '', version: 17 }],
    metadataProps: [{ key: 'a', value: 'b' }],
    graph: { name: 'g', node: g.nodes, initializer: g.initializers, input: [valueInfo('x', DataType.DOUBLE, ['N', 2])], output: [valueInfo('out', DataType.FLOAT, ['N', 2])] },
  });
  const m = decodeModel(bytes);
  assert.equal(m.irVersion, 8);
  assert.equal(m.producerVersion, '1.2.3');
  assert.deepEqual(m.graph.node.map((n) => [n.opType, n.input, n.output]), [['Add', ['x', c], ['y']], ['LeakyRelu', ['y'], ['z']], ['Cast', ['z'], ['out']]]);
  assert.equal(m.graph.node[1].attribute?.[0].f, 0.25);
  assert.equal(m.graph.node[2].attribute?.[0].i, DataType.FLOAT);
  const [dbl, i64] = m.graph.initializer;
  assert.deepEqual(dbl.dims, [1, 2]);
  assert.deepEqual(Array.from(new Float64Array(Uint8Array.from(dbl.rawData).buffer)), [4026531840, -1.5]);
  assert.equal(i64.name, k);
  assert.deepEqual(Array.from(new BigInt64Array(Uint8Array.from(i64.rawData).buffer), Number), [1, -2]);
  assert.deepEqual(m.graph.input[0].type.tensorType.shape.dim, [{ dimParam: 'N' }, { dimValue: 2 }]);
  assert.deepEqual(m.metadataProps, [{ key: 'a', value: 'b' }]);
});
