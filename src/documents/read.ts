// Reads one document from disk into paragraphs, by format: plain text, Markdown or HTML, chosen by
// extension. Everything that makes a file unusable becomes a DocumentError with a one-line reason.
import { closeSync, fstatSync, lstatSync, openSync, readlinkSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import type { DocumentFormat, DocumentText } from '../types.ts';
import type { SourceParagraph } from './builder.ts';
import { decodeHtml } from './charset.ts';
import { decodeText } from './decode.ts';
import { DocumentError } from './errors.ts';
import { readHtml } from './html.ts';
import { readMarkdown } from './markdown.ts';
import { readPlainText } from './text.ts';

export interface ReadLimits {
  /** Larger files are refused before they are read. */
  maxFileBytes: number;
  /** A longer paragraph is not prose (a dump, minified text) and would stall alignment. */
  maxParagraphChars: number;
}

export const DEFAULT_LIMITS: ReadLimits = { maxFileBytes: 20 * 1024 * 1024, maxParagraphChars: 100_000 };

export interface ReadDocument extends DocumentText { paragraphs: SourceParagraph[] }

export function formatOf(path: string): DocumentFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  return 'text';
}

/**
 * A file's bytes as text, for the format its path names: only HTML declares its charset (see
 * charset.ts); other formats are UTF-8, or UTF-16 by BOM. For commands that read files themselves.
 */
export function decodeDocument(bytes: Uint8Array, path: string): string {
  return formatOf(path) === 'html' ? decodeHtml(bytes) : decodeText(bytes);
}

/** Parses already decoded text; `format` defaults to the one the path's extension says. */
export function parseDocument(source: string, id: string, path: string, format = formatOf(path)): ReadDocument {
  const read: { paragraphs: SourceParagraph[]; date?: string } =
    format === 'html' ? readHtml(source, { xhtml: /\.xhtml$/i.test(path) }) : format === 'markdown' ? readMarkdown(source) : readPlainText(source);
  // Two literals rather than a spread of the date: the same keys in the same order, without the spread's cost.
  return read.date ? { id, path, format, date: read.date, paragraphs: read.paragraphs } : { id, path, format, paragraphs: read.paragraphs };
}

/**
 * Reads and parses one file. Synchronous underneath (open, read to the end, close): documents are
 * small next to the CPU work on them, and the promise API's several thread-pool round trips per file
 * cost more than the read itself on a busy machine.
 */
export async function readDocument(path: string, id: string, limits: Partial<ReadLimits> = {}): Promise<ReadDocument> {
  const { maxFileBytes, maxParagraphChars } = { ...DEFAULT_LIMITS, ...limits };
  const doc = parseDocument(decodeDocument(readBytes(path, maxFileBytes), path), id, path);
  if (!doc.paragraphs.length) throw new DocumentError('empty');
  const long = doc.paragraphs.find((p) => p.text.length > maxParagraphChars);
  if (long) throw new DocumentError('paragraphTooLong', { paragraph: long.index + 1, chars: long.text.length, limit: maxParagraphChars });
  return doc;
}

/**
 * Where files are read into: reused, since the bytes are decoded (copied into a string) before the
 * next file is read, and a fresh buffer per file was an allocation for nothing. Grows for larger
 * files.
 */
let scratch = Buffer.allocUnsafeSlow(64 * 1024);

/**
 * The file's bytes (a view of `scratch`, valid until the next call). A file that fits in the
 * scratch buffer is read to its end without asking its size (an fstat and a Stats object per
 * file); a larger one is measured first and refused before the rest is read when it is too large.
 */
function readBytes(path: string, maxFileBytes: number): Buffer {
  let fd: number;
  try { fd = openSync(path, 'r'); } catch (error) { throw unreadable(error, path); }
  try {
    let at = 0;
    for (;;) {
      if (at === scratch.length) {
        const size = fstatSync(fd).size;
        if (size > maxFileBytes) throw new DocumentError('tooLarge', { bytes: size, limit: maxFileBytes });
        // A device or a pipe has no size and may never end (/dev/zero): read no further than the limit.
        if (at > maxFileBytes) throw new DocumentError('tooLarge', { bytes: `>${maxFileBytes}`, limit: maxFileBytes });
        const larger = Buffer.allocUnsafeSlow(Math.min(Math.max(size + 1, 2 * scratch.length), maxFileBytes + 1));
        scratch.copy(larger, 0, 0, at);
        scratch = larger;
      }
      // From the current position, not `at`: a pipe (`tandem align <(...) <(...)`) cannot seek (ESPIPE).
      const n = readSync(fd, scratch, at, scratch.length - at, null);
      if (n === 0) break;
      at += n;
    }
    if (at > maxFileBytes) throw new DocumentError('tooLarge', { bytes: at, limit: maxFileBytes });
    if (at === 0) throw new DocumentError('empty');
    return scratch.subarray(0, at);
  } catch (error) {
    throw error instanceof DocumentError ? error : unreadable(error);
  } finally {
    closeSync(fd);
  }
}

function unreadable(error: unknown, path?: string): DocumentError {
  const code = (error as NodeJS.ErrnoException).code;
  // "cannot read the file (ENOENT)" for a file that is listed in its folder puzzles: it is a link
  // whose target was moved or deleted (or a loop of links).
  if (path && (code === 'ENOENT' || code === 'ELOOP')) {
    try { if (lstatSync(path).isSymbolicLink()) return new DocumentError('brokenLink', { target: readlinkSync(path), ...(code === 'ELOOP' ? { context: 'loop' } : {}) }); } catch { /* gone too */ }
  }
  // The two a user meets most are said in words (a typo in a job's input list, a file of another user's).
  const context = code === 'ENOENT' ? 'missing' : code === 'EACCES' || code === 'EPERM' ? 'denied' : undefined;
  return new DocumentError('unreadable', { reason: code ?? String(error), ...(context ? { context } : {}) });
}
