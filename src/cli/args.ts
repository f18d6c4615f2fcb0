// Thin wrapper over node:util parseArgs that turns its errors into UsageError (exit code 2).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command accepts. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  quiet: { type: 'boolean', short: 'q' },
  lang: { type: 'string' },
} as const satisfies Options;

export function parseCommandArgs<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's first line ends in a full stop; the caller adds its own ("… ambiguous.. Run …").
    throw new UsageError((error as Error).message.split('\n')[0].replace(/\.$/, ''));
  }
}
