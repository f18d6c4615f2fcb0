// Glossary facts the term rules share: a per-entry index of terms, and one pass of the matcher over
// both sides of a segment, so each text is matched once however many rules look at it.
import { preferredTerm, primaryLang as primarySubtag, type Matcher } from '../glossary/index.ts';
import type { Glossary, GlossaryEntry, Lang, Segment, Term, TermMatch } from '../types.ts';

/** Primary language subtag, lower case: TMX files say en-US, ru-RU, be-BY; glossaries say en, ru, be. */
export function primaryLang(tag: string | undefined | null): Lang {
  return tag ? primarySubtag(tag) : 'und';
}

// Mentions repeat the same few thousand terms, and NFC plus a locale-aware lower case is slow: cached.
const folded = new Map<string, string>();
function fold(text: string): string {
  let f = folded.get(text);
  if (f === undefined) {
    f = text.normalize('NFC').toLocaleLowerCase();
    if (folded.size >= 100_000) folded.clear();
    folded.set(text, f);
  }
  return f;
}

export interface GlossaryIndex {
  entry(id: string): GlossaryEntry | undefined;
  /** Terms of an entry in one language with the given statuses. */
  terms(entryId: string, lang: Lang, statuses: Term['status'][]): Term[];
  /** The listed term a match was recognised as (by entry, language and text), when there is one. */
  termOf(match: TermMatch): Term | undefined;
}

export function indexGlossary(glossary: Glossary): GlossaryIndex {
  const entries = new Map<string, GlossaryEntry>();
  const byText = new Map<string, Term[]>();
  for (const entry of glossary.entries) {
    if (!entries.has(entry.id)) entries.set(entry.id, entry);
    for (const term of entry.terms) {
      const key = `${entry.id}\u0000${fold(term.text)}`;
      const list = byText.get(key);
      if (list) list.push(term); else byText.set(key, [term]);
    }
  }
  const cache = new Map<string, Term[]>();
  // By entry, term and language rather than by match object: a WeakMap of every mention of a large
  // batch measured costly for the garbage collector, and mentions repeat the same terms.
  const listedOf = new Map<string, Term | undefined>();
  return {
    entry: (id) => entries.get(id),
    terms(entryId, lang, statuses) {
      const key = `${entryId}\u0000${lang}\u0000${statuses.join()}`;
      let found = cache.get(key);
      if (!found) {
        found = (entries.get(entryId)?.terms ?? []).filter((t) => primaryLang(t.lang) === lang && statuses.includes(t.status));
        cache.set(key, found);
      }
      return found;
    },
    termOf(match) {
      // Several rules ask about the same mention, and mentions repeat: look each up once.
      const key = `${match.entry}\u0000${match.term}\u0000${match.lang}`;
      if (listedOf.has(key)) return listedOf.get(key);
      const candidates = byText.get(`${match.entry}\u0000${fold(match.term)}`) ?? [];
      const listed = candidates.find((t) => primaryLang(t.lang) === primaryLang(match.lang)) ?? candidates[0];
      if (listedOf.size >= 100_000) listedOf.clear();
      listedOf.set(key, listed);
      return listed;
    },
  };
}

/**
 * Keeps the longest of overlapping matches ("Minsk Tractor Works" over the "Minsk" inside it), so a
 * place name inside an organisation's name does not demand its own translation. Matches with exactly
 * the same span are all kept: the matcher may see one surface as a term of two entries.
 */
export function outermost<M extends TermMatch>(matches: M[]): M[] {
  if (matches.length < 2) return matches.slice(); // most texts: nothing to sort or drop
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: M[] = [];
  let reach = -1;
  let last: M | undefined;
  for (const m of sorted) {
    if (last && m.start === last.start && m.end === last.end) { kept.push(m); continue; }
    if (m.start < reach) continue;
    kept.push(m);
    last = m;
    reach = m.end;
  }
  return kept;
}

/** A mention with the shape of the term it was recognised as (fullName, surname, acronym, ...). */
export type Mention = TermMatch & { shape?: string };

