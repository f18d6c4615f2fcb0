// Evaluation corpora for the aligner: Text+Berg de-fr and UDHR from ../shared, our EN-RU documents
// from data/align, and the stress sets derived from them (deletions and merges on one side).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseGold } from '../../src/align/index.ts';

export interface Pairing { src: number[]; tgt: number[] }
export interface Corpus { name: string; srcLang: string; tgtLang: string; src: string[]; tgt: string[]; gold: Pairing[];
  /**
   * Sentences the translator moved, as [source, target] indexes: the gold's beads are monotone, so it
   * leaves both unpaired; `# moved: source sentence ⟂ target sentence` in a bead file names them.
   */
  moved?: Array<[number, number]>;
  /** Sentence counts per paragraph, when the documents have paragraphs. */
  srcParas?: number[]; tgtParas?: number[] }

export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const SHARED = resolve(REPO, '..', 'shared', 'data');
const lines = (path: string) => readFileSync(path, 'utf8').replace(/\n$/, '').split('\n');

export function textBerg(name: string): Corpus {
  const dir = join(SHARED, 'textberg');
  return { name: `textberg/${name}`, srcLang: 'de', tgtLang: 'fr', src: lines(join(dir, `${name}.de`)), tgt: lines(join(dir, `${name}.fr`)),
    gold: parseGold(readFileSync(join(dir, `${name}.defr`), 'utf8')) };
}

export function udhr(lang3: 'rus' | 'ukr' | 'bel'): Corpus {
  const dir = join(SHARED, 'udhr');
  const bcp = { rus: 'ru', ukr: 'uk', bel: 'be' }[lang3];
  return { name: `udhr/eng-${lang3}`, srcLang: 'en', tgtLang: bcp, src: lines(join(dir, 'eng.paras.txt')), tgt: lines(join(dir, `${lang3}.paras.txt`)),
    gold: parseGold(readFileSync(join(dir, `eng-${lang3}.paras.gold`), 'utf8')) };
}

export const EN_RU_DIR = join(REPO, 'data', 'align', 'en-ru');

/**
 * Our EN-RU documents: one bead per line, "English sentence(s) ⟂ Russian sentence(s)", sentences
 * inside a side separated by " | ", an empty side for a sentence without counterpart, and a blank
 * line between paragraphs. Lines starting with # are comments.
 */
export function parseBeadFile(name: string, text: string): Corpus {
  const corpus: Corpus = { name, srcLang: 'en', tgtLang: 'ru', src: [], tgt: [], gold: [], srcParas: [0], tgtParas: [0] };
  const moved: string[][] = [];
  text.split('\n').forEach((line, k) => {
    // "# pair: en-uk" names the languages (default en-ru).
    const pair = /^# pair: ([a-z]{2,3})-([a-z]{2,3})\s*$/.exec(line);
    if (pair) { corpus.srcLang = pair[1]; corpus.tgtLang = pair[2]; return; }
    const move = /^# moved: (.+) ⟂ (.+)$/.exec(line);
    if (move) { moved.push([move[1].trim(), move[2].trim(), `${name}:${k + 1}`]); return; }
    if (line.startsWith('#')) return;
    // "¶ ⟂" / "⟂ ¶": a paragraph break on one side only (a paragraph split or merged by the translator).
    const oneSided = /^\s*(¶)?\s*⟂\s*(¶)?\s*$/.exec(line);
    if (oneSided && (oneSided[1] || oneSided[2])) {
      const paras = oneSided[1] ? corpus.srcParas! : corpus.tgtParas!;
      if (paras.at(-1)) paras.push(0);
      return;
    }
    if (!line.trim()) {
      if (corpus.srcParas!.at(-1)! || corpus.tgtParas!.at(-1)!) { corpus.srcParas!.push(0); corpus.tgtParas!.push(0); }
      return;
    }
    const parts = line.split('⟂');
    if (parts.length !== 2) throw new Error(`${name}:${k + 1}: expected one ⟂`);
    const side = (s: string) => s.split(' | ').map((x) => x.trim()).filter(Boolean);
    const [en, ru] = parts.map(side);
    corpus.gold.push({ src: en.map((_, i) => corpus.src.length + i), tgt: ru.map((_, i) => corpus.tgt.length + i) });
    corpus.src.push(...en); corpus.tgt.push(...ru);
    corpus.srcParas![corpus.srcParas!.length - 1] += en.length; corpus.tgtParas![corpus.tgtParas!.length - 1] += ru.length;
  });
  if (!corpus.srcParas!.at(-1) && !corpus.tgtParas!.at(-1)) { corpus.srcParas!.pop(); corpus.tgtParas!.pop(); }
  // A side whose last paragraphs were one-sided breaks (no sentences after them) ends at its last sentence.
  for (const paras of [corpus.srcParas!, corpus.tgtParas!]) while (paras.length > 1 && !paras.at(-1)) paras.pop();
  if (moved.length) {
    corpus.moved = moved.map(([s, t, at]) => {
      const i = corpus.src.indexOf(s), j = corpus.tgt.indexOf(t);
      if (i < 0 || j < 0) throw new Error(`${at}: a moved sentence that is not in the file`);
      return [i, j];
    });
  }
  return corpus;
}

