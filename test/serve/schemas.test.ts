import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rowsFromEvents, scoreBodySchema, validateEvent } from '../../src/serve/schemas.js';

const EV = { processId: 1, threadId: 2, parentProcessId: 0, userId: 0, mountNamespace: 4026531840, argsNum: 1, returnValue: -2 };

test('validateEvent words problems like the JSON-schema validator', () => {
  assert.equal(validateEvent(EV), null);
  assert.equal(validateEvent({ ...EV, extra: 'ignored' }), null);
  assert.equal(validateEvent(null), 'must be object');
  assert.equal(validateEvent([EV]), 'must be object');
  const { userId: _drop, ...missing } = EV;
  assert.equal(validateEvent(missing), "must have required property 'userId'");
  assert.equal(validateEvent({ ...EV, argsNum: '1' }), 'argsNum must be integer');
  assert.equal(validateEvent({ ...EV, argsNum: 0.5 }), 'argsNum must be integer');
  assert.equal(validateEvent({ ...EV, argsNum: Infinity }), 'argsNum must be integer');
  assert.match(validateEvent({ ...EV, argsNum: 2 ** 60 }) ?? '', /argsNum must be <= 9007199254740991/);
});

test('rows in the given column order; the body schema carries the cap', () => {
  assert.deepEqual(Array.from(rowsFromEvents([EV, { ...EV, processId: 9 }])), [1, 2, 0, 0, 4026531840, 1, -2, 9, 2, 0, 0, 4026531840, 1, -2]);
  assert.deepEqual(Array.from(rowsFromEvents([EV], ['returnValue', 'userId'])), [-2, 0]);
  const s = scoreBodySchema(5);
  assert.equal(s.properties.events.maxItems, 5);
  assert.equal(s.properties.events.minItems, 1);
  assert.deepEqual(s.properties.events.items.required, ['processId', 'threadId', 'parentProcessId', 'userId', 'mountNamespace', 'argsNum', 'returnValue']);
});
