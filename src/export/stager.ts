// A job's outputs built document by document, while later documents are still processed, so that a
// batch's memory grows with its figures and not with its text: each finished document's own files
// (its XLIFF) go to temp files at once, and its share of the job-wide files (JSONL lines, TSV rows,
// TMX units) is appended to their temp files in output order. writeJobOutputs renames them all into
// place at the end; `discard` removes them.
import { join } from 'node:path';
import type { Segment } from '../types.ts';
import {
  documentDirections, documentFiles, safeRelativePath, samePair, type DocumentFileSettings, type JobDocument, type LanguagePair,
} from './document-files.ts';
import { OUTPUT_FORMATS } from './formats.ts';
import { segmentsToJsonl } from './jsonl.ts';
import { tmxEnvelope, tmxUnits } from './tmx.ts';
import { segmentsToTsvRows, TSV_HEADER } from './tsv.ts';
import { utf8 } from './utf8.ts';
import { discardTempFiles, TempFileBatches, TempFileStream, type TempFile } from './write.ts';

/** A staged document's part of the outputs, as bytes (off the JavaScript heap). */
interface Share {
  /** Its own files (XLIFF), on their way to temp files. */
  files: Promise<TempFile[]>;
  jsonl: Uint8Array;
  tsv: Uint8Array;
  /** Its <tu> elements per TMX file of the job's own pairs (by index in `tmx`). */
  tmx: Array<Uint8Array | undefined>;
  /**
   * Its translation units in directions no pair of the job covers, and those directions. They go to
   * TMX files of their own, each named after the first document in its direction (or the reverse
   * one), so they are written out only in their turn.
   */
  elsewhere?: { units: Segment[]; directions: LanguagePair[] };
}

interface TmxFile { pair: LanguagePair; stream: TempFileStream; tail: string }

const NONE = new Uint8Array(0);

/**
 * Finished documents' outputs, staged in output order: each document has a slot (its place in the
 * outputs, from 0), and a document finished before an earlier one waits until that one is staged or
 * skipped. Once its turn has come, nothing of a document's segments is kept.
 */
export class DocumentStager {
  readonly settings: DocumentFileSettings;
  private readonly formats: readonly string[];
  private readonly writes: TempFileBatches;
  private readonly jsonl?: TempFileStream;
  private readonly tsv?: TempFileStream;
  /** The TMX files: the job's pairs (one per pair and its reverse), then directions no pair covers. */
  private readonly tmx: TmxFile[] = [];
  private readonly jobTmx: number;
  /** Each staged document's own files, in output order. */
  private own: Array<Promise<TempFile[]>> = [];
  /** Slots staged ahead of their turn (undefined: skipped). */
  private readonly waiting = new Map<number, Share | undefined>();
  private next = 0;
  private slots = 0;

  constructor(private readonly outDir: string, settings: DocumentFileSettings) {
    this.settings = { pairs: settings.pairs, formats: settings.formats, glossary: settings.glossary,
      creationDate: settings.creationDate };
    this.formats = settings.formats ?? OUTPUT_FORMATS;
    this.writes = new TempFileBatches(outDir);
    if (this.formats.includes('jsonl')) this.jsonl = new TempFileStream(join(outDir, 'segments.jsonl'));
    if (this.formats.includes('tsv')) {
      this.tsv = new TempFileStream(join(outDir, 'segments.tsv'));
      this.tsv.append(Buffer.from(TSV_HEADER));
    }
    if (this.formats.includes('tmx')) for (const pair of settings.pairs) this.tmxFile(pair);
    this.jobTmx = this.tmx.length;
  }

  /**
   * Stages a finished document in `slot` (by default after every slot so far). Returns its
   * segments.jsonl lines as they are written, when the job writes JSONL (the journal keeps them).
   */
  add(doc: JobDocument, segments: Segment[], slot = this.slots): Uint8Array | undefined {
    const directions = documentDirections(doc, segments, this.settings.pairs);
    // Encoded now: a string would wait for its batch on the JavaScript heap, copied by every minor GC.
    const files = this.writes.add(documentFiles(doc, segments, this.settings, directions)
      .map(([path, text]): [string, Uint8Array] => [path, utf8(text)]));
    const share: Share = {
      files,
      jsonl: this.jsonl ? utf8(segmentsToJsonl(segments)) : NONE,
      tsv: this.tsv ? utf8(segmentsToTsvRows(segments)) : NONE,
      tmx: [],
    };
    if (this.formats.includes('tmx')) {
      // A same-language segment (a quotation kept as it is in the translation) is no translation
      // unit: it stays in JSONL, TSV and XLIFF for context but would only pollute a memory.
      const units = segments.filter((s) => s.tgt && s.tgt.lang !== s.src.lang);
      for (let k = 0; k < this.jobTmx; k++) {
        const { pair } = this.tmx[k];
        if (units.length && directions.some((d) => samePair(d, pair))) share.tmx[k] = utf8(tmxUnits(units, pair));
      }
      const outside = directions.filter((d) => !this.isJobPair(d));
      if (outside.length) share.elsewhere = { units, directions: outside };
    }
    this.place(slot, share);
    return this.jsonl ? share.jsonl : undefined;
  }

