// What the report says about a model, read from its manifest (src/bundle/manifest.ts): the
// network and preprocessing, how the threshold was chosen, the training data fingerprint and the
// per-epoch history. Kept apart from the page layout so a manifest change touches one file.

import type { ModelManifest } from '../bundle/manifest.js';
import type { ThresholdRule } from '../model/types.js';
import type { ReportModelInfo } from './build-report.js';
import { fmt } from './charts/theme.js';

function ruleText(r: ThresholdRule): string {
  switch (r.rule) {
    case 'max_f1':
      return 'maximise F1';
    case 'target_fpr':
      return `false positive rate ≤ ${r.value}`;
    case 'target_recall':
      return `recall ≥ ${r.value}`;
    case 'fixed':
      return `fixed at ${r.value}`;
  }
}

function fingerprintText(f: { rows: number; positives: number; files: { path: string }[] } | null): string {
  if (!f) return 'none';
  return `${f.rows.toLocaleString('en-US')} rows, ${f.positives.toLocaleString('en-US')} suspicious (${((100 * f.positives) / Math.max(1, f.rows)).toFixed(2)}%) from ${f.files.length} file${f.files.length === 1 ? '' : 's'}`;
}

export function modelInfo(model: { dir: string; manifest: ModelManifest }): ReportModelInfo {
  const m = model.manifest;
  const net = m.network;
  const c = m.config;
  const facts = [
    { key: 'model id', value: m.id },
    { key: 'created', value: `${m.createdAt} with tracehound ${m.tracehoundVersion} (model format ${m.formatVersion})` },
    { key: 'input columns', value: m.inputColumns.join(', ') },
    { key: 'preprocessing', value: `${c.features}: ${m.featureNames.length} network inputs (${m.featureNames.join(', ')})` },
    { key: 'network', value: `${[net.inputs, ...net.hidden, 1].join(' → ')}, ${net.activation}, dropout ${net.dropout}, init ${net.init}` },
    {
      key: 'training',
      value: `${c.optimizer} lr ${c.lr}, batch ${c.batchSize}, weight decay ${c.weightDecay}, positive weight ${fmt(m.posWeight)}, focal γ ${c.focalGamma}, up to ${c.epochs} epochs (patience ${c.patience}), seed ${m.seed}, ${m.engine} engine`,
    },
    {
      key: 'fit',
      value: `${m.fit.epochs} epochs run, weights of epoch ${m.fit.bestEpoch} kept${m.fit.stoppedEarly ? ` (stopped early${m.fit.stoppedBy ? `: ${m.fit.stoppedBy}` : ''})` : ''}, ${fmt(m.fit.seconds, 2)} s, ${Math.round(m.fit.samplesPerSecond).toLocaleString('en-US')} samples/s`,
    },
    { key: 'threshold', value: `${fmt(m.threshold, 4)} (${ruleText(m.thresholdRule)}, chosen on ${m.thresholdSource} rows)` },
    { key: 'training data', value: fingerprintText(m.training) },
    { key: 'validation data', value: fingerprintText(m.validationData) },
  ];
  const trainingFiles = [...m.training.files, ...(m.validationData?.files ?? [])].map((f, i) => [
    `${i < m.training.files.length ? 'train' : 'validation'}: ${f.path}`,
    f.format,
    f.rows.toLocaleString('en-US'),
    f.sha256.slice(0, 16) + '…',
  ]);
  return {
    dir: model.dir,
    facts,
    trainingFiles,
    history: m.history.map((h) => ({ epoch: h.epoch, loss: h.loss, valLoss: h.valLoss ?? null })),
    bestEpoch: m.fit.bestEpoch ?? null,
    threshold: m.threshold,
    validation: m.validation,
  };
}
