// XML plumbing shared by the TMX and XLIFF writers and readers: escaping that always yields
// well-formed XML 1.0, ids that fit xs:NMTOKEN, and a validating, order-preserving parse.
//
// Writing is done with plain template strings: the documents are small and flat, and string building
// lets us control every byte (attribute order, indentation, numeric character references for \r and
// tabs) so reruns are byte-identical.
//
// Reading: fast-xml-parser's XMLValidator checks well-formedness and reports line and column. The tree
// is then built with htmlparser2's XML mode, which keeps inline markup (<hi>, <ph>, <pc>, <cp>) in
// document order and element offsets for line numbers: measured on a 14 MB TMX it tokenises 10-20x
// faster than fast-xml-parser's preserveOrder parse, which dominated read time. Documents whose
// DOCTYPE declares entities (which htmlparser2 does not expand) still go through fast-xml-parser.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Parser } from 'htmlparser2';
import { t } from '../i18n/index.ts';

/** A malformed or unreadable segment file: names the file and, where known, the line. */
export class SegmentFileError extends Error {
  override name = 'SegmentFileError';
  constructor(message: string, readonly file?: string, readonly line?: number) {
    super(message);
  }
}

/** Throws a SegmentFileError whose message reads "file:line: reason" (parts omitted when unknown). */
export function fail(reason: string, file?: string, line?: number): never {
  const where = [file, line].filter((part) => part !== undefined && part !== '').join(':');
  throw new SegmentFileError(where ? `${where}: ${reason}` : reason, file, line);
}

/** Parses JSON kept in a TMX prop or XLIFF meta; undefined stays undefined, bad JSON is an error. */
export function parseJsonField<T>(value: string | undefined, what: string, file?: string, line?: number): T | undefined {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fail(t('export:badProp', { prop: what }), file, line);
  }
}

