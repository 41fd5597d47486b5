import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvRecords, splitCsvLine, type CsvRecord } from '../../src/data/csv-records.js';

async function collect(chunks: string[]): Promise<CsvRecord[]> {
  async function* gen(): AsyncGenerator<string> {
    yield* chunks;
  }
  const out: CsvRecord[] = [];
  for await (const r of csvRecords(gen())) out.push(r);
  return out;
}

/** Every way of cutting the text into two chunks must give the same records. */
async function allSplits(text: string): Promise<CsvRecord[]> {
  const whole = await collect([text]);
  for (let i = 1; i < text.length; i++) assert.deepEqual(await collect([text.slice(0, i), text.slice(i)]), whole, `split at ${i}`);
  return whole;
}

test('plain records with LF and CRLF, with and without a final newline', async () => {
  assert.deepEqual(await allSplits('a,b\n1,2\n'), [
    { line: 1, fields: ['a', 'b'] },
    { line: 2, fields: ['1', '2'] },
  ]);
  assert.deepEqual(await allSplits('a,b\r\n1,2\r\n3,4'), [
    { line: 1, fields: ['a', 'b'] },
    { line: 2, fields: ['1', '2'] },
    { line: 3, fields: ['3', '4'] },
  ]);
});

test('quoted fields keep commas, doubled quotes and newlines; lines are counted physically', async () => {
  const text = 'x,args,y\n1,"[{\'a\': 1}, {\'b\': 2}]",2\n3,"say ""hi""\nthere",4\n5,,6\n';
  assert.deepEqual(await allSplits(text), [
    { line: 1, fields: ['x', 'args', 'y'] },
    { line: 2, fields: ['1', "[{'a': 1}, {'b': 2}]", '2'] },
    { line: 3, fields: ['3', 'say "hi"\nthere', '4'] },
    { line: 5, fields: ['5', '', '6'] },
  ]);
});

test('blank lines are skipped but still counted', async () => {
  assert.deepEqual(await allSplits('a\n\n1\n'), [
    { line: 1, fields: ['a'] },
    { line: 3, fields: ['1'] },
  ]);
});

test('a real Kaggle line splits into 16 fields', async () => {
  const line =
    '1809.495832,381,7337,1,100,4026532231,close,ip-10-100-1-120,3,close,[140662171777451],1,0,"[{\'name\': \'fd\', \'type\': \'int\', \'value\': 19}]",1,0';
  const [r] = await collect([line + '\n']);
  assert.equal(r.fields.length, 16);
  assert.equal(r.fields[13], "[{'name': 'fd', 'type': 'int', 'value': 19}]");
  assert.deepEqual(splitCsvLine(line), r.fields);
});

test('splitCsvLine handles quotes and a trailing CR', () => {
  assert.deepEqual(splitCsvLine('"a,b",c,"d""e"\r'), ['a,b', 'c', 'd"e']);
  assert.deepEqual(splitCsvLine(''), ['']);
});
