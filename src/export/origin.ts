// Where a segment's target came from, and what that means for its status in TMX and XLIFF.
import type { Origin, Segment } from '../types.ts';

/** Origins that are human translation; everything else (tm, mt, glossary) is machine work. */
export const HUMAN_ORIGINS: readonly Origin[] = ['aligned', 'human'];

/**
 * The origin of the target, or undefined when there is none. A target without an origin comes from
 * the aligner (the translation stage always sets one), so it counts as 'aligned'.
 */
export function targetOrigin(segment: Segment): Origin | undefined {
  if (!segment.tgt) return undefined;
  return segment.origin ?? 'aligned';
}

export function isHumanTarget(segment: Segment): boolean {
  const origin = targetOrigin(segment);
  return origin !== undefined && HUMAN_ORIGINS.includes(origin);
}

export type XliffState = 'initial' | 'translated' | 'reviewed';

/**
 * initial: no target, or a machine/TM target nobody has checked; translated: a human (aligned)
 * target; reviewed: an editor confirmed the segment in `tandem review` (origin still says where the
 * text came from, so a confirmed MT target stays recognisable as MT in metadata).
 */
export function xliffState(segment: Segment): XliffState {
  // A target with no source (a sentence the translator added) has nothing it translates.
  if (!segment.tgt || !segment.src.text) return 'initial';
  if (segment.reviewed) return 'reviewed';
  // A target still in the source language (pipeline/segments.ts) is no translation, whoever wrote it.
  return isHumanTarget(segment) && !segment.flags?.includes('untranslated') ? 'translated' : 'initial';
}
