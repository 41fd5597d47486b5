// PLACEHOLDER during parallel development: replaced by the helper that owns 'train'.
import type { Command } from 'commander';
import { TracehoundError } from '../../errors.js';

export function register(program: Command): void {
  program
    .command('train')
    .description('(not built yet)')
    .action(() => {
      throw new TracehoundError('E_NOT_BUILT', "'train' is not built yet");
    });
}
