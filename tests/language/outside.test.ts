// Text in a language outside the candidates (en, ru, uk, be): whole sentences, quotations inside a
// paragraph, and units that hold no text at all. Sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { detect, detectParagraph } from '../../src/language/index.ts';
import { hasLexicon } from '../../src/language/lexicon.ts';

const languages = ['en', 'ru', 'uk', 'be'];

describe('sentences outside the candidates', () => {
  it('keeps German whose short words fit English out of the set', () => {
    for (const s of ['Wir gehen morgen mit den Kindern in den Zoo, wenn es nicht regnet.',
      'Mein Bruder wohnt seit drei Jahren in der Stadt.']) {
      expect(detect(s, { languages }), s).toEqual({ lang: 'und', confidence: 0 });
      expect(detect(s, { languages, outside: 'code' }).lang, s).toBe('de');
    }
  });

  it('keeps a short German question out of the set when franc\'s ranking of it is flat', () => {
    // franc: Low German 1.00, Dutch 0.88, English 0.80; none of the lower-case words is English.
    const s = 'Kannst du mir bitte sagen, wo der Bahnhof ist?';
    expect(detect(s, { languages })).toEqual({ lang: 'und', confidence: 0 });
    expect(detect(s, { languages, outside: 'code' }).lang).toBe('de');
    // English with rare lower-case words keeps its language: its function words are English.
    expect(detect('The regiment requisitioned tarpaulins, jerrycans and theodolites.', { languages }).lang).toBe('en');
  });

  it('keeps short Latin text out of the set when none of its lower-case words is English and one writes ä, é, ñ', () => {
    for (const [s, code] of [['Wo ist der nächste Bahnhof?', 'de'], ['Hola, ¿qué tal?', 'es']]) {
      expect(detect(s, { languages }), s).toEqual({ lang: 'und', confidence: 0 });
      expect(detect(s, { languages, outside: 'code' }).lang, s).toBe(code);
    }
    // Names with such letters are capitalised and say nothing: this is English.
    expect(detect('We met Lech Wałęsa in Gdańsk and then flew to Zürich.', { languages }).lang).toBe('en');
  });

  it('keeps a short unit out when its lower-case words are none of them English and eld clearly names another language', () => {
    for (const [s, code] of [['Kde jsi byl?', 'cs'], ['Dove sei stato?', 'it']]) {
      expect(detect(s, { languages, outside: 'code' }).lang, s).toBe(code);
    }
    // English words the model's short list lacks: eld's foreign top leads English by a hair, if at all.
    for (const s of ['Social origin.', 'Penal offence.', 'Prosecutions genuinely failed.', 'Ballots recounted overnight.']) {
      expect(detect(s, { languages }).lang, s).toBe('en');
    }
  });

  it('keeps short Cyrillic out of the set by letters no candidate writes, named by the alphabet that has them', () => {
    expect(detect('Сәлем, досым!', { languages, outside: 'code' }).lang).toBe('kk');
    expect(detect('Сәлем, досым!', { languages })).toEqual({ lang: 'und', confidence: 0 });
  });

  it('keeps short Serbian out of the set by one ј in a word that is no name', () => {
    for (const s of ['Где си био јуче?', 'Хвала, све је добро.']) expect(detect(s, { languages }), s).toEqual({ lang: 'und', confidence: 0 });
    // A Serbian name in a Russian sentence is capitalised: Russian.
    expect(detect('Мы встретились с Јованом в Белграде вчера.', { languages }).lang).toBe('ru');
  });

  it('keeps Belarusian out of a ru/uk set by its alphabet, which has every letter each candidate lacks', () => {
    const s = 'Улады абвясцілі, што з наступнага тыдня кошт праезду ў гарадскім транспарце павялічыцца.';
    expect(detect(s, { languages: ['ru', 'uk'], outside: 'code' }).lang).toBe('be');
  });

  it('names an outside language by its two-letter code where it has one', () => {
    expect(detect('Влада Србије је усвојила нови закон о изборима.', { languages, outside: 'code' }).lang).toMatch(/^[a-z]{2}$/);
  });

  it('keeps Polish out of the set', () => {
    expect(detect('Jutro idziemy z babcią na targ po warzywa.', { languages, outside: 'code' }).lang).toBe('pl');
  });

  it.runIf(hasLexicon())('keeps Bulgarian out of the set when franc ranks Russian first by a hair', () => {
    for (const s of ['Вчера ходихме на кино с приятели от работата.', 'Утре ще ходим на пазар с баба и дядо.']) {
      expect(detect(s, { languages }), s).toEqual({ lang: 'und', confidence: 0 });
    }
    expect(detect('Вчера ходихме на кино с приятели от работата.', { languages, outside: 'code' }).lang).toBe('bg');
  });

  it('keeps Bulgarian out of the set by its hard sign before a consonant, which only Bulgarian writes', () => {
    // The dictionaries know every word here as some ru/uk form but «върне»; franc puts Bosnian first.
    const s = 'Тя каза, че ще се върне след малко.';
    expect(detect(s, { languages })).toEqual({ lang: 'und', confidence: 0 });
    expect(detect(s, { languages, outside: 'code' }).lang).toBe('bg');
    // A Bulgarian place name in a Russian sentence is a name, not the language.
    expect(detect('Мы провели неделю в Велико Търново и вернулись домой.', { languages }).lang).toBe('ru');
  });

  it('leaves the candidates their own sentences', () => {
    expect(detect('Мы пойдём в кино вместе с друзьями с работы.', { languages }).lang).toBe('ru');
    expect(detect('The workers gathered in the square and demanded fair elections.', { languages }).lang).toBe('en');
    expect(detect('Police detained Dzianis Ivashyn in Hrodna.', { languages }).lang).toBe('en');
  });

  it('says und for hashtags alone, as the pipeline treats them as no text', () => {
    expect(detect('#Kyiv #Ukraine #StandWithUkraine', { languages })).toEqual({ lang: 'und', confidence: 0 });
    expect(detect('#Жыве_Беларусь', { languages })).toEqual({ lang: 'und', confidence: 0 });
    expect(detect('#Kyiv is beautiful in spring', { languages }).lang).toBe('en');
  });
});

