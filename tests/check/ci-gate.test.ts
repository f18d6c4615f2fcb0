// Ways CI could pass when it should not, found by a held-out probe of `tandem check`: a baseline
// hiding new glossary-lint findings or matching only from one folder, empty segment files, JUnit
// that no XML parser reads, undefined XML entities, and messages that broke the one-line promise.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { GLOSSARY } from './helpers.ts';

let dir: string;
const file = (name: string, text: string) => { const path = join(dir, name); writeFileSync(path, text); return path; };

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => { out += String(chunk); return true; });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => { err += String(chunk); return true; });
  try {
    return { code: await main(argv), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}
const tandem = (...argv: string[]) => cli('check', '--lang', 'en', ...argv);
const oneLine = (err: string) => expect(err.trim().split('\n')).toHaveLength(1);

const jsonl = (rows: Array<[string, string, string]>) => rows.map(([id, en, ru]) => JSON.stringify({ doc: 'a.txt', id,
  src: { lang: 'en', text: en }, tgt: { lang: 'ru', text: ru }, terms: [], score: 0.9, tgtDoc: 'a.ru.txt' })).join('\n') + '\n';
const OK = jsonl([['1', 'Svetlana Tikhanovskaya spoke in Vilnius.', 'Светлана Тихановская выступила в Вильнюсе.']]);
const entry = (id: string, en: string, ru?: string) => `  - id: ${id}\n    terms:\n      - { text: ${en}, lang: en, status: preferred }\n${ru ? `      - { text: ${ru}, lang: ru, status: preferred }\n` : ''}`;
const glossary = (...entries: string[]) => `name: g\nlanguages: [en, ru]\nentries:\n${entries.join('')}`;

beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'tandem-ci-gate-')); });
afterEach(() => { vi.restoreAllMocks(); });

