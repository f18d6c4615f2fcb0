// TMX 1.4b for one language pair (valid against ../shared/specs/tmx/tmx14.dtd), and a reader that
// accepts tandem's own TMX as well as TMX written by CAT tools.
//
// Writer choices:
// - Only segments with a target become <tu>s: a translation memory entry without a translation is
//   of no use to a TM lookup, and CAT tools warn about single-<tuv> units. Untranslated segments are
//   in segments.jsonl and the XLIFF files.
// - tuid is "<doc>#<segment id>", unique across the documents of a job.
// - Every field of a Segment is kept as a <prop> (x-doc, x-segment, x-score, x-origin, x-flags,
//   x-term, ... and x-original/x-changes per <tuv>), so readTmx gives the segments back; x-origin is
//   always written for targets, so TM/MT text never passes for human translation.
// - No wall-clock dates: creationdate is written only when the caller passes one, so reruns are
//   byte-identical.
import { t } from '../i18n/index.ts';
import type { Lang, Origin, Segment, SegmentSide } from '../types.ts';
import { targetOrigin } from './origin.ts';
import { TOOL_NAME, TOOL_VERSION } from './tool.ts';
import {
  attr, child, children, escapeAttr, escapeText, fail, parseJsonField, parseXml, rootElement, tagOf, textOf,
  type XmlDocument, type XmlNode,
} from './xml.ts';

export interface TmxOptions {
  srcLang: Lang;
  tgtLang: Lang;
  /** Written as the header's creationdate (TMX form YYYYMMDDThhmmssZ); omitted when absent. */
  creationDate?: Date | string;
}

/** A segment read from a file, with where it is in the file (for reports such as SARIF). */
export interface LocatedSegment {
  segment: Segment;
  /** Line the unit (TMX <tu>, XLIFF <segment>, JSONL line) starts on. */
  line?: number;
  /** The segment's id as written in the file: TMX tuid, XLIFF unit id (unit/segment when a unit has
   * several segments), JSONL/TSV id. Reports name this so users can find the unit in their tool. */
  ref?: string;
}

/** A <prop>; `type` is one of the writer's own x- names, which need no escaping. */
const prop = (type: string, value: string, indent: string) =>
  `${indent}<prop type="${type}">${escapeText(value)}</prop>\n`;

/** '2020-08-14' or a Date -> '20200814T000000Z'. */
export function tmxDate(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new Error(`invalid date: ${String(value)}`);
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function tuvXml(side: SegmentSide, indent: string): string {
  let out = `${indent}<tuv xml:lang="${escapeAttr(side.lang)}">\n`;
  if (side.original !== undefined) out += prop('x-original', side.original, indent + '  ');
  if (side.changes?.length) out += prop('x-changes', JSON.stringify(side.changes), indent + '  ');
  return out + `${indent}  <seg>${escapeText(side.text)}</seg>\n${indent}</tuv>\n`;
}

function tuXml(segment: Segment, tuid: string, options: TmxOptions): string {
  const tgt = segment.tgt as SegmentSide;
  const srclang = segment.src.lang === options.srcLang ? '' : ` srclang="${escapeAttr(segment.src.lang)}"`;
  const p = '      ';
  let out = `    <tu tuid="${escapeAttr(tuid)}"${srclang}>\n`;
  out += prop('x-doc', segment.doc, p) + prop('x-segment', segment.id, p);
  if (segment.tgtDoc !== undefined) out += prop('x-tgt-doc', segment.tgtDoc, p);
  if (segment.score !== null && segment.score !== undefined) out += prop('x-score', String(segment.score), p);
  out += prop('x-origin', targetOrigin(segment) as string, p);
  if (segment.originDetail) out += prop('x-origin-detail', JSON.stringify(segment.originDetail), p);
  if (segment.flags?.length) out += prop('x-flags', segment.flags.join(','), p);
  if (segment.reviewed) out += prop('x-reviewed', 'yes', p);
  if (segment.srcSentences) out += prop('x-src-sentences', JSON.stringify(segment.srcSentences), p);
  if (segment.tgtSentences) out += prop('x-tgt-sentences', JSON.stringify(segment.tgtSentences), p);
  for (const term of segment.terms) out += prop('x-term', JSON.stringify(term), p);
  return out + tuvXml(segment.src, p) + tuvXml(tgt, p) + '    </tu>\n';
}

export function segmentsToTmx(segments: Segment[], options: TmxOptions): string {
  const { head, tail } = tmxEnvelope(options);
  return head + tmxUnits(segments, options) + tail;
}

/**
 * The <tu> elements of the segments that have a source and a target. Ids are unique within one call; a job's
 * documents can be written one call each, since "<doc>#<id>" never repeats across documents.
 */
export function tmxUnits(segments: Segment[], options: TmxOptions): string {
  const used = new Set<string>();
  let body = '';
  for (const segment of segments) {
    // One-language units are left out both ways: a target the source lacks (a translator's note) would
    // go into a memory as the match for empty text.
    if (!segment.tgt || !segment.src.text) continue;
    const base = segment.doc ? `${segment.doc}#${segment.id}` : segment.id;
    let tuid = base;
    for (let n = 2; used.has(tuid); n++) tuid = `${base}~${n}`;
    used.add(tuid);
    body += tuXml(segment, tuid, options);
  }
  return body;
}

/** What comes before and after the <tu> elements of a TMX file. */
export function tmxEnvelope(options: TmxOptions): { head: string; tail: string } {
  const created = options.creationDate === undefined ? '' : ` creationdate="${tmxDate(options.creationDate)}"`;
  return {
    head: '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">\n'
      + `  <header creationtool="${TOOL_NAME}" creationtoolversion="${escapeAttr(TOOL_VERSION)}" segtype="sentence"`
      + ` o-tmf="${TOOL_NAME}" adminlang="en" srclang="${escapeAttr(options.srcLang)}" datatype="plaintext"${created}/>\n`
      + '  <body>\n',
    tail: '  </body>\n</tmx>\n',
  };
}

// ---- reading ----

const ORIGINS: readonly Origin[] = ['aligned', 'human', 'tm', 'mt', 'glossary'];
// Inline elements whose content is native markup, not text.
const CODE_ELEMENTS = ['bpt', 'ept', 'it', 'ph', 'ut'];
// Standalone codes (a line break, an image): a space between the words on either side.
const PLACEHOLDERS = ['ph'];

function propsOf(node: XmlNode): Map<string, string[]> {
  const props = new Map<string, string[]>();
  for (const p of children(node, 'prop')) {
    const type = attr(p, 'type') ?? '';
    props.set(type, [...(props.get(type) ?? []), textOf(p)]);
  }
  return props;
}

/** Same language for TMX purposes: case-insensitive, 'en' matches 'en-US'. */
const sameLang = (a: string, b: string) => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y || x.startsWith(y + '-') || y.startsWith(x + '-');
};