/** Both sides of one segment with the glossary mentions found in each. */
export interface SegmentTerms {
  srcLang: Lang;
  tgtLang: Lang;
  src: Mention[];
  tgt: Mention[];
}

/** The matcher's mentions, with shapes where the matcher gives them (findDetailed). */
function find(matcher: Matcher, text: string, lang: Lang): Mention[] {
  return matcher.findDetailed ? matcher.findDetailed(text, lang) : matcher.find(text, lang);
}

export function matchSegment(segment: Segment, matcher: Matcher): SegmentTerms {
  const srcLang = primaryLang(segment.src.lang);
  const tgtLang = primaryLang(segment.tgt?.lang);
  return {
    srcLang,
    tgtLang,
    src: outermost(find(matcher, segment.src.text, srcLang)),
    tgt: segment.tgt ? outermost(find(matcher, segment.tgt.text, tgtLang)) : [],
  };
}

/**
 * True when a mention counts as the entry's term in `lang`: a listed term of that language, or a
 * form the matcher derived for that language (an inflection or a transliteration of a listed term).
 * "Minsk" left in Latin inside a Russian target is not the Russian term.
 */
export function isInLanguage(match: TermMatch, lang: Lang, index: GlossaryIndex): boolean {
  if (primaryLang(match.lang) === lang) return true;
  const listed = index.terms(match.entry, lang, ['preferred', 'admitted', 'deprecated']);
  const surface = fold(match.surface);
  return listed.some((t) => fold(t.text) === surface || fold(t.text) === fold(match.term));
}

/**
 * The status a rule should see. A spelling the matcher derived by romanisation or back-transliteration
 * (Tikhanovskaia for Тихановская) is a form of its listed term, not a listed deprecated variant: the
 * matcher marks it deprecated because normalisation rewrites it, but for checking it counts as the
 * term (admitted), so transliterated forms raise no alarm. Hashtags are names of feeds, never
 * rewritten, so they are not held against the text either. Listed deprecated terms stay deprecated.
 */
export function statusOf(match: TermMatch, index: GlossaryIndex): Term['status'] {
  if (match.via === 'transliteration' || match.via === 'hashtag') return match.status === 'preferred' ? 'preferred' : 'admitted';
  return index.termOf(match)?.status === 'deprecated' ? 'deprecated' : match.status;
}

/** How a mention is named in consistency keys: the glossary term it is a form of, folded. */
export function lemmaOf(match: TermMatch): string {
  return fold(match.term);
}

/** The shape of a mention's term: the matcher's, else the listed term's. */
export function shapeOf(match: Mention, index: GlossaryIndex): string | undefined {
  return match.shape ?? index.termOf(match)?.shape;
}

/**
 * The term a mention renders, for consistency: a romanised or back-transliterated spelling renders
 * the entry's preferred term of the same shape in its language (what normalisation writes), so
 * "Tikhanovskaia" and "Tikhanovskaya" are one rendering; any other mention renders its own term.
 */
export function renderingOf(match: Mention, lang: Lang, index: GlossaryIndex): { key: string; text: string; preferred: boolean } {
  if (match.via === 'transliteration') {
    // The glossary stage's choice, so a surname renders the preferred full name's last word when no
    // surname is listed (Цихановская is Тихановская, not Светлана Тихановская).
    const entry = index.entry(match.entry), shape = shapeOf(match, index);
    const same = entry && shape ? preferredTerm(entry, lang, shape) : undefined;
    if (same) return { key: fold(same), text: same, preferred: true };
    const preferred = index.terms(match.entry, lang, ['preferred']);
    if (preferred.length === 1) return { key: fold(preferred[0].text), text: preferred[0].text, preferred: true };
  }
  return { key: lemmaOf(match), text: index.termOf(match)?.text ?? match.term, preferred: statusOf(match, index) === 'preferred' };
}

/** Deduplicates by key, keeping the first. */
export function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
