// The public API of tracehound: named exports only. Each domain adds its exports here.
export * from './errors.js';
export * from './random.js';
export * from './data/table.js';
export * from './data/formats.js';
export { readTable, type ReadOptions } from './data/read.js';
export * from './data/splits.js';
export { summarizeTable, shiftWarnings, type SplitSummary, type ColumnSummary } from './data/summary.js';
export * from './nn/index.js';
export { runBench, syntheticRows, type BenchOptions, type BenchResult } from './bench/throughput.js';
export type * from './model/types.js';
export * from './features/index.js';
export * from './metrics/index.js';
export {
  DEFAULT_TRAIN_CONFIG, OPTIMIZERS, validateTrainConfig, readConfigFile, parseTrainFlags, parseThresholdRule, resolveTrainConfig,
  type TrainFlagValues,
} from './model/config.js';
export {
  trainModel, AUTO_POS_WEIGHT_CAP, MIN_THRESHOLD_POSITIVES,
  type TrainModelOptions, type TrainedModel, type TrainingSummary, type ThresholdSource,
} from './model/train.js';
export { Model, SCORE_BATCH } from './model/model.js';
export { featureRanges, quantileSorted, type ColumnRange, type FeatureRanges } from './model/ranges.js';
export { timeOrderedHoldout, type HoldoutSplit } from './data/holdout.js';
export * from './bundle/index.js';
export { explainModel, DEFAULT_EXPLAIN, type ExplainOptions, type Explanation, type PdpDocument, type ImportanceDocument } from './explain/explain.js';
export {
  partialDependence, partialDependence2d, parsePairs,
  type FeaturePartialDependence, type PairPartialDependence, type PartialDependenceOptions,
} from './explain/partial-dependence.js';
export { permutationImportance, type PermutationImportance, type FeatureImportance, type ImportanceMetric } from './explain/importance.js';
export { featureGrid, mquantile, type FeatureGrid, type GridKind, type GridOptions } from './explain/grid.js';
export { sampleRows, type RowSample } from './explain/sample.js';
export { buildReportHtml, type ReportInput, type ReportModelInfo, type ScoredSplit } from './report/build-report.js';
export { modelInfo } from './report/model-info.js';
export { renderSvg, renderPng, type ChartSpec } from './report/render.js';
export { renderExplanationCharts, type RenderedChart } from './report/explain-charts.js';
export { scoreStream, type ScoreStreamOptions } from './score/score-stream.js';
export { StreamScorer, type StreamScorerOptions, type StreamScorerStats, type OnError } from './score/stream-scorer.js';
export { DriftMonitor, formatDriftWarning, type DriftWarning, type DriftOptions, type FeatureRange, type TrainingRanges } from './score/drift.js';
export { loadServable } from './score/load-servable.js';
export { servableFromManifest, servableFromTrained } from './score/from-model.js';
export { labelFor, scoreAndLabel, type ServableModel, type ModelCard } from './score/servable.js';
export { buildApp, type AppOptions, type ServiceApp } from './serve/app.js';
export { startServer, type ServerOptions, type RunningServer } from './serve/server.js';
export { buildOnnxModel, ONNX_OPSET, type OnnxExportInput } from './bundle/onnx-export.js';
export { exportModelToOnnx, type OnnxExportSummary } from './bundle/onnx-file.js';
export * from './tune/index.js';
