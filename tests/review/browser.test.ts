// The review page in a real browser (Debian's Chromium through playwright-core) on the seed job as
// the pipeline writes it, plus a document of hostile text: keyboard navigation, confirm, merge, move,
// undo, split, edit, redo, term flag, reload, restart of the server, apply-review.
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJsonl, readTmx, readXliff } from '../../src/export/index.ts';
import { applyReview, beadToSegment, createChecker, loadGlossary, segmentsToBeads } from '../../src/review/index.ts';
import type { Segment } from '../../src/types.ts';
import { HOSTILE, hostileSegments } from './fixture.ts';
import { launchChromium, serveReview, type Browser, type Running } from './harness.ts';

const REPO = new URL('../../', import.meta.url).pathname;
const SPECS = join(REPO, '..', 'shared', 'specs');
const GLOSSARY = join(REPO, 'glossaries', 'belarus-2020.yaml');

let jobDir: string, untouched: string, base: Segment[], seed: Segment[];
let browser: Browser, running: Running, page: Page;
/** Errors the page logs (a failed request, an exception): none are expected. */
const consoleErrors: string[] = [];

const keyOf = (s: Segment) => `${s.doc}#${s.id}`;
const rowOf = (s: Segment | string) => page.locator(`.row[data-key="${typeof s === 'string' ? s : keyOf(s)}"]`);
const currentKey = () => page.locator('.row.current').getAttribute('data-key');
/** A side's text as shown, without the struck-through pre-normalisation words of the diff. */
const sideText = (s: Segment | string, side: 'src' | 'tgt') => rowOf(s).locator(`.side.${side} .text`).evaluate((node) => {
  const copy = node.cloneNode(true) as typeof node;
  for (const del of copy.querySelectorAll('del')) del.remove();
  return copy.textContent;
});
const tgtText = (s: Segment | string) => sideText(s, 'tgt');
const rev = () => page.evaluate(() => (globalThis as unknown as { tandemReview: { rev: number } }).tandemReview.rev);

/** Runs a UI action that makes a decision and waits until the server has saved it. */
async function decided(action: () => Promise<unknown>): Promise<void> {
  const before = await rev();
  await action();
  await page.waitForFunction((r) => {
    const app = (globalThis as unknown as { tandemReview: { rev: number; busy: number } }).tandemReview;
    return app.rev > r && app.busy === 0;
  }, before);
}

async function open(url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('body[data-ready]');
}

async function go(s: Segment): Promise<void> {
  await rowOf(s).locator('.meta').click();
  expect(await currentKey()).toBe(keyOf(s));
}

