// Whether a unit is written in a language outside the candidates, and which. Three kinds of evidence
// speak: the letters (a script or letters no candidate writes), how well the candidates' models and
// dictionaries know the words (the own model's fit, Hunspell for ru/uk/be, the model's word list for
// English), and franc asked without restriction, which names the language. No one of them decides
// alone: franc takes ru/uk/be for Bulgarian and English names for Pampanga, and the fit of short
// German sentences ("Das ist ein sehr schöner Tag, und wir gehen heute in den Park.") is as good as
// an English one's.
import type { Lang } from '../types.ts';
import { alphabetOutside, lettersNoCandidateHas } from './alphabet.ts';
import { SCRIPT, toBcp47, toIso3 } from './codes.ts';
import { ELD_LANGUAGES, eldIndex, eldScores, francAll, francBest } from './engines.ts';
import { knownShare, LEXICON_LANGS } from './lexicon.ts';
import type { Parts } from './scan.ts';
import type { Evidence } from './score.ts';
import { modelHasWord, sumVectors } from './wordmodel.ts';

/** Below this many words a foreign-looking text is still given to the best candidate. */
const OUTSIDE_MIN_WORDS = 3;
/** Best candidate's eld score relative to the outsider's, below which the outsider is believed. */
const OUTSIDE_RATIO = 0.9;
/** Own model's log-likelihood per word below which the text may be in no candidate language (see
 * the outside section of `npm run eval:lid`: our en/ru/uk/be sentences stay above it, 95% of them). */
const FIT_FLOOR = -30;
/**
 * The same floor for the fit of the words that are not capitalised (fitWithoutNames), which is higher
 * because those are mostly short function words, likely under any model: English sentences thick
 * with names fit at -23 to -32 (median -26), German and French ones (Text+Berg dev) at -45 to -27
 * (median -31.5, 90% below -30). At -28 no Text+Berg paragraph or sentence is let in that was kept
 * out before (`npm run eval:lid` unchanged) and every English one of the two name sets stays English.
 */
const COMMON_FIT_FLOOR = -28;
/** franc's score of the best candidate (its best language = 1) below which franc is believed. */
const FRANC_RATIO = 0.85;
/**
 * Words from which a unit that fits the candidates badly is believed to be in franc's foreign top
 * language whatever franc's ratio: franc's scores bunch up as text grows (a German or French text of
 * ten sentences gives English 0.83–0.95 of the top score, one sentence 0.36–0.79), while the
 * model's fit per word only gets steadier (English openings of ten sentences -25.8 to -27.9, German
 * and French below -30; see the outside section of `npm run eval:lid`).
 */
const LONG_WORDS = 24;
/** Share of Cyrillic words known to the ru/uk/be dictionaries below which the text is in another
 * Cyrillic language (see lexicon.ts knownShare: ru/uk/be sentences 0.86+, Bulgarian up to 0.75). */
const KNOWN_FLOOR = 0.7;
/** Fewest words of four letters or more for their known share to count (lexicon.ts knownShare). */
const LONG_KNOWN_WORDS = 4;
/**
 * Share of the lower-case Latin words that the model's English list knows, below which the words are
 * not English (at least ENGLISH_WORDS of them): our English sentences 0.46-1 (the two lowest are
 * thick with names), German Text+Berg sentences 0-0.47 (median 0.1), French 0-1 (median 0.2).
 */
const ENGLISH_FLOOR = 0.4;
const ENGLISH_WORDS = 4;
/**
 * Share of the lower-case Latin words the English list knows at or below which, with at least
 * PLAIN_WORDS of them, the words are plainly not English: no second signal is waited for. franc's
 * ranking of short German is flat ("Kannst du mir bitte sagen, wo der Bahnhof ist?": Low German 1.00,
 * Dutch 0.90, English 0.80), so its agreement never came, and the sentence was English at 1.00.
 * Our English sentences know 0.46 or more of such words.
 */
