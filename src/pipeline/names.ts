// What a document's file name says: NAME.ru.txt is written in Russian (the job's pairing by suffix,
// and the check of a job file's explicit pairs, read names alike).

/**
 * Splits NAME.ru.txt into { stem: 'NAME', lang: 'ru', ext: '.txt' } when ru is one of the languages;
 * the suffix in any case (NAME.RU.txt, as Windows users and CMS exports write it).
 */
export function parseName(id: string, languages: readonly string[]): { stem: string; lang?: string; ext: string } {
  // `s`: a name may hold a line break (a file saved from a title), and `.` would stop at it.
  const m = /^(.*?)(?:\.([a-zA-Z]{2,3}))?(\.[^./]+)$/s.exec(id);
  if (!m) return { stem: id, ext: '' };
  const lang = m[2]?.toLowerCase();
  if (lang && languages.includes(lang)) return { stem: m[1], lang, ext: m[3] };
  return { stem: m[1] + (m[2] ? '.' + m[2] : ''), ext: m[3] };
}

/** The languages a name may declare: the job's candidates and its pairs' languages. */
export function nameLanguages(languages: readonly string[], pairs: ReadonlyArray<{ src: string; tgt: string }>): string[] {
  return [...new Set([...languages, ...pairs.flatMap((p) => [p.src, p.tgt])])];
}
