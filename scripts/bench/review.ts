// npm run bench:review — how the review page holds up on a 5,000-segment job: server start-up,
// page load to first rows, keyboard navigation, paging, scrolling frame times and a decision's round
// trip (journaled with fsync) in headless Chromium. Prints figures; asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReviewSession } from '../../src/review/index.ts';
import type { Segment } from '../../src/types.ts';
import { hostileSegments, seedSegments, writeJob } from '../../tests/review/fixture.ts';
import { launchChromium, serveReview } from '../../tests/review/harness.ts';

const COUNT = Number(process.env.SEGMENTS ?? 5000);
const PAGE_SIZES = [100, 1000];

/** The seed job's beads (terms, normalisation, flags) repeated over as many documents as needed. */
function corpus(count: number): Segment[] {
  const unit = [...seedSegments(), ...hostileSegments()];
  return Array.from({ length: count }, (_, k) => {
    const s = unit[k % unit.length];
    return { ...s, doc: `doc${String(Math.floor(k / unit.length)).padStart(4, '0')}/${s.doc}` };
  });
}

const ms = (x: number) => `${x.toFixed(1)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

const root = mkdtempSync(join(tmpdir(), 'tandem-bench-review-'));
try {
  const dir = writeJob(root, corpus(COUNT));
  let t = performance.now();
  const session = await ReviewSession.open(dir);
  console.log(`segments: ${session.beads.length}`);
  console.log(`open review (read, beads, journal): ${ms(performance.now() - t)}`);
  await session.close();
  const running = await serveReview(dir);
  t = performance.now();
  const state = await (await fetch(`${running.server.url}api/state`)).text();
  console.log(`GET /api/state: ${ms(performance.now() - t)}, ${(state.length / 1e6).toFixed(2)} MB`);
  const browser = await launchChromium();
  try {
    for (const size of PAGE_SIZES) {
      const page = await browser.context.newPage();
      t = performance.now();
      await page.goto(`${running.server.url}?pageSize=${size}`);
      await page.waitForSelector('body[data-ready]');
      const load = performance.now() - t;
      const inPage = await page.evaluate(() => (globalThis as unknown as { tandemReview: { loadMs: number; fetchMs: number; renderMs: number } }).tandemReview);
      console.log(`\npage size ${size}: load to first rows ${ms(load)} (in page: state fetch+parse ${ms(inPage.fetchMs)}, first render ${ms(inPage.renderMs)}, all ${ms(inPage.loadMs)})`);
      const timed = async (key: string, times: number, after?: () => Promise<unknown>) => {
        const out: number[] = [];
        for (let i = 0; i < times; i++) {
          const start = performance.now();
          await page.keyboard.press(key);
          await page.evaluate('new Promise((r) => requestAnimationFrame(() => r(null)))');
          out.push(performance.now() - start);
          await after?.();
        }
        return out;
      };
      const renderMs = () => page.evaluate(() => (globalThis as unknown as { tandemReview: { renderMs: number } }).tandemReview.renderMs);
      const inPageRender: number[] = [];
      const down = await timed('j', 60, async () => inPageRender.push(await renderMs()));
      console.log(`  next bead (j) to next frame: median ${ms(median(down))}, p95 ${ms(p95(down))}; render in page: median ${ms(median(inPageRender))}`);
      const pages = await timed('PageDown', 20);
      console.log(`  next page (PageDown) to next frame: median ${ms(median(pages))}, p95 ${ms(p95(pages))}`);
      const end = await timed('End', 1);
      console.log(`  jump to last bead (End): ${ms(end[0])}`);
      await page.keyboard.press('Home');
      // A string, not a function: tsx would wrap a function's inner helpers in its own __name().
      const frames = await page.evaluate(`new Promise((done) => {
        const gaps = []; let last = performance.now(); const until = last + 1500;
        const step = () => { const now = performance.now(); gaps.push(now - last); last = now; scrollBy(0, 120);
          if (now < until) requestAnimationFrame(step); else done(gaps.slice(1)); };
        requestAnimationFrame(step);
      })`) as number[];
      console.log(`  scrolling: ${frames.length} frames in 1.5 s, median frame ${ms(median(frames))}, p95 ${ms(p95(frames))}, worst ${ms(Math.max(...frames))}`);
      const rows = await page.locator('.row').count();
      const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
      console.log(`  rows in the DOM: ${rows}; JS heap ${(heap / 1e6).toFixed(1)} MB`);
      if (size === PAGE_SIZES[0]) {
        await page.keyboard.press('Home');
        const trips: number[] = [];
        for (let i = 0; i < 30; i++) {
          const before = await page.evaluate(() => (globalThis as unknown as { tandemReview: { rev: number } }).tandemReview.rev);
          const start = performance.now();
          await page.keyboard.press('c');
          await page.waitForFunction((r) => (globalThis as unknown as { tandemReview: { rev: number; busy: number } }).tandemReview.rev > r
            && (globalThis as unknown as { tandemReview: { busy: number } }).tandemReview.busy === 0, before);
          trips.push(performance.now() - start);
        }
        console.log(`  confirm (journal fsync + patch + re-render): median ${ms(median(trips))}, p95 ${ms(p95(trips))}`);
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await running.stop();
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
