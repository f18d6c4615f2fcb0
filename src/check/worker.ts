// The per-segment rules on a share of the batch, in a worker thread: plain data in and out (the
// segments' positions in the share stand in for the segments themselves).
import { createMatcher } from '../glossary/index.ts';
import { initI18n } from '../i18n/index.ts';
import type { Glossary, Lang, Segment } from '../types.ts';
import { checkOne, segmentContext } from './engine.ts';
import type { Observation } from './rules/inconsistent-term.ts';
import type { Finding, RuleId } from './types.ts';

export interface ChunkInput {
  glossary: Glossary;
  segments: Array<{ segment: Segment; id: string }>;
  rules: RuleId[];
  languages: Lang[];
  uiLanguage: string;
}

export type PlainFinding = Omit<Finding, 'at'> & { i: number };
export interface ChunkOutput { findings: PlainFinding[]; observations: Array<{ i: number; observations: Observation[] }> }

export function checkChunk(input: ChunkInput): ChunkOutput {
  initI18n(input.uiLanguage);
  const ctx = segmentContext(input.languages, input.glossary, createMatcher(input.glossary), input.rules);
  const out: ChunkOutput = { findings: [], observations: [] };
  input.segments.forEach(({ segment, id }, i) => {
    const { findings, observations } = checkOne({ segment, id, order: i }, ctx);
    for (const { at: _at, ...rest } of findings) out.findings.push({ ...rest, i });
    if (observations.length) out.observations.push({ i, observations });
  });
  return out;
}
