import { describe, expect, it } from 'vitest';
import { createMatcher, normalize, revertChanges } from '../../src/glossary/index.ts';
import { belarusianSurnamePlurals, latinSurnamePlurals, russianSurnamePlurals } from '../../src/glossary/plural.ts';
import type { Glossary } from '../../src/types.ts';
import { entries, glossary, matcher } from './helpers.ts';

describe('surname plural forms', () => {
  it('declines Russian, Belarusian and English surnames in the plural', () => {
    expect(russianSurnamePlurals('Тихановская', { surname: true })).toEqual(['тихановские', 'тихановских', 'тихановским', 'тихановскими']);
    expect(russianSurnamePlurals('Колесникова', { surname: true, gender: 'f' })).toEqual(['колесниковы', 'колесниковых', 'колесниковым', 'колесниковыми']);
    expect(russianSurnamePlurals('Протасевич', { surname: true, gender: 'm' })).toEqual(['протасевичи', 'протасевичей', 'протасевичам', 'протасевичами', 'протасевичах']);
    expect(russianSurnamePlurals('Цепкало', { surname: true })).toEqual([]);
    expect(belarusianSurnamePlurals('Ціханоўская', { surname: true })).toEqual(['ціханоўскія', 'ціханоўскіх', 'ціханоўскім', 'ціханоўскімі']);
    expect(belarusianSurnamePlurals('Калеснікава', { surname: true })).toEqual(['калеснікавы', 'калеснікавых', 'калеснікавым', 'калеснікавымі']);
    expect(belarusianSurnamePlurals('Лукашэнка', { surname: true })).toEqual(['лукашэнкі', 'лукашэнкаў', 'лукашэнкам', 'лукашэнкамі', 'лукашэнках']);
    expect(latinSurnamePlurals('Tsikhanouski')).toEqual(['tsikhanouskis']);
    expect(latinSurnamePlurals('Babaryka')).toEqual(['babarykas']);
  });
});

describe('matching plural surnames', () => {
  it('finds a family plural as a mention of every member, in Russian, Belarusian and English', () => {
    expect(entries('Супруги Тихановские и у Тихановских; с Тихановскими.', 'ru')).toEqual([
      'tsikhanouskaya:Тихановские', 'tsikhanouski:Тихановские', 'tsikhanouskaya:Тихановских', 'tsikhanouski:Тихановских',
      'tsikhanouskaya:Тихановскими', 'tsikhanouski:Тихановскими',
    ]);
    expect(entries('Ціханоўскія з’ехалі, а ў Ціханоўскіх засталіся дзеці.', 'be')).toEqual([
      'tsikhanouskaya:Ціханоўскія', 'tsikhanouski:Ціханоўскія', 'tsikhanouskaya:Ціханоўскіх', 'tsikhanouski:Ціханоўскіх',
    ]);
    expect(entries("The Tsikhanouskis' children stayed; the Tikhanovskys left.", 'en')).toEqual([
      "tsikhanouski:Tsikhanouskis'", "tsikhanouskaya:Tsikhanouskis'", 'tsikhanouski:Tikhanovskys', 'tsikhanouskaya:Tikhanovskys',
    ]);
  });

  it('leaves a plural that is another form to that form, and indeclinable names as they are', () => {
    // Тихановским is also his singular instrumental: it stays his alone.
    expect(entries('Тихановским угрожали.', 'ru')).toEqual(['tsikhanouski:Тихановским']);
    expect(entries('Братья Цепкало и Колесниковы.', 'ru')).toEqual(['tsapkala:Цепкало', 'kalesnikava:Колесниковы']);
  });

  it('keeps common words out: a lower-case plural is not a name, a plural that is another entry’s form stays that entry’s', () => {
    const g: Glossary = { sources: [], entries: [
      { id: 'bely', type: 'person', terms: [{ text: 'Иван Белый', lang: 'ru', status: 'preferred' }] },
      { id: 'belye', type: 'org', terms: [{ text: 'Белые', lang: 'ru', status: 'preferred' }] },
      { id: 'kozlov', type: 'person', terms: [{ text: 'Пётр Козлов', lang: 'ru', status: 'preferred' }] },
    ] };
    const m = createMatcher(g);
    const found = (text: string) => m.find(text, 'ru').map((x) => `${x.entry}:${x.surface}`);
    expect(found('Белые пришли, а козловы нет.')).toEqual(['belye:Белые']);
    // Белых is a case form of the entry «Белые» too, so the surname's plural gives way to it.
    expect(found('У Козловых и Белых.')).toEqual(['kozlov:Козловых', 'belye:Белых']);
  });
});

describe('normalising plural surnames', () => {
  it('writes the house-style plural and keeps every change reversible', () => {
    const text = "The Tikhanovskys' flat; the TIKHANOVSKYS; Цихановские.";
    const en = normalize(text, 'en', matcher, glossary);
    expect(en.text).toBe("The Tsikhanouskis' flat; the TSIKHANOUSKIS; Цихановские.");
    expect(en.changes).toHaveLength(2);
    expect(revertChanges(en.text, en.changes)).toBe(text);
    // Both members' mentions of one rewritten plural, and every later mention, index the normalised text.
    const later = normalize('The Tikhanovskys met Lukashenko in Minsk.', 'en', matcher, glossary);
    expect(later.matches.map((m) => `${m.entry}:${later.text.slice(m.start, m.end)}`)).toEqual([
      'tsikhanouski:Tsikhanouskis', 'tsikhanouskaya:Tsikhanouskis', 'lukashenka:Lukashenka', 'minsk:Minsk',
    ]);
    const ru = normalize('У Цихановских и Лукашенко.', 'ru', matcher, glossary);
    expect(ru.text).toBe('У Тихановских и Лукашенко.');
    expect(ru.changes).toMatchObject([{ before: 'Цихановских', after: 'Тихановских', entry: 'tsikhanouskaya' }]);
  });
});