  /** The first slot not staged or skipped yet: the documents before it are written out. */
  get turn(): number { return this.next; }

  /** A slot with nothing to stage (a document that failed). */
  skip(slot: number): void {
    this.place(slot, undefined);
  }

  /**
   * Every staged document's files on disk under temp names, for commitTempFiles: the job-wide files
   * (JSONL, TSV, TMX), then each document's own, in output order. On failure nothing is left behind.
   */
  async finish(): Promise<TempFile[]> {
    if (this.waiting.size) throw new Error(`staged documents wait for slot ${this.next}, which was never staged`);
    this.writes.flush();
    for (const file of this.tmx) file.stream.append(Buffer.from(file.tail));
    const done = await Promise.allSettled([...this.streams().map(async (s) => [await s.finish()]), ...this.own]);
    this.own = [];
    const files = done.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
    const failed = done.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) {
      await discardTempFiles(files);
      throw failed.reason;
    }
    return files;
  }

  /** Removes whatever was staged and not finished (an interrupted or failed run's). */
  async discard(): Promise<void> {
    this.writes.flush();
    const waiting = [...this.waiting.values()].flatMap((share) => (share ? [share.files] : []));
    this.waiting.clear();
    const all = await Promise.allSettled([...this.own, ...waiting]);
    this.own = [];
    await discardTempFiles(all.flatMap((r) => (r.status === 'fulfilled' ? r.value : [])));
    await Promise.all(this.streams().map((s) => s.discard()));
  }

  /** The job-wide files being written, in writing order: JSONL, TSV, then the TMX files. */
  private streams(): TempFileStream[] {
    return [this.jsonl, this.tsv, ...this.tmx.map((f) => f.stream)].filter((s) => s !== undefined);
  }

  /** Whether a direction is one of the job's pairs (or the reverse of one), whose TMX files come first. */
  private isJobPair(direction: LanguagePair): boolean {
    const k = this.tmx.findIndex((f) => samePair(f.pair, direction));
    return k >= 0 && k < this.jobTmx;
  }

  /** Puts a share in its slot, and appends those whose turn has come. */
  private place(slot: number, share: Share | undefined): void {
    if (slot < this.next || this.waiting.has(slot)) throw new Error(`slot ${slot} is staged already`);
    this.slots = Math.max(this.slots, slot + 1);
    this.waiting.set(slot, share);
    this.appendInTurn();
  }

  /** Appends the shares whose turn has come. */
  private appendInTurn(): void {
    while (this.waiting.has(this.next)) {
      const share = this.waiting.get(this.next);
      this.waiting.delete(this.next++);
      if (!share) continue;
      this.own.push(share.files);
      this.jsonl?.append(share.jsonl);
      this.tsv?.append(share.tsv);
      share.tmx.forEach((units, k) => { if (units) this.tmx[k].stream.append(units); });
      // Such a direction has its TMX file even when this document has no unit for it.
      const { units, directions } = share.elsewhere ?? { units: [], directions: [] };
      for (const file of new Set(directions.map((d) => this.tmxFile(d)))) {
        if (units.length) file.stream.append(utf8(tmxUnits(units, file.pair)));
      }
    }
  }

  /** The TMX file of `pair` (or its reverse), opened when there is none yet. */
  private tmxFile(pair: LanguagePair): TmxFile {
    const known = this.tmx.find((f) => samePair(f.pair, pair));
    if (known) return known;
    const { head, tail } = tmxEnvelope({ ...pair, creationDate: this.settings.creationDate });
    const stream = new TempFileStream(join(this.outDir, `${safeRelativePath(pair.srcLang)}-${safeRelativePath(pair.tgtLang)}.tmx`));
    stream.append(Buffer.from(head));
    const file = { pair, stream, tail };
    this.tmx.push(file);
    return file;
  }
}
