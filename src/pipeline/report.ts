// report.json: per document its status, languages found, counts, time and errors; totals on top.
import type { Lang } from '../types.ts';
import type { Job } from './job.ts';
import type { DocOutput } from './types.ts';
import { problemsOf } from './output.ts';
import { failureMessage } from '../documents/index.ts';

export interface DocumentReport {
  doc: string;
  tgtDoc?: string;
  status: 'done' | 'failed';
  date?: string;
  srcLang?: Lang;
  tgtLang?: Lang;
  /** Characters of text per language found (both sides of a pair). */
  languages: Record<Lang, number>;
  counts: DocOutput['counts'];
  /** Processing time of this document in milliseconds (summed over resumed runs). */
  timeMs: number;
  errors: Array<{ stage: string; code: string; message: string }>;
}

export interface Report {
  job: string;
  /** `problems`: documents done in spite of one (a translation that could not be read). */
  summary: { documents: number; done: number; failed: number; problems: number; segments: number; aligned: number; translated: number;
    languages: Record<Lang, number> };
  documents: DocumentReport[];
}

export function buildReport(job: Job, outputs: DocOutput[]): Report {
  const languages: Record<Lang, number> = {};
  for (const o of outputs) for (const [l, n] of Object.entries(o.languages)) languages[l] = (languages[l] ?? 0) + n;
  return {
    job: job.name,
    summary: {
      documents: outputs.length,
      done: outputs.filter((o) => o.status === 'done').length,
      failed: outputs.filter((o) => o.status === 'failed').length,
      problems: outputs.filter((o) => o.problems?.length).length,
      segments: outputs.reduce((s, o) => s + o.counts.segments, 0),
      aligned: outputs.reduce((s, o) => s + o.counts.aligned, 0),
      translated: outputs.reduce((s, o) => s + o.counts.translated, 0),
      languages: sortKeys(languages),
    },
    documents: outputs.map((o) => ({
      doc: o.task.src.id,
      ...(o.task.tgt ? { tgtDoc: o.task.tgt.id } : {}),
      status: o.status,
      ...(o.date ? { date: o.date } : {}),
      ...(o.srcLang ? { srcLang: o.srcLang, tgtLang: o.tgtLang } : {}),
      languages: o.languages,
      counts: o.counts,
      timeMs: o.timeMs,
      // A bad translation's own reason as a code too (`reason`: empty, binary, invalidUtf8, ...): CI
      // tells a placeholder from an encoding problem without reading a message in the UI language.
      errors: problemsOf(o).map((p) => ({ stage: p.stage, code: p.code,
        ...(typeof p.params?.reasonCode === 'string' ? { reason: p.params.reasonCode } : {}), message: failureMessage(p) })),
    })),
  };
}

/** The record with its keys in code-point order, so report.json and snapshots list languages alike. */
export function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
