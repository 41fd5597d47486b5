// A quickly trained small model on real BETH rows, shared by the bundle tests.
import { sliceTable } from '../../src/data/table.js';
import { resolveTrainConfig } from '../../src/model/config.js';
import { trainModel, type TrainedModel } from '../../src/model/train.js';
import { bethSplits } from '../model/beth.js';

export async function trainedSmall(): Promise<{ trained: TrainedModel; sample: ReturnType<typeof sliceTable> }> {
  const { train, validation, heldOut } = await bethSplits();
  const config = resolveTrainConfig({}, { hidden: [8], epochs: 4, seed: 3 });
  const trained = await trainModel({ train: sliceTable(train, Array.from({ length: 4000 }, (_, i) => i)), validation, config, engine: 'ts' });
  return { trained, sample: heldOut };
}
