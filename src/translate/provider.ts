// The provider contract shared by every engine, and what a provider may know about its job.
import type { Glossary, Lang, Origin } from '../types.ts';
import type { Matcher } from '../glossary/index.ts';

export interface TranslationRequest { id: string; text: string; srcLang: Lang; tgtLang: Lang }
export interface Translation { text: string; origin: Origin; score?: number; detail?: Record<string, unknown> }

export interface TranslationProvider {
  name: string;
  /** One result per request, in order; null where this provider has nothing. */
  translate(requests: TranslationRequest[]): Promise<Array<Translation | null>>;
  /** Frees processes, servers, file handles. Optional. */
  close?(): Promise<void>;
}

/** One provider's settings as written in a job file, e.g. {type: 'tm', memories: ['memories/*.tmx']}. */
export interface ProviderConfig { type: string; [setting: string]: unknown }

/** What the job gives every provider besides its own settings. */
export interface ProviderContext {
  /** Relative paths in settings are resolved against this folder (the job file's). Default: cwd. */
  baseDir?: string;
  /** The job's glossaries: terms are enforced in every engine's output. */
  glossary?: Glossary;
  matcher?: Matcher;
  /** Disk cache for paid/slow engines. Default: <baseDir>/.tandem-cache/translate. */
  cacheDir?: string;
  env?: NodeJS.ProcessEnv;
  /** Where one-line warnings go (a memory glob that matches nothing). Default: standard error. */
  warn?: (message: string) => void;
  /** Check filled targets with tandem check's term rules (default true when there is a glossary). */
  checkTerms?: boolean;
}

/** A job-file mistake in a provider's settings (the pipeline reports it as bad input, exit 2). */
export class ProviderConfigError extends Error {
  override name = 'ProviderConfigError';
}
