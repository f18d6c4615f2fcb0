// Sentence segmentation: Intl.Segmenter (ICU's sentence rules) and then the corrections that news text
// needs and ICU lacks (Node ships ICU without its abbreviation suppressions):
// - no break after titles and address words (Mr., Dr., Gen., проф., ул., г. Минск, м. Київ) or initials
//   (J. K. Rowling, А. Г. Лукашенко);
// - no break inside URLs, e-mail addresses, @handles or pic.twitter.com links, whose ?, ! and . are
//   not sentence ends;
// - no break before a lowercase continuation: "Leave!" directed at..., «Уходи!» — сказал он;
// - an embedded tweet's signature ("— Name (@handle) August 14, 2020") is a unit of its own.
// - "…" before a capital ends a sentence, as "..." does;
// - a dash after a sentence end, before a capital, starts a sentence (dialogue, run-in list items);
// - a list number ("1. Fair elections. 2. Release of detainees.") is not a sentence of its own.
// Dates such as "Aug. 14, 2020" and "14.08.2020" already hold together under ICU's rules.

import { isSpace } from './space.ts';

export interface Span { start: number; end: number; text: string }

const TITLES = new Set([
  // English titles and words followed by a name (numbers after an abbreviation never break under ICU)
  'mr', 'mrs', 'ms', 'messrs', 'dr', 'prof', 'st', 'gen', 'lt', 'col', 'capt', 'cpt', 'sgt', 'maj', 'adm', 'cmdr',
  'rev', 'hon', 'gov', 'sen', 'rep', 'pres', 'supt', 'mt', 'vs', 'cf', 'e.g', 'i.e',
  // Russian and Belarusian titles and address words
  'г-н', 'г-жа', 'гр', 'тов', 'проф', 'акад', 'доц', 'ген', 'им', 'ул', 'пр', 'просп', 'пл', 'пер', 'наб', 'бул',
  'ш', 'д', 'кв', 'корп', 'обл', 'р-н', 'пос', 'дер', 'с', 'ст', 'гор', 'напр', 'вул', 'св', 'ср', 'и.о', 'т.е',
  'т.н', 'т.к',
  // Ukrainian and Belarusian ones the Russian list lacks
  'ім', 'пров', 'праф', 'т.зв',
]);

/**
 * Abbreviations that take a number (p. 5, No. 3, Art. 35, п. 3, ч. 2, рис. 4): ICU breaks between them
 * when the number ends the sentence ("…on p. 5."), which never ends it there.
 */
const NUMBERED = new Set(['p', 'pp', 'no', 'nos', 'vol', 'art', 'ch', 'fig', 'figs', 'sec', 'para', 'eq', 'п', 'пп', 'ч', 'гл',
  'рис', 'табл', 'стр', 'т', 'тт', 'разд', 'прил', 'вып', 'абз',
  // Abbreviated months before a day or a year ("in Feb. 2020.", "с 12 авг. 2020 г."): ICU cut after "Feb."
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'янв', 'фев', 'февр', 'апр', 'авг', 'сен', 'сент', 'окт', 'нояб', 'дек',
  'січ', 'лют', 'квіт', 'трав', 'черв', 'серп', 'вер', 'жовт', 'груд', 'студз', 'сак', 'крас', 'чэрв', 'жн', 'кастр', 'снеж']);

/**
 * One-letter abbreviations that are a place before a name (г. Минск, м. Київ, р. Дніпро, в. Малыя
 * Вішні) but a unit after a number, where they may end the sentence (2020 г., 2020 р., XX в., 45 м.).
 */
const PLACE_OR_UNIT = new Set(['г', 'м', 'р', 'в']);

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** Month names as a tweet embed made in Russian, Ukrainian or Belarusian dates it ("14 августа 2020 г."). */
const MONTHS_GENITIVE = 'января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря'
  + '|січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня'
  + '|студзеня|лютага|сакавіка|красавіка|чэрвеня|ліпеня|жніўня|верасня|кастрычніка|лістапада|снежня';
