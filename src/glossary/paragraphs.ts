// Normalising a whole document paragraph by paragraph: the record `tandem normalize` prints per line.
import { detect } from '../language/index.ts';
import type { Change, Glossary, Lang, TermMatch } from '../types.ts';
import type { Matcher } from './matcher.ts';
import { normalize } from './normalize.ts';

export interface NormalizedParagraph {
  lang: Lang;
  /** Normalised text. */
  text: string;
  /** The paragraph as it stood, so nothing is lost. */
  original: string;
  matches: TermMatch[];
  changes: Change[];
}

export interface ParagraphOptions {
  /** Language of every paragraph; detected per paragraph when absent. */
  lang?: Lang;
  /** Candidate languages for detection. */
  languages?: Lang[];
}

export function normalizeParagraphs(texts: string[], matcher: Matcher, glossary: Glossary, options: ParagraphOptions = {}): NormalizedParagraph[] {
  const languages = options.languages?.length ? options.languages : ['en', 'ru', 'be', 'uk'];
  return texts.map((original) => {
    const lang = options.lang ?? detect(original, { languages }).lang;
    const { text, matches, changes } = normalize(original, lang, matcher, glossary);
    return { lang, text, original, matches, changes };
  });
}
