// segments.jsonl: one Segment per line, exactly as the pipeline holds it (lossless).
import { t } from '../i18n/index.ts';
import type { Segment } from '../types.ts';
import type { LocatedSegment } from './tmx.ts';
import { fail } from './xml.ts';

export function segmentsToJsonl(segments: Segment[]): string {
  return segments.map((s) => JSON.stringify(s) + '\n').join('');
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first reason a parsed value is not a Segment, or undefined when it is one. */
export function segmentProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'not a JSON object';
  if (typeof value.doc !== 'string') return "'doc' must be a string";
  if (typeof value.id !== 'string' || value.id === '') return "'id' must be a non-empty string";
  for (const side of ['src', 'tgt'] as const) {
    const v = value[side];
    if (side === 'tgt' && (v === null || v === undefined)) continue;
    if (!isObject(v) || typeof v.lang !== 'string' || typeof v.text !== 'string') {
      return `'${side}' must be {lang, text}${side === 'tgt' ? ' or null' : ''}`;
    }
  }
  if (value.terms !== undefined && !(Array.isArray(value.terms) && value.terms.every((term) => isObject(term) && typeof term.entry === 'string'))) {
    return "'terms' must be an array of {entry, ...}";
  }
  if (value.score !== undefined && value.score !== null && typeof value.score !== 'number') return "'score' must be a number or null";
  if (value.flags !== undefined && !(Array.isArray(value.flags) && value.flags.every((f) => typeof f === 'string'))) {
    return "'flags' must be an array of strings";
  }
  return undefined;
}

/**
 * Reads segments.jsonl. Blank lines are skipped; a missing `terms` becomes [] and a missing `tgt` or
 * `score` null, so hand-written files with only the required fields are accepted.
 */
export function readJsonl(text: string, file?: string): Segment[] {
  return readJsonlLocated(text, file).map((located) => located.segment);
}

/** readJsonl with the line each segment is on, as readTmxLocated and readXliffLocated give theirs. */
export function readJsonlLocated(text: string, file?: string): LocatedSegment[] {
  const segments: LocatedSegment[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      fail(t('export:badJson', { reason: (error as Error).message }), file, index + 1);
    }
    const problem = segmentProblem(value);
    if (problem) fail(t('export:badSegment', { reason: problem }), file, index + 1);
    const segment = value as Segment;
    segments.push({ segment: { ...segment, tgt: segment.tgt ?? null, terms: segment.terms ?? [], score: segment.score ?? null },
      line: index + 1, ref: segment.id });
  });
  return segments;
}