/** The embed's date: "August 14, 2020" (US English), "14 August 2020" (British), "14 августа 2020 г." */
const TWEET_DATE = `(?:(?:${MONTHS})\\s+\\d{1,2},\\s+\\d{4}|\\d{1,2}\\s+(?:${MONTHS}|${MONTHS_GENITIVE})\\s+\\d{4}(?:\\s*[гр]\\.)?)`;
const TWEET_SIGNATURE = new RegExp(`\\s[—–]\\s[^—–\\n]{1,80}?\\(@\\w{1,30}\\)\\s+${TWEET_DATE}\\s*$`, 'u');
// Links, e-mail and handles: their inner punctuation never ends a sentence. Trailing . , ! ? ) » "
// belong to the sentence, not the link.
const PROTECTED = /(?:https?:\/\/|www\.)[^\s<>«»"]+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}|(?<![\p{L}\p{N}])@\w+|(?<![\p{L}\p{N}@.])(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}\/[^\s<>«»"]*/gu;
const MAYBE_PROTECTED = /[@/]|www\./;
const ELLIPSIS_END = /…[»"”’)]*\s+(?=[«"„“]?\p{Lu})/gu;
/**
 * A sentence end, then a dash that opens the next sentence: a line of dialogue ("— Мы не овцы! —
 * кричали рабочие. — А вы кто?") or a list item run into the paragraph ("elections. - Release of").
 * ICU never breaks before a dash (its SContinue class); a capital after the dash says a sentence starts.
 */
const DASH_START = /[.!?…][»"”’)\]]*\s+(?=(?:[—–]\s*|-\s+)[«"„“]?\p{Lu})/gu;
/** A list number ("1. Fair elections. 2. Release"), which ICU takes for a sentence of its own. */
const LIST_NUMBER = /^\s*\d{1,3}\.\s*$/;
/** A numbered list run into a paragraph after its lead-in ("three things: 1. New elections. 2. ..."). */
const INLINE_LIST = /:\s+(?=1\.\s+[«"„“]?\p{Lu}[\s\S]*?\s2\.\s+[«"„“]?\p{Lu})/gu;
const TRAILING = /[.,;:!?)»"'”’\]]+$/u;

// Latin or Cyrillic text with no terminator (. ! ? …) and no line break before its closing
// punctuation: ICU finds no break inside it, so it is one sentence without asking (four paragraphs
// in five of running text; the segmenter was most of the segment stage). Other scripts, which have
// terminators of their own, always go to ICU. It is what
// /^[\u0000-\u036F\u0400-\u052F\u2000-\u203B\u203E-\u2046\u204A-\u206F]*$/u and
// /^[^.!?…\n\r\u0085\u2028\u2029]*[.!?…]*[\s"'»”’)\]]*$/u together say (tests/documents/segment.test.ts),
// asked in that order's reverse with three patterns without the u flag, whose classes the regex engine
// scans natively: four times faster than a loop over the characters' codes, which it replaced.
/** The first terminator or line break. */
const FIRST_END = /[.!?…\n\r\u0085\u2028\u2029]/;
/** What may follow it in a one-sentence paragraph: more terminators, then closing punctuation and white space. */
const CLOSING_TAIL = /[.!?…]*[\s"'»”’)\]]*$/y;
/** A code unit outside Latin, Cyrillic and General Punctuation (a lone surrogate too). */
const NOT_LATIN_OR_CYRILLIC = /[^\u0000-\u036F\u0400-\u052F\u2000-\u203B\u203E-\u2046\u204A-\u206F]/;

export function oneSentence(text: string): boolean {
  const end = text.search(FIRST_END);
  if (end >= 0) {
    CLOSING_TAIL.lastIndex = end;
    if (!CLOSING_TAIL.test(text)) return false;
  }
  return !NOT_LATIN_OR_CYRILLIC.test(text);
}

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(locale: string): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) segmenters.set(locale, (s = new Intl.Segmenter(locale, { granularity: 'sentence' })));
  return s;
}

/** Splits a paragraph into sentences; offsets are into `text`, sentence text is trimmed. */
export function splitSentences(text: string, locale = 'en'): Span[] {
  const spans: Span[] = [];
  const ends = oneSentence(text) ? [] : sentenceCuts(text, locale);
  ends.push(text.length);
  let from = 0;
  // Where the next tweet signature's "(@" may be, looked for again only once passed: searching the
  // rest of the paragraph for every sentence made a paragraph of thousands of sentences quadratic.
  let handle = text.indexOf('(@');
  for (const end of ends) {
    if (handle >= 0 && handle < from) handle = text.indexOf('(@', from);
    pushSentence(spans, text, from, end, handle);
    from = end;
  }
  return spans;
}

/**
 * V8's sentence segmenter takes about a millisecond per break, instead of microseconds, in a text of
 * more than 65,536 code units (16 s for a one-paragraph document of 4,000 sentences): longer texts
 * are segmented in windows below that size.
 */
