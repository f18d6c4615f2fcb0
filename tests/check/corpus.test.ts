// The planted-violation corpus: every violation listed in data/check/expected.json is found, and
// nothing else is reported (the other segments hold inflections, romanisations, namesakes, hashtags,
// links and short units that must not raise alarms).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCheck, type Violation } from '../../src/check/index.ts';
import { initI18n } from '../../src/i18n/index.ts';
import { EXPECTED, GLOSSARY, TMX, XLIFF } from './helpers.ts';

interface Planted { file: string; segment: string; rule: string; entry: string | null }
const key = (v: Planted) => `${v.file} ${v.segment} ${v.rule} ${v.entry ?? '-'}`;
const planted: Planted[] = JSON.parse(readFileSync(EXPECTED, 'utf8')).violations;

describe('check corpus', () => {
  let violations: Violation[];
  beforeAll(async () => {
    initI18n('en');
    ({ result: { violations } } = await runCheck({ glossaries: [GLOSSARY], files: [TMX, XLIFF], format: 'json', failOn: 'error' }));
  });

  it('plants at least 30 segments and a violation of every segment rule', () => {
    expect(new Set(planted.map((p) => p.rule))).toEqual(new Set(['missing-target-term', 'deprecated-term', 'inconsistent-term', 'wrong-language']));
  });

  it('finds every planted violation', () => {
    const found = new Set(violations.map((v) => key({ file: basename(v.file!), segment: v.segment!, rule: v.rule, entry: v.entry })));
    const missed = planted.filter((p) => !found.has(key(p))).map(key);
    expect(missed).toEqual([]);
  });

  it('raises no false alarm', () => {
    const expected = new Set(planted.map(key));
    const extra = violations.filter((v) => !expected.has(key({ file: basename(v.file!), segment: v.segment!, rule: v.rule, entry: v.entry })));
    expect(extra.map((v) => `${v.segment} ${v.rule}: ${v.message}`)).toEqual([]);
  });

  it('locates each violation at the line of its unit or segment', () => {
    const tmxLines = readFileSync(TMX, 'utf8').split('\n');
    for (const v of violations.filter((x) => x.file === TMX)) {
      expect(tmxLines[v.line! - 1]).toContain(`tuid="${v.segment}"`);
    }
    const xlfLines = readFileSync(XLIFF, 'utf8').split('\n');
    for (const v of violations.filter((x) => x.file === XLIFF)) {
      // XLIFF segments are located at their <segment>, inside the <unit> named by the id.
      expect(xlfLines[v.line! - 1]).toMatch(/<segment\b/);
      const unit = xlfLines.slice(0, v.line!).reverse().find((l) => l.includes('<unit '));
      expect(unit).toContain(`id="${v.segment!.split('/')[0]}"`);
    }
  });
});
