// Ukrainian and Belarusian have no bilingual dictionary with English (or German, French...) that
// Debian installs, but Apertium's Ukrainian-Russian and Belarusian-Russian data do (apertium-rus-ukr,
// apertium-bel-rus). A word of those languages reaches the other side's dictionary through Russian:
// Apertium's morphological analyser gives its lemmas (полиць → полиця), its bilingual dictionary
// their Russian lemmas (полиця → полка), and those meet the English-Russian dictionary (shelf → полк-).
// Only those two lookups are used, not the whole translation: the full Ukrainian-Russian mode drops
// its whole output on some words (its tagger data is Russian's), and a word's lemmas are what the
// anchors need. Without lttoolbox or the data, there is no pivot and nothing else changes.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../types.ts';
import type { Lexicon } from './lexicon.ts';

/** Where Apertium's language data is installed; read at each use, so a test can point it elsewhere. */
const apertiumDir = () => process.env.TANDEM_APERTIUM_DIR ?? '/usr/share/apertium';

/** Languages reached through Russian, with Apertium's data for their way into Russian. */
const INTO_RUSSIAN: Record<string, string> = { uk: 'apertium-rus-ukr/ukr-rus', be: 'apertium-bel-rus/bel-rus' };

// Words as the aligner's scan reads them (features.ts), an elision included (ім'я, п’ять).
const WORD = /[\p{L}\p{M}]+(?:['’ʼ][\p{L}]+)?/gu;

/** A language's words → their Russian lemmas (through Apertium's data), filled as documents bring new words. */
class RussianLemmas {
  private readonly lemmas = new Map<string, readonly string[]>();
  constructor(private readonly analyser: string, private readonly bilingual: string) {}

  get(word: string): readonly string[] { return this.lemmas.get(word) ?? NONE; }

  /** Looks up the words of `texts` not seen yet: two lttoolbox processes per call, none when all are known. */
  learn(texts: readonly string[]): void {
    const fresh = new Set<string>();
    for (const text of texts) for (const m of text.matchAll(WORD)) if (!this.lemmas.has(m[0])) fresh.add(m[0]);
    if (!fresh.size) return;
    // A long batch brings new words for ever: past this many the table starts again (words are looked up again as they come).
    if (this.lemmas.size + fresh.size > MAX_WORDS) this.lemmas.clear();
    const words = [...fresh];
    // One segment per word, flushed on NUL (-z): on separate lines the analyser would still join
    // neighbours into its multiword units. Apertium spells the apostrophe as ASCII.
    const analyses = lttoolbox(['-z', '-w', this.analyser], words.map((w) => w.replace(/[’ʼ]/g, "'")));
    if (!analyses) { for (const w of words) this.lemmas.set(w, NONE); return; }
    // Each analysis (lemma and tags) separately through the bilingual dictionary, which needs the tags.
    const perWord = analyses.map((a) => [...a.matchAll(/\/([^/$]+)/g)].map((m) => m[1]).filter((x) => !x.startsWith('*')));
    const flat = perWord.flat();
    const russian = flat.length ? lttoolbox(['-z', '-b', this.bilingual], flat.map((a) => `^${a}$`)) : [];
    let at = 0;
    words.forEach((word, k) => {
      const found = new Set<string>();
      for (let n = 0; n < perWord[k].length; n++, at++) {
        for (const m of (russian?.[at] ?? '').matchAll(/\/([^/<$@#*]+)/g)) found.add(m[1].toLowerCase());
      }
      this.lemmas.set(word, found.size ? [...found] : NONE);
    });
  }
}

const NONE: readonly string[] = [];
const MAX_WORDS = 300_000;

/** Output segments of `lt-proc` for NUL-separated inputs, or undefined when it cannot run. */
function lttoolbox(args: string[], inputs: string[]): string[] | undefined {
  const run = spawnSync('lt-proc', args, { input: inputs.join('\0') + '\0', encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 120_000 });
  if (run.error || run.status !== 0) return undefined;
  const out = run.stdout.split('\0');
  return out.length >= inputs.length ? out.slice(0, inputs.length) : undefined;
}

const lemmaTables = new Map<string, RussianLemmas | null>();

function lemmasOf(lang: Lang): RussianLemmas | undefined {
  const base = INTO_RUSSIAN[lang.split('-')[0]];
  if (!base) return undefined;
  const analyser = join(apertiumDir(), `${base}.automorf.bin`), bilingual = join(apertiumDir(), `${base}.autobil.bin`);
  let table = lemmaTables.get(analyser);
  if (table === undefined) {
    table = existsSync(analyser) && existsSync(bilingual) ? new RussianLemmas(analyser, bilingual) : null;
    lemmaTables.set(analyser, table);
  }
  return table ?? undefined;
}

const pivots = new Map<string, Lexicon | undefined>();

/**
 * A lexicon for a pair with a Ukrainian or Belarusian side through the other side's dictionary with
 * Russian (`direct(a, b)`: the installed lexicon of a pair), or undefined.
 */
export function pivotLexicon(srcLang: Lang, tgtLang: Lang, direct: (a: Lang, b: Lang) => Lexicon | undefined): Lexicon | undefined {
  const key = `${srcLang}|${tgtLang}|${apertiumDir()}`;
  if (pivots.has(key)) return pivots.get(key);
  let lexicon: Lexicon | undefined;
  const srcLemmas = lemmasOf(srcLang), tgtLemmas = lemmasOf(tgtLang);
  if (tgtLemmas && !srcLemmas) {
    const base = direct(srcLang, 'ru');
    if (base) {
      lexicon = {
        translate: base.translate,
        targetStem: () => undefined,
        targetStems: (word) => unique(tgtLemmas.get(word), (l) => { const s = base.targetStem(l); return s ? [s] : NONE; }),
        prepare: (texts, side) => { if (side === 'tgt') tgtLemmas.learn(texts); },
        size: base.size,
      };
    }
  } else if (srcLemmas && !tgtLemmas) {
    const base = direct('ru', tgtLang);
    if (base) {
      lexicon = {
        translate: (word) => unique(srcLemmas.get(word), base.translate),
        targetStem: base.targetStem,
        prepare: (texts, side) => { if (side === 'src') srcLemmas.learn(texts); },
        size: base.size,
      };
    }
  }
  pivots.set(key, lexicon);
  return lexicon;
}

function unique(lemmas: readonly string[], map: (lemma: string) => readonly string[]): readonly string[] {
  if (!lemmas.length) return NONE;
  if (lemmas.length === 1) return map(lemmas[0]);
  return [...new Set(lemmas.flatMap(map))];
}
