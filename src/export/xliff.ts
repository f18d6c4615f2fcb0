// XLIFF 2.1 writer (valid against ../shared/specs/xliff/driver.xsd: core 2.0 + Metadata module) and
// a reader for XLIFF 2.x from tandem or CAT tools.
//
// Layout: one <file> per document, one <unit> per segment (the Metadata module may annotate units but
// not segments, and every segment carries its own score and origin). Inside a unit:
//   <mda:metadata> groups: "segment" (doc/id/sentences/languages), "alignment" (score, flags),
//     "provenance" (origin, originDetail, reviewed), "source"/"target" (pre-normalisation original
//     text and changes), "glossary" (one "term" group per glossary match, every field);
//   <notes>: one <note category="glossary"> per term, for translators in CAT tools;
//   <segment state=...>: initial (no target, or a machine/TM target), translated (human/aligned),
//     reviewed (confirmed in `tandem review`).
// XML ids must be NMTOKENs and segment ids of other documents may not be, so ids are sanitised and
// the exact ids kept in metadata. Characters XML cannot hold are written as <cp hex=".."/>.
import { t } from '../i18n/index.ts';
import type { Glossary, GlossaryEntry, Lang, Origin, Segment, SegmentSide } from '../types.ts';
import { entryIndex, glossaryNote } from './glossary-notes.ts';
import type { LocatedSegment } from './tmx.ts';
import { isHumanTarget, targetOrigin, xliffState } from './origin.ts';
import { TOOL_NAME, TOOL_VERSION } from './tool.ts';
import {
  attr, child, childNodes, children, escapeAttr, escapeText, escapeTextWith, fail, localName, parseXml, rootElement,
  parseJsonField as parseJson, tagOf, textOf, uniqueIds, type XmlDocument, type XmlNode,
} from './xml.ts';

export interface XliffOptions {
  srcLang: Lang;
  tgtLang: Lang;
  /** The document id (Segment.doc) the segments belong to. */
  doc: string;
  /** The document's path, written as <file original="...">; defaults to doc. */
  original?: string;
  /** The job's glossary: glossary notes then give each term's preferred target-language form. */
  glossary?: Glossary;
}

const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0';
const MDA_NS = 'urn:oasis:names:tc:xliff:metadata:2.0';

/** Segment text as element content; forbidden characters as XLIFF <cp/> so nothing is lost. */
function contentXml(text: string): string {
  return escapeTextWith(text, (ch) => `<cp hex="${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}"/>`);
}

/**
 * srcLang/trgLang must be xs:language: 'en_US' becomes 'en-US', anything else unusable 'und' (the
 * per-segment metadata keeps a segment's own language when it differs from the file's).
 */
export function languageTag(lang: string): string {
  const tag = lang.trim().replace(/_/g, '-');
  return /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/.test(tag) ? tag : 'und';
}

type Meta = Array<[string, string | undefined]>;

/** `<mda:meta>` lines: `type` is one of the writer's own names (no escaping needed) unless `escape`. */
function metaLine(indent: string, type: string, value: string | undefined, escape = false): string {
  return value === undefined ? '' : `${indent}  <mda:meta type="${escape ? escapeAttr(type) : type}">${escapeText(value)}</mda:meta>\n`;
}

/** A metaGroup around `body` (its meta lines), or nothing when every value was absent. */
function group(category: string, body: string, indent: string, appliesTo?: 'source' | 'target'): string {
  if (!body) return '';
  const applies = appliesTo ? ` appliesTo="${appliesTo}"` : '';
  return `${indent}<mda:metaGroup category="${category}"${applies}>\n${body}${indent}</mda:metaGroup>\n`;
}

function metaGroup(category: string, metas: Meta, indent: string): string {
  let body = '';
  for (const [type, value] of metas) body += metaLine(indent, type, value, true);
  return group(category, body, indent);
}

const json = (value: unknown) => (value === undefined ? undefined : JSON.stringify(value));

