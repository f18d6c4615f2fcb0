// Shared test fixtures: the check corpus's paths and a way to build segments inline.
import { fileURLToPath } from 'node:url';
import type { CheckedSegment } from '../../src/check/index.ts';
import type { Segment } from '../../src/types.ts';

export const DATA = fileURLToPath(new URL('../../data/check/', import.meta.url));
export const GLOSSARY = `${DATA}glossary.yaml`;
export const TMX = `${DATA}corpus.tmx`;
export const XLIFF = `${DATA}corpus-ru-en.xlf`;
export const EXPECTED = `${DATA}expected.json`;
export const SHARED = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

/** A batch of segments from [id, srcLang, src, tgtLang, tgt] rows. */
export function batch(rows: Array<[string, string, string, string, string | null]>): CheckedSegment[] {
  return rows.map(([id, srcLang, src, tgtLang, tgt], order) => {
    const segment: Segment = { doc: 'test', id, src: { lang: srcLang, text: src }, tgt: tgt === null ? null : { lang: tgtLang, text: tgt }, terms: [], score: null };
    return { segment, id, order, file: 'test.jsonl', line: order + 1 };
  });
}
