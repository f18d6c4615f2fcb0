// Normalisation to house style: deprecated and unlisted spellings become the entry's preferred term of
// the same shape (surname → surname, full name → full name), with the case pattern and possessive kept.
// Admitted terms, hashtags, and Russian inflected forms that cannot be re-inflected stay as they are.
import type { Change, Glossary, Lang, TermMatch } from '../types.ts';
import type { DetailedMatch, Matcher } from './matcher.ts';
import { isPlural, surnamePlurals } from './plural.ts';
import { caseForms, wordInfo } from './forms.ts';
import { applyCase, casePattern } from './text.ts';
import { preferredTerm, scriptOf } from './variants.ts';

export interface Normalized {
  /** The normalised text. */
  text: string;
  /** Mentions in the normalised text (offsets into `text`; a rewritten mention shows its new spelling). */
  matches: TermMatch[];
  /** Mentions as found in the original text (offsets into the text given to normalize). */
  sourceMatches: TermMatch[];
  /** Edits, with offsets into the original text. */
  changes: Change[];
}

export function normalize(text: string, lang: Lang, matcher: Matcher, glossary: Glossary): Normalized {
  const detailed = matcher.findDetailed ? matcher.findDetailed(text, lang) : (matcher.find(text, lang) as DetailedMatch[]);
  // Most sentences name no term: nothing to rewrite, shift or copy.
  if (detailed.length === 0) return { text, matches: [], sourceMatches: [], changes: [] };
  const entries = matcher.entryById ?? new Map(glossary.entries.map((e) => [e.id, e]));
  const changes: Change[] = [];
  for (const m of detailed) {
    // A family plural is one mention of several entries: it is rewritten once, by the entry it belongs to.
    if (isBorrowedFamilyPlural(m) || changes.at(-1)?.start === m.start) continue;
    const change = changeFor(m, text, lang, entries.get(m.entry));
    if (change) changes.push(change);
  }
  const sourceMatches = detailed.map(({ entry, surface, start, end, lang: l, term, status, via }) => ({ entry, surface, start, end, lang: l, term, status, via }));
  // Most mentions are in house style already: nothing to apply or shift, the matches are copied.
  if (changes.length === 0) return { text, matches: sourceMatches.map((m) => ({ ...m })), sourceMatches, changes };
  const normalized = applyChanges(text, changes);
  return { text: normalized, matches: shiftMatches(sourceMatches, changes, normalized), sourceMatches, changes };
}

/** Moves matches from original offsets to normalised ones; a rewritten mention now reads as preferred. */
function shiftMatches(matches: TermMatch[], changes: Change[], normalized: string): TermMatch[] {
  // Both in reading order (normalize makes the changes from the matches, in turn). Shift by the changes
  // before a match; a family plural has several matches on one change, counted once.
  let shift = 0, next = 0;
  return matches.map((m) => {
    while (next < changes.length && changes[next].start < m.start) { shift += changes[next].after.length - (changes[next].end - changes[next].start); next++; }
    const c = changes[next]?.start === m.start ? changes[next] : undefined;
    const delta = c ? c.after.length - (c.end - c.start) : 0;
    const start = m.start + shift, end = m.end + shift + delta;
    return c ? { ...m, start, end, surface: normalized.slice(start, end), term: c.after, status: 'preferred' as const } : { ...m, start, end };
  });
}

/** True when a mention is a plural surname naming a family (the Tikhanovskys, Тихановских). */
export const isFamilyPlural = (m: DetailedMatch): boolean => m.spellings.some(isPlural);

/**
 * True when a mention is a family plural borrowed from another member's entry (Тихановские as his, when it
 * is her surname's plural too): a family plural is one mention of several entries, rewritten and reported
 * once, by the entry whose own plural it is. A plain TermMatch carries no spellings, so is never one.
 */
export const isBorrowedFamilyPlural = (m: TermMatch): boolean => !!(m as Partial<DetailedMatch>).spellings?.[0]?.family;

/** What house style writes for a deprecated or unlisted mention (Tikhanovskys → Tsikhanouskis), if it rewrites it. */
export function houseSpelling(m: DetailedMatch, text: string, lang: Lang, entry: Glossary['entries'][number] | undefined): string | undefined {
  return changeFor(m, text, lang, entry)?.after;
}

function changeFor(m: DetailedMatch, text: string, lang: Lang, entry: Glossary['entries'][number] | undefined): Change | undefined {
  if (!entry || m.via === 'hashtag' || m.status !== 'deprecated' || !m.spellings) return undefined;
  const script = scriptOf(m.surface);
  const target = lang && lang !== 'und' ? lang : script === 'latin' ? 'en' : 'ru';
  const preferred = preferredTerm(entry, target, m.shape);
  if (!preferred || scriptOf(preferred) !== script) return undefined;
  const before = text.slice(m.start, m.nameEnd);
  let after: string | undefined = preferred;
  if (m.spellings.some((s) => s.formIndex > 0)) {
    after = reinflect(preferred, m, entry.terms.find((t) => t.text === preferred) ?? { lang: target }, entry.type === 'person');
  }
  if (after === undefined) return undefined;
  after = keepSpacing(caseLike(after, before), before);
  if (after === before) return undefined;
  return { start: m.start, end: m.nameEnd, before, after, entry: m.entry, reason: m.listedTerm ? 'deprecated' : 'unlisted-variant' };
}

