// Which pairings stand across the order. A pairing the moved-sentence pass made is marked `moved` so
// that an editor looks at it; but once its neighbours were re-paired, one may stand in order after
// all (a sentence after a paragraph that the translator moved elsewhere), and an editor would be sent
// to a sentence nobody moved. The pairings in order are the largest set that runs forward on both
// sides (a longest increasing subsequence by target position, ordered pairings weighing a little more
// than moved ones, so that a tie keeps the monotone pass's reading); moved pairings outside it stay moved.
import type { Bead } from '../types.ts';

export function markCrossing(beads: Bead[]): Bead[] {
  if (!beads.some((b) => b.moved)) return beads;
  const paired = beads.map((b, k) => ({ b, k })).filter(({ b }) => b.src.length && b.tgt.length)
    .sort((x, y) => x.b.src[0] - y.b.src[0]);
  const inOrder = forwardSet(paired.map(({ b }) => ({ at: b.tgt[0], weight: b.moved ? 1 : 1 + 1e-6 })));
  const stays = new Set(paired.filter((_, i) => inOrder.has(i)).map(({ k }) => k));
  return beads.map((b, k) => (b.moved && stays.has(k) ? { src: b.src, tgt: b.tgt, score: b.score } : b));
}

/**
 * Indexes of the heaviest subsequence of items whose `at` strictly increases: a Fenwick tree over
 * positions holds the best weight (and its last item) of a subsequence ending below each position,
 * so a document of 50,000 sentences costs n log n, not n².
 */
function forwardSet(items: Array<{ at: number; weight: number }>): Set<number> {
  const size = Math.max(0, ...items.map((x) => x.at)) + 2;
  const best = new Float64Array(size + 1), last = new Int32Array(size + 1).fill(-1);
  const prev = new Int32Array(items.length).fill(-1), total = new Float64Array(items.length);
  const query = (pos: number) => { let w = 0, k = -1; for (let i = pos; i > 0; i -= i & -i) if (best[i] > w) { w = best[i]; k = last[i]; } return { w, k }; };
  const update = (pos: number, w: number, k: number) => { for (let i = pos; i <= size; i += i & -i) if (w > best[i]) { best[i] = w; last[i] = k; } };
  let top = -1;
  items.forEach((x, i) => {
    const below = query(x.at + 1); // positions 1..at+1 hold targets 0..at-1 (tree positions are target + 2)
    total[i] = below.w + x.weight; prev[i] = below.k;
    update(x.at + 2, total[i], i);
    if (top < 0 || total[i] > total[top]) top = i;
  });
  const chosen = new Set<number>();
  for (let i = top; i >= 0; i = prev[i]) chosen.add(i);
  return chosen;
}
