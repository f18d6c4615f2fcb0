// `npm run bench:align`: time and peak memory of aligning generated parallel documents of 1k, 10k and
// 50k sentences a side, each in a fresh process so peak RSS is its own. The target side is a
// "translation" with its own vocabulary, shared numbers and names, length noise, and ~7% of its
// sentences deleted or merged, so the search has real work to do. Also prints strict F1.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { alignSentences, loadLexicon, strictScores } from '../../src/align/index.ts';
import { random } from '../eval/align-data.ts';

interface Generated { src: string[]; tgt: string[]; gold: Array<{ src: number[]; tgt: number[] }> }

export function generate(n: number, seed = 1): Generated {
  const rnd = random(seed);
  const word = (k: number) => 'bcdfghklmnprstvz'[k % 16] + 'aeiou'[(k >> 4) % 5] + 'bcdfghklmnprstvz'[(k >> 7) % 16] + 'aeiou'[(k >> 11) % 5];
  const cyr = (k: number) => 'бвгджзклмнпрстфх'[k % 16] + 'аеиоу'[(k >> 4) % 5] + 'бвгджзклмнпрстфх'[(k >> 7) % 16] + 'ыяюэй'[(k >> 11) % 5] + 'ть';
  const names = ['Lukashenko', 'Tikhanovskaya', 'Minsk', 'Grodno', 'Volkova', 'Sorokin', 'Kuznetsov', 'Belova'];
  const namesRu = ['Лукашенко', 'Тихановская', 'Минск', 'Гродно', 'Волкова', 'Сорокин', 'Кузнецов', 'Белова'];
  const src: string[] = [], tgt: string[] = [], gold: Generated['gold'] = [];
  for (let i = 0; i < n; i++) {
    const len = 4 + Math.floor(rnd() * 22);
    const s: string[] = [], t: string[] = [];
    for (let w = 0; w < len; w++) {
      const r = rnd(), k = Math.floor(rnd() * 60000);
      if (r < 0.03) { const x = String(Math.floor(rnd() * 5000)); s.push(x); t.push(x); }
      else if (r < 0.06) { const p = Math.floor(rnd() * names.length); s.push(names[p]); t.push(namesRu[p]); }
      else { s.push(word(k)); t.push(cyr(k)); if (rnd() < 0.15) t.push(cyr(k + 1)); }
    }
    const r = rnd();
    if (r < 0.035) { gold.push({ src: [i], tgt: [] }); src.push(s.join(' ') + '.'); continue; }
    if (r < 0.07 && tgt.length && gold.at(-1)!.tgt.length) {
      tgt[tgt.length - 1] += ' ' + t.join(' ') + '.';
      gold.at(-1)!.src.push(i);
      src.push(s.join(' ') + '.');
      continue;
    }
    gold.push({ src: [i], tgt: [tgt.length] });
    src.push(s.join(' ') + '.'); tgt.push(t.join(' ') + '.');
  }
  return { src, tgt, gold };
}

function measure(n: number): void {
  const data = generate(n);
  // The dictionary is loaded once per process (from its compiled cache): timed apart from the alignment.
  const loadStart = process.hrtime.bigint();
  const lexicon = loadLexicon('en', 'ru');
  const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
  const started = process.hrtime.bigint(), cpu = process.cpuUsage();
  const beads = alignSentences(data.src, data.tgt, { srcLang: 'en', tgtLang: 'ru', lexicon: lexicon ?? null });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu), cpuSeconds = (used.user + used.system) / 1e6;
  const f1 = strictScores(beads, data.gold).f1;
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(`${String(n).padStart(6)} × ${String(data.tgt.length).padEnd(6)} ${seconds.toFixed(2).padStart(7)} s wall ` +
    `${cpuSeconds.toFixed(2).padStart(7)} s CPU  ${(cpuSeconds / n * 1e6).toFixed(0).padStart(5)} µs CPU/sentence  peak RSS ${rss.toFixed(0).padStart(5)} MB  strict F1 ${f1.toFixed(3)}  (dictionary load ${loadMs.toFixed(0)} ms, not included)`);
}

const sizeArg = process.argv.indexOf('--size');
if (process.argv[1] !== fileURLToPath(import.meta.url)) { /* imported for generate() */ }
else if (sizeArg > 0) measure(Number(process.argv[sizeArg + 1]));
else {
  console.log('sentences a side, wall and CPU time of alignSentences (one process each; generated text with ~7% deletions/merges)');
  const sizes = process.argv.includes('--quick') ? [1000, 10000] : [1000, 10000, 50000];
  for (const n of sizes) {
    execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--size', String(n)], { stdio: 'inherit' });
  }
}
