// The BETH paper's preprocessing (Highnam et al. 2021) as binary indicators:
//   processId and parentProcessId in {0, 1, 2} (operating-system processes), userId < 1000
//   (system users), mountNamespace == 4026531840 (the host's namespace), and returnValue as
//   negative / zero / positive (one-hot). threadId is not used.
// Every output is 0 or 1 whatever the input, so values the training data never showed (the new user
// ids and parent processes of an attack) land on the same bounded inputs the network was trained
// on: nothing extrapolates. Stateless, but it follows the contract (fit before transform) so that a
// pipeline treats all its branches alike.

import { NotFittedError, ValidationError } from '../errors.js';
import type { Matrix, Table } from '../data/table.js';
import { checkSaved, matrixFromColumns, readColumns, type Saved, type Transformer } from './transformer.js';

export interface BethFlagsParams {
  /** Process ids of the operating system (the paper: 0, 1, 2). */
  osProcessIds: number[];
  /** userId below this is a system user (the paper: 1000). */
  userIdBelow: number;
  /** The host's mount namespace (the paper: 4026531840). */
  hostMountNamespace: number;
}

export interface BethFlagsState {
  fitted: true;
}

export const BETH_FLAG_NAMES = [
  'processIdIsOs',
  'parentProcessIdIsOs',
  'userIdIsSystem',
  'mountNamespaceIsHost',
  'returnValueNegative',
  'returnValueZero',
  'returnValuePositive',
] as const;

const INPUTS = ['processId', 'parentProcessId', 'userId', 'mountNamespace', 'returnValue'];

export class BethFlags implements Transformer<BethFlagsParams, BethFlagsState> {
  static readonly KIND = 'BethFlags';
  static readonly VERSION = 1;
  readonly kind = BethFlags.KIND;
  readonly params: Readonly<BethFlagsParams>;
  private fitted = false;

  constructor(params: Partial<BethFlagsParams> = {}) {
    this.params = Object.freeze({
      osProcessIds: params.osProcessIds ?? [0, 1, 2],
      userIdBelow: params.userIdBelow ?? 1000,
      hostMountNamespace: params.hostMountNamespace ?? 4026531840,
    });
  }

  fit(table: Table): this {
    const p = this.params;
    if (!Array.isArray(p.osProcessIds) || !p.osProcessIds.every(Number.isInteger)) {
      throw new ValidationError(`The BethFlags 'osProcessIds' option must be a list of integers. Got ${JSON.stringify(p.osProcessIds)}.`);
    }
    for (const k of ['userIdBelow', 'hostMountNamespace'] as const) {
      if (!Number.isSafeInteger(p[k])) throw new ValidationError(`The BethFlags '${k}' option must be an integer. Got ${JSON.stringify(p[k])}.`);
    }
    readColumns(this.kind, table, INPUTS);
    this.fitted = true;
    return this;
  }

  transform(table: Table): Matrix {
    if (!this.fitted) throw new NotFittedError(this.kind);
    const [pid, ppid, uid, mnt, ret] = readColumns(this.kind, table, INPUTS);
    const n = table.rows;
    const os = new Set(this.params.osProcessIds);
    const { userIdBelow, hostMountNamespace } = this.params;
    const out = BETH_FLAG_NAMES.map(() => new Uint8Array(n));
    for (let i = 0; i < n; i++) {
      out[0][i] = os.has(pid[i]) ? 1 : 0;
      out[1][i] = os.has(ppid[i]) ? 1 : 0;
      out[2][i] = uid[i] < userIdBelow ? 1 : 0;
      out[3][i] = mnt[i] === hostMountNamespace ? 1 : 0;
      out[4][i] = ret[i] < 0 ? 1 : 0;
      out[5][i] = ret[i] === 0 ? 1 : 0;
      out[6][i] = ret[i] > 0 ? 1 : 0;
    }
    return matrixFromColumns(n, out);
  }

  outputNames(): string[] {
    return [...BETH_FLAG_NAMES];
  }

  isFitted(): boolean {
    return this.fitted;
  }

  toJSON(): Saved<BethFlagsParams, BethFlagsState> {
    return {
      kind: this.kind,
      version: BethFlags.VERSION,
      params: { ...this.params, osProcessIds: [...this.params.osProcessIds] },
      state: this.fitted ? { fitted: true } : null,
    };
  }

  static fromJSON(doc: unknown): BethFlags {
    const d = checkSaved(doc, BethFlags.KIND, BethFlags.VERSION) as Saved<BethFlagsParams, BethFlagsState>;
    const f = new BethFlags(d.params);
    f.fitted = d.state !== null && d.state !== undefined;
    return f;
  }
}
