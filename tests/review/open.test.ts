// What review and apply-review take from the command line: a job file's glossaries, found as the
// pipeline finds them.
import { describe, expect, it } from 'vitest';
import { glossaryOf } from '../../src/review/open.ts';
import { UsageError } from '../../src/cli/errors.ts';

const REPO = new URL('../..', import.meta.url).pathname;

describe('review glossaries', () => {
  it("loads the job's glossaries, and none without --job or --glossary", async () => {
    const glossary = await glossaryOf({ job: `${REPO}pipeline/default.job.yaml` });
    expect(glossary?.entries.map((e) => e.id)).toContain('tsikhanouskaya');
    expect(await glossaryOf({})).toBeUndefined();
  });

  it('refuses a glossary that is not there as a usage error', async () => {
    await expect(glossaryOf({ glossary: [`${REPO}glossaries/missing.yaml`] })).rejects.toThrow(UsageError);
  });
});
