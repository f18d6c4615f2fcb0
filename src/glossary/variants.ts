// Compiles glossary entries into word patterns: for every entry, shape and script, the set of spellings
// allowed at each word position (listed terms, their Russian case forms, their romanisations and
// back-transliterations). A full name matches any combination of its positions' spellings, so
// "Svetlana Tsikhanouskaya" is recognised even when only two other spellings are listed.
import type { Glossary, GlossaryEntry, Lang, Term, TermStatus } from '../types.ts';
import { caseForms, wordInfo } from './forms.ts';
import { shareSurnamePlurals, surnamePlurals } from './plural.ts';
import { snowballStem, type RussianStrategy } from './russian.ts';
import { fold, hasCyrillic, primaryLang, romanizations, toCyrillic } from './translit.ts';

export type Script = 'latin' | 'cyrillic';

/** One spelling allowed at a word position. */
export interface Spelling {
  /** The word as spelled in its base (nominative) form. */
  base: string;
  /** The base form's paradigm, lowercased; the surface's index in it tells the grammatical case. */
  forms: string[];
  formIndex: number;
  /** Whether it came from a listed term or was derived by transliteration. */
  derived: boolean;
  /** The language of the term it comes from. */
  lang: Lang;
  /** fold(base), kept so the matcher need not fold it again on every match. */
  folded: string;
  /** Where the plural forms start in `forms` (surnames only; forms.length when there are none). */
  pluralAt?: number;
  /** A plural borrowed from another member of the family (Тихановские is hers and his). */
  family?: boolean;
}

export interface Pattern {
  entry: GlossaryEntry;
  shape: string;
  script: Script;
  /** Folded key → spelling, per word position. */
  positions: Array<Map<string, Spelling>>;
  /**
   * Per word position, `key\0lang` → the spelling of a listed term in that language, where `positions`
   * holds another language's for the key: the Ukrainian genitive Лукашенка is a form of Лукашенко in
   * Ukrainian text, not the deprecated Russian spelling Лукашенка it is in Russian text. The matcher
   * also reads a base word's readings to inflect a word the text's language lists by that language's
   * grammar alone (Russian «Александр Лукашенка» is no Ukrainian genitive).
   */
  readings: Array<Map<string, Spelling>>;
  /** Joined folded base words of the listed terms of this shape and script → the term. */
  listed: Map<string, Term>;
  /**
   * Those of `listed` spelled alike in several languages (Лукашенко, Литва: Russian and Ukrainian;
   * TUT.BY) → every language's term: a match is the term of its text's language, so `check` finds
   * the Ukrainian term in a Ukrainian target instead of reporting it missing.
   */
  shared: Map<string, Term[]>;
  /** The separator kind between words: a term written with dots (TUT.BY) keeps them. */
  gaps: Array<'space' | 'dot'>;
  /** Acronyms must appear in capitals: "MAZ" is a plant, "Maz" may be anything. */
  capsOnly: boolean;
  /**
   * A named thing's (an entry typed place, organisation, ...: not person or term, not untyped), and every
   * spelling of it starts with a capital: a lower-case first word is another word (весна, not Весна).
   */
  properName: boolean;
}

export interface CompileOptions {
  russian?: RussianStrategy;
  /** Recognise romanisations and back-transliterations of listed terms (default true). */
  transliterate?: boolean;
}

const words = (s: string) => s.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
export const scriptOf = (s: string): Script => (hasCyrillic(s) ? 'cyrillic' : 'latin');
/** A full name's surname: its last word, with both halves of a double surname (Kavalchuk-Lebedzeva). */
const surnameOf = (fullName: string) => fullName.trim().split(/\s+/).at(-1)!;
// Capitals, digits and hyphens only (MAZ, МТЗ, MTZ-82); "TUT.BY" is a name and matches in any case.
const isAcronym = (s: string) => ACRONYM.test(s) && (s.match(CAPITALS)?.length ?? 0) > 1;
// Module constants, not literals in isAcronym, which shapeOf asks for each term of an entry at each rewrite.
const ACRONYM = /^[\p{Lu}\p{N}-]+$/u;
const CAPITALS = /\p{Lu}/gu;

/** A term's shape, inferred when the glossary does not say: acronym, fullName or surname (people), name. */
export function shapeOf(term: Term, entry: GlossaryEntry): string {
  if (term.shape) return term.shape;
  if (isAcronym(term.text)) return 'acronym';
  if (entry.type === 'person') return words(term.text).length > 1 ? 'fullName' : 'surname';
  return 'name';
}

