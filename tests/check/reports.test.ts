// The four report formats on the corpus run: JSON fields, SARIF 2.1.0 validated against the official
// schema, JUnit XML structure, and the text report in English and Russian, coloured only when asked.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCheck, toJunit, toSarif, toText, type CheckResult } from '../../src/check/index.ts';
import { initI18n } from '../../src/i18n/index.ts';
import { DATA, GLOSSARY, TMX, XLIFF } from './helpers.ts';

const require = createRequire(import.meta.url);
const SARIF_SCHEMA = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
// The SARIF schema is JSON Schema draft-04, which Ajv 8 reads through ajv-draft-04 (a CommonJS class).
const Ajv4 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;

let result: CheckResult;
beforeAll(async () => {
  initI18n('en');
  ({ result } = await runCheck({ glossaries: [GLOSSARY], files: [TMX, XLIFF], format: 'json', failOn: 'error', root: DATA }));
});

describe('json report', () => {
  it('has the fields the issue names on every violation, and a summary', async () => {
    const { report } = await runCheck({ glossaries: [GLOSSARY], files: [TMX, XLIFF], format: 'json', failOn: 'error' });
    const parsed = JSON.parse(report);
    expect(parsed.violations.length).toBe(result.violations.length);
    for (const v of parsed.violations) {
      expect(Object.keys(v)).toEqual(expect.arrayContaining(['segment', 'entry', 'rule', 'severity', 'message', 'src', 'tgt']));
    }
    expect(parsed.summary).toMatchObject({ files: 2, segments: 57, violations: 25, errors: 22, warnings: 3, failed: true });
    expect(parsed.summary.byRule).toEqual({ 'missing-target-term': 10, 'deprecated-term': 7, 'inconsistent-term': 3, 'wrong-language': 5 });
  });
});

describe('sarif report', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    const ajv = new Ajv4({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(SARIF_SCHEMA);
    const log = toSarif(result, { toolVersion: '0.1.0', root: DATA });
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // The schema does bite: a result without a message is not SARIF.
    delete (log.runs[0].results![0] as { message?: unknown }).message;
    expect(validate(log)).toBe(false);
  });

  it('has one result per violation, each with its file, line and rule', () => {
    const log = toSarif(result, { toolVersion: '0.1.0', root: DATA });
    const run = log.runs[0];
    expect(run.results).toHaveLength(result.violations.length);
    const ruleIds = run.tool.driver.rules!.map((r) => r.id);
    run.results!.forEach((r, i) => {
      const v = result.violations[i];
      const location = r.locations![0].physicalLocation!;
      expect(location.artifactLocation!.uri).toBe(basename(v.file!));
      expect(location.artifactLocation!.uriBaseId).toBe('%SRCROOT%');
      expect(location.region!.startLine).toBe(v.line);
      expect(ruleIds[r.ruleIndex!]).toBe(r.ruleId);
      expect(r.level).toBe(v.severity);
    });
  });

  it('writes paths outside the root as file URLs', () => {
    const log = toSarif(result, { toolVersion: '0.1.0', root: '/nonexistent-root' });
    expect(log.runs[0].results![0].locations![0].physicalLocation!.artifactLocation!.uri).toMatch(/^file:\/\/\//);
  });
});

describe('junit report', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) });

  it('is well-formed, with a failing testcase per error and a passing one per warning', () => {
    const xml = toJunit(result, { files: [GLOSSARY, TMX, XLIFF], segmentsPerFile: new Map([[TMX, 44], [XLIFF, 13]]) });
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    expect(Number(doc.testsuites.tests)).toBe(26); // 25 violations and the clean glossary
    expect(Number(doc.testsuites.failures)).toBe(22);
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s: { name: string }) => s.name)).toEqual([GLOSSARY, TMX, XLIFF]);
    const cases = suites.flatMap((s: { testcase: unknown[] }) => s.testcase);
    expect(cases.filter((c: { failure?: unknown }) => c.failure)).toHaveLength(22);
    expect(cases.filter((c: { 'system-out'?: string }) => c['system-out']?.startsWith('warning'))).toHaveLength(3);
  });

  it('fails warnings too with --fail-on warning', () => {
    const strict: CheckResult = { ...result, summary: { ...result.summary, failOn: 'warning' } };
    const doc = parser.parse(toJunit(strict, { files: [TMX, XLIFF], segmentsPerFile: new Map() }));
    expect(Number(doc.testsuites.failures)).toBe(25);
  });

  it('escapes any text into well-formed XML', () => {
    const odd: CheckResult = { ...result, violations: [{ ...result.violations[0], message: 'a < b & "c" ]]> \'d\'', src: '<seg>&amp;</seg>' }] };
    expect(XMLValidator.validate(toJunit(odd, { files: [], segmentsPerFile: new Map() }))).toBe(true);
  });
});

describe('text report', () => {
  it('lists each violation with file, line and segment, and sums up', () => {
    const text = toText(result, { color: false });
    expect(text).not.toMatch(/\x1b\[/);
    expect(text).toContain(TMX);
    expect(text).toMatch(/\d+:v01 +error +“Svetlana Tikhanovskaya” in the source/);
    expect(text.trim().split('\n').pop()).toBe('✖ 25 violations (22 errors, 3 warnings) in 57 segments from 2 files, against 13 glossary entries');
  });

  it('colours severities only when asked', () => {
    expect(toText(result, { color: true })).toMatch(/\x1b\[31m/);
  });

  it('speaks Russian', async () => {
    initI18n('ru');
    try {
      const { report: text } = await runCheck({ glossaries: [GLOSSARY], files: [TMX, XLIFF], format: 'text', failOn: 'error' });
      expect(text).toContain('нерекомендуемый вариант «Лукашенка» в переводе; используйте Лукашенко');
      expect(text.trim().split('\n').pop()).toBe('✖ 25 нарушений (22 ошибки, 3 предупреждения) — проверено сегментов: 57, файлов: 2, статей глоссария: 13');
    } finally {
      initI18n('en');
    }
  });
});
