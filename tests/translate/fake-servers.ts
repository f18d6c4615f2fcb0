// A local HTTP server speaking LibreTranslate, DeepL v2 and OpenAI chat completions, with a tiny
// English->Russian word list as its "engine". Placeholders (<x id="n"/> tags, ⟦n⟧ markers) pass
// through as a real engine's tag handling does. Behaviour can be scripted per request (status codes,
// delays) to test retries, timeouts and rate limits.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const WORDS: Record<string, string> = { the: '', president: 'президент', met: 'встретил', with: 'с', in: 'в', yesterday: 'вчера',
  opposition: 'оппозиция', leader: 'лидер', said: 'сказал', people: 'люди', are: '', free: 'свободны', all: 'все', election: 'выборы', was: 'был', rigged: 'сфальсифицированы' };

export function fakeTranslate(text: string): string {
  const out = text.split(/(<[^>]+>|⟦\d+⟧)/).map((part, i) => (i % 2 ? part : part.replace(/\p{L}+/gu, (w) => {
    const t = WORDS[w.toLowerCase()];
    if (t === undefined) return w;
    return w[0] === w[0].toUpperCase() && t ? t[0].toUpperCase() + t.slice(1) : t;
  }).replace(/ {2,}/g, ' '))).join('').trim();
  return /^\p{Lu}/u.test(text) ? out.charAt(0).toUpperCase() + out.slice(1) : out;
}

export interface Hit { path: string; at: number; body: any; headers: IncomingMessage['headers'] }

export interface FakeServer {
  url: string;
  hits: Hit[];
  languageRequests: number;
  /** Called per request before answering; may answer itself (return true) or delay. */
  script?: (hit: Hit, res: ServerResponse, n: number) => Promise<boolean> | boolean;
  close(): Promise<void>;
}

export async function startFakeServer(): Promise<FakeServer> {
  const state: FakeServer = { url: '', hits: [], languageRequests: 0, close: async () => {} };
  const server = createServer(async (req, res) => {
    const at = Date.now(); // before reading the body: the moment the request arrived
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const hit: Hit = { path: req.url ?? '', at, body: raw ? JSON.parse(raw) : undefined, headers: req.headers };
    if (hit.path === '/languages') {
      // LibreTranslate's language list: counted apart, so tests count translation requests only.
      state.languageRequests++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify([{ code: 'en', name: 'English', targets: ['en', 'ru'] }, { code: 'ru', name: 'Russian', targets: ['en', 'ru'] }]));
      return;
    }
    state.hits.push(hit);
    if (state.script && (await state.script(hit, res, state.hits.length))) return;
    const send = (value: unknown) => { if (!res.writableEnded) { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify(value)); } };
    if (hit.path === '/translate') {
      const q = hit.body.q;
      send({ translatedText: Array.isArray(q) ? q.map(fakeTranslate) : fakeTranslate(q) });
    } else if (hit.path === '/v2/translate') {
      if (!String(req.headers.authorization).startsWith('DeepL-Auth-Key ')) { res.statusCode = 403; send({ message: 'Forbidden' }); return; }
      send({ translations: hit.body.text.map((t: string) => ({ detected_source_language: 'EN', text: fakeTranslate(t) })) });
    } else if (hit.path === '/v1/chat/completions') {
      const user = hit.body.messages.find((m: { role: string }) => m.role === 'user').content;
      send({ id: 'x', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: fakeTranslate(user) }, finish_reason: 'stop' }] });
    } else {
      res.statusCode = 404; send({ error: 'not found' });
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); });
  return state;
}
