// Token-level Levenshtein distance. `boundedDistance` abandons as soon as the distance must exceed
// the bound (the caller's minimum match), which keeps verification of index candidates cheap;
// `alignment` returns the edit script for the few matches we keep, to substitute numbers and terms.

export function boundedDistance(a: ArrayLike<number>, b: ArrayLike<number>, bound: number): number {
  const n = a.length, m = b.length;
  if (Math.abs(n - m) > bound) return bound + 1;
  let prev = new Int32Array(m + 1), cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a[i - 1];
    for (let j = 1; j <= m; j++) {
      const v = Math.min(prev[j - 1] + (ai === b[j - 1] ? 0 : 1), prev[j] + 1, cur[j - 1] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > bound) return bound + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[m];
}

export type EditOp = { op: 'match' | 'sub'; a: number; b: number } | { op: 'del'; a: number } | { op: 'ins'; b: number };

/** Full edit script turning `a` into `b` (indexes into each), with its distance. */
export function alignment<T>(a: readonly T[], b: readonly T[]): { distance: number; ops: EditOp[] } {
  const n = a.length, m = b.length, w = m + 1;
  const d = new Int32Array((n + 1) * w);
  for (let i = 0; i <= n; i++) d[i * w] = i;
  for (let j = 0; j <= m; j++) d[j] = j;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      d[i * w + j] = Math.min(d[(i - 1) * w + j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1), d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1);
    }
  }
  const ops: EditOp[] = [];
  let i = n, j = m;
  while (i > 0 || j > 0) {
    const here = d[i * w + j];
    if (i > 0 && j > 0 && here === d[(i - 1) * w + j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)) {
      ops.push({ op: a[i - 1] === b[j - 1] ? 'match' : 'sub', a: i - 1, b: j - 1 }); i--; j--;
    } else if (i > 0 && here === d[(i - 1) * w + j] + 1) {
      ops.push({ op: 'del', a: i - 1 }); i--;
    } else {
      ops.push({ op: 'ins', b: j - 1 }); j--;
    }
  }
  return { distance: d[n * w + m], ops: ops.reverse() };
}
