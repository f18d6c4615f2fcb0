// Plurals of a terminology glossary's common nouns and adjectives (words in lower case in their term):
// "polling stations", «на избирательных участках», «виборчих дільницях» are mentions of the term, and a
// check of a correct plural translation finds the term. Names (capitalised) get no plural of their own.
import { describe, expect, it } from 'vitest';
import { createMatcher, normalize, parseGlossary } from '../../src/glossary/index.ts';

const GLOSSARY = parseGlossary(`
entries:
  - id: polling-station
    type: term
    terms:
      - { text: polling station, lang: en, status: preferred }
      - { text: избирательный участок, lang: ru, status: preferred }
      - { text: виборча дільниця, lang: uk, status: preferred }
      - { text: выбарчы ўчастак, lang: be, status: preferred }
  - id: mobilisation
    type: term
    terms:
      - { text: mobilisation, lang: en, status: preferred }
      - { text: mobilization, lang: en, status: deprecated }
      - { text: мобилизация, lang: ru, status: preferred }
  - id: minsk
    type: place
    terms:
      - { text: Minsk, lang: en, status: preferred }
      - { text: Минск, lang: ru, status: preferred }
`, 'terms.yaml');
const matcher = createMatcher(GLOSSARY);
const found = (text: string, lang: string) => matcher.find(text, lang).map((m) => `${m.entry}:${m.surface}`);

describe('plurals of common terms', () => {
  it('are mentions in English, Russian, Ukrainian and Belarusian, in every case', () => {
    expect(found('Polling stations closed at eight; the polling station in Minsk stayed open.', 'en'))
      .toEqual(['polling-station:Polling stations', 'polling-station:polling station', 'minsk:Minsk']);
    expect(found('На избирательных участках было тихо. Избирательные участки закрылись, мобилизаций не было.', 'ru'))
      .toEqual(['polling-station:избирательных участках', 'polling-station:Избирательные участки', 'mobilisation:мобилизаций']);
    expect(found('Виборчі дільниці закрили. На виборчих дільницях було тихо.', 'uk'))
      .toEqual(['polling-station:Виборчі дільниці', 'polling-station:виборчих дільницях']);
    expect(found('Выбарчыя ўчасткі зачыніліся. На выбарчых участках было ціха.', 'be'))
      .toEqual(['polling-station:Выбарчыя ўчасткі', 'polling-station:выбарчых участках']);
  });

  it('are rewritten to the house style in the plural, and a name gets no plural', () => {
    const r = normalize('The mobilizations of 2022.', 'en', matcher, GLOSSARY);
    expect(r.text).toBe('The mobilisations of 2022.');
    expect(r.changes.map((c) => `${c.before}→${c.after}`)).toEqual(['mobilizations→mobilisations']);
    expect(found('Minsks and Минсков are no names.', 'en')).toEqual([]);
  });
});
