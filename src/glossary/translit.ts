// Transliteration helpers: every standard romanisation of a Cyrillic term (iuliia for Russian, our
// Belarusian schemas), a Latin→Cyrillic back-transliteration, and a loose `nameKey` under which the
// spellings of one name across scripts and schemas compare equal or near (used by align and check).
import * as iuliia from 'iuliia';
import { BELARUSIAN_SCHEMAS, romanizeBelarusian } from './belarusian.ts';
import { DUDEN_RUSSIAN } from './german.ts';
import { romanizeUkrainian, UKRAINIAN_SCHEMAS } from './ukrainian.ts';
import { IN_WORD_INVISIBLE } from './text.ts';

const RUSSIAN_SCHEMAS = [...Object.entries(iuliia)
  .filter(([name, value]) => name !== 'Schemas' && name !== 'Schema' && value && typeof value === 'object' && 'map' in value)
  .map(([, value]) => value as iuliia.Schema), DUDEN_RUSSIAN];

export const CYRILLIC = /[\u0400-\u04FF]/;
/** 'en' for 'en', 'en-GB', 'EN_us': glossaries and detectors do not always agree on tags. */
export function primaryLang(tag: string): string {
  // Called per term on every rewrite (preferredTerm), so without a regex split.
  const dash = tag.indexOf('-'), under = tag.indexOf('_');
  const end = dash < 0 ? under : under < 0 ? dash : Math.min(dash, under);
  return (end < 0 ? tag : tag.slice(0, end)).toLowerCase();
}
export const hasCyrillic = (s: string) => CYRILLIC.test(s);

/** All distinct romanisations of a Cyrillic term: every iuliia schema and German's for Russian, ours for Belarusian and Ukrainian. */
export function romanizations(term: string, lang: string): string[] {
  const words = term.split(' ').map((w) => romanizedWord(w, lang));
  const out = new Set<string>();
  for (let s = 0; s < words[0].length; s++) out.add(words.map((w) => w[s]).join(' '));
  out.delete(term);
  return [...out];
}

/** One word in every schema, in schema order (iuliia works word by word, so words can be cached). */
function romanizedWord(word: string, lang: string): string[] {
  const primary = primaryLang(lang);
  const be = primary === 'be', uk = primary === 'uk';
  const key = `${be ? 'be' : uk ? 'uk' : 'ru'}|${word}`;
  let cached = romanized.get(key);
  if (!cached) {
    // Ukrainian terms keep what Russian schemas made of them before and add their own two schemas.
    if (be) cached = BELARUSIAN_SCHEMAS.map((schema) => romanizeBelarusian(word, schema));
    else {
      const russian = RUSSIAN_SCHEMAS.map((schema) => iuliia.translate(word, schema));
      cached = [...russian, popularEnglish(russian[WIKIPEDIA]), ...(uk ? UKRAINIAN_SCHEMAS.map((schema) => romanizeUkrainian(word, schema)) : [])];
    }
    if (romanized.size > 200_000) romanized.clear();
    romanized.set(key, cached);
  }
  return cached;
}
/**
 * English newspapers' own habit, which no standard schema has: кс inside a word as x (Alexey, Maxim,
 * Oxana), otherwise the Wikipedia schema (Aleksey), whose spelling of the word is given. "Alexey
 * Navalny" was not found as Alexei Navalny.
 */
function popularEnglish(wikipedia: string): string {
  return wikipedia.replace(/(?<=\p{L})ks/gu, 'x').replace(/(?<=\p{L})Ks/gu, 'X');
}
/** Where the Wikipedia schema stands among RUSSIAN_SCHEMAS. */
const WIKIPEDIA = RUSSIAN_SCHEMAS.indexOf(iuliia.WIKIPEDIA);

// Glossaries repeat words (given names, "завод") and iuliia runs 27 schemas, so results are kept.
const romanized = new Map<string, string[]>();

// The characters text.ts reads as inside a word but that are not part of its spelling.
const INVISIBLE = new RegExp(`[${IN_WORD_INVISIBLE}]`, 'g');

