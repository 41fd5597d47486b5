// Gathers everything the report shows — the model's manifest facts, a scored split (metrics,
// curves, histogram), the explanations and a tuning study — renders the charts and lays out the page.

import type { Explanation } from '../explain/explain.js';
import { classificationReport, prCurve, rocCurve, type ClassificationReport } from '../metrics/index.js';
import { confusionChart, prChart, rocChart } from './charts/curves.js';
import { scoreBins, scoreHistogram } from './charts/histogram.js';
import { importanceChart, pdpGrid, pdpHeatmap } from './charts/pdp.js';
import { paramsChart, tuningHistoryChart } from './charts/study.js';
import { fmt } from './charts/theme.js';
import { lossChart, type EpochRecord } from './charts/training.js';
import { escapeHtml, renderReportHtml, type Block, type Figure, type KeyValue, type Section } from './html.js';
import { renderSvg, type ChartSpec } from './render.js';
import type { StudyRecord } from './study-input.js';

/** What the report needs to know about the model (built from its manifest by model-info.ts). */
export interface ReportModelInfo {
  dir: string;
  /** Model facts: network, features, threshold rule, training config, versions. */
  facts: KeyValue[];
  /** Training data fingerprint: one row per file [path, format, rows, sha256]. */
  trainingFiles: string[][];
  history: EpochRecord[];
  bestEpoch: number | null;
  threshold: number;
  /** Validation report saved at training time, if any. */
  validation: Pick<ClassificationReport, 'rows' | 'positives' | 'metrics'> & Partial<ClassificationReport> | null;
}

export interface ScoredSplit {
  split: string;
  files: string[];
  labels: Uint8Array;
  scores: Float32Array;
}

export interface ReportInput {
  model: ReportModelInfo;
  scored?: ScoredSplit | null;
  explanation?: Explanation | null;
  study?: StudyRecord | null;
  generatedAt: string;
  version: string;
}

const pct = (v: number): string => (Number.isFinite(v) ? `${(100 * v).toFixed(2)}%` : 'n/a');
const num = (v: number | null | undefined): string => (v != null && Number.isFinite(v) ? fmt(v, 4) : 'n/a');

async function figure(id: string, caption: string, spec: ChartSpec, wide = false): Promise<Figure> {
  return { id, caption, svg: await renderSvg(spec), wide };
}

function metricsTable(r: Pick<ClassificationReport, 'rows' | 'positives' | 'metrics'> & Partial<ClassificationReport>, caption: string): Block {
  const m = r.metrics;
  const rows: string[][] = [
    ['accuracy', num(m.accuracy), 'the model at its threshold'],
  ];
  if (r.baselines) {
    rows.push(['  accuracy of “everything benign”', num(r.baselines.allBenign.accuracy), 'trivial baseline']);
    rows.push(['  accuracy of “everything suspicious”', num(r.baselines.allSuspicious.accuracy), 'trivial baseline']);
  }
  rows.push(
    ['balanced accuracy', num(m.balancedAccuracy), 'mean of recall on each class'],
    ['precision', num(m.precision), 'flagged events that are suspicious'],
    ['recall', num(m.recall), 'suspicious events flagged'],
    ['F1', num(m.f1), ''],
    ['MCC', num(m.mcc), 'Matthews correlation, −1…1'],
    ['ROC-AUC', num(m.rocAuc), 'threshold-free ranking quality'],
    ['PR-AUC (average precision)', num(m.prAuc), `chance level = positive rate ${pct(r.positives / r.rows)}`],
    ['log loss', num(m.logLoss), 'lower is better'],
  );
  return { kind: 'table', table: { caption, head: ['metric', 'value', 'meaning'], rows, strong: [0], numeric: [1] } };
}