// Characters XML 1.0 forbids (C0 controls except tab/LF/CR, U+FFFE/U+FFFF, lone surrogates).
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Any character escapeText changes: most text has none and is returned as it is, without five passes. */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;
const ATTR_SPECIAL = /["'\t\n]/;

/** The same characters, for a test (a /g regex's test moves its lastIndex). */
const HAS_NOT_XML_CHAR = new RegExp(NOT_XML_CHAR.source);

/** Whether the text has a character XML 1.0 forbids (a quick test first: most text has nothing to escape). */
export function hasNonXmlChars(text: string): boolean {
  return NEEDS_ESCAPE.test(text) && HAS_NOT_XML_CHAR.test(text);
}

/**
 * JSON whose string values hold no character XML 1.0 forbids: U+FFFE and U+FFFF, which
 * JSON.stringify leaves as they are, become \uFFFE and \uFFFF too (controls and lone surrogates it
 * escapes itself), so JSON.parse gives every character back.
 */
export function xmlSafeJson(value: unknown): string {
  const json = JSON.stringify(value);
  return hasNonXmlChars(json) ? json.replace(NOT_XML_CHAR, (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`) : json;
}

/**
 * Replaces characters XML 1.0 forbids with `replace(char)` (default U+FFFD, one UTF-16 unit for one,
 * so term offsets into the text stay valid).
 */
export function replaceNonXmlChars(text: string, replace: (char: string) => string = () => '\uFFFD'): string {
  return text.replace(NOT_XML_CHAR, replace);
}

/**
 * Escapes element content: & < > (so "]]>" and markup stay text). Quotes need no escaping outside
 * attributes, and leaving them keeps JSON-valued props readable. \r becomes &#13; because parsers
 * turn a literal CR into LF.
 */
export function escapeText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return replaceNonXmlChars(text)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/**
 * Escapes element content, rendering each character XML cannot hold with `render` (which returns
 * markup, e.g. XLIFF's <cp hex="0001"/>) instead of replacing it.
 */
export function escapeTextWith(text: string, render: (char: string) => string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  let out = '';
  let from = 0;
  for (const match of text.matchAll(NOT_XML_CHAR)) {
    out += escapeText(text.slice(from, match.index)) + render(match[0]);
    from = match.index + match[0].length;
  }
  return out + escapeText(text.slice(from));
}

/** Escapes an attribute value; whitespace controls become references so parsers do not fold them. */
export function escapeAttr(text: string): string {
  if (!NEEDS_ESCAPE.test(text) && !ATTR_SPECIAL.test(text)) return text;
  return escapeText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

// xs:NMTOKEN characters. Validators such as libxml2 still apply the XML 1.0 fourth-edition name
// classes (Unicode 2.0 letters), so we keep a conservative subset that is valid under every edition:
// ASCII name characters, Latin-1 and Latin Extended-A letters, Greek, Cyrillic (with Ukrainian and
// Belarusian letters), Hebrew, Arabic, kana, CJK and Hangul. Anything else becomes '_' (the exact
// id is kept in metadata).
const NAME_CHAR = /[-.:\w\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF\u0100-\u0131\u0134-\u013E\u0141-\u0148\u014A-\u017E\u0386\u0388-\u038A\u038C\u038E-\u03A1\u03A3-\u03CE\u0401-\u040C\u040E-\u044F\u0451-\u045C\u045E-\u0481\u0490-\u04C4\u05D0-\u05EA\u0621-\u063A\u0641-\u064A\u3041-\u3094\u30A1-\u30FA\u4E00-\u9FA5\uAC00-\uD7A3]/;

const ASCII_NAME = /^[-.:\w]+$/;

/** Turns any string into an xs:NMTOKEN by replacing other characters with '_'. */
export function toNmtoken(text: string): string {
  if (ASCII_NAME.test(text)) return text; // most ids ("0.1", "doc-00001.txt") need no replacing
  const token = Array.from(text, (ch) => (NAME_CHAR.test(ch) ? ch : '_')).join('');
  return token || '_';
}

/** Hands out NMTOKEN ids unique within one scope: 'a', then 'a_2', 'a_3', ... on collisions. */
export function uniqueIds(): (wanted: string) => string {
  const used = new Set<string>();
  return (wanted) => {
    const base = toNmtoken(wanted);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    return id;
  };
}

/** A node of fast-xml-parser's preserveOrder output: {tag: children, ':@': attributes} or {'#text'}. */
export type XmlNode = Record<string, unknown>;

// For documents that declare entities in their DOCTYPE (rare in TMX/XLIFF).
const entityParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  // htmlEntities also turns numeric references (&#13;, &#x1F600;) into characters.
  htmlEntities: true,
  cdataPropName: '#cdata',
  commentPropName: '#comment',
  ignoreDeclaration: true,
  ignorePiTags: true,
  captureMetaData: true,
});
const META = XMLParser.getMetaDataSymbol() as unknown as string;

export interface XmlDocument {
  roots: XmlNode[];
  /** 1-based line where the element starts, when known. */
  lineOf(node: XmlNode): number | undefined;
}

/** Builds the same ordered tree shape as fast-xml-parser's preserveOrder, with element offsets. */
function buildTree(text: string, starts: WeakMap<XmlNode, number>): XmlNode[] {
  const roots: XmlNode[] = [];
  const stack: XmlNode[][] = [roots];
  const parser: Parser = new Parser({
    onopentag(name, attributes) {
      const kids: XmlNode[] = [];
      const node: XmlNode = { [name]: kids };
      if (Object.keys(attributes).length) node[':@'] = attributes;
      starts.set(node, parser.startIndex);
      stack[stack.length - 1].push(node);
      stack.push(kids);
    },
    onclosetag() {
      if (stack.length > 1) stack.pop();
    },
    ontext(data) {
      const list = stack[stack.length - 1];
      const last = list[list.length - 1];
      if (last && '#text' in last) last['#text'] += data;
      else list.push({ '#text': data });
    },
  }, { xmlMode: true, decodeEntities: true, recognizeCDATA: true, recognizeSelfClosing: true });
  parser.end(text);
  return roots;
}

const PREDEFINED_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/**
 * The first reference to an entity neither XML nor the DOCTYPE defines (`&nbsp;` in a TMX without a
 * DTD). The validator lets it through and htmlparser2 leaves it as text, so "&nbsp;" reached the
 * segment; XML parsers reject such a file, and so do we. Comments, CDATA and PIs hold no references.
 */
function undefinedEntity(text: string, prolog: string): { name: string; index: number } | undefined {
  if (!/&(?!(?:amp|lt|gt|quot|apos);|#)/.test(text)) return undefined;
  const declared = new Set([...prolog.matchAll(/<!ENTITY\s+([^\s%]+)/g)].map((m) => m[1]));
  const references = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|&([^\s&;<>#]+);/g;
  references.lastIndex = prolog.length;
  for (let m = references.exec(text); m; m = references.exec(text)) {
    if (m[1] && !PREDEFINED_ENTITIES.has(m[1]) && !declared.has(m[1])) return { name: m[1], index: m.index };
  }
  return undefined;
}

/** Validates and parses XML, or throws a SegmentFileError naming file and line. */
export function parseXml(input: string, file?: string): XmlDocument {
  // XML end-of-line handling: a literal CR LF or CR is a LF (a CR written as &#13; stays a CR).
  const text = input.includes('\r') ? input.replace(/\r\n?/g, '\n') : input;
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) {
    // A truncated file: the validator lists the open tags as JSON; say it in words, at the last line.
    const open = /^Invalid'(\[.*\])'found/.exec(verdict.err.msg.replace(/\s+/g, ''));
    if (verdict.err.code === 'InvalidXml' && open) {
      const tags = (JSON.parse(open[1]) as string[]).map((tag) => `<${tag}>`).join(' ');
      fail(t('export:malformedXml', { reason: t('export:unclosed', { tags }) }), file, text.trimEnd().split('\n').length);
    }
    fail(t('export:malformedXml', { reason: verdict.err.msg }), file, verdict.err.line);
  }
  const starts = new WeakMap<XmlNode, number>();
  let roots: XmlNode[];
  const prolog = text.slice(0, Math.max(0, text.search(/<[A-Za-z_]/)));
  const unknown = undefinedEntity(text, prolog);
  if (unknown) {
    fail(t('export:malformedXml', { reason: t('export:undefinedEntity', { name: unknown.name }) }), file, text.slice(0, unknown.index).split('\n').length);
  }
  if (prolog.includes('<!ENTITY')) {
    try {
      roots = entityParser.parse(text) as XmlNode[];
    } catch (error) {
      return fail(t('export:malformedXml', { reason: (error as Error).message }), file);
    }
    const record = (nodes: XmlNode[]) => nodes.forEach((node) => {
      const start = (node[META] as { startIndex?: number } | undefined)?.startIndex;
      if (start !== undefined) starts.set(node, start);
      record(childNodes(node));
    });
    record(roots);
  } else {
    roots = buildTree(text, starts);
  }
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return {
    roots,
    lineOf(node) {
      const start = starts.get(node);
      if (start === undefined) return undefined;
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lineStarts[mid] <= start) lo = mid; else hi = mid - 1;
      }
      return lo + 1;
    },
  };
}

/** The root element of a parsed document (declarations, comments and whitespace skipped). */
export function rootElement(doc: XmlDocument): XmlNode | undefined {
  return doc.roots.find((node) => {
    const tag = tagOf(node);
    return tag !== undefined && !tag.startsWith('?') && !tag.startsWith('!');
  });
}

/** The tag name of an element node, or undefined for text, CDATA and comments. */
export function tagOf(node: XmlNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@' && !key.startsWith('#'));
}

/** Local name without namespace prefix ('mda:meta' -> 'meta'). */
export function localName(tag: string): string {
  return tag.slice(tag.indexOf(':') + 1);
}

export function childNodes(node: XmlNode): XmlNode[] {
  const tag = tagOf(node);
  return tag ? ((node[tag] as XmlNode[]) ?? []) : [];
}

/** Child elements whose local name is `name` (namespace prefixes ignored). */
export function children(node: XmlNode, name: string): XmlNode[] {
  return childNodes(node).filter((child) => {
    const tag = tagOf(child);
    return tag !== undefined && localName(tag) === name;
  });
}

export function child(node: XmlNode, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

export function attr(node: XmlNode, name: string): string | undefined {
  const attrs = node[':@'] as Record<string, string> | undefined;
  return attrs?.[name];
}

/** Options of textOf. */
export interface TextOptions {
  /** Elements whose content is dropped (native codes, e.g. TMX <bpt>, <ph>). */
  skip?: string[];
  /**
   * Standalone placeholders (TMX and XLIFF <ph>) that stand for a line break, an image or a tag: one
   * between two letters or digits becomes a space, so "Lukashenko<ph type="lb"/>claimed" reads as two
   * words, not "Lukashenkoclaimed" (which no glossary term or TM lookup would find).
   */
  breaks?: string[];
}

const WORD_END = /[\p{L}\p{N}\p{M}]$/u;
const WORD_START = /^[\p{L}\p{N}]/u;

/**
 * The text of an element with inline markup resolved: `textOf(node, {skip: ['ph']})` drops the
 * content of the listed elements (native codes), `cp` turns XLIFF code points back into characters.
 */
export function textOf(node: XmlNode, options: TextOptions = {}): string {
  let out = '';
  let gap = false;
  const add = (text: string) => {
    if (gap && text && WORD_START.test(text) && WORD_END.test(out)) out += ' ';
    gap = false;
    out += text;
  };
  const walk = (parent: XmlNode) => {
    for (const part of childNodes(parent)) {
      if ('#text' in part) add(String(part['#text']));
      else if ('#cdata' in part) add((part['#cdata'] as XmlNode[]).map((c) => String(c['#text'] ?? '')).join(''));
      else {
        const tag = tagOf(part);
        if (!tag) continue;
        const name = localName(tag);
        if (options.breaks?.includes(name)) gap = true;
        if (name === 'cp') {
          const code = Number.parseInt(attr(part, 'hex') ?? '', 16);
          if (code >= 0 && code <= 0x10FFFF) add(String.fromCodePoint(code)); // else not a code point: dropped
        } else if (!options.skip?.includes(name)) {
          walk(part);
        }
      }
    }
  };
  walk(node);
  return out;
}
