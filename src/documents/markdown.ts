// Markdown: CommonMark through mdast-util-from-markdown, which gives every node its source offsets.
// Paragraphs, headings, list items, quotes and table cells become paragraphs; code blocks and raw
// HTML are not prose and are dropped; link text is kept, link targets are not.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { ParagraphBuilder, type SourceParagraph } from './builder.ts';

interface Node { type: string; value?: string; children?: Node[]; alt?: string; position?: { start: { offset?: number } } }

const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
const DROPPED = new Set(['code', 'html', 'yaml', 'toml', 'definition', 'thematicBreak']);

export function readMarkdown(source: string): { paragraphs: SourceParagraph[] } {
  const builder = new ParagraphBuilder();
  const inline = (node: Node): void => {
    if (node.type === 'text' || node.type === 'inlineCode') {
      // Escapes and entities make the value differ from its source slice; the start offset still holds.
      builder.append(node.value ?? '', node.position?.start.offset ?? 0);
    } else if (node.type === 'break') builder.separate();
    else if (node.type !== 'html') node.children?.forEach(inline);
  };
  const block = (node: Node): void => {
    if (DROPPED.has(node.type)) return;
    if (TEXT_BLOCKS.has(node.type)) { builder.close(); node.children?.forEach(inline); builder.close(); return; }
    node.children?.forEach(block);
  };
  block(fromMarkdown(source) as Node);
  builder.close();
  return { paragraphs: builder.paragraphs };
}