function readSide(tuv: XmlNode, doc: XmlDocument, file?: string): SegmentSide {
  const line = doc.lineOf(tuv);
  const lang = attr(tuv, 'xml:lang') ?? attr(tuv, 'lang');
  if (!lang) fail(t('export:tuvWithoutLang'), file, line);
  const seg = child(tuv, 'seg');
  if (!seg) fail(t('export:missingElement', { element: 'seg', parent: 'tuv' }), file, line);
  const props = propsOf(tuv);
  const side: SegmentSide = { lang, text: textOf(seg, { skip: CODE_ELEMENTS, breaks: PLACEHOLDERS }) };
  const original = props.get('x-original')?.[0];
  if (original !== undefined) side.original = original;
  const changes = parseJsonField<SegmentSide['changes']>(props.get('x-changes')?.[0], 'x-changes', file, line);
  if (changes) side.changes = changes;
  return side;
}

function readTu(tu: XmlNode, index: number, headerSrcLang: string | undefined, doc: XmlDocument, file?: string): LocatedSegment[] {
  const line = doc.lineOf(tu);
  const sides = children(tu, 'tuv').map((tuv) => readSide(tuv, doc, file));
  if (!sides.length) fail(t('export:missingElement', { element: 'tuv', parent: 'tu' }), file, line);
  const srcLang = attr(tu, 'srclang') ?? headerSrcLang;
  const srcAt = srcLang && srcLang !== '*all*' ? Math.max(0, sides.findIndex((s) => sameLang(s.lang, srcLang))) : 0;
  const src = sides[srcAt];
  const targets = sides.filter((_, i) => i !== srcAt);
  const props = propsOf(tu);
  const one = (type: string) => props.get(type)?.[0];
  const tuid = attr(tu, 'tuid');
  const id = one('x-segment') ?? tuid ?? String(index + 1);
  const score = one('x-score') === undefined ? null : Number(one('x-score'));
  const origin = one('x-origin') as Origin | undefined;
  const base: Segment = {
    doc: one('x-doc') ?? file ?? '', id, src, tgt: null,
    terms: (props.get('x-term') ?? []).map((v) => parseJsonField<Segment['terms'][number]>(v, 'x-term', file, line)!),
    score: Number.isFinite(score) ? score : null,
  };
  if (one('x-tgt-doc') !== undefined) base.tgtDoc = one('x-tgt-doc');
  const srcSentences = parseJsonField<string[]>(one('x-src-sentences'), 'x-src-sentences', file, line);
  const tgtSentences = parseJsonField<string[]>(one('x-tgt-sentences'), 'x-tgt-sentences', file, line);
  if (srcSentences) base.srcSentences = srcSentences;
  if (tgtSentences) base.tgtSentences = tgtSentences;
  if (one('x-flags')) base.flags = one('x-flags')!.split(',');
  if (origin && ORIGINS.includes(origin)) base.origin = origin;
  const detail = parseJsonField<Record<string, unknown>>(one('x-origin-detail'), 'x-origin-detail', file, line);
  if (detail) base.originDetail = detail;
  if (one('x-reviewed') === 'yes') base.reviewed = true;
  const ref = tuid ?? id;
  if (!targets.length) return [{ segment: base, line, ref }];
  // A multilingual <tu> gives one segment per target language.
  const suffix = (lang: string) => (targets.length > 1 ? `@${lang}` : '');
  return targets.map((tgt) => ({ segment: { ...base, id: id + suffix(tgt.lang), tgt }, line, ref: ref + suffix(tgt.lang) }));
}

/** Reads TMX (1.1-1.4) into segments with the line each <tu> starts on. */
export function readTmxLocated(text: string, file?: string): LocatedSegment[] {
  const doc = parseXml(text.replace(/^\uFEFF/, ''), file);
  const root = rootElement(doc);
  if (!root || tagOf(root) !== 'tmx') fail(t('export:notTmx'), file, root ? doc.lineOf(root) : undefined);
  const header = child(root, 'header');
  const body = child(root, 'body');
  if (!body) fail(t('export:missingElement', { element: 'body', parent: 'tmx' }), file, doc.lineOf(root));
  const headerSrcLang = header ? attr(header, 'srclang') : undefined;
  return children(body, 'tu').flatMap((tu, i) => readTu(tu, i, headerSrcLang, doc, file));
}

export function readTmx(text: string, file?: string): Segment[] {
  return readTmxLocated(text, file).map((located) => located.segment);
}
