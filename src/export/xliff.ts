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
// the exact ids kept in metadata. Characters XML cannot hold are written as <cp hex=".."/> in text, and
// in metadata (which holds text only) as JSON \u escapes (see metaLine).
import { t } from '../i18n/index.ts';
import type { Glossary, GlossaryEntry, Lang, Origin, Segment, SegmentSide } from '../types.ts';
import { entryIndex, glossaryNote } from './glossary-notes.ts';
import type { LocatedSegment } from './tmx.ts';
import { isHumanTarget, targetOrigin, xliffState } from './origin.ts';
import { TOOL_NAME, TOOL_VERSION } from './tool.ts';
import {
  attr, child, childNodes, children, escapeAttr, escapeText, escapeTextWith, fail, hasNonXmlChars, localName, parseXml,
  rootElement, parseJsonField as parseJson, tagOf, textOf, uniqueIds, xmlSafeJson, type XmlDocument, type XmlNode,
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

// The writer pushes the pieces of a file onto one array and joins them once. A string built with +=
// is a tree of its pieces, which must be flattened (copied node by node) before it can be encoded,
// and whose nodes, alive until then, were much of the garbage collector's work on a batch's XLIFF.
type Out = string[];

// Indents: a unit's <mda:metadata> 6, its metaGroups 8, their meta lines 10; a glossary term's group
// 10 and its meta lines 12.
const META_CLOSE = '</mda:meta>\n';
const GROUP_CLOSE = '        </mda:metaGroup>\n';
const TERM_CLOSE = '          </mda:metaGroup>\n';

const META_TYPES = ['doc', 'id', 'tgtDoc', 'srcLang', 'tgtLang', 'srcSentences', 'tgtSentences', 'score', 'flags',
  'origin', 'originDetail', 'reviewed', 'original', 'changes'] as const;
/** `<mda:meta type="...">` lines' openings for the writer's own names (which need no escaping). */
const META = Object.fromEntries(META_TYPES.map((type) => [type, `          <mda:meta type="${type}">`])) as
  Record<(typeof META_TYPES)[number], string>;

/**
 * `<mda:meta type="...">` of a glossary term's field, made once per field name (TermMatch's few, or
 * whatever a file read back carried: bounded).
 */
function termMetaOpen(field: string): string {
  let open = termMetaOpens.get(field);
  if (open === undefined) {
    if (termMetaOpens.size >= 1000) termMetaOpens.clear();
    termMetaOpens.set(field, (open = `            <mda:meta type="${escapeAttr(field)}">`));
  }
  return open;
}
const termMetaOpens = new Map<string, string>();

/**
 * Prefix of a meta type whose value is a JSON string. A meta holds text only (no <cp/>), so a
 * value with characters XML cannot hold (a control character, U+FFFF in a document) goes as a JSON
 * string with \u escapes under `json:<type>`, which the reader decodes: nothing is lost.
 */
const JSON_META = 'json:';

/** A `<mda:meta>` line, or nothing when the value is absent. */
function metaLine(out: Out, open: string, value: string | undefined): void {
  if (value === undefined) return;
  if (hasNonXmlChars(value)) out.push(open.replace('type="', `type="${JSON_META}`), escapeText(xmlSafeJson(value)), META_CLOSE);
  else out.push(open, escapeText(value), META_CLOSE);
}

/**
 * Closes the metaGroup whose opening tag `out.push` put at length `opened`, or takes that tag back
 * when no meta line followed it (every value was absent).
 */
function closeGroup(out: Out, opened: number, close = GROUP_CLOSE): void {
  if (out.length === opened) out.pop(); else out.push(close);
}

const json = (value: unknown) => (value === undefined ? undefined : xmlSafeJson(value));

function sideGroup(out: Out, side: SegmentSide | null, appliesTo: 'source' | 'target'): void {
  if (!side) return;
  const opened = out.push(`        <mda:metaGroup category="${appliesTo}" appliesTo="${appliesTo}">\n`);
  metaLine(out, META.original, side.original);
  metaLine(out, META.changes, side.changes?.length ? json(side.changes) : undefined);
  closeGroup(out, opened);
}

/** What every unit of one file compares against: the file's language tags, worked out once. */
interface FileTags { srcLang: string; tgtLang: string }

function unitMetadata(out: Out, segment: Segment, tags: FileTags): void {
  out.push('      <mda:metadata>\n');
  let opened = out.push('        <mda:metaGroup category="segment">\n');
  metaLine(out, META.doc, segment.doc);
  metaLine(out, META.id, segment.id);
  metaLine(out, META.tgtDoc, segment.tgtDoc);
  metaLine(out, META.srcLang, segment.src.lang === tags.srcLang ? undefined : segment.src.lang);
  metaLine(out, META.tgtLang, segment.tgt && segment.tgt.lang !== tags.tgtLang ? segment.tgt.lang : undefined);
  metaLine(out, META.srcSentences, json(segment.srcSentences));
  metaLine(out, META.tgtSentences, json(segment.tgtSentences));
  closeGroup(out, opened);
  opened = out.push('        <mda:metaGroup category="alignment">\n');
  metaLine(out, META.score, segment.score === null || segment.score === undefined ? undefined : String(segment.score));
  metaLine(out, META.flags, segment.flags?.length ? segment.flags.join(',') : undefined);
  closeGroup(out, opened);
  opened = out.push('        <mda:metaGroup category="provenance">\n');
  metaLine(out, META.origin, targetOrigin(segment));
  metaLine(out, META.originDetail, json(segment.originDetail));
  metaLine(out, META.reviewed, segment.reviewed ? 'yes' : undefined);
  closeGroup(out, opened);
  sideGroup(out, segment.src, 'source');
  sideGroup(out, segment.tgt, 'target');
  if (segment.terms.length) {
    out.push('        <mda:metaGroup category="glossary">\n');
    // One group per term with every field of the match, named as the field (escaped: a match read
    // back from a file may carry any field).
    for (const term of segment.terms) {
      const fields = term as unknown as Record<string, unknown>;
      const termOpened = out.push('          <mda:metaGroup category="term">\n');
      for (const key of Object.keys(fields)) {
        const value = fields[key];
        if (value !== undefined) metaLine(out, termMetaOpen(key), String(value));
      }
      closeGroup(out, termOpened, TERM_CLOSE);
    }
    out.push(GROUP_CLOSE);
  }
  out.push('      </mda:metadata>\n');
}

const NOTE = {
  src: '        <note category="glossary" appliesTo="source">',
  tgt: '        <note category="glossary" appliesTo="target">',
};

function notesXml(out: Out, segment: Segment, options: XliffOptions, entries: Map<string, GlossaryEntry>): void {
  if (!segment.terms.length) return;
  out.push('      <notes>\n');
  for (const term of segment.terms) {
    const otherLang = term.side === 'src' ? (segment.tgt?.lang ?? options.tgtLang) : segment.src.lang;
    out.push(term.side === 'src' ? NOTE.src : NOTE.tgt, escapeText(glossaryNote(term, otherLang, entries)), '</note>\n');
  }
  out.push('      </notes>\n');
}

/** subState="tandem:mt" (tm, glossary) on machine targets, for CAT tools that show it but not mda. */
function subState(segment: Segment): string {
  const origin = targetOrigin(segment);
  return origin && !isHumanTarget(segment) ? ` subState="${TOOL_NAME}:${origin}"` : '';
}

function unitXml(out: Out, segment: Segment, unitId: string, options: XliffOptions, tags: FileTags,
  entries: Map<string, GlossaryEntry>): void {
  out.push('    <unit id="', unitId, '">\n');
  unitMetadata(out, segment, tags);
  notesXml(out, segment, options, entries);
  out.push('      <segment id="', unitId, '" state="', xliffState(segment), '"', subState(segment), '>\n',
    '        <source>', contentXml(segment.src.text), '</source>\n');
  if (segment.tgt) out.push('        <target>', contentXml(segment.tgt.text), '</target>\n');
  out.push('      </segment>\n    </unit>\n');
}

/** One XLIFF 2.1 document holding one <file> for the document's segments (at least one). */
export function segmentsToXliff(segments: Segment[], options: XliffOptions): string {
  if (!segments.length) throw new Error(t('export:emptyXliff', { doc: options.doc }));
  const unitId = uniqueIds();
  const entries = entryIndex(options.glossary);
  const tags: FileTags = { srcLang: languageTag(options.srcLang), tgtLang: languageTag(options.tgtLang) };
  const out: Out = ['<?xml version="1.0" encoding="UTF-8"?>\n',
    `<xliff xmlns="${XLIFF_NS}" xmlns:mda="${MDA_NS}" version="2.1" srcLang="${tags.srcLang}" trgLang="${tags.tgtLang}">\n`,
    `  <file id="${uniqueIds()(options.doc)}" original="${escapeAttr(options.original ?? options.doc)}" xml:space="preserve">\n`,
    '    <mda:metadata>\n      <mda:metaGroup category="document">\n'];
  metaLine(out, '        <mda:meta type="doc">', options.doc);
  out.push('        <mda:meta type="tool">', escapeText(`${TOOL_NAME} ${TOOL_VERSION}`), META_CLOSE,
    '      </mda:metaGroup>\n    </mda:metadata>\n');
  for (const segment of segments) unitXml(out, segment, unitId(segment.id), options, tags, entries);
  out.push('  </file>\n</xliff>\n');
  return out.join('');
}

// ---- reading ----

/** Where a file is read: for the file and line of a malformed value. */
interface Where { xml: XmlDocument; file?: string }

/** A <mda:meta>'s type and text, a `json:` value decoded (see metaLine). */
function metaOf(meta: XmlNode, where: Where): [string, string] {
  const type = attr(meta, 'type') ?? '';
  if (!type.startsWith(JSON_META)) return [type, textOf(meta)];
  const value = parseJson<unknown>(textOf(meta), type, where.file, where.xml.lineOf(meta));
  if (typeof value !== 'string') fail(t('export:badProp', { prop: type }), where.file, where.xml.lineOf(meta));
  return [type.slice(JSON_META.length), value];
}

/** category -> (type -> value) of the metaGroups directly under a node's <mda:metadata>. */
function metadataOf(node: XmlNode, where: Where): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  const metadata = child(node, 'metadata');
  if (!metadata) return out;
  for (const group of children(metadata, 'metaGroup')) {
    const values = new Map<string, string>();
    for (const meta of children(group, 'meta')) values.set(...metaOf(meta, where));
    out.set(attr(group, 'category') ?? '', values);
  }
  return out;
}

function termsOf(unit: XmlNode, where: Where): Segment['terms'] {
  const glossary = children(child(unit, 'metadata') ?? {}, 'metaGroup').find((g) => attr(g, 'category') === 'glossary');
  if (!glossary) return [];
  return children(glossary, 'metaGroup').map((group) => {
    const term: Record<string, unknown> = {};
    for (const meta of children(group, 'meta')) {
      const [type, value] = metaOf(meta, where);
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
  const meta = metadataOf(unit, ctx);
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
      terms: termsOf(unit, ctx),
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
    const docMeta = metadataOf(fileNode, { xml, file }).get('document');
    const doc = docMeta?.get('doc') ?? attr(fileNode, 'original') ?? attr(fileNode, 'id') ?? file ?? '';
    const ctx: FileContext = { doc, srcLang, tgtLang, xml, file };
    return unitsOf(fileNode).flatMap((unit) => readUnit(unit, ctx));
  });
}

export function readXliff(text: string, file?: string): Segment[] {
  return readXliffLocated(text, file).map((located) => located.segment);
}