/**
 * The replacement in the case pattern of the surface it replaces: word by word when both have as
 * many words and the surface's words differ ("Vladimir ZELENSKY" → "Volodymyr ZELENSKYY", where the
 * whole once became "Volodymyr Zelenskyy"), else as a whole.
 */
function caseLike(after: string, before: string): string {
  const bw = before.split(/\s+/), aw = after.split(' ');
  if (bw.length > 1 && bw.length === aw.length) {
    const patterns = bw.map(casePattern);
    if (patterns.some((p) => p !== patterns[0])) return aw.map((w, k) => applyCase(w, patterns[k])).join(' ');
  }
  return applyCase(after, casePattern(before));
}

/**
 * The replacement with the original's spacing between words, when both have as many words: a name
 * broken over a line (Svetlana\nTikhanovskaya) or held together by a no-break space stays so.
 */
function keepSpacing(after: string, before: string): string {
  // Split by a capturing group: gaps at even indexes, words at odd ones.
  const partsBefore = before.split(WORD), partsAfter = after.split(WORD);
  if (partsBefore.length !== partsAfter.length) return after;
  return partsAfter.map((part, i) => (i % 2 === 0 && i > 0 && i < partsAfter.length - 1 && part === ' '
    && /^\s+$/u.test(partsBefore[i]) ? partsBefore[i] : part)).join('');
}
const WORD = /([\p{L}\p{M}\p{N}]+)/u;

/** Puts each word of the preferred term into the case of the matched word, when both decline alike. */
function reinflect(preferred: string, m: DetailedMatch, term: { lang: Lang; gender?: 'f' | 'm' | 'n'; indeclinable?: boolean },
  person: boolean): string | undefined {
  // Words at odd indexes, what joins them (a space, a double surname's hyphen) at even ones.
  const parts = preferred.split(WORD), words = parts.filter((_, i) => i % 2 === 1);
  if (words.length !== m.spellings.length) return undefined;
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const s = m.spellings[i];
    if (s.formIndex === 0) { out.push(words[i]); continue; }
    const info = wordInfo(term, i, words.length, person);
    if (isPlural(s)) {
      // The house-style plural of the preferred surname (Tikhanovskys → Tsikhanouskis), when it has one alike.
      const plurals = surnamePlurals(words[i], term.lang, info), found = s.forms.slice(s.pluralAt);
      if (plurals.length !== found.length || signature(plurals) !== signature(found)) return undefined;
      out.push(words[i][0] + plurals[s.formIndex - s.pluralAt!].slice(1));
      continue;
    }
    const forms = caseForms(words[i], term.lang, info);
    // An indeclinable preferred word (Лукашенко, Гродно) is the same in every case: Лукашенки → Лукашенко.
    if (forms.length === 1) { out.push(words[i]); continue; }
    const found = s.forms.slice(0, s.pluralAt);
    if (forms.length !== found.length || signature(forms) !== signature(found)) return undefined;
    const form = forms[s.formIndex];
    out.push(words[i][0] + form.slice(1));
  }
  return parts.map((part, i) => (i % 2 === 1 ? out[(i - 1) / 2] : part)).join('');
}

/** The endings of a paradigm, after the stem its forms share. */
function signature(forms: string[]): string {
  let stem = forms[0];
  for (const f of forms) while (!f.startsWith(stem)) stem = stem.slice(0, -1);
  return forms.map((f) => f.slice(stem.length)).join('|');
}

/** Applies non-overlapping changes (offsets into `text`). */
export function applyChanges(text: string, changes: Change[]): string {
  let out = '', at = 0;
  for (const c of [...changes].sort((a, b) => a.start - b.start)) { out += text.slice(at, c.start) + c.after; at = c.end; }
  return out + text.slice(at);
}

/** Undoes `applyChanges`: from the normalised text and its changes, the original text. */
export function revertChanges(normalized: string, changes: Change[]): string {
  let out = '', at = 0, shift = 0;
  for (const c of [...changes].sort((a, b) => a.start - b.start)) {
    const start = c.start + shift;
    if (normalized.slice(start, start + c.after.length) !== c.after) {
      throw new Error(`change at ${c.start} does not match the normalised text ("${c.after}")`);
    }
    out += normalized.slice(at, start) + c.before;
    at = start + c.after.length;
    shift += c.after.length - (c.end - c.start);
  }
  return out + normalized.slice(at);
}
