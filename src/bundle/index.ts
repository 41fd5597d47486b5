// The saved model directory: manifest type, save and load. (The ONNX exporter lives in onnx-*.ts.)
export * from './manifest.js';
export { saveModel, buildManifest } from './save.js';
export { loadModel, LoadedModel, type LoadOptions } from './load.js';
