// Each rule on small batches built from real sentences: what must be found, and the namesakes,
// case forms, romanisations and short units that must not raise alarms.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSegments, type CheckedSegment, type RuleId, type Violation } from '../../src/check/index.ts';
import { createMatcher, loadGlossaries, parseGlossary, type Matcher } from '../../src/glossary/index.ts';
import { initI18n } from '../../src/i18n/index.ts';
import type { Glossary } from '../../src/types.ts';
import { batch, GLOSSARY } from './helpers.ts';

let glossary: Glossary;
let matcher: Matcher;
const run = (segments: CheckedSegment[], rules?: Parameters<typeof checkSegments>[3]) => checkSegments(segments, glossary, matcher, rules);
const brief = (vs: Violation[]) => vs.map((v) => `${v.segment} ${v.rule} ${v.entry ?? '-'}${v.side ? ` ${v.side}` : ''}`);
/** The brief findings of a batch built from `rows`, with only `rules` run (default: all). */
const briefOf = (rows: Parameters<typeof batch>[0], rules?: RuleId[]) => brief(run(batch(rows), rules && { rules }));
/** segment:language of each wrong-language finding in a batch built from `rows`. */
const languagesFoundIn = (rows: Parameters<typeof batch>[0]) => run(batch(rows), { rules: ['wrong-language'] }).map((v) => `${v.segment}:${v.found}`);

beforeAll(async () => {
  initI18n('en');
  glossary = await loadGlossaries([GLOSSARY]);
  matcher = createMatcher(glossary);
});

describe('missing-target-term', () => {
  it('finds the target language\'s term where Russian and Ukrainian spell it alike (Лукашенко, Литва)', () => {
    const shared = parseGlossary(['entries:',
      '  - { id: lukashenka, type: person, gender: m, terms: [{ text: Aliaksandr Lukashenka, lang: en, status: preferred },',
      '      { text: Александр Лукашенко, lang: ru, status: preferred }, { text: Лукашенко, lang: ru, status: preferred, shape: surname, indeclinable: true },',
      '      { text: Олександр Лукашенко, lang: uk, status: preferred }, { text: Лукашенко, lang: uk, status: preferred, shape: surname }] }',
      '  - { id: lithuania, type: place, terms: [{ text: Lithuania, lang: en, status: preferred }, { text: Литва, lang: ru, status: preferred },',
      '      { text: Литва, lang: uk, status: preferred }] }', ''].join('\n'), 'shared.yaml');
    const sharedMatcher = createMatcher(shared);
    // The match takes its text's language (it took the first listed: Russian in a Ukrainian sentence).
    expect(sharedMatcher.find('Лукашенко поїхав до Литви.', 'uk').map((m) => `${m.entry}:${m.lang}`)).toEqual(['lukashenka:uk', 'lithuania:uk']);
    expect(sharedMatcher.find('Лукашенко уехал в Литву.', 'ru').map((m) => `${m.entry}:${m.lang}`)).toEqual(['lukashenka:ru', 'lithuania:ru']);
    const segments = batch([['a', 'en', 'Lukashenka flew to Lithuania.', 'uk', 'Лукашенко полетів до Литви.'],
      ['b', 'en', 'Lukashenka flew to Lithuania.', 'ru', 'Лукашенко улетел в Литву.']]);
    expect(brief(checkSegments(segments, shared, sharedMatcher, { rules: ['missing-target-term'] }))).toEqual([]);
  });

  it('accepts every Russian case form of the target term', () => {
    const forms = ['Тихановская', 'Тихановской', 'Тихановскую', 'Тихановскою'];
    expect(briefOf(forms.map((form, i) => [`s${i}`, 'en', 'Reporters asked Tikhanovskaya about the strike.', 'ru', `Журналисты спросили о забастовке: ${form} ответила.`]), ['missing-target-term'])).toEqual([]);
  });

  it('accepts multiword terms in oblique cases', () => {
    expect(briefOf([
      ['a', 'en', 'Complaints went to the Central Election Commission.', 'ru', 'Жалобы ушли в Центральную избирательную комиссию.'],
      ['b', 'en', 'The head of the Central Election Commission spoke.', 'ru', 'Выступила глава Центральной избирательной комиссии.'],
      ['c', 'en', 'Workers left the Minsk Tractor Works.', 'ru', 'Рабочие ушли с Минского тракторного завода.'],
    ], ['missing-target-term'])).toEqual([]);
  });

  it('tells namesakes apart: Sergei Tikhanovsky is not Svetlana Tikhanovskaya', () => {
    expect(briefOf([
      ['husband', 'en', 'Sergei Tikhanovsky was arrested in May.', 'ru', 'Сергея Тихановского арестовали в мае.'],
      ['wife-for-husband', 'en', 'Svetlana Tikhanovskaya spoke to reporters.', 'ru', 'Сергей Тихановский поговорил с журналистами.'],
      ['husband-for-wife', 'en', 'Tikhanovsky was held in Minsk.', 'ru', 'Тихановскую держали в Минске.'],
    ], ['missing-target-term'])).toEqual([
      'wife-for-husband missing-target-term tikhanovskaya tgt',
      'husband-for-wife missing-target-term tikhanovsky tgt',
    ]);
  });

  it('recognises romanisations on the source side and in an English target', () => {
    expect(briefOf([
      ['src-translit', 'en', 'Tikhanovskaja returned to Vilnius.', 'ru', 'Она вернулась в Вильнюс.'],
      ['tgt-translit', 'ru', 'Тихановская вернулась в Вильнюс.', 'en', 'Tikhanovskaia returned to Vilnius.'],
    ], ['missing-target-term', 'deprecated-term'])).toEqual(['src-translit missing-target-term tikhanovskaya tgt']);
  });

  it('does not take a term left in the source script as the target term', () => {
    expect(briefOf([['latin', 'en', 'Crowds gathered in Minsk on Sunday.', 'ru', 'В воскресенье толпы собрались в Minsk.']])).toEqual(['latin missing-target-term minsk tgt']);
  });

  it('skips entries without terms in the target language and segments without a target', () => {
    expect(briefOf([
      ['no-be-terms', 'en', 'Workers at Grodno Azot went on strike.', 'be', 'Рабочыя на заводзе абвясцілі забастоўку.'],
      ['untranslated', 'en', 'Svetlana Tikhanovskaya left for Lithuania.', 'ru', null],
    ], ['missing-target-term'])).toEqual([]);
  });

  it('a place name inside an organisation name does not demand its own translation', () => {
    expect(briefOf([['mtz', 'en', 'The Minsk Tractor Works stopped.', 'ru', 'МТЗ остановился.']], ['missing-target-term'])).toEqual([]);
  });
});

