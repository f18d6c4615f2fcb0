// Temp files of staged documents, written on a worker thread: the main thread is the bottleneck of a
// batch, and the UTF-8 encoding of a document's XLIFF and its open/write/close calls (three libuv
// pool round trips, each waking a pool thread from the main thread) can leave it. A batch's texts go
// over in one message; commitTempFiles (write.ts) flushes and renames the files like any temp file.
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { t } from '../i18n/index.ts';
import { SYNC_FILE_SYSTEM, tempPath, type TempFile } from './write.ts';

interface Reply { id: number; text: ArrayBuffer; error?: { message: string } & Record<string, unknown> }
interface Waiting { resolve: () => void; reject: (error: Error) => void }

const waiting = new Map<number, Waiting>();
let worker: Worker | undefined;
let lastId = 0;

// Text buffers the writer thread handed back, for the next batches: fresh memory costs the main
// thread a page fault per 4 KB when it is first written.
const spare: ArrayBuffer[] = [];
const SPARE_BUFFERS = 4;
const MIN_BUFFER = 1 << 21;

/** The writer thread, started on first use; it keeps the process alive only while a batch is out. */
function writer(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./temp-writer.worker.mjs', import.meta.url));
  started.on('message', ({ id, text, error }: Reply) => {
    const batch = waiting.get(id);
    waiting.delete(id);
    if (!waiting.size) started.unref();
    if (spare.length < SPARE_BUFFERS) spare.push(text);
    if (error) batch?.reject(Object.assign(new Error(error.message), error));
    else batch?.resolve();
  });
  // A thread that dies (out of memory, say) fails what it was given; the next batch starts another.
  const lost = (error: Error) => {
    if (worker === started) worker = undefined;
    for (const batch of waiting.values()) batch.reject(error);
    waiting.clear();
  };
  started.on('error', lost);
  started.on('exit', (code) => lost(new Error(t('export:writerStopped', { code }))));
  return (worker = started);
}

/**
 * The texts as UTF-16 code units, one after another in a buffer that is handed over, not copied:
 * writing a string out as UTF-16 is a plain copy; the writer thread does the UTF-8 encoding. Returns
 * the buffer and where each text ends in it (bytes).
 */
function packTexts(texts: string[]): { text: ArrayBuffer; ends: number[] } {
  const bytes = texts.reduce((n, t) => n + 2 * t.length, 0);
  const reused = spare.findIndex((b) => b.byteLength >= bytes);
  const text = reused >= 0 ? spare.splice(reused, 1)[0] : new ArrayBuffer(Math.max(bytes, MIN_BUFFER));
  const units = Buffer.from(text);
  let at = 0;
  const ends = texts.map((t) => (at += units.write(t, at, 'utf16le')));
  return { text, ends };
}

/** writeTempFiles (write.ts) on the writer thread: the files' temp copies, or on failure none. */
function writeOffThread(outDir: string, files: Array<[string, string]>, made: Set<string>): Promise<TempFile[]> {
  const targets = files.map(([name]) => { const path = join(outDir, name); return { path, temp: tempPath(path) }; });
  const folders = [...new Set(targets.map((f) => dirname(f.path)))].filter((folder) => !made.has(folder));
  const { text, ends } = packTexts(files.map(([, content]) => content));
  const id = ++lastId;
  const thread = writer();
  const done = new Promise<void>((resolve, reject) => waiting.set(id, { resolve, reject }));
  thread.ref();
  thread.postMessage({ id, folders, text, files: targets.map((f, i) => ({ temp: f.temp, from: ends[i - 1] ?? 0, to: ends[i] })),
    sync: !SYNC_FILE_SYSTEM }, [text]);
  return done.then(() => {
    for (const folder of folders) made.add(folder);
    return targets;
  });
}

/**
 * Temp files of many small calls, sent to the writer thread `size` calls at a time (one message per
 * batch). `flush` sends what is waiting.
 */
export class TempFileBatches {
  private files: Array<[string, string]> = [];
  private calls = 0;
  private written!: Promise<TempFile[]>;
  private settle!: (files: Promise<TempFile[]>) => void;
  constructor(private readonly outDir: string, private readonly made = new Set<string>(), private readonly size = 32) {
    this.next();
  }

  /** The files' temp copies ([name in outDir, text]), as writeTempFiles gives them, once their batch is written. */
  add(files: Array<[string, string]>): Promise<TempFile[]> {
    if (!files.length) return Promise.resolve([]);
    const from = this.files.length;
    this.files.push(...files);
    const mine = this.written.then((all) => all.slice(from, from + files.length));
    mine.catch(() => { /* reported to whoever awaits it, however much later */ });
    if (++this.calls >= this.size) this.flush();
    return mine;
  }

  flush(): void {
    if (!this.calls) return;
    // A thread that cannot even start fails the batch like a failed write: reported when awaited.
    let written: Promise<TempFile[]>;
    try { written = writeOffThread(this.outDir, this.files, this.made); } catch (error) { written = Promise.reject(error); }
    this.settle(written);
    this.next();
  }

  private next(): void {
    this.files = [];
    this.calls = 0;
    this.written = new Promise((resolve) => { this.settle = resolve; });
  }
}
