// Lint findings an editor acts on: where a repeated id is (both places), and language tags tandem
// would never compare equal to a text's language (rus, english, xx).
import { describe, expect, it } from 'vitest';
import { formatProblem, lintGlossaries } from '../../src/glossary/index.ts';
import './helpers.ts';

const entry = (id: string, en: string, ru: string) => ({ id, terms: [{ text: en, lang: 'en', status: 'preferred' }, { text: ru, lang: 'ru', status: 'preferred' }] });

describe('glossary lint: repeated ids', () => {
  const yaml = `entries:
  - id: minsk
    terms: [{ text: Minsk, lang: en, status: preferred }]
  - id: hrodna
    terms: [{ text: Hrodna, lang: en, status: preferred }]
  - id: minsk
    terms: [{ text: Minsk City, lang: en, status: preferred }]
`;
  it('reports the repeated entry at its own line and the first at its own, in YAML, JSON and TBX', () => {
    expect(lintGlossaries([{ path: 'g.yaml', text: yaml }]).problems.map(formatProblem))
      .toEqual(["g.yaml:6: error: duplicate entry id 'minsk' (first at g.yaml:2)"]);
    const json = JSON.stringify({ entries: [entry('minsk', 'Minsk', 'Минск'), entry('hrodna', 'Hrodna', 'Гродно'), entry('minsk', 'Minsk City', 'Минск-Сити')] }, null, 2);
    const lines = json.split('\n');
    const opening = lines.flatMap((l, i) => (l.includes('"id": "minsk"') ? [i] : [])); // the '{' is the line before, 1-based: i
    expect(lintGlossaries([{ path: 'g.json', text: json }]).problems.map(formatProblem))
      .toEqual([`g.json:${opening[1]}: error: duplicate entry id 'minsk' (first at g.json:${opening[0]})`]);
    const term = (text: string) => `<langSec xml:lang="en"><termSec><term>${text}</term></termSec></langSec>`;
    const tbx = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="minsk">${term('Minsk')}</conceptEntry>
    <conceptEntry id="hrodna">${term('Hrodna')}</conceptEntry>
    <conceptEntry id="minsk">${term('Minsk City')}</conceptEntry>
  </body></text>
</tbx>
`;
    expect(lintGlossaries([{ path: 'g.tbx', text: tbx }]).problems.map(formatProblem))
      .toEqual(["g.tbx:7: error: duplicate entry id 'minsk' (first at g.tbx:5)"]);
  });
});

describe('glossary lint: language tags', () => {
  it('refuses unknown languages, non-tags and codes written otherwise than tandem compares them, at the entry line (a CSV term row)', () => {
    const yaml = `entries:
  - id: minsk
    terms:
      - { text: Minsk, lang: en-GB, status: preferred }
      - { text: Минск, lang: rus, status: preferred }
      - { text: Мінск, lang: xx, status: preferred }
      - { text: Мінськ, lang: uk, status: preferred }
`;
    expect(lintGlossaries([{ path: 'g.yaml', text: yaml }]).problems.map(formatProblem)).toEqual([
      "g.yaml:2: error: entry 'minsk': write the language 'rus' as 'ru', the code tandem compares texts' languages with",
      "g.yaml:2: error: entry 'minsk': unknown language code 'xx'",
    ]);
    const csv = 'id,lang,text,status\nminsk,en,Minsk,preferred\nhrodna,en,Hrodna,preferred\nhrodna,english,Hrodna,admitted\nbrest,en_US,Brest,preferred\n';
    const problems = lintGlossaries([{ path: 'g.csv', text: csv }]).problems.filter((p) => p.severity === 'error');
    expect(problems.map(formatProblem)).toEqual([
      "g.csv:4: error: entry 'hrodna': unknown language code 'english'",
      "g.csv:5: error: entry 'brest': 'en_US' is not a language tag (write e.g. en, ru, be, uk)",
    ]);
  });
});

describe('glossary lint: an empty glossary', () => {
  it('warns that it checks nothing, in any format', () => {
    for (const [path, text] of [['g.yaml', 'entries: []\n'], ['g.csv', 'id,lang,text,status\n'], ['g.json', '{"entries": []}']]) {
      expect(lintGlossaries([{ path, text }]).problems.map(formatProblem)).toEqual([`${path}: warning: the glossary has no entries: nothing is matched or checked against it`]);
    }
  });
});

describe('glossary lint: CSV rows', () => {
  it('names the row of the term at fault, not the first row of its entry', () => {
    const csv = 'id,lang,text,status\nminsk,en,Minsk,preferred\nminsk,ru,Минск,preferred\nhrodna,en,Hrodna,preferred\nhrodna,be,Гродна,preferred\nhrodna,ru,Минск,admitted\n';
    expect(lintGlossaries([{ path: 'g.csv', text: csv }]).problems.filter((p) => p.severity === 'error').map(formatProblem))
      .toEqual(["g.csv:6: error: 'Минск' (ru) is claimed by entries 'minsk' and 'hrodna'"]);
  });
});
