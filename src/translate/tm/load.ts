// Reads translation units for the memory from TMX files and tandem's own segments.jsonl (every
// aligned job adds to the memory). Parsing is the export stage's: one reader per format in tandem.
import { readFile } from 'node:fs/promises';
import { t } from '../../i18n/index.ts';
import { isHumanTarget, readSegments } from '../../export/index.ts';
import type { Segment } from '../../types.ts';
import { ProviderConfigError, type ProviderConfig, type ProviderContext } from '../provider.ts';
import { resolveFiles } from '../settings.ts';
import { sameLang } from '../terms.ts';
import type { TmEntry } from './memory.ts';

/** One bilingual pair as stored, in either direction of use. */
export interface TmUnit { a: { lang: string; text: string }; b: { lang: string; text: string }; ref: string; origin?: string }

export function unitsFromSegments(segments: Segment[], file: string): TmUnit[] {
  const units: TmUnit[] = [];
  for (const s of segments) {
    if (!s.tgt || !s.tgt.text.trim() || !s.src.text.trim() || !isHumanTarget(s)) continue;
    units.push({ a: { lang: s.src.lang, text: s.src.text }, b: { lang: s.tgt.lang, text: s.tgt.text }, ref: `${file}#${s.doc ? s.doc + ':' : ''}${s.id}`, origin: s.origin });
  }
  return units;
}

/**
 * Reads one memory file (TMX, XLIFF, segments.jsonl or TSV, recognised by content). Its units' refs
 * start with `name`, the file as the job named it (see resolveFiles).
 */
export async function loadMemoryFile(file: string, name = file): Promise<TmUnit[]> {
  // Only human work goes into the memory (unitsFromSegments): TM/MT targets would be recycled as if
  // someone had checked them.
  try {
    // A unit without a document of its own (TMX without x-doc) is named after the file read, which
    // may be an absolute path: leave the document part empty, so refs are the same on every machine.
    const segments = readSegments(await readFile(file), file).map((s) => (s.doc === file ? { ...s, doc: '' } : s));
    return unitsFromSegments(segments, name);
  } catch (error) {
    // A broken memory is bad input to the job: one line naming the file (and line), exit code 2.
    throw new ProviderConfigError(t('translate:badMemory', { message: (error as Error).message.split('\n')[0] }));
  }
}

/** Every unit of the memory files a 'tm' provider's settings name (`memories`: paths or globs). */
export async function loadMemories(config: ProviderConfig, context: ProviderContext): Promise<TmUnit[]> {
  const units: TmUnit[] = [];
  for (const { path, name } of await resolveFiles(config, 'memories', context)) units.push(...(await loadMemoryFile(path, name)));
  return units;
}

/** The units usable for one direction, turned so that `source` is in `srcLang`. */
export function entriesFor(units: TmUnit[], srcLang: string, tgtLang: string): TmEntry[] {
  const entries: TmEntry[] = [];
  for (const u of units) {
    if (sameLang(u.a.lang, srcLang) && sameLang(u.b.lang, tgtLang)) entries.push({ source: u.a.text, target: u.b.text, ref: u.ref, origin: u.origin });
    else if (sameLang(u.b.lang, srcLang) && sameLang(u.a.lang, tgtLang)) entries.push({ source: u.b.text, target: u.a.text, ref: u.ref, origin: u.origin });
  }
  return entries;
}
