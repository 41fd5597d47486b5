import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JournalFileStorage } from '../../../src/tune/storage/journal-file.js';
import { isPostgresUrl, openStorage } from '../../../src/tune/storage/open-storage.js';
import { PostgresStorage } from '../../../src/tune/storage/postgres.js';

test('--storage: postgres URLs select PostgreSQL, anything else is a journal path', async () => {
  assert.ok(isPostgresUrl('postgres://u@h/db') && isPostgresUrl('postgresql://u@h/db') && isPostgresUrl('POSTGRES://h'));
  assert.ok(!isPostgresUrl('study.jsonl') && !isPostgresUrl('./postgres/x.jsonl'));
  assert.ok(openStorage('x.jsonl') instanceof JournalFileStorage);
  const pg = openStorage('postgres://u:pw@127.0.0.1:1/db');
  assert.ok(pg instanceof PostgresStorage);
  assert.equal(pg.location, 'postgres://u:***@127.0.0.1:1/db');
  await pg.close();
});
