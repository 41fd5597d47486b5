import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createTrainingProgress } from '../../src/nn/progress.js';

function capture() {
  const stream = new PassThrough() as unknown as NodeJS.WriteStream & PassThrough;
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString()));
  return { stream, text: () => text };
}

test("forced progress shows epoch, loss, validation loss and samples/s", async () => {
  const out = capture();
  const p = createTrainingProgress('force', 2, 3, out.stream);
  p.batch(1, 0.5, 120_000);
  p.epochEnd(1, 0.4567, 0.3456, 1_500_000);
  p.stop();
  await new Promise((r) => setImmediate(r));
  assert.match(out.text(), /epoch 1\/2/);
  assert.match(out.text(), /loss 0\.4567 · val 0\.3456 · 1\.50M samples\/s/);
});

test('nothing is written when progress is off, or on but the stream is not a terminal', async () => {
  for (const mode of [false, true, undefined]) {
    const out = capture();
    const p = createTrainingProgress(mode, 2, 3, out.stream);
    p.batch(1, 0.5, 1000);
    p.epochEnd(1, 0.5, undefined, 1000);
    p.stop();
    await new Promise((r) => setImmediate(r));
    assert.equal(out.text(), '', String(mode));
  }
});
