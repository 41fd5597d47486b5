// Worker-thread bootstrap: the package runs TypeScript through tsx, and a worker thread does not
// inherit the loader the main thread registered in-process, so register it here first.
import { register } from 'tsx/esm/api';

register();
await import('./trial-worker.ts');
