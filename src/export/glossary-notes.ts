// The text of XLIFF glossary notes: what a translator needs at the segment. With the job's glossary
// at hand a source term's note gives the preferred target-language form (same shape: full name for a
// full name, surname for a surname, via the glossary stage's preferredTerm), and a deprecated match
// names the form to use instead.
import { preferredTerm, shapeOf } from '../glossary/index.ts';
import type { Glossary, GlossaryEntry, Lang, Segment } from '../types.ts';

type Match = Segment['terms'][number];

const indexes = new WeakMap<Glossary, Map<string, GlossaryEntry>>();
const NO_ENTRIES = new Map<string, GlossaryEntry>();

/** Entries by id, made once per glossary (a batch writes every document's XLIFF with the job's). */
export function entryIndex(glossary: Glossary | undefined): Map<string, GlossaryEntry> {
  if (!glossary) return NO_ENTRIES;
  let index = indexes.get(glossary);
  if (!index) indexes.set(glossary, (index = new Map(glossary.entries.map((entry) => [entry.id, entry]))));
  return index;
}

function preferredIn(entry: GlossaryEntry, lang: Lang, shape: string): string | undefined {
  return preferredTerm(entry, lang, shape)
    ?? entry.terms.find((term) => term.lang === lang && term.status === 'preferred')?.text;
}

// What a note says after the surface depends only on the glossary term matched (entry, term, language,
// status) and the other language, and looking up preferred forms took most of a batch's note writing:
// it is worked out once per such combination. Keyed on glossary terms, which text repeats, bounded.
const noteTails = new WeakMap<Map<string, GlossaryEntry>, Map<string, string>>();
const MAX_TAILS = 10_000;

/**
 * "Tikhanovskaya → ru: Тихановская (deprecated; en: Tsikhanouskaya) [tsikhanouskaya]" with a glossary
 * ("Tsikhanouskaya → uk: none in the glossary (ru: Тихановская; be: Ціханоўская) [tsikhanouskaya]" when
 * it has no form in the other language), "Tikhanovskaya = Tikhanovskaya (deprecated) [tsikhanouskaya]"
 * without one.
 */
export function glossaryNote(match: Match, otherLang: Lang | undefined, entries: Map<string, GlossaryEntry>): string {
  const entry = entries.get(match.entry);
  if (!entry) return `${match.surface} = ${match.term} (${match.status}) [${match.entry}]`;
  let tails = noteTails.get(entries);
  if (!tails) noteTails.set(entries, (tails = new Map()));
  const key = JSON.stringify([match.entry, match.term, match.lang, match.status, otherLang]);
  let tail = tails.get(key);
  if (tail === undefined) {
    if (tails.size >= MAX_TAILS) tails.clear();
    tail = noteTail(match, otherLang, entry);
    tails.set(key, tail);
  }
  return match.surface + tail;
}

/** The note after the surface: the arrow to the form to write, the match's status, the entry id. */
function noteTail(match: Match, otherLang: Lang | undefined, entry: GlossaryEntry): string {
  const term = entry.terms.find((candidate) => candidate.text === match.term && candidate.lang === match.lang);
  const shape = term ? shapeOf(term, entry) : 'name';
  const own = match.status === 'preferred' ? undefined : preferredIn(entry, match.lang, shape);
  const status = match.status === 'preferred' ? '' : ` (${match.status}${own ? `; ${match.lang}: ${own}` : ''})`;
  const target = otherLang ? preferredIn(entry, otherLang, shape) : undefined;
  const arrow = target ? ` → ${otherLang}: ${target}`
    : otherLang ? ` → ${otherLang}: ${elsewhere(entry, [match.lang, otherLang], shape)}` : ` = ${match.term}`;
  return `${arrow}${status} [${match.entry}]`;
}

/**
 * For a language the entry has no form in (a Ukrainian translation with a glossary of English,
 * Russian and Belarusian forms): says so, with the preferred forms of its other languages, which
 * a translator can go by, instead of repeating the source term as if it were the translation.
 */
function elsewhere(entry: GlossaryEntry, skip: Lang[], shape: string): string {
  const langs = [...new Set(entry.terms.map((term) => term.lang))].filter((lang) => !skip.includes(lang));
  const forms = langs.flatMap((lang) => {
    const form = preferredIn(entry, lang, shape);
    return form ? [`${lang}: ${form}`] : [];
  });
  return `none in the glossary${forms.length ? ` (${forms.join('; ')})` : ''}`;
}
