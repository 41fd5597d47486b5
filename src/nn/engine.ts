// Engine selection, in this one file: which Kernels implementation the network runs on.
// Order of precedence: the explicit argument (a --engine flag), then env TRACEHOUND_ENGINE,
// then the fastest engine available ('wasm' when built and loadable, else 'ts').

import { ValidationError } from '../errors.js';
import type { EngineName, Kernels } from './kernels.js';
import { createTsKernels } from './kernels-ts.js';
import { createWasmKernels } from './kernels-wasm.js';

export const ENGINE_NAMES: readonly EngineName[] = ['ts', 'wasm'];

const instances = new Map<EngineName, Kernels>();

/** Builders per engine; each returns the kernels or throws an error saying why it cannot. */
const builders: Record<EngineName, () => Kernels> = {
  ts: createTsKernels,
  // Throws E_WASM_NOT_BUILT ("run 'npm run build:wasm'") when build/kernels.wasm is missing.
  wasm: createWasmKernels,
};

function isEngineName(s: string): s is EngineName {
  return (ENGINE_NAMES as readonly string[]).includes(s);
}

/** Parse an engine name from a flag or the environment, naming the source when it is wrong. */
export function parseEngineName(value: string, source = 'engine'): EngineName {
  if (!isEngineName(value)) {
    throw new ValidationError(`The '${source}' value must be one of ${ENGINE_NAMES.join(', ')}. Got '${value}'.`);
  }
  return value;
}

/** Whether an engine can be created here (the wasm engine needs its built module). */
export function isEngineAvailable(engine: EngineName): boolean {
  try {
    getKernels(engine);
    return true;
  } catch {
    return false;
  }
}

export function availableEngines(): EngineName[] {
  return ENGINE_NAMES.filter(isEngineAvailable);
}

/** The engine getKernels() picks when not told: env TRACEHOUND_ENGINE, else wasm if available, else ts. */
export function defaultEngineName(): EngineName {
  const env = process.env.TRACEHOUND_ENGINE;
  if (env !== undefined && env !== '') return parseEngineName(env, 'TRACEHOUND_ENGINE');
  return isEngineAvailable('wasm') ? 'wasm' : 'ts';
}

/** The kernels of an engine (one shared instance per engine). */
export function getKernels(engine?: EngineName): Kernels {
  const name = engine ?? defaultEngineName();
  if (!isEngineName(name)) parseEngineName(String(name));
  let k = instances.get(name);
  if (k === undefined) {
    k = builders[name]();
    instances.set(name, k);
  }
  return k;
}
