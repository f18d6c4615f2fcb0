// The three HTTP translation protocols: LibreTranslate, DeepL (v2) and OpenAI-compatible chat
// completions (OpenAI, vLLM, llama.cpp server, Ollama's /v1, ...). Each turns a batch of rendered
// texts into requests and reads the answers; placeholders travel as <x id="n"/> tags (LibreTranslate
// and DeepL keep tags in their HTML/XML modes) or as ⟦n⟧ markers the chat model is told to keep.
import { primaryLang } from '../../glossary/index.ts';
import { t } from '../../i18n/index.ts';
import type { Lang } from '../../types.ts';
import { HttpError, type Requester } from './requests.ts';

export type ProtocolName = 'libretranslate' | 'deepl' | 'openai';

export interface ProtocolSettings { endpoint: string; key?: string; model?: string; batch: number }

export interface Protocol {
  name: ProtocolName;
  format: 'html' | 'text';
  /** Endpoint used when the job and the environment name none. */
  defaultEndpoint?: string;
  /** Environment variables read for the endpoint, key and model. */
  env: { endpoint: string; key: string; model?: string };
  keyRequired: boolean;
  /** What besides the text decides the answer (goes into the cache key). */
  identity(s: ProtocolSettings, src: Lang, tgt: Lang): unknown;
  /** Language pairs the server offers, when the protocol can tell (else every pair is tried). */
  pairs?(http: Requester, s: ProtocolSettings): Promise<Set<string> | undefined>;
  translate(http: Requester, s: ProtocolSettings, texts: string[], src: Lang, tgt: Lang): Promise<string[]>;
}

const base = (endpoint: string) => endpoint.replace(/\/+$/, '');

function answerError(protocol: string, what: string): never {
  throw new HttpError(t('translate:httpAnswer', { protocol, what }));
}

export const libreTranslate: Protocol = {
  name: 'libretranslate', format: 'html', keyRequired: false,
  env: { endpoint: 'LIBRETRANSLATE_URL', key: 'LIBRETRANSLATE_API_KEY' },
  identity: (s, src, tgt) => ['libretranslate', base(s.endpoint), primaryLang(src), primaryLang(tgt)],
  async pairs(http, s) {
    // GET /languages: [{code, targets: [...]}]. A server without it is simply asked for every pair.
    const answer = await http.json(`${base(s.endpoint)}/languages`, undefined).catch(() => undefined) as Array<{ code?: string; targets?: string[] }> | undefined;
    if (!Array.isArray(answer)) return undefined;
    return new Set(answer.flatMap((l) => (l.targets ?? []).map((t) => `${l.code}>${t}`)));
  },
  async translate(http, s, texts, src, tgt) {
    const out: string[] = [];
    for (let i = 0; i < texts.length; i += s.batch) {
      const q = texts.slice(i, i + s.batch);
      const answer = await http.json(`${base(s.endpoint)}/translate`, { q, source: primaryLang(src), target: primaryLang(tgt), format: 'html', ...(s.key ? { api_key: s.key } : {}) }) as { translatedText?: unknown };
      const got = answer?.translatedText;
      if (!Array.isArray(got) || got.length !== q.length || got.some((x) => typeof x !== 'string')) answerError('libretranslate', 'translatedText is not one string per text');
      out.push(...(got as string[]));
    }
    return out;
  },
};

/** DeepL wants upper case codes and a variant for some targets (EN-US/EN-GB, PT-PT/PT-BR). */
function deeplLang(lang: Lang, target: boolean): string {
  const [p, region] = lang.split(/[-_]/);
  const code = p.toUpperCase();
  if (target && code === 'EN') return region ? `EN-${region.toUpperCase()}` : 'EN-GB';
  if (target && code === 'PT') return region ? `PT-${region.toUpperCase()}` : 'PT-PT';
  return code;
}

export const deepl: Protocol = {
  name: 'deepl', format: 'html', keyRequired: true, defaultEndpoint: 'https://api-free.deepl.com',
  env: { endpoint: 'DEEPL_API_URL', key: 'DEEPL_API_KEY' },
  identity: (s, src, tgt) => ['deepl', base(s.endpoint), deeplLang(src, false), deeplLang(tgt, true)],
  async translate(http, s, texts, src, tgt) {
    const out: string[] = [];
    for (let i = 0; i < texts.length; i += Math.min(s.batch, 50)) {
      const text = texts.slice(i, i + Math.min(s.batch, 50));
      const answer = await http.json(`${base(s.endpoint)}/v2/translate`,
        { text, source_lang: deeplLang(src, false), target_lang: deeplLang(tgt, true), tag_handling: 'xml', ignore_tags: ['x'] },
        { authorization: `DeepL-Auth-Key ${s.key}` }) as { translations?: Array<{ text?: unknown }> };
      const got = answer?.translations?.map((t) => t?.text);
      if (!got || got.length !== text.length || got.some((x) => typeof x !== 'string')) answerError('deepl', 'translations is not one text per text');
      out.push(...(got as string[]));
    }
    return out;
  },
};

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' });
const languageName = (lang: Lang) => { try { return LANGUAGE_NAMES.of(lang) ?? lang; } catch { return lang; } };

export function chatPrompt(src: Lang, tgt: Lang): string {
  return `You are a professional translator. Translate the user's text from ${languageName(src)} (${src}) to ${languageName(tgt)} (${tgt}). `
    + 'Keep every marker like ⟦1⟧ exactly as written, once each, where its words belong in the translation. '
    + 'Answer with the translation only, no comments or quotes.';
}

export const openaiChat: Protocol = {
  name: 'openai', format: 'text', keyRequired: false, defaultEndpoint: 'https://api.openai.com/v1',
  env: { endpoint: 'OPENAI_BASE_URL', key: 'OPENAI_API_KEY', model: 'OPENAI_MODEL' },
  identity: (s, src, tgt) => ['openai', base(s.endpoint), s.model, chatPrompt(src, tgt)],
  async translate(http, s, texts, src, tgt) {
    // One request per segment: a chat model keeps segment boundaries badly in batches.
    return Promise.all(texts.map(async (text) => {
      const answer = await http.json(`${base(s.endpoint)}/chat/completions`, {
        model: s.model, temperature: 0,
        messages: [{ role: 'system', content: chatPrompt(src, tgt) }, { role: 'user', content: text }],
      }, s.key ? { authorization: `Bearer ${s.key}` } : {}) as { choices?: Array<{ message?: { content?: unknown } }> };
      const content = answer?.choices?.[0]?.message?.content;
      if (typeof content !== 'string') answerError('openai', 'no choices[0].message.content');
      return content.trim();
    }));
  },
};

export const PROTOCOLS: Record<ProtocolName, Protocol> = { libretranslate: libreTranslate, deepl, openai: openaiChat };
