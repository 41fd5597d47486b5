// `tracehound export --format onnx`: the whole model (preprocessing included) as one ONNX file.

import { Option, type Command } from 'commander';
import { exportModelToOnnx } from '../../bundle/onnx-file.js';

interface ExportFlags {
  model: string;
  format: 'onnx';
  out: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('export')
    .description('export a saved model, preprocessing included, for other runtimes')
    .requiredOption('--model <dir>', 'model directory written by `tracehound train`')
    .addOption(new Option('--format <format>', 'output format').choices(['onnx']).makeOptionMandatory())
    .requiredOption('--out <file>', 'the file to write (written completely or not at all)')
    .option('--json', 'print a JSON summary on stdout')
    .action(async (flags: ExportFlags) => {
      const r = await exportModelToOnnx(flags.model, flags.out);
      if (flags.json) {
        process.stdout.write(JSON.stringify(r) + '\n');
      } else {
        process.stderr.write(
          `tracehound: wrote ${r.out} (${r.bytes} bytes, ONNX opset ${r.opset}): input '${r.input.name}' ${r.input.type} [N, ${r.input.columns.length}] ` +
            `(${r.input.columns.join(', ')}), outputs 'probability' float [N] and 'label' int64 [N] (threshold ${r.threshold})\n`,
        );
      }
    });
}
