// The aligner's parts on small real inputs: dictd reading, review flags, the gold format and scores,
// the length model, and the band that coarse-to-fine search hands to the dynamic programme.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { beadFlags, formatGold, parseGold, strictScores } from '../../src/align/index.ts';
import { lengthCost, shapeAndLengthCost, shapeAndLengthFloor, sharedIds } from '../../src/align/cost.ts';
import { defaultModel } from '../../src/align/model.ts';
import { cognateKey, joinSpan, joinUnits, sentenceUnit, Vocabulary } from '../../src/align/features.ts';
import { IdSet, sharedOnly } from '../../src/align/idsets.ts';
import { loadLexicon, readDictd } from '../../src/align/lexicon.ts';
import { bandFromCoarse } from '../../src/align/search.ts';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const b64 = (n: number) => { let s = ''; do { s = B64[n % 64] + s; n = Math.floor(n / 64); } while (n); return s; };

/** Writes a dictd database the way dictfmt does: entries in .dict(.dz), base64 offsets in .index. */
function writeDictd(dir: string, name: string, entries: Array<[string, string]>) {
  let body = '', index = '';
  for (const [head, text] of entries) {
    const entry = `${head}\n${text}\n`;
    index += `${head.split(' /')[0]}\t${b64(Buffer.byteLength(body))}\t${b64(Buffer.byteLength(entry))}\n`;
    body += entry;
  }
  writeFileSync(join(dir, `${name}.index`), index);
  writeFileSync(join(dir, `${name}.dict.dz`), gzipSync(body));
}

