// Reads translation units for the memory from TMX files and tandem's own segments.jsonl (every
// aligned job adds to the memory). Parsing is the export stage's: one reader per format in tandem.
import { readFile } from 'node:fs/promises';
import * as exportStage from '../../export/index.ts';
import { isHumanTarget, readJsonl, readTmx } from '../../export/index.ts';
import type { Segment } from '../../types.ts';
import { sameLang } from '../terms.ts';
import type { TmEntry } from './memory.ts';

/** One bilingual pair as stored, in either direction of use. */
export interface TmUnit { a: { lang: string; text: string }; b: { lang: string; text: string }; ref: string; origin?: string }

type Reader = (text: string, file?: string) => Segment[];

// The export stage may add a content-sniffing readSegments (XLIFF too); use it when it is there.
const readSegments = (exportStage as unknown as Record<string, Reader | undefined>).readSegments;

export function unitsFromSegments(segments: Segment[], file: string): TmUnit[] {
  const units: TmUnit[] = [];
  for (const s of segments) {
    if (!s.tgt || !s.tgt.text.trim() || !s.src.text.trim() || !isHumanTarget(s)) continue;
    units.push({ a: { lang: s.src.lang, text: s.src.text }, b: { lang: s.tgt.lang, text: s.tgt.text }, ref: `${file}#${s.doc ? s.doc + ':' : ''}${s.id}`, origin: s.origin });
  }
  return units;
}

/** Reads one memory file (TMX or segments.jsonl, recognised by content). */
export async function loadMemoryFile(file: string): Promise<TmUnit[]> {
  const text = await readFile(file, 'utf8');
  // Only human work goes into the memory: TM/MT targets would be recycled as if someone checked them.
  const read = readSegments ?? (/^\uFEFF?\s*</.test(text) ? readTmx : readJsonl);
  return unitsFromSegments(read(text, file), file);
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
