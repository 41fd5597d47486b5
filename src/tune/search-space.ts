// Search spaces: the default one of the tuning job and validation of a user's JSON file.
// Every rule broken is reported with the parameter's name and the rule, so the file can be fixed.

import { readFileSync } from 'node:fs';
import { ValidationError } from '../errors.js';
import type { Distribution, ParamValue, SearchSpace } from './distributions.js';

/** The default space of `tracehound tune` (issue 4). hidden = layers × width. */
export const DEFAULT_SEARCH_SPACE: SearchSpace = Object.freeze({
  width: { type: 'int', low: 16, high: 256, log: true },
  layers: { type: 'int', low: 1, high: 4, log: false },
  dropout: { type: 'float', low: 0, high: 0.6, log: false },
  activation: { type: 'categorical', choices: ['relu', 'leaky_relu', 'gelu'] },
  lr: { type: 'float', low: 1e-4, high: 1e-1, log: true },
  batchSize: { type: 'categorical', choices: [256, 512, 1024, 2048] },
  weightDecay: { type: 'float', low: 1e-6, high: 1e-2, log: true },
  posWeight: { type: 'float', low: 1, high: 100, log: true },
});

const KNOWN_KEYS: Record<string, readonly string[]> = {
  float: ['type', 'low', 'high', 'log'],
  int: ['type', 'low', 'high', 'log'],
  categorical: ['type', 'choices'],
};

/** Validate one parameter's JSON description. `where` prefixes messages (e.g. the file name). */
export function parseDistribution(name: string, raw: unknown, where = 'search space'): Distribution {
  const fail = (rule: string): never => {
    throw new ValidationError(`${where}: parameter '${name}': ${rule}`);
  };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return fail(`expected an object like {"type": "float", "low": 0, "high": 1}, got ${JSON.stringify(raw)}.`);
  }
  const o = raw as Record<string, unknown>;
  const type = o.type;
  if (type !== 'float' && type !== 'int' && type !== 'categorical') {
    return fail(`unknown distribution ${JSON.stringify(type)}. The type must be one of "float", "int", "categorical".`);
  }
  for (const key of Object.keys(o)) {
    if (!KNOWN_KEYS[type].includes(key)) fail(`unknown field '${key}' for a ${type} distribution (allowed: ${KNOWN_KEYS[type].join(', ')}).`);
  }
  if (type === 'categorical') {
    const choices = o.choices;
    if (!Array.isArray(choices)) return fail(`'choices' must be an array, got ${JSON.stringify(choices)}.`);
    if (choices.length === 0) return fail(`'choices' must not be empty (a categorical needs at least one choice).`);
    for (const c of choices) {
      const ok = typeof c === 'string' || typeof c === 'boolean' || (typeof c === 'number' && Number.isFinite(c));
      if (!ok) fail(`every choice must be a string, a finite number or a boolean, got ${JSON.stringify(c)}.`);
    }
    if (new Set(choices).size !== choices.length) fail(`'choices' must not repeat a value, got ${JSON.stringify(choices)}.`);
    return { type, choices: [...(choices as ParamValue[])] };
  }
  const { low, high } = o;
  const log = o.log ?? false;
  if (typeof low !== 'number' || !Number.isFinite(low)) return fail(`'low' must be a finite number, got ${JSON.stringify(low)}.`);
  if (typeof high !== 'number' || !Number.isFinite(high)) return fail(`'high' must be a finite number, got ${JSON.stringify(high)}.`);
  if (typeof log !== 'boolean') return fail(`'log' must be true or false, got ${JSON.stringify(log)}.`);
  if (low > high) return fail(`low must be <= high, got low=${low} > high=${high}.`);
  if (type === 'int' && (!Number.isInteger(low) || !Number.isInteger(high))) {
    return fail(`an int distribution needs integer bounds, got low=${low}, high=${high}.`);
  }
  if (log && low <= 0) return fail(`a log-scaled distribution needs low > 0, got low=${low}.`);
  return { type, low, high, log };
}

/** Validate a whole search space given as a JSON value. */
export function parseSearchSpace(raw: unknown, where = 'search space'): SearchSpace {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ValidationError(`${where}: expected a JSON object mapping parameter names to distributions.`);
  }
  const entries = Object.entries(raw as Record<string, unknown>);
  if (entries.length === 0) throw new ValidationError(`${where}: the search space has no parameters.`);
  const space: Record<string, Distribution> = {};
  for (const [name, d] of entries) space[name] = parseDistribution(name, d, where);
  return Object.freeze(space);
}

/** Read and validate a search-space JSON file. */
export function loadSearchSpace(file: string): SearchSpace {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ValidationError(`Cannot read the search-space file ${file}: ${(e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ValidationError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  return parseSearchSpace(raw, file);
}
