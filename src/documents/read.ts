// Reads one document from disk into paragraphs, by format: plain text, Markdown or HTML, chosen by
// extension. Everything that makes a file unusable becomes a DocumentError with a one-line reason.
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { DocumentFormat, DocumentText } from '../types.ts';
import type { SourceParagraph } from './builder.ts';
import { decodeUtf8 } from './decode.ts';
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

/** Parses already decoded text; `format` defaults to the one the path's extension says. */
export function parseDocument(source: string, id: string, path: string, format = formatOf(path)): ReadDocument {
  const read: { paragraphs: SourceParagraph[]; date?: string } =
    format === 'html' ? readHtml(source) : format === 'markdown' ? readMarkdown(source) : readPlainText(source);
  const date = read.date;
  return { id, path, format, ...(date ? { date } : {}), paragraphs: read.paragraphs };
}

export async function readDocument(path: string, id: string, limits: Partial<ReadLimits> = {}): Promise<ReadDocument> {
  const { maxFileBytes, maxParagraphChars } = { ...DEFAULT_LIMITS, ...limits };
  let size: number;
  try { size = (await stat(path)).size; } catch (error) { throw unreadable(error); }
  if (size > maxFileBytes) throw new DocumentError('tooLarge', { bytes: size, limit: maxFileBytes });
  if (size === 0) throw new DocumentError('empty');
  let bytes: Buffer;
  try { bytes = await readFile(path); } catch (error) { throw unreadable(error); }
  const doc = parseDocument(decodeUtf8(bytes), id, path);
  if (!doc.paragraphs.length) throw new DocumentError('empty');
  const long = doc.paragraphs.find((p) => p.text.length > maxParagraphChars);
  if (long) throw new DocumentError('paragraphTooLong', { paragraph: long.index + 1, chars: long.text.length, limit: maxParagraphChars });
  return doc;
}

function unreadable(error: unknown): DocumentError {
  return new DocumentError('unreadable', { reason: (error as NodeJS.ErrnoException).code ?? String(error) });
}
