// The 'http' provider: one of the HTTP protocols behind the shared engine wrapper (placeholders,
// marking), with the polite requester and the disk cache. Endpoints, keys and models come from the
// environment (names overridable in the job file), so no secret is ever written into a job file.
import { join } from 'node:path';
import { t } from '../../i18n/index.ts';
import { primaryLang } from '../../glossary/index.ts';
import { engineProvider, type Engine } from '../engine.ts';
import { ProviderConfigError, type ProviderConfig, type ProviderContext, type TranslationProvider } from '../provider.ts';
import { numberSetting, resolvePath, stringSetting } from '../settings.ts';
import type { TermContext } from '../tm/match.ts';
import { diskCache, type Cache } from './cache.ts';
import { PROTOCOLS, type Protocol, type ProtocolName, type ProtocolSettings } from './protocols.ts';
import { createRequester, DEFAULT_POLICY, type RequestPolicy, type Requester } from './requests.ts';

export interface HttpEngineOptions { protocol: Protocol; settings: ProtocolSettings; policy: RequestPolicy; cache: Cache }

export function httpEngine({ protocol, settings, policy, cache }: HttpEngineOptions): Engine & { requester: Requester; cache: Cache } {
  const requester = createRequester(policy, protocol.name);
  let pairs: Promise<Set<string> | undefined> | undefined;
  return {
    name: protocol.name,
    format: protocol.format,
    requester,
    cache,
    async supports(src, tgt) {
      pairs ??= protocol.pairs?.(requester, settings) ?? Promise.resolve(undefined);
      const offered = await pairs;
      return !offered || offered.has(`${primaryLang(src)}>${primaryLang(tgt)}`);
    },
    async translate(texts, src, tgt) {
      const identity = protocol.identity(settings, src, tgt);
      const answers: Array<string | undefined> = await Promise.all(texts.map((text) => cache.get([identity, text])));
      const missing = texts.map((_, i) => i).filter((i) => answers[i] === undefined);
      if (missing.length) {
        const fresh = await protocol.translate(requester, settings, missing.map((i) => texts[i]), src, tgt);
        await Promise.all(missing.map((i, k) => { answers[i] = fresh[k]; return cache.set([identity, texts[i]], fresh[k]); }));
      }
      const engine = settings.model ? `${protocol.name} ${settings.model}` : protocol.name;
      return answers.map((text) => (text === undefined ? null : { text, detail: { engine } }));
    },
  };
}

export function createHttpProvider(config: ProviderConfig, context: ProviderContext, terms?: TermContext): TranslationProvider {
  const env = context.env ?? process.env;
  const name = stringSetting(config, 'protocol') as ProtocolName | undefined;
  const protocol = name && PROTOCOLS[name];
  if (!protocol) throw new ProviderConfigError(t('translate:httpProtocol', { known: Object.keys(PROTOCOLS).join(', ') }));
  const endpointEnv = stringSetting(config, 'endpointEnv', protocol.env.endpoint)!;
  const keyEnv = stringSetting(config, 'keyEnv', protocol.env.key)!;
  const modelEnv = stringSetting(config, 'modelEnv', protocol.env.model);
  const endpoint = stringSetting(config, 'endpoint') ?? env[endpointEnv] ?? protocol.defaultEndpoint;
  if (!endpoint) throw new ProviderConfigError(t('translate:httpEndpoint', { protocol: protocol.name, env: endpointEnv }));
  const key = env[keyEnv] || undefined;
  if (protocol.keyRequired && !key) throw new ProviderConfigError(t('translate:httpKey', { protocol: protocol.name, env: keyEnv }));
  const model = stringSetting(config, 'model') ?? (modelEnv ? env[modelEnv] : undefined) ?? (protocol.name === 'openai' ? 'gpt-4o-mini' : undefined);
  const policy: RequestPolicy = {
    concurrency: numberSetting(config, 'concurrency', DEFAULT_POLICY.concurrency, 1, 64),
    intervalCap: numberSetting(config, 'requestsPerInterval', DEFAULT_POLICY.intervalCap, 1, 10_000),
    intervalMs: numberSetting(config, 'intervalMs', DEFAULT_POLICY.intervalMs, 1, 3_600_000),
    timeoutMs: numberSetting(config, 'timeoutMs', DEFAULT_POLICY.timeoutMs, 1, 3_600_000),
    retries: numberSetting(config, 'retries', DEFAULT_POLICY.retries, 0, 20),
    backoffMs: numberSetting(config, 'backoffMs', DEFAULT_POLICY.backoffMs, 0, 600_000),
  };
  const cacheSetting = config.cache ?? true;
  if (typeof cacheSetting !== 'boolean' && typeof cacheSetting !== 'string') throw new ProviderConfigError(t('translate:httpCache'));
  const cacheDir = cacheSetting === false ? undefined : typeof cacheSetting === 'string' ? resolvePath(cacheSetting, context)
    : context.cacheDir ?? join(context.baseDir ?? process.cwd(), '.tandem-cache', 'translate');
  const settings: ProtocolSettings = { endpoint, key, model, batch: numberSetting(config, 'batch', 25, 1, 1000) };
  return engineProvider(httpEngine({ protocol, settings, policy, cache: diskCache(cacheDir) }), terms);
}
