import { describe, expect, it } from 'vitest';
import { belarusianForms, russianForms } from '../../src/glossary/index.ts';
import { entries } from './helpers.ts';

describe('russianForms', () => {
  it('declines feminine and masculine adjectival surnames without overlap', () => {
    const f = russianForms('Тихановская', { gender: 'f', surname: true });
    const m = russianForms('Тихановский', { gender: 'm', surname: true });
    expect(f).toEqual(expect.arrayContaining(['тихановской', 'тихановскую', 'тихановскою']));
    expect(m).toEqual(expect.arrayContaining(['тихановского', 'тихановскому', 'тихановским', 'тихановском']));
    expect(f.filter((x) => m.includes(x))).toEqual([]);
  });

  it('keeps a noun apart from its adjective', () => {
    const minsk = russianForms('Минск', { gender: 'm' });
    expect(minsk).toEqual(expect.arrayContaining(['минска', 'минске', 'минском']));
    expect(minsk).not.toContain('минский');
  });

  it('leaves indeclinable names alone and declines common nouns', () => {
    expect(russianForms('Лукашенко')).toEqual(['лукашенко']);
    expect(russianForms('Гродно')).toEqual(['гродно']);
    expect(russianForms('комиссия')).toContain('комиссии');
    expect(russianForms('Сергей')).toContain('сергея');
    expect(russianForms('Колесникова', { gender: 'f', surname: true })).toEqual(['колесникова', 'колесниковой', 'колесникову', 'колесниковою']);
    expect(russianForms('МАЗ', { gender: 'm' })).toContain('маза');
    expect(russianForms('МТЗ')).toEqual(['мтз']);
    expect(russianForms('Павел')).toEqual(expect.arrayContaining(['павел', 'павла', 'павлом']));
  });
});

describe('proper names', () => {
  it('take no common-noun plural: «беларусам» is "to Belarusians", not Belarus', () => {
    expect(russianForms('Беларус')).not.toContain('беларусам');
    expect(russianForms('завод')).toContain('заводам');
    expect(entries('Ціханоўская падзякавала беларусам і Беларусі.', 'be')).toEqual(['tsikhanouskaya:Ціханоўская', 'belarus:Беларусі']);
  });
});

describe('belarusianForms', () => {
  it('declines with Belarusian endings, feminine and masculine apart', () => {
    const f = belarusianForms('Ціханоўская');
    const m = belarusianForms('Ціханоўскі');
    expect(f).toEqual(expect.arrayContaining(['ціханоўскай', 'ціханоўскую']));
    expect(m).toEqual(expect.arrayContaining(['ціханоўскага', 'ціханоўскаму']));
    expect(f.filter((x) => m.includes(x))).toEqual([]);
    expect(belarusianForms('Лукашэнка')).toContain('лукашэнкі');
    expect(belarusianForms('Мінск')).toEqual(expect.arrayContaining(['мінска', 'мінскам']));
  });

  it('spells the softened consonant of the locative (цеканне, дзеканне)', () => {
    expect(belarusianForms('Брэст')).toContain('брэсце');
    expect(belarusianForms('Брэст')).not.toContain('брэсте');
    expect(belarusianForms('завод')).toContain('заводзе');
    expect(belarusianForms('рада')).toContain('радзе');
    expect(belarusianForms('Літва')).toContain('літве');
  });
});
