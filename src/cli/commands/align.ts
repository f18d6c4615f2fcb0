// `tandem align SRC TGT`: aligns two parallel documents sentence by sentence and writes the beads as
// JSONL (indexes), TSV or TMX. Reading, segmenting and writing happen here; aligning in src/align.
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { beadsToJsonl, beadsToSegments, beadSummary } from '../../align/output.ts';
import type { Bead } from '../../types.ts';
import { alignDocuments } from '../../align/index.ts';
import { decodeText, readDocument, segmentParagraphs } from '../../documents/index.ts';
import { segmentsToTmx, segmentsToTsv } from '../../export/index.ts';
import { createMatcher, loadGlossaries } from '../../glossary/index.ts';
import { t } from '../../i18n/index.ts';
import { detect } from '../../language/index.ts';
import type { Lang } from '../../types.ts';
import { parseCommandArgs } from '../args.ts';
import { UsageError } from '../errors.ts';
import type { Command } from '../main.ts';

const FORMATS = ['jsonl', 'tsv', 'tmx'] as const;
type Format = (typeof FORMATS)[number];

/** A document as the aligner takes it: sentences grouped by paragraph. */
interface Side { path: string; paragraphs: string[][]; lang: Lang; lines?: number[] }

const command: Command = async (argv) => {
  const { values, positionals } = parseCommandArgs(argv, {
    'src-lang': { type: 'string' }, 'tgt-lang': { type: 'string' }, presegmented: { type: 'boolean' },
    glossary: { type: 'string', multiple: true }, format: { type: 'string' }, output: { type: 'string', short: 'o' },
    'min-score': { type: 'string' }, text: { type: 'boolean' },
  });
  if (values.help) { process.stdout.write(t('align:usage') + '\n'); return 0; }
  if (positionals.length !== 2) throw new UsageError(t('align:twoFiles'));
  const format = (values.format ?? 'jsonl') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(t('align:badFormat', { format }));
  const minScore = values['min-score'] === undefined ? undefined : Number(values['min-score']);
  if (minScore !== undefined && !(minScore >= 0 && minScore <= 1)) throw new UsageError(t('align:badMinScore', { value: values['min-score'] }));

  const [src, tgt] = await Promise.all(positionals.map((path, k) =>
    readSide(path, values.presegmented ?? false, k === 0 ? values['src-lang'] : values['tgt-lang'])));
  if (!src || !tgt) return 2;
  let glossary;
  if (values.glossary?.length) {
    try {
      glossary = createMatcher(await loadGlossaries(values.glossary));
    } catch (error) {
      process.stderr.write(t('align:glossaryError', { reason: (error as Error).message }) + '\n');
      return 2;
    }
  }

  const tty = process.stderr.isTTY && !values.quiet;
  if (tty) process.stderr.write(t('align:progress', { src: src.paragraphs.flat().length, tgt: tgt.paragraphs.flat().length }));
  let parallel = true;
  const aligned = alignDocuments(src.paragraphs, tgt.paragraphs, { srcLang: src.lang, tgtLang: tgt.lang, glossary,
    onEvidence: (evidence) => { parallel = evidence?.parallel ?? true; } });
  // Not a failure (the beads are written, every one flagged low-confidence), but the user may have picked the wrong file.
  if (!parallel && !values.quiet) process.stderr.write((tty ? '\r\x1b[K' : '') + t('align:notParallel', { src: src.path, tgt: tgt.path }) + '\n');
  // Presegmented input is indexed by line number (blank lines skipped), segmented input by sentence.
  const at = (side: Side) => (k: number) => side.lines?.[k] ?? k;
  const beads: Bead[] = aligned.map((b) => ({ src: b.src.map(at(src)), tgt: b.tgt.map(at(tgt)), score: b.score, ...(b.moved ? { moved: true } : {}) }));
  const byIndex = (side: Side) => { const out: string[] = []; side.paragraphs.flat().forEach((s, k) => { out[at(side)(k)] = s; }); return out; };
  const texts = { src: byIndex(src), tgt: byIndex(tgt) };
  const segments = () => beadsToSegments(beads, { doc: basename(src.path), tgtDoc: basename(tgt.path), srcLang: src.lang,
    tgtLang: tgt.lang, ...texts, minScore });
  const out = format === 'jsonl' ? beadsToJsonl(beads, values.text ? texts : undefined)
    : format === 'tsv' ? segmentsToTsv(segments())
    : segmentsToTmx(segments(), { srcLang: src.lang, tgtLang: tgt.lang, creationDate: new Date() });
  if (values.output) await writeFile(values.output, out);
  else process.stdout.write(out);
  if (tty) {
    process.stderr.write('\r\x1b[K' + t('align:summary', { ...beadSummary(beads, minScore), src: src.paragraphs.flat().length, tgt: tgt.paragraphs.flat().length }) + '\n');
  }
  return 0;
};
export default command;

/** Reads one side; a problem with the file is reported in one line and yields undefined (exit 2). */
async function readSide(path: string, presegmented: boolean, lang: string | undefined): Promise<Side | undefined> {
  try {
    let paragraphs: string[][], lines: number[] | undefined;
    if (presegmented) {
      ({ paragraphs, lines } = presegmentedParagraphs(decodeText(await readFile(path))));
    } else {
      const doc = await readDocument(path, basename(path));
      const locale = lang ?? guessLanguage(doc.paragraphs.map((p) => p.text).join('\n'));
      paragraphs = doc.paragraphs.map(() => [] as string[]);
      // By index, not a search per sentence: a long document's sentences times paragraphs add up.
      const slot = new Map(doc.paragraphs.map((p, k) => [p.index, k]));
      for (const s of segmentParagraphs(doc.paragraphs, locale)) paragraphs[slot.get(s.para)!].push(s.text);
    }
    if (!paragraphs.some((p) => p.length)) throw new Error(t('align:noSentences'));
    return { path, paragraphs, lines, lang: lang ?? guessLanguage(paragraphs.flat().join('\n')) };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? t('align:notFound') : (error as Error).message;
    process.stderr.write(t('align:fileError', { file: path, reason }) + '\n');
    return undefined;
  }
}

/**
 * One sentence per line. A blank line is no sentence but ends a paragraph (so paragraph-first
 * alignment applies); `lines` maps each sentence to its 0-based line number for the output.
 */
export function presegmentedParagraphs(text: string): { paragraphs: string[][]; lines: number[] } {
  const all = text.replace(/\r\n?/g, '\n').split('\n');
  if (all.at(-1) === '') all.pop();
  const paragraphs: string[][] = [[]], lines: number[] = [];
  all.forEach((line, k) => {
    if (!line.trim()) { if (paragraphs.at(-1)!.length) paragraphs.push([]); return; }
    paragraphs.at(-1)!.push(line);
    lines.push(k);
  });
  if (!paragraphs.at(-1)!.length) paragraphs.pop();
  return { paragraphs, lines };
}

function guessLanguage(text: string): Lang {
  const d = detect(text.slice(0, 5000));
  return d.lang === 'und' ? 'und' : d.lang;
}
