// wrong-language: a target whose text is in another language than the one it declares (Belarusian
// where Russian is declared, English left untranslated). Glossary mentions, links, handles and
// numbers are masked first, so a target that is mostly names is judged on its other words, and
// units with too few words left are not judged at all: short and name-only segments raise no alarm.
//
// Detection costs about a quarter of a millisecond a segment, too much for 100,000 segments, so a
// cheap screen comes first: a language's own alphabet rules out its neighbours (Russian text has no
// і or ў, Belarusian no и or щ), and only text with letters its declared language does not write, or
// in another script, goes to the detector. English is screened the same way by its plain a-z.
import { t } from '../../i18n/index.ts';
import { countLetters, detectScored, maskNoise, writesBulgarianHardSign } from '../../language/index.ts';
import type { Lang, TermMatch } from '../../types.ts';
import { primaryLang, type SegmentTerms } from '../terms.ts';
import type { CheckedSegment, Finding } from '../types.ts';

/** Fewer words than this, after masking names and noise, and the unit is not judged. */
export const MIN_WORDS = 3;
/** Fewer letters than this, likewise. */
export const MIN_LETTERS = 12;
/** The declared language must be at most this likely, and the detected one at least MIN_DETECTED. */
const MAX_DECLARED = 0.2;
const MIN_DETECTED = 0.6;

const CYRILLIC_LANGS = new Set(['ru', 'uk', 'be', 'bg', 'sr', 'mk', 'kk']);
/** Close neighbours a text declared in one language is most often really written in. */
const NEIGHBOURS: Record<string, Lang[]> = {
  ru: ['be', 'uk'], be: ['ru', 'uk'], uk: ['ru', 'be'], bg: ['ru', 'mk'], mk: ['bg', 'sr'], sr: ['mk', 'bg'],
  en: ['de', 'fr'], de: ['en', 'nl'], fr: ['en', 'es'],
};

const WORD = /\p{L}+(?:['’ʼ-]\p{L}+)*/gu;
const EN_FUNCTION_WORD = /\b(?:the|a|an|and|of|to|in|is|was|for|on|that|with|by|at|from|it|as|are|were|has|have|had|he|she|they|we|you|this|not|but|or|be|his|her|their|its|will|would)\b/i;

/** The text with glossary mentions blanked (same length, so nothing else moves). */
function maskTerms(text: string, matches: TermMatch[]): string {
  let out = '';
  let at = 0;
  for (const m of matches) {
    if (m.start < at) continue;
    out += text.slice(at, m.start) + ' '.repeat(m.end - m.start);
    at = m.end;
  }
  return out + text.slice(at);
}

/** A closed quotation: «…» (innermost first, see maskQuotes), „…“, “…”, "…". */
const QUOTED = /«[^«»]*»|„[^„“”]*[“”]|“[^“”]*”|"[^"\n]*"/g;

/**
 * The text with its quotations blanked (same length). A translator keeps a tweet or a slogan in the
 * language it was said in («We will win, Minsk is with us»): what is quoted does not say what
 * language the target is written in, and a target that is little but a quotation is not judged.
 */
function maskQuotes(text: string): string {
  if (!/[«„“"]/.test(text)) return text;
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(QUOTED, (q) => ' '.repeat(q.length));
  }
  return text;
}

/** Letters the declared Cyrillic language does not write (Belarusian ў in Russian, Russian щ in Belarusian). */
function foreignCyrillic(clean: string, declared: Lang): boolean {
  const letters = countLetters(clean, [declared]);
  return letters.foreign[declared] > 0 || (declared === 'ru' && letters.apostrophes > 0);
}

/** Whether the text spells as only Bulgarian does (language/outside.ts): in Russian letters, but no Russian. */
function bulgarianSpelling(clean: string): boolean {
  return clean.includes('ъ') && writesBulgarianHardSign(clean.match(WORD) ?? []);
}

/** True when the cheap screen cannot rule out another language, so the detector must decide. */
function suspicious(clean: string, declared: Lang): boolean {
  const letters = countLetters(clean, [declared]);
  const total = letters.latin + letters.cyrillic + letters.other;
  if (CYRILLIC_LANGS.has(declared)) {
    return letters.latin + letters.other > total / 4 || letters.foreign[declared] > 0 || (declared === 'ru' && letters.apostrophes > 0)
      || (declared !== 'bg' && bulgarianSpelling(clean));
  }
  if (declared === 'en') {
    // Letters English does not write, or five words and more without one English function word
    // (German or French written without accents).
    return letters.cyrillic + letters.other > 0 || /[^\x00-\x7f\s\p{P}\p{S}\p{N}]/u.test(clean)
      || ((clean.match(WORD)?.length ?? 0) >= 5 && !EN_FUNCTION_WORD.test(clean));
  }
  return true;
}

export interface LanguageContext {
  /** Every language declared anywhere in the batch: detection also weighs these. */
  batchLanguages: Set<Lang>;
}

export function wrongLanguage(at: CheckedSegment, terms: SegmentTerms, context: LanguageContext): Finding[] {
  const tgt = at.segment.tgt;
  const declared = terms.tgtLang;
  if (!tgt || declared === 'und') return [];
  // Screen before blanking links and numbers: blanking only takes letters away, so what passes the
  // letter screen now would pass it then, and most targets are done here. Not English: its screen
  // also asks for a function word, which a link may hold ("https://example.com/in/the/news").
  const named = maskQuotes(maskTerms(tgt.text, terms.tgt));
  if (declared !== 'en' && !suspicious(named, declared)) return [];
  const clean = maskNoise(named);
  const words = clean.match(WORD) ?? [];
  const letters = words.reduce((n, w) => n + w.length, 0);
  if (words.length < MIN_WORDS || letters < MIN_LETTERS) return [];
  if (!suspicious(clean, declared)) return [];
  const candidates = [...new Set([declared, ...(NEIGHBOURS[declared] ?? []), ...context.batchLanguages])].filter((l) => l !== 'und');
  const detection = detectScored(clean, { languages: candidates, outside: 'code' });
  const found = primaryLang(detection.lang);
  if (found === 'und' || found === declared) return [];
  // Text in the declared language's alphabet alone reaches the detector only for its Latin words; a
  // verdict of another Cyrillic language then rests on dictionaries that miss words (твиттере,
  // по-английски), and called plain Russian Bulgarian. Such a verdict needs letters to back it.
  // Bulgarian in Russian letters (declared ru) is backed by its spelling: a hard sign before a consonant.
  if (CYRILLIC_LANGS.has(declared) && CYRILLIC_LANGS.has(found) && !foreignCyrillic(clean, declared)
    && !(found === 'bg' && bulgarianSpelling(clean))) return [];
  const pDeclared = detection.probabilities[declared] ?? 0;
  const outside = !candidates.includes(found);
  if (!outside && (pDeclared > MAX_DECLARED || detection.confidence < MIN_DETECTED)) return [];
  return [{
    at, entry: null, rule: 'wrong-language', side: 'tgt',
    message: t('check:rule.wrong-language.message', { declared, found }),
    found, expected: [declared],
  }];
}
