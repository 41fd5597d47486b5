import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiKeyCheck } from '../../src/serve/auth.js';

test('only the exact key matches; a missing key never does', () => {
  const k = new ApiKeyCheck('abc');
  assert.equal(k.matches('abc'), true);
  for (const bad of ['ab', 'abcd', 'ABC', '', null]) assert.equal(k.matches(bad), false, String(bad));
  assert.throws(() => new ApiKeyCheck(''), /must not be empty/);
});

test('the key is read from Authorization: Bearer or x-api-key', () => {
  assert.equal(ApiKeyCheck.presented({ authorization: 'Bearer  tok en ' }), 'tok en');
  assert.equal(ApiKeyCheck.presented({ authorization: 'bearer x' }), 'x');
  assert.equal(ApiKeyCheck.presented({ authorization: 'Basic x' }), null);
  assert.equal(ApiKeyCheck.presented({ 'x-api-key': 'k' }), 'k');
  assert.equal(ApiKeyCheck.presented({}), null);
});
