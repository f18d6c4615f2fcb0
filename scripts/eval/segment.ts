// npm run eval:segment [-- --verbose]: precision and recall of sentence boundaries inside paragraphs
// on the annotated sets in data/segment (English and Russian news text; dev may be tuned on, test was
// written before the segmenter was run on it and never is), for tandem's splitSentences and for ICU's
// segmenter alone (what Intl.Segmenter gives without tandem's corrections).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { splitSentences } from '../../src/documents/index.ts';

const dir = fileURLToPath(new URL('../../data/segment/', import.meta.url));
const verbose = process.argv.includes('--verbose');

/** Paragraphs of a set: each its gold sentences, joined by one space into the paragraph's text. */
function load(file: string): string[][] {
  const paragraphs: string[][] = [[]];
  for (const line of readFileSync(dir + file, 'utf8').split('\n')) {
    if (line.startsWith('#')) continue;
    if (line.trim()) paragraphs.at(-1)!.push(line.trim());
    else if (paragraphs.at(-1)!.length) paragraphs.push([]);
  }
  return paragraphs.filter((p) => p.length);
}

/** Offsets where a sentence starts inside the paragraph (the paragraph's start is not a boundary). */
function goldStarts(sentences: string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const s of sentences) { if (at) starts.push(at); at += s.length + 1; }
  return starts;
}

const icu = new Intl.Segmenter('en', { granularity: 'sentence' });
const systems: Record<string, (text: string) => number[]> = {
  tandem: (text) => splitSentences(text).map((s) => s.start).filter((s) => s > 0),
  'ICU alone': (text) => [...icu.segment(text)].map((s) => s.index).filter((s) => s > 0),
};

interface Score { tp: number; pred: number; gold: number }
const pct = (n: number, d: number) => (d ? (100 * n / d).toFixed(1) : '100.0');

for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
  const paragraphs = load(file);
  const line: string[] = [];
  for (const [name, split] of Object.entries(systems)) {
    const score: Score = { tp: 0, pred: 0, gold: 0 };
    for (const sentences of paragraphs) {
      const text = sentences.join(' ');
      const gold = new Set(goldStarts(sentences));
      const found = split(text);
      score.gold += gold.size;
      score.pred += found.length;
      score.tp += found.filter((b) => gold.has(b)).length;
      if (verbose && name === 'tandem') {
        for (const b of found) if (!gold.has(b)) console.log(`  ${file} extra   | ${text.slice(Math.max(0, b - 30), b)}‖${text.slice(b, b + 30)}`);
        for (const b of gold) if (!found.includes(b)) console.log(`  ${file} missed  | ${text.slice(Math.max(0, b - 30), b)}‖${text.slice(b, b + 30)}`);
      }
    }
    const p = pct(score.tp, score.pred), r = pct(score.tp, score.gold);
    line.push(`${name} P ${p} R ${r} (${score.tp}/${score.pred} found, ${score.gold} gold)`);
  }
  console.log(`${file.padEnd(12)} ${paragraphs.length} paragraphs: ${line.join('; ')}`);
}
