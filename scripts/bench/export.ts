// Throughput of the export writers and readers: `node --import tsx scripts/bench/export.ts [N]`.
// Builds N realistic EN->RU segments (terms, hostile text, untranslated and MT segments), then writes
// and reads each format, printing segments/s, MB/s and peak RSS.
import { readJsonl, readTmx, readXliff, segmentsToJsonl, segmentsToTmx, segmentsToTsv, segmentsToXliff } from '../../src/export/index.ts';
import type { Segment } from '../../src/types.ts';
import { sampleSegments } from '../../tests/export/fixtures.ts';

const n = Number(process.argv[2] ?? 20000);
const base = sampleSegments();
const segments: Segment[] = Array.from({ length: n }, (_, i) => {
  const s = base[i % base.length];
  return { ...s, doc: 'bench/doc.en.txt', id: `${Math.floor(i / 5)}.${i % 5}` };
});

let peak = 0;
const sample = () => { peak = Math.max(peak, process.memoryUsage().rss); };
const time = <T>(fn: () => T): [T, number] => {
  const start = performance.now();
  const out = fn();
  sample();
  return [out, (performance.now() - start) / 1000];
};

const formats: Array<[string, () => string, ((text: string) => Segment[]) | undefined]> = [
  ['jsonl', () => segmentsToJsonl(segments), readJsonl],
  ['tsv', () => segmentsToTsv(segments), undefined],
  ['tmx', () => segmentsToTmx(segments, { srcLang: 'en', tgtLang: 'ru' }), readTmx],
  ['xliff', () => segmentsToXliff(segments, { srcLang: 'en', tgtLang: 'ru', doc: 'bench/doc.en.txt' }), readXliff],
];
console.log(`${n} segments`);
for (const [name, write, read] of formats) {
  const [text, w] = time(write);
  const mb = Buffer.byteLength(text) / 1e6;
  let line = `${name.padEnd(6)} ${mb.toFixed(1)} MB  write ${(n / w).toFixed(0)} seg/s (${(mb / w).toFixed(1)} MB/s)`;
  if (read) {
    const [back, r] = time(() => read(text));
    line += `  read ${(back.length / r).toFixed(0)} seg/s (${(mb / r).toFixed(1)} MB/s)`;
  }
  console.log(line);
}
console.log(`peak RSS ${(peak / 1e6).toFixed(0)} MB`);
