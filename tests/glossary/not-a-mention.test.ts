// Words that look like a mention and are none: a family plural spelled as another man's surname
// (Ермаков, of the Yermaks, is Yermakov), and a name inside a bare web address (Kiev.ua).
import { describe, expect, it } from 'vitest';
import { createMatcher, normalize, parseGlossary } from '../../src/glossary/index.ts';
import { entries } from './helpers.ts';

const GLOSSARY = parseGlossary(`
entries:
  - id: yermak
    type: person
    gender: m
    terms:
      - { text: Andriy Yermak, lang: en, status: preferred, shape: fullName }
      - { text: Андрей Ермак, lang: ru, status: preferred, shape: fullName }
      - { text: Андрій Єрмак, lang: uk, status: preferred, shape: fullName }
      - { text: Андрэй Ермак, lang: be, status: preferred, shape: fullName }
  - id: kyiv
    type: place
    terms:
      - { text: Kyiv, lang: en, status: preferred }
      - { text: Kiev, lang: en, status: deprecated }
`, 'probe.yaml');
const matcher = createMatcher(GLOSSARY);
const found = (text: string, lang: string) => matcher.find(text, lang).map((m) => `${m.entry}:${m.surface}`);

describe('a family plural spelled as a surname', () => {
  it('is another man after a title or as a subject, the family after a preposition', () => {
    expect(found('Полковник Ермаков прибыл. Ермаков ушёл.', 'ru')).toEqual([]);
    expect(found('У Ермаков дома тихо; Ермаки уехали, с Ермаками не говорили.', 'ru'))
      .toEqual(['yermak:Ермаков', 'yermak:Ермаки', 'yermak:Ермаками']);
    expect(found('Палкоўнік Ермакаў прыехаў; пра Ермакаў пісалі.', 'be')).toEqual(['yermak:Ермакаў']);
    expect(found('Полковник Єрмаків прибув; у Єрмаків гості.', 'uk')).toEqual(['yermak:Єрмаків']);
  });
});

describe('a bare domain', () => {
  it('holds no mention and is never rewritten', () => {
    const text = 'Visit Kiev.ua or president.gov.ua; Kiev said so.';
    expect(found(text, 'en')).toEqual(['kyiv:Kiev']);
    expect(normalize(text, 'en', matcher, GLOSSARY).text).toBe('Visit Kiev.ua or president.gov.ua; Kyiv said so.');
    expect(found('Back in Kiev.Then we left, and KIEV.UA went dark.', 'en')).toEqual(['kyiv:Kiev']);
  });

  it('is a mention of a name spelled as that whole domain (TUT.BY), not of one inside it', () => {
    expect(entries('The portal tut.by reported it; TUT.BY confirmed. Tut.by appealed.', 'en'))
      .toEqual(['tut-by:tut.by', 'tut-by:TUT.BY', 'tut-by:Tut.by']);
    expect(entries('See news.tut.by and lukashenko.by; Lukashenko said.', 'en')).toEqual(['lukashenka:Lukashenko']);
  });
});

describe('a surname after another person\'s given name', () => {
  it('is that person, not the entry: Колесникова is Maria Kalesnikava and the genitive of Andrei Kolesnikov', async () => {
    const { loadGlossaries } = await import('../../src/glossary/index.ts');
    const shipped = await loadGlossaries([new URL('../../glossaries/belarus-2020.yaml', import.meta.url).pathname]);
    const m = createMatcher(shipped);
    const on = (text: string) => m.find(text, 'ru').map((x) => `${x.entry}:${x.surface}`);
    expect(on('О колонке журналиста Андрея Колесникова спорили. С Андреем Колесниковым спорили.')).toEqual([]);
    expect(on('Марии Колесниковой дали 11 лет. Вчера Колесникова выступила.'))
      .toEqual(['kalesnikava:Марии Колесниковой', 'kalesnikava:Колесникова']);
    expect(on('Сергея Тихановского арестовали раньше, чем Светлана Тихановская уехала.'))
      .toEqual(['tsikhanouski:Сергея Тихановского', 'tsikhanouskaya:Светлана Тихановская']);
  });
});
