// Entry point of `npx tandem <command>`. Each command lives in its own module under commands/ and is
// loaded only when asked for, so `tandem detect` does not pay for loading the review server.
import { initI18n, pickLanguage, t } from '../i18n/index.ts';
import { UsageError } from './errors.ts';

/** A command takes its argv (after the command name) and returns the process exit code. */
export type Command = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<{ default: Command }>> = {
  run: () => import('./commands/run.ts'),
  detect: () => import('./commands/detect.ts'),
  normalize: () => import('./commands/normalize.ts'),
  align: () => import('./commands/align.ts'),
  check: () => import('./commands/check.ts'),
  glossary: () => import('./commands/glossary.ts'),
  review: () => import('./commands/review.ts'),
  'apply-review': () => import('./commands/apply-review.ts'),
  translate: () => import('./commands/translate.ts'),
};

/** UI languages --lang accepts: en or ru, with a region or encoding if given (ru_RU.UTF-8, en-GB). */
const SUPPORTED_LANG = /^(en|ru)([-_.@].*)?$/i;

export async function main(argv: string[]): Promise<number> {
  const langAt = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const lang = langAt < 0 ? undefined : argv[langAt].includes('=') ? argv[langAt].split('=')[1] : argv[langAt + 1];
  initI18n(pickLanguage(lang));
  const [name, ...rest] = argv;
  // An explicit --lang must be one we speak: `--lang de` silently gave English, for every command.
  // (The environment's LANG may name any locale: that falls back to English without a word.)
  if (lang !== undefined && !SUPPORTED_LANG.test(lang)) {
    process.stderr.write(t('cli:badOption', { message: t('cli:badLang', { lang }), command: name }) + '\n');
    return 2;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    // The export module's constant, read from package.json: the version TMX and XLIFF files name.
    process.stdout.write(`tandem ${(await import('../export/tool.ts')).TOOL_VERSION}\n`);
    return 0;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(t('cli:usage') + '\n');
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(t('cli:unknownCommand', { command: name }) + '\n');
    return 2;
  }
  try {
    return await (await load()).default(rest);
  } catch (error) {
    // No stack trace reaches the user: one line, and the exit code says what kind of failure it was.
    if (error instanceof UsageError) {
      process.stderr.write(t('cli:badOption', { message: error.message, command: name }) + '\n');
      return 2;
    }
    process.stderr.write(t('cli:error', { message: (error as Error)?.message ?? String(error) }) + '\n');
    if (process.env.TANDEM_DEBUG) console.error(error);
    return 1;
  }
}
