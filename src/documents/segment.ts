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
// - a list or clause number ("1. Fair elections.", "7.1. Each Party", "IV. Terms") is not a sentence of its own;
// - a sentence may open with a number, @handle, + or - ("He left Minsk. 5 people came."), where ICU runs on.
// The abbreviation and join rules are in segment-joins.ts, their word lists in segment-abbreviations.ts.
// Dates such as "Aug. 14, 2020" and "14.08.2020" already hold together under ICU's rules.

import { DAY_MONTH, joins, listNumber, MAYBE_NUMBER_START, numberStarts } from './segment-joins.ts';
import { isSpace } from './space.ts';

export interface Span { start: number; end: number; text: string }

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
/** Where sentence locales (and their rules) were checked against ICU's, in segment.test.ts, and where our abbreviation lists apply. */
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
  const plain = plainBreaks(text, locale);
  const cuts = plain ?? icuBreaks(text, locale);
  // ICU keeps a sentence that opens with a number or a handle with the one before (plain prose has none).
  // Only where our abbreviation lists tell "p. 5" from "Minsk. 5" (German "Abs. 3" is no sentence end).
  if (!plain && PLAIN_LOCALES.has(locale) && MAYBE_NUMBER_START.test(text)) numberStarts(text, cuts);
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
    if (cut === from || (guarded && insideProtected(text, cut)) || joins(text, cut) || listNumber(text, from, cut)) return false;
    from = cut;
    return true;
  });
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