// Dictionaries written for a test, and their compiled cache, live in a folder that goes with the
// test: a cache file per fixture folder in the user's ~/.cache/tandem piled up with every run.
const scratch = mkdtempSync(join(tmpdir(), 'tandem-parts-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const fixtureDir = (name: string) => mkdtempSync(join(scratch, name));
function fixtureLexicon(src: string, tgt: string, dir: string) {
  const before = process.env.TANDEM_CACHE_DIR;
  process.env.TANDEM_CACHE_DIR = join(scratch, 'cache');
  try { return loadLexicon(src, tgt, dir); } finally {
    if (before === undefined) delete process.env.TANDEM_CACHE_DIR; else process.env.TANDEM_CACHE_DIR = before;
  }
}

describe('dictionaries', () => {
  it('reads FreeDict entries: unnumbered and numbered senses, not definitions', () => {
    const dir = fixtureDir('dict-');
    writeDictd(dir, 'freedict-eng-rus', [
      ['April /eiprəl/', 'апрель'],
      ['strike /straik/', '1. забастовка, стачка\n2. удар'],
      ['Berg /bɛʁk/ <n, masc>', '1. montagne, mont\ngroße, steile Erhebung'],
    ]);
    expect([...readDictd(join(dir, 'freedict-eng-rus'))]).toEqual([
      ['April', ['апрель']], ['strike', ['забастовка', 'стачка', 'удар']], ['Berg', ['montagne', 'mont']],
    ]);
    const lexicon = fixtureLexicon('en', 'ru', dir)!;
    // Stems on both sides: "strikes" finds "забастовк", which "забастовки" also stems to.
    expect(lexicon.translate('strikes')).toContain(lexicon.targetStem('забастовки'));
    expect(lexicon.translate('April')).toContain(lexicon.targetStem('апреля'));
    expect(fixtureLexicon('ru', 'en', dir)!.translate('забастовкой')).toContain('strike');
  });

  it('is optional: no dictionary for the pair gives no lexicon', () => {
    const empty = fixtureDir('nodict-');
    expect(fixtureLexicon('en', 'ru', empty)).toBeUndefined();
    expect(loadLexicon('en', 'en')).toBeUndefined();
  });
});

describe('anchors', () => {
  it('keys names across scripts and numbers across separators', () => {
    expect(cognateKey('Lukashenko')).toBe(cognateKey('Лукашенко'));
    expect(cognateKey('Himalaya')).toBe(cognateKey('himalayens'));
    const vocab = new Vocabulary();
    const en = sentenceUnit('Revenue rose to 1,200,000 roubles, see https://example.org/a?', vocab, { lang: 'en', side: 'src' });
    const ru = sentenceUnit('Выручка выросла до 1 200 000 рублей, см. https://example.org/a?', vocab, { lang: 'ru', side: 'tgt' });
    const shared = [...en.ids].filter((id) => ru.ids.includes(id));
    expect(shared.length).toBeGreaterThanOrEqual(3); // the number, the URL and the question mark
  });

  it('reads words and numbers as the tokenising patterns do, across scripts and separators', () => {
    const vocab = new Vocabulary();
    const unit = (text: string) => sentenceUnit(text, vocab, { lang: 'en', side: 'src' });
    const sameIds = (a: string, b: string) => expect([...unit(a).ids], `${a} ~ ${b}`).toEqual([...unit(b).ids]);
    // Digit groups (space, no-break spaces, apostrophes) join; other gaps and 4-digit runs do not.
    sameIds('1 200 000 or 1\u00a0200\u202f000 or 1\'200’000', '1200000');
    sameIds('paid 12 3456', 'paid 3456 12');
    expect(unit('12 3456').ids.length).toBe(2);
    // Decimal points and colons stay inside a number; a trailing one does not.
    sameIds('at 10:30.', '1030');
    // Elisions stay in the word; combining accents and letters outside the BMP are letters.
    sameIds("l'Himalaya", "l'Himalayas");
    expect(unit("Himalaya l'Himalaya").ids.length).toBe(2);
    sameIds('Ре\u0301спублика', 'Ре\u0301спубликой');
    sameIds('Moscow\u{1D400}Minsk', 'Moscow'); // one word: a letter outside the BMP does not split it
    expect(unit('😀 😀 😀 , . ;').ids.length).toBe(0);
    // A lone surrogate (high or low) is one character of no class: it splits words and counts once.
    sameIds('Minsk\udc00Moscow\ud800', 'Minsk Moscow');
    expect(unit('\udc00ab\ud800').len).toBe(4);
    // Length counts whitespace runs once and trims the ends.
    expect(unit('  two\t\n words  ').len).toBe('two words'.length);
  });

  it('joins sentence units into the unit of their paragraph', () => {
    const vocab = new Vocabulary();
    const options = { lang: 'en', side: 'src' } as const;
    const sentences = ['Lukashenko spoke on 14 August.', 'Was it 1 200 people?', ' ', 'See https://tut.by «now»!'];
    const joined = joinUnits(sentences.map((s) => sentenceUnit(s, vocab, options)), vocab);
    const whole = sentenceUnit(sentences.join(' '), vocab, options);
    expect({ ...joined, ids: [...joined.ids] }).toEqual({ ...whole, ids: [...whole.ids] });
    expect(joinUnits([], vocab)).toEqual({ len: 0, ids: [], keys: 0 });
  });

  it('joins the shared ids of sentences into what filtering the joined paragraphs would leave', () => {
    const vocab = new Vocabulary();
    const src = ['Lukashenko spoke in Minsk on 14 August.', 'Was it 1 200 people?', 'Nobody knows.', 'Tikhanovskaya left «today»!']
      .map((t) => sentenceUnit(t, vocab, { lang: 'en', side: 'src' }));
    const tgt = ['Лукашенко выступил 14 августа.', 'Было ли там 1200 человек?', 'Тихановская уехала.']
      .map((t) => sentenceUnit(t, vocab, { lang: 'ru', side: 'tgt' }));
    const shared = sharedOnly(src, tgt);
    // Paragraphs of several sentences and of one (a one-sentence paragraph is that sentence's unit).
    const spans = [[0, 2], [2, 3], [3, 4]], tgtSpans = [[0, 1], [1, 3]];
    const paragraphs = sharedOnly(spans.map(([a, b]) => joinUnits(src.slice(a, b), vocab)), tgtSpans.map(([a, b]) => joinUnits(tgt.slice(a, b), vocab)));
    const plain = (u: { len: number; ids: readonly number[]; keys: number }) => ({ ...u, ids: [...u.ids] });
    expect(spans.map(([a, b]) => plain(joinSpan(src, shared.src, a, b, vocab)))).toEqual(paragraphs.src.map(plain));
    expect(tgtSpans.map(([a, b]) => plain(joinSpan(tgt, shared.tgt, a, b, vocab)))).toEqual(paragraphs.tgt.map(plain));
    expect(paragraphs.src[0].ids.length).toBeGreaterThan(0);
    expect(paragraphs.src[0].keys).toBeGreaterThan(paragraphs.src[0].ids.length); // "spoke", "Minsk" ... count, unshared
  });

  it('leaves out only ids the other side lacks, so every shared count and denominator stays', () => {
    const dir = fixtureDir('dict-');
    writeDictd(dir, 'freedict-eng-rus', [['strike', '1. забастовка, стачка\n2. удар'], ['workers', 'рабочие, работники'], ['city', 'город']]);
    const lexicon = fixtureLexicon('en', 'ru', dir)!;
    const vocab = new Vocabulary();
    const tgt = ['Рабочие Минска объявили забастовку 14 августа.', 'Город встал?']
      .map((t) => sentenceUnit(t, vocab, { lang: 'ru', side: 'tgt', lexicon }));
    const srcTexts = ['Workers in Minsk went on strike on 14 August.', 'The city stopped?', 'Nothing else to say.'];
    const full = srcTexts.map((t) => sentenceUnit(t, vocab, { lang: 'en', side: 'src', lexicon }));
    const lean = srcTexts.map((t) => sentenceUnit(t, vocab, { lang: 'en', side: 'src', lexicon, otherSide: new IdSet(tgt) }));
    const kept = sharedOnly(lean, tgt);
    expect(lean[0].ids.length).toBeLessThan(full[0].ids.length); // "strike" has translations the target lacks
    for (let a = 0; a < full.length; a++) {
      expect([lean[a].len, lean[a].keys, kept.src[a].len, kept.src[a].keys]).toEqual([full[a].len, full[a].keys, full[a].len, full[a].keys]);
      for (let b = 0; b < tgt.length; b++) expect(sharedIds(kept.src[a], kept.tgt[b])).toBe(sharedIds(full[a], tgt[b]));
    }
    expect(sharedIds(full[0], tgt[0])).toBeGreaterThanOrEqual(4); // workers, Minsk, strike, 14
    expect(kept.src[2].ids.length).toBe(0);
  });
});

describe('flags', () => {
  it('marks unpaired, non-1:1 and low-confidence beads', () => {
    expect(beadFlags({ src: [0], tgt: [], score: 0 })).toEqual(['unpaired']);
    expect(beadFlags({ src: [0], tgt: [0], score: 0.9 })).toEqual([]);
    expect(beadFlags({ src: [0, 1], tgt: [0], score: 0.9 })).toEqual(['non-1:1']);
    expect(beadFlags({ src: [0], tgt: [0], score: 0.4 })).toEqual(['low-confidence']);
    expect(beadFlags({ src: [0], tgt: [0], score: 0.4 }, { minScore: 0.3 })).toEqual([]);
  });
});

describe('gold format and strict scores', () => {
  it('round-trips beads and names the line of a malformed one', () => {
    const gold = parseGold('[0]:[0]\n[1, 2]:[1]\n[]:[2]\n[3]:[]\n');
    expect(gold).toEqual([{ src: [0], tgt: [0] }, { src: [1, 2], tgt: [1] }, { src: [], tgt: [2] }, { src: [3], tgt: [] }]);
    expect(formatGold(gold)).toBe('[0]:[0]\n[1, 2]:[1]\n[]:[2]\n[3]:[]\n');
    expect(() => parseGold('[0]:[0]\n0-1\n')).toThrow(/line 2/);
  });

  it('counts only exact beads with both sides non-empty', () => {
    const gold = parseGold('[0]:[0]\n[1, 2]:[1]\n[3]:[]\n');
    const s = strictScores(parseGold('[0]:[0]\n[1]:[1]\n[2]:[]\n[3]:[]\n'), gold);
    expect([s.correct, s.predicted, s.gold]).toEqual([1, 2, 2]);
    expect(s.f1).toBeCloseTo(0.5);
  });
});

describe('length model and band', () => {
  it('costs grow with the length deviation', () => {
    expect(lengthCost(0)).toBeCloseTo(0);
    expect(lengthCost(1)).toBeLessThan(lengthCost(2));
    expect(Number.isFinite(lengthCost(50))).toBe(true);
  });

  it('bounds the shape and length cost of a bead from below without exp or log (the programme skips beads on it)', () => {
    const model = defaultModel(1.1), move = model.moves[1];
    for (let delta = -30; delta <= 30; delta += 0.001) {
      expect(shapeAndLengthFloor(move, delta, model)).toBeLessThanOrEqual(shapeAndLengthCost(move, delta, model));
    }
  });

  it('turns a block path into a monotone band that reaches both corners', () => {
    // 4 source blocks of 8 against 3 target blocks: the second source block has no counterpart.
    const coarse = [{ src: [0], tgt: [0], score: 1 }, { src: [1], tgt: [], score: 0 }, { src: [2], tgt: [1], score: 1 }, { src: [3], tgt: [2], score: 1 }];
    const { lo, hi } = bandFromCoarse(coarse, 30, 20);
    expect(lo[0]).toBe(0);
    expect(hi[30]).toBe(20);
    for (let i = 1; i <= 30; i++) {
      expect(lo[i]).toBeGreaterThanOrEqual(lo[i - 1]);
      expect(hi[i]).toBeGreaterThanOrEqual(hi[i - 1]);
      expect(lo[i]).toBeLessThanOrEqual(hi[i - 1]);
    }
    expect(hi[4] - lo[4]).toBeLessThan(20); // a band, not the full table
  });
});
