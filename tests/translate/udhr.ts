// UDHR paragraphs paired by the shared gold alignment (1:1 beads only), for TM tests and the bench.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('../../../shared/data/udhr/', import.meta.url));
const lines = (file: string) => readFileSync(DIR + file, 'utf8').split('\n');

export function udhrPairs(src: 'eng' | 'rus' | 'ukr' | 'bel', tgt: 'eng' | 'rus' | 'ukr' | 'bel'): Array<[string, string]> {
  const [a, b] = [lines(`${src}.paras.txt`), lines(`${tgt}.paras.txt`)];
  const goldFile = src === 'eng' ? `eng-${tgt}.paras.gold` : `eng-${src}.paras.gold`;
  const pairs: Array<[string, string]> = [];
  for (const line of lines(goldFile)) {
    const m = /^\[(\d+)\]:\[(\d+)\]$/.exec(line.trim());
    if (!m) continue;
    const [i, j] = src === 'eng' ? [+m[1], +m[2]] : [+m[2], +m[1]];
    if (a[i]?.trim() && b[j]?.trim()) pairs.push([a[i], b[j]]);
  }
  return pairs;
}