export function enRuDocuments(split: 'dev' | 'test' | 'all' = 'all'): Corpus[] {
  return beadFiles(EN_RU_DIR, 'en-ru').filter((c) => split === 'all' || c.name.startsWith(`en-ru/${split}-`));
}

export const TRANSLATIONS_DIR = join(REPO, 'data', 'align', 'translations');

/**
 * Translations that are not 1:1 copies (merged, split and moved sentences and paragraphs, omissions,
 * translator's notes, captions and tweets left in the original language, an unrelated "translation"),
 * written as probes of the aligner: held out, never used for tuning.
 */
export function translationDocuments(): Corpus[] {
  return beadFiles(TRANSLATIONS_DIR, 'translations');
}

function beadFiles(dir: string, prefix: string): Corpus[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.beads.txt')).sort()
    .map((f) => parseBeadFile(`${prefix}/${f.replace('.beads.txt', '')}`, readFileSync(join(dir, f), 'utf8')));
}

/** The same documents without paragraph structure (as `--presegmented` input gives them). */
export function flat(corpus: Corpus): Corpus {
  return { ...corpus, name: corpus.name + '(flat)', srcParas: undefined, tgtParas: undefined };
}

/** Splits flat sentences back into paragraphs by counts. */
export function paragraphs(sentences: string[], counts?: number[]): string[][] {
  if (!counts) return sentences.map((s) => [s]);
  const out: string[][] = [];
  let at = 0;
  for (const c of counts) { out.push(sentences.slice(at, at + c)); at += c; }
  return out;
}

/**
 * The corpus with the target's paragraph `p` moved to the end, as a translator may move a section:
 * its beads stay in the gold (now crossing the order, so they are scored as pairings, not as a
 * monotone alignment), and so do the named moved pairs.
 */
export function paragraphMoved(corpus: Corpus, p: number): Corpus {
  const counts = corpus.tgtParas!, start = counts.slice(0, p).reduce((a, b) => a + b, 0), size = counts[p];
  const order = [...corpus.tgt.keys()].filter((j) => j < start || j >= start + size);
  for (let j = start; j < start + size; j++) order.push(j);
  const at = new Map(order.map((old, k) => [old, k]));
  const remap = (j: number) => at.get(j)!;
  return { ...corpus, name: `${corpus.name}(¶${p + 1} at the end)`, tgt: order.map((j) => corpus.tgt[j]),
    tgtParas: [...counts.slice(0, p), ...counts.slice(p + 1), size],
    gold: corpus.gold.map((b) => ({ src: b.src, tgt: b.tgt.map(remap) })), moved: corpus.moved?.map(([i, j]) => [i, remap(j)]) };
}

/** Deterministic PRNG (mulberry32) so stress sets are the same on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The stress set: on the target side, about `rate` of the beads lose their target sentences and about
 * `rate` have their last target sentence merged with the next bead's first. Gold follows the edits.
 */
export function stress(corpus: Corpus, seed = 7, rate = 0.07): Corpus {
  const rnd = random(seed);
  const tgt: string[] = [], gold: Pairing[] = [];
  const tgtParas: number[] = [];
  const paraOfTgt = paraIndex(corpus.tgtParas, corpus.tgt.length);
  const beads = corpus.gold;
  for (let k = 0; k < beads.length; k++) {
    const b = beads[k], r = rnd();
    const texts = b.tgt.map((j) => corpus.tgt[j]);
    const push = (src: number[], tt: string[], para: number) => {
      gold.push({ src, tgt: tt.map((_, x) => tgt.length + x) });
      tgt.push(...tt);
      for (let x = 0; x < tt.length; x++) tgtParas[para] = (tgtParas[para] ?? 0) + 1;
    };
    const para = b.tgt.length ? paraOfTgt[b.tgt[0]] : 0;
    if (r < rate / 2 && b.src.length && b.tgt.length) { push(b.src, [], para); continue; }
    const next = beads[k + 1];
    if (r < rate && next && b.src.length && b.tgt.length && next.src.length && next.tgt.length && paraOfTgt[next.tgt[0]] === para) {
      const nextTexts = next.tgt.map((j) => corpus.tgt[j]);
      const merged = [...texts.slice(0, -1), texts.at(-1)! + ' ' + nextTexts[0], ...nextTexts.slice(1)];
      push([...b.src, ...next.src], merged, para);
      k++;
      continue;
    }
    push(b.src, texts, para);
  }
  return { ...corpus, name: `${corpus.name}+stress${seed}`, tgt, gold,
    // A paragraph whose sentences were all deleted is gone from the document, not an empty paragraph.
    tgtParas: corpus.tgtParas ? corpus.tgtParas.map((_, p) => tgtParas[p] ?? 0).filter((c) => c > 0) : undefined };
}

function paraIndex(counts: number[] | undefined, n: number): number[] {
  const out = new Array<number>(n).fill(0);
  if (!counts) return out;
  let at = 0;
  counts.forEach((c, p) => { for (let x = 0; x < c; x++) out[at++] = p; });
  return out;
}
