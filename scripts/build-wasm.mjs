// Builds assembly/ (AssemblyScript, WebAssembly SIMD) into build/kernels.wasm and build/kernels-fma.wasm. Run by `npm run
// build:wasm` and by npm's `prepare` step, so `npm ci` builds the kernels from source; nothing
// prebuilt is committed and nothing is downloaded.
import { mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'build');
// Two builds of the same source: kernels.wasm with plain SIMD (bit-exact everywhere), and
// kernels-fma.wasm with relaxed SIMD, where assembly/madd.ts becomes a fused multiply-add; the
// engine loads the second when the runtime can compile it (src/nn/kernels-wasm.ts).
const VARIANTS = [
  { file: 'kernels.wasm', features: 'simd,threads' },
  { file: 'kernels-fma.wasm', features: 'simd,threads,relaxed-simd' },
];
mkdirSync(outDir, { recursive: true });

for (const { file, features } of VARIANTS) {
  const out = join(outDir, file);
  const tmp = `${out}.${process.pid}.tmp`;
  const { error, stderr } = await asc.main([
    join(root, 'assembly', 'index.ts'),
    '--outFile', tmp,
    '-O3', '--noAssert', '--converge',
    '--runtime', 'stub',
    '--use', 'abort=',
    '--enable', features,
    // The memory comes from JavaScript and is shared, so views on it are never detached when it grows.
    '--importMemory', '--sharedMemory', '--initialMemory', '16', '--maximumMemory', '65536',
  ]);
  if (error) {
    process.stderr.write(stderr.toString());
    process.stderr.write(`build-wasm: ${error.message}\n`);
    process.exit(1);
  }
  // assembly/backward.ts uses bytes [16384, 65536) as scratch: the static data must end below.
  const dataEnd = staticDataEnd(readFileSync(tmp));
  if (dataEnd > 16384) {
    process.stderr.write(`build-wasm: static data ends at byte ${dataEnd}, inside the scratch area at 16384 (assembly/backward.ts)\n`);
    process.exit(1);
  }
  renameSync(tmp, out);
  process.stderr.write(`build-wasm: wrote ${out} (${statSync(out).size} bytes)\n`);
}

/** End (byte offset) of the module's active data segments, read from the binary's data section. */
function staticDataEnd(bytes) {
  let pos = 8;
  const leb = () => {
    let result = 0, shift = 0, b;
    do {
      b = bytes[pos++];
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return result;
  };
  let end = 0;
  while (pos < bytes.length) {
    const id = bytes[pos++];
    const size = leb();
    const next = pos + size;
    if (id === 11) {
      const count = leb();
      for (let i = 0; i < count; i++) {
        const flags = leb();
        if (flags === 1) { pos += leb(); continue; } // passive segment: not placed in memory
        if (flags === 2) leb(); // memory index
        if (bytes[pos++] !== 0x41) throw new Error('build-wasm: unexpected data segment offset expression');
        let offset = 0, shift = 0, b; // signed LEB i32.const
        do { b = bytes[pos++]; offset |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
        pos++; // 0x0b end
        const len = leb();
        pos += len;
        end = Math.max(end, offset + len);
      }
    }
    pos = next;
  }
  return end;
}