export const SEGMENT_WINDOW = 60_000;
/** Breaks this close to a window's end may depend on text past it: the next window finds them again. */
const WINDOW_MARGIN = 2_000;

/**
 * ICU's sentence breaks (offsets after 0), the same as of the whole text. Each window after the first
 * starts at a break the previous one found well before its end: a sentence's start, where the
 * segmenter starts as at a text's start. A window with no such break is taken twice as long.
 */
export function icuBreaks(text: string, locale: string, window = SEGMENT_WINDOW): number[] {
  const breaks: number[] = [];
  let from = 0, size = window;
  for (;;) {
    const end = Math.min(text.length, from + size);
    const part = end - from === text.length ? text : text.slice(from, end);
    const found: number[] = [];
    for (const s of segmenter(locale).segment(part)) if (s.index > 0) found.push(from + s.index);
    if (end === text.length) return breaks.concat(found);
    const safe = found.filter((b) => b < end - WINDOW_MARGIN);
    if (!safe.length) { size *= 2; continue; }
    breaks.push(...safe);
    from = safe[safe.length - 1];
    size = window;
  }
}

/**
 * Plain prose, where ICU's breaks are certain: Latin and Cyrillic letters (А-я, Ё, Ў, І...), digits,
 * single spaces and , ; : - — – ' " ( ) « » “ ” „ ’ / @ #, and terminators . ! ? each followed by
 * closing punctuation and then the text's end, another terminator, or one space and a capital (or,
 * after ! and ?, a lowercase letter), or periods inside a word, number or link.
 */
const PLAIN = /^[A-Za-z\u0400-\u045F0-9 ,;:\-—–'"()«»“”„’/@#.!?]*$/;
const TERMINATORS = /[.!?]+/g;
/** What UAX #29 calls Close among PLAIN's characters: quotes and brackets, which may follow a terminator. */
const CLOSE = /["'()«»“”„’]*/y;
/** Where sentence locales (and their rules) were checked against ICU's, in segment.test.ts. */
const PLAIN_LOCALES = new Set(['en', 'ru', 'uk', 'be']);

/**
 * ICU's sentence breaks in plain prose without asking ICU (whose segment() call costs a clone of its
 * break iterator, and was most of the segment stage), or undefined where it must be asked. In PLAIN
 * text UAX #29 breaks only after a terminator, its closing punctuation and a space (SB11); not before
 * another terminator or a comma or dash (SB8a), nor, after a period, before a digit (SB6), a capital
 * right after it and a letter (SB7) or a lowercase word (SB8); / @ # take no part in these rules. A
 * terminator followed by anything else is left to ICU. segment.test.ts checks these breaks against
 * ICU's on the repository's data and fuzzed prose.
 */
export function plainBreaks(text: string, locale: string): number[] | undefined {
  if (!PLAIN_LOCALES.has(locale) || !PLAIN.test(text)) return undefined;
  const breaks: number[] = [];
  TERMINATORS.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = TERMINATORS.exec(text)); ) {
    // A period inside a word, number or link (TUT.BY, 3.5, t.co): no break before a lowercase letter
    // (SB8), a digit (SB6), or a capital after a letter (SB7).
    if (m[0] === '.' && inWordPeriod(text, m.index)) continue;
    CLOSE.lastIndex = m.index + m[0].length;
    CLOSE.test(text);
    const at = CLOSE.lastIndex;
    if (at === text.length) continue;
    const c = text.charCodeAt(at);
    if (c === 46 || c === 33 || c === 63) continue; // a terminator after the closing quote: the next run decides
    const next = text.charCodeAt(at + 1);
    if (c !== 32 || !(isCapital(next) || (isLowercase(next) && !m[0].includes('.')))) return undefined;
    breaks.push(at + 1);
  }
  return breaks;
}

function inWordPeriod(text: string, at: number): boolean {
  const next = text.charCodeAt(at + 1);
  return isLowercase(next) || (next >= 48 && next <= 57)
    || (isCapital(next) && at > 0 && (isCapital(text.charCodeAt(at - 1)) || isLowercase(text.charCodeAt(at - 1))));
}

/** PLAIN's capitals: A-Z, Ѐ-Я. */
const isCapital = (c: number) => (c >= 65 && c <= 90) || (c >= 0x400 && c <= 0x42f);
/** PLAIN's lowercase letters: a-z, а-џ. */
const isLowercase = (c: number) => (c >= 97 && c <= 122) || (c >= 0x430 && c <= 0x45f);