function sideGroup(side: SegmentSide | null, indent: string, appliesTo: 'source' | 'target'): string {
  if (!side) return '';
  return group(appliesTo, metaLine(indent, 'original', side.original)
    + metaLine(indent, 'changes', side.changes?.length ? json(side.changes) : undefined), indent, appliesTo);
}

/** What every unit of one file compares against: the file's language tags, worked out once. */
interface FileTags { srcLang: string; tgtLang: string }

// Plain concatenation with the writer's own meta names: this runs for every unit of every XLIFF file,
// and arrays of [type, value] pairs per group were most of its cost.
function unitMetadata(segment: Segment, tags: FileTags, indent: string): string {
  const i = indent + '  ';
  const origin = targetOrigin(segment);
  let out = `${indent}<mda:metadata>\n`
    + group('segment', metaLine(i, 'doc', segment.doc) + metaLine(i, 'id', segment.id) + metaLine(i, 'tgtDoc', segment.tgtDoc)
      + metaLine(i, 'srcLang', segment.src.lang === tags.srcLang ? undefined : segment.src.lang)
      + metaLine(i, 'tgtLang', segment.tgt && segment.tgt.lang !== tags.tgtLang ? segment.tgt.lang : undefined)
      + metaLine(i, 'srcSentences', json(segment.srcSentences)) + metaLine(i, 'tgtSentences', json(segment.tgtSentences)), i)
    + group('alignment', metaLine(i, 'score', segment.score === null || segment.score === undefined ? undefined : String(segment.score))
      + metaLine(i, 'flags', segment.flags?.length ? segment.flags.join(',') : undefined), i)
    + group('provenance', metaLine(i, 'origin', origin) + metaLine(i, 'originDetail', json(segment.originDetail))
      + metaLine(i, 'reviewed', segment.reviewed ? 'yes' : undefined), i)
    + sideGroup(segment.src, i, 'source') + sideGroup(segment.tgt, i, 'target');
  if (segment.terms.length) {
    out += `${i}<mda:metaGroup category="glossary">\n`;
    for (const term of segment.terms) {
      out += metaGroup('term', Object.entries(term).map(([k, v]) => [k, v === undefined ? undefined : String(v)]), i + '  ');
    }
    out += `${i}</mda:metaGroup>\n`;
  }
  return out + `${indent}</mda:metadata>\n`;
}

function notesXml(segment: Segment, options: XliffOptions, entries: Map<string, GlossaryEntry>, indent: string): string {
  if (!segment.terms.length) return '';
  const notes = segment.terms.map((term) => {
    const appliesTo = term.side === 'src' ? 'source' : 'target';
    const otherLang = term.side === 'src' ? (segment.tgt?.lang ?? options.tgtLang) : segment.src.lang;
    return `${indent}  <note category="glossary" appliesTo="${appliesTo}">${escapeText(glossaryNote(term, otherLang, entries))}</note>\n`;
  });
  return `${indent}<notes>\n${notes.join('')}${indent}</notes>\n`;
}

/** subState="tandem:mt" (tm, glossary) on machine targets, for CAT tools that show it but not mda. */
function subState(segment: Segment): string {
  const origin = targetOrigin(segment);
  return origin && !isHumanTarget(segment) ? ` subState="${TOOL_NAME}:${origin}"` : '';
}

function unitXml(segment: Segment, unitId: string, options: XliffOptions, tags: FileTags, entries: Map<string, GlossaryEntry>): string {
  const indent = '      ';
  const target = segment.tgt ? `${indent}  <target>${contentXml(segment.tgt.text)}</target>\n` : '';
  return `    <unit id="${unitId}">\n`
    + unitMetadata(segment, tags, indent)
    + notesXml(segment, options, entries, indent)
    + `${indent}<segment id="${unitId}" state="${xliffState(segment)}"${subState(segment)}>\n`
    + `${indent}  <source>${contentXml(segment.src.text)}</source>\n${target}`
    + `${indent}</segment>\n    </unit>\n`;
}

