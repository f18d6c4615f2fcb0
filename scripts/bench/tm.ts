// `npm run bench:tm`: lookups per second of the translation memory at 100k and 1M entries.
// The memory is generated from real sentences (Text+Berg German/French and UDHR English in
// ../shared/data), recombined into new sentences of 8-35 words; 3% of words get a random suffix so
// the vocabulary keeps growing with the corpus as real memories' does (names, numbers, rare words).
// Queries: stored sentences with one word replaced (fuzzy hits) and fresh recombinations (mostly misses).
// Rates are given per wall-clock second and per CPU-second of this process (the fair figure on a
// shared machine). Run with --max-old-space-size=4096 if the 1M memory does not fit the default heap.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmProvider } from '../../src/translate/tm/provider.ts';
import type { TmUnit } from '../../src/translate/tm/load.ts';
import { random as seededRandom } from '../eval/align-data.ts';

const SHARED = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const lines: string[][] = [];
for (const [dir, pattern] of [['textberg', /\.(de|fr)$/], ['udhr', /^eng\.paras\.txt$/]] as const) {
  for (const file of readdirSync(SHARED + dir).filter((f) => pattern.test(f))) {
    for (const line of readFileSync(`${SHARED}${dir}/${file}`, 'utf8').split('\n')) {
      const words = line.split(/\s+/).filter(Boolean);
      if (words.length >= 4) lines.push(words);
    }
  }
}

// Seeded (the eval sets' PRNG), so every run generates the same corpus.
const random = seededRandom(42);
const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];

function sentence(): string {
  const length = 8 + Math.floor(random() * 28);
  const words: string[] = [];
  while (words.length < length) {
    const line = pick(lines);
    const start = Math.floor(random() * line.length);
    for (const w of line.slice(start, start + 3 + Math.floor(random() * 6))) {
      words.push(random() < 0.03 ? w + Math.floor(random() * 1e6).toString(36) : w);
    }
  }
  return words.slice(0, length).join(' ');
}

function alterOneWord(text: string): string {
  const words = text.split(' ');
  words[Math.floor(words.length / 2)] = 'Zwischenfall' + Math.floor(random() * 1000);
  return words.join(' ');
}

const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
/** Memory the index added: its typed arrays live outside the JS heap, so both are counted. */
function indexBytes(before: NodeJS.MemoryUsage): number {
  const now = process.memoryUsage();
  return now.arrayBuffers - before.arrayBuffers + Math.max(0, now.heapUsed - before.heapUsed);
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
for (const size of sizes.length ? sizes : [100_000, 1_000_000]) {
  const units: TmUnit[] = [];
  for (let i = 0; i < size; i++) {
    const src = sentence();
    units.push({ a: { lang: 'de', text: src }, b: { lang: 'fr', text: src.split(' ').reverse().join(' ') }, ref: `gen#${i}` });
  }
  const tm = tmProvider(units, { minMatch: 75 });
  const before = process.memoryUsage();
  let t = performance.now();
  const buildCpu = process.cpuUsage();
  tm.lookup({ id: 'warm', text: units[0].a.text, srcLang: 'de', tgtLang: 'fr' }); // builds the index
  const buildMs = performance.now() - t;
  const buildUsed = process.cpuUsage(buildCpu);
  const buildCpuS = (buildUsed.user + buildUsed.system) / 1e6;
  const fuzzy = Array.from({ length: 2000 }, () => units[Math.floor(random() * size)].a.text);
  const queries = { 'fuzzy (one word changed)': fuzzy.map(alterOneWord), 'exact': fuzzy.slice(0, 1000), 'new sentences': Array.from({ length: 1000 }, sentence) };
  console.log(`TM with ${size.toLocaleString('en')} entries: index built in ${(buildMs / 1000).toFixed(1)} s (${buildCpuS.toFixed(1)} s CPU), index ${mb(indexBytes(before))} (typed arrays + heap growth), rss ${mb(process.memoryUsage().rss)}`);
  for (const [kind, texts] of Object.entries(queries)) {
    let found = 0, right = 0;
    t = performance.now();
    const cpu = process.cpuUsage();
    texts.forEach((text, i) => {
      const m = tm.lookup({ id: String(i), text, srcLang: 'de', tgtLang: 'fr' });
      if (m) { found++; if (kind !== 'new sentences' && m.entry.source === fuzzy[i]) right++; }
    });
    const s = (performance.now() - t) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuS = (used.user + used.system) / 1e6;
    console.log(`  ${kind.padEnd(26)} ${Math.round(texts.length / s).toLocaleString('en').padStart(7)} lookups/s wall, ${Math.round(texts.length / cpuS).toLocaleString('en').padStart(7)} per CPU-second  (${texts.length} queries, ${found} matched${kind === 'new sentences' ? '' : `, ${right} found their original`})`);
  }
}
