// The `tracehound` command. Each subcommand lives in ./commands/<name>.ts and exports
// register(program). This file only wires them up and turns errors into exit statuses:
// 0 success; 1 bad data, bad model or failed run; 2 usage error. Never a stack trace for bad input.

import { Command, CommanderError } from 'commander';
import { isTracehoundError } from '../errors.js';
import { VERSION } from '../version.js';
import * as dataInspect from './commands/data-inspect.js';
import * as train from './commands/train.js';
import * as evaluate from './commands/evaluate.js';
import * as tune from './commands/tune.js';
import * as explain from './commands/explain.js';
import * as report from './commands/report.js';
import * as score from './commands/score.js';
import * as serve from './commands/serve.js';
import * as exportCmd from './commands/export.js';
import * as bench from './commands/bench.js';

export function buildProgram(): Command {
  const program = new Command('tracehound')
    .description('Detect suspicious activity in kernel-process event logs (BETH) with deep learning.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const cmd of [dataInspect, train, evaluate, tune, explain, report, score, serve, exportCmd, bench]) {
    cmd.register(program);
  }
  // exitOverride is inherited only by subcommands created after it; apply it everywhere.
  const visit = (c: Command): void => {
    c.exitOverride();
    c.commands.forEach(visit);
  };
  visit(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end through here with exit code 0; usage errors were already printed.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (isTracehoundError(e)) {
      process.stderr.write(`tracehound: ${e.message}\n`);
      if (e.exitCode === 2) process.stderr.write(`Run 'tracehound ${argv[2] ?? ''} --help' for usage.\n`);
      return e.exitCode;
    }
    process.stderr.write(`tracehound: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}