/** Lowercase, accents and marks removed, ё→е, ł→l, soft hyphens and joiners dropped: the form both glossary variants and text tokens are keyed by. */
export function fold(s: string): string {
  const lower = s.toLowerCase();
  // Fast path for the usual word: plain Latin or Cyrillic letters (ё and й decompose, so not those).
  if (/^[a-z0-9\u0430-\u0438\u043a-\u044f]*$/.test(lower)) return lower;
  return lower.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/ß/g, 'ss')
    .replace(/[’ʼ`]/g, "'").replace(INVISIBLE, '');
}

// Latin → Cyrillic, longest sequence first. Written for names romanised from Russian or Belarusian,
// so 'h' alone is г (Hrodna, Halowchanka) and 'ou'/'ow'/'ŭ' before a consonant is the Belarusian ў,
// which Russian text writes as 'в' (Tsikhanouskaya → Цихановская).
const BACK: Array<[RegExp, string]> = [
  [/shch|šč/g, 'щ'], [/zh|ž/g, 'ж'], [/kh|x/g, 'х'], [/ts|c(?!h)/g, 'ц'], [/tch|ch|č/g, 'ч'], [/sh|š/g, 'ш'],
  [/(?<=[aeiou])(?:u|w|ŭ)(?=[^aeiouy]|$)/g, 'в'], [/ŭ|w/g, 'в'],
  [/ć/g, 'ць'], [/ś/g, 'сь'], [/ń/g, 'нь'], [/ź/g, 'зь'], [/ĺ/g, 'ль'],
  [/(?<=[kgх])(?:y|iy|iĭ|ii|ij)$/g, 'ий'], [/(?:iy|iĭ|ij)$/g, 'ий'], [/(?:yy|yĭ|yj)$/g, 'ый'], [/(?<=[^aeiouy])y$/g, 'ий'],
  [/(?:^|(?<=[aeiouаеиоуыэюя]))(?:ya|ja|ia)/g, 'я'], [/(?:ya|ja|ia|â)/g, 'я'],
  [/(?:^|(?<=[aeiou]))(?:yu|ju|iu)/g, 'ю'], [/(?:yu|ju|iu|û)/g, 'ю'],
  [/(?:yo|jo|io|ë)/g, 'ё'], [/^(?:ye|je|e)/g, 'е'], [/(?<=[aeiou])(?:ye|je)/g, 'е'], [/ie|ye/g, 'е'],
  [/(?<=[aeiouаеиоуыэюя])[yjĭ]/g, 'й'], [/[yj]/g, 'ы'],
  [/a/g, 'а'], [/b/g, 'б'], [/d/g, 'д'], [/e|è|é/g, 'е'], [/f/g, 'ф'], [/g/g, 'г'], [/h/g, 'г'], [/i|ì|í/g, 'и'],
  [/k|q/g, 'к'], [/l/g, 'л'], [/m/g, 'м'], [/n/g, 'н'], [/o/g, 'о'], [/p/g, 'п'], [/r/g, 'р'], [/s/g, 'с'],
  [/t/g, 'т'], [/u/g, 'у'], [/v/g, 'в'], [/z/g, 'з'],
];

/** Back-transliterates a Latin name into the Cyrillic a Russian text would likely print. */
export function toCyrillic(latin: string): string {
  return latin.split(/(\s+|-)/).map((word) => {
    if (!/\p{L}/u.test(word)) return word;
    let w = word.toLowerCase().normalize('NFC').replace(/ł/g, 'l');
    // The Belarusian national system writes х as "ch" (Cichanoŭskaja); English-style spellings use "kh".
    if (/[ŭčšžćśźńĺ]/.test(w)) w = w.replace(/ch/g, 'kh');
    for (const [re, cyr] of BACK) w = w.replace(re, cyr);
    w = w.replace(/[^\u0400-\u04FF]/g, '');
    return word[0] === word[0].toUpperCase() && word.length > 1 && word.slice(1) === word.slice(1).toUpperCase()
      ? w.toUpperCase() : w.charAt(0).toUpperCase() + w.slice(1);
  }).join('');
}

// A plain romanisation that reads Russian, Belarusian and Ukrainian letters alike, for keys only.
const KEY_CYR: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'e', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'i',
  й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
};

/**
 * A loose, script-independent key for a name: Лукашенко, Lukashenko, Lukashenka and Łukašenka all key
 * to "lukasanka"; Головченко/Halowchanka/Haloŭčanka to "halavcanka". Vowel quality (Belarusian akanye),
 * г/h/g, the ways of writing х/ц/ч/ш/ж/й and ў are all merged; consonant skeletons stay. Keys of
 * different people sharing a surname stem may be equal or near (Tikhanovskaya/Tikhanovsky): compare
 * full keys with `nameSimilarity` and do not use keys to tell namesakes apart.
 */
export function nameKey(word: string, _lang?: string): string {
  let s = word.toLowerCase().normalize('NFC');
  if (CYRILLIC.test(s)) s = [...s].map((c) => KEY_CYR[c] ?? c).join('');
  // The Belarusian national system writes х as "ch" and marks the other sibilants with carons.
  else if (/[ŭčšžćśźńĺł]/.test(s)) s = s.replace(/ch/g, 'kh');
  s = s.replace(/ł/g, 'l').replace(/â/g, 'ja').replace(/û/g, 'ju').replace(/[čc]h|tch|č/g, 'C')
    .normalize('NFD').replace(/\p{M}/gu, '');
  s = s.replace(/shch|sch|sh|sz/g, 's').replace(/zh/g, 'z').replace(/kh|x|g/g, 'h').replace(/ts|tz|cz|c/g, 'c')
    .replace(/C/g, 'c').replace(/w/g, 'v').replace(/q/g, 'k').replace(/[jy]/g, 'i')
    .replace(/(?<=[aeiou])u(?=[^aeiou]|$)/g, 'v').replace(/[oe]/g, 'a').replace(/[^a-z]/g, '');
  return s.replace(/(.)\1+/g, '$1');
}

/** 0..1: how alike two names are under `nameKey` (1 = same key). Multiword names compare word by word. */
export function nameSimilarity(a: string, b: string): number {
  const ka = a.split(/[\s-]+/).map((w) => nameKey(w)).join(' ');
  const kb = b.split(/[\s-]+/).map((w) => nameKey(w)).join(' ');
  if (ka === kb) return 1;
  return 1 - levenshtein(ka, kb) / Math.max(ka.length, kb.length, 1);
}

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
