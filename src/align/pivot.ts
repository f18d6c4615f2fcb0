// Ukrainian and Belarusian have no bilingual dictionary with English (or German, French...) that
// Debian installs, but Apertium's Ukrainian-Russian and Belarusian-Russian data do (apertium-rus-ukr,
// apertium-bel-rus). A word of those languages reaches the other side's dictionary through Russian:
// Apertium's morphological analyser gives its lemmas (полиць → полиця), its bilingual dictionary
// their Russian lemmas (полиця → полка), and those meet the English-Russian dictionary (shelf → полк-).
// Only those two lookups are used, not the whole translation: the full Ukrainian-Russian mode drops
// its whole output on some words (its tagger data is Russian's), and a word's lemmas are what the
// anchors need. Without lttoolbox or the data, there is no pivot and nothing else changes.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../types.ts';
import { loadLexicon, type Lexicon } from './lexicon.ts';

/** Where Apertium's language data is installed; read at each use, so a test can point it elsewhere. */
const apertiumDir = () => process.env.TANDEM_APERTIUM_DIR ?? '/usr/share/apertium';

/** Languages reached through Russian, with Apertium's data for their way into Russian. */
const INTO_RUSSIAN: Record<string, string> = { uk: 'apertium-rus-ukr/ukr-rus', be: 'apertium-bel-rus/bel-rus' };