const PLAIN_FLOOR = 0.2;
const PLAIN_WORDS = 5;
/**
 * The fit above which words that the English list lacks still read as English (rare words, not
 * another language): English sentences fit at -26.4 (median); the German and French ones let in by
 * the fit floor alone fit at -30 to -27.
 */
const UNFAMILIAR_FIT = -27;
/**
 * Share of franc's top score from which a language close behind the top may name the text: franc's
 * top for "Ich weiß nicht, was ich sagen soll." is Low German (1.00, German 0.98), one that is not
 * widely used, and for the Bulgarian "Днес времето е много хубаво и отиваме в парка." Russian (1.00,
 * Bulgarian 0.94). Only when the words themselves are unknown to the candidates' dictionaries.
 */
const NEAR_TOP = 0.9;

/**
 * The language outside the candidates that the text is clearly written in, if any. Either no
 * candidate writes most of its letters (Greek text, Cyrillic with only Latin candidates), or the
 * text fits the candidates badly (by the model's fit, or by how many of its words the candidates'
 * dictionaries know) and franc, asked without restriction, puts a foreign language well ahead of every
 * candidate. Two signals must agree, so English that franc calls Scots stays.
 */
export function outsideLanguage(parts: Parts, languages: Lang[], evidence: Evidence): Lang | undefined {
  if (evidence.scriptMismatch > 0.5) return evidence.outsider?.lang ?? toBcp47(francBest(parts.tokens.join(' ')));
  if (evidence.words < OUTSIDE_MIN_WORDS) return shortOutside(parts, languages, evidence);
  if (evidence.cyrillicShare > 0.5) return outsideCyrillic(parts, languages, evidence);
  // Words the English list mostly lacks, in text that fits no better than foreign text may: a
  // fit above the floors no longer vouches for it, and franc may name a language close behind its top.
  // Looked up only when needed: most units fit well and hold no accented letter.
  let english: EnglishWords | undefined;
  const englishOf = () => (english ??= englishWords(parts, languages));
  const foreign = foreignLatin(parts, languages, evidence, englishOf, evidence.outsider?.lang);
  if (foreign) return foreign;
  const unfamiliar = evidence.fit !== undefined && fitsPoorly(evidence) && mostlyUnknown(englishOf(), ENGLISH_WORDS, ENGLISH_FLOOR, false);
  if (evidence.fit !== undefined) {
    if (!unfamiliar && evidence.fit > FIT_FLOOR) return undefined;
    const common = unfamiliar ? undefined : fitWithoutNames(parts);
    if (common !== undefined && common > COMMON_FIT_FLOOR) return undefined;
  } else if (!evidence.outsider || evidence.outsider.ratio >= OUTSIDE_RATIO) return undefined;
  const plainlyForeign = unfamiliar && mostlyUnknown(englishOf(), PLAIN_WORDS, PLAIN_FLOOR, true);
  const named = plainlyForeign ? evidence.outsider?.lang ?? eldOutsider(parts.tokens, languages) : undefined;
  if (named) return named;
  const ranked = francAll(parts.tokens.join(' '), { minLength: 1 });
  const lead = foreignLead(ranked, languages, unfamiliar);
  if (!lead) return undefined;
  const top = toBcp47(lead[0]);
  if (evidence.fit !== undefined && evidence.words >= LONG_WORDS || plainlyForeign) return evidence.outsider?.lang ?? top;
  const candidates = new Set(languages.map(toIso3));
  const bestCandidate = ranked.find(([code]) => candidates.has(code))?.[1] ?? 0;
  return bestCandidate < FRANC_RATIO * lead[1] ? (evidence.outsider?.lang ?? top) : undefined;
}

/**
 * Cyrillic text: franc takes much ru/uk/be text for Bulgarian, Macedonian or Rusyn, so only letters
 * that no candidate's alphabet has (Serbian ј, Kazakh ә), or words that the ru/uk/be dictionaries do
 * not know (when those are the only Cyrillic candidates), are clear enough. Letters foreign to each
 * candidate but known to some (a Belarusian sentence quoting Russian) are no such sign: that sentence
 * came out Serbian, and its Belarusian document was refused. franc then names the language; with
 * unknown words, also when it puts a candidate first by a hair.
 */
