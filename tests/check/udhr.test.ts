// wrong-language on real text: the Universal Declaration of Human Rights in Russian, Belarusian,
// Ukrainian and English paragraphs (../shared/data/udhr), each declared Russian, then declared right.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSegments } from '../../src/check/index.ts';
import { createMatcher } from '../../src/glossary/index.ts';
import { initI18n } from '../../src/i18n/index.ts';
import { batch, SHARED } from './helpers.ts';

const paragraphs = (code: string) => readFileSync(`${SHARED}udhr/${code}.paras.txt`, 'utf8').split('\n').filter((p) => p.trim());
const empty = { entries: [], sources: [] };
const matcher = createMatcher(empty);

function flagged(code: string, declared: string): number {
  const segments = batch(paragraphs(code).map((text, i) => [`p${i}`, 'en', 'Article.', declared, text]));
  return checkSegments(segments, empty, matcher, { rules: ['wrong-language'] }).length;
}

describe('wrong-language on the UDHR', () => {
  beforeAll(() => { initI18n('en'); });

  it('raises no alarm on paragraphs in their declared language', () => {
    expect(flagged('rus', 'ru')).toBe(0);
    expect(flagged('bel', 'be')).toBe(0);
    expect(flagged('ukr', 'uk')).toBe(0);
    expect(flagged('eng', 'en')).toBe(0);
  });

  it('finds Belarusian, Ukrainian and English paragraphs declared Russian', () => {
    // Headings of one or two words ("Article 1") are not judged, so allow for those.
    for (const code of ['bel', 'ukr', 'eng']) {
      const judged = paragraphs(code).filter((p) => (p.match(/\p{L}+/gu) ?? []).length >= 3).length;
      expect(flagged(code, 'ru'), code).toBeGreaterThanOrEqual(Math.floor(judged * 0.95));
    }
  });
});
