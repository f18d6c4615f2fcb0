import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { formatProblem, lintGlossaries, parseGlossary, suggestEntries } from '../../src/glossary/index.ts';
import type { Segment } from '../../src/types.ts';
import { BELARUS, matcher, repo } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'tandem-glossary-tools-'));
const write = (name: string, text: string | Buffer) => { const p = join(dir, name); writeFileSync(p, text); return p; };

async function cli(args: string[]) {
  let out = '', err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out += s; return true; });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => { err += s; return true; });
  try { return { code: await main(args), out, err }; } finally { o.mockRestore(); e.mockRestore(); }
}

describe('glossary lint', () => {
  it('passes the shipped glossary', () => {
    expect(lintGlossaries([{ path: BELARUS, text: readFileSync(BELARUS, 'utf8') }]).problems).toEqual([]);
  });

  it('finds duplicate ids, shared spellings, deprecated-preferred clashes, missing languages and conflations', () => {
    const text = `languages: [en, ru]
entries:
  - id: a
    terms:
      - { text: Minsk, lang: en, status: preferred }
      - { text: Минск, lang: ru, status: preferred }
  - id: b
    terms:
      - { text: Minsk, lang: en, status: deprecated }
      - { text: Минск, lang: ru, status: preferred }
  - id: a
    terms:
      - { text: Hrodna, lang: en, status: preferred }
      - { text: Гродно, lang: ru, status: preferred }
  - id: brest
    terms:
      - { text: Brest, lang: en, status: preferred }
  - id: kolesnikova
    type: person
    terms:
      - { text: Kalesnikava, lang: en, status: preferred }
      - { text: Колесникова, lang: ru, status: preferred, gender: f }
  - id: kolesnikov
    type: person
    terms:
      - { text: Kolesnikov, lang: en, status: preferred }
      - { text: Колесников, lang: ru, status: preferred, gender: m }
`;
    const { problems } = lintGlossaries([{ path: 'g.yaml', text }]);
    const codes = problems.map((p) => `${p.severity}:${p.code}:${p.line ?? ''}`);
    expect(codes).toEqual(expect.arrayContaining(['error:sharedVariant:7', 'error:deprecatedIsPreferred:7', 'error:duplicateId:11', 'warning:missingLanguage:15', 'warning:noPreferred:7']));
    expect(problems.find((p) => p.code === 'conflated')?.message).toMatch(/колесникова.*kolesnikova.*kolesnikov/);
  });

  it('lists every schema mistake of a file at its line, not only the first', () => {
    const text = `entries:
  - id: kyiv
    terms:
      - { text: Kyiv, lang: en, status: preferred }
      - { text: Київ, lang: uk }
  - type: place
    terms:
      - { text: Kharkiv, lang: en, status: preferred }
  - id: odesa
    terms:
      - { text: Odesa, lang: en, status: prefered }
  - id: lviv
    terms: []
`;
    const { problems } = lintGlossaries([{ path: 'g.yaml', text }]);
    expect(problems.map((p) => `${p.severity}:${p.code}:${p.line}:${p.message}`)).toEqual([
      "error:schema:5:/entries/0/terms/1: must have required property 'status'",
      "error:schema:6:/entries/1: must have required property 'id'",
      'error:schema:11:/entries/2/terms/0/status: must be equal to one of the allowed values (preferred, admitted, deprecated)',
      'error:schema:13:/entries/3/terms: must NOT have fewer than 1 items']);
  });

  it('names the line of an entry in TBX and CSV files too', () => {
    const tbx = readFileSync(repo('../shared/specs/tbx/example-basic.tbx'), 'utf8');
    const { problems } = lintGlossaries([{ path: 'a.tbx', text: tbx }, { path: 'b.tbx', text: tbx },
      { path: 'c.csv', text: 'id,lang,text,status\nx,en,Hrodna,preferred\ny,en,Hrodna,admitted\n' }]);
    expect(problems.map(formatProblem)).toEqual(expect.arrayContaining([
      "b.tbx:10: error: duplicate entry id 'tsikhanouskaya' (first at a.tbx:10)",
      "c.csv:3: error: 'Hrodna' (en) is claimed by entries 'x' and 'y'",
    ]));
  });

  it('exits 1 on errors with file:line messages, 0 on a clean glossary, 2 on a missing file', async () => {
    const bad = write('bad.yaml', 'entries:\n  - id: x\n    terms: []\n');
    const r = await cli(['glossary', 'lint', bad]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/bad\.yaml:3: error: /);
    expect((await cli(['glossary', 'lint', BELARUS])).code).toBe(0);
    expect((await cli(['glossary', 'lint', join(dir, 'none.yaml')])).code).toBe(2);
    // A glossary saved in Windows-1251 is named with its line, not linted as replacement characters.
    const cp1251 = write('cp1251.csv', Buffer.concat([Buffer.from('id,lang,text,status\nminsk,ru,'), Buffer.from([0xcc, 0xe8, 0xed, 0xf1, 0xea]),
      Buffer.from(',preferred\n')]));
    const encoded = await cli(['glossary', 'lint', cp1251]);
    expect([encoded.code, encoded.err.trim()]).toEqual([2, `${cp1251}:2: not valid UTF-8 (line 2, byte 29)`]);
  });
});