function outsideCyrillic(parts: Parts, languages: Lang[], evidence: Evidence): Lang | undefined {
  // Bulgarian fits the candidates' models badly; most ru/uk/be text fits well and is not searched.
  const bulgarian = fitsPoorly(evidence) && !languages.includes('bg') && writesBulgarianHardSign(parts.tokens);
  if (bulgarian) return 'bg';
  // Only when every Cyrillic candidate lacks two of the letters at least (most text lacks none in one).
  const byAlphabet = evidence.minForeign >= 2 ? alphabetOutside(parts.tokens, languages) : undefined;
  if (byAlphabet) return byAlphabet;
  const unknown = unknownCyrillic(parts, languages);
  // Letters no candidate writes: two anywhere, or one in a word that is no name (Serbian «јуче», «је»;
  // a Serbian name in a Russian report is capitalised).
  const foreignLetters = evidence.minForeign >= 1 && (lettersNoCandidateHas(parts.tokens.filter((w) => !CAPITALISED.test(w)), languages) >= 1
    || evidence.minForeign >= 2 && lettersNoCandidateHas(parts.tokens, languages) >= 2);
  if (!foreignLetters && !unknown) return undefined;
  const ranked = francAll(parts.tokens.join(' '), { minLength: 1 });
  const top = toBcp47(ranked[0]?.[0] ?? 'und');
  if (!languages.includes(top)) return top;
  // franc's top is a candidate, but the dictionaries know too few of the words for it: a language
  // close behind names the text (Russian 1.00, Bulgarian 0.94).
  const lead = unknown ? foreignLead(ranked, languages, true) : undefined;
  return lead && toBcp47(lead[0]);
}

/**
 * A unit of one or two words outside the candidates: only when its Latin words are plainly no
 * English (accentedForeign), or its Cyrillic letters are some that no candidate's alphabet has (Kazakh «Сәлем, досым!», Serbian ђ), named by the one alphabet that has them
 * all, else by franc's first language that is no candidate. Two words say too little for anything else.
 */
function shortOutside(parts: Parts, languages: Lang[], evidence: Evidence): Lang | undefined {
  if (evidence.cyrillicShare <= 0.5) return foreignLatin(parts, languages, evidence, () => englishWords(parts, languages), undefined);
  if (lettersNoCandidateHas(parts.tokens, languages) < 1) return undefined;
  const byAlphabet = alphabetOutside(parts.tokens, languages, 1);
  if (byAlphabet) return byAlphabet;
  const other = francAll(parts.tokens.join(' '), { minLength: 1 }).find(([code]) => code !== 'und' && !languages.includes(toBcp47(code)));
  return other && toBcp47(other[0]);
}

/** A hard sign before a consonant: въ(в), къ(м), съ(м), пъ(т), малъ(к). Of the Cyrillic alphabets only Bulgarian writes it. */
const HARD_SIGN_CONSONANT = /ъ[бвгджзклмнпрстфхцчшщ]/u;
/** Share of the lower-case Cyrillic words with a hard sign before a consonant from which a text is Bulgarian. */
const HARD_SIGN_SHARE = 0.1;

/**
 * Whether the lower-case words write the hard sign as only Bulgarian does (HARD_SIGN_CONSONANT), in at
 * least a tenth of them: "Тя каза, че ще се върне след малко." is all ru/uk forms to the dictionaries
 * but «върне». Capitalised words after the first are names (Търново in a Russian report) and do not count.
 */
export function writesBulgarianHardSign(tokens: string[]): boolean {
  // Most Cyrillic text has no ъ at all: one plain search a word, before any pattern.
  if (!tokens.some((w) => w.includes('ъ'))) return false;
  let words = 0, hard = 0;
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i];
    // The first word is capitalised as a sentence's («Къде е гарата?»), not as a name.
    if (i > 0 && CAPITALISED.test(w)) continue;
    words++;
    if (HARD_SIGN_CONSONANT.test(w)) hard++;
  }
  return hard > 0 && hard >= HARD_SIGN_SHARE * words;
}

