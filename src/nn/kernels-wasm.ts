// The WebAssembly SIMD engine: the Kernels interface over build/kernels.wasm (AssemblyScript in
// assembly/, built by `npm run build:wasm`). Buffers live in the module's linear memory and JS holds
// typed-array views on it; a kernel call passes each view's byteOffset as the wasm pointer, so no
// batch is ever copied between JS and wasm. The memory is shared (SharedArrayBuffer), so growing it
// for a new allocation never detaches views handed out earlier.

import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { TracehoundError } from '../errors.js';
import type { Activation, Kernels } from './kernels.js';
import { dropoutConstants } from './dropout-ts.js';
import { WasmHeap, type WasmMemory } from './kernels-wasm-heap.js';

// Node has WebAssembly, but the project's lib (ES2022, no DOM) does not declare it: these few
// declarations cover what this file uses.
type WasmModule = object;
interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => { exports: object };
  Memory: new (d: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
}
const WA = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** Where scripts/build-wasm.mjs writes the module, relative to this file (src/nn/ → build/). */
export const WASM_PATH = fileURLToPath(new URL('../../build/kernels.wasm', import.meta.url));
/**
 * The same kernels built with relaxed SIMD: every multiply-add of the matrix products is one fused
 * f32x4.relaxed_madd (assembly/madd.ts), 1.4–1.9× on the large layer where the CPU has FMA. Used by
 * default when the runtime compiles it (Node 20 behind a V8 flag set around the compile); results
 * then differ from kernels.wasm in the last bits (one rounding instead of two), and are still the
 * same run after run on one machine. TRACEHOUND_WASM_FMA=0 (or { fma: false }) keeps kernels.wasm.
 */
export const WASM_FMA_PATH = fileURLToPath(new URL('../../build/kernels-fma.wasm', import.meta.url));

const ACTIVATION_CODE: Record<Activation, number> = { linear: 0, relu: 1, leaky_relu: 2, gelu: 3 };

/**
 * The allocator starts at 64 KiB: below it sit the module's static data (AssemblyScript's Math
 * tables, 1–7 KiB) and the kernels' scratch for wᵀ (16–64 KiB, assembly/backward.ts); and a null
 * pointer must never be a buffer.
 */
const HEAP_BASE = 65536;
const INITIAL_PAGES = 16;
const MAXIMUM_PAGES = 65536;

interface KernelExports {
  denseForward(x: number, w: number, b: number, pre: number, out: number, n: number, k: number, m: number, act: number): void;
  denseBackward(
    x: number, w: number, pre: number, d: number, gW: number, gB: number, dX: number,
    n: number, k: number, m: number, act: number, accumulate: number,
  ): void;
  bceWithLogits(z: number, y: number, dz: number, n: number, posWeight: number, gamma: number, scale: number): number;
  sigmoid(z: number, out: number, n: number): void;
  mulInPlace(a: number, b: number, n: number): void;
  addInPlace(a: number, b: number, n: number): void;
  dropoutForward(out: number, mask: number, n: number, keepBelow: number, scale: number, state: number): void;
  gatherTrainingRows(src: number, idx: number, x: number, y: number, n: number, d: number, stride: number): void;
  adamStep(
    p: number, g: number, m: number, v: number, len: number,
    lr: number, beta1: number, beta2: number, eps: number, wd: number, decoupled: number, t: number,
  ): void;
  sgdStep(p: number, g: number, vel: number, len: number, lr: number, momentum: number, wd: number, nesterov: number): void;
}

const compiled = new Map<string, WasmModule>();
/** Paths whose compile failed (a runtime without relaxed SIMD): not tried again. */
const uncompilable = new Set<string>();

/** Whether build/kernels.wasm exists (the engine can be created). */
export function wasmKernelsBuilt(): boolean {
  return existsSync(WASM_PATH);
}

/**
 * Compiles the module once per thread, with the optimising tier from the start: Node 20 would
 * otherwise run the first epochs through its baseline compiler (Liftoff), 1–3 slow epochs. A module
 * using relaxed SIMD that does not compile as is (Node 20 ships it behind a flag) is compiled again
 * with the flag on; the module keeps the features it was compiled with, so the flag is restored
 * right after, like Liftoff. (Setting a flag a runtime does not know would print an error, hence
 * the first plain attempt.)
 */
function compileModule(path: string): WasmModule {
  const cached = compiled.get(path);
  if (cached) return cached;
  if (!existsSync(path)) {
    throw new TracehoundError(
      'E_WASM_NOT_BUILT',
      `The wasm engine is not built (${path} is missing). Run 'npm run build:wasm', or use --engine ts.`,
    );
  }
  const bytes = readFileSync(path);
  let module: WasmModule;
  v8.setFlagsFromString('--no-liftoff');
  try {
    try {
      module = new WA.Module(bytes);
    } catch {
      v8.setFlagsFromString('--experimental-wasm-relaxed-simd');
      try {
        module = new WA.Module(bytes);
      } finally {
        v8.setFlagsFromString('--no-experimental-wasm-relaxed-simd');
      }
    }
  } finally {
    v8.setFlagsFromString('--liftoff');
  }
  compiled.set(path, module);
  return module;
}

