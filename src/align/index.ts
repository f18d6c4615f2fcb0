// Sentence alignment. Starts as a length-based (Gale-Church style) dynamic programme; issue 5 adds
// lexical anchors, paragraph-first alignment and a banded search.
import type { Bead, Lang } from '../types.ts';

export interface AlignOptions {
  srcLang?: Lang;
  tgtLang?: Lang;
}

const MOVES: Array<[number, number, number]> = [
  [1, 1, 0], [1, 0, 4.5], [0, 1, 4.5], [2, 1, 2.3], [1, 2, 2.3],
];

/** Aligns two sentence lists; the beads cover every sentence of both sides, in order. */
export function alignSentences(src: string[], tgt: string[], _options: AlignOptions = {}): Bead[] {
  const n = src.length, m = tgt.length;
  const ratio = (sum(tgt) + 1) / (sum(src) + 1);
  const cost = Array.from({ length: n + 1 }, () => new Float64Array(m + 1).fill(Infinity));
  const back = Array.from({ length: n + 1 }, () => new Int8Array(m + 1).fill(-1));
  cost[0][0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      MOVES.forEach(([di, dj, penalty], k) => {
        if (i < di || j < dj || cost[i - di][j - dj] === Infinity) return;
        const a = sum(src.slice(i - di, i)) * ratio, b = sum(tgt.slice(j - dj, j));
        const c = cost[i - di][j - dj] + penalty + (di && dj ? Math.abs(a - b) / Math.sqrt(a + b + 1) : 0);
        if (c < cost[i][j]) { cost[i][j] = c; back[i][j] = k; }
      });
    }
  }
  const beads: Bead[] = [];
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const [di, dj] = MOVES[back[i][j]];
    const step = cost[i][j] - cost[i - di][j - dj];
    beads.push({ src: range(i - di, i), tgt: range(j - dj, j), score: Math.exp(-step / 4) });
    i -= di; j -= dj;
  }
  return beads.reverse();
}

const sum = (xs: string[]) => xs.reduce((s, x) => s + x.length, 0);
const range = (a: number, b: number) => Array.from({ length: b - a }, (_, k) => a + k);