/**
 * franc's language outside the candidates that leads its ranking, with its score: the top, when it is
 * a widely used language and no candidate; else, when `near`, the first such language within
 * NEAR_TOP of the top.
 */
function foreignLead(ranked: Array<[string, number]>, languages: Lang[], near: boolean): [string, number] | undefined {
  const fits = ([code]: [string, number]) => code !== 'und' && !languages.includes(toBcp47(code)) && widelyUsed(code);
  if (!ranked.length) return undefined;
  if (fits(ranked[0])) return ranked[0];
  if (!near) return undefined;
  for (const entry of ranked) {
    if (entry[1] < NEAR_TOP * ranked[0][1]) return undefined;
    if (fits(entry)) return entry;
  }
  return undefined;
}

/** A word that starts with a capital: at a unit's start any word, elsewhere mostly a name. */
export const CAPITALISED = /^\p{Lu}/u;
const LATIN_WORD = /^\p{Script=Latin}/u;

/**
 * The fit per word (see FIT_FLOOR) of the words that do not start with a capital, or undefined when
 * there are fewer than OUTSIDE_MIN_WORDS of them. Names say nothing of a text's language and no
 * model knows them: "Svetlana Tikhanovskaya met Alexander Lukashenko in Minsk on Sunday" fitted
 * English below the floor, and franc called it Swedish for "met", "in" and "on". German capitalises
 * its nouns but keeps enough lower-case words to be told.
 */
function fitWithoutNames(parts: Parts): number | undefined {
  const common: Float64Array[] = [];
  for (let i = 0; i < parts.vectors.length; i++) if (!CAPITALISED.test(parts.tokens[i])) common.push(parts.vectors[i]);
  if (common.length < OUTSIDE_MIN_WORDS) return undefined;
  let best = -Infinity;
  for (const v of sumVectors(common, common.length)) best = Math.max(best, v);
  return best / common.length;
}

interface EnglishWords { latin: number; known: number; accented: number }

/**
 * How many lower-case Latin words there are and how many of them the English list knows (English is
 * the one Latin-script model language): the English side's counterpart of unknownCyrillic. Names are
 * capitalised and not counted. None when English is no candidate.
 */
function englishWords(parts: Parts, languages: Lang[]): EnglishWords {
  let latin = 0, known = 0, accented = 0;
  if (!languages.includes('en')) return { latin, known, accented };
  for (const w of parts.tokens) {
    if (CAPITALISED.test(w) || !LATIN_WORD.test(w)) continue;
    latin++;
    if (modelHasWord(w, 'en')) known++;
    else if (NOT_ENGLISH_LETTER.test(w)) accented++;
  }
  return { latin, known, accented };
}

/** A Latin letter that English words do not write (ä, é, ñ, ł, ß, ¿ aside): a word with one is another language's. */
const NOT_ENGLISH_LETTER = /[\u00c0-\u024f]/u;

/** Whether at least `fewest` lower-case Latin words are there and under (or, `atMost`, up to) `share` of them known to English. */
function mostlyUnknown(english: EnglishWords, fewest: number, share: number, atMost: boolean): boolean {
  return english.latin >= fewest && (atMost ? english.known <= share * english.latin : english.known < share * english.latin);
}

/** The model's fit says the text may be foreign (or there is none): most English fits well, and reads on. */
const fitsPoorly = (evidence: Evidence) => evidence.fit === undefined || evidence.fit <= UNFAMILIAR_FIT;

/**
 * The language of Latin text whose lower-case words are none of them English, two at least, in text
 * that fits poorly: with one that writes a letter English does not ("Wo ist der nächste Bahnhof?",
 * "Hola, ¿qué tal?") as eld names it, or in a unit of up to SHORT_WORDS words when eld's name leads the
 * candidates by SHORT_LEAD ("Kde jsi byl?"); all were English at 1.00. Names are capitalised and not
 * counted, so "Zürich" or "Lech Wałęsa" in an English sentence say nothing. `englishOf` gives the
 * words' counts, asked only for text that may qualify; `outsider`, the unit's own eld verdict where it
 * has one, names the language first.
 */