describe('tandem normalize', () => {
  it('prints one JSON object per paragraph with original text, matches and changes', async () => {
    const file = write('doc.txt', 'On Monday, Lukashenko met Golovchenko and the workers of the factory in Grodno to talk about the strike.\n\nЛукашенко встретился с Головченко.\n');
    const r = await cli(['normalize', file, '--glossary', BELARUS]);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.lang)).toEqual(['en', 'ru']);
    expect(lines[0].text).toBe('On Monday, Lukashenka met Halouchanka and the workers of the factory in Hrodna to talk about the strike.');
    expect(lines[0].original).toMatch(/^On Monday, Lukashenko met Golovchenko/);
    expect(lines[0].matches[0]).toMatchObject({ entry: 'lukashenka', surface: 'Lukashenka', start: 11, end: 21, status: 'preferred' });
    for (const m of lines[0].matches) expect(lines[0].text.slice(m.start, m.end)).toBe(m.surface);
    expect(lines[0].changes).toHaveLength(3);
    expect(lines[1].changes).toEqual([]);
    const text = await cli(['normalize', file, '-g', BELARUS, '--format', 'text']);
    expect(text.out).toBe(`${lines[0].text}\n\nЛукашенко встретился с Головченко.\n`);
  });

  it('normalises a paragraph of two languages sentence by sentence, each in its own', async () => {
    // Read whole, the paragraph came out Ukrainian (its Russian half's Лукашенко with it).
    const file = write('mixed.txt', 'Tikhanovskaya met Lukashenko in Vilnius. Тихановскую встретил Лукашенко в Вильнюсе.\n');
    const [p] = (await cli(['normalize', file, '--glossary', BELARUS])).out.trim().split('\n').map((l) => JSON.parse(l));
    expect(p.lang).toBe('ru');
    expect(p.text).toBe('Tsikhanouskaya met Lukashenka in Vilnius. Тихановскую встретил Лукашенко в Вильнюсе.');
    expect(p.matches.map((m: { lang: string; surface: string }) => `${m.lang}:${m.surface}`))
      .toEqual(['en:Tsikhanouskaya', 'en:Lukashenka', 'ru:Тихановскую', 'ru:Лукашенко']);
    for (const m of p.matches) expect(p.text.slice(m.start, m.end)).toBe(m.surface);
    for (const c of p.changes) expect(p.original.slice(c.start, c.end)).toBe(c.before);
  });

  it('refuses bad input with a one-line message and exit code 2', async () => {
    const file = write('doc2.txt', 'Minsk.\n');
    const bad = write('bad.yaml', 'entries: 3\n');
    const r = await cli(['normalize', file, '--glossary', bad]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/bad\.yaml:1: /);
    expect((await cli(['normalize', file])).code).toBe(2);
    expect((await cli(['normalize', file, '-g', BELARUS, '--format', 'xml'])).code).toBe(2);
  });
});

