// Markdown: CommonMark through mdast-util-from-markdown, which gives every node its source offsets.
// Paragraphs, headings, list items, quotes and table cells (GFM tables) become paragraphs; code blocks are not
// prose and are dropped; HTML blocks are read as HTML (an export from a CMS keeps its <figure> and
// <p> there); link text and image descriptions are kept, link targets and footnote labels are not. A YAML or TOML front
// matter block (Jekyll, Hugo, Obsidian exports) is metadata, not prose: it is left out, and its
// `date` becomes the document's date.
import { fromMarkdown } from 'mdast-util-from-markdown';
import YAML from 'yaml';
import { ParagraphBuilder, type SourceParagraph } from './builder.ts';
import { chromeKind, NOT_PROSE } from './chrome.ts';
import { readHtml } from './html.ts';
import { loneCrAsLf } from './line-ends.ts';
import { calendarDay } from './text.ts';

interface Node {
  type: string; value?: string; children?: Node[]; alt?: string | null;
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
const DROPPED = new Set(['code', 'yaml', 'toml', 'definition', 'thematicBreak']);
/** YAML (---) or TOML (+++) front matter at the very start of the file. */
const FRONT_MATTER = /^(?:---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)|\+\+\+[ \t]*\r?\n[\s\S]*?\r?\n\+\+\+)[ \t]*(?=\r?\n|$)/;
/**
 * Footnote references and the labels of their definitions ("text[^1].", "[^1]: The note."), which
 * CommonMark leaves as text (footnotes are an extension): the note is prose, its label is not.
 */
const FOOTNOTE_LABEL = /\[\^[^\]\s]+\](?::[ \t]*)?/g;
/** A character reference that ends a text node (&raquo;, &#x2014;): the node's last character is that wide in the source. */
const ENTITY_AT_END = /&(?:#x[\da-f]+|#\d+|[a-z][a-z\d]*);$/i;
/** How far ahead a character of a node's value is looked for in its source (past "> ", indents, escapes). */
const LOOK_AHEAD = 40;

export function readMarkdown(text: string): { date?: string; paragraphs: SourceParagraph[] } {
  const source = loneCrAsLf(text);
  const front = FRONT_MATTER.exec(source);
  // Blanked rather than cut, so that every offset still counts from the file's start.
  const body = front ? ' '.repeat(front[0].length) + source.slice(front[0].length) : source;
  const builder = new ParagraphBuilder();
  const block = (node: Node, before?: Node): void => {
    if (node.type === 'code' && before && footnoteGoesOn(body, node, before)) {
      builder.close(); appendValue(builder, body, node, node.value ?? '', 0); builder.close(); return;
    }
    if (DROPPED.has(node.type)) return;
    if (node.type === 'html') return appendHtml(builder, body, node);
    if (node.type === 'paragraph' && appendTable(builder, body, node)) return;
    if (TEXT_BLOCKS.has(node.type)) { builder.close(); appendInline(builder, body, node, 0); builder.close(); return; }
    node.children?.forEach((child, k, all) => block(child, all[k - 1]));
  };
  block(fromMarkdown(body) as Node);
  builder.close();
  const date = front?.[1] === undefined ? undefined : frontMatterDate(front[1]);
  return date ? { date, paragraphs: builder.paragraphs } : { paragraphs: builder.paragraphs };
}

/**
 * Whether an indented code block is a footnote's next paragraph: CommonMark has no footnotes, so the
 * indented paragraph under "[^1]: The note." reads as code, and the note lost all but its first.
 */
function footnoteGoesOn(source: string, code: Node, before: Node): boolean {
  const at = (n: Node) => n.position?.start.offset ?? 0;
  return before.type === 'paragraph' && FOOTNOTE_DEFINITION.test(source.slice(at(before), at(before) + 80))
    && /^[ \t]/.test(source.slice(source.lastIndexOf('\n', at(code)) + 1, at(code) + 1));
}
const FOOTNOTE_DEFINITION = /^\[\^[^\]\s]+\]:/;

