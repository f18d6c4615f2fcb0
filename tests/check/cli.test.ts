// `tandem check` end to end through the CLI entry point: exit codes, --fail-on, --output, and one
// clear line (no stack trace) for unreadable, malformed or unknown inputs and bad glossaries.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { GLOSSARY, TMX, XLIFF } from './helpers.ts';

let dir: string;
const file = (name: string, text: string) => { const path = join(dir, name); writeFileSync(path, text); return path; };

async function tandem(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => { out += String(chunk); return true; });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => { err += String(chunk); return true; });
  try {
    const code = await main(['check', '--lang', 'en', ...argv]);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const tmx = (tus: string) => `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="test" creationtoolversion="1" datatype="plaintext" segtype="sentence" adminlang="en" srclang="en" o-tmf="none"/>
  <body>
${tus}
  </body>
</tmx>
`;
const tu = (id: string, en: string, ru: string) => `    <tu tuid="${id}"><tuv xml:lang="en"><seg>${en}</seg></tuv><tuv xml:lang="ru"><seg>${ru}</seg></tuv></tu>`;

beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'tandem-check-')); });
afterEach(() => { vi.restoreAllMocks(); });

describe('tandem check exit codes', () => {
  it('exits 0 on a clean file', async () => {
    const clean = file('clean.tmx', tmx(tu('1', 'Svetlana Tikhanovskaya left for Lithuania.', 'Светлана Тихановская уехала в Литву.')));
    const r = await tandem('--glossary', GLOSSARY, clean);
    expect(r.code).toBe(0);
    expect(r.out).toContain('No violations');
  });

  it('reads a UTF-16 TMX as written by Windows CAT tools, and still finds its violations', async () => {
    const text = tmx(tu('1', 'Svetlana Tikhanovskaya left for Lithuania.', 'Она уехала в Литву.'))
      .replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const path = join(dir, 'utf16.tmx');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = await tandem('--glossary', GLOSSARY, path, '--format', 'json');
    expect(r.err).toBe('');
    expect(JSON.parse(r.out).violations.map((v: { rule: string }) => v.rule)).toContain('missing-target-term');
  });

  it('exits 1 on errors', async () => {
    const r = await tandem('--glossary', GLOSSARY, TMX, XLIFF, '--format', 'json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).summary.errors).toBe(22);
  });

  it('takes a job\'s output folder as its segments.jsonl, and any other folder as the segment files in it', async () => {
    const job = join(dir, 'job-out');
    mkdirSync(join(job, 'xliff'), { recursive: true });
    const bad = tmx(tu('1', 'Svetlana Tikhanovskaya left for Lithuania.', 'Она уехала в Литву.'));
    writeFileSync(join(job, 'en-ru.tmx'), bad);
    writeFileSync(join(job, 'xliff', 'a.txt.en-ru.xlf'), readFileSync(XLIFF));
    const files = (r: { out: string }) => (JSON.parse(r.out).violations as Array<{ file: string }>).map((v) => v.file.slice(job.length + 1));
    const folder = await tandem('--glossary', GLOSSARY, job, '--format', 'json');
    expect(folder.code).toBe(1);
    expect([...new Set(files(folder))]).toEqual(['en-ru.tmx', 'xliff/a.txt.en-ru.xlf']);
    writeFileSync(join(job, 'segments.jsonl'), JSON.stringify({ doc: 'a.txt', id: '0', src: { lang: 'en', text: 'Svetlana Tikhanovskaya left.' },
      tgt: { lang: 'ru', text: 'Она уехала.' }, terms: [], score: 0.9 }) + '\n');
    const output = await tandem('--glossary', GLOSSARY, job, '--format', 'json');
    expect([...new Set(files(output))]).toEqual(['segments.jsonl']);
    expect(JSON.parse(output.out).summary.files).toBe(1);
    // A folder with no segment file (CI pointed at the wrong one) must not pass.
    const empty = join(dir, 'empty-out');
    mkdirSync(empty);
    const none = await tandem('--glossary', GLOSSARY, empty);
    expect([none.code, none.err.trim()]).toEqual([2, `${empty}: no segment files in this folder (segments.jsonl, .tsv, .tmx, .xlf or .xliff)`]);
  });

  it('exits 0 on warnings alone, unless --fail-on warning', async () => {
    const warn = file('warn.tmx', tmx([
      tu('1', 'Belarus voted.', 'Беларусь проголосовала.'),
      tu('2', 'Protests spread across Belarus.', 'Протесты охватили Беларусь.'),
      tu('3', 'People left Belarus.', 'Люди уехали из Белоруссии.'),
    ].join('\n')));
    expect((await tandem('--glossary', GLOSSARY, warn)).code).toBe(0);
    expect((await tandem('--glossary', GLOSSARY, warn, '--fail-on', 'warning')).code).toBe(1);
  });

  it('lints the glossaries alone when no file is given', async () => {
    const r = await tandem('--glossary', GLOSSARY, '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).summary).toMatchObject({ files: 0, segments: 0, glossaries: 1 });
  });

  it('writes the report to --output', async () => {
    const out = join(dir, 'report.sarif');
    const r = await tandem('-g', GLOSSARY, TMX, '-f', 'sarif', '-o', out);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe('2.1.0');
  });

  it('skips disabled rules', async () => {
    const r = await tandem('-g', GLOSSARY, TMX, XLIFF, '-f', 'json', '--disable', 'missing-target-term,deprecated-term', '--disable', 'wrong-language');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).summary.byRule).toEqual({ 'inconsistent-term': 3 });
  });
});

