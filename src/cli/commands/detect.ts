// `tandem detect [FILE...]`: the language of each paragraph, sentence or line, as JSONL or text.
// I/O only; the decisions are made in src/language.
import { readFile } from 'node:fs/promises';
// decode.ts rather than the documents index: line units must not pay for loading the HTML and
// Markdown readers (see npm run bench:lid).
import { decodeText } from '../../documents/decode.ts';
import { t } from '../../i18n/index.ts';
import type { Command } from '../main.ts';
import { parseCommandArgs } from '../args.ts';
import { UsageError } from '../errors.ts';
import { detectLines, detectParagraphs, USUAL_LANGUAGES, type DetectOptions } from '../../language/index.ts';
import type { Detection } from '../../types.ts';
import type { SourceParagraph, toSourceEnd, toSourceOffset } from '../../documents/index.ts';

type Unit = 'paragraph' | 'sentence' | 'line';
type Format = 'jsonl' | 'text';

interface Input { name?: string; text: string }
/** One output record: where the unit is, and its detection. */
type Record_ = { file?: string; text?: string } & Record<string, unknown> & Detection;

const command: Command = async (argv) => {
  const { values, positionals } = parseCommandArgs(argv, {
    languages: { type: 'string' }, unit: { type: 'string' }, format: { type: 'string' }, outside: { type: 'string' },
  });
  if (values.help) { process.stdout.write(t('detect:usage') + '\n'); return 0; }
  const unit = oneOf<Unit>(values.unit ?? 'paragraph', ['paragraph', 'sentence', 'line'], 'detect:badUnit');
  const format = oneOf<Format>(values.format ?? 'jsonl', ['jsonl', 'text'], 'detect:badFormat');
  const outside = oneOf<'und' | 'code'>(values.outside ?? 'und', ['und', 'code'], 'detect:badOutside');
  const options: DetectOptions = { languages: parseLanguages(values.languages), outside };

  let failed = false;
  const inputs: Input[] = [];
  // Paragraph and sentence units read files as documents (HTML and Markdown markup stripped, an HTML
  // page in the charset it declares); line units take lines as they are and need not load the readers.
  const documents = unit === 'line' ? undefined : await import('../../documents/index.ts');
  // No file: standard input, checked like a file (binary or invalid UTF-8 refused with its byte).
  for (const file of positionals.length ? positionals : [undefined]) {
    try {
      const bytes = file === undefined ? await readStdin() : await readBytes(file);
      inputs.push({ name: file, text: documents && file ? documents.decodeDocument(bytes, file) : decodeText(bytes) });
    } catch (error) {
      failed = true;
      process.stderr.write(t('detect:fileError', { file: file ?? '<stdin>', reason: (error as Error).message }) + '\n');
    }
  }
  const tty = process.stderr.isTTY && !values.quiet && inputs.length > 1;
  const out: string[] = [];
  const flush = () => { if (out.length) process.stdout.write(out.join('')); out.length = 0; };
  const paragraphsOf = (input: Input) => documents!.parseDocument(input.text, input.name ?? '-', input.name ?? '-.txt').paragraphs;
  inputs.forEach((input, i) => {
    for (const record of detectInput(input, unit, options, paragraphsOf, documents && { start: documents.toSourceOffset, end: documents.toSourceEnd })) {
      out.push(format === 'jsonl' ? JSON.stringify(record) + '\n' : asText(record, unit) + '\n');
      if (out.length >= 4096) flush();
    }
    if (tty) process.stderr.write(`\r${t('detect:progress', { done: i + 1, total: inputs.length })}`);
  });
  flush();
  if (tty) process.stderr.write('\n');
  return failed ? 2 : 0;
};
export default command;

type Paragraphs = (input: Input) => SourceParagraph[];

/** `toSource`: the documents stage's maps from offsets in a paragraph's text to those in the file. */
function detectInput(input: Input, unit: Unit, options: DetectOptions, paragraphsOf: Paragraphs,
  toSource?: { start: typeof toSourceOffset; end: typeof toSourceEnd }): Record_[] {
  const file = input.name ? { file: input.name } : {};
  if (unit === 'line') {
    const lines = input.text.split(/\r?\n/);
    if (lines.at(-1) === '') lines.pop(); // the newline that ends the last line opens no new one
    return detectLines(lines, options).map((d, i) => (input.name ? { file: input.name, line: i + 1, lang: d.lang, confidence: d.confidence }
      : { line: i + 1, lang: d.lang, confidence: d.confidence }));
  }
  const paragraphs = paragraphsOf(input);
  const detections = detectParagraphs(paragraphs.map((p) => p.text), options);
  if (unit === 'paragraph') {
    return detections.map((d, i) => ({ ...file, paragraph: i + 1, start: paragraphs[i].start, end: paragraphs[i].end,
      lang: d.lang, confidence: d.confidence, ...(d.mixed ? { mixed: true, spans: d.spans } : {}) }));
  }
  // Through the paragraph's offset map, as segmentParagraphs does: markup, wrapped lines and CRLF make
  // the paragraph's text and the file differ in length.
  return detections.flatMap((d, i) => d.sentences.map((s, j) => ({ ...file, paragraph: i + 1, sentence: j + 1,
    start: toSource!.start(paragraphs[i], s.start), end: toSource!.end(paragraphs[i], s.end), text: s.text, lang: s.lang, confidence: s.confidence,
    ...(s.mixed ? { mixed: true, spans: s.spans } : {}) })));
}

function asText(r: Record_, unit: Unit): string {
  const head = `${r.lang}\t${r.confidence.toFixed(2)}`;
  if (unit === 'line') return head;
  const spans = r.mixed ? `\t${t('detect:mixed')}: ${r.spans!.map((s) => `${s.lang}@${s.start}-${s.end}`).join(' ')}` : '';
  const where = `${r.file ? r.file + ':' : ''}${r.paragraph}${unit === 'sentence' ? '.' + r.sentence : ''}`;
  return `${where}\t${head}${spans}`;
}

function oneOf<T extends string>(value: string, allowed: T[], message: string): T {
  if (!allowed.includes(value as T)) throw new UsageError(t(message, { value }));
  return value as T;
}

function parseLanguages(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return USUAL_LANGUAGES;
  if (raw === 'any') return undefined;
  const langs = raw.split(',').map((l) => l.trim().toLowerCase()).filter(Boolean);
  for (const l of langs) if (!/^[a-z]{2,3}$/.test(l)) throw new UsageError(t('detect:badLanguage', { value: l }));
  if (!langs.length) throw new UsageError(t('detect:badLanguage', { value: raw }));
  return langs;
}

async function readBytes(file: string): Promise<Buffer> {
  try { return await readFile(file); } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? t('detect:notFound') : code === 'EISDIR' ? t('detect:isDirectory') : code ?? String(error));
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
