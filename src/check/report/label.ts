// How a report names a violation's segment. A job's segments.jsonl holds every document, each with a
// segment "0.0": the id alone does not say which one, so the document goes in front (doc#id), as
// in a TMX tuid, which names its document already.
import type { Violation } from '../types.ts';

/** `doc#segment` when the violation names a document the segment id does not; else the id (or null). */
export function segmentLabel(v: Pick<Violation, 'doc' | 'segment'>): string | null {
  return v.doc && v.segment !== null && !v.segment.startsWith(`${v.doc}#`) ? `${v.doc}#${v.segment}` : v.segment;
}
