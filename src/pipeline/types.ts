// Plain data of the per-document machine: its input, its context (persisted after every stage) and
// its output. Everything here is JSON-serialisable, so a snapshot can be resumed here or on a queue
// worker on another machine that rebuilds the same dependencies from the job.
import type { Failure, ReadDocument, RawSentence } from '../documents/index.ts';
import type { Change, Lang, Segment, Sentence, TermMatch } from '../types.ts';
import type { Job } from './job.ts';

export interface DocRef {
  /** Path relative to the job root, POSIX separators: the document id in every output. */
  id: string;
  path: string;
  /** Size and modification time: a changed file is processed again on resume. */
  fingerprint: string;
  /** Language declared by the file name (NAME.ru.txt), when there is one. */
  declared?: Lang;
  /** What the path is when it is not a file (a named pipe found in a folder): the read stage refuses it. */
  special?: 'fifo' | 'socket' | 'device';
}

/** One unit of work: a document, or a source document with its parallel target. */
export interface DocTask {
  src: DocRef;
  tgt?: DocRef;
  /** Direction of a pair (from the job's pairs); for a single document it is decided by detection. */
  pair?: { src: Lang; tgt: Lang };
  /**
   * A second translation in one language by its name (NAME.RU.txt) of an original (NAME.txt) the job
   * pairs with another (NAME.ru.txt): it is processed on its own, and the report says so.
   */
  unpaired?: { original: string; pairedWith: string };
}

/** The job settings a machine needs (a subset of Job, so snapshots do not depend on paths elsewhere). */
export type StageSettings = Pick<Job, 'languages' | 'pairs' | 'limits' | 'retries' | 'lowConfidence'>;

export interface MachineInput { task: DocTask; settings: StageSettings }

/** A sentence after normalisation: its house-style text, edits and glossary mentions. */
export interface NormalSentence extends Sentence {
  normalized: string;
  changes: Change[];
  terms: TermMatch[];
}

export interface Side<S> { doc: DocRef; sentences: S[]; paragraphs?: number }

export interface StageTimes { [stage: string]: number }

export interface DocContext {
  input: MachineInput;
  attempt: number;
  times: StageTimes;
  read?: { src: ReadDocument; tgt?: ReadDocument };
  segmented?: { src: RawSentence[]; tgt?: RawSentence[] };
  detected?: { src: Sentence[]; tgt?: Sentence[]; srcLang: Lang; tgtLang: Lang; languages: Record<Lang, number> };
  normalized?: { src: NormalSentence[]; tgt?: NormalSentence[]; srcLang: Lang; tgtLang: Lang; languages: Record<Lang, number> };
  segments?: Segment[];
  /** What is left of the earlier stages once a later one no longer needs their data. */
  summary?: { paragraphs: number; date?: string; sentences?: number; tgtSentences?: number; srcLang?: Lang; tgtLang?: Lang;
    languages?: Record<Lang, number> };
  failure?: Failure & { stage: string };
  /** Problems that did not stop the document (a translation that cannot be read: the source goes on alone). */
  problems?: Array<Failure & { stage: string }>;
  /** Written by the emit stage: what the batch gathers into the job's outputs. */
  result?: DocOutput;
}

export interface DocOutput {
  task: DocTask;
  status: 'done' | 'failed';
  /** From the document's `date YYYY-MM-DD` header. */
  date?: string;
  srcLang?: Lang;
  tgtLang?: Lang;
  /** Characters of text per detected language (sentences of both sides). */
  languages: Record<Lang, number>;
  counts: { paragraphs: number; sentences: number; tgtSentences: number; segments: number; aligned: number;
    translated: number; terms: number; changes: number; flagged: number };
  timeMs: number;
  /** Milliseconds per stage (for benchmarks; report.json shows the total). */
  stageMs: StageTimes;
  segments: Segment[];
  failure?: Failure & { stage: string };
  problems?: Array<Failure & { stage: string }>;
}
