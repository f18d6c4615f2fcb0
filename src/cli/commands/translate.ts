// `tandem translate FILE --to LANG [--provider ...]`: fills empty targets of a segments.jsonl, or
// translates a document sentence by sentence, with the providers in the order given.
// `tandem translate lookup TEXT --memory M --from L --to L`: shows translation-memory matches.
import { readFile, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { DocumentError, readDocument, segmentParagraphs } from '../../documents/index.ts';
import { decodeSegmentText, detectFormat, readSegments, segmentFilesOf, segmentsToJsonl } from '../../export/index.ts';
import { createMatcher, GlossaryError, loadGlossaries } from '../../glossary/index.ts';
import { t } from '../../i18n/index.ts';
import { documentLanguage, scanDocument, USUAL_LANGUAGES } from '../../language/index.ts';
import { createProviderChain, fillTargets, loadMemories, ProviderConfigError, PROVIDER_TYPES, tmProvider, type ProviderConfig } from '../../translate/index.ts';
import type { Glossary, Segment } from '../../types.ts';
import { parseCommandArgs } from '../args.ts';
import { UsageError } from '../errors.ts';
import type { Command } from '../main.ts';

const OPTIONS = {
  from: { type: 'string' }, to: { type: 'string' },
  provider: { type: 'string', short: 'p', multiple: true },
  memory: { type: 'string', short: 'm', multiple: true },
  glossary: { type: 'string', short: 'g', multiple: true },
  'min-match': { type: 'string' },
  protocol: { type: 'string' }, model: { type: 'string' }, endpoint: { type: 'string' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  limit: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseCommandArgs<typeof OPTIONS>>['values'];

function minMatchOf(values: Values): number | undefined {
  if (values['min-match'] === undefined) return undefined;
  const n = Number(values['min-match']);
  if (!Number.isFinite(n) || n < 1 || n > 100) throw new UsageError(t('translate:badMinMatch'));
  return n;
}

/** Provider settings from the command line, in the order given (default: tm, then glossary). */
function providerConfigs(values: Values, hasGlossary: boolean): ProviderConfig[] {
  const types = values.provider?.length ? values.provider : [...(values.memory?.length ? ['tm'] : []), ...(hasGlossary ? ['glossary'] : [])];
  if (!types.length) throw new UsageError(t('translate:needProvider'));
  return types.map((type) => {
    if (!(PROVIDER_TYPES as readonly string[]).includes(type)) throw new UsageError(t('translate:unknownProvider', { type, known: PROVIDER_TYPES.join(', ') }));
    if (type === 'tm') {
      if (!values.memory?.length) throw new UsageError(t('translate:needMemory'));
      const minMatch = minMatchOf(values);
      return { type, memories: values.memory, ...(minMatch ? { minMatch } : {}) };
    }
    if (type === 'http') {
      if (!values.protocol) throw new UsageError(t('translate:needProtocol'));
      return { type, protocol: values.protocol, ...(values.model ? { model: values.model } : {}), ...(values.endpoint ? { endpoint: values.endpoint } : {}) };
    }
    return { type };
  });
}

/** Segments to fill: a tandem segments.jsonl as it is, or a document split into sentences. */
async function readInput(input: string, from: string | undefined): Promise<{ segments: Segment[]; jsonl: boolean }> {
  const file = await oneSegmentFile(input);
  let bytes: Buffer;
  try { bytes = await readFile(file); } catch { throw new InputFailure(t('translate:unreadable', { file })); }
  let text: string | undefined;
  try { text = decodeSegmentText(bytes, file); } catch { /* no segment file: read as a document, whose reader names the problem */ }
  // A segment file (JSONL, TSV, TMX, XLIFF: told by content, as `check` does) is filled as it is; an
  // XLIFF file was read as a plain-text document before, its markup "translated" line by line.
  if (text !== undefined && detectFormat(text)) {
    try { return { segments: readSegments(text, file), jsonl: true }; } catch (error) { throw new InputFailure((error as Error).message); }
  }
  try {
    const doc = await readDocument(file, relative(process.cwd(), file));
    // Cut once, as `tandem run` cuts a document before it knows its language. Without --from, the
    // language is the one `tandem run` names: among tandem's usual four first, a text clearly in
    // another by its own code.
    const sentences = segmentParagraphs(doc.paragraphs, from);
    const lang = from ?? documentLanguage(scanDocument(sentences, USUAL_LANGUAGES));
    if (lang === 'und') throw new UsageError(t('translate:needFrom'));
    return { jsonl: false, segments: sentences.map((s) => ({ doc: doc.id, id: s.id, src: { lang, text: s.text }, tgt: null, terms: [], score: null })) };
  } catch (error) {
    if (error instanceof DocumentError) throw new InputFailure(`${file}: ${error.message}`);
    throw error;
  }
}

class InputFailure extends Error {}

/**
 * The file to fill: a file as it is; a job's output folder stands for its segments.jsonl, as in
 * `tandem check` (export's segmentFilesOf). A folder of several segment files is refused: one is filled.
 */
async function oneSegmentFile(input: string): Promise<string> {
  let files: string[];
  try { files = await segmentFilesOf([input]); } catch (error) { throw new InputFailure((error as Error).message); }
  if (files.length !== 1) throw new InputFailure(t('translate:severalFiles', { dir: input, count: files.length }));
  return files[0];
}

/** Text output: each paragraph's sentences, translated where a provider answered. */
function asText(segments: Segment[]): string {
  const paragraphs = new Map<string, string[]>();
  for (const s of segments) {
    const para = s.id.split('.')[0], text = s.tgt?.text ?? s.src.text;
    const sentences = paragraphs.get(para);
    if (sentences) sentences.push(text); else paragraphs.set(para, [text]);
  }
  return [...paragraphs.values()].map((p) => p.join(' ')).join('\n\n') + '\n';
}

async function lookup(values: Values, positionals: string[]): Promise<number> {
  const text = positionals.join(' ').trim();
  if (!text) throw new UsageError(t('translate:needText'));
  if (!values.memory?.length) throw new UsageError(t('translate:needMemory'));
  if (!values.from || !values.to) throw new UsageError(t('translate:needLangs'));
  const units = await loadMemories({ type: 'tm', memories: values.memory }, {});
  const limit = Number(values.limit ?? 5);
  const tm = tmProvider(units, { minMatch: minMatchOf(values) ?? 50, candidates: Math.max(limit, 8) });
  const match = tm.lookup({ id: 'q', text, srcLang: values.from, tgtLang: values.to });
  if (values.format === 'json') { process.stdout.write(JSON.stringify(match) + '\n'); return match ? 0 : 1; }
  if (!match) { process.stdout.write(t('translate:noMatch', { entries: units.length }) + '\n'); return 1; }
  process.stdout.write(`${match.percent}%  ${match.entry.source}\n      ${match.target}\n      ${match.entry.ref ?? ''}\n`);
  return 0;
}

const command: Command = async (argv) => {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  if (values.help) { process.stdout.write(t('translate:usage') + '\n'); return 0; }
  try {
    if (positionals[0] === 'lookup') return await lookup(values, positionals.slice(1));
    if (positionals.length !== 1) throw new UsageError(t('translate:needFile'));
    if (!values.to) throw new UsageError(t('translate:needTo'));
    const format = values.format ?? 'jsonl';
    if (format !== 'jsonl' && format !== 'text') throw new UsageError(t('translate:badFormat', { format }));
    let glossary: Glossary | undefined;
    if (values.glossary?.length) glossary = await loadGlossaries(values.glossary);
    const matcher = glossary ? createMatcher(glossary) : undefined;
    const provider = await createProviderChain(providerConfigs(values, !!glossary), { glossary, matcher });
    const { segments } = await readInput(positionals[0], values.from);
    const progress = !values.quiet && process.stderr.isTTY;
    const filled = await fillTargets(segments, provider, { tgtLang: values.to, matcher,
      onProgress: progress ? (done, total) => process.stderr.write(`\r${t('translate:progress', { done, total })}`) : undefined });
    await provider.close?.();
    if (progress) process.stderr.write('\n');
    const out = format === 'text' ? asText(filled) : segmentsToJsonl(filled);
    if (values.output) await writeFile(values.output, out); else process.stdout.write(out);
    if (!values.quiet) {
      const count = (o: string) => filled.filter((s, i) => !segments[i].tgt && s.origin === o).length;
      process.stderr.write(t('translate:summary', { total: segments.filter((s) => !s.tgt).length, tm: count('tm'), mt: count('mt'), glossary: count('glossary'),
        left: filled.filter((s) => !s.tgt).length }) + '\n');
    }
    return 0;
  } catch (error) {
    if (error instanceof InputFailure || error instanceof GlossaryError || error instanceof ProviderConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
};

export default command;