/** An inline HTML tag: closing slash, name, attributes, self-closing slash. */
const TAG = /^<(\/?)([a-z][\w-]*)\b([^>]*?)(\/?)>$/i;
const ATTRIBUTE = /([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

/**
 * Whether an inline tag opens an element whose words are no prose: a <script> or <style>, or chrome
 * as the HTML reader sees it (<span class="sr-only">, a hidden <span>).
 */
function dropsContent(name: string, attributes: string): boolean {
  if (NOT_PROSE.has(name)) return true;
  if (!attributes.trim()) return false;
  const attribs: Record<string, string> = {};
  for (const m of attributes.matchAll(ATTRIBUTE)) attribs[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  return chromeKind(name, attribs, { inSection: true, inArticle: true }) !== undefined;
}

/**
 * Appends the text of a node's inline content; `text` is what its offsets count in, from `base`.
 * `skip` holds the name of an inline element open now whose words are left out (see dropsContent),
 * and how many elements of that name are open inside it.
 */
function appendInline(builder: ParagraphBuilder, text: string, node: Node, base: number, skip = { until: '', depth: 0 }): void {
  for (const child of node.children ?? []) {
    if (child.type === 'html') {
      const tag = TAG.exec(child.value ?? '');
      const name = tag?.[2].toLowerCase() ?? '';
      if (!tag || tag[4]) { if (!skip.until) inlineHtml(builder, child.value ?? ''); continue; }
      if (skip.until) {
        if (name === skip.until && !tag[1]) skip.depth++;
        else if (name === skip.until && --skip.depth === 0) skip.until = '';
      } else if (!tag[1] && dropsContent(name, tag[3])) { skip.until = name; skip.depth = 1; }
      else inlineHtml(builder, child.value ?? '');
    } else if (skip.until) continue;
    else if (child.type === 'text') appendValue(builder, text, child, (child.value ?? '').replace(FOOTNOTE_LABEL, ''), base);
    else if (child.type === 'inlineCode') appendValue(builder, text, child, child.value ?? '', base);
    else if (child.type === 'image') appendValue(builder, text, child, child.alt ?? '', base);
    else if (child.type === 'break') builder.lineBreak();
    else appendInline(builder, text, child, base, skip);
  }
}

/**
 * Appends a node's text with offsets into the source. The value differs from the source where the
 * parser removed quote markers and indents of continued lines, escapes or entities: each character is
 * then found a little further on in the source, so a sentence on a quote's second line still maps to it.
 */
function appendValue(builder: ParagraphBuilder, source: string, node: Node, value: string, base: number): void {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  if (source.slice(start, end) === value) return builder.append(value, base + start);
  let from = 0; // start of the current run in value
  let at = start; // where value[from] is in the source
  let next = start; // where the next character is looked for
  for (let i = 0; i < value.length; i++) {
    const found = source.slice(next, Math.min(end, next + LOOK_AHEAD)).indexOf(value[i]);
    const here = found < 0 ? next : next + found;
    if (i > from && here !== at + (i - from)) { builder.append(value.slice(from, i), base + at); from = i; at = here; }
    if (i === from) at = here;
    next = found < 0 ? next : here + 1;
  }
  // A text whose last characters were an entity (&raquo;) ends where the node does, not one past its '&'.
  const entityLast = node.type === 'text' && ENTITY_AT_END.test(source.slice(Math.max(start, end - 40), end));
  if (value.length > from) builder.append(value.slice(from), base + at, entityLast ? base + end : base + at + value.length - from);
}

/** Inline HTML tags that separate words: a line break, an image, a table cell's or a paragraph's edge. */
const BREAK_TAG = /^<br\b/i;
const SEPARATING_TAG = /^<\/?(?:img|input|p|div|td|th|li|tr)\b/i;

/** Inline HTML in Markdown ("5,000<br>3,000", a table cell's <br>): tags are dropped, but not the break they make. */
function inlineHtml(builder: ParagraphBuilder, tag: string): void {
  if (BREAK_TAG.test(tag)) builder.lineBreak();
  else if (SEPARATING_TAG.test(tag)) builder.separate();
}

/** A GFM table's delimiter row: | --- | :--: | ---: | */
const DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*\r?$/;
/** A block quote's markers at a continued line's start (a paragraph's line never starts with ">" otherwise). */
const QUOTE_MARKERS = /^[ \t]*(?:>[ \t]?)+/;
/** Cell separators: pipes not escaped with a backslash. */
const CELL_PIPE = /(?<!\\)\|/g;

/**
 * A GFM table, which CommonMark reads as one paragraph of pipes: each cell becomes a paragraph, its
 * inline Markdown (emphasis, links) parsed as a paragraph's is. Returns false when the paragraph is no
 * table (its second line is not a delimiter row).
 */
function appendTable(builder: ParagraphBuilder, source: string, node: Node): boolean {
  const start = node.position?.start.offset ?? 0;
  const text = source.slice(start, node.position?.end.offset ?? start);
  if (!text.includes('|')) return false; // nearly every paragraph: not split into lines to find that out
  const lines = text.split('\n');
  // Lines after the first keep a quote's markers ("> "): blanked, so cells and offsets are those of the table.
  for (let k = 1; k < lines.length; k++) lines[k] = lines[k].replace(QUOTE_MARKERS, (m) => ' '.repeat(m.length));
  if (lines.length < 2 || !lines[0].includes('|') || !DELIMITER_ROW.test(lines[1]) || !lines[1].includes('|')) return false;
  let at = start;
  for (const [k, line] of lines.entries()) {
    if (k !== 1) {
      let from = 0;
      for (const pipe of [...line.matchAll(CELL_PIPE)].map((m) => m.index!).concat(line.length)) {
        const cell = line.slice(from, pipe);
        if (cell.trim()) {
          builder.close();
          const parsed = fromMarkdown(cell) as Node;
          for (const paragraph of parsed.children ?? []) appendInline(builder, cell, paragraph, at + from);
          builder.close();
        }
        from = pipe + 1;
      }
    }
    at += line.length + 1;
  }
  return true;
}

/**
 * An HTML block, read by the HTML reader, its paragraphs' offsets moved to where the block starts.
 * In a quote or list the parser took the markers ("> ", an indent) off each line of the value: the
 * block's source is read instead, those markers blanked, so that its offsets still count in the file.
 */
function appendHtml(builder: ParagraphBuilder, source: string, node: Node): void {
  const start = node.position?.start.offset ?? 0;
  const html = blankMarkers(source.slice(start, node.position?.end.offset ?? start), node.value ?? '');
  if (html === undefined) return; // lines that are no suffix of their source (a tab the parser expanded): offsets would not hold
  builder.close();
  const moved = (map: Array<[number, number]>) => map.map(([t, s]): [number, number] => [t, s + start]);
  for (const p of readHtml(html).paragraphs) {
    const paragraph: SourceParagraph = { index: builder.paragraphs.length, text: p.text, start: p.start + start, end: p.end + start };
    if (p.map) paragraph.map = moved(p.map);
    if (p.ends) paragraph.ends = moved(p.ends);
    builder.paragraphs.push(paragraph);
  }
}

/** The source of a block with each line's container markers turned into spaces, when each line of the value ends its line. */
function blankMarkers(slice: string, value: string): string | undefined {
  if (slice === value) return slice;
  const lines = slice.split('\n');
  const values = value.split('\n');
  if (lines.length !== values.length) return undefined;
  for (let k = 0; k < lines.length; k++) {
    if (!lines[k].endsWith(values[k])) return undefined;
    lines[k] = ' '.repeat(lines[k].length - values[k].length) + values[k];
  }
  return lines.join('\n');
}

/** The front matter's `date` (a YAML date or date-time) as YYYY-MM-DD, when it names a calendar day. */
function frontMatterDate(yaml: string): string | undefined {
  let data: unknown;
  try { data = YAML.parse(yaml); } catch { return undefined; } // broken metadata never fails the document
  const raw = data && typeof data === 'object' ? (data as Record<string, unknown>).date : undefined;
  return calendarDay(raw instanceof Date ? raw.toISOString() : typeof raw === 'string' ? raw : undefined);
}
