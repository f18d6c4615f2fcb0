// `glossary suggest`: new entries from aligned segments. A Cyrillic proper name (capitalised words)
// whose romanisation is close, under nameKey, to a Latin name in the aligned counterpart is proposed,
// with how often the pair was seen and examples, for an editor to accept or drop.
import YAML from 'yaml';
import type { GlossaryEntry, Lang, Segment } from '../types.ts';
import type { Matcher } from './matcher.ts';
import { lexiconHas } from '../language/index.ts';
import { guessPerson, isGivenName } from './people.ts';
import { toTbx } from './tbx.ts';
import { CYRILLIC, nameKey, nameSimilarity } from './translit.ts';

export interface Suggestion {
  latin: string;
  latinLang: Lang;
  cyrillic: string;
  cyrillicLang: Lang;
  count: number;
  /** Every Cyrillic form seen (case forms of the same name). */
  forms: string[];
  examples: Array<{ latin: string; cyrillic: string }>;
}

export interface SuggestOptions {
  /** Names this matcher already knows are not suggested again. */
  matcher?: Matcher;
  minCount?: number;
  /** Least nameSimilarity for a word pair (default 0.75). */
  threshold?: number;
}

interface Run { words: string[]; start: number; end: number }

const CAPITALISED = /(?:\p{Lu}[\p{Ll}\p{M}'’-]*\p{Ll}|\p{Lu}{2,})(?:\s+(?:\p{Lu}[\p{Ll}\p{M}'’-]*\p{Ll}|\p{Lu}{2,}))*/gu;

