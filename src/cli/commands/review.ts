// `tandem review OUTPUT_DIR`: serves the job's segments for review on 127.0.0.1 until Ctrl+C.
import { spawn } from 'node:child_process';
import { basename, join } from 'node:path';
import { pickLanguage, t } from '../../i18n/index.ts';
import { buildPageContext } from '../../review/context.ts';
import { createChecker } from '../../review/checker.ts';
import { JOURNAL_FILE, REVIEW_DIR } from '../../review/journal.ts';
import { startReviewServer } from '../../review/server.ts';
import { ReviewSession } from '../../review/session.ts';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../main.ts';
import { UsageError } from '../errors.ts';
import { glossaryOf, jobDirOf, matchTermsOf, openSession } from '../../review/open.ts';

const command: Command = async (argv) => {
  const { values, positionals } = parseCommandArgs(argv, {
    port: { type: 'string' },
    open: { type: 'boolean', default: true },
    'no-open': { type: 'boolean' },
    glossary: { type: 'string', multiple: true },
    job: { type: 'string' },
    restart: { type: 'boolean' },
  });
  if (values.help) { process.stdout.write(t('review:usage') + '\n'); return 0; }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(t('review:badPort', { port: values.port }));
  const jobDir = await jobDirOf(positionals);
  const glossary = await glossaryOf(values);
  const session: ReviewSession = await openSession(jobDir, { restart: values.restart, matchTerms: matchTermsOf(glossary), glossary });
  for (const warning of session.warnings) process.stderr.write(warning + '\n');
  const checker = glossary ? createChecker() : null;
  const lang = pickLanguage(values.lang);
  const context = await buildPageContext(session.beads, { lang, job: basename(jobDir), glossary, checker });
  const server = await startReviewServer(session, context, port).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') throw new UsageError(t('review:portInUse', { port }));
    throw error;
  });
  process.stdout.write(t('review:listening', {
    job: basename(jobDir), count: session.beads.length, url: server.url, journal: join(jobDir, REVIEW_DIR, JOURNAL_FILE),
  }) + '\n');
  if (values.open && !values['no-open'] && process.stdout.isTTY) openBrowser(server.url);
  // Warm the checker (glossary matcher, language models) while the browser opens the page.
  setImmediate(() => context.violations(session.beads.slice(0, 1)));
  await new Promise<void>((done) => {
    const stop = () => { process.off('SIGINT', stop); process.off('SIGTERM', stop); done(); };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  await session.close();
  if (!values.quiet) process.stderr.write(t('review:stopped') + '\n');
  return 0;
};

/** Opens the page in the desktop's browser; quietly does nothing where there is none. */
function openBrowser(url: string): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]]
    : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

export default command;