// Words as the aligner's scan reads them (features.ts), an elision included (ім'я, п’ять).
const WORD = /[\p{L}\p{M}]+(?:['’ʼ][\p{L}]+)?/gu;

/** A language's words → their Russian lemmas (through Apertium's data), filled as documents bring new words. */
class RussianLemmas {
  private readonly lemmas = new Map<string, readonly string[]>();
  private readonly processes: { analyser: LtProc; bilingual: LtProc };
  constructor(private readonly analyser: string, private readonly bilingual: string) {
    // The bilingual mode answers only when its output is flushed, which -z does not do for it: stdbuf
    // (coreutils) turns its buffering off. Without stdbuf the lookups fall back to learn().
    this.processes = { analyser: new LtProc('lt-proc', ['-z', '-w', analyser]),
      bilingual: new LtProc('stdbuf', ['-o0', 'lt-proc', '-z', '-b', bilingual]) };
  }

  get(word: string): readonly string[] { return this.lemmas.get(word) ?? NONE; }

  /** Looks up the words of `texts` not seen yet: two lttoolbox processes per call, none when all are known. */
  learn(texts: readonly string[]): void {
    const words = this.fresh(texts);
    if (!words.length) return;
    const analyses = lttoolbox(['-z', '-w', this.analyser], forApertium(words));
    const perWord = analyses && analysesOf(analyses);
    const russian = perWord && lttoolbox(['-z', '-b', this.bilingual], perWord.flat().map((a) => `^${a}$`));
    this.store(words, perWord, russian);
  }

  /**
   * learn() through two lttoolbox processes kept running: a batch's align stage awaits this before
   * aligning, where starting two processes for every document's new words doubled an EN-UK batch's
   * time. The words come out the same either way.
   */
  async learnAsync(texts: readonly string[]): Promise<void> {
    const words = this.fresh(texts);
    if (!words.length) return;
    const analyses = await this.processes.analyser.lookup(forApertium(words));
    const perWord = analyses && analysesOf(analyses);
    const russian = perWord && await this.processes.bilingual.lookup(perWord.flat().map((a) => `^${a}$`));
    // A process that cannot run leaves the words to learn(), which starts lt-proc for them.
    if (russian) this.store(words, perWord, russian);
  }

  private fresh(texts: readonly string[]): string[] {
    const fresh = new Set<string>();
    for (const text of texts) for (const m of text.matchAll(WORD)) if (!this.lemmas.has(m[0])) fresh.add(m[0]);
    // A long batch brings new words for ever: past this many the table starts again (words are looked up again as they come).
    if (this.lemmas.size + fresh.size > MAX_WORDS) this.lemmas.clear();
    return [...fresh];
  }

  /** Each word's Russian lemmas from the bilingual dictionary's answers, in the order of its analyses. */
  private store(words: string[], perWord: string[][] | undefined, russian: string[] | undefined): void {
    let at = 0;
    words.forEach((word, k) => {
      const found = new Set<string>();
      for (let n = 0; n < (perWord?.[k].length ?? 0); n++, at++) {
        for (const m of (russian?.[at] ?? '').matchAll(/\/([^/<$@#*]+)/g)) found.add(m[1].toLowerCase());
      }
      this.lemmas.set(word, found.size ? [...found] : NONE);
    });
  }
}

/** One segment per word, flushed on NUL (-z): on separate lines the analyser would still join
 * neighbours into its multiword units. Apertium spells the apostrophe as ASCII. */
const forApertium = (words: string[]) => words.map((w) => w.replace(/[’ʼ]/g, "'"));

/** Each analysed word's analyses (lemma and tags), which the bilingual dictionary needs whole; none for an unknown word. */
const analysesOf = (analyses: string[]) => analyses.map((a) => [...a.matchAll(/\/([^/$]+)/g)].map((m) => m[1]).filter((x) => !x.startsWith('*')));

const NONE: readonly string[] = [];
const MAX_WORDS = 300_000;
/** How long a kept lttoolbox process may take to answer one lookup (a document's new words: milliseconds). */
const LOOKUP_TIMEOUT_MS = 30_000;

/** Output segments of `lt-proc` for NUL-separated inputs, or undefined when it cannot run. */
function lttoolbox(args: string[], inputs: string[]): string[] | undefined {
  if (!inputs.length) return [];
  const run = spawnSync('lt-proc', args, { input: inputs.join('\0') + '\0', encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 120_000 });
  if (run.error || run.status !== 0) return undefined;
  const out = run.stdout.split('\0');
  return out.length >= inputs.length ? out.slice(0, inputs.length) : undefined;
}

/** Whether a kept process's pipes hold the event loop (they are sockets, which can be ref'd and unref'd). */
function hold(child: ChildProcessWithoutNullStreams, on: boolean): void {
  for (const pipe of [child.stdout, child.stdin] as unknown as Array<{ ref?: () => void; unref?: () => void }>) {
    if (on) pipe.ref?.(); else pipe.unref?.();
  }
}

/**
 * An `lt-proc -z` kept running: inputs written NUL-separated, answers read back in order. It holds the
 * event loop only while a lookup waits; a process that fails answers undefined from then on.
 */
class LtProc {
  private child?: ChildProcessWithoutNullStreams;
  private broken = false;
  private buffer = '';
  private readonly waiting: Array<{ left: number; got: string[]; done: (out: string[] | undefined) => void }> = [];
  constructor(private readonly command: string, private readonly args: string[]) {}

  lookup(inputs: string[]): Promise<string[] | undefined> {
    if (!inputs.length) return Promise.resolve([]);
    const child = this.start();
    if (!child) return Promise.resolve(undefined);
    return new Promise((done) => {
      if (!this.waiting.length) hold(child, true);
      // A process that stops answering is given up (its lookups then start lt-proc for themselves):
      // a batch must not wait for it for ever.
      const timer = setTimeout(() => this.giveUp(), LOOKUP_TIMEOUT_MS);
      this.waiting.push({ left: inputs.length, got: [], done: (out) => { clearTimeout(timer); done(out); } });
      child.stdin.write(inputs.join('\0') + '\0');
    });
  }

  /** Marks the process broken, ends it, and answers every waiting lookup with undefined. */
  private giveUp(): void {
    this.broken = true;
    const child = this.child;
    this.child = undefined;
    for (const w of this.waiting.splice(0)) w.done(undefined);
    child?.kill();
  }

  private start(): ChildProcessWithoutNullStreams | undefined {
    if (this.broken) return undefined;
    if (this.child) return this.child;
    const child = spawn(this.command, this.args, { stdio: ['pipe', 'pipe', 'ignore'] }) as unknown as ChildProcessWithoutNullStreams;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => this.read(chunk));
    const fail = () => this.giveUp();
    child.on('error', fail);
    child.on('exit', fail);
    child.stdin.on('error', fail);
    // Idle, it does not keep tandem running; it ends when tandem does (its input closes).
    child.unref();
    hold(child, false);
    return (this.child = child);
  }

  private read(chunk: string): void {
    this.buffer += chunk;
    let at: number;
    while ((at = this.buffer.indexOf('\0')) >= 0 && this.waiting.length) {
      const head = this.waiting[0];
      head.got.push(this.buffer.slice(0, at));
      this.buffer = this.buffer.slice(at + 1);
      if (--head.left === 0) {
        this.waiting.shift();
        head.done(head.got);
        if (!this.waiting.length && this.child) hold(this.child, false);
      }
    }
  }
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
 * Russian (the installed lexicon of that side's language with Russian), or undefined.
 */
export function pivotLexicon(srcLang: Lang, tgtLang: Lang): Lexicon | undefined {
  const key = `${srcLang}|${tgtLang}|${apertiumDir()}`;
  if (pivots.has(key)) return pivots.get(key);
  let lexicon: Lexicon | undefined;
  const srcLemmas = lemmasOf(srcLang), tgtLemmas = lemmasOf(tgtLang);
  if (tgtLemmas && !srcLemmas) {
    const base = loadLexicon(srcLang, 'ru');
    if (base) {
      lexicon = {
        translate: base.translate,
        targetStem: () => undefined,
        targetStems: (word) => unique(tgtLemmas.get(word), (l) => { const s = base.targetStem(l); return s ? [s] : NONE; }),
        prepare: (texts, side) => { if (side === 'tgt') tgtLemmas.learn(texts); },
        prepareAsync: async (texts, side) => { if (side === 'tgt') await tgtLemmas.learnAsync(texts); },
        size: base.size,
      };
    }
  } else if (srcLemmas && !tgtLemmas) {
    const base = loadLexicon('ru', tgtLang);
    if (base) {
      lexicon = {
        translate: (word) => unique(srcLemmas.get(word), base.translate),
        targetStem: base.targetStem,
        prepare: (texts, side) => { if (side === 'src') srcLemmas.learn(texts); },
        prepareAsync: async (texts, side) => { if (side === 'src') await srcLemmas.learnAsync(texts); },
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
