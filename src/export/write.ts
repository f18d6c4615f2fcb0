// The I/O edge of export: writes files atomically (temp file in the same folder, flushed, then
// renamed), so a killed run never leaves a half-written file and a reader sees either the old or the
// new version. document-files.ts and job-outputs.ts decide what a job's files are.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  close, closeSync, fsync, fsyncSync, mkdirSync, open as openCallback, openSync, readdirSync, renameSync, rmSync, writeSync,
  writev,
} from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';

// Temp names: a random 32-bit start per process, counted up (a random draw per file cost more than
// writing small files), so two processes or two runs of one pid never pick the same name.
let tempCounter = randomBytes(4).readUInt32BE(0);
const tempPath = (path: string) => {
  tempCounter = (tempCounter + 1) >>> 0;
  return join(dirname(path), `.${basename(path)}.${process.pid}.${tempCounter.toString(16).padStart(8, '0')}.tmp`);
};

/** Writes a file atomically: same-folder temp file, fsync, rename. Creates missing folders. */
export async function atomicWriteFile(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPath(path);
  try {
    await flushedTemp(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** The synchronous twin of atomicWriteFile, for callers that must finish before returning. */
export function atomicWriteFileSync(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = tempPath(path);
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Files written and flushed at a time: enough to keep libuv's threads busy, few enough open files. */
const BATCH = 64;
/** On Linux one syncfs flushes every temp file at commit; elsewhere each is fsync'd as it is written. */
const SYNC_FILE_SYSTEM = process.platform === 'linux';

/** A file written to its temp name, waiting to be renamed over `path`. */
export interface TempFile { path: string; temp: string }

/** What a file holds: text, bytes, or pieces of bytes written one after another. */
export type FileContent = string | Uint8Array | Uint8Array[];

/** Runs `each` over the items, BATCH at a time. */
async function inBatches<T>(items: T[], each: (item: T) => Promise<unknown>): Promise<void> {
  for (let k = 0; k < items.length; k += BATCH) await Promise.all(items.slice(k, k + BATCH).map(each));
}

// Many files are written atomically in two halves, with the crash safety of atomicWriteFile but
// without paying one fsync round trip after another: writeTempFiles writes the temp files;
// commitTempFiles flushes their data to disk (one syncfs of the output's file system where the system
// offers it: ~40 ms instead of ~0.8 ms per file; else every file's fsync), renames them, and flushes
// each folder once so the renames are durable. No file is renamed before its data is on disk, so a
// crash leaves every output either old or new, never half-written.

/**
 * The files' temp copies (each fsync'd only where the whole file system cannot be flushed at
 * commit). On failure nothing is left behind. `made`: folders known to exist, for callers writing
 * many small batches.
 */
export async function writeTempFiles(outDir: string, files: Array<[string, FileContent]>,
  made = new Set<string>()): Promise<TempFile[]> {
  const targets = files.map(([name, content]) => ({ path: join(outDir, name), temp: '', content }));
  for (const folder of new Set(targets.map((f) => dirname(f.path)))) {
    if (!made.has(folder)) await mkdir(folder, { recursive: true });
    made.add(folder);
  }
  try {
    await inBatches(targets, async (f) => {
      f.temp = tempPath(f.path);
      await flushedTemp(f.temp, f.content, !SYNC_FILE_SYSTEM);
    });
  } catch (error) {
    await discardTempFiles(targets.filter((f) => f.temp));
    throw error;
  }
  return targets.map(({ path, temp }) => ({ path, temp }));
}

/**
 * Temp files of many small writeTempFiles calls, started `size` calls at a time: each fs call on an
 * idle libuv thread wakes it (a futex call on the main thread), and files started together keep the
 * threads busy for one another. `flush` starts what is waiting.
 */
export class TempFileBatches {
  private files: Array<[string, FileContent]> = [];
  private calls = 0;
  private written!: Promise<TempFile[]>;
  private settle!: (files: Promise<TempFile[]>) => void;
  constructor(private readonly outDir: string, private readonly made = new Set<string>(), private readonly size = 32) {
    this.next();
  }

  /** The files' temp copies, as writeTempFiles gives them, once their batch is written. */
  add(files: Array<[string, FileContent]>): Promise<TempFile[]> {
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
    this.settle(writeTempFiles(this.outDir, this.files, this.made));
    this.next();
  }

  private next(): void {
    this.files = [];
    this.calls = 0;
    this.written = new Promise((resolve) => { this.settle = resolve; });
  }
}

/** Bytes a TempFileStream gathers before it writes them: few writes, little memory. */
const STREAM_CHUNK = 1 << 20;

/**
 * A file written to its temp name piece by piece, in order, while the caller goes on: a job-wide
 * file filled document by document, so that no finished document's share waits in memory for the
 * end of the batch. Pieces are gathered to about a megabyte per write. `finish` closes the file for
 * commitTempFiles; `discard` removes it. A failed write is reported by `finish`.
 */
export class TempFileStream {
  private readonly temp: string;
  private fd: number | undefined;
  private gathered: Uint8Array[] = [];
  private bytes = 0;
  private writing: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | undefined;
  constructor(readonly path: string) {
    this.temp = tempPath(path);
  }

  append(piece: Uint8Array): void {
    if (!piece.length) return;
    this.gathered.push(piece);
    this.bytes += piece.length;
    if (this.bytes >= STREAM_CHUNK) this.write();
  }

  /** Everything appended, on disk under the temp name (flushed where commit cannot flush it). */
  async finish(): Promise<TempFile> {
    this.write();
    await this.writing;
    try {
      if (this.failure) throw this.failure.error;
      const fd = this.fd ?? (this.fd = await openFile(this.temp, 'w'));
      if (!SYNC_FILE_SYSTEM) await syncFd(fd);
    } catch (error) {
      await this.discard();
      throw error;
    }
    await this.close();
    return { path: this.path, temp: this.temp };
  }

  async discard(): Promise<void> {
    this.gathered = [];
    await this.writing;
    await this.close().catch(() => { /* removed below either way */ });
    await rm(this.temp, { force: true });
  }

  private write(): void {
    const pieces = this.gathered;
    if (!pieces.length) return;
    this.gathered = [];
    this.bytes = 0;
    this.writing = this.writing.then(async () => {
      if (this.failure) return;
      this.fd ??= await openFile(this.temp, 'w');
      await writeAll(this.fd, pieces);
    }).catch((error: unknown) => { this.failure ??= { error }; });
  }

  private async close(): Promise<void> {
    const fd = this.fd;
    this.fd = undefined;
    if (fd !== undefined) await closeFile(fd);
  }
}

/** Data on disk, then every temp file renamed over its target. Returns the targets. */
export async function commitTempFiles(outDir: string, files: TempFile[]): Promise<string[]> {
  const pending = files.map((f) => ({ ...f }));
  try {
    if (SYNC_FILE_SYSTEM && !syncFileSystem(outDir)) await inBatches(pending, (f) => syncFile(f.temp));
    await inBatches(pending, async (f) => { await rename(f.temp, f.path); f.temp = ''; });
  } catch (error) {
    await discardTempFiles(pending.filter((f) => f.temp));
    throw error;
  }
  await Promise.all([...new Set(pending.map((f) => dirname(f.path)))].map(syncFolder));
  return pending.map((f) => f.path);
}

export async function discardTempFiles(files: TempFile[]): Promise<void> {
  await Promise.all(files.map((f) => rm(f.temp, { force: true })));
}

/** Temp files of writeTempFiles: `.NAME.PID.HEX.tmp`. */
const TEMP_NAME = /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/;

/**
 * Removes temp files that a killed run left in `outDir` (its own hidden folders aside). Only for a
 * folder this process alone writes to (the pipeline holds the output folder's lock).
 */
export function removeStaleTempFiles(outDir: string): void {
  let names: string[];
  try { names = readdirSync(outDir, { recursive: true }) as string[]; } catch { return; }
  for (const name of names) {
    if (name.startsWith('.tandem-state') || name.startsWith('.cache') || !TEMP_NAME.test(basename(name))) continue;
    rmSync(join(outDir, name), { force: true });
  }
}

/** Flushes all written data of the file system holding `dir` (Linux `sync -f`); false where unavailable. */
function syncFileSystem(dir: string): boolean {
  try { execFileSync('sync', ['-f', dir], { stdio: 'ignore', timeout: 60_000 }); return true; } catch { return false; }
}

// The callback API, promisified: a FileHandle costs about twice the main-thread time per file,
// which over a thousand small XLIFF files was most of the time spent writing them.
const openFile = promisify(openCallback), writeFiles = promisify(writev), syncFd = promisify(fsync);
const closeFile = promisify(close);

async function syncFile(path: string): Promise<void> {
  const fd = await openFile(path, 'r+');
  try { await syncFd(fd); } finally { await closeFile(fd); }
}

/**
 * Writes the pieces at the file's position, in order, with writev: as many at a time as one call
 * takes, and again from where a short write stopped. (The journal appends through it too.)
 */
export async function writeAll(fd: number, pieces: Uint8Array[]): Promise<void> {
  let rest = pieces.filter((p) => p.length);
  while (rest.length) {
    let written = (await writeFiles(fd, rest.slice(0, IOV_MAX))).bytesWritten;
    let done = 0;
    while (done < rest.length && written >= rest[done].length) written -= rest[done++].length;
    rest = rest.slice(done);
    if (written) rest[0] = rest[0].subarray(written);
  }
}

/** Pieces per writev call: POSIX guarantees at least 1024 (Linux's IOV_MAX). */
const IOV_MAX = 1024;

async function flushedTemp(temp: string, data: FileContent, sync = true): Promise<void> {
  const fd = await openFile(temp, 'w');
  try {
    // Content in pieces is written as it is: writev spares joining them.
    await writeAll(fd, Array.isArray(data) ? data : [typeof data === 'string' ? Buffer.from(data) : data]);
    if (sync) await syncFd(fd);
  } finally {
    await closeFile(fd);
  }
}

/** Makes a folder's entries (the renames) durable; file systems that cannot sync a folder are skipped. */
async function syncFolder(folder: string): Promise<void> {
  let handle;
  try { handle = await open(folder, 'r'); } catch { return; }
  try { await handle.sync(); } catch { /* EINVAL/EISDIR on some platforms: nothing more to do */ } finally { await handle.close(); }
}