/** Runs of capitalised words, and every sub-run of one to three words. */
function nameRuns(text: string, cyrillic: boolean): Run[] {
  const out: Run[] = [];
  for (const m of text.matchAll(CAPITALISED)) {
    if (CYRILLIC.test(m[0]) !== cyrillic) continue;
    const words = [...m[0].matchAll(/\S+/g)].map((w) => ({ text: w[0].replace(/['’]s?$/, ''), start: m.index! + w.index! }));
    for (let i = 0; i < words.length; i++) {
      for (let n = Math.min(3, words.length - i); n >= 1; n--) {
        const last = words[i + n - 1];
        out.push({ words: words.slice(i, i + n).map((w) => w.text), start: words[i].start, end: last.start + last.text.length });
      }
    }
  }
  return out;
}

/** Whether a sentence starts at `at`: nothing but punctuation, dashes and quotes since the text's start or the last . ! ? … */
function opensSentence(text: string, at: number): boolean {
  return SENTENCE_OPENING.test(text.slice(0, at));
}

const SENTENCE_OPENING = /(?:^|[.!?…]\s)[\s\p{P}\p{S}\d]*$/u;

// Nominative guesses for an inflected Russian word: case ending → dictionary-form ending.
const LEMMA_ENDINGS: Array<[RegExp, string[]]> = [
  [/(?:ого|ому|ым|ом)$/, ['ый', 'ий', '']], [/(?:его|ему|им|ем)$/, ['ий', 'ь', 'й', '']],
  [/(?:ой|ую|ою)$/, ['ая', 'а']], [/(?:ей|ею|юю)$/, ['яя', 'я', 'ь']],
  [/ье$/, ['ья', 'ье']], [/[аеу]$/, ['', 'а']], [/ы$/, ['а', '']], [/(?<=[кгхжшчщц])и$/, ['а']], [/[июя]$/, ['ь', 'я', 'й']],
];

/** Endings of oblique cases: a word seen with one is proposed in a dictionary form guessed from it. */
const OBLIQUE = /(?:ого|его|ому|ему|ым|им|ом|ем|ой|ую|ою|ей|ею|юю|ах|ях|ами|ями|[еуюиы])$/;

/**
 * A word that cannot be a Russian dictionary form: a consonant stem cut bare before an adjective's
 * ending (Центральн), a soft sign or я after a velar or hushing consonant (Атлантикь, Листвянкя), a
 * soft sign after a vowel or another (Зелёнаь, Севильь).
 */
const NOT_A_LEMMA = /(?:[бвгджзклмнпрстфхцчшщь]н|[кгхжшчщц][ья]|[аеёиоуыэюяь]ь|[кгхжшчщ]ый)$/;

function lemmaGuesses(word: string): string[] {
  const out = [word];
  for (const [re, repl] of LEMMA_ENDINGS) {
    if (!re.test(word)) continue;
    for (const r of repl) { const guess = word.replace(re, r); if (!NOT_A_LEMMA.test(guess.toLowerCase())) out.push(guess); }
  }
  return out;
}

/** Dictionary-form endings of adjectives, Russian and romanised (Первомайский, Pervomaisky, Lesnaya). */
const ADJECTIVE = /(?:ый|ий|ой|ая|яя|ое|ее)$/;
const LATIN_ADJECTIVE = /(?:[iy]y|[iy]i|iy|yj|ij|ny|sky|ski|aya|aja|oye|oe)$/i;

/**
 * How alike a Cyrillic run and a Latin run are, and the Cyrillic dictionary forms that fit. A word
 * seen in an oblique case is proposed in a guessed dictionary form, one the language's lexicon knows
 * when there is one: the English spelling alone chose «Институте» for Institute and «Португалии»
 * for Portugal, the forms closest to it.
 */
function pairScore(cyr: string[], lat: string[], lang: Lang): { score: number; lemma: string } {
  if (cyr.length !== lat.length) return { score: 0, lemma: '' };
  let sum = 0;
  const lemma: string[] = [];
  for (let i = 0; i < cyr.length; i++) {
    const guesses = lemmaGuesses(cyr[i]).map((g) => ({ g, s: nameSimilarity(g, lat[i]) }));
    let best = guesses[0];
    for (const x of guesses) if (x.s > best.s + 1e-9) best = x;
    if (best.s < 0.6) return { score: 0, lemma: '' };
    let form = best.g;
    // The Latin name chose the pairing; the dictionary form is Russian's to choose (Рим for Rome).
    if (OBLIQUE.test(cyr[i].toLowerCase()) && !isGivenName(cyr[i])) {
      // An adjective's form for an adjective-like name (Pervomaisky), a noun's for the rest (Irkutsk:
      // «Иркутского района» also reads as the adjective Иркутский).
      const adjective = LATIN_ADJECTIVE.test(lat[i]);
      const lemmas = guesses.filter((x) => x.g !== cyr[i])
        .sort((a, b) => Number(ADJECTIVE.test(a.g) !== adjective) - Number(ADJECTIVE.test(b.g) !== adjective));
      // The endings guessed are Russian's; Ukrainian and Belarusian share many, checked in their own lexicon.
      form = (lemmas.find((x) => lexiconHas(x.g, lang)) ?? lemmas[0] ?? best).g;
    }
    sum += best.s;
    lemma.push(form);
  }
  return { score: sum / cyr.length, lemma: lemma.join(' ') };
}

export function suggestEntries(segments: Segment[], options: SuggestOptions = {}): Suggestion[] {
  const threshold = options.threshold ?? 0.75;
  const found = new Map<string, Suggestion & { cyrCounts: Map<string, number> }>();
  for (const seg of segments) {
    if (!seg.tgt) continue;
    const sides = [seg.src, seg.tgt];
    const cyrSide = sides.find((s) => CYRILLIC.test(s.text));
    const latSide = sides.find((s) => s !== cyrSide && /\p{Script=Latin}/u.test(s.text));
    if (!cyrSide || !latSide) continue;
    const known = options.matcher?.find(cyrSide.text, cyrSide.lang) ?? [];
    const latins = nameRuns(latSide.text, false);
    const taken: Array<[number, number]> = [];
    for (const run of nameRuns(cyrSide.text, true)) {
      if (known.some((k) => k.start < run.end && run.start < k.end)) continue;
      // Russian capitalises a common word only where a sentence starts: one word there is no name
      // ("- Официальный результат" ~ "- Official result" was suggested as a person).
      if (run.words.length === 1 && opensSentence(cyrSide.text, run.start)) continue;
      if (taken.some(([s, e]) => s < run.end && run.start < e)) continue;
      let best: { run: Run; score: number; lemma: string } | undefined;
      for (const lat of latins) {
        const { score, lemma } = pairScore(run.words, lat.words, cyrSide.lang);
        if (score >= threshold && (!best || score > best.score)) best = { run: lat, score, lemma };
      }
      // A given name alone is no entry (Павлом ~ Pavel next to a surname the glossary knows).
      if (!best || (run.words.length === 1 && isGivenName(best.run.words[0]))) continue;
      // A title that opens the sentence is capitalised for that alone ("Губернатор Денис Паслер" ~
      // "Governor Denis Pasler"): the name is the run after it, which comes next.
      if (run.words.length > 1 && opensSentence(cyrSide.text, run.start) && !isGivenName(best.run.words[0])
        && isGivenName(best.run.words[1])) continue;
      taken.push([run.start, run.end]);
      const latin = best.run.words.join(' ');
      const cyrillic = best.lemma;
      const key = latin.split(' ').map((w) => nameKey(w)).join(' ');
      const s = found.get(key) ?? { latin, latinLang: latSide.lang, cyrillic, cyrillicLang: cyrSide.lang, count: 0,
        forms: [] as string[], examples: [] as Suggestion['examples'], cyrCounts: new Map<string, number>() };
      found.set(key, s);
      s.count++;
      s.cyrCounts.set(cyrillic, (s.cyrCounts.get(cyrillic) ?? 0) + 1);
      if (!s.forms.includes(run.words.join(' '))) s.forms.push(run.words.join(' '));
      if (s.examples.length < 3) s.examples.push({ latin: latSide.text.slice(0, 200), cyrillic: cyrSide.text.slice(0, 200) });
    }
  }
  // A surname seen alone joins the full name it ends (Bialiatski → Ales Bialiatski).
  const all = [...found.values()];
  for (const single of all.filter((s) => !s.latin.includes(' '))) {
    const full = all.find((s) => s.latin.includes(' ') && s.latin.endsWith(' ' + single.latin) && s.count);
    if (!full) continue;
    full.count += single.count;
    single.forms.forEach((f) => full.forms.includes(f) || full.forms.push(f));
    single.count = 0;
  }
  return all.filter((s) => s.count && s.count >= (options.minCount ?? 1)).map(({ cyrCounts, ...s }) => {
    // The most frequent dictionary form; between equals, one the text itself has (Иркутск, not the
    // adjective Иркутский guessed from «Иркутского района»).
    const seen = (f: string) => (s.forms.includes(f) ? 1 : 0);
    const forms = [...cyrCounts.entries()].sort((a, b) => b[1] - a[1] || seen(b[0]) - seen(a[0]));
    return { ...s, cyrillic: forms[0][0], forms: [...new Set([...forms.map(([f]) => f), ...s.forms])] };
  }).sort((a, b) => b.count - a.count || a.latin.localeCompare(b.latin));
}

/** Suggestions as glossary entries, ready for an editor to accept, edit or drop. */
export function suggestionsToEntries(suggestions: Suggestion[]): GlossaryEntry[] {
  const ids = new Set<string>();
  return suggestions.map((s) => {
    let id = s.latin.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'entry';
    for (let n = 2; ids.has(id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
    ids.add(id);
    const entry: GlossaryEntry = {
      id,
      note: `Suggested from ${s.count} aligned segment(s). Forms seen: ${s.forms.join(', ')}. Example: "${s.examples[0].cyrillic}" / "${s.examples[0].latin}"`,
      terms: [
        { text: s.latin, lang: s.latinLang, status: 'preferred' },
        { text: s.cyrillic, lang: s.cyrillicLang, status: 'preferred' },
      ],
    };
    if (guessPerson(entry)) entry.type = 'person';
    return entry;
  });
}

export function formatSuggestions(suggestions: Suggestion[], format: 'tbx' | 'yaml'): string {
  const entries = suggestionsToEntries(suggestions);
  if (format === 'tbx') return toTbx(entries, { title: 'tandem: suggested entries' });
  return '# yaml-language-server: $schema=./glossary.schema.json\n' +
    YAML.stringify({ name: 'Suggested entries', description: 'Proposed by tandem glossary suggest; review before use.', entries }, { lineWidth: 0 });
}