describe('deprecated-term', () => {
  it('finds deprecated variants on either side, inflected too, and names the preferred term', () => {
    const segments = batch([
      ['src', 'en', 'Strikes spread across Byelorussia.', 'ru', 'Забастовки охватили Беларусь.'],
      ['tgt', 'en', 'Voters backed Tikhanovskaya.', 'ru', 'Избиратели поддержали Цихановскую.'],
    ]);
    const found = run(segments, { rules: ['deprecated-term'] });
    expect(brief(found)).toEqual(['src deprecated-term belarus src', 'tgt deprecated-term tikhanovskaya tgt']);
    expect(found[1].expected).toEqual(['Тихановская']);
    expect(found[1].found).toBe('Цихановскую');
  });

  it('reports a deprecated target once, not also as a missing term', () => {
    expect(briefOf([['once', 'en', 'Lukashenko spoke to workers.', 'ru', 'Лукашенка выступил перед рабочими.']])).toEqual(['once deprecated-term lukashenko tgt']);
  });

  it('leaves hashtags and unlisted romanisations alone', () => {
    expect(briefOf([
      ['tag', 'en', 'Posts tagged #Byelorussia trended.', 'ru', 'Посты с тегом #Byelorussia попали в тренды.'],
      ['translit', 'ru', 'Лукашенко выступил.', 'en', 'Lukashenko spoke.'],
    ], ['deprecated-term'])).toEqual([]);
  });
});

describe('inconsistent-term', () => {
  it('reports the segments that leave the rendering most segments use', () => {
    const segments = batch([
      ['a', 'en', 'Belarus voted.', 'ru', 'Беларусь проголосовала.'],
      ['b', 'en', 'Protests spread in Belarus.', 'ru', 'Протесты охватили Беларусь.'],
      ['c', 'en', 'People left Belarus.', 'ru', 'Люди уехали из Белоруссии.'],
    ]);
    const found = run(segments, { rules: ['inconsistent-term'] });
    expect(brief(found)).toEqual(['c inconsistent-term belarus tgt']);
    expect(found[0].severity).toBe('warning');
    expect(found[0].expected).toEqual(['Беларусь']);
  });

  it('breaks a tie in favour of the preferred term', () => {
    expect(briefOf([
      ['admitted-first', 'en', 'Belarus voted.', 'ru', 'Белоруссия проголосовала.'],
      ['preferred-second', 'en', 'People left Belarus.', 'ru', 'Люди уехали из Беларуси.'],
    ], ['inconsistent-term'])).toEqual(['admitted-first inconsistent-term belarus tgt']);
  });

  it('treats case forms, romanisations and shortened names as one rendering', () => {
    expect(briefOf([
      ['a', 'en', 'Belarus voted.', 'ru', 'Беларусь проголосовала.'],
      ['b', 'en', 'People left Belarus.', 'ru', 'Люди уехали из Беларуси.'],
      ['c', 'en', 'Svetlana Tikhanovskaya spoke.', 'ru', 'Светлана Тихановская выступила.'],
      ['d', 'en', 'Svetlana Tikhanovskaya left.', 'ru', 'Тихановская уехала.'],
      ['e', 'ru', 'Тихановская уехала.', 'en', 'Tikhanovskaya left.'],
      ['f', 'ru', 'Тихановская вернулась.', 'en', 'Tikhanovskaia returned.'],
    ], ['inconsistent-term'])).toEqual([]);
  });

  it('compares across files and keeps language pairs apart', () => {
    const segments = batch([
      ['a', 'en', 'Belarus voted.', 'ru', 'Беларусь проголосовала.'],
      ['b', 'en', 'Belarus voted again.', 'be', 'Беларусь зноў прагаласавала.'],
    ]);
    segments[1].file = 'other.tmx';
    expect(brief(run(segments, { rules: ['inconsistent-term'] }))).toEqual([]);
  });
});

