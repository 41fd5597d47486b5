// PLACEHOLDER during parallel development: replaced by the helper that owns 'evaluate'.
import type { Command } from 'commander';
import { TracehoundError } from '../../errors.js';

export function register(program: Command): void {
  program
    .command('evaluate')
    .description('(not built yet)')
    .action(() => {
      throw new TracehoundError('E_NOT_BUILT', "'evaluate' is not built yet");
    });
}
