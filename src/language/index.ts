// Language identification: the public API of the language stage. See docs/language.md.
export { detect, detectScored, type DetectOptions, type ScoredDetection } from './detect.ts';
export { detectParagraph, type ParagraphDetection, type SentenceDetection } from './paragraph.ts';
export { detectDocumentSentences, detectLines, documentLanguage, dominantLanguage, detectParagraphs, distribution, openingLanguage, ownLanguages, scanDocument,
  type DocumentScan } from './document.ts';
export { toBcp47, toIso3 } from './codes.ts';
export { maskNoise } from './noise.ts';
export { countLetters, type LetterCounts } from './alphabet.ts';
/** Whether words write the hard sign before a consonant, as only Bulgarian does (въ, към, малък). */
export { writesBulgarianHardSign } from './outside.ts';
/** Whether a language's Hunspell dictionary (ru, uk, be) has a word form. */
export { lexiconHas } from './lexicon.ts';
/** tandem's usual candidates, the languages its own word model knows: what `detect` and `translate` tell among by default. */
export { MODEL_LANGS as USUAL_LANGUAGES } from './wordmodel.ts';
