// Review flags for beads, shared with the pipeline's segments: what an editor should look at.
import type { Bead } from '../types.ts';

export interface FlagOptions {
  /** Beads scoring below this are 'low-confidence' (default 0.5). */
  minScore?: number;
}

/** 'unpaired' (one side empty), 'non-1:1' (a merge or split), 'moved' (paired across the order) and 'low-confidence'. */
export function beadFlags(bead: Bead, options: FlagOptions = {}): string[] {
  if (!bead.src.length || !bead.tgt.length) return ['unpaired'];
  const flags: string[] = [];
  if (bead.src.length !== 1 || bead.tgt.length !== 1) flags.push('non-1:1');
  if (bead.moved) flags.push('moved');
  if (!isConfident(bead, options)) flags.push('low-confidence');
  return flags;
}

export function isConfident(bead: Bead, options: FlagOptions = {}): boolean {
  return bead.score >= (options.minScore ?? 0.5);
}
