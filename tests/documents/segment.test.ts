import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasWords, splitSentences } from '../../src/documents/index.ts';
import { icuBreaks, oneSentence, plainBreaks, SEGMENT_WINDOW } from '../../src/documents/segment.ts';

const split = (text: string) => splitSentences(text).map((s) => s.text);

describe('sentence segmentation', () => {
  it('does not break after titles and abbreviations followed by a name', () => {
    expect(split('Mr. Smith met Dr. Jones and Gen. Lee at St. Paul. They talked.'))
      .toEqual(['Mr. Smith met Dr. Jones and Gen. Lee at St. Paul.', 'They talked.']);
    expect(split('Встреча прошла на ул. Ленина, где выступил проф. Иванов. Потом все ушли.'))
      .toEqual(['Встреча прошла на ул. Ленина, где выступил проф. Иванов.', 'Потом все ушли.']);
  });
  it('tells г. the town from г. the year', () => {
    expect(split('Это было в 2020 г. Потом всё изменилось. Он живёт в г. Гродно.'))
      .toEqual(['Это было в 2020 г.', 'Потом всё изменилось.', 'Он живёт в г. Гродно.']);
    expect(split('Мітинг відбувся у м. Київ, біля р. Дніпро. Це сталося у 2020 р. Висота стели 45 м. Її видно здалеку.'))
      .toEqual(['Мітинг відбувся у м. Київ, біля р. Дніпро.', 'Це сталося у 2020 р.', 'Висота стели 45 м.', 'Її видно здалеку.']);
    expect(split('Сход прайшоў у в. Малыя Вішні. Это было в XX в. Потом всё изменилось.'))
      .toEqual(['Сход прайшоў у в. Малыя Вішні.', 'Это было в XX в.', 'Потом всё изменилось.']);
  });
  it('keeps initials with the surname', () => {
    expect(split('The book by J. K. Rowling sold well. А. Г. Лукашенко выступил. Signed by A.B. Smith.'))
      .toEqual(['The book by J. K. Rowling sold well.', 'А. Г. Лукашенко выступил.', 'Signed by A.B. Smith.']);
  });
  it('ends a sentence at a dotted acronym when a sentence opener follows, not when a noun does', () => {
    expect(split('He moved to the U.S. The talks began in May. The U.S. Secretary of State agreed.'))
      .toEqual(['He moved to the U.S.', 'The talks began in May.', 'The U.S. Secretary of State agreed.']);
    expect(split('Данные Ц.И.К. В понедельник их опровергли.')).toEqual(['Данные Ц.И.К.', 'В понедельник их опровергли.']);
    // An initial stays with its name whatever follows, and so does an acronym before a hyphenated name.
    expect(split('Signed by J. The Younger. The U.S. A-10 jets flew.')).toEqual(['Signed by J. The Younger.', 'The U.S. A-10 jets flew.']);
  });
  it('handles «ёлочки» and "quotes" with the sentence they belong to', () => {
    expect(split('Он сказал: «Уходи!» — и ушёл. В руках плакат «Мы его не выбирали». Гродно.'))
      .toEqual(['Он сказал: «Уходи!» — и ушёл.', 'В руках плакат «Мы его не выбирали».', 'Гродно.']);
    expect(split('They shouted "Long live Belarus" and "Leave!" directed at Lukashenko. He said "Go." Then he left.'))
      .toEqual(['They shouted "Long live Belarus" and "Leave!" directed at Lukashenko.', 'He said "Go."', 'Then he left.']);
    expect(split('«Уходи!» Толпа повторяла это весь день.')).toEqual(['«Уходи!»', 'Толпа повторяла это весь день.']);
  });
  it('never breaks inside URLs, e-mail addresses or handles', () => {
    expect(split('See https://example.com/a?b=Cd!Ef now. Write to press.office@tut.by! Or ask @Tut.By? Yes.'))
      .toEqual(['See https://example.com/a?b=Cd!Ef now.', 'Write to press.office@tut.by!', 'Or ask @Tut.By?', 'Yes.']);
    expect(split('Visit www.belta.by. Next sentence.')).toEqual(['Visit www.belta.by.', 'Next sentence.']);
  });
  it('keeps dates like "August 14, 2020" and "Aug. 14, 2020" whole', () => {
    expect(split('It happened on August 14, 2020. The next day was calm.'))
      .toEqual(['It happened on August 14, 2020.', 'The next day was calm.']);
    expect(split('Strikes began on Aug. 14, 2020 at 10 a.m. and spread. Nobody expected it.'))
      .toEqual(['Strikes began on Aug. 14, 2020 at 10 a.m. and spread.', 'Nobody expected it.']);
    expect(split('Выборы прошли 09.08.2020. Протесты начались сразу.')).toEqual(['Выборы прошли 09.08.2020.', 'Протесты начались сразу.']);
    // An abbreviated month before a year that ends the sentence: ICU cut after the month.
    expect(split('He met Pompeo in Feb. 2020. They talked.')).toEqual(['He met Pompeo in Feb. 2020.', 'They talked.']);
    expect(split('Протесты шли с авг. 2020 по март. Потом стихли. Мітинг 16 серп. 2020 р. зібрав сотні тисяч.'))
      .toEqual(['Протесты шли с авг. 2020 по март.', 'Потом стихли.', 'Мітинг 16 серп. 2020 р. зібрав сотні тисяч.']);
    // Without a number after it, the month's period may end the sentence.
    expect(split('The talks were in late Aug. The strikes followed.')).toEqual(['The talks were in late Aug.', 'The strikes followed.']);
  });
  it('splits an embedded tweet from its signature, keeping pic.twitter.com with the tweet', () => {
    const tweet = 'Hundreds of workers are demanding free elections pic.twitter.com/ncfDTgE1ER — Hanna Liubakova (@HannaLiubakova) August 14, 2020';
    expect(split(tweet)).toEqual(['Hundreds of workers are demanding free elections pic.twitter.com/ncfDTgE1ER',
      '— Hanna Liubakova (@HannaLiubakova) August 14, 2020']);
    expect(split('Фото: Катерина Гордеева, https://t.co/SAPdczGoiG pic.twitter.com/vDMk37H5B4 — TUT.BY (@tutby) August 14, 2020'))
      .toEqual(['Фото: Катерина Гордеева, https://t.co/SAPdczGoiG pic.twitter.com/vDMk37H5B4', '— TUT.BY (@tutby) August 14, 2020']);
  });
  it('knows tweet signatures dated as British, Russian, Ukrainian and Belarusian embeds date them', () => {
    expect(split('Рабочие МТЗ идут к Дому правительства pic.twitter.com/AbC123 — Ольга Писарева (@OlgaP) 14 августа 2020 г.'))
      .toEqual(['Рабочие МТЗ идут к Дому правительства pic.twitter.com/AbC123', '— Ольга Писарева (@OlgaP) 14 августа 2020 г.']);
    expect(split('Workers walked out pic.twitter.com/AbC123 — Olga (@olga) 14 August 2020')).toEqual(['Workers walked out pic.twitter.com/AbC123', '— Olga (@olga) 14 August 2020']);
    expect(split('Працоўныя выйшлі — Ганна (@hanna) 14 жніўня 2020 г.')).toEqual(['Працоўныя выйшлі', '— Ганна (@hanna) 14 жніўня 2020 г.']);
    expect(split('Робітники вийшли — Ганна (@hanna) 14 серпня 2020 р.')).toEqual(['Робітники вийшли', '— Ганна (@hanna) 14 серпня 2020 р.']);
  });
  it('reports offsets into the paragraph', () => {
    const text = '  First one.   Second one!  ';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(splitSentences(text).map((s) => s.text)).toEqual(['First one.', 'Second one!']);
  });
  it('keeps a paragraph without an inner sentence end whole, and still cuts its tweet signature', () => {
    expect(split('  Рабочие МТЗ вышли на забастовку в пятницу, 14 августа 2020 года »  ')).toEqual(['Рабочие МТЗ вышли на забастовку в пятницу, 14 августа 2020 года »']);
    expect(split('Workers demand free elections — Hanna Liubakova (@HannaLiubakova) August 14, 2020'))
      .toEqual(['Workers demand free elections', '— Hanna Liubakova (@HannaLiubakova) August 14, 2020']);
    expect(split('First line\nSecond line')).toEqual(['First line', 'Second line']); // a line break is a break
  });
  it('finds ICU\'s breaks in plain prose without asking ICU, and leaves the rest to it', () => {
    const texts = readdirSync('data/segment').flatMap((f) => readFileSync(`data/segment/${f}`, 'utf8').split('\n'));
    // Fuzzed prose: words, numbers, abbreviations, terminators, quotes, brackets, dashes and spacing.
    const tokens = ['Word', 'word', 'Слово', 'слово', 'Ўз', 'і', 'A', 'U', 'S', 'Mr', 'г', 'No', '5', '1948', ' ', ' ', ' ', '  ',
      't.co', 'TUT.BY', '3.5', 'U.S', '5.A', '/', '@', '#',
      '.', '.', '!', '?', '?!', '...', ',', ';', ':', '-', '—', "'", '"', '(', ')', '«', '»', '“', '”', '„', '’'];
    let seed = 3;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let t = 0; t < 20000; t++) {
      let text = '';
      for (let i = 1 + Math.floor(next() * 16); i > 0; i--) text += tokens[Math.floor(next() * tokens.length)];
      texts.push(text);
    }
    let plain = 0;
    const differing: string[] = [];
    for (const text of texts) {
      for (const locale of ['en', 'ru', 'uk', 'be']) {
        const breaks = plainBreaks(text, locale);
        if (!breaks) continue;
        plain++;
        if (breaks.join() !== icuBreaks(text, locale).join()) differing.push(`${locale}: ${text}`);
      }
    }
    expect(differing).toEqual([]);
    expect(plain).toBeGreaterThan(10000);
    expect(plainBreaks('See p. 5 or the U.S. Army. Then go.', 'en')).toBeUndefined(); // a number, a capital after a period
    expect(plainBreaks('Он ушёл. Она осталась!', 'ja')).toBeUndefined(); // a locale not checked here
    expect(plainBreaks('Mr. Smith left. «Go», he said.', 'en')).toBeUndefined(); // a quote after the space
    const prose = 'Mr. Smith left. Then she said "Go!" Nobody moved.';
    expect(plainBreaks(prose, 'en')).toEqual([4, 16, 36]);
    expect(icuBreaks(prose, 'en')).toEqual([4, 16, 36]);
    // After ! and ? a lowercase word is a new sentence to ICU too (tandem's own rules join it back), and
    // a terminator after a closing quote goes on with the sentence.
    const speech = 'They shouted "Leave!" directed at him. Он крикнул «Уходи!». Все ушли.';
    expect(plainBreaks(speech, 'ru')).toEqual(icuBreaks(speech, 'ru'));
    expect(plainBreaks(speech, 'ru')).toEqual([22, 39, 60]);
    // Periods inside links and names are no breaks: the embedded tweet's credit line.
    const credit = 'Фото: https://t.co/SAPdczGoiG pic.twitter.com/vDMk37H5B4 — TUT.BY (@tutby) August 14, 2020';
    expect(plainBreaks(credit, 'ru')).toEqual([]);
    expect(icuBreaks(credit, 'ru')).toEqual([]);
  });
  it('asks ICU about exactly the paragraphs that the one-sentence test (by character code) cannot settle', () => {
    // The test's meaning, as the two patterns it replaced: Latin/Cyrillic text, no terminator or line
    // break before the closing punctuation and white space.
    const script = /^[\u0000-\u036F\u0400-\u052F\u2000-\u203B\u203E-\u2046\u204A-\u206F]*$/u;
    const noInnerEnd = /^[^.!?…\n\r\u0085\u2028\u2029]*[.!?…]*[\s"'»”’)\]]*$/u;
    const chars = ['a', 'Я', ' ', '.', '!', '?', '…', '\n', '\r', '\u0085', '\u2028', '\u2029', '\u00a0', '"', "'", '»', '”', '’', ')',
      ']', '(', '«', '\u036f', '\u0370', '\u0530', '\u203c', '\u2047', '\u2070', '中', '\ud83d\ude00', '\ud800', '\u3000', '\ufeff'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const differing: string[] = [];
    for (let t = 0; t < 20000; t++) {
      let text = '';
      for (let i = Math.floor(next() * 8); i > 0; i--) text += chars[Math.floor(next() * chars.length)];
      if (oneSentence(text) !== (script.test(text) && noInnerEnd.test(text))) differing.push(text);
    }
    expect(differing).toEqual([]);
  });
  it('starts a sentence at a dialogue dash or a run-in list dash after a sentence end', () => {
    expect(split('— Мы не овцы! — кричали рабочие. — А кто же вы? — спросил директор.'))
      .toEqual(['— Мы не овцы! — кричали рабочие.', '— А кто же вы? — спросил директор.']);
    expect(split('«Уходи!» — кричала толпа.')).toEqual(['«Уходи!» — кричала толпа.']);
    expect(split('The demands: new elections. - Release of detainees. – An end to violence.'))
      .toEqual(['The demands: new elections.', '- Release of detainees.', '– An end to violence.']);
    expect(split('They marched - and then went home. Nobody was hurt - not one person.'))
      .toEqual(['They marched - and then went home.', 'Nobody was hurt - not one person.']);
  });
  it('ends a sentence at "и т. д." but not at a dateline\'s abbreviated month before a dash', () => {
    expect(split('Требовали свободы слова, собраний и т. д. Власти отказали. Улицу перекрыли у д. 5. Потом открыли.'))
      .toEqual(['Требовали свободы слова, собраний и т. д.', 'Власти отказали.', 'Улицу перекрыли у д. 5.', 'Потом открыли.']);
    // Belarusian "і г. д." (і гэтак далей) too.
    expect(split('Патрабавалі свабоды слова, сходаў і г. д. Улады адмовілі.')).toEqual(['Патрабавалі свабоды слова, сходаў і г. д.', 'Улады адмовілі.']);
    expect(split('Минск, 14 авг. — Рабочие вышли на улицы. Колонна растянулась.')).toEqual(['Минск, 14 авг. — Рабочие вышли на улицы.', 'Колонна растянулась.']);
  });
  it('keeps a number with the abbreviation that takes it, also at a sentence end (p. 5., п. 3.)', () => {
    expect(split('See p. 4 for the timeline. A map is on p. 5. The letter cited Art. 35. Подробности см. в ст. 5 и п. 3. Дальше.'))
      .toEqual(['See p. 4 for the timeline.', 'A map is on p. 5.', 'The letter cited Art. 35.', 'Подробности см. в ст. 5 и п. 3.', 'Дальше.']);
    expect(split('He said no. Then he left.')).toEqual(['He said no.', 'Then he left.']);
  });
  it('keeps a list number with its item', () => {
    expect(split('1. Fair elections for everyone. 2. The release of detainees.'))
      .toEqual(['1. Fair elections for everyone.', '2. The release of detainees.']);
    expect(split('12. Двенадцатый пункт.')).toEqual(['12. Двенадцатый пункт.']);
    expect(split('Turnout was 2020. Then it fell.')).toEqual(['Turnout was 2020.', 'Then it fell.']);
  });
  it('splits a numbered list run into a paragraph into its lead-in and its items', () => {
    expect(split('Рабочие выдвинули три требования: 1. Новые выборы. 2. Освобождение задержанных. 3. Наказание виновных.'))
      .toEqual(['Рабочие выдвинули три требования:', '1. Новые выборы.', '2. Освобождение задержанных.', '3. Наказание виновных.']);
    // A colon before a number that no second item follows is no list.
    expect(split('The final score was 3: 1. Fans stayed on.')).toEqual(['The final score was 3: 1.', 'Fans stayed on.']);
  });
  it('still ends ordinary sentences', () => {
    expect(split('It rained. It was cold! Was it? Yes… Then it stopped.')).toEqual(['It rained.', 'It was cold!', 'Was it?', 'Yes…', 'Then it stopped.']);
  });
});

describe('hasWords', () => {
  it('sees no words in links, handles and hashtag signs alone', () => {
    expect(hasWords('https://t.co/SAPdczGoiG pic.twitter.com/vDMk37H5B4 @tutby www.site.org/page?x=1 a@b.org #')).toBe(false);
    expect(hasWords('Фото: https://t.co/x')).toBe(true);
  });

  it('sees no words in hashtags, which name feeds, but does in a sentence that has one', () => {
    expect(hasWords('@someone #tag #Беларусь2020')).toBe(false);
    expect(hasWords('We stand with #Belarus')).toBe(true);
  });

  it('segments a paragraph longer than the segmenter window in windows, with the breaks of the whole', () => {
    // One paragraph of over 65,536 code units (where V8's segmenter slows down a hundredfold): our
    // EN-RU evaluation documents, English and Russian sentences and headlines, lines joined by spaces.
    const dir = new URL('../../data/align/en-ru/', import.meta.url);
    const lines = readdirSync(dir).sort().flatMap((f) => readFileSync(new URL(f, dir), 'utf8').split('\n'))
      .filter((l) => l.trim() && !l.startsWith('#')).flatMap((l) => l.split(' ⟂ '));
    let text = lines.join(' ');
    while (text.length < 70_000) text += ' ' + lines.join(' ');
    const whole = icuBreaks(text, 'en', Infinity);
    expect(whole.length).toBeGreaterThan(400);
    // Windows of the default size and far smaller ones (many window ends inside sentences).
    expect(icuBreaks(text, 'en', SEGMENT_WINDOW)).toEqual(whole);
    expect(icuBreaks(text, 'en', 4_000)).toEqual(whole);
    // A window that ends inside a sentence's look-ahead: ICU breaks after "etc. " before "(" only
    // when no lowercase word follows, so the window's break there must not be kept.
    const head = 'They sold fruit etc. (';
    let filler = '';
    while (filler.length < 4_000 - head.length - 20) filler += 'Alpha beta gamma. ';
    const tricky = filler + 'x'.repeat(4_000 - head.length - filler.length) + ' ' + head.slice(1) + 'and vegetables) there. Then we left.';
    expect(tricky.indexOf('(')).toBe(3_999);
    expect(icuBreaks(tricky, 'en', 4_000)).toEqual(icuBreaks(tricky, 'en', Infinity));
    expect(icuBreaks(tricky, 'en', Infinity)).not.toContain(3_999);
    // A text without a break for longer than a window is taken whole.
    const unbroken = 'word '.repeat(3_000) + 'end. Next one.';
    expect(icuBreaks(unbroken, 'en', 4_000)).toEqual(icuBreaks(unbroken, 'en', Infinity));
    // And the sentences cover the paragraph in order.
    const spans = splitSentences(text);
    expect(spans.length).toBeGreaterThan(400);
    for (let k = 1; k < spans.length; k++) expect(spans[k].start).toBeGreaterThanOrEqual(spans[k - 1].end);
  });
});
