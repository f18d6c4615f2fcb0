// Recognises a segment file by its content (not its name) and reads it: TMX, XLIFF 2, segments.jsonl
// or segments.tsv. Used by `tandem check`, the translation memory and the review stage.
import { t } from '../i18n/index.ts';
import type { Origin, Segment } from '../types.ts';
import { decodeSegmentText } from './decode.ts';
import { readJsonlLocated } from './jsonl.ts';
import { readTmxLocated, type LocatedSegment } from './tmx.ts';
import { readTsvRows, TSV_COLUMNS } from './tsv.ts';
import { readXliffLocated } from './xliff.ts';
import { fail } from './xml.ts';

export type SegmentFormat = 'tmx' | 'xliff' | 'jsonl' | 'tsv';

/** The name of the root element of an XML text, past the declaration, comments and DOCTYPE. */
function xmlRootName(text: string): string | undefined {
  const stripped = text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>/gi, '');
  const match = /<([A-Za-z_][\w.:-]*)/.exec(stripped);
  return match?.[1].slice(match[1].indexOf(':') + 1).toLowerCase();
}

/** The format of a segment file's content, or undefined when it is none tandem reads. */
export function detectFormat(content: string): SegmentFormat | undefined {
  const text = content.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('<')) {
    const root = xmlRootName(text.slice(0, 4096));
    return root === 'tmx' ? 'tmx' : root === 'xliff' ? 'xliff' : undefined;
  }
  if (text.startsWith('{')) return 'jsonl';
  if (text.startsWith(TSV_COLUMNS.slice(0, 3).join('\t'))) return 'tsv';
  return undefined;
}

/** Segments from tandem's segments.tsv. Lossy by design: terms and offsets are not in the table. */
function readTsvLocated(text: string): LocatedSegment[] {
  return readTsvRows(text).map((row, index) => {
    const segment: Segment = {
      doc: row.doc, id: row.id,
      src: { lang: row.src_lang, text: row.src_text },
      tgt: row.tgt_lang || row.tgt_text ? { lang: row.tgt_lang, text: row.tgt_text } : null,
      terms: [],
      score: row.score === '' ? null : Number(row.score),
    };
    if (row.flags) segment.flags = row.flags.split(',');
    if (row.origin) segment.origin = row.origin as Origin;
    return { segment, line: index + 2, ref: segment.id };
  });
}

/** Reads any segment file tandem knows, with the line each segment starts on. Bytes are decoded first. */
export function readLocatedSegments(input: string | Uint8Array, fileName?: string): LocatedSegment[] {
  const content = typeof input === 'string' ? input : decodeSegmentText(input, fileName);
  if (content.replace(/^\uFEFF/, '').trim() === '') return [];
  switch (detectFormat(content)) {
    case 'tmx': return readTmxLocated(content, fileName);
    case 'xliff': return readXliffLocated(content, fileName);
    case 'tsv': return readTsvLocated(content);
    case 'jsonl': return readJsonlLocated(content, fileName);
    default: return fail(t('export:unknownFormat'), fileName, 1);
  }
}

/** Reads any segment file tandem knows (TMX, XLIFF 2, JSONL, TSV), recognised by content. */
export function readSegments(content: string | Uint8Array, fileName?: string): Segment[] {
  return readLocatedSegments(content, fileName).map((located) => located.segment);
}
