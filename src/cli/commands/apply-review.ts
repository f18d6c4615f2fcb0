// `tandem apply-review OUTPUT_DIR`: writes the reviewed outputs into the job folder.
import { t } from '../../i18n/index.ts';
import { applyReview } from '../../review/apply.ts';
import { glossaryOf, jobDirOf, matchTermsOf, openSession } from '../../review/open.ts';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../main.ts';

const command: Command = async (argv) => {
  const { values, positionals } = parseCommandArgs(argv, {
    glossary: { type: 'string', multiple: true },
    job: { type: 'string' },
  });
  if (values.help) { process.stdout.write(t('review:applyUsage') + '\n'); return 0; }
  const jobDir = await jobDirOf(positionals);
  // Edited targets are matched against the glossary again, as the page did while reviewing.
  const glossary = await glossaryOf(values);
  const matchTerms = matchTermsOf(glossary);
  // Opened once first so that a bad review or segments file is reported as bad input (exit 2).
  await (await openSession(jobDir, { matchTerms })).close();
  const summary = await applyReview(jobDir, { matchTerms, glossary });
  for (const warning of summary.warnings) process.stderr.write(warning + '\n');
  if (!values.quiet) process.stdout.write(t('review:applied', { ...summary, files: summary.files.join(', ') }) + '\n');
  return 0;
};

export default command;
