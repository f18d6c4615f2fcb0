import { afterEach, describe, expect, it } from 'vitest';
import { detect, detectScored } from '../../src/language/index.ts';
import { bloomAdd, bloomHas, deserialize, hasLexicon, lexiconMask, newBloom, serialize, setLexicon } from '../../src/language/lexicon.ts';
import { resetModelCache } from '../../src/language/wordmodel.ts';
import { expandDictionary } from '../../scripts/train/hunspell.ts';

const FOUR = { languages: ['en', 'ru', 'uk', 'be'] };

afterEach(() => {
  setLexicon(undefined); // back to the installed file
  resetModelCache();
});

describe('Hunspell expansion', () => {
  it('applies suffixes with strip and condition, prefixes, and their cross product', () => {
    const aff = [
      'SET UTF-8',
      'SFX A Y 2', 'SFX A   а   ы   [^кгх]а', 'SFX A   а   і   [кгх]а',
      'PFX B Y 1', 'PFX B   0   не   .',
      'SFX C N 1', 'SFX C   0   ам   .',
    ].join('\n');
    const dic = '3\nкніга/AB\nхата/A\nдом/C';
    const forms: string[] = [];
    expandDictionary(aff, dic, (f) => forms.push(f));
    expect(forms.sort()).toEqual(['дом', 'домам', 'кнігі', 'кніга', 'некнігі', 'некніга', 'хата', 'хаты'].sort());
  });
});

describe('Bloom filter', () => {
  it('keeps every added form through serialisation and rejects most others', () => {
    const forms = Array.from({ length: 5000 }, (_, i) => `слова${i}`);
    const filters = [newBloom(5000), newBloom(10), newBloom(10)];
    for (const f of forms) bloomAdd(filters[0], f);
    const back = deserialize(serialize(filters));
    expect(back).toBeDefined();
    expect(forms.every((f) => bloomHas(back![0], f))).toBe(true);
    const strangers = Array.from({ length: 5000 }, (_, i) => `іншае${i}`).filter((f) => bloomHas(back![0], f));
    expect(strangers.length).toBeLessThan(50); // ~0.3% expected at 12 bits a form
    expect(deserialize(Buffer.from('not a lexicon'))).toBeUndefined();
  });
});

describe('lexicon in detection', () => {
  it('is installed by npm ci (prepare script) and knows forms of each language', () => {
    expect(hasLexicon(), 'run `npm run build:lexicon`').toBe(true);
    expect(lexiconMask('сплять')).toBe(2); // uk only
    expect(lexiconMask('возера')).toBe(4); // be only
    expect(lexiconMask('кухне') & 1).toBe(1); // ru
    expect(lexiconMask('мова')).toBe(6); // uk and be
  });

  it('settles one-word forms the n-gram model gets wrong, and the model alone still answers', () => {
    const words = { сплять: 'uk', говорять: 'uk', возера: 'be', вакзал: 'be', кухне: 'ru' };
    for (const [w, lang] of Object.entries(words)) expect(detect(w, FOUR).lang, w).toBe(lang);
    setLexicon(null);
    resetModelCache();
    expect(hasLexicon()).toBe(false);
    expect(lexiconMask('сплять')).toBe(-1);
    // Without the lexicon these single forms are not all placed right, but detection still works.
    const without = Object.entries(words).filter(([w, lang]) => detect(w, FOUR).lang === lang).length;
    expect(without).toBeLessThan(Object.keys(words).length);
    expect(detect('Жыве Беларусь!', FOUR).lang).toBe('be');
    expect(detect('Ми повернулися додому ввечері', FOUR).lang).toBe('uk');
    expect(detect('Мы вернулись домой вечером', FOUR).lang).toBe('ru');
  });
});

describe('Cyrillic outside ru/uk/be', () => {
  // Bulgarian written for this test: no letter of it is foreign to ru/uk/be, only its words are.
  const BULGARIAN = ['Вчера ходихме до морето и се върнахме много късно вечерта.', 'Децата играят в двора, докато майка им готви вечеря.'];

  it('keeps Bulgarian sentences out of the set because the dictionaries do not know their words', () => {
    for (const s of BULGARIAN) {
      expect(detect(s, FOUR).lang, s).toBe('und');
      expect(detectScored(s, { ...FOUR, outside: 'code' }).lang, s).toBe('bg');
    }
    expect(detect('Вчера мы ходили к морю и вернулись очень поздно вечером.', FOUR).lang).toBe('ru');
    // A Bulgarian candidate is not one the lexicon speaks for: the rule stands aside.
    expect(detect(BULGARIAN[0], { languages: ['ru', 'bg'] }).lang).toBe('bg');
  });

  it('without the lexicon gives them to the nearest candidate, unless they write the hard sign as only Bulgarian does', () => {
    setLexicon(null);
    resetModelCache();
    expect(detect(BULGARIAN[1], FOUR).lang).toBe('ru');
    // «върнахме», «късно»: a hard sign before a consonant (outside.ts), which needs no dictionary.
    expect(detect(BULGARIAN[0], FOUR).lang).toBe('und');
  });
});