function foreignLatin(parts: Parts, languages: Lang[], evidence: Evidence, englishOf: () => EnglishWords,
  outsider: Lang | undefined): Lang | undefined {
  if (!fitsPoorly(evidence)) return undefined;
  const accented = parts.tokens.some((w) => NOT_ENGLISH_LETTER.test(w));
  if (!accented && evidence.words > SHORT_WORDS) return undefined;
  const english = englishOf();
  if (english.latin < 2 || english.known > 0 || english.accented === 0 && evidence.words > SHORT_WORDS) return undefined;
  return outsider ?? eldOutsider(parts.tokens, languages, accented ? 1 : SHORT_LEAD);
}

/**
 * Units of this many words or fewer whose two or more lower-case words are all unknown to English are
 * outside when eld names another language, accents or none: "Wo warst du?", "Kde jsi byl?", "Dove sei
 * stato?" were English at 1.00. A short English unit has a word the list knows ("Protests continue").
 */
const SHORT_WORDS = 4;

/**
 * eld's top language for the words when it is no candidate, and at least `lead` times the best
 * candidate's score: eld knows widely used languages only, and German well.
 */
function eldOutsider(words: string[], languages: Lang[], lead = 1): Lang | undefined {
  const scores = eldScores(words);
  let top = 0, candidate = 0;
  for (let i = 0; i < scores.length; i++) {
    if (scores[i] > scores[top]) top = i;
    if (languages.includes(ELD_LANGUAGES[i])) candidate = Math.max(candidate, scores[i]);
  }
  const lang = ELD_LANGUAGES[top];
  return scores[top] > 0 && !languages.includes(lang) && scores[top] >= lead * candidate ? lang : undefined;
}

/**
 * How far eld's foreign top must lead the candidates for a short unit without accents: English words
 * the model's list lacks ("social origin", "penal offence") give eld's top a lead of 1.0-1.3 at most,
 * German, Czech and Italian ones ("warst du", "jsi byl", "sei stato") 4.6 and more.
 */
const SHORT_LEAD = 2;

/**
 * Whether franc's language (ISO 639-3) is one of eld's 60 widely used ones. franc knows some 400,
 * and for an English caption of Slavic names (Svetlana Tikhanovskaya met Lukashenko's envoy in
 * Minsk) its flat ranking puts Pampanga, Kiribati or Bikol first: such a top is names, not a
 * language. ICU's canonical form maps franc's codes that tandem's table lacks (pes, als) to eld's (fa, sq).
 */
function widelyUsed(iso3: string): boolean {
  return eldIndex(toBcp47(iso3)) >= 0; // toBcp47 takes ICU's canonical form of codes its table lacks
}

/**
 * Whether Cyrillic text is in none of ru/uk/be by its words: most lower-case words unknown to all
 * three dictionaries (names are capitalised and not counted), or most of those of four letters or
 * more. Only when the Cyrillic candidates are ru/uk/be, whose dictionaries the lexicon has, and no
 * letter of theirs that Bulgarian lacks is there (Belarusian in the classical spelling's rival,
 * taraškievica, has ў and і).
 */
function unknownCyrillic(parts: Parts, languages: Lang[]): boolean {
  // A letter that ru/uk/be write and Bulgarian does not (ё ы э і ї є ґ ў, counted with the others):
  // the cheaper test first, since most ru/uk/be text has one.
  if (parts.letters.eastSlavic) return false;
  if (!languages.every((l) => SCRIPT[l] !== 'Cyrl' || (LEXICON_LANGS as readonly string[]).includes(l))) return false;
  const share = knownShare(parts.tokens);
  if (share !== undefined && share < KNOWN_FLOOR) return true;
  const long = knownShare(parts.tokens, LONG_KNOWN_WORDS, 4);
  return long !== undefined && long < KNOWN_FLOOR;
}
