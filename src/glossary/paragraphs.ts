// Normalising a whole document paragraph by paragraph: the record `tandem normalize` prints per line.
import { detectParagraphs, USUAL_LANGUAGES } from '../language/index.ts';
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

/**
 * Each paragraph normalised in its language, detected as `tandem detect` and `tandem run` detect it
 * (leaning on the document's other paragraphs). A paragraph of several languages is normalised
 * sentence by sentence, each in its own, as the pipeline does: read whole, "Tsikhanouskaya met
 * Lukashenka. Тихановской позвонил Лукашенко." came out Ukrainian, and so did its Лукашенко.
 */
export function normalizeParagraphs(texts: string[], matcher: Matcher, glossary: Glossary, options: ParagraphOptions = {}): NormalizedParagraph[] {
  const languages = options.languages?.length ? options.languages : USUAL_LANGUAGES;
  const detections = options.lang ? undefined : detectParagraphs(texts, { languages });
  return texts.map((original, i) => {
    const detection = detections?.[i];
    const lang = options.lang ?? detection!.lang;
    if (!detection?.mixed) return { lang, original, ...normalize(original, lang, matcher, glossary) };
    return { lang, original, ...bySentence(original, detection.sentences, matcher, glossary) };
  });
}

/** normalize() over each sentence in its language, put back together with the text between them. */
function bySentence(original: string, sentences: ReadonlyArray<{ start: number; end: number; lang: Lang }>, matcher: Matcher, glossary: Glossary) {
  let text = '', at = 0;
  const matches: TermMatch[] = [], changes: Change[] = [];
  for (const s of sentences) {
    text += original.slice(at, s.start);
    const part = normalize(original.slice(s.start, s.end), s.lang, matcher, glossary);
    // Changes keep offsets into the original; matches move to where the normalised text has them.
    for (const c of part.changes) changes.push({ ...c, start: c.start + s.start, end: c.end + s.start });
    for (const m of part.matches) matches.push({ ...m, start: m.start + text.length, end: m.end + text.length });
    text += part.text;
    at = s.end;
  }
  return { text: text + original.slice(at), matches, changes };
}
