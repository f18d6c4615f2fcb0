// Coarse-to-fine search: long inputs are first aligned as blocks of consecutive sentences, and the
// block path, widened by a margin, becomes the band of the sentence-level programme. Each level has
// a small band, so the total work stays linear in the length of the documents.
import type { Bead } from '../types.ts';
import type { Model } from './cost.ts';
import { makeModel } from './model.ts';
import { alignBanded, fullBand, type Band, type Marks } from './dp.ts';
import type { Unit } from './features.ts';

/** Inputs up to this many DP cells are aligned in one full table. */
export const FULL_TABLE_CELLS = 400_000;
/** A banded result that leaves many sentences unpaired is redone in a full table up to this size. */
const RESCUE_CELLS = 4_000_000;
const BLOCK = 8;

/** `marks`: paragraph openings and quotation runs of the units (dp.ts Marks; the block level ignores them). */
export function alignUnits(src: Unit[], tgt: Unit[], model: Model, marks?: Marks): Bead[] {
  const n = src.length, m = tgt.length;
  if ((n + 1) * (m + 1) <= FULL_TABLE_CELLS || n < 2 * BLOCK || m < 2 * BLOCK) {
    return alignBanded(src, tgt, model, fullBand(n, m), marks);
  }
  const coarse = alignUnits(coarsen(src), coarsen(tgt), coarseModel(model));
  const banded = alignBanded(src, tgt, model, bandFromCoarse(coarse, n, m), marks);
  // A long stretch missing on one side can derail the block level into a drifting misalignment,
  // which shows as many unpaired sentences; a full table is exact, and affordable up to ~2,000².
  const unpaired = banded.reduce((k, b) => k + (b.src.length && b.tgt.length ? 0 : b.src.length + b.tgt.length), 0);
  if (unpaired > 0.1 * (n + m) && (n + 1) * (m + 1) <= RESCUE_CELLS) return alignBanded(src, tgt, model, fullBand(n, m), marks);
  return banded;
}

/** Block boundaries are arbitrary, so uneven block beads must be cheap. */
function coarseModel(model: Model): Model {
  return makeModel(model, { skip: model.skip * 2, countOnce: false, moves: [
    { di: 1, dj: 1, prior: 0 }, { di: 2, dj: 1, prior: 0.7 }, { di: 1, dj: 2, prior: 0.7 },
    { di: 2, dj: 2, prior: 0.7 }, { di: 3, dj: 1, prior: 1.5 }, { di: 1, dj: 3, prior: 1.5 },
  ] });
}

function coarsen(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (let k = 0; k < units.length; k += BLOCK) {
    const block = units.slice(k, k + BLOCK);
    const ids = new Set<number>();
    for (const u of block) for (const id of u.ids) ids.add(id);
    out.push({
      len: block.reduce((s, u) => s + u.len, 0),
      keys: block.reduce((s, u) => s + u.keys, 0),
      ids: [...ids].sort((a, b) => a - b),
    });
  }
  return out;
}

/** Rows of each block bead may pair with the bead's target span, plus a block of slack each way. */
export function bandFromCoarse(coarse: Bead[], n: number, m: number): Band {
  const lo = new Int32Array(n + 1).fill(m), hi = new Int32Array(n + 1).fill(0);
  let I = 0, J = 0;
  for (const bead of coarse) {
    const I1 = I + bead.src.length, J1 = J + bead.tgt.length;
    const jFrom = Math.max(0, J * BLOCK - BLOCK), jTo = Math.min(m, J1 * BLOCK + BLOCK);
    for (let i = Math.max(0, I * BLOCK - BLOCK); i <= Math.min(n, I1 * BLOCK + BLOCK); i++) {
      if (jFrom < lo[i]) lo[i] = jFrom;
      if (jTo > hi[i]) hi[i] = jTo;
    }
    I = I1; J = J1;
  }
  lo[0] = 0; hi[n] = m;
  for (let i = 1; i <= n; i++) if (hi[i] < hi[i - 1]) hi[i] = hi[i - 1];
  for (let i = n - 1; i >= 0; i--) if (lo[i] > lo[i + 1]) lo[i] = lo[i + 1];
  for (let i = 1; i <= n; i++) if (lo[i] > hi[i - 1]) lo[i] = hi[i - 1];
  return { lo, hi };
}
