// A small builder for an ONNX graph: named constants as initializers, nodes with unique output
// names, and typed graph inputs/outputs. It keeps the exporter readable (one line per operation)
// and owns the little-endian byte layout of the initializers.

import { AttributeType, DataType, type AttributeInit, type DataTypeCode, type NodeInit, type TensorInit, type ValueInfoInit } from './onnx-proto.js';

export type Attr = number | number[] | string | { float: number };

function attribute(name: string, v: Attr): AttributeInit {
  if (typeof v === 'string') return { name, type: AttributeType.STRING, s: new TextEncoder().encode(v) };
  if (Array.isArray(v)) return { name, type: AttributeType.INTS, ints: v };
  if (typeof v === 'object') return { name, type: AttributeType.FLOAT, f: v.float };
  return { name, type: AttributeType.INT, i: v };
}

function bytesOf(view: Float32Array | Float64Array | BigInt64Array | Uint8Array): Uint8Array {
  // Typed arrays are little-endian on every platform Node runs on; copy so the buffer is exactly the data.
  return new Uint8Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength));
}

export class GraphBuilder {
  readonly nodes: NodeInit[] = [];
  readonly initializers: TensorInit[] = [];
  private counter = 0;

  /** A fresh tensor name with a readable prefix. */
  name(prefix: string): string {
    return `${prefix}_${this.counter++}`;
  }

  constDouble(prefix: string, values: readonly number[], dims: number[] = [values.length]): string {
    return this.init(prefix, DataType.DOUBLE, dims, bytesOf(Float64Array.from(values)));
  }

  constFloat(prefix: string, values: ArrayLike<number>, dims: number[]): string {
    return this.init(prefix, DataType.FLOAT, dims, bytesOf(Float32Array.from(values)));
  }

  constInt64(prefix: string, values: readonly number[], dims: number[] = [values.length]): string {
    return this.init(prefix, DataType.INT64, dims, bytesOf(BigInt64Array.from(values.map((v) => BigInt(v)))));
  }

  /** Adds a node and returns the name of its (single) output. */
  op(opType: string, inputs: string[], attrs: Record<string, Attr> = {}, outName?: string): string {
    const output = outName ?? this.name(opType.toLowerCase());
    this.nodes.push({
      name: `${opType}_${this.nodes.length}`,
      opType,
      input: inputs,
      output: [output],
      attribute: Object.entries(attrs).map(([k, v]) => attribute(k, v)),
    });
    return output;
  }

  private init(prefix: string, dataType: DataTypeCode, dims: number[], rawData: Uint8Array): string {
    const name = this.name(prefix);
    this.initializers.push({ name, dims, dataType, rawData });
    return name;
  }
}

/** A graph input/output description; `null` dims are symbolic (the batch size). */
export function valueInfo(name: string, elemType: DataTypeCode, dims: (number | string)[], docString?: string): ValueInfoInit {
  return {
    name,
    type: { tensorType: { elemType, shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) } } },
    ...(docString ? { docString } : {}),
  };
}
