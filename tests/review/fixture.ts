// A realistic job output for review tests, built from the seed article: its English sentences (read
// from seeds/ at test time), a Russian translation written for these tests, and the kinds of beads
// an aligner gets wrong (a target sentence in the wrong bead, a 2:2 bead, a split caption), plus a
// document of hostile text. Used until the pipeline's own output can stand in for it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Change, Segment, TermMatch } from '../../src/types.ts';

export const SEED = new URL('../../seeds/000_31852e31f9f7630b.txt', import.meta.url);

/** Russian for the seed's English sentences, in order (our own translation). */
export const RU: string[] = [
  'В пятницу толпы рабочих нескольких заводов столицы Беларуси Минска прекратили работу в поддержку оппозиции, требующей отставки Александра Лукашенко.',
  'Сотни рабочих прошли маршем от Минского автомобильного завода (МАЗ) и Минского тракторного завода (МТЗ) после того, как оппозиция призвала к забастовкам против спорного заявления Лукашенко о победе на воскресных выборах.',
  'Оговорка в последний момент: #Лукашенко сказал сегодня, что слышал о 20 рабочих двух крупных заводов, МАЗа и МТЗ, которые хотели «высказать своё мнение, но развернулись и вернулись к работе».',
  'Сотни рабочих государственных предприятий по всей стране требуют свободных выборов pic.twitter.com/ncfDTgE1ER — Hanna Liubakova (@HannaLiubakova) August 14, 2020',
  'Кандидат от оппозиции Светлана Тихановская заявила о своей победе на выборах, подняв общенациональное протестное движение.',
  'Она уехала в Литву после того, как её соратники сообщили, что на неё оказывали давление власти.',
  'Забастовки — крайне необычное явление для страны, где Лукашенко сохранил командную экономику советского образца, а тракторный завод считается национальным символом.',
  'Рабочие побросали инструменты, осуждая президентские выборы, на которых Лукашенко объявил о сокрушительной победе над популярным кандидатом от оппозиции, а полиция жестоко подавляла протестующих.',
  'Премьер-министр Беларуси Роман Головченко, назначенный в июне, приехал на тракторный завод. Но бастующие рабочие ушли до его прибытия.',
  'В пятницу днём они вышли с завода в центр города с криками «Жыве Беларусь» и «Уходи!», обращёнными к Лукашенко.',
  'Один из бастующих, мужчина средних лет с татуировкой на руке в знак поддержки оппозиции, сказал, что хочет «вернуть Тихановскую, она наш президент, мы за неё голосовали».',
];

const TERMS: Array<{ entry: string; term: string; lang: string; status: TermMatch['status'] }> = [
  { entry: 'lukashenko', term: 'Lukashenko', lang: 'en', status: 'preferred' },
  { entry: 'lukashenko', term: 'Лукашенко', lang: 'ru', status: 'preferred' },
  { entry: 'tikhanovskaya', term: 'Svetlana Tikhanovskaya', lang: 'en', status: 'preferred' },
  { entry: 'tikhanovskaya', term: 'Tikhanovskaya', lang: 'en', status: 'admitted' },
  { entry: 'tikhanovskaya', term: 'Светлана Тихановская', lang: 'ru', status: 'preferred' },
  { entry: 'tikhanovskaya', term: 'Тихановская', lang: 'ru', status: 'admitted' },
];

export const GLOSSARY_YAML = `entries:
  - id: lukashenko
    type: person
    terms:
      - { text: Alexander Lukashenko, lang: en, status: preferred }
      - { text: Lukashenko, lang: en, status: preferred }
      - { text: Lukashenka, lang: en, status: deprecated }
      - { text: Лукашенко, lang: ru, status: preferred }
  - id: tikhanovskaya
    type: person
    terms:
      - { text: Svetlana Tikhanovskaya, lang: en, status: preferred }
      - { text: Tikhanovskaya, lang: en, status: admitted }
      - { text: Светлана Тихановская, lang: ru, status: preferred }
      - { text: Тихановская, lang: ru, status: admitted }
`;

/** The seed's English sentences: date header dropped, Russian caption paragraphs left out. */
export function seedSentences(): string[] {
  const text = readFileSync(SEED, 'utf8').replace(/^\s*date \d{4}-\d\d-\d\d\s+/, '');
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p && !/[а-яё]/i.test(p.slice(0, 40)));
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  const out: string[] = [];
  for (const p of paragraphs) {
    const pieces = [...segmenter.segment(p)].map((s) => s.segment.trim()).filter(Boolean);
    // A piece that starts lower-case continues a quotation Intl.Segmenter broke inside.
    for (const piece of pieces) {
      if (out.length && /^[a-z]/.test(piece)) out[out.length - 1] += ' ' + piece;
      else out.push(piece);
    }
  }
  return out;
}

