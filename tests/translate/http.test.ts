import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../src/i18n/index.ts';
import { createProviderChain } from '../../src/translate/index.ts';
import type { Glossary } from '../../src/types.ts';
import { startFakeServer, type FakeServer } from './fake-servers.ts';

let server: FakeServer;
let cacheRoot: string;
beforeAll(async () => { server = await startFakeServer(); cacheRoot = await mkdtemp(join(tmpdir(), 'tandem-http-')); });
afterAll(async () => { await server.close(); await rm(cacheRoot, { recursive: true, force: true }); });
afterEach(() => { server.hits = []; server.script = undefined; });

const glossary: Glossary = { sources: [], entries: [
  { id: 'tikhanovskaya', type: 'person', terms: [{ text: 'Tikhanovskaya', lang: 'en', status: 'preferred' }, { text: 'Тихановская', lang: 'ru', status: 'preferred' }] },
  { id: 'lukashenko', type: 'person', terms: [{ text: 'Lukashenko', lang: 'en', status: 'preferred' }, { text: 'Лукашенко', lang: 'ru', status: 'preferred', indeclinable: true }] },
] };
const fast = { retries: 3, backoffMs: 5, timeoutMs: 2000, requestsPerInterval: 100, intervalMs: 1000 };
let dirs = 0;
const provider = (protocol: string, extra: Record<string, unknown> = {}) => createProviderChain(
  [{ type: 'http', protocol, cache: join(cacheRoot, String(++dirs)), ...fast, ...extra }],
  { glossary, env: { LIBRETRANSLATE_URL: server.url, DEEPL_API_URL: server.url, DEEPL_API_KEY: 'k', OPENAI_BASE_URL: `${server.url}/v1`, OPENAI_API_KEY: 'sk' } });
const request = (text: string, id = '1') => ({ id, text, srcLang: 'en', tgtLang: 'ru' });

describe.each(['libretranslate', 'deepl', 'openai'])('%s protocol', (protocol) => {
  it('translates, keeps glossary placeholders through the round trip and marks the result as MT', async () => {
    const p = await provider(protocol);
    const [a, b] = await p.translate([request('The president met with Tikhanovskaya yesterday.'), request('Lukashenko said the election was rigged: https://t.co/AbC', '2')]);
    expect(a).toMatchObject({ text: 'Президент встретил с Тихановская вчера.', origin: 'mt' });
    expect(a!.detail).toMatchObject({ provider: protocol, terms: [{ entry: 'tikhanovskaya', form: 'Тихановская' }] });
    expect(b!.text).toBe('Лукашенко сказал выборы был сфальсифицированы: https://t.co/AbC');
    expect(b!.detail!.warnings).toBeUndefined();
    // The engine never saw the protected terms or the URL.
    const sent = JSON.stringify(server.hits.map((h) => h.body));
    expect(sent).not.toContain('Tikhanovskaya');
    expect(sent).not.toContain('t.co');
  });

  it('answers a rerun from the disk cache without any request', async () => {
    const cache = join(cacheRoot, `rerun-${protocol}`);
    await (await provider(protocol, { cache })).translate([request('All people are free.')]);
    const before = server.hits.length;
    expect(before).toBeGreaterThan(0);
    const again = await (await provider(protocol, { cache })).translate([request('All people are free.')]);
    expect(again[0]!.text).toBe('Все люди свободны.');
    expect(server.hits.length).toBe(before);
  });

  it('retries 429 and 5xx answers with backoff, then succeeds', async () => {
    server.script = (_hit, res, n) => {
      if (n > 2) return false;
      res.statusCode = n === 1 ? 429 : 503;
      if (n === 1) res.setHeader('retry-after', '0');
      res.end('busy');
      return true;
    };
    const [a] = await (await provider(protocol)).translate([request('All people are free.')]);
    expect(a!.text).toBe('Все люди свободны.');
    expect(server.hits.length).toBe(3);
  });

  it('gives up with a clear error after the retries, and does not retry a 400', async () => {
    server.script = (_hit, res) => { res.statusCode = 500; res.end('down'); return true; };
    await expect((await provider(protocol, { retries: 2 })).translate([request('All people are free.')])).rejects.toThrow(/answered 500.*gave up after 3 attempts/);
    server.hits = [];
    server.script = (_hit, res) => { res.statusCode = 400; res.end('bad language'); return true; };
    await expect((await provider(protocol)).translate([request('All people are free.')])).rejects.toThrow(/answered 400 \(bad language\)/);
    expect(server.hits.length).toBe(1);
  });
});

describe('http provider errors under --lang ru', () => {
  afterEach(() => { initI18n('en'); });

  it('say what the service answered in Russian', async () => {
    initI18n('ru');
    server.script = (_hit, res) => { res.statusCode = 500; res.end('down'); return true; };
    await expect((await provider('deepl', { retries: 1 })).translate([request('All people are free.')]))
      .rejects.toThrow(/ответил 500 \(down\); попыток: 2, все неудачны/);
  });
});

describe('http provider policies', () => {
  it('times out a silent server and retries', async () => {
    server.script = async (_hit, _res, n) => { if (n === 1) { await new Promise((r) => setTimeout(r, 600)); } return false; };
    const [a] = await (await provider('openai', { timeoutMs: 200 })).translate([request('All people are free.')]);
    expect(a!.text).toBe('Все люди свободны.');
    expect(server.hits.length).toBe(2);
    server.hits = [];
    server.script = async () => { await new Promise((r) => setTimeout(r, 400)); return false; };
    await expect((await provider('openai', { timeoutMs: 100, retries: 1 })).translate([request('All people are free.')])).rejects.toThrow(/no answer within 100 ms/);
  });

  it('never starts more requests per interval than the cap', async () => {
    const p = await provider('openai', { requestsPerInterval: 2, intervalMs: 400, concurrency: 8 });
    const texts = ['All people are free.', 'The president said.', 'The leader said.', 'The people said.', 'Yesterday.', 'Free people.'];
    await p.translate(texts.map((t, i) => request(t, String(i))));
    const times = server.hits.map((h) => h.at).sort((a, b) => a - b);
    expect(times.length).toBe(6);
    // In any window shorter than the interval there are at most 2 starts (generous slack: timers and
    // arrival times jitter, while an unlimited queue would send all six within a few ms).
    for (let i = 2; i < times.length; i++) expect(times[i] - times[i - 2]).toBeGreaterThanOrEqual(250);
  });

  it('skips pairs a LibreTranslate server does not offer, without asking it to translate', async () => {
    const p = await provider('libretranslate');
    const out = await p.translate([{ id: '1', text: 'All people are free.', srcLang: 'en', tgtLang: 'be' }, request('All people are free.', '2')]);
    expect(out[0]).toBeNull();
    expect(out[1]!.text).toBe('Все люди свободны.');
    expect(server.languageRequests).toBeGreaterThan(0);
    expect(server.hits.map((h) => h.path)).toEqual(['/translate']);
  });

  it('reports a missing key or endpoint as a job-file problem', async () => {
    await expect(createProviderChain([{ type: 'http', protocol: 'deepl' }], { env: {} })).rejects.toThrow(/no API key; set DEEPL_API_KEY/);
    await expect(createProviderChain([{ type: 'http', protocol: 'libretranslate' }], { env: {} })).rejects.toThrow(/no endpoint; set LIBRETRANSLATE_URL/);
    await expect(createProviderChain([{ type: 'http', protocol: 'babel' }], { env: {} })).rejects.toThrow(/'protocol' must be one of/);
  });
});
