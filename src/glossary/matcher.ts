// Finding glossary mentions in text. Patterns are precompiled into one map keyed by the folded first
// word, so a text is scanned once, word by word, whatever the glossary's size.
import type { Glossary, GlossaryEntry, Lang, Term, TermMatch } from '../types.ts';
import type { RussianStrategy } from './russian.ts';
import { isHashtag, protectedSpans, type Span } from './text.ts';
import { givenNameOf } from './people.ts';
import { isPlural, pluralFits } from './plural.ts';
import { levenshtein, nameKey } from './translit.ts';
import { lexiconHas } from '../language/index.ts';
import { createWordScreen, type ScreenedWords } from './screen.ts';
import { compilePatterns, statusRank, wordKey, type CompileOptions, type Pattern, type Spelling } from './variants.ts';

/** A match with what normalisation needs to know about it. */
export interface DetailedMatch extends TermMatch {
  shape: string;
  /** The spelling found at each word, with its case index. */
  spellings: Spelling[];
  /** Offsets of the name itself, without a possessive ending. */
  nameEnd: number;
  /** The listed term the surface is (in any case form), when it is one. */
  listedTerm?: Term;
}

/** What other stages need of a matcher: `find`. The rest is there on every matcher createMatcher makes. */
export interface Matcher {
  find(text: string, lang: Lang): TermMatch[];
  /** Like find, with shapes, spellings and case indexes (what normalize needs). */
  findDetailed?(text: string, lang: Lang): DetailedMatch[];
  entryById?: Map<string, GlossaryEntry>;
  /** True when any preferred or admitted term of the entry, in any form, occurs in the text. */
  mentions?(text: string, lang: Lang, entryId: string): boolean;
  /** Number of compiled word keys, for benchmarks. */
  size?: number;
}

/** A matcher with its compiled patterns (the glossary lint reuses them instead of compiling its own). */
export type CompiledMatcher = Required<Matcher> & { patterns: Pattern[] };

export interface MatcherOptions extends CompileOptions {}

export function createMatcher(glossary: Glossary, options: MatcherOptions = {}): CompiledMatcher {
  const strategy: RussianStrategy = options.russian ?? 'paradigm';
  const patterns = compilePatterns(glossary, options);
  const byFirst = new Map<string, Pattern[]>();
  for (const p of patterns) {
    for (const key of p.positions[0].keys()) {
      const list = byFirst.get(key);
      if (list) list.push(p); else byFirst.set(key, [p]);
    }
  }
  const entryById = new Map(glossary.entries.map((e) => [e.id, e]));

  const screen = createWordScreen(byFirst, strategy);

  const findDetailed = (text: string, lang: Lang): DetailedMatch[] => {
    // Words before the first one that may start a mention are never looked at again.
    const words = screen(text);
    if (!words) return [];
    const { starts, firstKeys: keys } = words;
    const spans = protectedSpans(text);
    const out: DetailedMatch[] = [];
    let span = 0;
    for (let i = 0; i < starts.length; ) {
      const key = keys[i], candidates = key === undefined ? undefined : byFirst.get(key);
      if (!candidates) { i++; continue; }
      while (span < spans.length && spans[span][1] <= starts[i]) span++;
      // Nothing inside a URL; inside a bare domain, only a name spelled as the whole domain (tryPattern).
      if (span < spans.length && spans[span][0] <= starts[i] && !(spans[span][2] && spans[span][0] === starts[i])) { i++; continue; }
      let best: { match: DetailedMatch; n: number; rank: number } | undefined;
      let family: Array<{ match: DetailedMatch; p: Pattern }> | undefined;
      for (const p of candidates) {
        const m = tryPattern(p, words, strategy, i, text, lang, spans, span);
        if (!m) continue;
        // A borrowed family plural ranks below the entry whose own plural it is.
        const rank = (m.listedTerm ? 0 : 4) + statusRank[m.status] + (m.match.spellings[0].family ? 8 : 0);
        if (m.n === 1 && isPlural(m.match.spellings[0])) (family ??= []).push({ match: m.match, p });
        if (!best || m.n > best.n || (m.n === best.n && rank < best.rank)) best = { match: m.match, n: m.n, rank };
      }
      if (best) { out.push(best.match); i += best.n; } else i++;
      // A family's plural names every member: one mention per entry, on the same words.
      if (best && family && family.length > 1 && best.n === 1 && isPlural(best.match.spellings[0])) {
        const seen = new Set([best.match.entry]);
        for (const f of family) {
          if (seen.has(f.match.entry)) continue;
          seen.add(f.match.entry);
          out.push(f.match.spellings[0].family ? asFamilyOf(f.match, best.match, f.p) : f.match);
        }
      }
    }
    return out;
  };

  return {
    findDetailed,
    find: (text, lang) => findDetailed(text, lang).map(toTermMatch),
    entryById,
    mentions: (text, lang, entryId) => findDetailed(text, lang).some((m) => m.entry === entryId && m.status !== 'deprecated'),
    size: byFirst.size,
    patterns,
  };
}