// Text is mostly the same few thousand words: each word's key (lowercased, accents folded, perhaps
// stemmed) is computed once per process, which makes matching a sentence several times cheaper.
const keyCaches = new Map<RussianStrategy, Map<string, string>>();

/** Keys a word is looked up by: folded; with a stemmer or lemmatiser, Russian words by its output. */
export function wordKey(word: string, strategy: RussianStrategy): string {
  let cache = keyCaches.get(strategy);
  if (!cache) keyCaches.set(strategy, (cache = new Map()));
  let key = cache.get(word);
  if (key === undefined) {
    if (cache.size >= 100_000) cache.clear();
    key = computeWordKey(word, strategy);
    cache.set(word, key);
  }
  return key;
}

function computeWordKey(word: string, strategy: RussianStrategy): string {
  const f = fold(word);
  if (strategy === 'paradigm' || !hasCyrillic(f)) return f;
  return strategy === 'snowball' ? snowballStem(f) : fold(strategy(f));
}

interface Source { text: string; lang: Lang; gender?: Term['gender']; indeclinable?: boolean; derived: boolean }

export function compilePatterns(glossary: Glossary, options: CompileOptions = {}): Pattern[] {
  return shareSurnamePlurals(glossary.entries.flatMap((entry) => entryPatterns(entry, options)));
}

function entryPatterns(entry: GlossaryEntry, options: CompileOptions): Pattern[] {
  const strategy = options.russian ?? 'paradigm';
  const translit = options.transliterate !== false;
  const groups = new Map<string, { shape: string; script: Script; n: number; sources: Source[]; listed: Term[]; implied: Term[] }>();
  const add = (shape: string, src: Source, listed?: Term, implied?: Term) => {
    const n = words(src.text).length;
    if (!n) return;
    const script = scriptOf(src.text);
    const key = `${shape}|${script}|${n}`;
    const g = groups.get(key) ?? { shape, script, n, sources: [], listed: [], implied: [] };
    groups.set(key, g);
    g.sources.push(src);
    if (listed) g.listed.push(listed);
    if (implied) g.implied.push(implied);
  };
  const person = entry.type === 'person';
  for (const term of entry.terms) {
    const shape = shapeOf(term, entry);
    const base: Source = { text: term.text, lang: term.lang, gender: term.gender, indeclinable: term.indeclinable, derived: false };
    add(shape, base, term);
    // A person's surname alone is a mention too, spelled as in the full name.
    if (person && shape === 'fullName') {
      const surname = surnameOf(term.text);
      add('surname', { ...base, text: surname }, undefined, { ...term, text: surname, shape: 'surname' });
    }
    if (!translit || shape === 'acronym') continue;
    // Back-transliteration is for names written in letters only (not TUT.BY or model numbers).
    const derived = hasCyrillic(term.text) ? romanizations(term.text, term.lang)
      : /^[\p{L}\s-]+$/u.test(term.text) ? [toCyrillic(term.text)] : [];
    for (const text of derived) {
      add(shape, { ...base, text, lang: hasCyrillic(text) ? 'ru' : term.lang, derived: true });
      if (person && shape === 'fullName') add('surname', { ...base, text: surnameOf(text), derived: true });
    }
  }
  const out: Pattern[] = [];
  for (const g of groups.values()) {
    const positions = Array.from({ length: g.n }, () => new Map<string, Spelling>());
    const readings = Array.from({ length: g.n }, () => new Map<string, Spelling>());
    for (const src of g.sources) {
      words(src.text).forEach((word, i) => {
        const folded = fold(word);
        const info = wordInfo(src, i, g.n, person);
        const latin = scriptOf(word) === 'latin';
        const forms = latin && primaryLang(src.lang) !== 'en' ? [word.toLowerCase()] : caseForms(word, src.lang, info);
        // A surname on its own may be plural, naming the family (the full name never is). Not for derived
        // romanisations: a plural of every schema's spelling (Tikhanovskajas) adds keys, and compile time,
        // for spellings nobody pluralises; Cyrillic back-transliterations (Цихановских) do occur.
        const pluralAt = forms.length;
        if (person && g.shape === 'surname' && strategy === 'paradigm' && (!src.derived || !latin)) {
          forms.push(...surnamePlurals(word, src.lang, info));
        }
        const keys = strategy !== 'paradigm' && !latin ? [forms[0]] : forms;
        keys.forEach((form, formIndex) => {
          const k = wordKey(form, strategy);
          const had = positions[i].get(k);
          const spelling: Spelling = { base: word, forms, formIndex, derived: src.derived, lang: src.lang, folded, pluralAt };
          // Listed spellings win over derived ones; base forms over inflected ones.
          const plainer = had && had.derived === src.derived && formIndex === had.formIndex && marks(word) < marks(had.base);
          const wins = !had || plainer || (had.derived && !src.derived) || (had.derived === src.derived && formIndex < had.formIndex);
          if (wins) positions[i].set(k, spelling);
          // Listed spellings of two languages on one key: the one left out is kept as its language's reading.
          const loser = wins ? had : spelling;
          const winner = wins ? spelling : had!;
          if (loser && !loser.derived && !winner.derived && loser.lang !== winner.lang) {
            const reading = `${k}\0${loser.lang}`, before = readings[i].get(reading);
            if (!before || loser.formIndex < before.formIndex) readings[i].set(reading, loser);
          }
        });
      });
    }
    if (g.script === 'latin') for (const position of positions) addOtherRomanisations(position);
    const listed = new Map<string, Term>();
    const shared = new Map<string, Term[]>();
    // Surnames implied by listed full names take the best status among them; listed surnames win.
    const implied = [...g.implied].sort((a, b) => statusRank[a.status] - statusRank[b.status]);
    for (const t of [...g.listed, ...implied]) {
      const k = words(t.text).map(fold).join(' ');
      const first = listed.get(k);
      if (!first) { listed.set(k, t); continue; }
      const all = shared.get(k) ?? [first];
      if (!all.some((x) => x.lang === t.lang)) shared.set(k, [...all, t]);
    }
    const first = g.listed[0]?.text ?? g.sources[0].text;
    const named = entry.type !== undefined && entry.type !== 'person' && entry.type !== 'term';
    // Names written as domains (TUT.BY) are written in lower case as often: they are not held to capitals.
    const properName = named && g.sources.every((src) => /^\p{Lu}/u.test(src.text) && !/\p{L}\.\p{L}/u.test(src.text));
    out.push({
      entry, shape: g.shape, script: g.script, positions, readings, listed, shared,
      gaps: gapsOf(first, g.n), capsOnly: g.shape === 'acronym', properName,
    });
  }
  return out;
}

