// A tune-like child process for the storage tests: opens a study in the given storage and runs
// trials of a synthetic objective. With HANG_AT=k, trial k prints "RUNNING k" and never ends (the
// test SIGKILLs it). Usage: node --import tsx study-child.ts STORAGE STUDY N_TRIALS [SEED]
import { RandomSampler } from '../../../src/tune/samplers/random.js';
import { openStorage } from '../../../src/tune/storage/open-storage.js';
import { Study } from '../../../src/tune/study.js';

const [storageSpec, name, nTrials, seed] = process.argv.slice(2);
const hangAt = process.env.HANG_AT === undefined ? -1 : Number(process.env.HANG_AT);
const delayMs = Number(process.env.DELAY_MS ?? 0);
const storage = openStorage(storageSpec);
const study = await Study.open({
  name, storage, sampler: new RandomSampler(), seed: Number(seed ?? 1),
  space: { x: { type: 'float', low: -5, high: 5, log: false }, k: { type: 'int', low: 1, high: 9, log: false } },
});
await study.optimize(async (t) => {
  await t.report(1, (t.params.x as number) + 1);
  if (t.number === hangAt) {
    process.stdout.write(`RUNNING ${t.number}\n`);
    await new Promise(() => setInterval(() => undefined, 1000));
  }
  if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
  return (t.params.x as number) ** 2 + (t.params.k as number);
}, { nTrials: Number(nTrials) });
await storage.close();
process.stdout.write('DONE\n');
