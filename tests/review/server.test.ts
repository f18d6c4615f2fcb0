// The review server's guards: loopback only, its own Host and Origin only, JSON changes only, a fixed
// list of files (no path from a URL reaches the disk), and writes only inside the job folder.
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewSession } from '../../src/review/index.ts';
import { writeJob } from './fixture.ts';
import { serveReview, type Running } from './harness.ts';

let root: string, jobDir: string, running: Running, port: number;

interface Answer { status: number; body: string; headers: Record<string, string | string[] | undefined> }

/** A raw request: the path goes out exactly as written (fetch would normalise '..' away). */
function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string, host = '127.0.0.1'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host, port, method, path, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const own = () => ({ Origin: `http://127.0.0.1:${port}`, 'Content-Type': 'application/json' });
const confirm = (rev: number, key = 'seed.en.txt#0') => JSON.stringify({ rev, op: { type: 'confirm', key, value: true } });

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tandem-review-server-'));
  jobDir = writeJob(root);
  running = await serveReview(jobDir);
  port = running.server.port;
});

afterAll(async () => { await running?.stop(); });

describe('review server', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(running.server.url).toBe(`http://127.0.0.1:${port}/`);
    const outside = Object.values(networkInterfaces()).flat().find((i) => i && !i.internal && i.family === 'IPv4');
    if (outside) await expect(raw('GET', '/', {}, undefined, outside.address)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('serves the page with a policy that runs only its own scripts', async () => {
    const page = await raw('GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await raw('GET', '/main.js')).headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('rejects requests that name another host (DNS rebinding)', async () => {
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1:${port + 1}`, `127.0.0.1.evil.example:${port}`]) {
      expect((await raw('GET', '/api/state', { Host: host })).status).toBe(403);
    }
    expect((await raw('GET', '/api/state', { Host: `localhost:${port}` })).status).toBe(200);
  });

  it('rejects changes from other origins, without an origin, or not sent as JSON', async () => {
    const evil = { Origin: 'http://evil.example', 'Content-Type': 'application/json' };
    expect((await raw('POST', '/api/op', evil, confirm(0))).status).toBe(403);
    expect((await raw('POST', '/api/op', { 'Content-Type': 'application/json' }, confirm(0))).status).toBe(403);
    expect((await raw('POST', '/api/op', { ...own(), 'Content-Type': 'text/plain' }, confirm(0))).status).toBe(403);
    expect((await raw('POST', '/api/op', { ...own(), 'Sec-Fetch-Site': 'cross-site' }, confirm(0))).status).toBe(403);
    expect((await raw('GET', '/api/state', { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect(running.session.rev).toBe(0);
    const ok = await raw('POST', '/api/op', own(), confirm(0));
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).rev).toBe(1);
  });

  it('answers a stale revision, an impossible decision and a huge body without changing anything', async () => {
    const rev = running.session.rev;
    expect((await raw('POST', '/api/op', own(), confirm(rev - 1))).status).toBe(409);
    const merge = JSON.stringify({ rev, op: { type: 'merge', key: 'hostile.en.txt#1' } });
    expect(JSON.parse((await raw('POST', '/api/op', own(), merge)).body)).toEqual({ error: 'cannotMerge' });
    expect((await raw('POST', '/api/op', own(), confirm(rev, '../../../etc/passwd'))).status).toBe(422);
    expect((await raw('POST', '/api/op', own(), 'x'.repeat(2 << 20)).catch(() => ({ status: 400 }))).status).toBe(400);
    expect((await raw('POST', '/api/op', own(), '{not json')).status).toBe(400);
    expect(running.session.rev).toBe(rev);
  });

  it('serves no file outside its fixed list, whatever the path', async () => {
    const paths = [
      '/../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2f..%2fpackage.json', '/%2e%2e%5c%2e%2e%5cpackage.json',
      '/server.ts', '/page-files.ts', '/src/review/server.ts', '//etc/passwd', '/main.js/../../server.ts', '/main.js%00.ts',
      '/review/journal.jsonl', '/segments.jsonl', 'http://127.0.0.1/../../etc/passwd',
    ];
    for (const path of paths) {
      const answer = await raw('GET', path).catch(() => ({ status: 400, body: '' }));
      expect([400, 404], path).toContain(answer.status);
      expect(answer.body).not.toMatch(/root:|"name": "tandem"|createServer/);
    }
  });

  it('writes nothing but its journal, base and lock, and only inside the job folder', async () => {
    expect(readdirSync(root).sort()).toEqual(['glossary.yaml', 'output']);
    expect(readdirSync(join(root, 'output'))).toEqual(['seed']);
    expect(readdirSync(jobDir).sort()).toEqual(['review', 'segments.jsonl']);
    expect(readdirSync(join(jobDir, 'review')).sort()).toEqual(['base.jsonl', 'journal.jsonl', 'lock']);
  });

  it('refuses a review folder or journal that is a symbolic link out of the job folder', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'tandem-outside-'));
    const linkedDir = writeJob(mkdtempSync(join(tmpdir(), 'tandem-linked-')));
    symlinkSync(outside, join(linkedDir, 'review'));
    await expect(ReviewSession.open(linkedDir)).rejects.toThrow(/symbolic link/);
    const linkedJournal = writeJob(mkdtempSync(join(tmpdir(), 'tandem-linked-')));
    mkdirSync(join(linkedJournal, 'review'));
    symlinkSync(join(outside, 'stolen.jsonl'), join(linkedJournal, 'review', 'journal.jsonl'));
    await expect(ReviewSession.open(linkedJournal)).rejects.toThrow(/symbolic link/);
    expect(readdirSync(outside)).toEqual([]);
  });
});

describe('review interface text', () => {
  const keys = (o: unknown, prefix = ''): string[] => (typeof o === 'object' && o !== null
    ? Object.entries(o).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k)) : [prefix]);

  it('has every English key in Russian, and sends the chosen language to the page', async () => {
    const { pageStrings } = await import('../../src/review/index.ts');
    const en = pageStrings('en'), ru = pageStrings('ru');
    expect(keys(ru).sort()).toEqual(keys(en).sort());
    for (const key of keys(en)) {
      const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], ru);
      expect(typeof value, key).toBe('string');
    }
    expect(ru.title).toBe('Проверка: {{job}}');
    const russian = await serveReview(jobDir, [], 'ru');
    try {
      const state = await (await fetch(`${russian.server.url}api/state`)).json() as { lang: string; strings: { saved: string } };
      expect(state.lang).toBe('ru');
      expect(state.strings.saved).toBe('Сохранено');
    } finally {
      await russian.stop();
    }
  });
});
