// Glossaries: loading (YAML/JSON with a JSON Schema, TBX, CSV), matching every spelling, transliteration
// and Russian case form of a term, and normalising text to the house spelling with reversible changes.
export {
  loadGlossaries, loadGlossaryFiles, mergeGlossaryFiles, parseGlossary, entryLines, GlossaryError,
  type LoadedGlossary, type GlossaryMeta, type GlossaryFile,
} from './load.ts';
export { createMatcher, type Matcher, type CompiledMatcher, type MatcherOptions, type DetailedMatch } from './matcher.ts';
export { normalize, applyChanges, revertChanges, houseSpelling, isBorrowedFamilyPlural, isFamilyPlural, type Normalized } from './normalize.ts';
export { parseTbx, toTbx } from './tbx.ts';
export { parseCsvGlossary } from './csv.ts';
export { russianForms, snowballStem, type RussianStrategy } from './russian.ts';
export { belarusianForms } from './belarusian-forms.ts';
export { ukrainianForms } from './ukrainian-forms.ts';
export { caseForms } from './forms.ts';
export { shapeOf, preferredTerm } from './variants.ts';
export { guessPerson } from './people.ts';
export { normalizeParagraphs, type NormalizedParagraph, type ParagraphOptions } from './paragraphs.ts';
export { nameKey, nameSimilarity, romanizations, toCyrillic, fold, levenshtein, primaryLang } from './translit.ts';
export { romanizeBelarusian, BELARUSIAN_SCHEMAS, type BelarusianSchema } from './belarusian.ts';
export { lintGlossaries, formatProblem, type LintProblem, type LintInput, type LintOptions } from './lint.ts';
export { suggestEntries, suggestionsToEntries, formatSuggestions, type Suggestion, type SuggestOptions } from './suggest.ts';