describe('a baseline and glossary-lint findings', () => {
  it('accepts the lint findings it lists and reports every other one', async () => {
    const g = file('lint.yaml', glossary(entry('minsk', 'Minsk', 'Минск'), entry('brest', 'Brest')));
    const segments = file('lint.jsonl', OK);
    const baseline = join(dir, 'lint-base.json');
    expect((await tandem('-g', g, segments, '-f', 'json', '-o', baseline)).code).toBe(0);
    const accepted = JSON.parse(readFileSync(baseline, 'utf8')).violations;
    // The report names the entry a lint finding is about.
    expect(accepted.map((v: { entry: string; code: string }) => `${v.code} ${v.entry}`)).toEqual(['missingLanguage brest']);
    // A duplicate id (error) and another entry without Russian (warning) are new: not hidden by the accepted one.
    writeFileSync(g, glossary(entry('minsk', 'Minsk', 'Минск'), entry('brest', 'Brest'), entry('minsk', 'Miensk', 'Менск'), entry('homiel', 'Homiel')));
    const r = await tandem('-g', g, segments, '--baseline', baseline, '-f', 'json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).violations.map((v: { entry: string; code: string }) => `${v.code} ${v.entry}`)).toEqual(['duplicateId minsk', 'missingLanguage homiel']);
    // The accepted finding stays accepted whatever the UI language, and when its line moves.
    writeFileSync(g, `# a comment\n${glossary(entry('minsk', 'Minsk', 'Минск'), entry('brest', 'Brest'))}`);
    expect((await cli('check', '--lang', 'ru', '-g', g, segments, '--baseline', baseline)).code).toBe(0);
  });

  it('reads baselines written before lint findings had params: matched by code and message', async () => {
    const g = file('old-lint.yaml', glossary(entry('minsk', 'Minsk', 'Минск'), entry('brest', 'Brest'), entry('homiel', 'Homiel')));
    const segments = file('old-lint.jsonl', OK);
    const baseline = file('old-lint-base.json', JSON.stringify({ violations: [{ segment: null, entry: null, rule: 'glossary-lint', severity: 'warning',
      message: "entry 'brest' has no ru term", src: null, tgt: null, file: g, code: 'missingLanguage', line: 8 }] }));
    const r = await tandem('-g', g, segments, '--baseline', baseline, '-f', 'json');
    expect(JSON.parse(r.out).violations.map((v: { entry: string }) => v.entry)).toEqual(['homiel']);
  });
});

describe('a baseline does not depend on the working directory', () => {
  it('matches the findings it lists when check runs from another folder', async () => {
    const root = join(dir, 'repo');
    mkdirSync(join(root, 'out'), { recursive: true });
    writeFileSync(join(root, 'out', 'seg.jsonl'), jsonl([['1', 'Lukashenko spoke to workers.', 'Лукашенка выступил перед рабочими.']]));
    const cwd = process.cwd();
    try {
      process.chdir(root);
      expect((await tandem('-g', GLOSSARY, 'out/seg.jsonl', '-f', 'json', '-o', 'out/base.json')).code).toBe(1);
      expect((await tandem('-g', GLOSSARY, 'out/seg.jsonl', '--baseline', 'out/base.json')).code).toBe(0);
      process.chdir(join(root, 'out'));
      expect((await tandem('-g', GLOSSARY, 'seg.jsonl', '--baseline', 'base.json')).code).toBe(0);
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('empty segment files are input errors', () => {
  const empties: Array<[string, string]> = [['empty.tmx', ''], ['ws.xlf', ' \n\t\n'], ['empty.jsonl', ''], ['blank.jsonl', '\n\n'], ['bom.tsv', '\uFEFF\n']];
  it.each(empties)('%s exits 2 with one line naming it', async (name, text) => {
    const path = file(name, text);
    const r = await tandem('-g', GLOSSARY, path);
    expect(r.code).toBe(2);
    oneLine(r.err);
    expect(r.err).toContain(name);
  });

  it('a job folder whose segments.jsonl is empty is an input error, not a pass', async () => {
    const job = join(dir, 'job');
    mkdirSync(job);
    writeFileSync(join(job, 'segments.jsonl'), '');
    const r = await tandem('-g', GLOSSARY, job);
    expect(r.code).toBe(2);
    expect(r.err).toContain('segments.jsonl');
  });
});

describe('JUnit holds only characters XML 1.0 allows', () => {
  it('replaces control characters of segment text', async () => {
    const path = file('esc.jsonl', jsonl([['c\u0001', 'Lukashenko\u000b spoke\u0001 to workers.', 'Лукашенка\u0001 выступил\u000b перед рабочими.']]));
    const r = await tandem('-g', GLOSSARY, path, '-f', 'junit');
    expect(r.code).toBe(1);
    expect(XMLValidator.validate(r.out)).toBe(true);
    expect(r.out).not.toMatch(/[\u0001\u000b]/);
    expect(r.out).toContain('Лукашенка\uFFFD выступил\uFFFD');
  });
});

describe('undefined XML entities', () => {
  it('make a TMX malformed: exit 2, one line with file:line', async () => {
    const tmx = `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n<header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="t" creationtoolversion="1"/>\n<body>\n`
      + '<tu tuid="1"><tuv xml:lang="en"><seg>Lukashenko spoke.</seg></tuv><tuv xml:lang="ru"><seg>Лукашенко&nbsp;выступил.</seg></tuv></tu>\n</body>\n</tmx>\n';
    const r = await tandem('-g', GLOSSARY, file('entity.tmx', tmx));
    expect(r.code).toBe(2);
    oneLine(r.err);
    expect(r.err).toMatch(/entity\.tmx:5: .*nbsp/);
  });

  it('declared in the DOCTYPE, or only inside a comment, are fine', async () => {
    const tmx = `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx [ <!ENTITY nbsp "&#160;"> ]>\n<tmx version="1.4">\n<header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="t" creationtoolversion="1"/>\n<body>\n<!-- &foo; -->\n`
      + '<tu tuid="1"><tuv xml:lang="en"><seg>Lukashenko spoke.</seg></tuv><tuv xml:lang="ru"><seg>Лукашенко&nbsp;выступил &amp; ушёл.</seg></tuv></tu>\n</body>\n</tmx>\n';
    const r = await tandem('-g', GLOSSARY, file('declared.tmx', tmx), '-f', 'json');
    expect(r.err).toBe('');
    expect(JSON.parse(r.out).summary.segments).toBe(1);
  });
});

describe('one line on stderr', () => {
  it('for a baseline that is not JSON, and a missing baseline says it is missing', async () => {
    const segments = file('one-line.jsonl', OK);
    const bad = await tandem('-g', GLOSSARY, segments, '--baseline', file('notjson.json', 'not json\n'));
    expect(bad.code).toBe(2);
    oneLine(bad.err);
    const missing = await tandem('-g', GLOSSARY, segments, '--baseline', join(dir, 'nowhere.json'));
    expect(missing.code).toBe(2);
    oneLine(missing.err);
    expect(missing.err).toMatch(/nowhere\.json: cannot read the baseline \(no such file\)/);
  });

  it('an unsupported --lang is a usage error for every command', async () => {
    for (const argv of [['check', '--lang', 'de', '-g', GLOSSARY], ['detect', '--lang=de', '/dev/null'], ['glossary', 'lint', '--lang', 'xx', GLOSSARY]]) {
      const r = await cli(...argv);
      expect(r.code).toBe(2);
      oneLine(r.err);
      expect(r.err).toContain('language');
    }
    expect((await cli('check', '--lang', 'ru_RU.UTF-8', '-g', GLOSSARY)).code).toBe(0);
  });
});

describe('SARIF fingerprints of glossary-lint findings', () => {
  it('differ between findings of one glossary, even of one entry', async () => {
    const g = file('fp.yaml', glossary(entry('minsk', 'Minsk', 'Минск'), entry('brest', 'Brest'), entry('homiel', 'Homiel'),
      '  - id: hrodna\n    terms:\n      - { text: Hrodna, lang: en, status: admitted }\n'));
    const sarif = JSON.parse((await tandem('-g', g, file('fp.jsonl', OK), '-f', 'sarif')).out);
    const prints = sarif.runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['tandemViolation/v2']);
    expect(prints.length).toBeGreaterThanOrEqual(4);
    expect(new Set(prints).size).toBe(prints.length);
  });
});
