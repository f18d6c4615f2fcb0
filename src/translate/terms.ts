// Glossary helpers shared by every provider: a term's preferred target form, and carrying the case
// pattern of the source mention (ALL CAPS, Title, lower) over to it.
import { primaryLang, shapeOf } from '../glossary/index.ts';
import type { Glossary, GlossaryEntry, Lang, Term, TermMatch } from '../types.ts';

/** True when two BCP 47 tags name the same language (primary subtag; 'ru-RU' = 'ru'). */
export function sameLang(a: Lang, b: Lang): boolean {
  return primaryLang(a) === primaryLang(b);
}

// Every term mention of every segment asks for its entry: a scan of a glossary of thousands of
// entries each time adds up, so each (loaded, never changed) glossary is indexed by id once.
const entriesById = new WeakMap<Glossary, Map<string, GlossaryEntry>>();

function entryOf(glossary: Glossary, id: string): GlossaryEntry | undefined {
  let byId = entriesById.get(glossary);
  if (!byId) {
    byId = new Map();
    for (const entry of glossary.entries) if (!byId.has(entry.id)) byId.set(entry.id, entry); // the first wins, as find() did
    entriesById.set(glossary, byId);
  }
  return byId.get(id);
}

/**
 * The preferred (else admitted) term of an entry in `lang`, or undefined when the entry has none; of
 * the `shape` of the source mention when the entry has one (a surname for a surname: "Lukashenka met
 * Kalesnikava" became «Александр Лукашенко met Мария Колесникова», the full names), as normalisation does.
 */
export function targetTerm(glossary: Glossary, entryId: string, lang: Lang, shape?: string): Term | undefined {
  const entry = entryOf(glossary, entryId);
  const terms = entry?.terms.filter((t) => sameLang(t.lang, lang)) ?? [];
  if (entry && shape) {
    const same = best(terms.filter((t) => shapeOf(t, entry) === shape));
    if (same) return same;
    // A person's surname from the full name when the glossary lists only that (Мария Колесникова).
    const full = shape === 'surname' ? best(terms.filter((t) => shapeOf(t, entry) === 'fullName')) : undefined;
    if (full) return { ...full, text: full.text.trim().split(/\s+/).at(-1)!, shape: 'surname' };
  }
  return best(terms);
}

const best = (terms: Term[]) => terms.find((t) => t.status === 'preferred') ?? terms.find((t) => t.status === 'admitted');

/** The term of an entry spelled `text` (in `lang`, when given): what a match's TermMatch.term names. */
const listedTerm = (entry: GlossaryEntry | undefined, text: string, lang?: Lang) =>
  entry?.terms.find((t) => t.text === text && (lang === undefined || sameLang(t.lang, lang)));

/** Whether an entry's term spelled `text` in `lang` is marked indeclinable (Гродно, Лукашенко). */
export function termIndeclinable(glossary: Glossary, entryId: string, text: string, lang: Lang): boolean {
  return listedTerm(entryOf(glossary, entryId), text, lang)?.indeclinable === true;
}

/** The shape of a matched term (TermMatch.term) of an entry: its listed term's, else what its words say. */
export function termShape(glossary: Glossary, entryId: string, text: string): string | undefined {
  const entry = entryOf(glossary, entryId);
  if (!entry) return undefined;
  return shapeOf(listedTerm(entry, text) ?? { text, lang: entry.terms[0]?.lang ?? 'und', status: 'preferred' }, entry);
}

/** Gives `form` the case pattern of `surface`: all caps stays all caps, lower stays lower. */
export function matchCase(surface: string, form: string): string {
  const letters = surface.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return form.toUpperCase();
  if (letters && letters === letters.toLowerCase() && letters !== letters.toUpperCase()) return form.toLowerCase();
  return form;
}

/** Longest-first, non-overlapping term mentions, so "Grodno Azot" wins over "Grodno". */
export function nonOverlapping(matches: TermMatch[]): TermMatch[] {
  const sorted = [...matches].sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const kept: TermMatch[] = [];
  for (const m of sorted) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}

/** Replaces spans of `text` (non-overlapping, any order). */
export function replaceSpans(text: string, spans: Array<{ start: number; end: number; text: string }>): string {
  let out = '', at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) { out += text.slice(at, s.start) + s.text; at = s.end; }
  return out + text.slice(at);
}
