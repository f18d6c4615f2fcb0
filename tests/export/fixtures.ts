// Realistic segments for the export tests: the seed article's EN->RU pair with glossary terms and a
// normalisation change, hostile text, an unpaired (tgt null) segment and a machine-translated one.
import type { Segment } from '../../src/types.ts';

export const DOC = 'seeds/000_31852e31f9f7630b.en.txt';

export function sampleSegments(): Segment[] {
  return [
    {
      doc: DOC, id: '0.0', tgtDoc: 'seeds/000_31852e31f9f7630b.ru.txt', srcSentences: ['0.0'], tgtSentences: ['0.0'],
      src: { lang: 'en', text: 'Svetlana Tikhanovskaya left Belarus for Lithuania.' },
      tgt: {
        lang: 'ru', text: 'Светлана Тихановская уехала из Беларуси в Литву.',
        original: 'Светлана Тихановская уехала из Белоруссии в Литву.',
        changes: [{ start: 32, end: 42, before: 'Белоруссии', after: 'Беларуси', entry: 'belarus', reason: 'house style' }],
      },
      terms: [
        { entry: 'tikhanovskaya', surface: 'Svetlana Tikhanovskaya', start: 0, end: 22, lang: 'en', term: 'Svetlana Tikhanovskaya', status: 'preferred', via: 'exact', side: 'src' },
        { entry: 'tikhanovskaya', surface: 'Светлана Тихановская', start: 0, end: 20, lang: 'ru', term: 'Светлана Тихановская', status: 'preferred', via: 'exact', side: 'tgt' },
        { entry: 'belarus', surface: 'Беларуси', start: 32, end: 40, lang: 'ru', term: 'Беларусь', status: 'preferred', via: 'inflection', side: 'tgt' },
      ],
      score: 0.93, origin: 'aligned',
    },
    {
      doc: DOC, id: '1.0', srcSentences: ['1.0', '1.1'], tgtSentences: ['1.0'],
      src: { lang: 'en', text: 'He said: "<script>alert(\'x\')</script> & ]]> <![CDATA[ x ]]>" \u0001bell\ttab\r\nnext' },
      tgt: { lang: 'ru', text: 'Он сказал: «<img src=x onerror=alert(1)>» &amp; \'кавычки\'' },
      terms: [], score: 0.41, flags: ['low-confidence', 'non-1:1'], origin: 'aligned',
    },
    {
      doc: DOC, id: '2.0',
      src: { lang: 'en', text: 'Lukashenko claimed victory.' },
      tgt: { lang: 'ru', text: 'Лукашенко объявил о победе.' },
      terms: [{ entry: 'lukashenko', surface: 'Lukashenko', start: 0, end: 10, lang: 'en', term: 'Alexander Lukashenko', status: 'preferred', via: 'exact', side: 'src' }],
      score: 0.87, origin: 'mt', originDetail: { provider: 'apertium', pair: 'en-ru' },
    },
    {
      doc: DOC, id: '3.0',
      src: { lang: 'en', text: '  Protests continued in Minsk.  ' },
      tgt: null, terms: [], score: null, flags: ['unpaired'],
    },
    {
      doc: 'news/other.en.txt', id: '0.0',
      src: { lang: 'en', text: 'The same id in another document.' },
      tgt: { lang: 'ru', text: 'Тот же номер в другом документе.' },
      terms: [], score: 1, origin: 'tm', originDetail: { provider: 'tm', match: 100 }, reviewed: true,
    },
  ];
}
