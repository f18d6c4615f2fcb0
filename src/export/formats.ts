// The output formats a job can write, in the order it writes them. A module of its own, importing
// nothing, so that the job file's check (pipeline/job.ts) knows them without loading the writers.

export type OutputFormat = 'jsonl' | 'tsv' | 'tmx' | 'xliff';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['jsonl', 'tsv', 'tmx', 'xliff'];
