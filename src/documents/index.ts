// Documents: reading files (plain text, Markdown, HTML) into paragraphs with source offsets, and
// segmenting paragraphs into sentences.
export { decodeText, firstInvalidUtf8Byte, lineOfByte, utf16ByBom } from './decode.ts';
export { decodeHtml, declaredEncoding } from './charset.ts';
export { DocumentError, failureMessage, type DocumentErrorCode, type Failure } from './errors.ts';
export { ParagraphBuilder, toSourceEnd, toSourceOffset, type OffsetMap, type SourceParagraph } from './builder.ts';
export { readPlainText } from './text.ts';
export { readHtml } from './html.ts';
export { readMarkdown } from './markdown.ts';
export { DEFAULT_LIMITS, decodeDocument, formatOf, parseDocument, readDocument, type ReadDocument, type ReadLimits } from './read.ts';
export { splitSentences, type Span } from './segment.ts';
export { hasWords, segmentParagraphs, type RawSentence } from './sentences.ts';
