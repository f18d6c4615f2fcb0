// Translation providers fill targets for segments that have none: translation memory ('tm'),
// glossary pre-translation ('glossary'), Apertium ('apertium') and HTTP engines ('http':
// LibreTranslate, DeepL, OpenAI-compatible chat). See docs/translate.md.
export type { TranslationRequest, Translation, TranslationProvider, ProviderConfig, ProviderContext } from './provider.ts';
export { ProviderConfigError } from './provider.ts';
export { createProviderChain, createProvider, chainProviders, noTranslation, PROVIDER_TYPES } from './chain.ts';
export { providerConfigSchema, providersSchema } from './schema.ts';
export { fillTargets, type FillOptions } from './fill.ts';
export { tmProvider } from './tm/provider.ts';
export { TranslationMemory, type TmEntry } from './tm/memory.ts';
export { loadMemories, loadMemoryFile, unitsFromSegments, type TmUnit } from './tm/load.ts';
export { scoreMatch, type TmMatch } from './tm/match.ts';
export { glossaryProvider } from './glossary.ts';
export { apertiumEngine, apertiumModes } from './apertium.ts';
export { engineProvider, type Engine } from './engine.ts';
export { protectTerms, restoreTerms } from './protect.ts';
