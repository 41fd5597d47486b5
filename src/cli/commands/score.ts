// PLACEHOLDER during parallel development: replaced by the helper that owns 'score'.
import type { Command } from 'commander';
import { TracehoundError } from '../../errors.js';

export function register(program: Command): void {
  program
    .command('score')
    .description('(not built yet)')
    .action(() => {
      throw new TracehoundError('E_NOT_BUILT', "'score' is not built yet");
    });
}
