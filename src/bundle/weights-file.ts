// weights.bin: float32 little-endian, whatever the machine's byte order.
import { createHash } from 'node:crypto';
import { endianness } from 'node:os';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function encodeWeights(w: Float32Array): Buffer {
  if (endianness() === 'LE') return Buffer.from(w.buffer.slice(w.byteOffset, w.byteOffset + w.byteLength));
  const buf = Buffer.alloc(w.length * 4);
  for (let i = 0; i < w.length; i++) buf.writeFloatLE(w[i], i * 4);
  return buf;
}

export function decodeWeights(bytes: Uint8Array): Float32Array {
  const out = new Float32Array(bytes.length / 4);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}
