// tandem's own messages, in English and Russian. One JSON file per namespace and language under
// locales/<lng>/<namespace>.json, so each stage owns its messages (cli, run, check, review, ...).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type TFunction } from 'i18next';

// Through the repository's src/, so that the compiled copy in dist/ (scripts/build.ts) reads the same files.
const LOCALES = fileURLToPath(new URL('../../src/i18n/locales', import.meta.url));
export const SUPPORTED = ['en', 'ru'] as const;

function loadResources() {
  const resources: Record<string, Record<string, unknown>> = {};
  for (const lng of SUPPORTED) {
    resources[lng] = {};
    for (const file of readdirSync(join(LOCALES, lng)).filter((f) => f.endsWith('.json'))) {
      resources[lng][file.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(LOCALES, lng, file), 'utf8'));
    }
  }
  return resources;
}

/** The UI language: --lang wins, then TANDEM_LANG, then the environment's locale, then English. */
export function pickLanguage(explicit?: string, env: NodeJS.ProcessEnv = process.env): 'en' | 'ru' {
  const raw = explicit ?? env.TANDEM_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? 'en';
  return raw.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

const instance = i18next.createInstance();
let ready = false;

/** Initialises i18next once (synchronously: resources are bundled files) and returns `t`. */
export function initI18n(lng: string = pickLanguage()): TFunction {
  if (!ready) {
    instance.init({ lng, fallbackLng: 'en', resources: loadResources(), defaultNS: 'cli',
      interpolation: { escapeValue: false }, initAsync: false, showSupportNotice: false } as never);
    ready = true;
  } else if (instance.language !== lng) {
    instance.changeLanguage(lng);
  }
  return instance.t.bind(instance) as TFunction;
}

/** The UI language in use ('en' or 'ru'), for messages that come from libraries with locales of their own. */
export function uiLanguage(): 'en' | 'ru' {
  if (!ready) initI18n();
  return instance.language === 'ru' ? 'ru' : 'en';
}

/** Translates a key ('namespace:key'), initialising i18next from the environment on first use. */
export function t(key: string, options?: Record<string, unknown>): string {
  if (!ready) initI18n();
  return String(instance.t(key, options as never));
}