describe('glossary suggest', () => {
  const seg = (en: string, ru: string): Segment => ({ doc: 'd', id: '0', src: { lang: 'en', text: en }, tgt: { lang: 'ru', text: ru }, terms: [], score: 1 });
  const segments = [
    seg('Nina Baginskaya carried a flag past Minsk station.', 'Нина Багинская пронесла флаг мимо вокзала в Минске.'),
    seg('Police detained Baginskaya again.', 'Милиция снова задержала Багинскую.'),
  ];

  it('proposes Cyrillic names whose transliteration matches the aligned Latin name, skipping known entries', () => {
    const s = suggestEntries(segments, { matcher });
    expect(s.map((x) => [x.latin, x.cyrillic, x.count])).toEqual([['Nina Baginskaya', 'Нина Багинская', 2]]);
    expect(s[0].forms).toContain('Багинскую');
  });

  it('proposes the Russian dictionary form of a name seen in an oblique case, not the form closest to the English', () => {
    // The English spelling chose «Институте» for Institute and «Португалии» for Portugal; a bare guess
    // gave «Атлантикь», «Центральн», and the adjective Иркутский for the city.
    const lines = [seg('Talks were held in Rome.', 'Переговоры прошли в Риме.'),
      seg('He studied at the Mining Institute in Portugal.', 'Он учился в Горном Институте в Португалии.'),
      seg('The district is north of Irkutsk.', 'Район находится к северу от Иркутска.'),
      seg('She crossed the Atlantic to Seville.', 'Она пересекла просторы Атлантики и добралась до Севильи.'),
      seg('Fires broke out in the Central district.', 'Пожары начались в Центральном районе.')];
    const byLatin = Object.fromEntries(suggestEntries(lines, { matcher, minCount: 1 }).map((x) => [x.latin, x.cyrillic]));
    expect(byLatin).toMatchObject({ Rome: 'Рим', Institute: 'Институт', Portugal: 'Португалия', Irkutsk: 'Иркутск',
      Atlantic: 'Атлантика', Seville: 'Севилья', Central: 'Центральный' });
  });

  it('takes no single capitalised word at the start of a Russian sentence for a name; the name is found where it stands inside one', () => {
    // "Официальный" ~ "Official" was suggested as a person: Russian capitalises it only because it opens the line.
    const lines = [seg('- Official result: 80.1%', '- Официальный результат: 80,1%'),
      seg('It was late. Official figures came at noon.', 'Было поздно. Официальные данные пришли в полдень.'),
      seg('Makhovsky reported from Minsk.', 'Маховский вёл репортаж из Минска.'),
      seg('The report was written by Makhovsky.', 'Репортаж написал Маховский.')];
    expect(suggestEntries(lines, { matcher, minCount: 1 }).map((x) => [x.latin, x.cyrillic, x.count])).toEqual([['Makhovsky', 'Маховский', 1]]);
  });

  it('writes suggestions a lint accepts, as YAML or TBX', async () => {
    const jsonl = write('segments.jsonl', segments.map((x) => JSON.stringify(x)).join('\n') + '\n');
    const out = join(dir, 'suggested.yaml');
    expect((await cli(['glossary', 'suggest', out, '--segments', jsonl, '-g', BELARUS])).code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(parseGlossary(text, out).entries[0]).toMatchObject({ id: 'nina-baginskaya', type: 'person' });
    expect(lintGlossaries([{ path: out, text }]).problems.filter((p) => p.severity === 'error')).toEqual([]);
    const tbx = join(dir, 'suggested.tbx');
    expect((await cli(['glossary', 'suggest', tbx, '--segments', jsonl])).code).toBe(0);
    expect(parseGlossary(readFileSync(tbx, 'utf8'), tbx).entries.length).toBeGreaterThan(0);
    expect(repo('x')).toBeTruthy();
  });

  it('reads a job\'s output folder as its segments.jsonl, as check does, and refuses a folder without segments', async () => {
    const job = join(dir, 'job-out');
    mkdirSync(job, { recursive: true });
    writeFileSync(join(job, 'segments.jsonl'), segments.map((x) => JSON.stringify(x)).join('\n') + '\n');
    const out = join(dir, 'from-folder.yaml');
    expect((await cli(['glossary', 'suggest', out, '--segments', job, '-g', BELARUS])).code).toBe(0);
    expect(parseGlossary(readFileSync(out, 'utf8'), out).entries.map((e) => e.id)).toEqual(['nina-baginskaya']);
    const empty = join(dir, 'empty-out');
    mkdirSync(empty, { recursive: true });
    const r = await cli(['glossary', 'suggest', out, '--segments', empty]);
    expect([r.code, r.err.trim()]).toEqual([2, `${empty}: no segment files in this folder (segments.jsonl, .tsv, .tmx, .xlf or .xliff)`]);
  });
});
