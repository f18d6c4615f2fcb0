// `tandem check`: CI's glossary gate over aligned output. Reads the glossaries and the segment files,
// runs the rules, writes one report, and says with its exit code whether the build should fail.
import { writeFile } from 'node:fs/promises';
import { runCheck, InputError, RULES, type ReportFormat, type RuleId, type Severity } from '../../check/index.ts';
import { TOOL_VERSION } from '../../export/index.ts';
import { t } from '../../i18n/index.ts';
import { parseCommandArgs } from '../args.ts';
import { UsageError } from '../errors.ts';
import type { Command } from '../main.ts';

const FORMATS: ReportFormat[] = ['text', 'json', 'sarif', 'junit'];
const LEVELS: Severity[] = ['error', 'warning'];

const command: Command = async (argv) => {
  const { values, positionals } = parseCommandArgs(argv, {
    glossary: { type: 'string', short: 'g', multiple: true },
    format: { type: 'string', short: 'f', default: 'text' },
    'fail-on': { type: 'string', default: 'error' },
    output: { type: 'string', short: 'o' },
    disable: { type: 'string', multiple: true },
    baseline: { type: 'string' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(t('check:usage') + '\n');
    return 0;
  }
  const format = values.format as ReportFormat;
  if (!FORMATS.includes(format)) throw new UsageError(t('check:error.badFormat', { format }));
  const failOn = values['fail-on'] as Severity;
  if (!LEVELS.includes(failOn)) throw new UsageError(t('check:error.badFailOn', { level: failOn }));
  const glossaries = values.glossary ?? [];
  if (!glossaries.length) throw new UsageError(t('check:error.noGlossary'));
  const disabled = (values.disable ?? []).flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean);
  for (const rule of disabled) if (!RULES.includes(rule as RuleId)) throw new UsageError(t('check:error.badRule', { rule }));

  const toFile = values.output !== undefined;
  const stream = process.stdout;
  const color = values['no-color'] ? false : values.color ? true
    : !toFile && Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
  const progress = !values.quiet && process.stderr.isTTY;
  let report: string;
  let failed: boolean;
  try {
    ({ report, failed } = await runCheck({
      glossaries, files: positionals, format, failOn, color, toolVersion: TOOL_VERSION,
      rules: RULES.filter((r) => !disabled.includes(r)), baseline: values.baseline,
      onProgress: progress ? (done, total) => process.stderr.write(`\r${t('check:progress', { done, total })}`) : undefined,
    }));
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write((progress ? '\r\x1b[K' : '') + error.message + '\n');
      return 2;
    }
    throw error;
  }
  if (progress) process.stderr.write('\r\x1b[K');
  if (toFile) {
    try {
      await writeFile(values.output!, report);
    } catch (error) {
      process.stderr.write(t('check:error.output', { file: values.output, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }) + '\n');
      return 2;
    }
  } else {
    stream.write(report);
  }
  return failed ? 1 : 0;
};
export default command;
