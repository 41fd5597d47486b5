// PLACEHOLDER during parallel development: replaced by the helper that owns 'report'.
import type { Command } from 'commander';
import { TracehoundError } from '../../errors.js';

export function register(program: Command): void {
  program
    .command('report')
    .description('(not built yet)')
    .action(() => {
      throw new TracehoundError('E_NOT_BUILT', "'report' is not built yet");
    });
}
