import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/glossary/index.ts';
import { entries, glossary, matcher } from './helpers.ts';

describe('matching', () => {
  it('finds whole words and multiword terms, keeping case, possessives and ALL CAPS', () => {
    expect(entries("Belarus's capital Minsk; Lukashenko's claim; LUKASHENKO; the Minsk Tractor Works (MTZ)", 'en')).toEqual([
      "belarus:Belarus's", 'minsk:Minsk', "lukashenka:Lukashenko's", 'lukashenka:LUKASHENKO', 'mtz:Minsk Tractor Works', 'mtz:MTZ',
    ]);
    expect(entries('Belarusian workers, Minsky, the maze', 'en')).toEqual([]);
  });

  it('leaves a place to a longer name that begins with it, but not to the words of the next clause', () => {
    expect(entries('Workers of the Minsk Wheeled Tractor Plant, the Brest Fortress, the Minsk Region and the Minsk City Court', 'en')).toEqual([]);
    expect(entries('Protests in Minsk Sunday; in Minsk Lukashenko said no; Minsk, Brest and Homiel', 'en')).toEqual([
      'minsk:Minsk', 'minsk:Minsk', 'lukashenka:Lukashenko', 'minsk:Minsk', 'brest:Brest', 'homiel:Homiel',
    ]);
  });

  it('reads a j between vowels as the y of another romanisation, and rewrites such a spelling to house style', () => {
    // German, Polish and Czech writers romanise я as ja: no schema gives this hybrid, which a German paper printed.
    const [m] = matcher.find('Tsikhanouskaja met Merkel.', 'en');
    expect([m.entry, m.surface, m.status, m.via]).toEqual(['tsikhanouskaya', 'Tsikhanouskaja', 'deprecated', 'transliteration']);
    expect(normalize('Tsikhanouskaja met Merkel.', 'en', matcher, glossary).text).toBe('Tsikhanouskaya met Merkel.');
    // Words with a j elsewhere are read as before, and the ones around a name do not hide it.
    expect(entries('Major Jones just said Lukashenko jailed Tsikhanouskaya.', 'en')).toEqual(['lukashenka:Lukashenko', 'tsikhanouskaya:Tsikhanouskaya']);
  });

  it('reports how a match was recognised', () => {
    const [possessive, caps, translit] = matcher.find("Lukashenka's LUKASHENKA Lukašenka", 'en');
    expect([possessive.via, caps.via, translit.via]).toEqual(['possessive', 'case', 'transliteration']);
    expect(possessive.status).toBe('preferred');
    expect(translit.status).toBe('deprecated');
  });

  it('recognises Russian case forms of single and multiword terms, and indeclinable names', () => {
    expect(entries('Рабочие Минского тракторного завода, жалоба в Центральную избирательную комиссию, Тихановскою, в Гродно, Лукашенко', 'ru')).toEqual([
      'mtz:Минского тракторного завода', 'cec:Центральную избирательную комиссию', 'tsikhanouskaya:Тихановскою', 'hrodna:Гродно', 'lukashenka:Лукашенко',
    ]);
  });

  it('never confuses the namesakes Tsikhanouskaya and Tsikhanouski', () => {
    expect(entries('Тихановской, Тихановского, Тихановская, Тихановский, Тихановскому', 'ru')).toEqual([
      'tsikhanouskaya:Тихановской', 'tsikhanouski:Тихановского', 'tsikhanouskaya:Тихановская', 'tsikhanouski:Тихановский', 'tsikhanouski:Тихановскому',
    ]);
    expect(entries('Tikhanovskaya, Tikhanovsky, Tikhanovskaia, Tikhanovskii, Tsikhanouski', 'en').map((e) => e.split(':')[0])).toEqual([
      'tsikhanouskaya', 'tsikhanouski', 'tsikhanouskaya', 'tsikhanouski', 'tsikhanouski',
    ]);
  });

  it('recognises unlisted romanisations and back-transliterations', () => {
    expect(entries('Tsikhanowskaya, Cichanoŭskaja, Tikhanovskaja, Loukachenko, Halowchanka', 'en').map((e) => e.split(':')[0])).toEqual([
      'tsikhanouskaya', 'tsikhanouskaya', 'tsikhanouskaya', 'lukashenka', 'halouchanka',
    ]);
    expect(entries('Цихановская и Цихановской', 'ru')).toEqual(['tsikhanouskaya:Цихановская', 'tsikhanouskaya:Цихановской']);
  });

  it('combines listed spellings of a full name', () => {
    const [m] = matcher.find('Svetlana Tsikhanouskaya spoke', 'en');
    expect([m.entry, m.surface, m.status]).toEqual(['tsikhanouskaya', 'Svetlana Tsikhanouskaya', 'deprecated']);
  });

  it('skips URLs, e-mail addresses and @handles but matches hashtags', () => {
    expect(entries('https://news.tut.by/lukashenko.html press@lukashenko.by @Lukashenko www.minsk.by', 'en')).toEqual([]);
    const [tag] = matcher.find('#Lukashenko', 'en');
    expect([tag.entry, tag.via, tag.start]).toEqual(['lukashenka', 'hashtag', 1]);
  });

  it('gives offsets into the searched text', () => {
    const text = 'Фото: TUT.BY, Минск';
    for (const m of matcher.find(text, 'ru')) expect(text.slice(m.start, m.end)).toBe(m.surface);
    expect(matcher.entryById.get('minsk')?.terms.length).toBeGreaterThan(1);
    expect(matcher.mentions('Встреча в Минске', 'ru', 'minsk')).toBe(true);
    expect(matcher.mentions('Встреча в Гродно', 'ru', 'minsk')).toBe(false);
  });
});
