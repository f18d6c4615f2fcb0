import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

const REPO = join(import.meta.dirname, '..', '..');

let out: string;
let err: string;
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out += String(s); return true; });
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => { err += String(s); return true; });
});
afterEach(() => vi.restoreAllMocks());

function file(name: string, text: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-detect-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('tandem detect', () => {
  it('--unit line writes exactly one JSON line per input line, in order', async () => {
    const path = file('lines.txt', 'Leave!\nЖыве Беларусь!\n\n12345\nМы его не выбирали\n');
    expect(await main(['detect', '--unit', 'line', path])).toBe(0);
    const rows = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((r) => r.lang)).toEqual(['en', 'be', 'und', 'und', 'ru']);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 4, 5]);
    for (const r of rows) expect(r.confidence).toBeGreaterThanOrEqual(0);
  });

  it('gives sentence offsets into the file itself, for wrapped CRLF text and HTML alike', async () => {
    const cases: Array<[string, string]> = [
      ['wrapped.txt', 'Рабочие вышли на площадь в\r\nпятницу. С. Тихановская\r\nпоблагодарила их.\r\n'],
      ['page.html', '<p>Workers <b>walked</b> out &amp; marched.</p><p>They want new<br>elections. Police watched.</p>'],
    ];
    for (const [name, text] of cases) {
      out = '';
      expect(await main(['detect', '--unit', 'sentence', file(name, text)])).toBe(0);
      for (const r of out.trim().split('\n').map((l) => JSON.parse(l))) {
        // The file's characters at [start, end) are the sentence, up to markup and line breaks.
        const source = text.slice(r.start, r.end).replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
        expect(source, name).toBe(r.text.replace(/\s+/g, ' '));
      }
    }
  });

  it('reports paragraphs with offsets and mixed spans', async () => {
    const text = 'The crowd chanted «Мы его не выбирали» outside.\n\nГродно. Так выглядят сотрудники предприятия.\n';
    const path = file('doc.txt', text);
    expect(await main(['detect', path])).toBe(0);
    const rows = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ paragraph: 1, lang: 'en', mixed: true });
    expect(rows[1]).toMatchObject({ paragraph: 2, lang: 'ru' });
    expect(text.slice(rows[1].start, rows[1].end)).toBe('Гродно. Так выглядят сотрудники предприятия.');
  });

  it('reads HTML as a document: markup does not vote for English', async () => {
    const path = file('page.html', '<html><body><p class="lead">Жыве Беларусь!</p><p>Workers went home.</p></body></html>');
    expect(await main(['detect', path])).toBe(0);
    const rows = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((r) => r.lang)).toEqual(['be', 'en']);
  });

  it('writes sentences in text format', async () => {
    const path = file('s.txt', 'Гродно. Так выглядят сотрудники предприятия. Workers went home.');
    expect(await main(['detect', '--unit', 'sentence', '--format', 'text', path])).toBe(0);
    expect(out.trim().split('\n').map((l) => l.split('\t')[1])).toEqual(['ru', 'ru', 'en']);
  });

  it('names a missing or broken file in one line and exits 2, still doing the good ones', async () => {
    const good = file('ok.txt', 'Жыве Беларусь!');
    const bad = file('bad.txt', Buffer.from([0xd0, 0x28, 0x41]));
    expect(await main(['detect', '/no/such/file.txt', bad, good])).toBe(2);
    expect(err).toContain('/no/such/file.txt');
    expect(err).toContain('bad.txt');
    expect(err.trim().split('\n')).toHaveLength(2);
    expect(JSON.parse(out.trim()).lang).toBe('be');
  });

  it('checks standard input like a file: invalid UTF-8 is refused with its byte, in one line', () => {
    const run = (input: Buffer) => spawnSync(process.execPath, [join(REPO, 'bin', 'tandem.js'), 'detect', '--unit', 'line', '--format', 'text'],
      { input, encoding: 'utf8', env: { ...process.env, TANDEM_LANG: 'en' } });
    const good = run(Buffer.from('Жыве Беларусь!\n'));
    expect([good.status, good.stdout.split('\t')[0]]).toEqual([0, 'be']);
    const bad = run(Buffer.from([0x61, 0x62, 0xff, 0x0a]));
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toMatch(/^<stdin>: .*byte 2/);
  });

  it('refuses bad options with exit code 2', async () => {
    expect(await main(['detect', '--unit', 'word'])).toBe(2);
    expect(await main(['detect', '--languages', 'english!'])).toBe(2);
    expect(err).toContain('--unit');
  });
});
