// What the page shows besides the beads: its strings in the reviewer's language, the glossary
// entries behind the highlighted terms, and `tandem check` findings per bead.
import { loadGlossaries } from '../glossary/index.ts';
import { initI18n } from '../i18n/index.ts';
import type { Glossary, GlossaryEntry, Segment } from '../types.ts';
import { beadToSegment, segmentKey, type ReviewBead } from './model.ts';
import type { PageContext } from './server.ts';

export interface Finding { rule: string; severity: string; message: string; entry?: string | null }

/** Finds check violations in segments; keyed by the segment's JSONL id ("doc#id" or "id"). */
export type Checker = (segments: Segment[], glossary: Glossary) => Map<string, Finding[]>;

export interface ContextOptions {
  lang: 'en' | 'ru';
  job: string;
  glossary?: Glossary;
  checker?: Checker | null;
}

/** The `review:page` strings in `lang`, with English filling any key a translation lacks. */
export function pageStrings(lang: 'en' | 'ru'): Record<string, unknown> {
  const t = initI18n(lang);
  const english = t('review:page', { returnObjects: true, lng: 'en' }) as unknown as Record<string, unknown>;
  const chosen = t('review:page', { returnObjects: true, lng: lang }) as unknown as Record<string, unknown>;
  return deepMerge(english, chosen);
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over ?? {})) {
    const inner = out[key];
    out[key] = isRecord(inner) && isRecord(value) ? deepMerge(inner, value) : value;
  }
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The glossary entries the page can show on hover. Without a glossary file, the matches recorded
 * in the segments still say which entry and term they are, so the page is never without them.
 */
export function glossaryForPage(beads: readonly ReviewBead[], glossary?: Glossary): Record<string, GlossaryEntry> {
  const used = new Set(beads.flatMap((b) => [...b.src, ...b.tgt].flatMap((u) => u.terms.map((m) => m.entry))));
  const out: Record<string, GlossaryEntry> = {};
  for (const entry of glossary?.entries ?? []) out[entry.id] = entry;
  for (const bead of beads) {
    for (const m of [...bead.src, ...bead.tgt].flatMap((u) => u.terms)) {
      if (out[m.entry] && glossary) continue;
      const entry = out[m.entry] ??= { id: m.entry, terms: [] };
      if (!entry.terms.some((t) => t.text === m.term && t.lang === m.lang)) entry.terms.push({ text: m.term, lang: m.lang, status: m.status });
    }
  }
  // Send only what the job uses, plus everything when the glossary is small enough to flag against.
  if (glossary && glossary.entries.length > 2000) for (const id of Object.keys(out)) if (!used.has(id)) delete out[id];
  return out;
}

export async function loadGlossary(paths: string[]): Promise<Glossary | undefined> {
  return paths.length ? loadGlossaries(paths) : undefined;
}

export async function buildPageContext(beads: readonly ReviewBead[], options: ContextOptions): Promise<PageContext> {
  const { checker, glossary } = options;
  return {
    lang: options.lang,
    strings: pageStrings(options.lang),
    job: options.job,
    glossary: glossaryForPage(beads, glossary),
    violations: (some) => (checker && glossary ? findingsByKey(some, checker, glossary) : {}),
  };
}

/** Runs the checker over beads (as the segments they would be written as) and keys the findings. */
function findingsByKey(beads: readonly ReviewBead[], checker: Checker, glossary: Glossary): Record<string, Finding[]> {
  const segments = beads.map((b) => beadToSegment(b));
  const found = checker(segments, glossary);
  const out: Record<string, Finding[]> = {};
  for (const b of beads) {
    const list = found.get(segmentKey(b)) ?? found.get(b.id);
    if (list?.length) out[b.key] = list;
  }
  return out;
}