describe('wrong-language', () => {
  it('finds Belarusian, Ukrainian and untranslated English where Russian is declared', () => {
    expect(languagesFoundIn([
      ['be', 'en', 'Workers left the factory and shouted slogans.', 'ru', 'Рабочыя пакінулі завод і крычалі лозунгі.'],
      ['uk', 'en', 'The workers demanded new and fair elections.', 'ru', 'Робітники вимагали нових і чесних виборів.'],
      ['en', 'en', 'The strike spread to other factories.', 'ru', 'The strike spread to other factories.'],
      ['ru', 'en', 'The strike spread to other factories.', 'ru', 'Забастовка распространилась на другие заводы.'],
    ])).toEqual(['be:be', 'uk:uk', 'en:en']);
  });

  it('finds German and French without accents where English is declared', () => {
    expect(languagesFoundIn([
      ['de', 'ru', 'Рабочие потребовали новых выборов и пошли домой.', 'en', 'Die Arbeiter forderten neue Wahlen und gingen dann nach Hause.'],
      ['fr', 'ru', 'Рабочие потребовали новых выборов.', 'en', 'Les ouvriers ont demande des nouvelles elections dans le pays.'],
      ['en', 'ru', 'Рабочие потребовали новых выборов.', 'en', 'Workers demanded new elections across the country.'],
    ])).toEqual(['de:de', 'fr:fr']);
  });

  it('sees German where English is declared even when a link holds English words', () => {
    expect(languagesFoundIn([
      ['de-link', 'ru', 'Рабочие потребовали новых выборов и пошли домой.', 'en', 'Die Arbeiter forderten neue Wahlen und gingen dann nach Hause: https://example.com/in/the/news'],
    ])).toEqual(['de-link:de']);
  });

  it('does not judge short or name-only targets', () => {
    expect(briefOf([
      ['name-only', 'en', 'Sviatlana Tsikhanouskaya and Lukashenko.', 'ru', 'Святлана Ціханоўская і Лукашенко.'],
      ['short', 'en', 'Long live Belarus!', 'ru', 'Жыве Беларусь!'],
      ['link', 'en', 'Photo: TUT.BY (@tutby) https://t.co/SAPdczGoiG', 'ru', 'Фота: TUT.BY (@tutby) https://t.co/SAPdczGoiG'],
      ['quote', 'en', 'Workers shouted "Long live Belarus!" at Lukashenko.', 'ru', 'Рабочие кричали Лукашенко: «Жыве Беларусь!»'],
    ], ['wrong-language'])).toEqual([]);
  });

  it('accepts tags with regions (ru-RU) and the right language in any of them', () => {
    expect(briefOf([
      ['be-BY', 'en', 'Workers left the factory and shouted slogans.', 'be-BY', 'Рабочыя пакінулі завод і крычалі лозунгі.'],
      ['ru-RU', 'en', 'The strike spread to other factories.', 'ru-RU', 'Забастовка распространилась на другие заводы.'],
    ], ['wrong-language'])).toEqual([]);
  });

  it('replaces the term findings of a target in the wrong language', () => {
    expect(briefOf([['w', 'en', 'Tikhanovskaya said she was ready to lead the country.', 'ru', 'Ціханоўская заявіла, што гатовая ўзначаліць краіну.']])).toEqual(['w wrong-language - tgt']);
  });
});

describe('options', () => {
  it('runs only the rules asked for, with the severities given', () => {
    const segments = batch([['x', 'en', 'Lukashenko spoke in Byelorussia.', 'ru', 'Лукашенка выступил.']]);
    expect(brief(run(segments, { rules: ['missing-target-term'] }))).toEqual(['x missing-target-term belarus tgt']);
    const found = run(segments, { rules: ['deprecated-term'], severity: { 'deprecated-term': 'warning' } });
    expect(found.map((v) => v.severity)).toEqual(['warning', 'warning']);
  });
});
