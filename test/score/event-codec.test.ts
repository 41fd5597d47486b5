import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCodec, formatFromName, sniffFormat } from '../../src/score/event-codec.js';

test('CSV: header recognised by the data layer, features read by name whatever their position', () => {
  const c = createCodec('csv', 'k.csv');
  const header = 'timestamp,processId,threadId,parentProcessId,userId,mountNamespace,processName,hostName,eventId,eventName,stackAddresses,argsNum,returnValue,args,sus,evil';
  assert.equal(c.header(header), `${header},score,label`);
  const dst = new Float64Array(7);
  c.parse('1809.49,381,7337,1,100,4026532231,close,ip-10,157,prctl,"[140662171848350, 11649800180280676]",5,0,"[{\'name\': \'option\'}]",1,0', 2, dst, 0);
  assert.deepEqual(Array.from(dst), [381, 7337, 1, 100, 4026532231, 5, 0]);
  assert.equal(c.emit('a,b', 0.25, 0), 'a,b,0.25,0');
  assert.throws(
    () => createCodec('csv', 's.csv').header('processId,threadId,parentProcessId,userId,mountNamespace,argsNum,returnValue,score,label'),
    /s.csv already has a column 'score' \(is it a scored file\?\)/,
  );
});

test('NDJSON: integers or integer strings; anything else is a DataFormatError with the line', () => {
  const c = createCodec('ndjson', 'e.ndjson');
  const dst = new Float64Array(7);
  c.parse('{"processId":1,"threadId":"2","parentProcessId":0,"userId":0,"mountNamespace":4026531840,"argsNum":1,"returnValue":-2}', 4, dst, 0);
  assert.deepEqual(Array.from(dst), [1, 2, 0, 0, 4026531840, 1, -2]);
  assert.throws(
    () => c.parse('{"processId":1.5,"threadId":2,"parentProcessId":0,"userId":0,"mountNamespace":1,"argsNum":1,"returnValue":0}', 9, dst, 0),
    /e.ndjson line 9, column 'processId': expected an integer, got "1.5"/,
  );
  assert.throws(() => c.parse('[1,2]', 3, dst, 0), /e.ndjson line 3: expected a JSON object/);
  assert.throws(() => c.parse('{"processId":1}', 3, dst, 0), /no field 'threadId'/);
  assert.equal(c.emit('{"a":1}  ', 0.5, 1), '{"a":1,"score":0.5,"label":1}');
});

test('format from the file name or the first line', () => {
  assert.equal(formatFromName('x.CSV.gz'), 'csv');
  assert.equal(formatFromName('x.jsonl'), 'ndjson');
  assert.equal(formatFromName('x.txt'), null);
  assert.equal(sniffFormat('  {"a":1}'), 'ndjson');
  assert.equal(sniffFormat('processId,threadId'), 'csv');
});

test('CSV fast path agrees with parseIntegerValue on unusual but valid cells and words the same errors', () => {
  const c = createCodec('csv', 'd.csv');
  c.header('processId,threadId,parentProcessId,userId,mountNamespace,argsNum,returnValue,sus_label');
  const dst = new Float64Array(7);
  c.parse('+5, 6 ,-0,1234567890123456,4026531840,0,-114,1', 2, dst, 0);
  assert.deepEqual(Array.from(dst), [5, 6, -0, 1234567890123456, 4026531840, 0, -114]);
  assert.throws(() => c.parse('1,2,3,1e3,5,6,7,0', 7, dst, 0), /d.csv line 7, column 'userId': expected an integer, got "1e3"/);
  assert.throws(() => c.parse('1,2,3,,5,6,7,0', 7, dst, 0), /column 'userId': expected an integer, got ""/);
  assert.throws(() => c.parse('1,2,3,-,5,6,7,0', 7, dst, 0), /column 'userId': expected an integer, got "-"/);
  assert.throws(() => c.parse('1,2,3,99999999999999999,5,6,7,0', 7, dst, 0), /too large to hold exactly/);
  assert.throws(() => c.parse('1,2,3,4,5,6,7', 7, dst, 0), /d.csv line 7: expected 8 fields as in the header, got 7/);
  assert.throws(() => c.parse('1,2,3,4,5,6,7,0,9', 7, dst, 0), /expected 8 fields as in the header, got 9/);
});
