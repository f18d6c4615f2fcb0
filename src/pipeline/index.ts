// The pipeline: job files, the per-document machine and the batch that runs it over a job's documents.
export { loadJob, parseJobText, parsePair, resolveJob, type Job, type JobFile, type LangPair, type OutputFormat } from './job.ts';
export { compactSnapshot, createDocumentMachine, expandSnapshot, isTransient, type DocumentMachine } from './machine.ts';
export { buildDeps, jobGlossaryFiles, runBatch, type BatchOptions, type BatchResult, type PreparedDeps } from './batch.ts';
export { discoverDocuments, pairDocuments } from './discover.ts';
export { buildReport, type DocumentReport, type Report } from './report.ts';
export { STAGES, type StageDeps, type StageName } from './stages.ts';
export { STATE_DIR } from './state.ts';
export type { DocContext, DocOutput, DocRef, DocTask, MachineInput, StageSettings } from './types.ts';
