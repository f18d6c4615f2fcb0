// `tandem glossary lint|suggest|export`: glossary tools for editors and CI.
import { readFile, writeFile } from 'node:fs/promises';
import { decodeText, DocumentError } from '../../documents/index.ts';
import { decodeSegmentText, readSegments, segmentFilesOf } from '../../export/index.ts';
import {
  createMatcher, formatProblem, formatSuggestions, GlossaryError, lintGlossaries, loadGlossaries, suggestEntries, toTbx,
} from '../../glossary/index.ts';
import { t } from '../../i18n/index.ts';
import type { Glossary, Segment } from '../../types.ts';
import { parseCommandArgs } from '../args.ts';
import { UsageError } from '../errors.ts';
import type { Command } from '../main.ts';

const command: Command = async (argv) => {
  const [sub, ...rest] = argv;
  if (!sub || sub === '--help' || sub === '-h') { process.stdout.write(t('glossary:glossaryUsage') + '\n'); return sub ? 0 : 2; }
  if (sub === 'lint') return lint(rest);
  if (sub === 'suggest') return suggest(rest);
  if (sub === 'export') return exportTbx(rest);
  throw new UsageError(t('glossary:unknownSub', { name: sub }));
};

/**
 * Files as text, or 2 after saying on stderr which one is bad (and where). Glossaries are decoded as
 * they load for a run (UTF-8, or UTF-16 by its BOM); segment files as their readers decode them
 * (an XML file may declare a legacy encoding).
 */
async function readInputs(paths: string[], decode: (bytes: Buffer, path: string) => string = decodeText):
  Promise<Array<{ path: string; text: string }> | number> {
  const out = [];
  for (const path of paths) {
    let bytes: Buffer;
    try { bytes = await readFile(path); } catch (error) {
      process.stderr.write(`${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? t('glossary:errors.noFile') : (error as Error).message}\n`);
      return 2;
    }
    try { out.push({ path, text: decode(bytes, path) }); } catch (error) {
      const { message, params } = error as DocumentError;
      process.stderr.write(error instanceof DocumentError ? `${path}${params.line ? `:${params.line}` : ''}: ${message}\n` : `${message}\n`);
      return 2;
    }
  }
  return out;
}

/** The glossaries merged, or undefined after saying on stderr which file is bad (and where). */
async function loadOrReport(paths: string[]): Promise<Glossary | undefined> {
  try { return await loadGlossaries(paths); } catch (error) {
    if (error instanceof GlossaryError) { process.stderr.write(error.message + '\n'); return undefined; }
    throw error;
  }
}

async function lint(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { format: { type: 'string', default: 'text' } });
  if (values.help) { process.stdout.write(t('glossary:lintUsage') + '\n'); return 0; }
  if (!positionals.length) throw new UsageError(t('glossary:needGlossaries'));
  const files = await readInputs(positionals);
  if (typeof files === 'number') return files;
  const { problems, entries } = lintGlossaries(files);
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (values.format === 'json') process.stdout.write(JSON.stringify({ entries, errors, warnings: problems.length - errors, problems }, null, 2) + '\n');
  else {
    for (const p of problems) process.stdout.write(formatProblem(p) + '\n');
    if (!values.quiet) {
      process.stdout.write((problems.length ? t('glossary:lintSummary', { errors, warnings: problems.length - errors })
        : t('glossary:lintClean', { files: positionals.join(', '), entries })) + '\n');
    }
  }
  return errors ? 1 : 0;
}

async function suggest(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    segments: { type: 'string', short: 's', multiple: true },
    glossary: { type: 'string', short: 'g', multiple: true },
    'min-count': { type: 'string', default: '1' },
  });
  if (values.help) { process.stdout.write(t('glossary:suggestUsage') + '\n'); return 0; }
  if (positionals.length !== 1) throw new UsageError(t('glossary:needOutput'));
  if (!values.segments?.length) throw new UsageError(t('glossary:needSegments'));
  const minCount = Number(values['min-count']);
  if (!Number.isInteger(minCount) || minCount < 1) throw new UsageError(t('glossary:badCount'));
  // A job's output folder stands for its segments.jsonl, as in `tandem check`.
  let files: string[];
  try { files = await segmentFilesOf(values.segments); } catch (error) {
    process.stderr.write((error as Error).message + '\n');
    return 2;
  }
  const inputs = await readInputs(files, decodeSegmentText);
  if (typeof inputs === 'number') return inputs;
  const segments: Segment[] = [];
  try {
    for (const { path, text } of inputs) segments.push(...readSegments(text, path));
  } catch (error) {
    process.stderr.write((error as Error).message + '\n');
    return 2;
  }
  let matcher;
  if (values.glossary?.length) {
    const glossary = await loadOrReport(values.glossary);
    if (!glossary) return 2;
    matcher = createMatcher(glossary);
  }
  const output = positionals[0];
  const suggestions = suggestEntries(segments, { matcher, minCount });
  await writeFile(output, formatSuggestions(suggestions, /\.(tbx|xml)$/i.test(output) ? 'tbx' : 'yaml'));
  if (!values.quiet) process.stderr.write(t('glossary:suggested', { count: suggestions.length, file: output }) + '\n');
  return 0;
}

async function exportTbx(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { output: { type: 'string', short: 'o' } });
  if (values.help) { process.stdout.write(t('glossary:exportUsage') + '\n'); return 0; }
  if (!positionals.length) throw new UsageError(t('glossary:needGlossaries'));
  if (!values.output) throw new UsageError(t('glossary:needOutput'));
  const glossary = await loadOrReport(positionals);
  if (!glossary) return 2;
  await writeFile(values.output, toTbx(glossary.entries, { title: positionals.join(', ') }));
  if (!values.quiet) process.stderr.write(t('glossary:exported', { entries: glossary.entries.length, file: values.output }) + '\n');
  return 0;
}

export default command;
