// PLACEHOLDER during parallel development: replaced by the helper that owns 'export'.
import type { Command } from 'commander';
import { TracehoundError } from '../../errors.js';

export function register(program: Command): void {
  program
    .command('export')
    .description('(not built yet)')
    .action(() => {
      throw new TracehoundError('E_NOT_BUILT', "'export' is not built yet");
    });
}
