// PLACEHOLDER during parallel development: replaced by the helper that owns 'tune'.
import type { Command } from 'commander';
import { TracehoundError } from '../../errors.js';

export function register(program: Command): void {
  program
    .command('tune')
    .description('(not built yet)')
    .action(() => {
      throw new TracehoundError('E_NOT_BUILT', "'tune' is not built yet");
    });
}
