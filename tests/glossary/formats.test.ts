import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { createMatcher, loadGlossaries, normalize, parseGlossary, toTbx } from '../../src/glossary/index.ts';
import { glossary, repo } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'tandem-glossary-'));
const write = (name: string, text: string | Buffer) => { const p = join(dir, name); writeFileSync(p, text); return p; };
const RNG = repo('../shared/specs/tbx/basic.rng');

describe('loading', () => {
  it('reads the files a glob matches, in name order, as every command takes --glossary', async () => {
    const sub = mkdtempSync(join(dir, 'glob-'));
    writeFileSync(join(sub, 'b.yaml'), 'entries:\n  - id: minsk\n    type: place\n    terms: [{ text: Minsk, lang: en, status: preferred }]\n');
    writeFileSync(join(sub, 'a.yaml'), 'entries:\n  - id: brest\n    type: place\n    terms: [{ text: Brest, lang: en, status: preferred }]\n');
    const g = await loadGlossaries([join(sub, '*.yaml')]);
    expect(g.entries.map((e) => e.id)).toEqual(['brest', 'minsk']);
    await expect(loadGlossaries([join(sub, '*.tbx')])).rejects.toThrow(/\*\.tbx: no file matches this pattern/);
  });

  it('reports schema errors with file and line', async () => {
    const yaml = 'entries:\n  - id: a\n    terms:\n      - text: Minsk\n        lang: en\n        status: favourite\n';
    await expect(loadGlossaries([write('bad.yaml', yaml)])).rejects.toThrow(/bad\.yaml:6: .*status.*must be equal to one of the allowed values/);
    await expect(loadGlossaries([write('broken.yaml', 'entries:\n  - id: [unclosed\n')])).rejects.toThrow(/broken\.yaml:\d+: /);
    await expect(loadGlossaries([write('x.json', '{"entries": [{"id": "a", "terms": []}]}')])).rejects.toThrow(/x\.json:1: \/entries\/0\/terms/);
    await expect(loadGlossaries([join(dir, 'missing.yaml')])).rejects.toThrow(/missing\.yaml: no such file/);
  });

  it('reads UTF-16 glossaries by their BOM and refuses other encodings with the line', async () => {
    const csv = 'id,lang,text,status\r\nlukashenko,en,Lukashenko,preferred\r\nlukashenko,ru,Лукашенко,preferred\r\n';
    // Excel's "Unicode text" and "CSV UTF-8" exports: UTF-16 LE and UTF-8, both with a BOM.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]);
    for (const [name, bytes] of [['u16.csv', utf16], ['u8.csv', Buffer.from('\uFEFF' + csv)]] as const) {
      const { entries } = await loadGlossaries([write(name, bytes)]);
      expect(entries[0].terms.map((term) => term.text)).toEqual(['Lukashenko', 'Лукашенко']);
    }
    // Windows-1251 (Лукашенко is CB F3 EA E0 F8 E5 ED EA EE; byte 69 is CB, whose sequence F3 cannot continue): once read as replacement characters
    // that matched nothing, without a word.
    const cp1251 = Buffer.concat([Buffer.from('id,lang,text,status\nlukashenko,en,Lukashenko,preferred\nlukashenko,ru,'),
      Buffer.from([0xcb, 0xf3, 0xea, 0xe0, 0xf8, 0xe5, 0xed, 0xea, 0xee]), Buffer.from(',preferred\n')]);
    await expect(loadGlossaries([write('cp1251.csv', cp1251)])).rejects.toThrow(/cp1251\.csv:3: not valid UTF-8 \(line 3, byte 69\)/);
  });

  it('ships a schema that is valid JSON Schema (start-up does not check it again)', () => {
    const schema = JSON.parse(readFileSync(repo('glossaries/glossary.schema.json'), 'utf8'));
    const ajv = new Ajv({ strict: false });
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    expect(ajv.validateSchema({ ...schema, properties: { entries: { type: 'list' } } })).toBe(false);
  });

  it('reads CSV, one term per row', () => {
    const csv = 'id,lang,text,status,gender\nminsk,en,Minsk,preferred,\nminsk,ru,Минск,preferred,m\nhrodna,en,"Grodno",deprecated,\n';
    const { entries } = parseGlossary(csv, 'g.csv');
    expect(entries.map((e) => [e.id, e.terms.length])).toEqual([['minsk', 2], ['hrodna', 1]]);
    expect(entries[0].terms[1]).toMatchObject({ text: 'Минск', gender: 'm' });
    expect(() => parseGlossary('id,lang,text,status\nminsk,en,Minsk,best\n', 'g.csv')).toThrow(/g\.csv:2: status/);
  });

  it('reads the TBX-Basic example, guessing the person and the missing status', () => {
    const { entries } = parseGlossary(readFileSync(repo('../shared/specs/tbx/example-basic.tbx'), 'utf8'), 'example.tbx');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ id: 'tsikhanouskaya', type: 'person' });
    expect(entries[0].terms.map((t) => [t.text, t.status, t.gender])).toEqual([
      ['Sviatlana Tsikhanouskaya', 'preferred', undefined], ['Svetlana Tikhanovskaya', 'deprecated', undefined], ['Светлана Тихановская', 'preferred', 'f'],
    ]);
    const g = { entries, sources: [] };
    const r = normalize('Tikhanovskaya and Тихановской', 'en', createMatcher(g), g);
    expect(r.matches.map((m) => m.entry)).toEqual(['tsikhanouskaya', 'tsikhanouskaya']);
    expect(r.text).toBe('Tsikhanouskaya and Тихановской');
    expect(() => parseGlossary('<tbx><text>', 'bad.tbx')).toThrow(/bad\.tbx:\d+: not well-formed XML/);
  });
});

describe('glossaries from other tools', () => {
  it('accepts region subtags and guesses people from their names', () => {
    const xml = `<?xml version="1.0"?><tbx type="TBX-Basic" style="dca" xml:lang="en-GB" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></tbxHeader><text><body>
<conceptEntry id="b"><langSec xml:lang="en-GB"><termSec><term>Ales Bialiatski</term></termSec>
<termSec><term>Ales Byalyatski</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec></langSec>
<langSec xml:lang="ru-RU"><termSec><term>Алесь Беляцкий</term></termSec></langSec></conceptEntry>
</body></text></tbx>`;
    const g = { entries: parseGlossary(xml, 'other.tbx').entries, sources: [] };
    expect(g.entries[0].type).toBe('person');
    const r = normalize('Byalyatski and Ales Byalyatski; Беляцкого', 'en', createMatcher(g), g);
    expect(r.text).toBe('Bialiatski and Ales Bialiatski; Беляцкого');
    expect(r.matches).toHaveLength(3);
  });
});

describe('TBX export', () => {
  it('validates against TBX-Basic and reads back to the same glossary', () => {
    const xml = toTbx(glossary.entries, { title: 'Belarus 2020 & more' });
    const file = write('belarus.tbx', xml);
    execFileSync('xmllint', ['--noout', '--relaxng', RNG, file], { stdio: 'pipe' });
    const back = parseGlossary(xml, 'belarus.tbx').entries;
    expect(back).toEqual(glossary.entries);
  });

  it('keeps ids valid as xs:ID', () => {
    const file = write('ids.tbx', toTbx([{ id: '2020 vote', terms: [{ text: 'A & B <c>', lang: 'en', status: 'preferred' }] }]));
    execFileSync('xmllint', ['--noout', '--relaxng', RNG, file], { stdio: 'pipe' });
  });
});
