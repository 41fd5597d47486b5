// A study in PostgreSQL, shared by any number of tune processes on any number of machines.
// - Trial numbers: creating a trial locks the study's row (SELECT ... FOR UPDATE), reads the
//   history, asks the sampler, and inserts number = max + 1 in the same transaction; the primary
//   key (study, number) makes a duplicate impossible even if that logic were bypassed.
// - Dead workers: each process registers a worker row and holds a session-level advisory lock on
//   its id for as long as it lives. A RUNNING trial whose worker's lock can be taken belongs to a
//   dead process (PostgreSQL drops session locks when the connection dies) and is marked FAILED.

import { hostname } from 'node:os';
import pg from 'pg';
import { StudyError } from '../../errors.js';
import type { Params } from '../distributions.js';
import type { Direction, FrozenTrial, TrialState } from '../trial.js';
import type { Propose, StudyStorage } from './storage.js';

/** First key of the two-key advisory locks this storage takes ('th'). */
const LOCK_NS = 0x7468;
/** Advisory transaction lock that serialises schema creation between processes. */
const SCHEMA_LOCK = 0x74686463;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS tracehound_studies (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  direction text NOT NULL CHECK (direction IN ('minimize', 'maximize')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS tracehound_workers (
  id serial PRIMARY KEY,
  host text NOT NULL,
  pid integer NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS tracehound_trials (
  study_id integer NOT NULL REFERENCES tracehound_studies(id) ON DELETE CASCADE,
  number integer NOT NULL,
  state text NOT NULL CHECK (state IN ('RUNNING', 'COMPLETE', 'PRUNED', 'FAILED')),
  params jsonb NOT NULL,
  value double precision,
  intermediate jsonb NOT NULL DEFAULT '{}'::jsonb,
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  error text,
  worker_id integer NOT NULL REFERENCES tracehound_workers(id),
  PRIMARY KEY (study_id, number)
);`;

interface TrialRow {
  number: number;
  state: TrialState;
  params: Params;
  value: number | null;
  intermediate: Record<string, number>;
  started_at: Date;
  finished_at: Date | null;
  error: string | null;
}

function toFrozen(r: TrialRow): FrozenTrial {
  const intermediate: Record<number, number> = {};
  for (const [k, v] of Object.entries(r.intermediate)) intermediate[Number(k)] = v;
  return Object.freeze({
    number: r.number,
    state: r.state,
    params: Object.freeze({ ...r.params }),
    value: r.value,
    intermediate: Object.freeze(intermediate),
    startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at ? r.finished_at.toISOString() : null,
    ...(r.error !== null ? { error: r.error } : {}),
  });
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

const TRIAL_COLUMNS = 'number, state, params, value, intermediate, started_at, finished_at, error';

export class PostgresStorage implements StudyStorage {
  readonly location: string;
  private readonly client: pg.Client;
  private connected = false;
  private studyId: number | null = null;
  private workerId: number | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly url: string) {
    this.location = redactUrl(url);
    this.client = new pg.Client({ connectionString: url });
    // A dropped connection must not crash the process with an unhandled 'error' event; the next
    // query reports it instead.
    this.client.on('error', () => undefined);
  }

  /** One query or transaction at a time on the one connection (it also holds our advisory lock). */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async tx<T>(fn: () => Promise<T>): Promise<T> {
    await this.client.query('BEGIN');
    try {
      const out = await fn();
      await this.client.query('COMMIT');
      return out;
    } catch (e) {
      await this.client.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }

  private requireStudy(): number {
    if (this.studyId === null) throw new StudyError(`No study is open in ${this.location}; call openStudy first.`);
    return this.studyId;
  }

  openStudy(name: string, direction: Direction): Promise<void> {
    return this.serial(async () => {
      if (!this.connected) {
        try {
          await this.client.connect();
        } catch (e) {
          throw new StudyError(`Cannot connect to ${this.location}: ${(e as Error).message}`);
        }
        this.connected = true;
      }
      const c = this.client;
      await this.tx(async () => {
        await c.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
        await c.query(SCHEMA);
      });
      if (this.workerId === null) {
        const w = await c.query<{ id: number }>('INSERT INTO tracehound_workers (host, pid) VALUES ($1, $2) RETURNING id', [hostname(), process.pid]);
        this.workerId = w.rows[0].id;
        await c.query('SELECT pg_advisory_lock($1, $2)', [LOCK_NS, this.workerId]);
      }
      await c.query('INSERT INTO tracehound_studies (name, direction) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, direction]);
      const s = await c.query<{ id: number; direction: Direction }>('SELECT id, direction FROM tracehound_studies WHERE name = $1', [name]);
      const row = s.rows[0];
      if (row.direction !== direction) {
        throw new StudyError(`The study '${name}' in ${this.location} was created to ${row.direction}, not ${direction}; its objective differs.`);
      }
      this.studyId = row.id;
      await this.failDeadTrials();
    });
  }

  /** Mark FAILED the RUNNING trials of workers whose advisory lock nobody holds any more. */
  private async failDeadTrials(): Promise<void> {
    const c = this.client;
    const ws = await c.query<{ worker_id: number }>(
      "SELECT DISTINCT worker_id FROM tracehound_trials WHERE study_id = $1 AND state = 'RUNNING' AND worker_id <> $2",
      [this.studyId, this.workerId],
    );
    for (const { worker_id } of ws.rows) {
      const got = await c.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [LOCK_NS, worker_id]);
      if (!got.rows[0].ok) continue; // that worker is alive
      try {
        await c.query(
          `UPDATE tracehound_trials SET state = 'FAILED', finished_at = now(),
             error = 'the process running it (worker ' || worker_id || ') stopped before the trial finished'
           WHERE study_id = $1 AND worker_id = $2 AND state = 'RUNNING'`,
          [this.studyId, worker_id],
        );
      } finally {
        await c.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_NS, worker_id]);
      }
    }
  }

  createTrial(propose: Propose): Promise<FrozenTrial> {
    return this.serial(async () => {
      const id = this.requireStudy();
      const c = this.client;
      return this.tx(async () => {
        await c.query('SELECT id FROM tracehound_studies WHERE id = $1 FOR UPDATE', [id]);
        const history = (await c.query<TrialRow>(`SELECT ${TRIAL_COLUMNS} FROM tracehound_trials WHERE study_id = $1 ORDER BY number`, [id])).rows.map(toFrozen);
        const number = history.length === 0 ? 0 : history[history.length - 1].number + 1;
        const params = await propose(number, history);
        const r = await c.query<TrialRow>(
          `INSERT INTO tracehound_trials (study_id, number, state, params, started_at, worker_id)
           VALUES ($1, $2, 'RUNNING', $3, now(), $4) RETURNING ${TRIAL_COLUMNS}`,
          [id, number, JSON.stringify(params), this.workerId],
        );
        return toFrozen(r.rows[0]);
      });
    });
  }

  reportIntermediate(number: number, step: number, value: number): Promise<void> {
    return this.serial(async () => {
      await this.client.query(
        'UPDATE tracehound_trials SET intermediate = intermediate || jsonb_build_object($3::text, $4::double precision) WHERE study_id = $1 AND number = $2',
        [this.requireStudy(), number, String(step), value],
      );
    });
  }

  finishTrial(number: number, state: Exclude<TrialState, 'RUNNING'>, value: number | null, error?: string): Promise<FrozenTrial> {
    return this.serial(async () => {
      const r = await this.client.query<TrialRow>(
        `UPDATE tracehound_trials SET state = $3, value = $4, error = $5, finished_at = now()
         WHERE study_id = $1 AND number = $2 RETURNING ${TRIAL_COLUMNS}`,
        [this.requireStudy(), number, state, value, error ?? null],
      );
      if (r.rowCount !== 1) throw new StudyError(`Trial ${number} does not exist in ${this.location}.`);
      return toFrozen(r.rows[0]);
    });
  }

  getTrials(): Promise<FrozenTrial[]> {
    return this.serial(async () => {
      const r = await this.client.query<TrialRow>(`SELECT ${TRIAL_COLUMNS} FROM tracehound_trials WHERE study_id = $1 ORDER BY number`, [this.requireStudy()]);
      return r.rows.map(toFrozen);
    });
  }

  async close(): Promise<void> {
    await this.queue;
    if (this.connected) await this.client.end().catch(() => undefined);
    this.connected = false;
  }
}

/**
 * A study's direction and trials, read without changing anything: no schema, study or worker row
 * is created and no trial is failed (the report reads a study that workers may still be running).
 */
export async function readPostgresStudy(url: string, name: string): Promise<{ direction: Direction; location: string; trials: FrozenTrial[] }> {
  const location = redactUrl(url);
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (e) {
    throw new StudyError(`Cannot connect to ${location}: ${(e as Error).message}`);
  }
  try {
    const exists = await client.query<{ t: string | null }>("SELECT to_regclass('tracehound_studies')::text AS t");
    const s = exists.rows[0].t === null
      ? { rows: [] }
      : await client.query<{ id: number; direction: Direction }>('SELECT id, direction FROM tracehound_studies WHERE name = $1', [name]);
    if (s.rows.length === 0) throw new StudyError(`There is no study '${name}' in ${location}.`);
    const { id, direction } = s.rows[0];
    const r = await client.query<TrialRow>(`SELECT ${TRIAL_COLUMNS} FROM tracehound_trials WHERE study_id = $1 ORDER BY number`, [id]);
    return { direction, location, trials: r.rows.map(toFrozen) };
  } finally {
    await client.end().catch(() => undefined);
  }
}