/** The fused multiply-add build when wanted, built and compilable here; else the plain build. */
function defaultModule(fma: boolean): { module: WasmModule; path: string } {
  if (fma && existsSync(WASM_FMA_PATH) && !uncompilable.has(WASM_FMA_PATH)) {
    try {
      return { module: compileModule(WASM_FMA_PATH), path: WASM_FMA_PATH };
    } catch {
      uncompilable.add(WASM_FMA_PATH); // a runtime without relaxed SIMD: the plain build does the same work
    }
  }
  return { module: compileModule(WASM_PATH), path: WASM_PATH };
}

export interface WasmKernelsOptions {
  /** The compiled kernels (default: build/kernels-fma.wasm if usable, else build/kernels.wasm). */
  wasmPath?: string;
  /** Use the fused multiply-add build when possible (default true unless TRACEHOUND_WASM_FMA=0). */
  fma?: boolean;
}

export type WasmKernels = Kernels & {
  readonly heap: WasmHeap;
  /** The module this instance runs (worker threads load the same one, so threads agree bit for bit). */
  readonly wasmPath: string;
};

/** A fresh instance of the wasm kernels with its own linear memory. */
export function createWasmKernels(options: WasmKernelsOptions = {}): WasmKernels {
  const fma = options.fma ?? process.env.TRACEHOUND_WASM_FMA !== '0';
  const { module, path } = options.wasmPath !== undefined
    ? { module: compileModule(options.wasmPath), path: options.wasmPath }
    : defaultModule(fma);
  const memory = new WA.Memory({ initial: INITIAL_PAGES, maximum: MAXIMUM_PAGES, shared: true });
  const instance = new WA.Instance(module, { env: { memory } });
  const ex = instance.exports as unknown as KernelExports;
  const heap = new WasmHeap(memory, HEAP_BASE);

  // A view's byteOffset is its wasm pointer. Only views on this memory are valid: a plain typed
  // array (or one from another engine) would silently read unrelated memory, so refuse it.
  const ptr = (a: Float32Array | Int32Array): number => {
    if (!(a.buffer instanceof SharedArrayBuffer)) {
      throw new TracehoundError('E_WASM_BUFFER', 'A buffer passed to the wasm kernels was not allocated by them (use kernels.alloc).');
    }
    return a.byteOffset;
  };

  return {
    engine: 'wasm',
    heap,
    wasmPath: path,
    alloc(length) {
      const start = heap.allocate(length * 4);
      return new Float32Array(memory.buffer, start, length);
    },
    allocInt32(length) {
      const start = heap.allocate(length * 4);
      return new Int32Array(memory.buffer, start, length);
    },
    free(buf) {
      heap.release(ptr(buf));
    },
    denseForward(x, w, b, pre, out, n, k, m, act) {
      ex.denseForward(ptr(x), ptr(w), ptr(b), ptr(pre), ptr(out), n, k, m, ACTIVATION_CODE[act]);
    },
    denseBackward(x, w, pre, dOut, gW, gB, dX, n, k, m, act, accumulate) {
      ex.denseBackward(
        ptr(x), ptr(w), ptr(pre), ptr(dOut), ptr(gW), ptr(gB), dX === null ? 0 : ptr(dX),
        n, k, m, ACTIVATION_CODE[act], accumulate ? 1 : 0,
      );
    },
    bceWithLogits(logits, y, dLogits, n, posWeight, focalGamma, scale) {
      return ex.bceWithLogits(ptr(logits), ptr(y), ptr(dLogits), n, posWeight, focalGamma, scale);
    },
    sigmoid(z, out, n) {
      ex.sigmoid(ptr(z), ptr(out), n);
    },
    mulInPlace(a, b, n) {
      ex.mulInPlace(ptr(a), ptr(b), n);
    },
    addInPlace(a, b, n) {
      ex.addInPlace(ptr(a), ptr(b), n);
    },
    dropoutForward(out, mask, n, keep, state) {
      const { keepBelow, scale } = dropoutConstants(keep);
      ex.dropoutForward(ptr(out), ptr(mask), n, keepBelow, scale, ptr(state));
    },
    gatherTrainingRows(src, idx, x, y, n, d, stride) {
      ex.gatherTrainingRows(ptr(src), ptr(idx), ptr(x), ptr(y), n, d, stride);
    },
    adamStep(p, g, m, v, len, lr, beta1, beta2, eps, weightDecay, decoupled, t) {
      ex.adamStep(ptr(p), ptr(g), ptr(m), ptr(v), len, lr, beta1, beta2, eps, weightDecay, decoupled ? 1 : 0, t);
    },
    sgdStep(p, g, vel, len, lr, momentum, weightDecay, nesterov) {
      ex.sgdStep(ptr(p), ptr(g), ptr(vel), len, lr, momentum, weightDecay, nesterov ? 1 : 0);
    },
  };
}