describe('paragraphs quoting a language outside the candidates', () => {
  const cases: Array<[string, string, string]> = [
    ['The mayor told the crowd: "Wir werden die Brücke bis zum Sommer wieder aufbauen." Then he left the stage.',
      'Wir werden', 'de'],
    ['A sign on the wall read: "Nie poddamy się, walczymy dalej o nasze prawa." Several people photographed it.',
      'Nie poddamy', 'pl'],
    ['The Sofia daily reported: "Правителството обеща нови мерки за земеделците." The story ran on page one.',
      'Правителството', 'bg'],
  ];

  it('are English and mixed, with the quotation as an und span', () => {
    for (const [text, quote] of cases) {
      const d = detectParagraph(text, { languages });
      expect(d.lang, text).toBe('en');
      expect(d.mixed, text).toBe(true);
      const span = d.spans!.find((s) => s.lang === 'und');
      expect(span, text).toBeDefined();
      expect(text.slice(span!.start, span!.end).startsWith(quote), text).toBe(true);
    }
  });

  it('with --outside code, are still English, the quotation span naming its language', () => {
    for (const [text, , code] of cases) {
      if (code === 'bg' && !hasLexicon()) continue;
      const d = detectParagraph(text, { languages, outside: 'code' });
      expect(d.lang, text).toBe('en');
      expect(d.spans!.map((s) => s.lang), text).toEqual(['en', code, 'en']);
      expect(Object.keys(d.spans![1]).sort(), text).toEqual(['confidence', 'end', 'lang', 'start']);
    }
  });

  it('is not English when a whole sentence outside the candidates outweighs the English one', () => {
    const d = detectParagraph('Wir gehen morgen mit den Kindern in den Zoo, wenn es nicht regnet. Fine.', { languages });
    expect(d.lang).toBe('und');
  });
});
