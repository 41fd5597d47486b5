// PLACEHOLDER during parallel development: replaced by the helper that owns 'bench'.
import type { Command } from 'commander';
import { TracehoundError } from '../../errors.js';

export function register(program: Command): void {
  program
    .command('bench')
    .description('(not built yet)')
    .action(() => {
      throw new TracehoundError('E_NOT_BUILT', "'bench' is not built yet");
    });
}
