// Translation providers fill targets for segments that have none. Issue 8 adds tm, glossary,
// apertium and http providers behind this one interface.
import type { Lang, Origin } from '../types.ts';

export interface TranslationRequest { id: string; text: string; srcLang: Lang; tgtLang: Lang }
export interface Translation { text: string; origin: Origin; score?: number; detail?: Record<string, unknown> }

export interface TranslationProvider {
  name: string;
  /** One result per request, in order; null where this provider has nothing. */
  translate(requests: TranslationRequest[]): Promise<Array<Translation | null>>;
}

/** The 'none' provider: leaves every target empty. */
export const noTranslation: TranslationProvider = {
  name: 'none',
  async translate(requests) { return requests.map(() => null); },
};

/** One provider's settings as written in a job file, e.g. {type: 'tm', tmx: ['memories/*.tmx']}. */
export interface ProviderConfig { type: string; [setting: string]: unknown }

/** Builds the job's providers in order of preference; the first non-null answer wins per segment. */
export async function createProviderChain(configs: ProviderConfig[]): Promise<TranslationProvider> {
  const unknown = configs.filter((c) => c.type !== 'none');
  if (unknown.length) throw new Error(`unknown translation provider '${unknown[0].type}'`);
  return noTranslation;
}
