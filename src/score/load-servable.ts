// A model directory (as `tracehound train` writes it) loaded and wrapped for the scorer and the service.

import { loadModel, type LoadOptions } from '../bundle/load.js';
import { servableFromManifest } from './from-model.js';
import type { ServableModel } from './servable.js';

export async function loadServable(dir: string, options: LoadOptions = {}): Promise<ServableModel> {
  const loaded = await loadModel(dir, options);
  return servableFromManifest(loaded.manifest, loaded);
}
