// A generated corpus of parallel and single documents, recombined from the seed pair and the UDHR
// (../shared/data/udhr, English-Russian with its paragraph gold alignment), for the pipeline
// benchmark and the resume test. Deterministic for a given seed: same files, same bytes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// The eval sets' seeded PRNG, so the corpus is the same on every machine.
import { random } from '../eval/align-data.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const UDHR = resolve(REPO, '..', 'shared', 'data', 'udhr');
const SEED = join(REPO, 'seeds', '000_31852e31f9f7630b');

export interface CorpusOptions {
  /** Number of documents to write (pairs count as two). */
  documents: number;
  seed?: number;
  /** Share of documents written without a translation. */
  singles?: number;
}

const paragraphsOf = (text: string) => text.replace(/^\s*date \d{4}-\d{2}-\d{2}\s*/, '').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);

/** Parallel paragraph pairs: the seed's five and the UDHR's gold 1:1 beads. */
export function parallelParagraphs(): Array<[string, string]> {
  const en = readFileSync(join(UDHR, 'eng.paras.txt'), 'utf8').split('\n');
  const ru = readFileSync(join(UDHR, 'rus.paras.txt'), 'utf8').split('\n');
  const pairs: Array<[string, string]> = [];
  for (const line of readFileSync(join(UDHR, 'eng-rus.paras.gold'), 'utf8').split('\n')) {
    const m = /^\[(\d+)\]:\[(\d+)\]$/.exec(line.trim());
    if (m && en[+m[1]]?.trim() && ru[+m[2]]?.trim()) pairs.push([en[+m[1]].trim(), ru[+m[2]].trim()]);
  }
  const seedEn = paragraphsOf(readFileSync(SEED + '.txt', 'utf8'));
  const seedRu = paragraphsOf(readFileSync(SEED + '.ru.txt', 'utf8'));
  seedEn.forEach((p, k) => pairs.push([p, seedRu[k]]));
  return pairs;
}

/** Writes the corpus into `dir` (doc-00000.txt / doc-00000.ru.txt ...) and returns the byte count. */
export function generateCorpus(dir: string, options: CorpusOptions): { files: number; bytes: number } {
  const rand = random(options.seed ?? 1);
  const pairs = parallelParagraphs();
  mkdirSync(dir, { recursive: true });
  let files = 0, bytes = 0, k = 0;
  const write = (name: string, text: string) => { writeFileSync(join(dir, name), text); files++; bytes += Buffer.byteLength(text); };
  while (files < options.documents) {
    const count = 3 + Math.floor(rand() * 8);
    const picked = Array.from({ length: count }, () => pairs[Math.floor(rand() * pairs.length)]);
    const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
    const header = `date 2020-08-${day}\n`;
    const name = `doc-${String(k++).padStart(5, '0')}`;
    write(`${name}.txt`, header + picked.map((p) => p[0]).join('\n\n') + '\n');
    if (files < options.documents && rand() >= (options.singles ?? 0.1)) {
      write(`${name}.ru.txt`, header + picked.map((p) => p[1]).join('\n\n') + '\n');
    }
  }
  return { files, bytes };
}
