// Placeholder until its issue lands: says so plainly instead of pretending to work.
import type { Command } from '../main.ts';

const command: Command = async () => {
  process.stderr.write('tandem check: not available yet\n');
  return 1;
};
export default command;
