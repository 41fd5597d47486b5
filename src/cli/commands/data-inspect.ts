// PLACEHOLDER during parallel development: replaced by the helper that owns 'data inspect'.
import type { Command } from 'commander';
import { TracehoundError } from '../../errors.js';

export function register(program: Command): void {
  const data = program.command('data').description('Read and summarise event files');
  data
    .command('inspect')
    .description('(not built yet)')
    .action(() => {
      throw new TracehoundError('E_NOT_BUILT', "'data inspect' is not built yet");
    });
}
