// The review page in a real browser (Debian's Chromium through playwright-core) on the seed job:
// keyboard navigation, confirm, split, move, merge, edit, undo/redo, term flag, reload, restart of
// the server, apply-review, and segment text that must never run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTmx, readXliff } from '../../src/export/index.ts';
import { applyReview, createChecker, loadGlossary, segmentsToBeads, beadToSegment } from '../../src/review/index.ts';
import { HOSTILE, RU, hostileSegments, seedSegments, seedSentences, writeJob } from './fixture.ts';
import { launchChromium, serveReview, type Browser, type Running } from './harness.ts';

const SPECS = new URL('../../../shared/specs/', import.meta.url).pathname;
const EDITED = 'В пятницу днём они вышли с завода в центр города с криками «Жыве Беларусь!» и «Уходи!», обращёнными к Лукашенко.';

let root: string, jobDir: string, glossaryPath: string;
let browser: Browser, running: Running, page: Page;

const rowOf = (id: string, doc = 'seed.en.txt') => page.locator(`.row[data-doc="${doc}"][data-segment-id="${id}"]`);
const currentId = () => page.locator('.row.current').getAttribute('data-segment-id');
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

async function go(id: string): Promise<void> {
  await rowOf(id).locator('.meta').click();
  expect(await currentId()).toBe(id);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tandem-review-'));
  jobDir = writeJob(root);
  glossaryPath = join(root, 'glossary.yaml');
  running = await serveReview(jobDir, [glossaryPath]);
  browser = await launchChromium();
  page = await browser.context.newPage();
  await open(running.server.url);
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

describe('review page', () => {
  it('shows every bead with its id, badges, term entries and normalisation diff', async () => {
    const segments = [...seedSegments(), ...hostileSegments()];
    expect(await page.locator('.row[data-segment-id]').count()).toBe(segments.length);
    expect(await page.locator('.row').first().getAttribute('data-segment-id')).toBe('0');
    const low = rowOf('3');
    expect(await low.getAttribute('class')).toContain('low');
    expect(await low.locator('.badge.score').textContent()).toBe('0.42');
    expect(await low.locator('del.norm').textContent()).toBe('Sviatlana Tsikhanouskaya');
    expect(await low.locator('ins.norm').textContent()).toBe('Svetlana Tikhanovskaya');
    expect(await rowOf('8').locator('.badge.origin').textContent()).toBe('MT');
    expect(await rowOf('7').locator('.badge.shape').textContent()).toBe('1:2');
    const term = rowOf('0').locator('mark.term').first();
    expect(await term.textContent()).toBe('Lukashenko');
    expect(await term.getAttribute('title')).toContain('Preferred: Alexander Lukashenko (en), Lukashenko (en), Лукашенко (ru)');
  });

  it('shows the findings tandem check reports, on the beads they concern', async () => {
    await page.waitForSelector('body[data-findings]');
    const glossary = (await loadGlossary([glossaryPath]))!;
    const beads = segmentsToBeads([...seedSegments(), ...hostileSegments()]);
    const expected = createChecker()(beads.map((b) => beadToSegment(b)), glossary);
    const shown = await page.locator('.row:has(.finding)').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));
    expect(shown.sort()).toEqual([...expected.keys()].sort());
    for (const [key, list] of expected) {
      expect(await page.locator(`.row[data-key="${key}"] .finding`).count()).toBe(list.length);
    }
  });

  it('shows hostile segment text as text and never runs it', async () => {
    for (const h of HOSTILE) {
      await expect(page.getByText(h.src, { exact: true })).toBeTruthy();
      expect(await page.locator('.row', { hasText: h.src }).count()).toBe(1);
    }
    expect(await page.locator('#list script, #list img, #list a, #list [onerror]').count()).toBe(0);
    await page.locator('.row[data-doc="hostile.en.txt"] .text').first().click();
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('.row[data-doc="hostile.en.txt"]').first().locator('.side.tgt .text').textContent()).toBe(HOSTILE[0].tgt);
  });

  it('moves through beads by keyboard: next, previous, next flagged, next unconfirmed', async () => {
    await page.keyboard.press('Home');
    expect(await currentId()).toBe('0');
    await page.keyboard.press('j');
    await page.keyboard.press('ArrowDown');
    expect(await currentId()).toBe('2');
    await page.keyboard.press('k');
    expect(await currentId()).toBe('1');
    await page.keyboard.press('f'); // the 2:2 bead
    expect(await currentId()).toBe('2');
    await page.keyboard.press('f'); // low confidence
    expect(await currentId()).toBe('3');
    await page.keyboard.press('Home');
    await decided(() => page.keyboard.press('Enter')); // confirm 0, on to the next unconfirmed
    expect(await currentId()).toBe('1');
    await decided(() => page.keyboard.press('Enter'));
    expect(await currentId()).toBe('2');
    await page.keyboard.press('Home');
    await page.keyboard.press('n');
    expect(await currentId()).toBe('2');
    expect(await rowOf('0').getAttribute('class')).toContain('confirmed');
  });

  it('splits a 2:2 bead, moves a stray target sentence, edits, undoes and redoes, merges', async () => {
    await page.keyboard.press('s');
    expect(await rowOf('2').locator('.act-cut.active').count()).toBe(2);
    await decided(() => page.keyboard.press('Enter'));
    expect(await rowOf('2').locator('.badge.shape').textContent()).toBe('1:1');
    expect(await rowOf('2+1').locator('.side.src .text').textContent()).toBe(seedSentences()[3]);
    await decided(() => page.keyboard.press('c'));
    await page.keyboard.press('j');
    await decided(() => page.keyboard.press('c'));

    await page.keyboard.press('j');
    expect(await currentId()).toBe('3');
    await decided(() => page.keyboard.press('Alt+ArrowDown'));
    expect(await rowOf('3').locator('.side.tgt .text').textContent()).toBe(RU[4]);
    expect(await rowOf('4').locator('.side.tgt .text').textContent()).toBe(RU[5]);
    await decided(() => page.keyboard.press('Enter'));
    await decided(() => page.keyboard.press('Enter'));

    await go('8');
    await page.keyboard.press('e');
    await page.locator('.row.current textarea').fill(EDITED);
    await decided(() => page.keyboard.press('Control+Enter'));
    expect(await rowOf('8').locator('.side.tgt .text').textContent()).toBe(EDITED);
    expect(await rowOf('8').locator('.badge.origin').textContent()).toBe('human');
    await decided(() => page.keyboard.press('Control+z'));
    expect(await rowOf('8').locator('.side.tgt .text').textContent()).toBe(RU[9]);
    await decided(() => page.keyboard.press('Control+y'));
    expect(await rowOf('8').locator('.side.tgt .text').textContent()).toBe(EDITED);
    await decided(() => page.keyboard.press('c'));

    await go('10');
    await decided(() => page.keyboard.press('m'));
    expect(await rowOf('11').count()).toBe(0);
    expect(await rowOf('10').locator('.side.src .text').textContent()).toBe('Гродно. Так выглядят сотрудники предприятия «Гродноазот», которые вышли на забастовку.');
    await decided(() => page.keyboard.press('c'));

    await go('9');
    await page.keyboard.press('t');
    await page.locator('.row.current input.term-note').fill('full name on first mention');
    await decided(() => page.keyboard.press('Enter'));
    expect(await rowOf('9').locator('.finding.term-problem').textContent()).toContain('tikhanovskaya');
  });

  it('keeps every decision across a reload and a restart of the server', async () => {
    const snapshot = () => page.locator('.row').evaluateAll((rows) => rows.map((r) => [
      r.getAttribute('data-key'), r.classList.contains('confirmed'), r.querySelector('.side.tgt .text')?.textContent,
      r.querySelectorAll('.finding.term-problem').length,
    ]));
    const before = await snapshot();
    expect(before.filter((r) => r[1]).length).toBe(8);
    await page.reload();
    await page.waitForSelector('body[data-ready]');
    expect(await snapshot()).toEqual(before);
    await running.stop();
    running = await serveReview(jobDir, [glossaryPath]);
    await open(running.server.url);
    expect(await snapshot()).toEqual(before);
    const shot = join(tmpdir(), 'tandem-review.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(readFileSync(shot).length).toBeGreaterThan(10_000);
  });

  it('applies the review: the TMX and XLIFF carry the corrections and the confirmations', async () => {
    await running.stop();
    const summary = await applyReview(jobDir);
    running = await serveReview(jobDir, [glossaryPath]);
    expect(summary.confirmed).toBe(8);
    const tmxName = readdirSync(jobDir).find((f) => f.endsWith('.tmx'))!;
    const tmx = readFileSync(join(jobDir, tmxName), 'utf8');
    execFileSync('xmllint', ['--noout', '--dtdvalid', join(SPECS, 'tmx/tmx14.dtd'), join(jobDir, tmxName)], { stdio: 'pipe' });
    const en = seedSentences();
    const seed = (id: string, src: string, tgt: string) => [`seed.en.txt#${id}`, src, tgt];
    const expected = [
      seed('0', en[0], RU[0]), seed('1', en[1], RU[1]), seed('2', en[2], RU[2]), seed('2+1', en[3], RU[3]),
      seed('3', en[4], RU[4]), seed('4', en[5], RU[5]), seed('5', en[6], RU[6]), seed('6', en[7], RU[7]),
      seed('7', en[8], RU[8]), seed('8', en[9], EDITED), seed('9', en[10], RU[10]),
      seed('10', 'Гродно. Так выглядят сотрудники предприятия «Гродноазот», которые вышли на забастовку.',
        'Гродно. Так выглядят сотрудники предприятия «Гродноазот», которые вышли на забастовку.'),
      ...HOSTILE.map((h, k) => [`hostile.en.txt#${k}`, h.src, h.tgt]),
    ];
    const units = readTmx(tmx).map((s) => [`${s.doc}#${s.id}`, s.src.text, s.tgt?.text]);
    expect(units).toEqual(expected);
    const reviewed = readTmx(tmx).filter((s) => s.reviewed).map((s) => s.id);
    expect(reviewed).toEqual(['0', '1', '2', '2+1', '3', '4', '8', '10']);
    const xliffDir = join(jobDir, 'xliff');
    const xliffName = readdirSync(xliffDir).find((f) => f.startsWith('seed.en.txt'))!;
    const xliff = readFileSync(join(xliffDir, xliffName), 'utf8');
    expect(readXliff(xliff).filter((s) => s.reviewed).map((s) => s.id)).toEqual(reviewed);
    expect(xliff.match(/state="reviewed"/g)).toHaveLength(reviewed.length);
  });
});