/** One XLIFF 2.1 document holding one <file> for the document's segments (at least one). */
export function segmentsToXliff(segments: Segment[], options: XliffOptions): string {
  if (!segments.length) throw new Error(t('export:emptyXliff', { doc: options.doc }));
  const unitId = uniqueIds();
  const entries = entryIndex(options.glossary);
  const tags: FileTags = { srcLang: languageTag(options.srcLang), tgtLang: languageTag(options.tgtLang) };
  let units = '';
  for (const segment of segments) units += unitXml(segment, unitId(segment.id), options, tags, entries);
  return '<?xml version="1.0" encoding="UTF-8"?>\n'
    + `<xliff xmlns="${XLIFF_NS}" xmlns:mda="${MDA_NS}" version="2.1" srcLang="${tags.srcLang}" trgLang="${tags.tgtLang}">\n`
    + `  <file id="${uniqueIds()(options.doc)}" original="${escapeAttr(options.original ?? options.doc)}" xml:space="preserve">\n`
    + '    <mda:metadata>\n'
    + metaGroup('document', [['doc', options.doc], ['tool', `${TOOL_NAME} ${TOOL_VERSION}`]], '      ')
    + '    </mda:metadata>\n'
    + units + '  </file>\n</xliff>\n';
}

// ---- reading ----

/** category -> (type -> value) of the metaGroups directly under a node's <mda:metadata>. */
function metadataOf(node: XmlNode): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  const metadata = child(node, 'metadata');
  if (!metadata) return out;
  for (const group of children(metadata, 'metaGroup')) {
    const values = new Map<string, string>();
    for (const meta of children(group, 'meta')) values.set(attr(meta, 'type') ?? '', textOf(meta));
    out.set(attr(group, 'category') ?? '', values);
  }
  return out;
}

function termsOf(unit: XmlNode): Segment['terms'] {
  const glossary = children(child(unit, 'metadata') ?? {}, 'metaGroup').find((g) => attr(g, 'category') === 'glossary');
  if (!glossary) return [];
  return children(glossary, 'metaGroup').map((group) => {
    const term: Record<string, unknown> = {};
    for (const meta of children(group, 'meta')) {
      const type = attr(meta, 'type') ?? '';
      const value = textOf(meta);
      term[type] = type === 'start' || type === 'end' ? Number(value) : value;
    }
    return term as unknown as Segment['terms'][number];
  });
}

function readSide(lang: Lang, text: string, meta: Map<string, string> | undefined, file?: string, line?: number): SegmentSide {
  const side: SegmentSide = { lang, text };
  if (meta?.has('original')) side.original = meta.get('original');
  const changes = parseJson<SegmentSide['changes']>(meta?.get('changes'), 'changes', file, line);
  if (changes) side.changes = changes;
  return side;
}

// Standalone placeholders (<ph/>: a line break, an image) read as a space between words.
const INLINE = { breaks: ['ph'] };

interface FileContext { doc: string; srcLang: Lang; tgtLang: Lang | undefined; xml: XmlDocument; file?: string }

