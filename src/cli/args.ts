// Thin wrapper over node:util parseArgs that turns its errors into UsageError (exit code 2).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.ts';
import { t } from '../i18n/index.ts';

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
    // The two mistakes people make most, in the UI language; others in Node's words. Node's first
    // line ends in a full stop; the caller adds its own ("… ambiguous.. Run …").
    const { code, message } = error as NodeJS.ErrnoException;
    const option = /'(-[^' ]+)/.exec(message)?.[1];
    if (option && code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(t('cli:unknownOption', { option }));
    if (option && code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /argument missing/.test(message)) throw new UsageError(t('cli:missingValue', { option }));
    throw new UsageError(message.split('\n')[0].replace(/\.$/, ''));
  }
}
