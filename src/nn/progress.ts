// The training progress bar on stderr (cli-progress): epoch, loss, validation loss, samples/s.
// Shown only when asked and stderr is a terminal, or when forced (tests, CI logs).

import cliProgress from 'cli-progress';

export interface TrainingProgress {
  batch(epoch: number, loss: number, samplesPerSecond: number): void;
  epochEnd(epoch: number, loss: number, valLoss: number | undefined, samplesPerSecond: number): void;
  stop(): void;
}

const silent: TrainingProgress = { batch() {}, epochEnd() {}, stop() {} };

export function createTrainingProgress(
  mode: boolean | 'force' | undefined, epochs: number, batchesPerEpoch: number,
  stream: NodeJS.WriteStream = process.stderr,
): TrainingProgress {
  if (!mode || (mode !== 'force' && !stream.isTTY)) return silent;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'epoch {epoch}/{epochs} |{bar}| loss {loss} · val {val} · {sps} samples/s · {eta_formatted}',
      noTTYOutput: mode === 'force',
      hideCursor: false,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let val = '—';
  const fmtRate = (s: number) => (s >= 1e6 ? `${(s / 1e6).toFixed(2)}M` : `${(s / 1e3).toFixed(0)}k`);
  bar.start(epochs * batchesPerEpoch, 0, { epoch: 1, epochs, loss: '—', val, sps: '—' });
  let done = 0;
  return {
    batch(epoch, loss, sps) {
      done += 1;
      bar.update(done, { epoch, epochs, loss: loss.toFixed(4), val, sps: fmtRate(sps) });
    },
    epochEnd(epoch, loss, valLoss, sps) {
      val = valLoss === undefined ? '—' : valLoss.toFixed(4);
      done = epoch * batchesPerEpoch;
      bar.update(done, { epoch, epochs, loss: loss.toFixed(4), val, sps: fmtRate(sps) });
    },
    stop() {
      bar.stop();
    },
  };
}
