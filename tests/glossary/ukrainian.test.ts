// Ukrainian terms get Ukrainian case forms (Тихановської, Тихановській, Лукашенкові, Білоруссю), as
// Belarusian ones get Belarusian forms, instead of the Russian endings that missed most of them.
import { describe, expect, it } from 'vitest';
import { createMatcher, normalize, parseGlossary, ukrainianForms } from '../../src/glossary/index.ts';
import { glossary as shipped, matcher as shippedMatcher } from './helpers.ts';

/** An entry with its English and Ukrainian preferred terms. */
const entry = (id: string, type: string, gender: string, en: string, uk: string) => `
  - id: ${id}
    type: ${type}
    gender: ${gender}
    terms:
      - { text: ${en}, lang: en, status: preferred }
      - { text: ${uk}, lang: uk, status: preferred }`;
/** The mentions a glossary of these entries finds in Ukrainian text, as entry:surface. */
const finder = (entries: string[]) => {
  const matcher = createMatcher(parseGlossary(`entries:${entries.join('')}\n`, 'uk.yaml'));
  return (text: string) => matcher.find(text, 'uk').map((m) => `${m.entry}:${m.surface}`);
};
const found = finder([
  entry('tsikhanouskaya', 'person', 'f', 'Sviatlana Tsikhanouskaya', 'Світлана Тихановська'),
  entry('tsikhanouski', 'person', 'm', 'Siarhei Tsikhanouski', 'Сергій Тихановський'),
  entry('lukashenka', 'person', 'm', 'Aliaksandr Lukashenka', 'Олександр Лукашенко'),
  entry('belarus', 'place', 'f', 'Belarus', 'Білорусь'),
  entry('minsk', 'place', 'm', 'Minsk', 'Мінськ'),
]);

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

  it('declines an adjective before the last word of a name, whatever its ending says, and a noun there too', () => {
    // An ending in -а or -е does not tell an adjective from a noun; before a name's last word it may be either.
    const find = finder([
      entry('cec', 'organisation', 'f', 'Central Election Commission', 'Центральна виборча комісія'),
      entry('britain', 'place', 'f', 'United Kingdom', 'Велика Британія'),
      entry('belta', 'organisation', 'n', 'Belarusian Telegraph Agency', 'Білоруське телеграфне агентство'),
      entry('council', 'organisation', 'f', 'Council of the Republic', 'Рада Республіки'),
    ]);
    expect(find('Рішення Центральної виборчої комісії оскаржили; з Великою Британією домовилися.'))
      .toEqual(['cec:Центральної виборчої комісії', 'britain:Великою Британією']);
    expect(find('Білоруського телеграфного агентства не цитували; до Ради Республіки, у Великій Британії.'))
      .toEqual(['belta:Білоруського телеграфного агентства', 'council:Ради Республіки', 'britain:Великій Британії']);
    expect(ukrainianForms('виборча', { modifier: true })).toEqual(['виборча', 'виборчі', 'виборчу', 'виборчею', 'виборчої', 'виборчій', 'виборчою']);
    expect(ukrainianForms('виборча', {})).toEqual(['виборча', 'виборчі', 'виборчу', 'виборчею']); // alone, a noun's
  });

  it('reads a form as the text language\'s where another language lists it as a spelling of its own', () => {
    // The shipped glossary's Russian lists Лукашенка as deprecated (a Belarusian-based spelling) and its
    // Belarusian lists Гродна: both are also Ukrainian genitives of Лукашенко and Гродно.
    const house = (text: string, lang: string) => {
      const n = normalize(text, lang, shippedMatcher, shipped);
      return [n.text, n.matches.map((m) => `${m.entry}:${m.surface}:${m.lang}:${m.status}`).join(' ')];
    };
    expect(house('Санкції проти Лукашенка посилили, до Гродна приїхали.', 'uk')).toEqual(['Санкції проти Лукашенка посилили, до Гродна приїхали.',
      'lukashenka:Лукашенка:uk:preferred hrodna:Гродна:uk:preferred']);
    expect(house('Санкции против Лукашенка усилили.', 'ru')).toEqual(['Санкции против Лукашенко усилили.', 'lukashenka:Лукашенко:ru:preferred']); // rewritten, as before
    expect(house('Пратэсты ў Гродна.', 'be')[1]).toBe('hrodna:Гродна:be:preferred');
  });
});