/** A borrowed family plural reads like the member's own: same status and language, the entry's own term. */
function asFamilyOf(m: DetailedMatch, own: DetailedMatch, p: Pattern): DetailedMatch {
  const terms = [...p.listed.values()];
  const term = terms.find((t) => t.lang === own.lang && t.status === own.status) ?? terms.find((t) => t.status === own.status);
  return { ...m, status: own.status, via: own.via, lang: own.lang, term: term?.text ?? m.term, listedTerm: own.listedTerm && term };
}

const toTermMatch = (m: DetailedMatch): TermMatch => ({
  entry: m.entry, surface: m.surface, start: m.start, end: m.end, lang: m.lang, term: m.term, status: m.status, via: m.via,
});

/**
 * The key of word j. Words a mention may start at come keyed; the others are keyed only when a pattern
 * reaches them. (A function of the module, not a closure per text: tsx names each closure it makes.)
 */
function keyAt(words: ScreenedWords, j: number, text: string, strategy: RussianStrategy): string {
  return words.firstKeys[j] ??= wordKey(text.slice(words.starts[j], words.ends[j]), strategy);
}

function tryPattern(p: Pattern, words: ScreenedWords, strategy: RussianStrategy, i: number, text: string, lang: Lang,
  spans: Span[], span: number): { match: DetailedMatch; n: number; status: DetailedMatch['status'] } & { listedTerm?: Term } | undefined {
  const n = p.positions.length;
  const { starts, ends } = words;
  if (i + n > starts.length) return undefined;
  // At a bare domain's start (findDetailed skips words inside it): a name written as a domain, TUT.BY.
  const domainEnd = span < spans.length && spans[span][2] && spans[span][0] === starts[i] ? spans[span][1] : -1;
  if (domainEnd >= 0 && !p.gaps.includes('dot')) return undefined;
  // Cheapest test first, before allocating anything: a common given name starts hundreds of full-name patterns.
  for (let k = 1; k < n; k++) if (!p.positions[k].has(keyAt(words, i + k, text, strategy))) return undefined;
  const spellings: Spelling[] = [];
  for (let k = 0; k < n; k++) {
    const start = starts[i + k], end = ends[i + k];
    if (k > 0 && !gapFits(text.slice(ends[i + k - 1], start), p.gaps[k - 1])) return undefined;
    if (k > 0 && domainEnd < 0 && span < spans.length && spans[span][0] < end) return undefined;
    const surfaceKey = keyAt(words, i + k, text, strategy);
    let s = p.positions[k].get(surfaceKey)!;
    // Where another language lists this form as a spelling of its own, the text's language reads it as its form.
    if (s.lang !== lang && p.readings[k].size) s = p.readings[k].get(`${surfaceKey}\0${lang}`) ?? s;
    // Another language's case form of a word the text's language lists itself, which its own grammar
    // does not give: no mention of that term here (the deprecated spelling it may be is found alone).
    // Not for acronyms, which only Russian's paradigm declines (МАЗа, МАЗу in Belarusian text too).
    if (s.lang !== lang && s.formIndex > 0 && !p.capsOnly) {
      const own = ownSpelling(p, k, s, lang, strategy);
      if (own && !own.forms.some((f) => wordKey(f, strategy) === surfaceKey)) return undefined;
    }
    // A place's or organisation's name written with a capital is that name only when capitalised: «весна»,
    // «весной» is spring, «Весна» the rights group; "nice" is not Nice. People's names are matched in
    // any case (graffiti's "lukashenko out"), and so are hashtags, which are lower case by habit.
    if (k === 0 && p.properName && text[start] === text[start].toLowerCase() && !isHashtag(text, start)) return undefined;
    // A person's Cyrillic name in lower case that the text language's dictionary has is that word:
    // Ukrainian «кличка» (a pet's name) is not Klitschko, «козак» (a Cossack) not Kozak; «лукашенко» stays.
    if (k === 0 && p.script === 'cyrillic' && (p.entry.type === 'person' || p.shape === 'surname') && text[start] !== text[start].toUpperCase()
      && !isHashtag(text, start) && lexiconHas(text.slice(start, end), lang)) return undefined;
    // A plural surname is a name only when capitalised: «Белые» may be the Belys, «белые» is "white".
    if (isPlural(s) && (text[start] === text[start].toLowerCase() || !pluralFits(s, text, start))) return undefined;
    // Acronyms in capitals; a Russian case ending may follow in lower case (МАЗа, МАЗе).
    if (p.capsOnly) {
      const head = text.slice(start, Math.min(start + s.base.length, end));
      if (head !== head.toUpperCase()) return undefined;
    }
    spellings.push(s);
  }
  const start = starts[i], nameEnd = ends[i + n - 1];
  if (domainEnd >= 0 && nameEnd !== domainEnd) return undefined;
  if (n === 1 && p.shape === 'surname' && anotherPersonsGivenName(p.entry, text, start)) return undefined;
  if (p.entry.type === 'place' && p.script === 'latin' && partOfLongerName(text, nameEnd)) return undefined;
  if (p.entry.type === 'place' && AMERICAN_NAMESAKE.test(text.slice(nameEnd, nameEnd + 24))) return undefined;
  // A place named after a given name is a person's surname: "the singer Igor Nikolaev", «князь Георгий Львов».
  if (p.entry.type === 'place' && givenNameBefore(text, start)) return undefined;
  const surfaceName = text.slice(start, nameEnd);
  const key = n === 1 ? spellings[0].folded : spellings.map((s) => s.folded).join(' ');
  const listedTerm = p.shared.get(key)?.find((t) => t.lang === lang) ?? p.listed.get(key);
  let derived = !listedTerm, inflected = false;
  for (const s of spellings) { if (s.derived) derived = true; if (s.formIndex > 0) inflected = true; }
  // English possessive: Lukashenka's, Belarus' (the name part is what normalisation rewrites).
  let end = nameEnd;
  const next = text.charCodeAt(nameEnd);
  const poss = p.script === 'latin' && (next === 39 || next === 0x2019) ? /^['’]s?(?![\p{L}\p{N}])/u.exec(text.slice(nameEnd, nameEnd + 3)) : null;
  if (poss && (poss[0].length === 2 || /s$/i.test(surfaceName))) end += poss[0].length;
  const hashtag = isHashtag(text, start);
  const status = listedTerm && !derived ? listedTerm.status : 'deprecated';
  const baseText = listedTerm?.text ?? spellings.map((s) => s.base).join(p.gaps[0] === 'dot' ? '.' : ' ');
  const via: TermMatch['via'] = hashtag ? 'hashtag' : derived ? 'transliteration' : inflected ? 'inflection'
    : end > nameEnd ? 'possessive' : surfaceName === listedTerm!.text ? 'exact' : 'case';
  const match: DetailedMatch = {
    entry: p.entry.id, surface: text.slice(start, end), start, end, lang: listedTerm && !derived ? listedTerm.lang : lang,
    term: baseText, status, via, shape: p.shape, spellings, nameEnd, listedTerm: derived ? undefined : listedTerm,
  };
  return { match, n, status, listedTerm: match.listedTerm };
}

/**
 * Whether the word before a surname is another person's given name: «журналиста Андрея Колесникова» is
 * a man of that surname, not Maria Kalesnikava (Колесникова is her name and his genitive alike).
 */
function anotherPersonsGivenName(entry: GlossaryEntry, text: string, surnameStart: number): boolean {
  const given = givenNameBefore(text, surnameStart);
  if (!given) return false;
  const own = givenNamesOf(entry);
  // A language's own form of the entry's given name is the person's (Дмитро for Dmitry, Volodymyr for Vladimir).
  for (const name of own) if (name === given || 1 - levenshtein(name, given) / Math.max(name.length, given.length) >= SAME_GIVEN_NAME) return false;
  return own.size > 0;
}

/** How alike (1 - edit distance / length) two given names' keys are when they are one name in two languages. */
const SAME_GIVEN_NAME = 0.75;

/** The given name (people.ts givenNameOf) written right before text[start], if any. */
function givenNameBefore(text: string, start: number): string | undefined {
  const word = WORD_BEFORE.exec(text.slice(Math.max(0, start - 24), start))?.[1];
  return word ? givenNameOf(word) : undefined;
}

/** A capitalised word, then one space, at the end of the text before a name. */
const WORD_BEFORE = /(?:^|[^\p{L}])(\p{Lu}[\p{Ll}ʼ’'-]+)[ \u00A0]$/u;

const entryGivenNames = new WeakMap<GlossaryEntry, Set<string>>();
/** The given names (nameKey) an entry's full names start with. */
function givenNamesOf(entry: GlossaryEntry): Set<string> {
  let names = entryGivenNames.get(entry);
  if (!names) {
    names = new Set(entry.terms.map((t) => t.text.trim().split(/\s+/)).filter((w) => w.length > 1).map((w) => nameKey(w[0])));
    entryGivenNames.set(entry, names);
  }
  return names;
}

/**
 * The text language's own listed spelling of the base word `s` is a form of, if it lists one: its base
 * form's key holds it, or, where another language's spelling holds that key, the key's reading in
 * the text's language.
 */
function ownSpelling(p: Pattern, k: number, s: Spelling, lang: Lang, strategy: RussianStrategy): Spelling | undefined {
  const baseKey = wordKey(s.forms[0], strategy);
  let own = p.positions[k].get(baseKey);
  if (own?.lang !== lang) own = p.readings[k].get(`${baseKey}\0${lang}`);
  return own && own.lang === lang && !own.derived && own.folded === s.folded ? own : undefined;
}

/**
 * Capitalised words closing a name that holds a place, as English runs them on: a works, a region or
 * an institution named after its city ("Minsk Wheeled Tractor Plant", "Brest Fortress", "Minsk Region",
 * "Minsk City Court"). Only such heads: "in Minsk Sunday" or "Minsk Lukashenko said" name the city.
 */
const LONGER_NAME = /^(?:[ \u00A0]+\p{Lu}[\p{L}'’-]*){0,3}?[ \u00A0]+(?:Plant|Works|Factory|Mill|Company|Corporation|Holding|Bank|Group|University|Institute|Academy|College|School|Lyceum|Hospital|Clinic|Court|Prison|Museum|Theatre|Theater|Library|Airport|Station|Region|Oblast|District|Fortress|Cathedral|Arena|Stadium|Committee|Council)(?![\p{L}\p{N}])/u;

/**
 * After a place's name, a US state or «штат»: an American town of that name (Odessa, Texas; Moscow,
 * Idaho; «Одесса, штат Техас»), which house style does not respell. Not Georgia or Washington, which
 * follow a city in a list as often ("talks in Kyiv, Georgia and Moldova").
 */
const AMERICAN_NAMESAKE = new RegExp('^(?:,|\\s*\\()\\s*(?:штат[а-я]*|(?:' + ['Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California',
  'Colorado', 'Connecticut', 'Delaware', 'Florida', 'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky',
  'Louisiana', 'Maine', 'Maryland', 'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska',
  'Nevada', 'New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma', 'Oregon',
  'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah', 'Vermont', 'Virginia',
  'West Virginia', 'Wisconsin', 'Wyoming'].join('|') + ')(?![\\p{L}]))', 'u');

/** Whether a place's name at text[..end) is the first part of a longer name (LONGER_NAME). */
function partOfLongerName(text: string, end: number): boolean {
  const next = text.charCodeAt(end);
  return (next === 32 || next === 0xa0) && LONGER_NAME.test(text.slice(end, end + 80));
}

function gapFits(gap: string, kind: 'space' | 'dot'): boolean {
  if (kind === 'dot') return gap === '.';
  if (gap === ' ') return true; // by far the most common gap
  return /^(?:[ \t\u00A0\u202F]{1,3}|\r?\n|[ \u00A0]?[-‐‑–][ \u00A0]?)$/.test(gap);
}