function readUnit(unit: XmlNode, ctx: FileContext): LocatedSegment[] {
  const line = ctx.xml.lineOf(unit);
  const unitId = attr(unit, 'id');
  if (unitId === undefined) fail(t('export:missingAttribute', { element: 'unit', attribute: 'id' }), ctx.file, line);
  const meta = metadataOf(unit);
  const seg = meta.get('segment');
  const segments = children(unit, 'segment');
  if (!segments.length) fail(t('export:missingElement', { element: 'segment', parent: 'unit' }), ctx.file, line);
  return segments.map((node, index) => {
    const at = ctx.xml.lineOf(node) ?? line;
    const source = child(node, 'source');
    if (!source) fail(t('export:missingElement', { element: 'source', parent: 'segment' }), ctx.file, at);
    const target = child(node, 'target');
    const fallbackId = segments.length === 1 ? unitId : `${unitId}/${attr(node, 'id') ?? index + 1}`;
    const segmentId = attr(node, 'id');
    const ref = segments.length > 1 || (segmentId !== undefined && segmentId !== unitId) ? `${unitId}/${segmentId ?? index + 1}` : unitId;
    const alignment = meta.get('alignment');
    const provenance = meta.get('provenance');
    const score = alignment?.has('score') ? Number(alignment.get('score')) : null;
    const state = attr(node, 'state');
    const segment: Segment = {
      doc: seg?.get('doc') ?? ctx.doc,
      id: (segments.length === 1 && seg?.get('id')) || fallbackId,
      src: readSide(seg?.get('srcLang') ?? ctx.srcLang, textOf(source, INLINE), meta.get('source'), ctx.file, at),
      tgt: target
        ? readSide(seg?.get('tgtLang') ?? ctx.tgtLang ?? 'und', textOf(target, INLINE), meta.get('target'), ctx.file, at)
        : null,
      terms: termsOf(unit),
      score: Number.isFinite(score) ? score : null,
    };
    if (seg?.has('tgtDoc')) segment.tgtDoc = seg.get('tgtDoc');
    const srcSentences = parseJson<string[]>(seg?.get('srcSentences'), 'srcSentences', ctx.file, at);
    const tgtSentences = parseJson<string[]>(seg?.get('tgtSentences'), 'tgtSentences', ctx.file, at);
    if (srcSentences) segment.srcSentences = srcSentences;
    if (tgtSentences) segment.tgtSentences = tgtSentences;
    if (alignment?.get('flags')) segment.flags = alignment.get('flags')!.split(',');
    if (provenance?.has('origin')) segment.origin = provenance.get('origin') as Origin;
    const detail = parseJson<Record<string, unknown>>(provenance?.get('originDetail'), 'originDetail', ctx.file, at);
    if (detail) segment.originDetail = detail;
    if (provenance?.get('reviewed') === 'yes' || state === 'reviewed' || state === 'final') segment.reviewed = true;
    return { segment, line: at, ref };
  });
}

/** Units of a file or group, groups flattened in document order. */
function unitsOf(node: XmlNode): XmlNode[] {
  return childNodes(node).flatMap((c) => {
    const name = localName(tagOf(c) ?? '');
    return name === 'unit' ? [c] : name === 'group' ? unitsOf(c) : [];
  });
}

/** Reads XLIFF 2.x into segments with the line each unit (or segment) starts on. */
export function readXliffLocated(text: string, file?: string): LocatedSegment[] {
  const xml = parseXml(text.replace(/^\uFEFF/, ''), file);
  const root = rootElement(xml);
  if (!root || localName(tagOf(root)!) !== 'xliff') fail(t('export:notXliff2'), file, root ? xml.lineOf(root) : undefined);
  const version = attr(root, 'version') ?? '';
  if (/^1\./.test(version)) fail(t('export:xliff1', { version }), file, xml.lineOf(root));
  const declared = Object.entries((root[':@'] ?? {}) as Record<string, string>)
    .some(([name, value]) => (name === 'xmlns' || name.startsWith('xmlns:')) && value === XLIFF_NS);
  if (!version.startsWith('2.') || !declared) fail(t('export:notXliff2'), file, xml.lineOf(root));
  const srcLang = attr(root, 'srcLang');
  if (!srcLang) fail(t('export:missingAttribute', { element: 'xliff', attribute: 'srcLang' }), file, xml.lineOf(root));
  const tgtLang = attr(root, 'trgLang');
  return children(root, 'file').flatMap((fileNode) => {
    const docMeta = metadataOf(fileNode).get('document');
    const doc = docMeta?.get('doc') ?? attr(fileNode, 'original') ?? attr(fileNode, 'id') ?? file ?? '';
    const ctx: FileContext = { doc, srcLang, tgtLang, xml, file };
    return unitsOf(fileNode).flatMap((unit) => readUnit(unit, ctx));
  });
}

export function readXliff(text: string, file?: string): Segment[] {
  return readXliffLocated(text, file).map((located) => located.segment);
}
