// The lint's line numbers in JSON glossaries come from a scan of the JSON text, not the YAML parser,
// and the lint can take a glossary and patterns the caller already has: both must not change a finding.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { createMatcher, entryLines, lintGlossaries, parseGlossary } from '../../src/glossary/index.ts';
import { BELARUS } from './helpers.ts';

const data = {
  languages: ['en', 'ru'],
  entries: [
    { id: 'a', terms: [{ text: 'Minsk', lang: 'en', status: 'preferred' }, { text: 'Минск', lang: 'ru', status: 'preferred' }] },
    { id: 'b', note: 'a "quoted" {brace} [and] \\ id: x', terms: [{ text: 'Minsk', lang: 'en', status: 'deprecated' }, { text: 'Минск', lang: 'ru', status: 'preferred' }] },
    { id: 'brest', terms: [{ text: 'Brest', lang: 'en', status: 'preferred' }] },
  ],
};
/** Line of the `{` that opens the entry with this id, in JSON written with indentation. */
const openingLine = (text: string, id: string) => text.split('\n').findIndex((l) => l.includes(`"id": "${id}"`));

describe('glossary lint on JSON glossaries', () => {
  it('names the line where each entry starts, in indented and one-line JSON', () => {
    const text = JSON.stringify(data, null, 2);
    const { problems } = lintGlossaries([{ path: 'g.json', text }]);
    expect(new Set(problems.filter((p) => p.code === 'sharedVariant').map((p) => p.line))).toEqual(new Set([openingLine(text, 'b')]));
    expect(problems.find((p) => p.code === 'missingLanguage')?.line).toBe(openingLine(text, 'brest'));
    const oneLine = JSON.stringify(data);
    expect(lintGlossaries([{ path: 'g.json', text: oneLine }]).problems.every((p) => p.line === 1)).toBe(true);
  });

  it('finds the same lines as the YAML parser on a real glossary written as JSON', () => {
    const text = JSON.stringify(YAML.parse(readFileSync(BELARUS, 'utf8')), null, 1);
    const lines = entryLines(text);
    expect(lines.size).toBeGreaterThan(10);
    const viaYaml = new Map<string, number>();
    const counter = new YAML.LineCounter();
    const doc = YAML.parseDocument(text, { lineCounter: counter });
    expect(doc.errors).toEqual([]);
    const list = doc.get('entries', true);
    if (YAML.isSeq(list)) for (const item of list.items) if (YAML.isMap(item)) viaYaml.set(String(item.get('id')), counter.linePos(item.range![0]).line);
    expect([...lines]).toEqual([...viaYaml]);
  });

  it('gives the same findings on a parsed glossary and a matcher\'s patterns as on the text alone', () => {
    const text = JSON.stringify(data, null, 2);
    const glossary = parseGlossary(text, 'g.json');
    const reused = lintGlossaries([{ path: 'g.json', text, glossary }], { patterns: createMatcher(glossary).patterns });
    expect(reused).toEqual(lintGlossaries([{ path: 'g.json', text }]));
    expect(reused.problems.length).toBeGreaterThan(2);
  });
});