function summaryText(input: ReportInput, rep: ClassificationReport | null): Block {
  const parts: string[] = [];
  if (rep) {
    const base = Math.max(rep.baselines.allBenign.accuracy, rep.baselines.allSuspicious.accuracy);
    parts.push(
      `<p>On the <strong>${escapeHtml(input.scored!.split)}</strong> split (${rep.rows.toLocaleString('en-US')} events, ` +
        `${rep.positives.toLocaleString('en-US')} suspicious = ${pct(rep.positives / rep.rows)}), the model flags ` +
        `${(rep.confusion.tp + rep.confusion.fp).toLocaleString('en-US')} events at threshold ${fmt(rep.threshold)}: ` +
        `recall ${pct(rep.metrics.recall)}, precision ${pct(rep.metrics.precision)}, ROC-AUC ${num(rep.metrics.rocAuc)}. ` +
        `Accuracy ${pct(rep.metrics.accuracy)} against ${pct(base)} for the better trivial baseline.</p>`,
    );
  } else {
    parts.push('<p>No split was scored for this report (pass data options to add metrics, curves and histograms).</p>');
  }
  const pd = input.explanation?.pdp.features;
  if (pd?.length) {
    const top = [...pd].sort((a, b) => b.range - a.range).slice(0, 2);
    parts.push(
      `<p>The features that move the mean predicted probability most: ` +
        top.map((f) => `<strong>${f.name}</strong> (range ${fmt(f.range)})`).join(' and ') +
        ` (partial dependence over ${input.explanation!.pdp.rows.toLocaleString('en-US')} sampled rows).</p>`,
    );
  }
  return { kind: 'text', html: parts.join('') };
}

export async function buildReportHtml(input: ReportInput): Promise<string> {
  const { model } = input;
  const sections: Section[] = [];
  const rep = input.scored ? classificationReport(input.scored.labels, input.scored.scores, model.threshold) : null;

  sections.push({ id: 'summary', title: 'Summary', blocks: [summaryText(input, rep)] });

  const dataBlocks: Block[] = [{ kind: 'keyvalues', title: 'Model', items: [{ key: 'directory', value: model.dir }, ...model.facts] }];
  if (model.trainingFiles.length) {
    dataBlocks.push({
      kind: 'table',
      table: { caption: 'Training data (fingerprint saved with the model)', head: ['file', 'format', 'rows', 'sha256'], rows: model.trainingFiles, numeric: [2] },
    });
  }
  if (input.scored) dataBlocks.push({ kind: 'keyvalues', title: 'Scored for this report', items: [{ key: input.scored.split, value: input.scored.files.join(', ') }] });
  sections.push({ id: 'data-model', title: 'Data and model', blocks: dataBlocks });

  const metricBlocks: Block[] = [];
  if (rep) {
    metricBlocks.push(metricsTable(rep, `${input.scored!.split} split: ${rep.rows.toLocaleString('en-US')} events, ${rep.positives.toLocaleString('en-US')} suspicious`));
    const c = rep.confusion;
    metricBlocks.push({
      kind: 'table',
      table: { caption: `Confusion counts at threshold ${fmt(rep.threshold)}`, head: ['', 'predicted benign', 'predicted suspicious'], rows: [['actual benign', String(c.tn), String(c.fp)], ['actual suspicious', String(c.fn), String(c.tp)]], numeric: [1, 2] },
    });
  }
  if (model.validation) metricBlocks.push(metricsTable(model.validation, `Validation at training time: ${model.validation.rows.toLocaleString('en-US')} events, ${model.validation.positives.toLocaleString('en-US')} suspicious`));
  if (metricBlocks.length) sections.push({ id: 'metrics', title: 'Metrics', blocks: metricBlocks });

  const charts: Figure[] = [];
  if (model.history.length) charts.push(await figure('loss', 'Training and validation loss per epoch; the dashed line marks the epoch whose weights were kept.', lossChart(model.history, model.bestEpoch)));
  if (input.scored && rep) {
    const { labels, scores } = input.scored;
    if (rep.positives > 0 && rep.positives < rep.rows) {
      charts.push(await figure('roc', 'ROC curve; the dot is the operating threshold.', rocChart(rocCurve(labels, scores), model.threshold, rep.metrics.rocAuc)));
      charts.push(await figure('pr', 'Precision–recall curve; the dot is the operating threshold.', prChart(prCurve(labels, scores), model.threshold, rep.metrics.prAuc)));
    }
    charts.push(await figure('confusion', 'Confusion matrix at the operating threshold.', confusionChart(rep.confusion, model.threshold)));
    charts.push(await figure('histogram', 'Distribution of predicted probabilities per actual class.', scoreHistogram(scoreBins(labels, scores), model.threshold)));
  }
  if (charts.length) sections.push({ id: 'charts', title: 'Charts', blocks: [{ kind: 'figures', figures: charts }] });

  if (input.explanation) sections.push(await explanationSection(input.explanation));
  if (input.study) sections.push(await studySection(input.study));

  return renderReportHtml({
    title: 'tracehound model report',
    subtitle: `${model.dir} — generated ${input.generatedAt} by tracehound ${input.version}`,
    sections,
    footer: 'Self-contained report: every chart is inline SVG; the page loads nothing from the network.',
  });
}

