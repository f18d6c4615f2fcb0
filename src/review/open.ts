// What `tandem review` and `tandem apply-review` share: finding the job folder and opening its review.
import { realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { t } from '../i18n/index.ts';
import { ReviewFileError } from './journal.ts';
import { ReviewSession, type OpenOptions } from './session.ts';
import { SegmentFileError } from '../export/index.ts';
import { UsageError } from '../cli/errors.ts';
import type { Glossary } from '../types.ts';
import { termMatcher } from './checker.ts';
import { loadGlossary } from './context.ts';

/** The job folder named on the command line, resolved to its real path (writes stay inside it). */
export async function jobDirOf(positionals: string[]): Promise<string> {
  if (positionals.length !== 1) throw new UsageError(t('review:missingDir'));
  const dir = resolve(positionals[0]);
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(t('review:notADir', { dir: positionals[0] }));
  return realpath(dir);
}

/** Opens the review; a bad review or segments file is the user's input problem (exit code 2). */
export async function openSession(jobDir: string, options: OpenOptions = {}): Promise<ReviewSession> {
  try {
    return await ReviewSession.open(jobDir, options);
  } catch (error) {
    if (error instanceof ReviewFileError || error instanceof SegmentFileError) throw new UsageError((error as Error).message);
    throw error;
  }
}

/** The glossaries named by --job (its `glossaries`) and --glossary; undefined when there are none. */
export async function glossaryOf(options: { job?: string; glossary?: string[] }): Promise<Glossary | undefined> {
  const fromJob = options.job ? await jobGlossaryFiles(options.job) : [];
  const paths = [...fromJob, ...(options.glossary ?? []).map((p) => resolve(p))];
  try {
    return await loadGlossary(paths);
  } catch (error) {
    throw new UsageError(t('review:glossaryFailed', { reason: (error as Error).message }));
  }
}

/** The job file's glossaries, found as the pipeline finds them (loaded only when --job is given). */
async function jobGlossaryFiles(jobFile: string): Promise<string[]> {
  const pipeline = await import('../pipeline/index.ts');
  return pipeline.jobGlossaryFiles(pipeline.loadJob(jobFile));
}

/** Glossary matching for edited text, when there is a glossary. */
export function matchTermsOf(glossary: Glossary | undefined): OpenOptions['matchTerms'] {
  return glossary ? (text, lang) => termMatcher(glossary).find(text, lang) : undefined;
}