/** Where sentences end inside the paragraph: ICU's breaks, corrected. */
function sentenceCuts(text: string, locale: string): number[] {
  const cuts = plainBreaks(text, locale) ?? icuBreaks(text, locale);
  // ICU does not count the ellipsis character as a terminator; before a capital it ends a sentence.
  if (text.includes('…')) for (const m of text.matchAll(ELLIPSIS_END)) cuts.push(m.index! + m[0].length);
  if (text.includes('—') || text.includes('–') || text.includes(' - ')) {
    for (const m of text.matchAll(DASH_START)) {
      if (!DAY_MONTH.test(text.slice(Math.max(0, m.index! - 12), m.index))) cuts.push(m.index! + m[0].length);
    }
  }
  // Its items are sentences of their own, the lead-in too (and "1." stays with its item: listNumber).
  if (text.includes(': 1.')) for (const m of text.matchAll(INLINE_LIST)) cuts.push(m.index! + m[0].length);
  cuts.sort((a, b) => a - b);
  // Every protected form has an @ or a / (or www.): most prose has neither.
  const guarded = MAYBE_PROTECTED.test(text);
  let from = 0;
  return cuts.filter((cut) => {
    if ((guarded && insideProtected(text, cut)) || joins(text, cut) || listNumber(text, from, cut)) return false;
    from = cut;
    return true;
  });
}

/** Whether text[from, to) is a list number alone ("1. "), which belongs with the item after it. */
function listNumber(text: string, from: number, to: number): boolean {
  return to - from <= 8 && LIST_NUMBER.test(text.slice(from, to));
}

/**
 * Whether the cut falls inside a link, e-mail address or handle (PROTECTED, less its trailing
 * punctuation). None of those holds white space, so only a cut between two characters that are not
 * white space can, and only the white-space-free stretch around it need be searched: at its start
 * every look-behind of PROTECTED sees white space or nothing, as it does in the whole text. Most
 * cuts follow a space and need no search at all, where the whole paragraph used to be scanned.
 */
function insideProtected(text: string, cut: number): boolean {
  if (isSpace(text.charCodeAt(cut - 1)) || isSpace(text.charCodeAt(cut))) return false;
  let start = cut - 1;
  while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start--;
  let end = cut + 1;
  while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
  const stretch = text.slice(start, end);
  for (const m of stretch.matchAll(PROTECTED)) {
    const a = start + m.index!;
    if (cut > a && cut < a + m[0].replace(TRAILING, '').length) return true;
  }
  return false;
}