describe('tandem check --baseline', () => {
  it('reports only violations that are not in an earlier JSON report', async () => {
    const rows = [tu('1', 'Lukashenko spoke to workers.', 'Лукашенка выступил перед рабочими.')];
    const batchFile = file('batch.tmx', tmx(rows.join('\n')));
    const baseline = join(dir, 'baseline.json');
    expect((await tandem('-g', GLOSSARY, batchFile, '-f', 'json', '-o', baseline)).code).toBe(1);
    expect((await tandem('-g', GLOSSARY, batchFile, '--baseline', baseline)).code).toBe(0);
    writeFileSync(batchFile, tmx([...rows, tu('2', 'Svetlana Tikhanovskaya spoke.', 'Она выступила.')].join('\n')));
    const r = await tandem('-g', GLOSSARY, batchFile, '--baseline', baseline, '-f', 'json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).violations.map((v: { segment: string; rule: string }) => `${v.segment} ${v.rule}`)).toEqual(['2 missing-target-term']);
  });

  it('tells documents apart in a job\'s segments.jsonl, where segment ids repeat, and reads baselines written before', async () => {
    // Every document's first segment is "0.0": keyed by file and id alone, the accepted violation of
    // one document hid the same new one in every other document, and CI passed.
    const line = (doc: string, tgtDoc: string) => JSON.stringify({ doc, id: '0.0', src: { lang: 'en', text: 'Lukashenko spoke to workers.' },
      tgt: { lang: 'ru', text: 'Лукашенка выступил перед рабочими.' }, terms: [], score: 0.9, tgtDoc });
    const segments = file('segments.jsonl', line('a.txt', 'a.ru.txt') + '\n');
    const baseline = join(dir, 'baseline-jsonl.json');
    expect((await tandem('-g', GLOSSARY, segments, '-f', 'json', '-o', baseline)).code).toBe(1);
    const accepted = JSON.parse(readFileSync(baseline, 'utf8')).violations;
    expect(accepted.map((v: { doc: string; tgtDoc: string }) => [v.doc, v.tgtDoc])).toEqual([['a.txt', 'a.ru.txt']]);
    writeFileSync(segments, [line('a.txt', 'a.ru.txt'), line('b.txt', 'b.ru.txt'), line('a.txt', 'a.uk.txt')].join('\n') + '\n');
    const r = await tandem('-g', GLOSSARY, segments, '--baseline', baseline, '-f', 'json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).violations.map((v: { doc: string; tgtDoc: string }) => `${v.doc} ${v.tgtDoc}`)).toEqual(['b.txt b.ru.txt', 'a.txt a.uk.txt']);
    // The text report names the document too: "0.0" alone does not say which one.
    expect((await tandem('-g', GLOSSARY, segments, '--baseline', baseline)).out).toMatch(/^ {2}2:b\.txt#0\.0 /m);
    // A baseline from before violations named their documents still accepts what it listed.
    writeFileSync(baseline, JSON.stringify({ violations: accepted.map(({ doc: _d, tgtDoc: _t, ...v }: Record<string, unknown>) => v) }));
    writeFileSync(segments, line('a.txt', 'a.ru.txt') + '\n');
    expect((await tandem('-g', GLOSSARY, segments, '--baseline', baseline)).code).toBe(0);
  });

  it('gives the same finding in two documents of a segments.jsonl two SARIF alerts and two JUnit cases', async () => {
    const line = (doc: string) => JSON.stringify({ doc, id: '0.0', src: { lang: 'en', text: 'Lukashenko spoke to workers.' },
      tgt: { lang: 'ru', text: 'Лукашенка выступил перед рабочими.' }, terms: [], score: 0.9, tgtDoc: doc.replace('.txt', '.ru.txt') });
    const segments = file('two-docs.jsonl', [line('a.txt'), line('b.txt')].join('\n') + '\n');
    const sarif = JSON.parse((await tandem('-g', GLOSSARY, segments, '-f', 'sarif')).out);
    const results = sarif.runs[0].results as Array<{ partialFingerprints: Record<string, string>; locations: Array<{ logicalLocations: Array<{ name: string }> }> }>;
    expect(results.map((r) => r.locations[0].logicalLocations[0].name)).toEqual(['a.txt#0.0', 'b.txt#0.0']);
    expect(new Set(results.map((r) => r.partialFingerprints['tandemViolation/v2'])).size).toBe(2);
    const junit = (await tandem('-g', GLOSSARY, segments, '-f', 'junit')).out;
    expect(junit).toContain('name="a.txt#0.0 deprecated-term lukashenko"');
    expect(junit).toContain('name="b.txt#0.0 deprecated-term lukashenko"');
  });

  it('refuses a baseline that is not a JSON report', async () => {
    const r = await tandem('-g', GLOSSARY, TMX, '--baseline', file('junk.json', '[1, 2'));
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('junk.json');
  });
});

describe('tandem check on bad input exits 2 with one line', () => {
  const oneLine = (err: string) => {
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).not.toMatch(/\n\s+at /);
  };

  it('without --glossary', async () => {
    const r = await tandem(TMX);
    expect(r.code).toBe(2);
    oneLine(r.err);
    expect(r.err).toContain('--glossary');
  });

  it('with an unknown format, level or rule', async () => {
    for (const args of [['-f', 'xml'], ['--fail-on', 'info'], ['--disable', 'spelling']]) {
      const r = await tandem('-g', GLOSSARY, TMX, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      oneLine(r.err);
    }
  });

  it('on a missing file', async () => {
    const r = await tandem('-g', GLOSSARY, join(dir, 'nope.tmx'));
    expect(r.code).toBe(2);
    oneLine(r.err);
    expect(r.err).toContain('nope.tmx');
  });

  it('on malformed XML, naming the line', async () => {
    const bad = file('bad.tmx', tmx(`${tu('1', 'a', 'б')}\n    <tu tuid="2"><tuv xml:lang="en"><seg>broken</tuv></tu>`));
    const r = await tandem('-g', GLOSSARY, bad);
    expect(r.code).toBe(2);
    oneLine(r.err);
    expect(r.err).toMatch(/bad\.tmx:\d+/);
  });

  it('on a file that is no segment file', async () => {
    const r = await tandem('-g', GLOSSARY, file('notes.txt', 'just some notes\n'));
    expect(r.code).toBe(2);
    oneLine(r.err);
    expect(r.err).toContain('notes.txt');
  });

  it('on a bad JSONL line', async () => {
    const r = await tandem('-g', GLOSSARY, file('bad.jsonl', '{"doc":"d","id":"1","src":{"lang":"en","text":"a"},"tgt":null}\n{"doc":\n'));
    expect(r.code).toBe(2);
    oneLine(r.err);
    expect(r.err).toMatch(/bad\.jsonl:2/);
  });

  it('on a bad glossary', async () => {
    const broken = file('broken.yaml', 'entries:\n  - id: x\n    terms: [ { text: X, lang: en, status: nonsense } ]\n');
    const r = await tandem('-g', broken, TMX);
    expect(r.code).toBe(2);
    oneLine(r.err);
    expect(r.err).toContain('broken.yaml');
    const missing = await tandem('-g', join(dir, 'missing.yaml'), TMX);
    expect(missing.code).toBe(2);
    oneLine(missing.err);
  });
});
