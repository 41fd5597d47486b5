#!/usr/bin/env node
// The package ships TypeScript sources and runs them through tsx's loader, so `npm ci` needs no
// separate compile step for the CLI (the WebAssembly kernels are the one thing built at install).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
