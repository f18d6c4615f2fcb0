// HTML: markup stripped, one paragraph per block element (p, li, h1-h6, td, blockquote, ...), text of
// script/style/template/title dropped, entities decoded. htmlparser2 is fast, forgiving with broken markup
// and reports source positions, which the offsets of every sentence are traced back to.
import { Parser } from 'htmlparser2';
import { ParagraphBuilder, type SourceParagraph } from './builder.ts';

const BLOCK = new Set(['address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul']);
const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'svg', 'math', 'title']);
const SEPARATING = new Set(['br', 'img', 'input', 'wbr']);

export function readHtml(source: string): { paragraphs: SourceParagraph[] } {
  const builder = new ParagraphBuilder();
  let skipping = 0;
  const parser = new Parser({
    onopentag(name) {
      if (SKIPPED.has(name)) skipping++;
      if (BLOCK.has(name)) builder.close();
      else if (SEPARATING.has(name)) builder.separate();
    },
    onclosetag(name) {
      if (SKIPPED.has(name)) skipping = Math.max(0, skipping - 1);
      if (BLOCK.has(name)) builder.close();
    },
    ontext(text) {
      if (skipping === 0) builder.append(text, parser.startIndex);
    },
  }, { decodeEntities: true, lowerCaseTags: true });
  parser.end(source);
  builder.close();
  return { paragraphs: builder.paragraphs };
}
