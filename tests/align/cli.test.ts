// `tandem align` end to end through the CLI entry point: JSONL beads over line numbers, segmented
// input, TSV and TMX (validated with xmllint), and one-line errors with exit code 2 for bad input.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { enRuDocuments, translationDocuments } from '../../scripts/eval/align-data.ts';
import { strictScores } from '../../src/align/index.ts';
import { xmllint } from '../export/xmllint.ts';

let dir: string;
const file = (name: string, text: string | Buffer) => { const path = join(dir, name); writeFileSync(path, text); return path; };

async function tandem(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => { out += String(chunk); return true; });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => { err += String(chunk); return true; });
  try {
    return { code: await main(['align', '--lang', 'en', ...argv]), out, err };
  } finally { o.mockRestore(); e.mockRestore(); }
}

const doc = enRuDocuments('test')[0];
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'tandem-align-')); });
afterEach(() => { vi.restoreAllMocks(); });

describe('tandem align', () => {
  it('writes one JSONL bead per line over 0-based line numbers of presegmented files', async () => {
    const src = file('en.txt', doc.src.join('\n') + '\n'), tgt = file('ru.txt', doc.tgt.join('\n') + '\n');
    const { code, out } = await tandem(src, tgt, '--presegmented', '--src-lang', 'en', '--tgt-lang', 'ru');
    expect(code).toBe(0);
    const beads = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(Object.keys(beads[0]).sort()).toEqual(['score', 'src', 'tgt']);
    expect(beads.flatMap((b) => b.src)).toEqual([...doc.src.keys()]);
    expect(beads.flatMap((b) => b.tgt)).toEqual([...doc.tgt.keys()]);
    expect(strictScores(beads, doc.gold).f1).toBeGreaterThanOrEqual(0.95);
  });

  it('marks a pairing across the order (a sentence the translator moved) in JSONL and TSV', async () => {
    const c = translationDocuments().find((d) => d.name.endsWith('heat-swapped-added'))!;
    const src = file('heat.en.txt', c.src.join('\n') + '\n'), tgt = file('heat.ru.txt', c.tgt.join('\n') + '\n');
    const { code, out } = await tandem(src, tgt, '--presegmented', '--src-lang', 'en', '--tgt-lang', 'ru');
    expect(code).toBe(0);
    const moved = out.trim().split('\n').map((l) => JSON.parse(l)).filter((b) => b.moved);
    expect(moved.map((b) => [b.src, b.tgt])).toEqual(c.moved!.map(([i, j]) => [[i], [j]]));
    const tsv = (await tandem(src, tgt, '--presegmented', '--src-lang', 'en', '--tgt-lang', 'ru', '--format', 'tsv')).out;
    expect(tsv.split('\n').filter((row) => row.split('\t')[8] === 'moved')).toHaveLength(1);
  });

  it('warns when the two files do not look like translations of each other, and flags every pairing', async () => {
    const other = translationDocuments().find((c) => c.name.includes('unrelated'))!;
    const src = file('match.txt', other.src.join('\n') + '\n'), tgt = file('bakery.txt', other.tgt.join('\n') + '\n');
    const { code, out, err } = await tandem(src, tgt, '--presegmented', '--format', 'tsv');
    expect(code).toBe(0);
    expect(err).toBe(`warning: ${src} and ${tgt} do not look like translations of each other (their sentences share no more words, names and numbers than chance pairs do): every pairing is flagged low-confidence\n`);
    const rows = out.trim().split('\n').slice(1).filter((row) => /\bZenit\b/.test(row));
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) expect(row).toMatch(/low-confidence/);
    expect((await tandem(src, tgt, '--presegmented', '--quiet')).err).toBe('');
    // A real translation gets no warning.
    const en = file('en2.txt', doc.src.join('\n') + '\n'), ru = file('ru2.txt', doc.tgt.join('\n') + '\n');
    expect((await tandem(en, ru, '--presegmented')).err).toBe('');
  });

  it('keeps line numbers when blank lines separate paragraphs', async () => {
    const src = file('p-en.txt', 'Prices rose 5% in May.\n\nThe bank kept its rate at 16%.\n');
    const tgt = file('p-ru.txt', 'В мае цены выросли на 5%.\n\nБанк сохранил ставку на уровне 16%.\n');
    const { code, out } = await tandem(src, tgt, '--presegmented', '--text');
    expect(code).toBe(0);
    const beads = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(beads.map((b) => [b.src, b.tgt])).toEqual([[[0], [0]], [[2], [2]]]);
    expect(beads[1].tgtText).toBe('Банк сохранил ставку на уровне 16%.');
  });

  it('segments running text, detects languages and writes valid TMX and TSV', async () => {
    const src = file('run-en.txt', doc.src.slice(0, 8).join(' ') + '\n');
    const tgt = file('run-ru.txt', doc.tgt.slice(0, 8).join(' ') + '\n');
    const out = join(dir, 'out.tmx');
    const tmx = await tandem(src, tgt, '--format', 'tmx', '-o', out);
    expect(tmx.code).toBe(0);
    const xml = readFileSync(out, 'utf8');
    expect(xmllint(xml, 'tmx')).toBe('');
    expect(xml).toContain('xml:lang="ru"');
    expect((xml.match(/<tu /g) ?? []).length).toBeGreaterThanOrEqual(7);
    const tsv = await tandem(src, tgt, '--format', 'tsv');
    expect(tsv.code).toBe(0);
    expect(tsv.out.split('\n')[0]).toMatch(/^doc\tid\t/);
    expect(tsv.out).toContain(doc.tgt[1]);
  });

  it('fails with one line and exit code 2 on bad input', async () => {
    const ok = file('ok.txt', 'One sentence.\n');
    const missing = await tandem(ok, join(dir, 'nope.txt'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('nope.txt');
    expect(missing.err.trim().split('\n')).toHaveLength(1);
    const binary = await tandem(ok, file('bin.txt', Buffer.from([0x41, 0xff, 0xfe, 0x00])), '--presegmented');
    expect(binary.code).toBe(2);
    expect(binary.err).toContain('bin.txt');
    expect((await tandem(ok)).code).toBe(2);
    expect((await tandem(ok, ok, '--format', 'xml')).code).toBe(2);
    expect((await tandem(ok, ok, '--min-score', '2')).code).toBe(2);
    const badGlossary = await tandem(ok, ok, '--glossary', file('g.yaml', 'entries: [ {'));
    expect(badGlossary.code).toBe(2);
    expect(badGlossary.err).not.toMatch(/\n\s+at /);
  });
});
