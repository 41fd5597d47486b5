// Runs the CLI's main() in this process with stderr captured: the error-path tests need many runs,
// and a fresh `node bin/tracehound.js` costs seconds each (tsx start-up). stdout is left alone on
// purpose: node:test's reporter writes there, and capturing it would swallow other tests' results.
import { main } from '../../src/cli/main.js';

export async function runMain(args: string[]): Promise<{ status: number; stderr: string }> {
  let stderr = '';
  const err = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
  const before = process.exitCode;
  try {
    const status = await main(['node', 'tracehound', ...args]);
    return { status, stderr };
  } finally {
    process.stderr.write = err;
    process.exitCode = before;
  }
}
