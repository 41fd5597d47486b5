// PLACEHOLDER during parallel development: replaced by the helper that owns 'serve'.
import type { Command } from 'commander';
import { TracehoundError } from '../../errors.js';

export function register(program: Command): void {
  program
    .command('serve')
    .description('(not built yet)')
    .action(() => {
      throw new TracehoundError('E_NOT_BUILT', "'serve' is not built yet");
    });
}
