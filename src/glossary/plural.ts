// Plural forms of person surnames: «супруги Тихановские», «у Тихановских», «Ціханоўскія», "the
// Tsikhanouskis". A surname's plural names the family, so in Russian and Belarusian the plurals of a
// husband's and a wife's surname coincide (Тихановский, Тихановская → Тихановские); variants.ts shares
// such plurals between the entries and drops any plural that is also another form (Тихановским is the
// singular instrumental of Тихановский, so it stays his). Only surnames get plurals: a common noun's
// plural is already in russianForms, and a given name or a place has no family to name.
import type { Lang } from '../types.ts';
import { hasCyrillic, primaryLang } from './translit.ts';
import { withStem, type WordInfo } from './russian.ts';
import { ukrainianSurnamePlurals } from './ukrainian-forms.ts';
import type { Pattern, Spelling } from './variants.ts';

const VELAR_OR_HUSHING = /[кгхжшчщ]$/;

/** Russian plural case forms (nom, gen/acc/prep, dat, instr) of a surname, lowercased; [] when none apply. */
export function russianSurnamePlurals(word: string, info: WordInfo = {}): string[] {
  const w = word.toLowerCase();
  if (info.indeclinable || !/^[\u0400-\u04FF-]+$/.test(w) || w.length < 4) return [];
  // Adjectival surnames (Тихановская/Тихановский/Толстой, Белая/Белый): -ие/-ые, -их/-ых, -им/-ым, -ими/-ыми.
  if (/(?:ая|яя|ий|ый|ой)$/.test(w)) {
    const stem = w.slice(0, -2);
    const y = VELAR_OR_HUSHING.test(stem) || w.endsWith('яя') ? 'и' : 'ы';
    return withStem(stem, [`${y}е`, `${y}х`, `${y}м`, `${y}ми`]);
  }
  // Possessive surnames (Колесников/Колесникова, Бабарин/Бабарина): -ы, -ых, -ым, -ыми.
  const poss = /^(.+(?:ов|ев|ёв|ин|ын))а?$/.exec(w);
  if (poss) return withStem(poss[1], ['ы', 'ых', 'ым', 'ыми']);
  // Other consonant-final men's surnames decline as nouns (Протасевич → Протасевичи, Протасевичей).
  if (info.gender !== 'f' && /[бвгджзклмнпрстфхцчшщ]$/.test(w)) {
    const soft = /[жшчщ]$/.test(w);
    return withStem(w, [VELAR_OR_HUSHING.test(w) ? 'и' : 'ы', soft ? 'ей' : 'ов', 'ам', 'ами', 'ах']);
  }
  // Surnames in -о/-е/-их/-ых and foreign ones stay the same in the plural: their one form already matches.
  return [];
}

