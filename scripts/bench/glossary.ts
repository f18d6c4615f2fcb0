// npm run bench:glossary: glossary load time and matching throughput with a generated 5,000-entry
// glossary (people, places and organisations with English, Russian and Belarusian terms), on ~4 MB
// of generated English and Russian text in which about one word in twenty is a glossary mention.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { createMatcher, loadGlossaries, normalize, toTbx } from '../../src/glossary/index.ts';
import type { GlossaryEntry } from '../../src/types.ts';

const ENTRIES = Number(process.env.ENTRIES ?? 5000);
const TEXT_MB = Number(process.env.TEXT_MB ?? 4);

// A deterministic generator, so every run measures the same work.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];

const SYL = ['ко', 'ва', 'ле', 'ми', 'но', 'ра', 'сте', 'ло', 'ба', 'ду', 'ше', 'ти', 'гор', 'мар', 'лен', 'вич', 'зан'];
const MALE = ['Александр', 'Сергей', 'Виктор', 'Павел', 'Роман', 'Николай', 'Игорь', 'Андрей'];
const FEMALE = ['Светлана', 'Мария', 'Анна', 'Ольга', 'Елена', 'Татьяна', 'Наталья', 'Ирина'];
const LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', ь: '', я: 'ya', ю: 'yu',
};
const latin = (s: string) => [...s].map((c) => { const l = LATIN[c.toLowerCase()] ?? c; return c === c.toLowerCase() ? l : l.charAt(0).toUpperCase() + l.slice(1); }).join('');
const toBe = (s: string) => s.replace(/и/g, 'і').replace(/ов/g, 'оў');

function makeEntries(): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [];
  for (let i = 0; i < ENTRIES; i++) {
    const stem = pick(SYL) + pick(SYL) + pick(SYL);
    const cap = stem[0].toUpperCase() + stem.slice(1);
    const kind = i % 3;
    if (kind === 0) {
      const female = rand() < 0.5;
      const ru = `${pick(female ? FEMALE : MALE)} ${cap}${female ? 'ская' : 'ский'}`;
      entries.push({ id: `p${i}`, type: 'person', terms: [
        { text: latin(ru), lang: 'en', status: 'preferred', shape: 'fullName' },
        { text: ru, lang: 'ru', status: 'preferred', shape: 'fullName', gender: female ? 'f' : 'm' },
        { text: toBe(ru), lang: 'be', status: 'preferred', shape: 'fullName', gender: female ? 'f' : 'm' },
      ] });
    } else if (kind === 1) {
      entries.push({ id: `g${i}`, type: 'place', terms: [
        { text: latin(cap) + 'sk', lang: 'en', status: 'preferred' },
        { text: cap + 'ск', lang: 'ru', status: 'preferred', gender: 'm' },
        { text: toBe(cap) + 'ск', lang: 'be', status: 'preferred', gender: 'm' },
      ] });
    } else {
      entries.push({ id: `o${i}`, type: 'organisation', terms: [
        { text: `${latin(cap)} Works`, lang: 'en', status: 'preferred' },
        { text: `${latin(cap)} Plant`, lang: 'en', status: 'deprecated' },
        { text: `${cap}ский завод`, lang: 'ru', status: 'preferred' },
      ] });
    }
  }
  return entries;
}

const FILLER_EN = 'the workers said on Friday that the strike would go on until the election was held again and'.split(' ');
const FILLER_RU = 'рабочие заявили в пятницу что забастовка продолжится пока выборы не пройдут заново и'.split(' ');

function makeText(entries: GlossaryEntry[], bytes: number): { en: string[]; ru: string[] } {
  const en: string[] = [], ru: string[] = [];
  let size = 0;
  while (size < bytes) {
    const e = pick(entries);
    const name = (lang: string) => pick(e.terms.filter((t) => t.lang === lang)).text;
    const para = (filler: string[], mention: string) => Array.from({ length: 60 }, (_, k) => (k % 20 === 10 ? mention : pick(filler))).join(' ') + '.';
    const p1 = para(FILLER_EN, name('en')), p2 = para(FILLER_RU, name('ru'));
    en.push(p1); ru.push(p2);
    size += Buffer.byteLength(p1) + Buffer.byteLength(p2);
  }
  return { en, ru };
}

const entries = makeEntries();
const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
const file = join(dir, 'bench.yaml');
writeFileSync(file, YAML.stringify({ name: 'bench', entries }));
writeFileSync(join(dir, 'bench.json'), JSON.stringify({ name: 'bench', entries }));
writeFileSync(join(dir, 'bench.tbx'), toTbx(entries));
try {
  // CPU time beside wall time: on a shared machine the wall clock also counts other people's work.
  const cpu = (since: NodeJS.CpuUsage) => { const u = process.cpuUsage(since); return (u.user + u.system) / 1000; };
  let t0 = performance.now(), c0 = process.cpuUsage();
  const glossary = await loadGlossaries([file]);
  const loadMs = performance.now() - t0, loadCpu = cpu(c0);
  t0 = performance.now(); c0 = process.cpuUsage();
  const matcher = createMatcher(glossary);
  const compileMs = performance.now() - t0, compileCpu = cpu(c0);
  console.log(`glossary: ${ENTRIES} entries, ${glossary.entries.reduce((n, e) => n + e.terms.length, 0)} terms, ${matcher.size} word keys`);
  console.log(`load (YAML parse + schema): ${loadMs.toFixed(0)} ms (cpu ${loadCpu.toFixed(0)} ms); ` +
    `compile (variants, romanisations, case forms): ${compileMs.toFixed(0)} ms (cpu ${compileCpu.toFixed(0)} ms)`);
  for (const other of ['bench.json', 'bench.tbx']) {
    t0 = performance.now(); c0 = process.cpuUsage();
    await loadGlossaries([join(dir, other)]);
    console.log(`load ${other}: ${(performance.now() - t0).toFixed(0)} ms (cpu ${cpu(c0).toFixed(0)} ms)`);
  }

  const text = makeText(entries, TEXT_MB * 1024 * 1024);
  const mb = (paras: string[]) => paras.reduce((n, p) => n + Buffer.byteLength(p), 0) / 1024 / 1024;
  // Warm up (JIT, lazily built structures) so the first language measured is not penalised.
  for (const [lang, paras] of Object.entries(text)) for (const p of paras.slice(0, 300)) normalize(p, lang, matcher, glossary);
  for (const [lang, paras] of Object.entries(text)) {
    t0 = performance.now(); c0 = process.cpuUsage();
    let found = 0;
    for (const p of paras) found += matcher.find(p, lang).length;
    const s = (performance.now() - t0) / 1000, sc = cpu(c0) / 1000;
    t0 = performance.now();
    let changes = 0;
    for (const p of paras) changes += normalize(p, lang, matcher, glossary).changes.length;
    const sn = (performance.now() - t0) / 1000;
    console.log(`${lang}: ${mb(paras).toFixed(2)} MB, ${found} mentions; find ${(mb(paras) / s).toFixed(2)} MB/s (${(mb(paras) / sc).toFixed(2)} MB per cpu-second); normalize ${(mb(paras) / sn).toFixed(2)} MB/s (${changes} changes)`);
  }
  console.log(`heap used: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