// What joins asks, as module constants: a regex literal in its body was a new RegExp object at each
// cut, looked up in V8's compilation cache and run by the regexp interpreter again until it tiered up.
/** A continuation in lowercase, or a dash followed by one (Russian direct speech). */
const CONTINUATION = /^\s*(?:[—–-]\s*)?[\p{Ll},;:)]/u;
/** The word before a final period (sticky: tried only where wordBeforePeriod says it can start). */
const WORD_BEFORE_PERIOD = /(?:^|[\s(«"„“'])([\p{L}.-]+)\.$/uy;
/** Initials: a single capital letter, possibly within a dotted run (J. K., А.Г., U.S.). */
const INITIALS = /^(?:\p{Lu}\.)*\p{Lu}$/u;
/**
 * "т. д" of "и т. д." (and so on; Belarusian "і г. д."), which ends sentences, unlike "д." (house)
 * before a number.
 */
const ETC = /(?:^|[^\p{L}])[тг]\.\s?д$/u;
/** A day and an abbreviated month before a period: a dateline ("Минск, 14 авг. — Рабочие…"), not a sentence end. */
const DAY_MONTH = /(?:^|\s)\d{1,2}\s+\p{L}{3,5}$/u;
/** A number right after the break. */
const DIGIT_NEXT = /^\s*\d/;
/** A number (or a Roman one, of a century) before "г.", "р.", "в.", "м.": a unit, not a place (2020 г., XX в.). */
const AFTER_NUMBER = /(?:\d|\b[IVXLC]+)\s*$/u;

/** True when the ICU break at `cut` must go: the text before it does not end a sentence. */
function joins(text: string, cut: number): boolean {
  const before = text.slice(Math.max(0, cut - 40), cut).trimEnd();
  if (CONTINUATION.test(text.slice(cut, cut + 6))) return true;
  if (!before.endsWith('.')) return false;
  const word = wordBeforePeriod(before);
  if (!word) return false;
  if (INITIALS.test(word)) return !(word.length > 1 && startsSentence(text, cut));
  const lower = word.toLowerCase();
  if (NUMBERED.has(lower) && DIGIT_NEXT.test(text.slice(cut, cut + 4))) return true;
  if (PLACE_OR_UNIT.has(lower)) return !AFTER_NUMBER.test(before.slice(0, -2));
  if (lower === 'д' && ETC.test(before.slice(0, -1))) return false; // "и т. д.", "і г. д." (etc.) end a sentence; "д. 5" (house) does not
  return TITLES.has(lower);
}

/**
 * Words that open sentences and hardly ever follow an abbreviation inside one (Kiss and Strunk's
 * "frequent sentence starters"): after a dotted acronym they say the acronym ended the sentence
 * ("moved to the U.S. The talks…", "из США… по данным Ц.И.К. В понедельник…"), where a noun goes on
 * with it ("the U.S. Secretary of State"). A single initial before one stays an initial (J. A. Smith);
 * English "A" and "I" are left out ("the U.S. A-10 jets", "J. I. Smith").
 */
const SENTENCE_STARTERS = new Set([
  'the', 'an', 'he', 'she', 'it', 'they', 'we', 'you', 'this', 'that', 'these', 'those', 'there', 'but',
  'and', 'in', 'on', 'at', 'for', 'his', 'her', 'its', 'their', 'our', 'after', 'when', 'while', 'if', 'some',
  'many', 'most', 'yet', 'so', 'still', 'meanwhile', 'however', 'earlier', 'later', 'then', 'now',
  'в', 'во', 'на', 'он', 'она', 'оно', 'они', 'мы', 'я', 'это', 'этот', 'эта', 'но', 'и', 'а', 'по', 'после', 'когда',
  'там', 'тогда', 'однако', 'при', 'у', 'ў', 'з', 'із', 'він', 'вона', 'вони', 'ми', 'це', 'але', 'та', 'після',
  'ён', 'яна', 'яны', 'гэта', 'пасля',
]);

/** Whether the word after the cut opens sentences (SENTENCE_STARTERS), capitalised and not itself an initial. */
function startsSentence(text: string, cut: number): boolean {
  const m = NEXT_WORD.exec(text.slice(cut, cut + 24));
  return !!m && m[1][0] !== m[1][0].toLowerCase() && SENTENCE_STARTERS.has(m[1].toLowerCase());
}

/** The word right after a break, unless a period follows it (an initial: "A. Smith"). */
const NEXT_WORD = /^\s*[«"„“(]?(\p{L}+)(?![\p{L}.-])/u;

/**
 * WORD_BEFORE_PERIOD's word in `before` (which ends in a period). Its word holds no white space, quote
 * or bracket, so a match can only start at the last of those before the period (or at the start when
 * there is none): the pattern is tried there alone, where searching tried its Unicode classes from
 * every position of the 40 characters.
 */
function wordBeforePeriod(before: string): string | undefined {
  let at = before.length - 2;
  while (at >= 0 && !opensWord(before.charCodeAt(at))) at--;
  WORD_BEFORE_PERIOD.lastIndex = Math.max(at, 0);
  return WORD_BEFORE_PERIOD.exec(before)?.[1];
}

/** White space or ( « " „ “ ': what WORD_BEFORE_PERIOD's word may follow. */
function opensWord(c: number): boolean {
  return isSpace(c) || c === 40 || c === 0xab || c === 34 || c === 0x201e || c === 0x201c || c === 39;
}

/**
 * Adds text[from, to) as a sentence, or as two when it ends in a tweet's signature. `handle`: the
 * first "(@" at or after `from`, or -1.
 */
function pushSentence(spans: Span[], text: string, from: number, to: number, handle: number): void {
  // The signature holds "(@": most sentences have none, and are not sliced and searched.
  const m = handle >= 0 && handle < to ? TWEET_SIGNATURE.exec(text.slice(from, to)) : null;
  if (!m || m.index === 0) return pushTrimmed(spans, text, from, to);
  const at = from + m.index + 1;
  pushTrimmed(spans, text, from, at);
  pushTrimmed(spans, text, at, to);
}

function pushTrimmed(spans: Span[], text: string, from: number, to: number): void {
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  if (to <= from) return;
  // A line break the sentence runs on over (<br> before a lowercase word) is a space in its text; same length, same offsets.
  const sentence = text.slice(from, to);
  spans.push({ start: from, end: to, text: sentence.includes('\n') ? sentence.replace(/\n/g, ' ') : sentence });
}