/** Belarusian plural case forms of a surname (Ціханоўскія, Ціханоўскіх; Калеснікавы; Лукашэнкі, Лукашэнкаў). */
export function belarusianSurnamePlurals(word: string, info: WordInfo = {}): string[] {
  const w = word.toLowerCase();
  if (info.indeclinable || !/^[\u0400-\u04FF'’-]+$/.test(w) || w.length < 4) return [];
  // Adjectival surnames (Ціханоўская/Ціханоўскі, Белы): -ія/-ыя, -іх/-ых, -ім/-ым, -імі/-ымі.
  const adj = /^(.+)(?:ая|яя)$/.exec(w) ?? /^(.+[кгх])і$/.exec(w) ?? /^(.+)ы$/.exec(w);
  if (adj) {
    const y = /[кгх]$/.test(adj[1]) || w.endsWith('яя') ? 'і' : 'ы';
    return withStem(adj[1], [`${y}я`, `${y}х`, `${y}м`, `${y}мі`]);
  }
  const poss = /^(.+(?:оў|аў|ёў|еў|ін|ын|ов|ав|ев|ёв))а?$/.exec(w);
  if (poss) {
    const stem = poss[1].replace(/ў$/, 'в');
    return withStem(stem, ['ы', 'ых', 'ым', 'ымі']);
  }
  // Men's surnames in -ка/-га (Лукашэнка, Галоўчанка) decline as nouns of the first declension.
  if (/[кгх]а$/.test(w)) return withStem(w.slice(0, -1), ['і', 'аў', 'ам', 'амі', 'ах']);
  if (info.gender !== 'f' && /[бвгджзклмнпрстфхцчшў]$/.test(w)) {
    return withStem(w, [/[кгхжшчр]$/.test(w) ? 'і' : 'ы', 'аў', 'ам', 'амі', 'ах']);
  }
  return [];
}

/** English plural of a surname, lowercased ("the Tsikhanouskis", "the Lukashenkas", "the Marxes"). */
export function latinSurnamePlurals(word: string): string[] {
  const w = word.toLowerCase();
  if (w.length < 4 || !/^[\p{L}\p{M}'’-]+$/u.test(w)) return [];
  return [/(?:s|x|z|ch|sh)$/.test(w) ? `${w}es` : `${w}s`];
}

/** The plural forms of a surname spelled in `lang` (Latin spellings take the English plural). */
export function surnamePlurals(word: string, lang: Lang, info: WordInfo = {}): string[] {
  if (!hasCyrillic(word)) return latinSurnamePlurals(word);
  const primary = primaryLang(lang);
  return primary === 'be' ? belarusianSurnamePlurals(word, info) : primary === 'uk' ? ukrainianSurnamePlurals(word, info)
    : russianSurnamePlurals(word, info);
}

/** True when the spelling is a plural form of a surname. */
export const isPlural = (s: Spelling) => s.pluralAt !== undefined && s.formIndex >= s.pluralAt;

// The genitive plural of a consonant-final surname is spelled as a possessive surname in the nominative:
// Ермаков (of the Yermaks) is the surname Yermakov, Ермакоў is Belarusian Yermakov, Єрмаків a Galician
// surname like Іванів. Such a form is the family only where a nominative cannot stand: after a
// preposition («у Ермаков», «пра Ермакоў»); «Полковник Ермаков», «Ермаков прибыл» name another man.
const SURNAME_LIKE = /(?:ов|ев|ёв|ів|їв|оў|аў|еў|ёў)$/;
const PREPOSITIONS = new Set(`без в во для до за из изо к ко на над о об обо от ото по под при про с со у через
около возле среди против после кроме между перед ради вокруг мимо вместо у від із зі з під біля серед проти
після крім між заради навколо замість ў ад да са аб па пад пры пра праз каля сярод супраць пасля акрамя
паміж перад дзеля вакол замест`.split(/\s+/));
const WORD_BEFORE = /([\p{L}]+)[\s\u00A0]+$/u;

/** False when a plural surname form found at text[start..] may be another surname's nominative (Ермаков). */
export function pluralFits(s: Spelling, text: string, start: number): boolean {
  if (!SURNAME_LIKE.test(s.forms[s.formIndex])) return true;
  const before = WORD_BEFORE.exec(text.slice(Math.max(0, start - 24), start));
  return !!before && PREPOSITIONS.has(before[1].toLowerCase());
}

/**
 * Keeps plural surname keys only where they cannot be read as anything else, then shares them within
 * a family: entries whose surnames have a plural in common (Тихановские) get each other's plurals in
 * every script, so "the Tsikhanouskis" and «Тихановские» both name both spouses. Patterns change in place.
 */
export function shareSurnamePlurals(patterns: Pattern[]): Pattern[] {
  const surnames = patterns.filter((p) => p.shape === 'surname' && p.entry.type === 'person' && p.positions.length === 1);
  // Plural key → the surname patterns it is a plural in. (forEach, not for-of, over the big maps: no
  // entry array per key; these loops were most of what plurals added to compile time.)
  const owners = new Map<string, Pattern[]>();
  for (const p of surnames) {
    p.positions[0].forEach((s, k) => {
      if (!isPlural(s)) return;
      const list = owners.get(k);
      if (list) list.push(p); else owners.set(k, [p]);
    });
  }
  if (!owners.size) return patterns;
  // A plural that is also another form a match can start with gives way to it (a later word of a longer
  // term never competes: the longer match has taken it).
  const seeSingular = (s: Spelling, k: string) => {
    const list = owners.get(k);
    if (list && !isPlural(s)) { for (const p of list) p.positions[0].delete(k); owners.delete(k); }
  };
  for (const p of patterns) p.positions[0].forEach(seeSingular);
  // Entries joined by a shared plural (union-find over entry ids).
  const parent = new Map<string, string>();
  const root = (id: string): string => { const up = parent.get(id) ?? id; return up === id ? id : root(up); };
  for (const list of owners.values()) {
    for (const p of list) {
      const a = root(p.entry.id), b = root(list[0].entry.id);
      if (a !== b) parent.set(a, b);
    }
  }
  if (!parent.size) return patterns;
  const joined = new Set([...parent.keys(), ...parent.values()]);
  const byFamilyScript = new Map<string, Pattern[]>();
  for (const p of surnames) {
    if (!joined.has(p.entry.id)) continue;
    const key = `${root(p.entry.id)}|${p.script}`;
    const list = byFamilyScript.get(key);
    if (list) list.push(p); else byFamilyScript.set(key, [p]);
  }
  for (const members of byFamilyScript.values()) {
    for (const p of members) {
      for (const q of members) {
        if (q.entry.id === p.entry.id) continue;
        q.positions[0].forEach((s, k) => {
          if (isPlural(s) && !s.family && !p.positions[0].has(k)) p.positions[0].set(k, { ...s, family: true });
        });
      }
    }
  }
  return patterns;
}
