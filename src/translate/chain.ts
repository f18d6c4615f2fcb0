// A job's providers in order of preference: each segment takes the first answer. Builds every
// provider from its job-file settings, with the job's glossary enforced in every engine.
import { createMatcher } from '../glossary/index.ts';
import { t } from '../i18n/index.ts';
import { createApertiumProvider } from './apertium.ts';
import { withTermCheck } from './check.ts';
import { glossaryProvider } from './glossary.ts';
import { createHttpProvider } from './http/provider.ts';
import { ProviderConfigError, type ProviderConfig, type ProviderContext, type Translation, type TranslationProvider } from './provider.ts';
import type { TermContext } from './tm/match.ts';
import { createTmProvider } from './tm/provider.ts';

/** The 'none' provider: leaves every target empty. */
export const noTranslation: TranslationProvider = {
  name: 'none',
  async translate(requests) { return requests.map(() => null); },
};

export const PROVIDER_TYPES = ['none', 'tm', 'glossary', 'apertium', 'http'] as const;

function termContext(config: ProviderConfig, context: ProviderContext): TermContext | undefined {
  if (config.enforceGlossary === false || !context.glossary?.entries.length) return undefined;
  return { glossary: context.glossary, matcher: context.matcher ?? createMatcher(context.glossary) };
}

export async function createProvider(config: ProviderConfig, context: ProviderContext = {}): Promise<TranslationProvider> {
  if (!config || typeof config !== 'object' || typeof config.type !== 'string') throw new ProviderConfigError(t('translate:providerType'));
  const terms = termContext(config, context);
  switch (config.type) {
    case 'none': return noTranslation;
    case 'tm': return createTmProvider(config, { ...context, ...(terms ?? { glossary: undefined, matcher: undefined }) });
    case 'glossary': return glossaryProvider(terms);
    case 'apertium': return createApertiumProvider(config, context, terms);
    case 'http': return createHttpProvider(config, context, terms);
    default: throw new ProviderConfigError(t('translate:unknownProvider', { type: config.type, known: PROVIDER_TYPES.join(', ') }));
  }
}

/** Several providers as one: each request goes to the next provider until one answers. */
export function chainProviders(providers: TranslationProvider[]): TranslationProvider {
  if (providers.length === 1) return providers[0];
  return {
    name: providers.map((p) => p.name).join('+') || 'none',
    async translate(requests) {
      const results: Array<Translation | null> = requests.map(() => null);
      for (const provider of providers) {
        const pending = results.map((r, i) => (r ? -1 : i)).filter((i) => i >= 0);
        if (!pending.length) break;
        const answers = await provider.translate(pending.map((i) => requests[i]));
        pending.forEach((i, k) => { results[i] = answers[k] ?? null; });
      }
      return results;
    },
    async close() { await Promise.all(providers.map((p) => p.close?.())); },
  };
}

/** Builds the job's providers in order of preference; the first non-null answer wins per segment. */
export async function createProviderChain(configs: ProviderConfig[], context: ProviderContext = {}): Promise<TranslationProvider> {
  if (!Array.isArray(configs)) throw new ProviderConfigError(t('translate:providersList'));
  const providers: TranslationProvider[] = [];
  for (const config of configs) providers.push(await createProvider(config, context));
  if (!providers.length || providers.every((p) => p === noTranslation)) return noTranslation;
  const chain = chainProviders(providers);
  const terms = termContext({ type: 'chain' }, context);
  return terms && context.checkTerms !== false ? withTermCheck(chain, terms) : chain;
}
