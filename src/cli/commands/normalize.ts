// `tandem normalize FILE --glossary G...`: glossary mentions and house-style rewrites, per paragraph.
import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { DocumentError, readDocument } from '../../documents/index.ts';
import { createMatcher, GlossaryError, loadGlossaries, normalizeParagraphs } from '../../glossary/index.ts';
import { t } from '../../i18n/index.ts';
import { parseCommandArgs } from '../args.ts';
import { UsageError } from '../errors.ts';
import type { Command } from '../main.ts';

const FORMATS = ['jsonl', 'text'];

const command: Command = async (argv) => {
  const { values, positionals } = parseCommandArgs(argv, {
    glossary: { type: 'string', short: 'g', multiple: true },
    format: { type: 'string', short: 'f', default: 'jsonl' },
    'doc-lang': { type: 'string' },
    output: { type: 'string', short: 'o' },
  });
  if (values.help) { process.stdout.write(t('glossary:normalizeUsage') + '\n'); return 0; }
  if (positionals.length !== 1) throw new UsageError(t('glossary:needFile'));
  if (!values.glossary?.length) throw new UsageError(t('glossary:needGlossary'));
  if (!FORMATS.includes(values.format!)) throw new UsageError(t('glossary:badFormat', { allowed: FORMATS.join(', '), format: values.format }));
  const file = positionals[0];
  let glossary, doc;
  try {
    glossary = await loadGlossaries(values.glossary);
    doc = await readDocument(file, relative(process.cwd(), file));
  } catch (error) {
    if (error instanceof GlossaryError) return fail(error.message);
    if (error instanceof DocumentError) return fail(`${file}: ${error.message}`);
    throw error;
  }
  const matcher = createMatcher(glossary);
  const paragraphs = normalizeParagraphs(doc.paragraphs.map((p) => p.text), matcher, glossary,
    { lang: values['doc-lang'], languages: glossary.meta?.languages });
  const out = values.format === 'text'
    ? paragraphs.map((p) => p.text).join('\n\n') + '\n'
    : paragraphs.map((p) => JSON.stringify(p)).join('\n') + '\n';
  if (values.output) await writeFile(values.output, out); else process.stdout.write(out);
  if (!values.quiet && process.stderr.isTTY) {
    const count = (key: 'matches' | 'changes') => paragraphs.reduce((n, p) => n + p[key].length, 0);
    process.stderr.write(t('glossary:summary', { paragraphs: paragraphs.length, matches: count('matches'), changes: count('changes') }) + '\n');
  }
  return 0;
};

/** A bad input file: one line naming it, exit code 2. */
function fail(message: string): number {
  process.stderr.write(message + '\n');
  return 2;
}

export default command;
