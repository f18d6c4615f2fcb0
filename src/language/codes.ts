// Language code mapping between BCP 47 (what tandem speaks), ISO 639-3 (franc) and ISO 639-1 (eld).
import type { Lang } from '../types.ts';

// franc speaks ISO 639-3; only the codes whose BCP 47 form is a two-letter code need mapping.
const TO_ISO3: Record<string, string> = {
  en: 'eng', ru: 'rus', uk: 'ukr', be: 'bel', de: 'deu', fr: 'fra', es: 'spa', it: 'ita', pl: 'pol',
  pt: 'por', nl: 'nld', cs: 'ces', sk: 'slk', bg: 'bul', sr: 'srp', mk: 'mkd', hr: 'hrv', sl: 'slv',
  lt: 'lit', lv: 'lvs', et: 'ekk', fi: 'fin', sv: 'swe', da: 'dan', no: 'nob', tr: 'tur', kk: 'kaz',
  ro: 'ron', hu: 'hun', el: 'ell', ka: 'kat', hy: 'hye', ar: 'arb', he: 'heb', zh: 'cmn', ja: 'jpn',
};
const FROM_ISO3: Record<string, string> = Object.fromEntries(Object.entries(TO_ISO3).map(([k, v]) => [v, k]));

// ICU's language names, asked to give none rather than echo the code back: a code without a name is
// not a language (a typo such as 'en-ur' for en-ru, or 'zz').
const NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** Whether a lower-case ISO 639 code (two or three letters) names a language. */
export function isLanguageCode(code: string): boolean {
  return /^[a-z]{2,3}$/.test(code) && NAMES.of(code) !== undefined;
}

export function toIso3(lang: Lang): string {
  return TO_ISO3[lang] ?? lang;
}

/** BCP 47 for a franc code: its two-letter code where ISO 639-1 has one (ICU's aliases: bos → bs, tgk → tg). */
export function toBcp47(iso3: string): Lang {
  if (iso3 === 'und') return 'und';
  const known = FROM_ISO3[iso3];
  if (known) return known;
  // ICU is asked once a code: franc's rankings name the same few hundred codes unit after unit.
  let canonical = CANONICAL.get(iso3);
  if (canonical === undefined) {
    try { canonical = Intl.getCanonicalLocales(iso3)[0] ?? iso3; } catch { canonical = iso3; }
    CANONICAL.set(iso3, canonical);
  }
  return canonical;
}
const CANONICAL = new Map<string, string>();

/** Script each supported candidate is written in; languages not listed are treated as Latin. */
export const SCRIPT: Record<string, 'Latn' | 'Cyrl'> = {
  en: 'Latn', de: 'Latn', fr: 'Latn', es: 'Latn', it: 'Latn', pl: 'Latn', pt: 'Latn', nl: 'Latn',
  ru: 'Cyrl', uk: 'Cyrl', be: 'Cyrl', bg: 'Cyrl', sr: 'Cyrl', mk: 'Cyrl', kk: 'Cyrl',
};