beforeAll(async () => {
  jobDir = join(mkdtempSync(join(tmpdir(), 'tandem-review-')), 'seed');
  execFileSync(process.execPath, [join(REPO, 'bin/tandem.js'), 'run', join(REPO, 'pipeline/default.job.yaml'), '--out', jobDir, '--quiet'],
    { stdio: 'pipe' });
  untouched = join(jobDir, '..', 'untouched');
  cpSync(jobDir, untouched, { recursive: true });
  seed = readJsonl(readFileSync(join(jobDir, 'segments.jsonl'), 'utf8'));
  expect(seed.length).toBeGreaterThanOrEqual(8);
  appendFileSync(join(jobDir, 'segments.jsonl'), hostileSegments().map((s) => JSON.stringify(s) + '\n').join(''));
  base = [...seed, ...hostileSegments()];
  running = await serveReview(jobDir, [GLOSSARY]);
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await open(running.server.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

describe('review page', () => {
  it('shows every bead with its id, badges, term entries and normalisation diff', async () => {
    expect(await page.locator('.row[data-segment-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-segment-id'))))
      .toEqual(base.map((s) => s.id));
    expect(consoleErrors).toEqual([]);
    expect(await page.locator('.row .sid').allTextContents()).toEqual(base.map((s) => s.id));
    // The document (and its translation) heads its first row: the seed article, then the hostile one.
    expect(await page.locator('.row .doc-head').allTextContents())
      .toEqual([`${seed[0].doc} → ${seed[0].tgtDoc}`, 'hostile.en.txt → hostile.ru.txt']);
    expect(await rowOf(seed[0]).locator('.badge.lang').allTextContents()).toEqual(['EN', 'RU']);
    expect(await rowOf(seed[0]).locator('.badge.score').textContent()).toBe(seed[0].score!.toFixed(2));
    const glossary = (await loadGlossary([GLOSSARY]))!;
    const term = page.locator('mark.term').first();
    const id = await term.getAttribute('data-entry');
    const preferred = glossary.entries.find((e) => e.id === id)!.terms.filter((t) => t.status === 'preferred');
    expect(preferred.length).toBeGreaterThan(0);
    expect(await term.getAttribute('title')).toContain(`Preferred: ${preferred.map((t) => `${t.text} (${t.lang})`).join(', ')}`);
    const normalised = seed.find((s) => s.src.changes?.length)!;
    expect(await rowOf(normalised).locator('.side.src del.norm').first().textContent()).toBe(normalised.src.changes![0].before);
    expect(await rowOf(normalised).locator('.side.src ins.norm').first().textContent()).toBe(normalised.src.changes![0].after);
  });

  it('shows the findings tandem check reports, on the beads they concern', async () => {
    await page.waitForSelector('body[data-findings]');
    const glossary = (await loadGlossary([GLOSSARY]))!;
    const expected = createChecker()(segmentsToBeads(base).map((b) => beadToSegment(b)), glossary);
    const shown = await page.locator('.row:has(.finding)').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));
    expect(shown.sort()).toEqual([...expected.keys()].sort());
    for (const [key, list] of expected) expect(await page.locator(`.row[data-key="${key}"] .finding`).count()).toBe(list.length);
  });

  it('shows hostile segment text as text and never runs it', async () => {
    for (const [k, h] of HOSTILE.entries()) {
      expect(await rowOf(`hostile.en.txt#${k}`).locator('.side.src .text').textContent()).toBe(h.src);
      expect(await tgtText(`hostile.en.txt#${k}`)).toBe(h.tgt);
    }
    expect(await page.locator('#list script, #list img, #list a, #list [onerror]').count()).toBe(0);
    await rowOf('hostile.en.txt#1').locator('.text').first().click();
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('moves through beads by keyboard and confirms with Enter', async () => {
    await page.keyboard.press('Home');
    expect(await currentKey()).toBe(keyOf(seed[0]));
    await page.keyboard.press('j');
    await page.keyboard.press('ArrowDown');
    expect(await currentKey()).toBe(keyOf(seed[2]));
    await page.keyboard.press('k');
    expect(await currentKey()).toBe(keyOf(seed[1]));
    await page.keyboard.press('Home');
    await decided(() => page.keyboard.press('Enter')); // confirm, then on to the next unconfirmed
    expect(await currentKey()).toBe(keyOf(seed[1]));
    await decided(() => page.keyboard.press('Enter'));
    expect(await currentKey()).toBe(keyOf(seed[2]));
    await page.keyboard.press('Home');
    await page.keyboard.press('n');
    expect(await currentKey()).toBe(keyOf(seed[2]));
    expect(await rowOf(seed[0]).getAttribute('class')).toContain('confirmed');
    // With a Russian keyboard layout the J and K keys type 'о' and 'л': the shortcuts still work.
    const russianKey = (key: string, code: string) => page.dispatchEvent('body', 'keydown', { key, code });
    await russianKey('о', 'KeyJ');
    expect(await currentKey()).toBe(keyOf(seed[3]));
    await russianKey('л', 'KeyK');
    expect(await currentKey()).toBe(keyOf(seed[2]));
  });

  it('merges, moves a sentence, undoes, splits, edits, redoes and flags a term', async () => {
    await decided(() => page.keyboard.press('m'));
    expect(await rowOf(seed[3]).count()).toBe(0);
    expect(await rowOf(seed[2]).locator('.badge.shape').textContent()).toBe('2:2');
    expect(await tgtText(seed[2])).toBe(`${seed[2].tgt!.text} ${seed[3].tgt!.text}`);
    await page.keyboard.press('Home');
    await page.keyboard.press('f'); // the merged bead is not 1:1: flagged
    expect(await currentKey()).toBe(keyOf(seed[2]));

    await decided(() => page.keyboard.press('Alt+ArrowDown')); // last target sentence to the next bead
    expect(await tgtText(seed[4])).toBe(`${seed[3].tgt!.text} ${seed[4].tgt!.text}`);
    await decided(() => page.keyboard.press('Control+z'));
    expect(await tgtText(seed[4])).toBe(seed[4].tgt!.text);

    await go(seed[2]);
    await page.keyboard.press('s');
    expect(await rowOf(seed[2]).locator('.act-cut.active').count()).toBe(2);
    await decided(() => page.keyboard.press('Enter'));
    const second = `${keyOf(seed[2])}+1`;
    expect(await tgtText(seed[2])).toBe(seed[2].tgt!.text);
    expect(await tgtText(second)).toBe(seed[3].tgt!.text);
    await decided(() => page.keyboard.press('c'));
    await page.keyboard.press('j');
    await decided(() => page.keyboard.press('c'));

    const edited = `Правка редактора: ${seed[5].tgt!.text}`;
    await go(seed[5]);
    await page.keyboard.press('e');
    await page.locator('.row.current textarea').fill(edited);
    await decided(() => page.keyboard.press('Control+Enter'));
    expect(await tgtText(seed[5])).toBe(edited);
    expect(await rowOf(seed[5]).locator('.badge.origin').textContent()).toBe('human');
    // The edited text is matched against the glossary again: its terms are still marked.
    const tgtTerms = seed[5].terms.filter((m) => m.side === 'tgt').map((m) => m.surface);
    expect(await rowOf(seed[5]).locator('.side.tgt mark.term').allTextContents()).toEqual(tgtTerms);
    await decided(() => page.keyboard.press('Control+z'));
    expect(await tgtText(seed[5])).toBe(seed[5].tgt!.text);
    await decided(() => page.keyboard.press('Control+y'));
    expect(await tgtText(seed[5])).toBe(edited);
    await decided(() => page.keyboard.press('c'));

    await go(seed[7]); // its source sentence up into the bead before, then undone
    await decided(() => page.keyboard.press('Alt+Shift+ArrowUp'));
    expect(await sideText(seed[6], 'src')).toBe(`${seed[6].src.text} ${seed[7].src.text}`);
    expect(await rowOf(seed[7]).locator('.badge.shape').textContent()).toBe('0:1');
    await decided(() => page.keyboard.press('Control+z'));
    expect(await sideText(seed[7], 'src')).toBe(seed[7].src.text);

    const [a, b] = seed.slice(-2);
    await go(a);
    await decided(() => page.keyboard.press('m'));
    await decided(() => page.keyboard.press('c'));
    expect(await rowOf(b).count()).toBe(0);

    await go(seed[4]);
    await page.keyboard.press('t');
    await page.locator('.row.current input.term-note').fill('wrong form of the name');
    await decided(() => page.keyboard.press('Enter'));
    expect(await rowOf(seed[4]).locator('.finding.term-problem').textContent()).toContain('wrong form of the name');
  });

  it('keeps every decision across a reload and a restart of the server', async () => {
    const snapshot = () => page.locator('.row').evaluateAll((rows) => rows.map((r) => [
      r.getAttribute('data-key'), r.classList.contains('confirmed'), r.querySelector('.side.tgt .text')?.textContent,
      r.querySelectorAll('.finding.term-problem').length,
    ]));
    const before = await snapshot();
    expect(before.filter((r) => r[1]).length).toBe(6);
    await page.reload();
    await page.waitForSelector('body[data-ready]');
    expect(await snapshot()).toEqual(before);
    await running.stop();
    running = await serveReview(jobDir, [GLOSSARY]);
    await open(running.server.url);
    expect(await snapshot()).toEqual(before);
    const shot = join(tmpdir(), 'tandem-review.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(readFileSync(shot).length).toBeGreaterThan(10_000);
  });

  it('writes the outputs from the page: TMX and XLIFF carry the corrections and the confirmations', async () => {
    await page.locator('#apply').click(); // "Write outputs": apply-review from the page
    await page.waitForSelector('#status[data-state="written"]');
    expect(await page.locator('#status').textContent()).toContain('(6 confirmed segments)');
    const tmxPath = join(jobDir, 'en-ru.tmx');
    execFileSync('xmllint', ['--noout', '--dtdvalid', join(SPECS, 'tmx/tmx14.dtd'), tmxPath], { stdio: 'pipe' });
    const pair = (s: Segment, id = s.id, src = s.src.text, tgt = s.tgt!.text) => [`${s.doc}#${id}`, src, tgt];
    const [a, b] = seed.slice(-2);
    // Same-language segments (the quoted Russian caption, the tweet signature) stay out of the TMX.
    const sameLanguage = new Set(seed.filter((s) => s.tgt?.lang === s.src.lang).map((s) => `${s.doc}#${s.id}`));
    const translated = ([key]: string[]) => !sameLanguage.has(key);
    const expected = [
      pair(seed[0]), pair(seed[1]), pair(seed[2]), pair(seed[3], `${seed[2].id}+1`), pair(seed[4]),
      pair(seed[5], seed[5].id, seed[5].src.text, `Правка редактора: ${seed[5].tgt!.text}`),
      ...seed.slice(6, -2).map((s) => pair(s)),
      pair(a, a.id, `${a.src.text} ${b.src.text}`, `${a.tgt!.text} ${b.tgt!.text}`),
      ...hostileSegments().map((s) => pair(s)),
    ].filter(translated);
    const written = readTmx(readFileSync(tmxPath, 'utf8'));
    expect(written.map((s) => [`${s.doc}#${s.id}`, s.src.text, s.tgt?.text])).toEqual(expected);
    const reviewed = [seed[0].id, seed[1].id, seed[2].id, `${seed[2].id}+1`, seed[5].id, a.id];
    expect(written.filter((s) => s.reviewed).map((s) => s.id))
      .toEqual(reviewed.filter((id) => translated([`${a.doc}#${id}`])));
    const editedTerms = written.find((s) => s.id === seed[5].id)!.terms.filter((m) => m.side === 'tgt');
    expect(editedTerms.map((m) => m.surface)).toEqual(seed[5].terms.filter((m) => m.side === 'tgt').map((m) => m.surface));
    for (const m of editedTerms) expect(written.find((s) => s.id === seed[5].id)!.tgt!.text.slice(m.start, m.end)).toBe(m.surface);
    const xliffPath = join(jobDir, 'xliff', ...`${seed[0].doc}.en-ru.xlf`.split('/'));
    execFileSync('xmllint', ['--noout', '--schema', join(SPECS, 'xliff/driver.xsd'), xliffPath], { stdio: 'pipe' });
    const xliff = readFileSync(xliffPath, 'utf8');
    expect(readXliff(xliff).filter((s) => s.reviewed).map((s) => s.id)).toEqual(reviewed);
    expect(xliff.match(/state="reviewed"/g)).toHaveLength(reviewed.length);
    expect(readdirSync(join(jobDir, 'review')).sort()).toEqual(['base.jsonl', 'journal.jsonl', 'lock']);
  });

  it('rewrites the pipeline\'s files byte for byte when there is nothing to apply', async () => {
    const files = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && !e.parentPath.includes('.tandem-state'))
      .map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
    const before = new Map(files(untouched).map((f) => [f, readFileSync(join(untouched, f))]));
    // With the job's glossary, as `apply-review --job` loads it: XLIFF notes name preferred forms.
    const glossary = await loadGlossary([GLOSSARY]);
    const summary = await applyReview(untouched, { glossary });
    expect(summary.decisions).toBe(0);
    for (const [file, bytes] of before) expect(readFileSync(join(untouched, file)).equals(bytes), file).toBe(true);
    expect(files(untouched).filter((f) => !before.has(f))).toEqual(['review/base.jsonl', 'review/journal.jsonl']);
  });
});