function matches(text: string, lang: string, side: 'src' | 'tgt'): Segment['terms'] {
  const found: Segment['terms'] = [];
  for (const t of TERMS.filter((x) => x.lang === lang)) {
    let at = text.indexOf(t.term);
    while (at >= 0) {
      if (!found.some((m) => m.start <= at && at < m.end)) {
        found.push({ entry: t.entry, surface: t.term, start: at, end: at + t.term.length, lang, term: t.term, status: t.status, via: 'exact', side });
      }
      at = text.indexOf(t.term, at + 1);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function segment(id: string, src: string[], tgt: string[], score: number, extra: Partial<Segment> = {}): Segment {
  const srcText = src.join(' '), tgtText = tgt.join(' ');
  const flags = [...(src.length !== 1 || tgt.length !== 1 ? [tgt.length ? 'non-1:1' : 'unpaired'] : []), ...(score < 0.5 ? ['low-confidence'] : [])];
  return {
    doc: 'seed.en.txt', id, tgtDoc: 'seed.ru.txt',
    src: { lang: 'en', text: srcText }, tgt: tgt.length ? { lang: 'ru', text: tgtText } : null,
    terms: [...matches(srcText, 'en', 'src'), ...matches(tgtText, 'ru', 'tgt')],
    score: tgt.length ? score : null,
    srcSentences: src.map((_, k) => `${id}.s${k}`), tgtSentences: tgt.map((_, k) => `${id}.t${k}`),
    ...(flags.length ? { flags } : {}), origin: 'aligned', ...extra,
  };
}

/**
 * Beads of the seed job. 0-1 fine; 2 is a 2:2 bead to split; 3 holds two target sentences of
 * which the second belongs to 4 (a 1:0 bead); 7 is a legitimate 1:2; the caption is split in two.
 */
export function seedSegments(): Segment[] {
  const en = seedSentences();
  if (en.length !== RU.length) throw new Error(`seed has ${en.length} English sentences, the fixture expects ${RU.length}`);
  const original = en[4].replace('Svetlana Tikhanovskaya', 'Sviatlana Tsikhanouskaya');
  const change: Change = { start: original.indexOf('Sviatlana'), end: original.indexOf('Sviatlana') + 'Sviatlana Tsikhanouskaya'.length,
    before: 'Sviatlana Tsikhanouskaya', after: 'Svetlana Tikhanovskaya', entry: 'tikhanovskaya', reason: 'transliteration' };
  const [ru8a, ru8b] = RU[8].split(/(?<=\.) /);
  return [
    segment('0', [en[0]], [RU[0]], 0.93),
    segment('1', [en[1]], [RU[1]], 0.88),
    segment('2', [en[2], en[3]], [RU[2], RU[3]], 0.71),
    { ...segment('3', [en[4]], [RU[4], RU[5]], 0.42), src: { lang: 'en', text: en[4], original, changes: [change] } },
    segment('4', [en[5]], [], 0.3),
    segment('5', [en[6]], [RU[6]], 0.9),
    segment('6', [en[7]], [RU[7]], 0.86),
    segment('7', [en[8]], [ru8a, ru8b], 0.77),
    segment('8', [en[9]], [RU[9]], 0.83, { origin: 'mt', originDetail: { provider: 'apertium' } }),
    segment('9', [en[10]], [RU[10]], 0.9),
    segment('10', ['Гродно.'], ['Гродно.'], 0.95),
    segment('11', ['Так выглядят сотрудники предприятия «Гродноазот», которые вышли на забастовку.'],
      ['Так выглядят сотрудники предприятия «Гродноазот», которые вышли на забастовку.'], 0.95),
  ];
}

/** Segment text that would run if it ever reached the page as markup. */
export const HOSTILE = [
  { src: '<script>window.__pwned = 1</script>Plain words.', tgt: '<img src=x onerror="window.__pwned = 2">Простые слова.' },
  { src: 'Click <a href="javascript:window.__pwned = 3">here</a> now.', tgt: 'javascript:window.__pwned = 4' },
];

export function hostileSegments(): Segment[] {
  return HOSTILE.map((h, k) => ({
    doc: 'hostile.en.txt', id: String(k), tgtDoc: 'hostile.ru.txt', src: { lang: 'en', text: h.src }, tgt: { lang: 'ru', text: h.tgt },
    terms: [], score: 0.5, origin: 'aligned',
  }));
}

/** Writes a job folder with segments.jsonl (and the glossary beside it); returns the folder. */
export function writeJob(root: string, segments: Segment[] = [...seedSegments(), ...hostileSegments()]): string {
  const dir = join(root, 'output', 'seed');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'segments.jsonl'), segments.map((s) => JSON.stringify(s) + '\n').join(''));
  writeFileSync(join(root, 'glossary.yaml'), GLOSSARY_YAML);
  return dir;
}
