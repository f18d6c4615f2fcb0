// Ukrainian and Belarusian reach the English-Russian dictionary through Russian (Apertium's analyser
// and bilingual dictionary; .ci/run installs apertium-rus-ukr and apertium-bel-rus).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alignDocuments, lexiconFor, prepareAlignment, strictScores } from '../../src/align/index.ts';
import { paragraphs, translationDocuments, type Corpus } from '../../scripts/eval/align-data.ts';

const docs = new Map(translationDocuments().map((c) => [c.name.replace('translations/', ''), c]));
const align = (c: Corpus) => alignDocuments(paragraphs(c.src, c.srcParas), paragraphs(c.tgt, c.tgtParas), { srcLang: c.srcLang, tgtLang: c.tgtLang });

describe('a dictionary reached through Russian', () => {
  it('compares a Ukrainian word with English through its Russian lemmas, in both directions', () => {
    const enUk = lexiconFor('en', 'uk')!;
    enUk.prepare!(['За однією з полиць вони знайшли лист.'], 'tgt');
    // полиць is the genitive plural of полиця, Russian полка: "shelves" translates to its stem.
    expect(enUk.translate('shelves')).toEqual(expect.arrayContaining([...enUk.targetStems!('полиць')]));
    expect(enUk.targetStems!('знайшли')).toEqual(['найт']);
    // знайшли is a past form of знайти, Russian найти: "find" translates to it.
    expect(enUk.translate('find')).toEqual(expect.arrayContaining([...enUk.targetStems!('знайшли')]));
    const ukEn = lexiconFor('uk', 'en')!;
    ukEn.prepare!(['Бібліотека знову відкрилася.'], 'src');
    expect(ukEn.translate('Бібліотека')).toContain(ukEn.targetStem('library'));
    // A word Apertium does not know has no dictionary stems (names still meet through transliteration).
    expect(enUk.targetStems!('Костюк')).toEqual([]);
  });

  it('finds sentences an English-Ukrainian and an English-Belarusian translator merged', () => {
    // Without a dictionary the second sentence of each merge was left unpaired: length and names
    // alone could not tell that "They also found a letter…" belongs to the Ukrainian sentence.
    for (const name of ['library-en-uk', 'standoff-en-be']) {
      const c = docs.get(name)!;
      expect(strictScores(align(c), c.gold).f1, name).toBe(1);
    }
    const library = docs.get('library-en-uk')!;
    const letter = align(library).find((b) => library.src[b.src[0]].startsWith('They also found a letter'))!;
    expect(letter.src.map((i) => library.src[i])).toHaveLength(2);
    expect(library.tgt[letter.tgt[0]]).toMatch(/^За однією з полиць/);
  });

  it('looks the words up without blocking for the pipeline, through lttoolbox processes kept running', async () => {
    // Words no other test here looks up: learned by prepareAlignment alone, never by the blocking prepare().
    const enUk = lexiconFor('en', 'uk')!;
    await prepareAlignment(['The harvest was late.'], ['Урожай зібрали пізно, бо весь вересень ішли дощі.'], { srcLang: 'en', tgtLang: 'uk' });
    expect(enUk.targetStems!('Урожай')).toEqual(['урожа']);
    expect(enUk.translate('harvest')).toEqual(expect.arrayContaining([...enUk.targetStems!('Урожай')]));
    expect(enUk.targetStems!('дощі').length).toBeGreaterThan(0);
    // A second document's known words start no lookup; a pair without a pivot has nothing to do.
    await prepareAlignment([], ['Урожай зібрали пізно.'], { srcLang: 'en', tgtLang: 'uk' });
    await prepareAlignment(['Rain.'], ['Дождь.'], { srcLang: 'en', tgtLang: 'ru' });
  });

  describe('without Apertium', () => {
    const empty = mkdtempSync(join(tmpdir(), 'tandem-no-apertium-'));
    const before = process.env.TANDEM_APERTIUM_DIR;
    beforeAll(() => { process.env.TANDEM_APERTIUM_DIR = empty; });
    afterAll(() => { process.env.TANDEM_APERTIUM_DIR = before; if (before === undefined) delete process.env.TANDEM_APERTIUM_DIR; rmSync(empty, { recursive: true }); });
    it('has no lexicon for the pair, and aligns on lengths, names and numbers as before', () => {
      expect(lexiconFor('en', 'uk')).toBeUndefined();
      const c = docs.get('library-en-uk')!;
      expect(strictScores(align(c), c.gold).f1).toBeLessThan(1);
    });
  });
});
