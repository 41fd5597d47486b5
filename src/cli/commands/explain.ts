// PLACEHOLDER during parallel development: replaced by the helper that owns 'explain'.
import type { Command } from 'commander';
import { TracehoundError } from '../../errors.js';

export function register(program: Command): void {
  program
    .command('explain')
    .description('(not built yet)')
    .action(() => {
      throw new TracehoundError('E_NOT_BUILT', "'explain' is not built yet");
    });
}
