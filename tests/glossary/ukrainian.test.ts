// Ukrainian terms get Ukrainian case forms (Тихановської, Тихановській, Лукашенкові, Білоруссю), as
// Belarusian ones get Belarusian forms, instead of the Russian endings that missed most of them.
import { describe, expect, it } from 'vitest';
import { createMatcher, parseGlossary, ukrainianForms } from '../../src/glossary/index.ts';
import './helpers.ts';

const glossary = parseGlossary(`entries:
  - id: tsikhanouskaya
    type: person
    gender: f
    terms:
      - { text: Sviatlana Tsikhanouskaya, lang: en, status: preferred }
      - { text: Світлана Тихановська, lang: uk, status: preferred }
  - id: tsikhanouski
    type: person
    gender: m
    terms:
      - { text: Siarhei Tsikhanouski, lang: en, status: preferred }
      - { text: Сергій Тихановський, lang: uk, status: preferred }
  - id: lukashenka
    type: person
    gender: m
    terms:
      - { text: Aliaksandr Lukashenka, lang: en, status: preferred }
      - { text: Олександр Лукашенко, lang: uk, status: preferred }
  - id: belarus
    type: place
    gender: f
    terms:
      - { text: Belarus, lang: en, status: preferred }
      - { text: Білорусь, lang: uk, status: preferred }
  - id: minsk
    type: place
    gender: m
    terms:
      - { text: Minsk, lang: en, status: preferred }
      - { text: Мінськ, lang: uk, status: preferred }
`, 'uk.yaml');
const matcher = createMatcher(glossary);
const found = (text: string) => matcher.find(text, 'uk').map((m) => `${m.entry}:${m.surface}`);

describe('Ukrainian case forms', () => {
  it('finds a woman\'s adjectival surname in every case, apart from her husband\'s', () => {
    expect(found('Прихильники Тихановської вийшли на вулиці; Тихановській погрожували; разом із Тихановською, за Тихановську.'))
      .toEqual(['tsikhanouskaya:Тихановської', 'tsikhanouskaya:Тихановській', 'tsikhanouskaya:Тихановською', 'tsikhanouskaya:Тихановську']);
    expect(found('Сергія Тихановського засудили; Тихановському дали 18 років.'))
      .toEqual(['tsikhanouski:Сергія Тихановського', 'tsikhanouski:Тихановському']);
  });

  it('declines surnames in -о, places and feminine nouns in -ь, and names the family by its plural', () => {
    expect(found('Лукашенка не скинуть; Лукашенкові загрожують санкції, з Лукашенком ніхто не говорить.'))
      .toEqual(['lukashenka:Лукашенка', 'lukashenka:Лукашенкові', 'lukashenka:Лукашенком']);
    expect(found('У Мінську, з Мінськом; над Білоруссю, у Білорусі.'))
      .toEqual(['minsk:Мінську', 'minsk:Мінськом', 'belarus:Білоруссю', 'belarus:Білорусі']);
    expect(found('У Тихановських двоє дітей.')).toEqual(['tsikhanouskaya:Тихановських', 'tsikhanouski:Тихановських']);
    expect(ukrainianForms('Сергій', {})).toEqual(['сергій', 'сергія', 'сергію', 'сергієві', 'сергієм', 'сергії']);
  });
});