async function explanationSection(ex: Explanation): Promise<Section> {
  const blocks: Block[] = [];
  blocks.push({
    kind: 'text',
    html:
      `<p>Partial dependence: each feature in turn is set to every value of a grid (unique values, or ${ex.pdp.gridResolution} points from the 5th to the 95th percentile) ` +
      `in ${ex.pdp.rows.toLocaleString('en-US')} sampled events, and the predicted probabilities are averaged. ` +
      `A wide range means the model's output depends strongly on that feature.</p>`,
  });
  const figs: Figure[] = [await figure('pdp', 'Partial dependence per feature (shared y axis).', pdpGrid(ex.pdp.features), true)];
  for (const pair of ex.pdp.pairs) {
    figs.push(await figure(`pdp2d-${pair.features.join('-')}`, `Two-feature partial dependence of ${pair.features.join(' and ')}.`, pdpHeatmap(pair)));
  }
  if (ex.importance) figs.push(await figure('importance', 'Permutation importance (mean ± std over seeded shuffles).', importanceChart(ex.importance)));
  blocks.push({ kind: 'figures', figures: figs });
  const imp = new Map(ex.importance?.features.map((f) => [f.name, f]) ?? []);
  const rows = [...ex.pdp.features]
    .sort((a, b) => b.range - a.range)
    .map((f) => {
      const i = imp.get(f.name);
      return [f.name, fmt(f.range, 4), `${f.grid.length} (${f.gridKind})`, i ? `${fmt(i.mean, 4)} ± ${fmt(i.std, 4)}` : 'n/a'];
    });
  const what = ex.importance ? (ex.importance.metric === 'roc_auc' ? 'drop in ROC-AUC' : 'rise in log loss') : 'importance';
  blocks.push({ kind: 'table', table: { caption: 'Features by partial-dependence range', head: ['feature', 'PD range', 'grid points', `importance (${what})`], rows, numeric: [1, 3] } });
  if (ex.importance?.note) blocks.push({ kind: 'text', html: `<p class="note">${escapeHtml(ex.importance.note)}</p>` });
  return { id: 'explanations', title: 'Explanations', blocks };
}

async function studySection(study: StudyRecord): Promise<Section> {
  const done = study.trials.filter((t) => t.state === 'COMPLETE' && t.value !== null);
  const counts = ['COMPLETE', 'PRUNED', 'FAILED', 'RUNNING'].map((s) => `${study.trials.filter((t) => t.state === s).length} ${s.toLowerCase()}`);
  const blocks: Block[] = [
    {
      kind: 'keyvalues',
      items: [
        { key: 'study', value: study.name },
        { key: 'storage', value: study.location },
        { key: 'direction', value: study.direction },
        { key: 'trials', value: counts.join(', ') },
      ],
    },
  ];
  if (done.length) {
    blocks.push({
      kind: 'figures',
      figures: [
        await figure('tuning-history', 'Objective value per trial and the best so far.', tuningHistoryChart(study.trials, study.direction, 'objective value')),
        await figure('tuning-params', 'Objective value against each hyperparameter.', paramsChart(study.trials, 'value'), true),
      ],
    });
    const sorted = [...done].sort((a, b) => (study.direction === 'minimize' ? (a.value as number) - (b.value as number) : (b.value as number) - (a.value as number)));
    blocks.push({
      kind: 'table',
      table: {
        caption: 'Best trials',
        head: ['trial', 'value', 'parameters'],
        rows: sorted.slice(0, 10).map((t) => [String(t.number), fmt(t.value as number, 5), Object.entries(t.params).map(([k, v]) => `${k}=${typeof v === 'number' ? fmt(v, 5) : v}`).join(', ')]),
        numeric: [0, 1],
        strong: [0],
      },
    });
  } else {
    blocks.push({ kind: 'text', html: '<p>The study has no completed trial yet.</p>' });
  }
  return { id: 'study', title: 'Tuning study', blocks };
}