/**
 * A y between vowels in a romanised word is the j of another spelling, and the other way round: German,
 * Polish and Czech writers romanise я, ю, е as ja, ju, je where English writes ya, yu, ye (a German
 * paper's Tsikhanouskaja). Each key gets its other spelling too, where no spelling has that key, as a
 * derived spelling: the text's word is a variant of the listed one, rewritten to house style.
 */
function addOtherRomanisations(position: Map<string, Spelling>): void {
  for (const [key, spelling] of [...position]) {
    const variant = spelling.derived ? spelling : { ...spelling, derived: true };
    for (const other of [key.replace(Y_BETWEEN_VOWELS, 'j'), key.replace(J_BETWEEN_VOWELS, 'y')]) {
      if (other !== key && !position.has(other)) position.set(other, variant);
    }
  }
}
const Y_BETWEEN_VOWELS = /(?<=[aeiou])y(?=[aeiou])/g, J_BETWEEN_VOWELS = /(?<=[aeiou])j(?=[aeiou])/g;

/** Non-ASCII letters and marks: among equal spellings the plainest is reported (Tikhanovskaia, not Tikhanovskai͡a). */
const marks = (s: string) => s.normalize('NFD').replace(/[\x00-\x7F\u0400-\u04FF]/g, '').length;

function gapsOf(text: string, n: number): Array<'space' | 'dot'> {
  const seps = text.split(/[\p{L}\p{M}\p{N}]+/u).slice(1, n);
  return seps.map((s) => (s.includes('.') ? 'dot' : 'space'));
}

/** The preferred term of an entry in a language and shape (falling back to the full name's last word for a surname). */
export function preferredTerm(entry: GlossaryEntry, lang: Lang, shape: string): string | undefined {
  const want = primaryLang(lang); // once, not once per term
  const inLang = entry.terms.filter((t) => t.status === 'preferred' && primaryLang(t.lang) === want);
  const same = inLang.find((t) => shapeOf(t, entry) === shape);
  if (same) return same.text;
  if (shape === 'surname') {
    const full = inLang.find((t) => shapeOf(t, entry) === 'fullName');
    if (full) return surnameOf(full.text);
  }
  return undefined;
}

export const statusRank: Record<TermStatus, number> = { preferred: 0, admitted: 1, deprecated: 2 };
